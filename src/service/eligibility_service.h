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

class EligibilityService {
 public:
  explicit EligibilityService(Context ctx, domain::Settings settings = {}) : ctx_(ctx), settings_(std::move(settings)) {}

  Result<domain::Verdicts> ForPerson(const Actor& actor, const std::string& code, int year,
                                     std::optional<Date> date = std::nullopt);
  Result<domain::Verdicts> ForUnit(const Actor& actor, const std::string& code, int year,
                                   std::optional<Date> date = std::nullopt);
  // Everyone in scope (people for a person award, units for a unit award; within `unit_code`'s subtree
  // when given) who is eligible for `award_code` in `year`, in id order.
  Result<std::vector<domain::Verdicts>> Scan(const Actor& actor, int year, const std::string& award_code,
                                             const std::optional<std::string>& unit_code,
                                             std::optional<Date> date = std::nullopt);

 private:
  Result<const domain::RuleSet*> Rules(int year, std::optional<Date> date);
  Context ctx_;
  domain::Settings settings_;
  std::once_flag once_;
  std::optional<domain::RuleBook> book_;
  Status book_status_;
};

// The eligibility verdict JSON of API.md (conditions carry their "facts" too). The CLI and the HTTP API
// both print this.
std::string VerdictsJson(const domain::Verdicts& verdicts);

}  // namespace thidua::service
