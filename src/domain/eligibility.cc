#include "domain/eligibility.h"

#include <algorithm>
#include <cassert>
#include <charconv>

#include "domain/eligibility_internal.h"

namespace thidua::domain {
namespace internal {
namespace {

void IndexRatingsAndAwards(Context& ctx) {
  Index& index = ctx.index;
  index.year = ctx.year;
  index.first = ctx.year - kSpan + 1;
  index.rating.fill(-1);
  ctx.standard.fill(-1);
  for (const RatingFact& r : ctx.ratings) {
    if (index.InRange(r.year)) index.rating[r.year - index.first] = static_cast<int8_t>(r.rating);
  }
  for (const AwardFact& a : ctx.awards) {
    if (StandingOf(ctx, a) != AwardStanding::kCounts) continue;
    uint16_t bit = static_cast<uint16_t>(1u << static_cast<int>(a.award));
    for (int y = std::max(a.period_from, index.first); y <= std::min(a.period_to, ctx.year); ++y) {
      index.held[y - index.first] |= bit;
    }
  }
}

// Disciplines that began by the end of the year under review: the years they overlap, and the cut-off
// after which achievements count again (Điều 4 Nghị định 152/2025; the rule set names the basis).
void IndexDisciplines(Context& ctx, const std::vector<DisciplineFact>& disciplines) {
  Index& index = ctx.index;
  for (const DisciplineFact& d : disciplines) {
    if (d.pending || d.from.year() > ctx.year) continue;
    int end_year = d.to ? d.to->year() : kForever;
    for (int y = std::max(d.from.year(), index.first); y <= std::min(end_year, ctx.year); ++y) {
      index.disciplined[y - index.first] = 1;
    }
    if (end_year > index.cutoff_year) {
      index.cutoff_year = end_year;
      index.cutoff_end = d.to;
    }
  }
}

void AppendPlaceholder(const Context& ctx, const RuleCondition& c, const Outcome& o, Placeholder p,
                       std::string& out) {
  switch (p) {
    case Placeholder::kNone:
      break;
    case Placeholder::kYear:
      out += Num(ctx.year);
      break;
    case Placeholder::kFrom:
      out += Num(o.from);
      break;
    case Placeholder::kTo:
      out += Num(o.to);
      break;
    case Placeholder::kYears:
      out += Num(c.years);
      break;
    case Placeholder::kCount:
      out += Num(c.count);
      break;
    case Placeholder::kPercent:
      out += Num(c.percent);
      break;
    case Placeholder::kMonths:
      out += Num(ctx.settings.ldtt_min_months_served);
      break;
    case Placeholder::kDate:
      if (o.date) out += DateVn(*o.date);
      break;
    case Placeholder::kRating:
      out += RatingLabel(c.rating);
      break;
    case Placeholder::kScope:
      out += InitiativeScopeLabel(c.scope);
      break;
    case Placeholder::kAward:
      out += AwardLabel(c.award);
      break;
    case Placeholder::kWithAward:
      out += AwardLabel(c.with_award);
      break;
    case Placeholder::kOf:
      out += MeasureLabel(c.of);
      break;
    case Placeholder::kLevel:
      out += DisciplineLabel(ctx.settings.ttldtt_member_discipline_level);
      break;
  }
}

const std::vector<RuleCondition>& ProvinceCriteria(const Context& ctx) {
  return ctx.subject == SubjectType::kPerson ? ctx.settings.gk_person_criteria
                                             : ctx.settings.gk_unit_criteria;
}

// The element `n` of `list`, reused when an earlier evaluation left one there.
template <typename T>
T& Slot(std::vector<T>& list, size_t n) {
  return n < list.size() ? list[n] : list.emplace_back();
}

// One award's verdict: the common conditions, the award's own, and its judgement paths.
void Judge(const Context& ctx, const AwardRule& rule, AwardVerdict& verdict) {
  verdict.award.assign(AwardCodeName(rule.award));
  int window = WindowOf(ctx, rule);
  bool any_unmet = false;
  bool any_undecided = false;
  size_t n = 0;
  if (verdict.conditions.empty())
    verdict.conditions.reserve(ctx.rules.Common(ctx.subject).size() + rule.conditions.size());
  auto add = [&](const RuleCondition& c, int w) {
    Condition& slot = Slot(verdict.conditions, n);
    Facts facts(&slot.facts);
    Outcome o = EvaluatePrimitive(ctx, c, w, facts);
    if (o.state == Outcome::kSkip) return;
    facts.Finish();
    ++n;
    any_unmet |= o.state == Outcome::kUnmet;
    any_undecided |= o.state == Outcome::kUndecided;
    slot.met = o.state == Outcome::kMet;
    slot.text.clear();
    RenderInto(slot.text, ctx, c, o);
    slot.basis.assign(c.basis);
  };
  for (const RuleCondition& c : ctx.rules.Common(ctx.subject)) add(c, window);
  for (const RuleCondition& c : rule.conditions) {
    if (c.primitive == Primitive::kProvinceCriteria && !ProvinceCriteria(ctx).empty()) {
      int w = std::max(window, WindowOf(ctx, ProvinceCriteria(ctx)));
      for (const RuleCondition& k : ProvinceCriteria(ctx)) add(k, w);
      continue;
    }
    add(c, window);
  }
  verdict.conditions.resize(n);
  verdict.judgement_paths.resize(rule.judgement_paths.size());
  for (size_t j = 0; j < rule.judgement_paths.size(); ++j) {
    Condition& path = verdict.judgement_paths[j];
    path.met = false;
    path.text.clear();
    RenderInto(path.text, ctx, rule.judgement_paths[j], Outcome{});
    path.basis.assign(rule.judgement_paths[j].basis);
    path.facts.clear();
  }
  verdict.eligible.reset();
  if (any_unmet) {
    verdict.eligible = false;
  } else if (!any_undecided) {
    verdict.eligible = true;
  }
}

void JudgeAll(const Context& ctx, const std::string& code, const std::string& name, Verdicts& out) {
  out.subject_type.assign(SubjectTypeName(ctx.subject));
  out.code.assign(code);
  out.name.assign(name);
  out.year = ctx.year;
  out.rule_set.assign(ctx.rules.name);
  out.results.resize(AwardsFor(ctx.subject).size());
  size_t i = 0;
  for (const AwardRule& rule : ctx.rules.awards) {
    if (rule.subject == ctx.subject) Judge(ctx, rule, Slot(out.results, i++));
  }
  out.results.resize(i);
}

const AwardRule& RuleOf(const Context& ctx, AwardCode award) {
  const AwardRule* rule = ctx.rules.Find(award, ctx.subject);
  assert(rule && "the rule set lacks an award of the subject (ParseRuleBook checks this)");
  return *rule;
}

}  // namespace

void AppendYearRange(std::string& out, int from, int to) {
  if (from == to) {
    CatInto(out, {"năm ", Num(to)});
  } else {
    CatInto(out, {Num(from), "–", Num(to)});
  }
}

std::string_view MeasureLabel(MemberMeasure of) {
  switch (of) {
    case MemberMeasure::kComplete:
      return "hoàn thành nhiệm vụ trở lên";
    case MemberMeasure::kLdtt:
      return "đạt Lao động tiên tiến";
    case MemberMeasure::kCstdcs:
      return "đạt Chiến sĩ thi đua cơ sở";
  }
  return "";
}

Context::Context(const RuleSet& r, const Settings& s, const PersonHistory& p, int y)
    : rules(r),
      settings(s),
      subject(SubjectType::kPerson),
      year(y),
      person(&p),
      unit(nullptr),
      ratings(p.ratings),
      awards(p.awards) {
  IndexRatingsAndAwards(*this);
  IndexDisciplines(*this, p.disciplines);
}

Context::Context(const RuleSet& r, const Settings& s, const UnitHistory& u, int y)
    : rules(r),
      settings(s),
      subject(SubjectType::kUnit),
      year(y),
      person(nullptr),
      unit(&u),
      ratings(u.ratings),
      awards(u.awards) {
  IndexRatingsAndAwards(*this);
}

AwardStanding StandingOf(const Context& ctx, const AwardFact& award) {
  if (award.revoked) return AwardStanding::kRevoked;
  const std::vector<AwardMethod>& non_counting = ctx.rules.principles.non_counting_methods;
  if (std::find(non_counting.begin(), non_counting.end(), award.method) != non_counting.end()) {
    return AwardStanding::kNonCounting;
  }
  return AwardStanding::kCounts;
}

bool MeetsStandard(const Context& ctx, AwardCode award) {
  int8_t& cached = ctx.standard[static_cast<size_t>(award)];
  if (cached >= 0) return cached == 1;
  cached = 0;  // a cycle (refused by ParseRuleBook) would read "not met" rather than recurse
  const AwardRule* rule = ctx.rules.Find(award, ctx.subject);
  if (!rule) return false;
  int window = WindowOf(ctx, *rule);
  Facts none;
  bool met = std::all_of(rule->conditions.begin(), rule->conditions.end(), [&](const RuleCondition& c) {
    Outcome::State s = EvaluatePrimitive(ctx, c, window, none).state;
    return s == Outcome::kMet || s == Outcome::kSkip;
  });
  cached = met ? 1 : 0;
  return met;
}

Outcome ExplainStandard(const Context& ctx, const AwardRule& rule, Facts& facts) {
  int window = WindowOf(ctx, rule);
  Facts none;
  bool met = true;
  for (const RuleCondition& c : rule.conditions) {
    Outcome o = EvaluatePrimitive(ctx, c, window, none);
    if (o.state == Outcome::kSkip) continue;
    if (o.state != Outcome::kMet) {
      met = false;
      std::string& line = facts.Next();
      line.append("Chưa đạt: ");
      RenderInto(line, ctx, c, o);
      CatInto(line, {" (", c.basis, ")"});
    }
    EvaluatePrimitive(ctx, c, window, facts);
  }
  ctx.standard[static_cast<size_t>(rule.award)] = met ? 1 : 0;
  return Outcome::Of(met);
}

int WindowOf(const Context& ctx, const AwardRule& rule) { return WindowOf(ctx, rule.conditions); }

int WindowOf(const Context& ctx, const std::vector<RuleCondition>& conditions) {
  int window =
      std::max(ctx.index.cutoff_year == kForever ? kForever : ctx.index.cutoff_year + 1, ctx.index.first);
  for (const RuleCondition& c : conditions) {
    if (c.primitive != Primitive::kTimeGate) continue;
    // Điều 30 khoản 9 Nghị định 98/2023: the next proposal counts from the achievement period of the
    // previous decision.
    for (const AwardFact& a : ctx.awards) {
      if (a.award == c.award && a.period_to < ctx.year && StandingOf(ctx, a) == AwardStanding::kCounts) {
        window = std::max(window, a.period_to + 1);
      }
    }
  }
  return window;
}

void RenderInto(std::string& out, const Context& ctx, const RuleCondition& c, const Outcome& o) {
  out.reserve(out.size() + c.text.size() + 32);
  for (const TextPart& part : c.parts) {
    out += part.literal;
    size_t at = out.size();
    AppendPlaceholder(ctx, c, o, part.placeholder, out);
    // A rating inside a sentence is written in lower case ("… hoàn thành tốt nhiệm vụ"); its labels
    // begin with an ASCII capital.
    if (part.placeholder == Placeholder::kRating && at > 0 && out[at] >= 'A' && out[at] <= 'Z')
      out[at] += 'a' - 'A';
  }
}

Num::Num(int64_t value) {
  std::to_chars_result r = std::to_chars(buf_, buf_ + sizeof buf_, value);
  len_ = static_cast<uint8_t>(r.ptr - buf_);
}

DateVn::DateVn(Date date) {
  auto two = [](char* at, int v) {
    at[0] = static_cast<char>('0' + v / 10 % 10);
    at[1] = static_cast<char>('0' + v % 10);
  };
  two(buf_, date.day());
  buf_[2] = '/';
  two(buf_ + 3, date.month());
  buf_[5] = '/';
  two(buf_ + 6, date.year() / 100);
  two(buf_ + 8, date.year() % 100);
}

void CatInto(std::string& out, std::initializer_list<std::string_view> parts) {
  size_t size = out.size();
  for (std::string_view p : parts) size += p.size();
  out.reserve(size);
  for (std::string_view p : parts) out.append(p);
}

std::string& Facts::Next() {
  if (out_->capacity() == 0) out_->reserve(4);
  std::string& s = Slot(*out_, n_++);
  s.clear();
  // Most facts fit in 120 bytes: one allocation instead of one per appended part.
  if (s.capacity() < 120) s.reserve(120);
  s.append(indent_);
  return s;
}

void AppendRating(std::string& out, int year, std::optional<Rating> rating) {
  if (!rating) {
    CatInto(out, {"Chưa có xếp loại năm ", Num(year)});
  } else {
    CatInto(out, {"Xếp loại năm ", Num(year), ": ", RatingLabel(*rating)});
  }
}

void AppendAward(std::string& out, const AwardFact& award) {
  bool one_year = award.period_from == award.period_to;
  bool numbered = !award.decision_no.empty();
  Num from(award.period_from);
  CatInto(out, {AwardLabel(award.award), one_year ? " (thành tích năm " : " (thành tích ",
                one_year ? std::string_view() : std::string_view(from), one_year ? "" : "–",
                Num(award.period_to), ") — Quyết định ", numbered ? "số " : "", award.decision_no,
                numbered ? " " : "", "ngày ", DateVn(award.decision_date)});
}

void AppendInitiative(std::string& out, const InitiativeFact& initiative) {
  bool titled = !initiative.title.empty();
  CatInto(out, {"Sáng kiến ", initiative.code, titled ? " «" : "", initiative.title, titled ? "»" : "", " (",
                InitiativeScopeLabel(initiative.scope), ", công nhận ngày ", DateVn(initiative.recognized_on),
                ")"});
}

void AppendDiscipline(std::string& out, const DisciplineFact& d) {
  if (d.pending) {
    CatInto(out, {"Đang xem xét kỷ luật, điều tra, thanh tra hoặc giải quyết khiếu nại, tố cáo từ ngày ",
                  DateVn(d.from)});
  } else if (!d.to) {
    CatInto(out, {"Kỷ luật ", DisciplineLabel(d.level), " từ ngày ", DateVn(d.from), " (chưa hết thời hạn)"});
  } else {
    CatInto(out,
            {"Kỷ luật ", DisciplineLabel(d.level), " từ ngày ", DateVn(d.from), " đến ngày ", DateVn(*d.to)});
  }
}

void AppendStandingNote(std::string& out, const Context& ctx, const AwardFact& award) {
  switch (StandingOf(ctx, award)) {
    case AwardStanding::kCounts:
      return;
    case AwardStanding::kRevoked:
      CatInto(out, {" — đã bị hủy bỏ, không được tính (", ctx.rules.principles.revoked_basis, ")"});
      return;
    case AwardStanding::kNonCounting:
      CatInto(out, {" — khen thưởng ", AwardMethodLabel(award.method),
                    ", không tính cho khen thưởng thường xuyên mức cao hơn (",
                    ctx.rules.principles.non_counting_basis, ")"});
      return;
  }
}

void AppendCutoffNote(std::string& out, const Context& ctx) {
  const std::string& basis = ctx.rules.principles.discipline_end_basis;
  if (ctx.index.cutoff_year == kForever || !ctx.index.cutoff_end) {
    CatInto(out, {"Đang trong thời gian thi hành kỷ luật: chưa tính thành tích (", basis, ")"});
    return;
  }
  CatInto(out, {"Thành tích đến hết năm ", Num(ctx.index.cutoff_year),
                " không được tính vì thời hạn kỷ luật kết thúc ngày ", DateVn(*ctx.index.cutoff_end), " (",
                basis, ")"});
}

}  // namespace internal

using internal::Context;

void EvaluatePersonInto(const RuleSet& rules, const Settings& settings, const PersonHistory& person, int year,
                        Verdicts& out) {
  Context ctx(rules, settings, person, year);
  internal::JudgeAll(ctx, person.code, person.name, out);
}

void EvaluateUnitInto(const RuleSet& rules, const Settings& settings, const UnitHistory& unit, int year,
                      Verdicts& out) {
  Context ctx(rules, settings, unit, year);
  internal::JudgeAll(ctx, unit.code, unit.name, out);
}

Verdicts EvaluatePerson(const RuleSet& rules, const Settings& settings, const PersonHistory& person,
                        int year) {
  Verdicts out;
  EvaluatePersonInto(rules, settings, person, year, out);
  return out;
}

Verdicts EvaluateUnit(const RuleSet& rules, const Settings& settings, const UnitHistory& unit, int year) {
  Verdicts out;
  EvaluateUnitInto(rules, settings, unit, year, out);
  return out;
}

void EvaluatePersonAwardInto(const RuleSet& rules, const Settings& settings, const PersonHistory& person,
                             int year, AwardCode award, AwardVerdict& out) {
  Context ctx(rules, settings, person, year);
  internal::Judge(ctx, internal::RuleOf(ctx, award), out);
}

AwardVerdict EvaluatePersonAward(const RuleSet& rules, const Settings& settings, const PersonHistory& person,
                                 int year, AwardCode award) {
  AwardVerdict out;
  EvaluatePersonAwardInto(rules, settings, person, year, award, out);
  return out;
}

AwardVerdict EvaluateUnitAward(const RuleSet& rules, const Settings& settings, const UnitHistory& unit,
                               int year, AwardCode award) {
  Context ctx(rules, settings, unit, year);
  AwardVerdict out;
  internal::Judge(ctx, internal::RuleOf(ctx, award), out);
  return out;
}

MemberYear SummariseMemberYear(const RuleSet& rules, const Settings& settings, const PersonHistory& person,
                               int year) {
  Context ctx(rules, settings, person, year);
  MemberYear member;
  member.person_code = person.code;
  member.rating = ctx.index.RatingIn(year);
  member.meets_ldtt =
      ctx.index.Held(year, AwardCode::kLdtt) || internal::MeetsStandard(ctx, AwardCode::kLdtt);
  member.meets_cstdcs =
      ctx.index.Held(year, AwardCode::kCstdcs) || internal::MeetsStandard(ctx, AwardCode::kCstdcs);
  int worst = 0;
  for (const DisciplineFact& d : person.disciplines) {
    bool overlaps = d.from.year() <= year && (!d.to || d.to->year() >= year);
    if (d.pending || !overlaps) continue;
    int severity = DisciplineSeverity(d.level);
    if (severity > worst) {
      worst = severity;
      member.worst_discipline_level_in_year = d.level;
    }
  }
  return member;
}

Status ValidateSettings(const Settings& settings) {
  Status status;
  auto bad = [&](const char* field, const char* message) {
    if (status.ok()) status = InvalidArgument("Cấu hình thi đua, khen thưởng không hợp lệ.");
    status.WithField(field, message);
  };
  if (settings.cstdcs_quota_percent < 0 || settings.cstdcs_quota_percent > 100)
    bad("cstdcs_quota_percent", "Tỷ lệ Chiến sĩ thi đua cơ sở phải từ 0 đến 100%.");
  if (!IsKnownDisciplineLevel(settings.ttldtt_member_discipline_level))
    bad("ttldtt_member_discipline_level", "Mức kỷ luật không hợp lệ.");
  if (settings.ldtt_min_months_served < 0 || settings.ldtt_min_months_served > 12)
    bad("ldtt_min_months_served", "Số tháng công tác tối thiểu phải từ 0 đến 12.");
  if (settings.cstd_tinh_council_threshold_percent < 50 || settings.cstd_tinh_council_threshold_percent > 100)
    bad("cstd_tinh_council_threshold_percent", "Tỷ lệ phiếu đồng ý phải từ 50 đến 100%.");
  if (settings.public_disclosure_working_days < 0 || settings.public_disclosure_working_days > 60)
    bad("public_disclosure_working_days", "Số ngày công khai phải từ 0 đến 60.");
  return status;
}

QuotaCheck CstdcsQuota(const Settings& settings, int ldtt_count, int cstdcs_count) {
  QuotaCheck q;
  q.allowed = std::max(0, ldtt_count) * settings.cstdcs_quota_percent / 100;
  q.used = std::max(0, cstdcs_count);
  q.remaining = std::max(0, q.allowed - q.used);
  q.within = q.used <= q.allowed;
  q.text =
      "Được công nhận tối đa " + std::to_string(q.allowed) + " Chiến sĩ thi đua cơ sở (" +
      std::to_string(settings.cstdcs_quota_percent) + "% của " + std::to_string(std::max(0, ldtt_count)) +
      " Lao động tiên tiến); đã dùng " + std::to_string(q.used) +
      (q.within ? ", còn " + std::to_string(q.remaining) : ", vượt " + std::to_string(q.used - q.allowed));
  q.basis = settings.cstdcs_quota_basis;
  return q;
}

}  // namespace thidua::domain
