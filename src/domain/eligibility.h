// The rules engine: who meets the standard of which title or commendation in a year, and why.
//
// Pure: a subject's history (plain structs the eligibility service fills from the database), the
// province's settings and a rule set (rules.h) in; verdicts out. Every award code of DOMAIN.md that
// applies to the subject appears in the verdicts, each with the conditions it rests on — met or not,
// in Vietnamese, with the facts used and the article of law. No I/O, no clock; every function is
// thread-safe (the inputs are only read).
//
// How records count (DOMAIN.md, "The rules engine"):
//  - the year under review is judged from that year's records (rating, initiatives, discipline,
//    members); an earlier year counts only through an award record that is not revoked and whose
//    method is not one of the rule set's non-counting methods (thematic, sudden);
//  - records after the year under review are ignored (except a pending discipline review: that is a
//    hold on proposing anyone now, whatever the year);
//  - after a discipline ends, only achievements of later years count.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/date.h"
#include "domain/eligibility_codes.h"
#include "domain/rules.h"

namespace thidua::domain {

// ---- inputs ----

struct RatingFact {  // one evaluation (xếp loại)
  int year = 0;
  Rating rating = Rating::kHt;
};

struct InitiativeFact {  // an initiative or research work the person is an author of
  std::string code;
  std::string title;
  InitiativeScope scope = InitiativeScope::kCoSo;
  Date recognized_on{1970, 1, 1};
};

struct DisciplineFact {
  std::string level;  // khien_trach, canh_cao, … (any case; eligibility_codes.h); may be empty if pending
  Date from{1970, 1, 1};
  std::optional<Date> to;  // empty: not ended
  bool pending = false;    // review, investigation or complaint in progress: a hold on proposals
};

struct AwardFact {  // a granted title or form (imported history and workflow results alike)
  AwardCode award = AwardCode::kLdtt;  // awards of codes outside AwardCode play no part: leave them out
  AwardMethod method = AwardMethod::kThuongXuyen;
  bool revoked = false;
  int period_from = 0;  // achievement years, inclusive
  int period_to = 0;
  Date decision_date{1970, 1, 1};
  std::string decision_no;  // "12/QĐ-UBND"
};

struct PersonHistory {
  std::string code;
  std::string name;
  std::optional<Date> recruited_on;
  std::vector<RatingFact> ratings;  // any order; at most one per year
  std::vector<InitiativeFact> initiatives;
  std::vector<DisciplineFact> disciplines;
  std::vector<AwardFact> awards;
  std::vector<int> registered_years;  // years with an emulation registration (only read if required)
};

// One member of a collective in the year under review. Fill it with SummariseMemberYear.
struct MemberYear {
  std::string person_code;
  std::optional<Rating> rating;
  bool meets_ldtt = false;    // LDTT standard that year (or an LDTT award for it)
  bool meets_cstdcs = false;  // CSTDCS standard that year (or a CSTDCS award for it)
  std::optional<std::string> worst_discipline_level_in_year;
};

struct UnitHistory {
  std::string code;
  std::string name;
  std::vector<RatingFact> ratings;
  std::vector<AwardFact> awards;
  std::map<int, std::vector<MemberYear>> members_by_year;  // the people with a membership during the year
  std::set<int> block_leader_years;  // years the unit led its block/cluster by the block's vote
  std::vector<int> registered_years;
  std::optional<Date> dissolved_on;
};

// ---- settings a province decides (DOMAIN.md; legal-basis.md marks them UNCONFIRMED) ----

struct Settings {
  int cstdcs_quota_percent = 15;  // CSTDCS ≤ this % of LDTT (old Decree 91/2017 Art. 9.3)
  std::string cstdcs_quota_basis = "Điều 9 khoản 3 Nghị định 91/2017/NĐ-CP (tỷ lệ do tỉnh quy định)";
  std::string ttldtt_member_discipline_level = "canh_cao";  // TTLDTT: no member at this level or above
  int ldtt_min_months_served = 6;      // LDTT: not recruited less than this before year end (TT 01/2024)
  bool registration_required = false;  // registration is province policy, not a legal gate
  std::vector<RuleCondition> gk_person_criteria;  // Giấy khen (Điều 75.2): empty = judgement
  std::vector<RuleCondition> gk_unit_criteria;
  int cstd_tinh_council_threshold_percent = 90;  // of all council members, secret ballot
  int public_disclosure_working_days = 10;       // orders: before the council meeting
};

// kInvalidArgument (with fields) when a setting is out of range or names an unknown level.
Status ValidateSettings(const Settings& settings);

// ---- outputs (the eligibility verdict JSON of API.md) ----

struct Condition {
  bool met = false;
  std::string text;                // "Hoàn thành xuất sắc nhiệm vụ năm 2024"
  std::string basis;               // "Điều 23 khoản 2 Luật TĐKT 2022"
  std::vector<std::string> facts;  // the records used, and what is missing
};

struct AwardVerdict {
  std::string award;             // "CSTDCS"
  std::optional<bool> eligible;  // nullopt: rests on human judgement alone
  std::vector<Condition> conditions;
  std::vector<Condition> judgement_paths;  // further paths people decide (BK_TINH clauses a–c, …)
};

struct Verdicts {
  std::string subject_type;  // "person" | "unit"
  std::string code;
  std::string name;
  int year = 0;
  std::string rule_set;
  std::vector<AwardVerdict> results;  // every award of the subject type, in DOMAIN.md's order
};

// ---- evaluation ----

// Every award for a person / a unit, for the achievements of `year`, under `rules` (pick it with
// RuleBook::ForYear). REQUIRES: `rules` came from ParseRuleBook (all awards present).
Verdicts EvaluatePerson(const RuleSet& rules, const Settings& settings, const PersonHistory& person,
                        int year);
Verdicts EvaluateUnit(const RuleSet& rules, const Settings& settings, const UnitHistory& unit, int year);

// The same into `out`, reusing the memory of what `out` held (a scan over many subjects then allocates
// almost nothing after the first). Everything in `out` is replaced.
void EvaluatePersonInto(const RuleSet& rules, const Settings& settings, const PersonHistory& person, int year,
                        Verdicts& out);
void EvaluateUnitInto(const RuleSet& rules, const Settings& settings, const UnitHistory& unit, int year,
                      Verdicts& out);

// One award only (the "who qualifies for X" scan). REQUIRES: AppliesTo(award, subject).
AwardVerdict EvaluatePersonAward(const RuleSet& rules, const Settings& settings, const PersonHistory& person,
                                 int year, AwardCode award);
void EvaluatePersonAwardInto(const RuleSet& rules, const Settings& settings, const PersonHistory& person,
                             int year, AwardCode award, AwardVerdict& out);
AwardVerdict EvaluateUnitAward(const RuleSet& rules, const Settings& settings, const UnitHistory& unit,
                               int year, AwardCode award);

// A member's year as the unit rules need it, judged by the same rule set (LDTT and CSTDCS standards).
MemberYear SummariseMemberYear(const RuleSet& rules, const Settings& settings, const PersonHistory& person,
                               int year);

// ---- the CSTDCS quota ----

struct QuotaCheck {
  int allowed = 0;     // ⌊ldtt_count × percent / 100⌋
  int used = 0;        // cstdcs_count
  int remaining = 0;   // max(0, allowed − used)
  bool within = true;  // used ≤ allowed
  std::string
      text;  // "Được công nhận tối đa 3 Chiến sĩ thi đua cơ sở (15% của 20 Lao động tiên tiến); đã dùng 2"
  std::string basis;
};
QuotaCheck CstdcsQuota(const Settings& settings, int ldtt_count, int cstdcs_count);

}  // namespace thidua::domain
