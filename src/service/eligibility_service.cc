#include "service/eligibility_service.h"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "service/access.h"
#include "service/settings_service.h"
#include "store/history_repo.h"
#include "store/person_repo.h"
#include "store/unit_repo.h"

namespace thidua::service {
namespace {

namespace hist = store::history;

// How far back records are loaded: earlier awards gate later titles (period_to ≤ year is loaded in
// full by the repository); ratings and initiatives of this many earlier years are loaded as well.
constexpr int kYearsBack = 10;

domain::AwardFact ToAward(const hist::AwardFact& a, domain::AwardCode code) {
  domain::AwardFact out;
  out.award = code;
  out.method = domain::ParseAwardMethod(a.method).value_or(domain::AwardMethod::kThuongXuyen);
  out.revoked = a.revoked;
  out.period_from = a.period_from;
  out.period_to = a.period_to;
  out.decision_date = a.decision_date;
  out.decision_no = a.decision_no;
  return out;
}

void AddRating(std::vector<domain::RatingFact>& ratings, const hist::EvaluationFact& e) {
  if (auto r = domain::ParseRating(e.rating)) ratings.push_back({e.year, *r});
}

void AddAward(std::vector<domain::AwardFact>& awards, const hist::AwardFact& a) {
  if (auto code = domain::ParseAwardCode(a.award_code)) awards.push_back(ToAward(a, *code));
}

// The rules engine's histories of every person loaded, by person id.
std::unordered_map<int64_t, domain::PersonHistory> PersonHistories(const hist::PeopleHistories& h) {
  std::unordered_map<int64_t, domain::PersonHistory> out;
  for (const hist::PersonFacts& p : h.people) {
    domain::PersonHistory& ph = out[p.id.value()];
    ph.code = p.code;
    ph.name = p.full_name;
    ph.recruited_on = p.recruited_on;
  }
  for (const auto& e : h.evaluations) {
    if (auto it = out.find(e.subject); it != out.end()) AddRating(it->second.ratings, e);
  }
  for (const auto& i : h.initiatives) {
    auto it = out.find(i.person.value());
    auto scope = domain::ParseInitiativeScope(i.scope);
    if (it == out.end() || !scope) continue;
    it->second.initiatives.push_back({i.code, "", *scope, i.recognized_on});
  }
  for (const auto& d : h.disciplines) {
    auto it = out.find(d.person.value());
    if (it == out.end()) continue;
    it->second.disciplines.push_back({d.level, d.from, d.to, d.pending});
  }
  for (const auto& a : h.awards) {
    if (auto it = out.find(a.subject); it != out.end()) AddAward(it->second.awards, a);
  }
  return out;
}

bool Overlaps(const hist::MembershipFact& m, int year) {
  return m.from <= Date(year, 12, 31) && (!m.to || Date(year, 1, 1) <= *m.to);
}

// The members of each unit during `year` (memberships directly in the unit), summarised for the rules.
std::unordered_map<int64_t, std::vector<domain::MemberYear>> MembersByUnit(
    const domain::RuleSet& rules, const domain::Settings& settings, const hist::PeopleHistories& h,
    const std::unordered_map<int64_t, domain::PersonHistory>& people, int year) {
  std::unordered_map<int64_t, std::vector<domain::MemberYear>> out;
  std::unordered_map<int64_t, domain::MemberYear> summaries;
  for (const auto& m : h.memberships) {
    if (!Overlaps(m, year)) continue;
    auto person = people.find(m.person.value());
    if (person == people.end()) continue;
    auto& members = out[m.unit.value()];
    if (std::any_of(members.begin(), members.end(),
                    [&](const domain::MemberYear& y) { return y.person_code == person->second.code; })) {
      continue;
    }
    auto s = summaries.find(m.person.value());
    if (s == summaries.end()) {
      s = summaries.emplace(m.person.value(), domain::SummariseMemberYear(rules, settings, person->second, year))
              .first;
    }
    members.push_back(s->second);
  }
  return out;
}

}  // namespace

Result<const domain::RuleSet*> EligibilityService::Rules(int year, std::optional<Date> date) {
  std::call_once(once_, [&] {
    Result<domain::RuleBook> book = domain::LoadShippedRuleBook();
    if (book.ok()) {
      book_ = std::move(*book);
    } else {
      book_status_ = book.status();
    }
  });
  if (!book_) return book_status_;
  const domain::RuleSet* rules = book_->ForYear(year, date);
  if (!rules) {
    return Status(InvalidArgument("Chưa có bộ quy tắc cho năm " + std::to_string(year) + "."))
        .WithField("year", "Chưa có bộ quy tắc cho năm " + std::to_string(year) + ".");
  }
  return rules;
}

Result<domain::Verdicts> EligibilityService::ForPerson(const Actor& actor, const std::string& code, int year,
                                                       std::optional<Date> date) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  domain::Verdicts verdicts;
  Date today = ctx_.clock.Today();
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(std::optional<store::people::PersonRow> person,
                            store::people::FindByCode(conn, code, today));
    bool visible = false;
    if (person) {
      THIDUA_ASSIGN_OR_RETURN(visible, PersonInScope(conn, actor, person->id, today));
    }
    if (!visible) return NotFound("Không tìm thấy cá nhân \"" + code + "\".");
    THIDUA_ASSIGN_OR_RETURN(const domain::RuleSet* rules, Rules(year, date));
    THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings province, LoadSettings(conn));
    const domain::Settings& settings = province.settings;
    hist::Scope scope{year - kYearsBack, year, std::nullopt, person->id};
    THIDUA_ASSIGN_OR_RETURN(hist::PeopleHistories h, hist::LoadPeople(conn, scope));
    auto people = PersonHistories(h);
    domain::PersonHistory history;
    if (auto it = people.find(person->id.value()); it != people.end()) history = std::move(it->second);
    history.code = person->code;
    history.name = person->full_name;
    history.recruited_on = person->recruited_on;
    verdicts = domain::EvaluatePerson(*rules, settings, history, year);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return verdicts;
}

Result<domain::Verdicts> EligibilityService::ForUnit(const Actor& actor, const std::string& code, int year,
                                                     std::optional<Date> date) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  domain::Verdicts verdicts;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> unit, store::units::FindByCode(conn, code));
    bool visible = false;
    if (unit) {
      THIDUA_ASSIGN_OR_RETURN(visible, UnitInScope(conn, actor, unit->id));
    }
    if (!visible) return NotFound("Không tìm thấy đơn vị \"" + code + "\".");
    THIDUA_ASSIGN_OR_RETURN(const domain::RuleSet* rules, Rules(year, date));
    THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings province, LoadSettings(conn));
    const domain::Settings& settings = province.settings;
    hist::Scope scope{year - kYearsBack, year, unit->id, std::nullopt};
    THIDUA_ASSIGN_OR_RETURN(hist::UnitHistories uh, hist::LoadUnits(conn, scope));
    hist::Scope member_scope{year, year, unit->id, std::nullopt};
    THIDUA_ASSIGN_OR_RETURN(hist::PeopleHistories ph, hist::LoadPeople(conn, member_scope));
    domain::UnitHistory history;
    history.code = unit->code;
    history.name = unit->name;
    if (unit->valid_to) history.dissolved_on = unit->valid_to;
    for (const auto& e : uh.evaluations) {
      if (e.subject == unit->id.value()) AddRating(history.ratings, e);
    }
    for (const auto& a : uh.awards) {
      if (a.subject == unit->id.value()) AddAward(history.awards, a);
    }
    auto people = PersonHistories(ph);
    auto members = MembersByUnit(*rules, settings, ph, people, year);
    history.members_by_year[year] = std::move(members[unit->id.value()]);
    verdicts = domain::EvaluateUnit(*rules, settings, history, year);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return verdicts;
}

Result<std::vector<domain::Verdicts>> EligibilityService::Scan(const Actor& actor, int year,
                                                               const std::string& award_code,
                                                               const std::optional<std::string>& unit_code,
                                                               std::optional<Date> date) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  std::optional<domain::AwardCode> award = domain::ParseAwardCode(award_code);
  if (!award) {
    return Status(InvalidArgument("Dữ liệu không hợp lệ."))
        .WithField("award", "Không có danh hiệu, hình thức khen thưởng mã \"" + award_code + "\".");
  }
  std::vector<domain::Verdicts> out;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    std::optional<UnitId> root = ScopeRoot(actor);
    if (unit_code && !unit_code->empty()) {
      THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> unit,
                              store::units::FindByCode(conn, *unit_code));
      bool visible = false;
      if (unit) {
        THIDUA_ASSIGN_OR_RETURN(visible, UnitInScope(conn, actor, unit->id));
      }
      if (!visible) return NotFound("Không tìm thấy đơn vị \"" + *unit_code + "\".");
      root = unit->id;
    }
    THIDUA_ASSIGN_OR_RETURN(const domain::RuleSet* rules, Rules(year, date));
    THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings province, LoadSettings(conn));
    const domain::Settings& settings = province.settings;
    domain::Verdicts verdicts;
    if (domain::AppliesTo(*award, domain::SubjectType::kPerson)) {
      hist::Scope scope{year - kYearsBack, year, root, std::nullopt};
      THIDUA_ASSIGN_OR_RETURN(hist::PeopleHistories h, hist::LoadPeople(conn, scope));
      auto people = PersonHistories(h);
      for (const hist::PersonFacts& p : h.people) {
        // Only people with a membership in the scope during the year under review.
        if (root && std::none_of(h.memberships.begin(), h.memberships.end(), [&](const hist::MembershipFact& m) {
              return m.person == p.id && Overlaps(m, year);
            })) {
          continue;
        }
        domain::EvaluatePersonInto(*rules, settings, people[p.id.value()], year, verdicts);
        for (const auto& r : verdicts.results) {
          if (r.award == domain::AwardCodeName(*award) && r.eligible == true) {
            out.push_back(verdicts);
            break;
          }
        }
      }
      return Status::Ok();
    }
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::units::UnitRow> units, store::units::All(conn, root));
    hist::Scope scope{year - kYearsBack, year, root, std::nullopt};
    THIDUA_ASSIGN_OR_RETURN(hist::UnitHistories uh, hist::LoadUnits(conn, scope));
    hist::Scope member_scope{year, year, root, std::nullopt};
    THIDUA_ASSIGN_OR_RETURN(hist::PeopleHistories ph, hist::LoadPeople(conn, member_scope));
    auto people = PersonHistories(ph);
    auto members = MembersByUnit(*rules, settings, ph, people, year);
    std::unordered_map<int64_t, domain::UnitHistory> histories;
    for (const auto& e : uh.evaluations) AddRating(histories[e.subject].ratings, e);
    for (const auto& a : uh.awards) AddAward(histories[a.subject].awards, a);
    for (const store::units::UnitRow& unit : units) {
      domain::UnitHistory& history = histories[unit.id.value()];
      history.code = unit.code;
      history.name = unit.name;
      history.dissolved_on = unit.valid_to;
      history.members_by_year[year] = std::move(members[unit.id.value()]);
      domain::AwardVerdict verdict = domain::EvaluateUnitAward(*rules, settings, history, year, *award);
      if (verdict.eligible == true) out.push_back(domain::EvaluateUnit(*rules, settings, history, year));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

Result<UnitQuota> EligibilityService::Quota(const Actor& actor, const std::string& unit_code, int year) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  UnitQuota out;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> unit, store::units::FindByCode(conn, unit_code));
    bool visible = false;
    if (unit) {
      THIDUA_ASSIGN_OR_RETURN(visible, UnitInScope(conn, actor, unit->id));
    }
    if (!visible) return NotFound("Không tìm thấy đơn vị \"" + unit_code + "\".");
    THIDUA_ASSIGN_OR_RETURN(const domain::RuleSet* rules, Rules(year, std::nullopt));
    THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings province, LoadSettings(conn));
    const domain::Settings& settings = province.settings;
    hist::Scope scope{year - kYearsBack, year, unit->id, std::nullopt};
    THIDUA_ASSIGN_OR_RETURN(hist::PeopleHistories h, hist::LoadPeople(conn, scope));
    auto people = PersonHistories(h);
    out.unit_code = unit->code;
    out.unit_name = unit->name;
    out.year = year;
    out.quota_percent = settings.cstdcs_quota_percent;
    domain::AwardVerdict verdict;
    for (const hist::PersonFacts& p : h.people) {
      if (std::none_of(h.memberships.begin(), h.memberships.end(),
                       [&](const hist::MembershipFact& m) { return m.person == p.id && Overlaps(m, year); })) {
        continue;
      }
      const domain::PersonHistory& person = people[p.id.value()];
      ++out.members;
      domain::MemberYear member = domain::SummariseMemberYear(*rules, settings, person, year);
      if (member.meets_ldtt) ++out.ldtt;
      domain::EvaluatePersonAwardInto(*rules, settings, person, year, domain::AwardCode::kCstdcs, verdict);
      if (verdict.eligible == true) ++out.cstdcs_eligible;
      if (std::any_of(person.awards.begin(), person.awards.end(), [&](const domain::AwardFact& a) {
            return a.award == domain::AwardCode::kCstdcs && !a.revoked && a.period_to == year;
          })) {
        ++out.cstdcs_awarded;
      }
    }
    out.check = domain::CstdcsQuota(settings, out.ldtt, out.cstdcs_awarded);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

std::string QuotaJson(const UnitQuota& q) {
  nlohmann::ordered_json j = {{"unit", q.unit_code},          {"name", q.unit_name},
                              {"year", q.year},               {"members", q.members},
                              {"ldtt", q.ldtt},               {"cstdcs_eligible", q.cstdcs_eligible},
                              {"cstdcs_awarded", q.cstdcs_awarded}, {"quota_percent", q.quota_percent},
                              {"allowed", q.check.allowed},   {"used", q.check.used},
                              {"remaining", q.check.remaining}, {"within", q.check.within},
                              {"text", q.check.text},         {"basis", q.check.basis}};
  return j.dump();
}

namespace {

nlohmann::ordered_json ConditionJson(const domain::Condition& c) {
  return {{"met", c.met}, {"text", c.text}, {"basis", c.basis}, {"facts", c.facts}};
}

}  // namespace

std::string VerdictsJson(const domain::Verdicts& v) {
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const domain::AwardVerdict& r : v.results) {
    nlohmann::ordered_json conditions = nlohmann::ordered_json::array();
    for (const auto& c : r.conditions) conditions.push_back(ConditionJson(c));
    nlohmann::ordered_json item = {{"award", r.award},
                           {"eligible", r.eligible ? nlohmann::ordered_json(*r.eligible) : nlohmann::ordered_json(nullptr)},
                           {"conditions", std::move(conditions)}};
    if (!r.judgement_paths.empty()) {
      nlohmann::ordered_json paths = nlohmann::ordered_json::array();
      for (const auto& c : r.judgement_paths) paths.push_back(ConditionJson(c));
      item["judgement_paths"] = std::move(paths);
    }
    results.push_back(std::move(item));
  }
  nlohmann::ordered_json j = {{"subject", {{"type", v.subject_type}, {"code", v.code}, {"name", v.name}}},
                      {"year", v.year},
                      {"rule_set", v.rule_set},
                      {"results", std::move(results)}};
  return j.dump();
}

}  // namespace thidua::service
