// Eligibility: the rules engine (domain/eligibility.h) over the records of the database, for one
// person, one unit, or everyone in the caller's scope. Every call checks the actor's role and scope;
// a subject outside the scope is kNotFound; a year no shipped rule set covers is kInvalidArgument.
// Thread-safe: the rule book is loaded once (lazily, under std::call_once) and only read afterwards.
//
// Who a scan (Eligible) looks at, for a year Y:
//  - people: everyone with a membership during Y in the scope — the caller's subtree (the province
//    for office, office lead, admin), narrowed to a unit's subtree when one is asked for — and, for a
//    scoped role (unit officer, unit head, council), who is also in the caller's scope today. That
//    last part is the rule of ForPerson and of the person's page (a membership open today), so every
//    person a scan lists can be opened by whoever ran it; someone who moved to another unit is listed
//    to that unit's officer and to the province, not to the officer of the unit they left.
//  - units: every unit of the scope's subtree (UnitInScope, the rule of ForUnit).
// A person's unit during Y is the unit of their last membership in the scope overlapping Y; a unit's
// is its parent. The field (lĩnh vực) is the unit's own — for a person the field of their unit during
// Y — or, when the unit has none, its nearest ancestor's.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "domain/eligibility.h"
#include "domain/rules.h"
#include "service/actor.h"
#include "service/context.h"

namespace thidua::service {

// The CSTDCS quota of a unit in a year (issue 3 item 5): the people with a membership in the unit's
// subtree during the year, how many of them are LDTT (meet its standard or hold the award for the
// year), how many qualify for CSTDCS and how many hold it; `check` compares the CSTDCS awards with
// what the province's quota setting allows.
struct UnitQuota {
  std::string unit_code;
  std::string unit_name;
  int year = 0;
  int members = 0;
  int ldtt = 0;
  int cstdcs_eligible = 0;
  int cstdcs_awarded = 0;
  int quota_percent = 0;
  domain::QuotaCheck check;
};

// What the "who qualifies in year Y for award X" screen, its export and `thidua export eligibility`
// ask for (issue 3 item 4).
struct EligibilityQuery {
  int year = 0;
  std::string award;  // an award code of DOMAIN.md
  // For an award of both people and units (GK, BK_TINH, …): which; ignored when the award has one kind.
  domain::SubjectType subject = domain::SubjectType::kPerson;
  std::optional<std::string> unit;   // only this unit's subtree (which must be in the caller's scope)
  std::optional<std::string> field;  // only subjects of this field (domain::UnitFields())
  std::string q;                     // name or code, ignoring case and diacritics
  std::optional<Date> date;          // picks the rule set; default 31/12 of `year`
  int64_t offset = 0;                // the window of `items` returned
  int64_t limit = -1;                // -1: every eligible subject
  bool full_verdicts = false;        // also every award's verdict of each subject in the window
};

// One subject that meets the award's conditions, with where it stood in the year.
struct EligibleSubject {
  std::string code;
  std::string name;
  std::string unit_code;  // see the file comment; "" when none
  std::string unit_name;
  std::string field;         // a code of domain::UnitFields(); "" when none
  domain::AwardVerdict verdict;  // the award's verdict, every condition with its facts and basis
  std::optional<domain::Verdicts> verdicts;  // every award's, when the query asked for full_verdicts
};

struct EligibilityList {
  int year = 0;
  std::string award;
  domain::SubjectType subject = domain::SubjectType::kPerson;
  std::string rule_set;
  int64_t evaluated = 0;  // subjects in scope, after the unit, field and name filters, judged by the rules
  int64_t total = 0;      // how many of them are eligible
  std::vector<EligibleSubject> items;  // [offset, offset + limit) of the eligible, in Vietnamese name order
};

class EligibilityService {
 public:
  // The province's settings (service/settings_service.h) are read with the records of every call.
  explicit EligibilityService(Context ctx) : ctx_(ctx) {}

  Result<domain::Verdicts> ForPerson(const Actor& actor, const std::string& code, int year,
                                     std::optional<Date> date = std::nullopt);
  Result<domain::Verdicts> ForUnit(const Actor& actor, const std::string& code, int year,
                                   std::optional<Date> date = std::nullopt);
  // Everyone in scope who is eligible for `query.award` in `query.year` (people for a person award,
  // units for a unit award): the eligible in Vietnamese name order (given name first; units by name),
  // a window of them with the award's verdict (and every award's, on request), and the counts. Only
  // the window's subjects are judged on every award, so a page of a province-wide scan costs one
  // award's evaluation per person. kInvalidArgument for an unknown award or field.
  Result<EligibilityList> Eligible(const Actor& actor, const EligibilityQuery& query);
  // The same for several awards of one subject type (`query.subject`, or the kind the first award
  // applies to), loading the histories once: one list per award, in the order given. kInvalidArgument
  // for an award that does not apply to that subject type.
  Result<std::vector<EligibilityList>> EligibleEach(const Actor& actor, const EligibilityQuery& query,
                                                    const std::vector<std::string>& awards);
  // The CSTDCS quota of `unit_code` for `year`; the unit must be in the caller's scope.
  Result<UnitQuota> Quota(const Actor& actor, const std::string& unit_code, int year);

 private:
  struct ScanData;  // what a scan loaded and found (eligibility_service.cc)
  Result<const domain::RuleSet*> Rules(int year, std::optional<Date> date);
  // Validates `query` and loads the subjects of its scope and filters, with their histories, into `data`
  // (judging them is Judge's, per award).
  Status Collect(store::Conn& conn, const Actor& actor, const EligibilityQuery& query, ScanData& data);
  Context ctx_;
  std::once_flag once_;
  std::optional<domain::RuleBook> book_;
  Status book_status_;
};

// The eligibility verdict JSON of API.md (conditions carry their "facts" too). The CLI and the HTTP API
// both print this.
std::string VerdictsJson(const domain::Verdicts& verdicts);
// {"unit", "name", "year", "members", "ldtt", "cstdcs_eligible", "cstdcs_awarded", "quota_percent",
//  "allowed", "used", "remaining", "within", "text", "basis"}
std::string QuotaJson(const UnitQuota& quota);

}  // namespace thidua::service
