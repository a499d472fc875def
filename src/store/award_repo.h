// The award catalogue (award_types) and awards. Functions take the caller's connection; no
// authorisation here (the service passes what the caller may see as a RecordQuery's scope).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/award_records.h"
#include "store/record_repo.h"
#include "store/rows.h"

namespace thidua::store::awards {

// ---- the catalogue ----

// Every award type, in sort order then code.
Result<std::vector<domain::AwardTypeRecord>> Types(Conn& conn);
// Adds a (non-builtin) type; kAlreadyExists when the code is taken.
Status InsertType(Conn& conn, const domain::AwardTypeRecord& type);

// ---- awards ----

// Who an award goes to, resolved by the service: the person (for a person), and the unit it is
// attributed to with that unit's name as at the decision date (the unit itself for a unit; the
// person's unit on the decision date; a household's locality, if any).
struct Target {
  std::optional<PersonId> person;
  std::optional<UnitId> unit;
  std::string unit_name;
  std::string subject_name;  // the person's or unit's name, for search
};

struct AwardRow {
  AwardId id;
  std::string subject_type;  // person | unit | household
  std::optional<PersonId> person;
  std::string subject_code;  // a person's or unit's code; a household's name
  std::string subject_name;  // a person's name; a unit's or household's name as recorded
  std::optional<UnitId> unit;
  std::string unit_code;  // the attributed unit's code today
  std::string unit_name;  // its name as at the decision date
  std::string award_code;
  std::string award_name;
  int period_from = 0;
  int period_to = 0;
  std::string method;
  std::string decision_no;
  Date decision_date{1970, 1, 1};
  std::string issuer;
  std::string signer;
  std::optional<int64_t> bonus_amount;
  bool revoked = false;
  std::string revoke_reason;

  domain::AwardRecord ToRecord() const;
};

Result<std::optional<AwardRow>> FindById(Conn& conn, AwardId id);
// kAlreadyExists (field award_code) when the subject already holds this award for this year.
Result<AwardId> Insert(Conn& conn, const domain::AwardRecord& award, const Target& target, int64_t now_ms);
// Rewrites every field but the subject.
Status Update(Conn& conn, AwardId id, const domain::AwardRecord& award, const Target& target, int64_t now_ms);
Status Revoke(Conn& conn, AwardId id, const std::string& reason, int64_t now_ms);

// The awards whose subject is this person or unit, newest decision first (revoked ones included).
Result<std::vector<AwardRow>> Of(Conn& conn, const records::Subject& subject);
// People's and households' awards attributed to `unit` (not the unit's own), newest first.
Result<std::vector<AwardRow>> AttributedTo(Conn& conn, UnitId unit, int64_t limit);
// Newest decision first. `year` is the last year of the achievement period; scope and `within` keep
// awards attributed to a unit inside and people's awards whose person is inside today. Words search
// the subject's code and name and the decision number.
Result<Page<AwardRow>> List(Conn& conn, const records::RecordQuery& query);
// Every award's ids, key and fields (names empty, codes empty but a household's name), for imports.
Result<std::vector<AwardRow>> All(Conn& conn);

}  // namespace thidua::store::awards
