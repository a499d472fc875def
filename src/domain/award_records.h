// Records of achievement and conduct — evaluations (xếp loại), initiatives (sáng kiến), disciplines
// (kỷ luật), awards (khen thưởng) — and the award catalogue (danh hiệu, hình thức): the one place
// where their raw fields (from a form, a JSON body or an import row, keyed by the import column
// names of API.md) become typed, validated records.
//
// Every Parse* returns kInvalidArgument listing *every* bad field in Status::fields(), with a
// Vietnamese message for each. Whether a code names an existing person, unit or initiative author is
// the service's question (it needs the database); everything that can be judged from the fields, the
// catalogue and today's date is judged here. Pure functions, no I/O, no clock; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/ids.h"
#include "base/result.h"
#include "domain/records.h"

namespace thidua {

// Awards have no code: they are addressed by id (API.md, "Resources are addressed by their code
// where they have one, otherwise by id").
using AwardId = Id<struct AwardTag>;
using EvaluationId = Id<struct EvaluationTag>;
using DisciplineId = Id<struct DisciplineTag>;
using InitiativeId = Id<struct InitiativeTag>;

}  // namespace thidua

namespace thidua::domain {

// The catalogues of record codes, in display order (labels are Vietnamese).
const std::vector<Option>& Ratings();           // HTXS, HTT, HT, KHT (best first)
const std::vector<Option>& InitiativeScopes();  // CO_SO, TINH, TOAN_QUOC (narrowest first)
const std::vector<Option>&
AwardMethods();  // THUONG_XUYEN, CHUYEN_DE, DOT_XUAT, CONG_HIEN, NIEN_HAN, DOI_NGOAI
const std::vector<Option>& DisciplineLevels();  // KHIEN_TRACH … BUOC_THOI_VIEC (mildest first)
const std::vector<Option>& SubjectTypes();      // person, unit, household

// The position of a code in its catalogue (0 = first), or -1 when it is not there. Ratings rank best
// first, scopes and discipline levels narrowest/mildest first, so "≥ TINH" is Rank(...) >= Rank("TINH").
int Rank(const std::vector<Option>& catalogue, std::string_view code);

// The years a record may name: 1945 (the first emulation movement) to next year.
inline constexpr int kFirstRecordYear = 1945;
bool IsRecordYear(int year, Date today);

// ---- the award catalogue ----

struct AwardTypeRecord {
  std::string code;
  std::string name;
  std::vector<std::string> subjects;  // of SubjectTypes(), at least one
  std::string decided_by;             // "Chủ tịch UBND tỉnh", …
  int sort_order = 0;
  int period_years = 1;  // the achievement period assumed when an award gives only its last year
  bool builtin = false;  // one of DOMAIN.md's codes (shipped by the schema)

  bool Allows(std::string_view subject_type) const;
  std::string SubjectsText() const;  // "person,unit,household"
};
// Fields: code, name, subjects ("person,unit" — ',' or ';'), decided_by, sort_order, period_years.
Result<AwardTypeRecord> ParseAwardType(const RawFields& raw);
RawFields ToRaw(const AwardTypeRecord& type);
// The entry of `code`, or null.
const AwardTypeRecord* FindAwardType(const std::vector<AwardTypeRecord>& catalogue, std::string_view code);

// ---- evaluations ----

struct EvaluationRecord {
  std::string subject_type;  // person | unit
  std::string subject_code;
  int year = 0;
  std::string rating;  // of Ratings()
};
// Fields: subject_type, subject_code, year, rating.
Result<EvaluationRecord> ParseEvaluation(const RawFields& raw, Date today);
RawFields ToRaw(const EvaluationRecord& evaluation);

// ---- initiatives ----

struct InitiativeRecord {
  std::string code;
  std::string title;
  std::vector<std::string> author_codes;  // person codes, in order, no repeats, at least one
  std::string scope;                      // of InitiativeScopes()
  Date recognized_on{1970, 1, 1};
  std::string recognized_by;  // the recognising body and its decision
};
// Fields: code, title, author_codes ("P1;P2"), scope, recognized_on, recognized_by.
Result<InitiativeRecord> ParseInitiative(const RawFields& raw, Date today);
RawFields ToRaw(const InitiativeRecord& initiative);

// ---- disciplines ----

struct DisciplineRecord {
  std::string person_code;
  std::string level;  // of DisciplineLevels(); may be empty only while pending
  Date from{1970, 1, 1};
  std::optional<Date> to;  // empty: not ended (or a review still open)
  bool pending = false;    // a disciplinary review, investigation or complaint not yet concluded
};
// Fields: person_code, level, from, to, pending ("0" | "1", empty = "0").
Result<DisciplineRecord> ParseDiscipline(const RawFields& raw, Date today);
RawFields ToRaw(const DisciplineRecord& discipline);

// ---- awards ----

struct AwardRecord {
  std::string subject_type;  // person | unit | household
  std::string subject_code;  // a person's or unit's code; for a household, its name
  std::string award_code;
  int period_from = 0;  // the achievement period, in years
  int period_to = 0;    // "year" in imports and the API
  std::string method;   // of AwardMethods()
  std::string decision_no;
  Date decision_date{1970, 1, 1};
  std::string issuer;
  std::string signer;
  std::optional<int64_t> bonus_amount;  // VND
  bool revoked = false;
  std::string revoke_reason;
  std::string unit_code;  // a household's locality (optional); computed for people and units
};
// Fields: subject_type, subject_code, award_code, year, period_from (default: year minus the catalogue's
// period_years plus one), method, decision_no, decision_date, issuer, signer, bonus_amount, revoked
// ("0" | "1"), revoke_reason, unit_code. The award code must be in `catalogue` and allow the subject type;
// a decision may not be dated after today nor before its achievement period starts.
Result<AwardRecord> ParseAward(const RawFields& raw, const std::vector<AwardTypeRecord>& catalogue,
                               Date today);
RawFields ToRaw(const AwardRecord& award);

// kInvalidArgument (field revoke_reason) unless a revocation gives its reason.
Status CheckRevokeReason(std::string_view reason);

}  // namespace thidua::domain
