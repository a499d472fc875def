#include "service/eligibility_service.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "base/memory.h"
#include "domain/records.h"
#include "domain/text.h"
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
// Above this many people a call's working set is large enough to hand back afterwards (base/memory.h).
constexpr size_t kManyPeople = 10'000;

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

// Builds the rules engine's histories while the repository streams the records (history_repo.h), so a
// province's history is held once, in the engine's compact form: people by id, their ids in id order,
// and the memberships (which a scan needs for scope, units and fields).
class HistoryBuilder final : public hist::PeopleSink {
 public:
  std::unordered_map<int64_t, domain::PersonHistory> people;
  std::vector<int64_t> ids;  // in id order
  std::vector<hist::MembershipFact> memberships;

  Status OnPerson(hist::PersonFacts&& p) override {
    domain::PersonHistory& h = people[p.id.value()];
    h.code = std::move(p.code);
    h.name = std::move(p.full_name);
    h.recruited_on = p.recruited_on;
    ids.push_back(p.id.value());
    return Status::Ok();
  }
  Status OnMembership(const hist::MembershipFact& m) override {
    memberships.push_back(m);
    return Status::Ok();
  }
  Status OnEvaluation(const hist::EvaluationFact& e) override {
    if (domain::PersonHistory* h = Find(e.subject)) AddRating(h->ratings, e);
    return Status::Ok();
  }
  Status OnInitiative(hist::InitiativeFact&& i) override {
    domain::PersonHistory* h = Find(i.person.value());
    auto scope = domain::ParseInitiativeScope(i.scope);
    if (h && scope) h->initiatives.push_back({std::move(i.code), "", *scope, i.recognized_on});
    return Status::Ok();
  }
  Status OnDiscipline(hist::DisciplineFact&& d) override {
    if (domain::PersonHistory* h = Find(d.person.value())) {
      h->disciplines.push_back({std::move(d.level), d.from, d.to, d.pending});
    }
    return Status::Ok();
  }
  Status OnAward(hist::AwardFact&& a) override {
    if (domain::PersonHistory* h = Find(a.subject)) AddAward(h->awards, a);
    return Status::Ok();
  }

  // Loads the people of `scope` into this builder.
  Status Load(store::Conn& conn, const hist::Scope& scope) { return hist::LoadPeople(conn, scope, *this); }

 private:
  // Rows come grouped by person: remember the last one found.
  domain::PersonHistory* Find(int64_t id) {
    if (id != last_id_ || last_ == nullptr) {
      auto it = people.find(id);
      last_ = it == people.end() ? nullptr : &it->second;
      last_id_ = id;
    }
    return last_;
  }
  int64_t last_id_ = 0;
  domain::PersonHistory* last_ = nullptr;
};

bool Overlaps(const hist::MembershipFact& m, int year) {
  return domain::Overlaps({m.from, m.to}, {Date(year, 1, 1), Date(year, 12, 31)});
}

// The members of each unit during `year` (memberships directly in the unit), summarised for the rules.
std::unordered_map<int64_t, std::vector<domain::MemberYear>> MembersByUnit(const domain::RuleSet& rules,
                                                                          const domain::Settings& settings,
                                                                          const HistoryBuilder& h, int year) {
  const std::unordered_map<int64_t, domain::PersonHistory>& people = h.people;
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
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow person, VisiblePerson(conn, actor, code, today));
    THIDUA_ASSIGN_OR_RETURN(const domain::RuleSet* rules, Rules(year, date));
    THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings province, LoadSettings(conn));
    const domain::Settings& settings = province.settings;
    HistoryBuilder h;
    THIDUA_RETURN_IF_ERROR(h.Load(conn, {year - kYearsBack, year, std::nullopt, person.id}));
    domain::PersonHistory history;
    if (auto it = h.people.find(person.id.value()); it != h.people.end()) history = std::move(it->second);
    history.code = person.code;
    history.name = person.full_name;
    history.recruited_on = person.recruited_on;
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
    THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow unit, VisibleUnit(conn, actor, code));
    THIDUA_ASSIGN_OR_RETURN(const domain::RuleSet* rules, Rules(year, date));
    THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings province, LoadSettings(conn));
    const domain::Settings& settings = province.settings;
    hist::Scope scope{year - kYearsBack, year, unit.id, std::nullopt};
    THIDUA_ASSIGN_OR_RETURN(hist::UnitHistories uh, hist::LoadUnits(conn, scope));
    // The collective's members: memberships in the unit itself during the year (not its subtree).
    HistoryBuilder ph;
    THIDUA_RETURN_IF_ERROR(ph.Load(conn, {year, year, unit.id, std::nullopt, /*unit_only=*/true}));
    domain::UnitHistory history;
    history.code = unit.code;
    history.name = unit.name;
    if (unit.valid_to) history.dissolved_on = unit.valid_to;
    for (const auto& e : uh.evaluations) {
      if (e.subject == unit.id.value()) AddRating(history.ratings, e);
    }
    for (const auto& a : uh.awards) {
      if (a.subject == unit.id.value()) AddAward(history.awards, a);
    }
    auto members = MembersByUnit(*rules, settings, ph, year);
    history.members_by_year[year] = std::move(members[unit.id.value()]);
    verdicts = domain::EvaluateUnit(*rules, settings, history, year);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return verdicts;
}

namespace {

// The province's units, by id: what a scan shows of a subject's unit and how it finds a subtree.
struct UnitInfo {
  std::string code;
  std::string name;
  std::string field;
  int64_t parent = 0;  // 0: none
};
using UnitMap = std::unordered_map<int64_t, UnitInfo>;

// Parent links are acyclic (domain/records.h checks it); the bound only guards against a bad row.
constexpr int kMaxDepth = 100;

bool InTree(const UnitMap& units, int64_t unit, std::optional<UnitId> root) {
  if (!root) return true;
  for (int depth = 0; unit != 0 && depth < kMaxDepth; ++depth) {
    if (unit == root->value()) return true;
    auto it = units.find(unit);
    unit = it == units.end() ? 0 : it->second.parent;
  }
  return false;
}

// The unit's field, or its nearest ancestor's when it has none.
std::string FieldOf(const UnitMap& units, int64_t unit) {
  for (int depth = 0; unit != 0 && depth < kMaxDepth; ++depth) {
    auto it = units.find(unit);
    if (it == units.end()) break;
    if (!it->second.field.empty()) return it->second.field;
    unit = it->second.parent;
  }
  return "";
}

// Each person's unit during `year`: the unit of their last membership in the tree of `root` that
// overlaps the year (the one still open, else the one that ended last). People without one are absent.
std::unordered_map<int64_t, int64_t> UnitsDuringYear(const std::vector<hist::MembershipFact>& memberships,
                                                     const UnitMap& units, std::optional<UnitId> root, int year) {
  std::unordered_map<int64_t, const hist::MembershipFact*> last;
  auto later = [](const hist::MembershipFact& a, const hist::MembershipFact& b) {
    if (a.to.has_value() != b.to.has_value()) return !a.to.has_value();
    return a.to ? (*a.to != *b.to ? *b.to < *a.to : b.from < a.from) : b.from < a.from;
  };
  for (const hist::MembershipFact& m : memberships) {
    if (!Overlaps(m, year) || !InTree(units, m.unit.value(), root)) continue;
    const hist::MembershipFact*& best = last[m.person.value()];
    if (!best || later(m, *best)) best = &m;
  }
  std::unordered_map<int64_t, int64_t> out;
  for (const auto& [person, m] : last) out[person] = m->unit.value();
  return out;
}

// One eligible subject as the scan found it.
struct Found {
  int64_t id = 0;
  std::string code;
  std::string name;
  int64_t unit = 0;  // shown as the subject's unit: a person's unit during the year, a unit's parent
  std::string field;
};

struct ScanState {
  const domain::RuleSet* rules = nullptr;
  domain::Settings settings;
  domain::AwardCode award = domain::AwardCode::kLdtt;
  domain::SubjectType subject = domain::SubjectType::kPerson;
  int year = 0;
  UnitMap units;
  std::unordered_map<int64_t, domain::PersonHistory> people;
  std::unordered_map<int64_t, domain::UnitHistory> unit_histories;
  // Who is judged, after scope and filters (loaded once, judged for each award asked): subjects in id
  // order, each with the unit shown for it (a person's unit during the year, a unit's parent) and field.
  std::vector<Found> candidates;
  std::vector<const Found*> found;  // the candidates eligible for `award`, by id
  int64_t evaluated = 0;
};

// The filters of a query other than scope: field and name (every word of `words` in the folded name
// or code).
struct Filter {
  const std::optional<std::string>& field;
  std::vector<std::string> words;

  bool Keeps(const UnitMap& units, int64_t field_unit, const std::string& name, const std::string& code) const {
    if (field && !field->empty() && FieldOf(units, field_unit) != *field) return false;
    if (words.empty()) return true;
    std::string key = domain::SearchKey(name + " " + code);
    return std::all_of(words.begin(), words.end(),
                       [&](const std::string& w) { return key.find(w) != std::string::npos; });
  }
};

Status CollectPeople(store::Conn& conn, std::optional<UnitId> root, const std::optional<UnitId>& actor_root,
                     Date today, const Filter& filter, ScanState& data) {
  HistoryBuilder h;
  THIDUA_RETURN_IF_ERROR(h.Load(conn, {data.year - kYearsBack, data.year, root, std::nullopt}));
  // A scoped caller sees only the people it may open (the file comment of the header).
  std::optional<std::unordered_set<int64_t>> visible;
  if (actor_root) {
    THIDUA_ASSIGN_OR_RETURN(std::vector<PersonId> ids, store::people::IdsInScope(conn, *actor_root, today));
    visible.emplace();
    for (PersonId id : ids) visible->insert(id.value());
  }
  std::unordered_map<int64_t, int64_t> unit_of = UnitsDuringYear(h.memberships, data.units, root, data.year);
  h.memberships = {};
  data.people = std::move(h.people);
  for (int64_t id : h.ids) {
    auto unit = unit_of.find(id);
    if (unit == unit_of.end() || (visible && !visible->count(id))) continue;
    const domain::PersonHistory& person = data.people[id];
    if (!filter.Keeps(data.units, unit->second, person.name, person.code)) continue;
    data.candidates.push_back({id, person.code, person.name, unit->second, FieldOf(data.units, unit->second)});
  }
  return Status::Ok();
}

Status CollectUnits(store::Conn& conn, std::optional<UnitId> root, const Filter& filter, ScanState& data) {
  THIDUA_ASSIGN_OR_RETURN(std::vector<store::units::UnitRow> units, store::units::All(conn, root));
  hist::Scope scope{data.year - kYearsBack, data.year, root, std::nullopt};
  THIDUA_ASSIGN_OR_RETURN(hist::UnitHistories uh, hist::LoadUnits(conn, scope));
  HistoryBuilder ph;
  THIDUA_RETURN_IF_ERROR(ph.Load(conn, {data.year, data.year, root, std::nullopt}));
  auto members = MembersByUnit(*data.rules, data.settings, ph, data.year);
  auto& histories = data.unit_histories;
  for (const auto& e : uh.evaluations) AddRating(histories[e.subject].ratings, e);
  for (const auto& a : uh.awards) AddAward(histories[a.subject].awards, a);
  std::sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const store::units::UnitRow& unit : units) {
    if (!filter.Keeps(data.units, unit.id.value(), unit.name, unit.code)) continue;
    domain::UnitHistory& history = histories[unit.id.value()];
    history.code = unit.code;
    history.name = unit.name;
    history.dissolved_on = unit.valid_to;
    history.members_by_year[data.year] = std::move(members[unit.id.value()]);
    data.candidates.push_back({unit.id.value(), unit.code, unit.name, unit.parent ? unit.parent->value() : 0,
                               FieldOf(data.units, unit.id.value())});
  }
  return Status::Ok();
}

// Judges every candidate on `data.award`, keeping the eligible in `data.found`.
void Judge(ScanState& data) {
  data.found.clear();
  data.evaluated = static_cast<int64_t>(data.candidates.size());
  domain::AwardVerdict verdict;
  bool people = data.subject == domain::SubjectType::kPerson;
  for (const Found& c : data.candidates) {
    if (people) {
      domain::EvaluatePersonAwardInto(*data.rules, data.settings, data.people[c.id], data.year, data.award, verdict);
    } else {
      verdict = domain::EvaluateUnitAward(*data.rules, data.settings, data.unit_histories[c.id], data.year,
                                          data.award);
    }
    if (verdict.eligible == true) data.found.push_back(&c);
  }
}

}  // namespace

struct EligibilityService::ScanData : ScanState {};

Status EligibilityService::Collect(store::Conn& conn, const Actor& actor, const EligibilityQuery& query,
                                   ScanData& data) {
  std::optional<domain::AwardCode> award = domain::ParseAwardCode(query.award);
  if (!award) {
    return Status(InvalidArgument("Dữ liệu không hợp lệ."))
        .WithField("award", "Không có danh hiệu, hình thức khen thưởng mã \"" + query.award + "\".");
  }
  const auto& fields = domain::UnitFields();
  if (query.field && !query.field->empty() &&
      std::none_of(fields.begin(), fields.end(), [&](const domain::Option& o) { return o.code == *query.field; })) {
    return Status(InvalidArgument("Dữ liệu không hợp lệ."))
        .WithField("field", "Không có lĩnh vực mã \"" + *query.field + "\".");
  }
  data.award = *award;
  data.subject = domain::AppliesTo(*award, query.subject)    ? query.subject
                 : domain::AppliesTo(*award, domain::SubjectType::kPerson) ? domain::SubjectType::kPerson
                                                                           : domain::SubjectType::kUnit;
  data.year = query.year;
  std::optional<UnitId> root = ScopeRoot(actor);
  if (query.unit && !query.unit->empty()) {
    THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow unit, VisibleUnit(conn, actor, *query.unit));
    root = unit.id;
  }
  THIDUA_ASSIGN_OR_RETURN(data.rules, Rules(query.year, query.date));
  THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings province, LoadSettings(conn));
  data.settings = province.settings;
  THIDUA_ASSIGN_OR_RETURN(std::vector<store::units::UnitRow> all, store::units::All(conn, std::nullopt));
  for (const auto& u : all) data.units[u.id.value()] = {u.code, u.name, u.field, u.parent ? u.parent->value() : 0};
  Filter filter{query.field, domain::SearchWords(domain::SearchKey(query.q))};
  if (data.subject == domain::SubjectType::kUnit) return CollectUnits(conn, root, filter, data);
  return CollectPeople(conn, root, ScopeRoot(actor), ctx_.clock.Today(), filter, data);
}

namespace {

// The list of the eligible in `data` (judged for data.award) for `query`'s window.
EligibilityList ListOf(ScanState& data, const EligibilityQuery& query) {
  EligibilityList out;
  bool people = data.subject == domain::SubjectType::kPerson;
  out.year = query.year;
  out.award = std::string(domain::AwardCodeName(data.award));
  out.subject = data.subject;
  out.rule_set = data.rules->name;
  out.evaluated = data.evaluated;
  out.total = static_cast<int64_t>(data.found.size());
  // Vietnamese order (domain/text.h; the hex keys sort bytewise), then code; ' ' sorts before hex digits,
  // so a name that is a prefix of another comes first.
  std::vector<std::pair<std::string, const Found*>> order;
  order.reserve(data.found.size());
  for (const Found* f : data.found) {
    order.emplace_back((people ? domain::NameSortKey(f->name) : domain::TextSortKey(f->name)) + " " + f->code, f);
  }
  std::sort(order.begin(), order.end());
  size_t from = static_cast<size_t>(std::clamp<int64_t>(query.offset, 0, out.total));
  size_t to = query.limit < 0 ? order.size() : std::min(order.size(), from + static_cast<size_t>(query.limit));
  for (size_t i = from; i < to; ++i) {
    const Found& f = *order[i].second;
    EligibleSubject subject{f.code, f.name, "", "", f.field, {}};
    if (auto unit = data.units.find(f.unit); unit != data.units.end()) {
      subject.unit_code = unit->second.code;
      subject.unit_name = unit->second.name;
    }
    subject.verdict =
        people ? domain::EvaluatePersonAward(*data.rules, data.settings, data.people[f.id], query.year, data.award)
               : domain::EvaluateUnitAward(*data.rules, data.settings, data.unit_histories[f.id], query.year,
                                           data.award);
    if (query.full_verdicts) {
      subject.verdicts = people ? domain::EvaluatePerson(*data.rules, data.settings, data.people[f.id], query.year)
                                : domain::EvaluateUnit(*data.rules, data.settings, data.unit_histories[f.id],
                                                       query.year);
    }
    out.items.push_back(std::move(subject));
  }
  return out;
}

}  // namespace

Result<EligibilityList> EligibilityService::Eligible(const Actor& actor, const EligibilityQuery& query) {
  THIDUA_ASSIGN_OR_RETURN(std::vector<EligibilityList> lists, EligibleEach(actor, query, {query.award}));
  return std::move(lists.front());
}

Result<std::vector<EligibilityList>> EligibilityService::EligibleEach(const Actor& actor,
                                                                      const EligibilityQuery& query,
                                                                      const std::vector<std::string>& awards) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  if (awards.empty()) return std::vector<EligibilityList>{};
  std::vector<domain::AwardCode> codes;
  for (const std::string& award : awards) {
    std::optional<domain::AwardCode> code = domain::ParseAwardCode(award);
    if (!code) {
      return Status(InvalidArgument("Dữ liệu không hợp lệ."))
          .WithField("award", "Không có danh hiệu, hình thức khen thưởng mã \"" + award + "\".");
    }
    codes.push_back(*code);
  }
  std::vector<EligibilityList> out;
  // The histories a scan held are freed when the read ends; hand their pages back (base/memory.h).
  ReleaseFreeMemoryOnExit release;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    ScanData data;
    EligibilityQuery first = query;
    first.award = awards.front();
    THIDUA_RETURN_IF_ERROR(Collect(conn, actor, first, data));
    for (domain::AwardCode code : codes) {
      if (!domain::AppliesTo(code, data.subject)) {
        return Status(InvalidArgument("Dữ liệu không hợp lệ."))
            .WithField("award", "Danh hiệu, hình thức \"" + std::string(domain::AwardCodeName(code)) +
                                    "\" không áp dụng cho " +
                                    (data.subject == domain::SubjectType::kPerson ? "cá nhân." : "tập thể."));
      }
      data.award = code;
      Judge(data);
      out.push_back(ListOf(data, query));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

Result<UnitQuota> EligibilityService::Quota(const Actor& actor, const std::string& unit_code, int year) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  UnitQuota out;
  // A subtree of the whole province loads tens of thousands of histories: hand their pages back after.
  ReleaseFreeMemoryOnExit release{false};
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow unit, VisibleUnit(conn, actor, unit_code));
    THIDUA_ASSIGN_OR_RETURN(const domain::RuleSet* rules, Rules(year, std::nullopt));
    THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings province, LoadSettings(conn));
    const domain::Settings& settings = province.settings;
    // The people with a membership in the subtree during the year: the year's records are all the
    // standards of LDTT and CSTDCS read (and every discipline, which the repository loads whatever its date).
    HistoryBuilder h;
    THIDUA_RETURN_IF_ERROR(h.Load(conn, {year, year, unit.id, std::nullopt}));
    release.release = h.ids.size() > kManyPeople;
    out.unit_code = unit.code;
    out.unit_name = unit.name;
    out.year = year;
    out.quota_percent = settings.cstdcs_quota_percent;
    domain::AwardVerdict verdict;
    for (int64_t id : h.ids) {
      const domain::PersonHistory& person = h.people[id];
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
