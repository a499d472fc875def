// Eligibility: the rules engine (domain/eligibility.h) over the records of the database, for one
// person, one unit, or everyone in the caller's scope. Every call checks the actor's role and scope;
// a subject outside the scope is kNotFound; a year no shipped rule set covers is kInvalidArgument.
// Thread-safe: the rule book is loaded once (lazily, under std::call_once) and only read afterwards.
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

class EligibilityService {
 public:
  // The province's settings (service/settings_service.h) are read with the records of every call.
  explicit EligibilityService(Context ctx) : ctx_(ctx) {}

  Result<domain::Verdicts> ForPerson(const Actor& actor, const std::string& code, int year,
                                     std::optional<Date> date = std::nullopt);
  Result<domain::Verdicts> ForUnit(const Actor& actor, const std::string& code, int year,
                                   std::optional<Date> date = std::nullopt);
  // Everyone in scope (people for a person award, units for a unit award; within `unit_code`'s subtree
  // when given) who is eligible for `award_code` in `year`, in id order.
  Result<std::vector<domain::Verdicts>> Scan(const Actor& actor, int year, const std::string& award_code,
                                             const std::optional<std::string>& unit_code,
                                             std::optional<Date> date = std::nullopt);
  // The CSTDCS quota of `unit_code` for `year`; the unit must be in the caller's scope.
  Result<UnitQuota> Quota(const Actor& actor, const std::string& unit_code, int year);

 private:
  Result<const domain::RuleSet*> Rules(int year, std::optional<Date> date);
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
