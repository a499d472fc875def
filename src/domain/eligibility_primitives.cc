// The primitives of the rules engine: each reads the subject's records for the year under review and
// says whether its condition holds, writing the facts it used (and what is missing) when asked. The
// rule files (rules/*.toml) bind the primitives to articles of law; rules/README.md describes them.
#include <algorithm>

#include "domain/eligibility_internal.h"

namespace thidua::domain::internal {
namespace {

// ---- records of a person ----

Outcome NotPendingDiscipline(const Context& ctx, Facts& facts) {
  Outcome o = Outcome::Of(true);
  for (const DisciplineFact& d : ctx.person->disciplines) {
    if (!d.pending) continue;
    o.state = Outcome::kUnmet;
    if (facts.wanted()) AppendDiscipline(facts.Next(), d);
  }
  return o;
}

Outcome RatingAtLeast(const Context& ctx, const RuleCondition& c, Facts& facts) {
  std::optional<Rating> r = ctx.index.RatingIn(ctx.year);
  if (facts.wanted()) AppendRating(facts.Next(), ctx.year, r);
  return Outcome::Of(r && AtLeast(*r, c.rating));
}

// Served at least N months by 31/12: recruited on or before the first day of the month N months
// before 01/01 of the next year (N = 6: on or before 01/07). A record without a recruitment date
// passes: nothing shows the person is new.
Outcome NotRecruitedWithinMonths(const Context& ctx, Facts& facts) {
  int months = (ctx.year + 1) * 12 - ctx.settings.ldtt_min_months_served;  // months since year 0, January = 0
  Date cutoff(months / 12, months % 12 + 1, 1);
  const std::optional<Date>& recruited = ctx.person->recruited_on;
  Outcome o = Outcome::Of(!recruited || *recruited <= cutoff);
  o.date = cutoff;
  if (facts.wanted()) {
    if (recruited) {
      facts.Add({"Ngày tuyển dụng: ", DateVn(*recruited)});
    } else {
      facts.Add({"Hồ sơ không ghi ngày tuyển dụng"});
    }
  }
  return o;
}

bool Overlaps(const DisciplineFact& d, int year) {
  return d.from.year() <= year && (!d.to || d.to->year() >= year);
}

Outcome NoDisciplineInYear(const Context& ctx, Facts& facts) {
  Outcome o = Outcome::Of(true);
  for (const DisciplineFact& d : ctx.person->disciplines) {
    if (d.pending || !Overlaps(d, ctx.year)) continue;
    o.state = Outcome::kUnmet;
    if (facts.wanted()) AppendDiscipline(facts.Next(), d);
  }
  return o;
}

Outcome MeetsStandardOf(const Context& ctx, const RuleCondition& c, Facts& facts) {
  if (!facts.wanted()) return Outcome::Of(MeetsStandard(ctx, c.award));
  const AwardRule* rule = ctx.rules.Find(c.award, ctx.subject);
  return rule ? ExplainStandard(ctx, *rule, facts) : Outcome::Of(false);
}

bool InitiativeIn(const InitiativeFact& i, int from, int to, InitiativeScope least) {
  int y = i.recognized_on.year();
  return y >= from && y <= to && AtLeast(i.scope, least);
}

// Điều 23 khoản 2 Luật TĐKT 2022: rated excellent, or an initiative recognised in the year.
Outcome RatingOrInitiative(const Context& ctx, const RuleCondition& c, Facts& facts) {
  std::optional<Rating> r = ctx.index.RatingIn(ctx.year);
  bool met = r && AtLeast(*r, c.rating);
  for (const InitiativeFact& i : ctx.person->initiatives) {
    if (met && !facts.wanted()) break;
    met |= InitiativeIn(i, ctx.year, ctx.year, c.scope);
  }
  if (!facts.wanted()) return Outcome::Of(met);
  AppendRating(facts.Next(), ctx.year, r);
  bool any = false;
  for (const InitiativeFact& i : ctx.person->initiatives) {
    if (i.recognized_on.year() != ctx.year) continue;
    any = true;
    std::string& line = facts.Next();
    AppendInitiative(line, i);
    if (!AtLeast(i.scope, c.scope)) line.append(" — phạm vi chưa đủ");
  }
  if (!any) facts.Add({"Không có sáng kiến, đề tài được công nhận năm ", Num(ctx.year)});
  return Outcome::Of(met);
}

// ---- chains of years ----

// Whether `award` counts for year `y`: an award record for earlier years; for the year under review
// also its standard judged from that year's records (DOMAIN.md: earlier titles count only if awarded).
bool HeldOrMeets(const Context& ctx, int y, AwardCode award) {
  if (ctx.index.Held(y, award)) return true;
  return y == ctx.year && MeetsStandard(ctx, award);
}

// Why `award` does or does not count for year `y`.
void ExplainYear(const Context& ctx, int y, AwardCode award, int window, Facts& facts) {
  Num year(y);
  if (y < window) {
    std::string& line = facts.Next();
    CatInto(line, {"Năm ", year, ": "});
    if (y <= ctx.index.cutoff_year) {
      AppendCutoffNote(line, ctx);
    } else {
      line.append("đã tính cho lần khen thưởng trước, không tính lại");
    }
    return;
  }
  bool found = false;
  for (const AwardFact& a : ctx.awards) {
    if (a.award != award || a.period_from > y || a.period_to < y) continue;
    found |= StandingOf(ctx, a) == AwardStanding::kCounts;
    std::string& line = facts.Next();
    CatInto(line, {"Năm ", year, ": "});
    AppendAward(line, a);
    AppendStandingNote(line, ctx, a);
  }
  if (found) return;
  if (y == ctx.year) {
    facts.Add({"Năm ", year, ": ", MeetsStandard(ctx, award) ? "đạt tiêu chuẩn " : "chưa đạt tiêu chuẩn ",
               AwardLabel(award), " theo hồ sơ năm ", year});
  } else {
    facts.Add({"Năm ", year, ": không có quyết định tặng ", AwardLabel(award), " còn hiệu lực"});
  }
}

Outcome ConsecutiveYearsWith(const Context& ctx, const RuleCondition& c, int window, Facts& facts) {
  Outcome o = Outcome::Of(true);
  o.from = ctx.year - c.years + 1;
  o.to = ctx.year;
  for (int y = o.from; y <= o.to; ++y) {
    bool ok = y >= window && HeldOrMeets(ctx, y, c.award);
    if (!ok) o.state = Outcome::kUnmet;
    if (!facts.wanted()) {
      if (!ok) return o;
      continue;
    }
    ExplainYear(ctx, y, c.award, window, facts);
  }
  return o;
}

// The first year of the run of years ending in the year under review, from `window` on, rated at
// least `least` (one past the year under review when that year is not).
int RunStart(const Context& ctx, Rating least, int window) {
  int y = ctx.year;
  while (y >= window) {
    std::optional<Rating> r = ctx.index.RatingIn(y);
    if (!r || !AtLeast(*r, least)) break;
    --y;
  }
  return y + 1;
}

void ExplainRun(const Context& ctx, Rating least, int window, int from, Facts& facts) {
  int length = ctx.year - from + 1;
  if (length > 0) {
    std::string& line = facts.Next();
    CatInto(line, {RatingLabel(least), " trở lên liên tục "});
    AppendYearRange(line, from, ctx.year);
    CatInto(line, {" (", Num(length), " năm)"});
  }
  int breaker = from - 1;
  if (breaker >= window) {
    std::string& line = facts.Next();
    AppendRating(line, breaker, ctx.index.RatingIn(breaker));
    line.append(" — chuỗi năm liên tục dừng ở đây");
  } else if (breaker <= ctx.index.cutoff_year) {
    AppendCutoffNote(facts.Next(), ctx);
  } else if (breaker >= ctx.index.first) {
    facts.Add({"Trước năm ", Num(window), ": đã tính cho lần khen thưởng trước"});
  }
}

// Điều 74 khoản 1 điểm d Luật TĐKT 2022 (second branch): years in a row rated ≥ `rating` ending in the
// year under review, with `count` initiatives ≥ `scope` recognised within them.
Outcome ConsecutiveRatingWithInitiatives(const Context& ctx, const RuleCondition& c, int window,
                                         Facts& facts) {
  int from = RunStart(ctx, c.rating, window);
  int length = ctx.year - from + 1;
  int count = 0;
  for (const InitiativeFact& i : ctx.person->initiatives) {
    if (!InitiativeIn(i, from, ctx.year, c.scope)) continue;
    ++count;
    if (facts.wanted()) AppendInitiative(facts.Next(), i);
  }
  Outcome o = Outcome::Of(length >= c.years && count >= c.count);
  o.from = std::min(from, ctx.year);
  o.to = ctx.year;
  if (!facts.wanted()) return o;
  ExplainRun(ctx, c.rating, window, from, facts);
  facts.Add({"Có ", Num(count), "/", Num(c.count), " sáng kiến ", InitiativeScopeLabel(c.scope),
             " trở lên trong thời gian này; cần ít nhất ", Num(c.years), " năm liên tục"});
  return o;
}

Outcome InitiativeScopeAtLeast(const Context& ctx, const RuleCondition& c, int window, Facts& facts) {
  Outcome o;
  o.from = std::max(ctx.year - c.within_years + 1, window);
  o.to = ctx.year;
  bool met = false;
  for (const InitiativeFact& i : ctx.person->initiatives) {
    int y = i.recognized_on.year();
    if (y < o.from || y > o.to) continue;
    bool enough = AtLeast(i.scope, c.scope);
    met |= enough;
    if (!facts.wanted()) continue;
    std::string& line = facts.Next();
    AppendInitiative(line, i);
    if (!enough) line.append(" — phạm vi chưa đủ");
  }
  o.state = met ? Outcome::kMet : Outcome::kUnmet;
  if (!facts.wanted() || met) return o;
  std::string& line = facts.Next();
  CatInto(line, {"Không có sáng kiến, đề tài ", InitiativeScopeLabel(c.scope), " trở lên được công nhận "});
  if (o.from > o.to) {
    line.append("sau khi hết thời hạn kỷ luật");
  } else {
    line.append("trong ");
    AppendYearRange(line, o.from, o.to);
  }
  if (o.from > ctx.year - c.within_years + 1 && ctx.index.cutoff_year >= o.from - 1)
    AppendCutoffNote(facts.Next(), ctx);
  return o;
}

// The latest counting award of `award` whose period ends in [from, to], or null.
const AwardFact* LatestCounting(const Context& ctx, AwardCode award, int from, int to) {
  const AwardFact* best = nullptr;
  for (const AwardFact& a : ctx.awards) {
    if (a.award != award || a.period_to < from || a.period_to > to) continue;
    if (StandingOf(ctx, a) != AwardStanding::kCounts) continue;
    if (!best || a.period_to > best->period_to) best = &a;
  }
  return best;
}

// Awards of `award` (ending in [from, to]) that count for nothing, and why.
void NoteNonCounting(const Context& ctx, AwardCode award, int from, int to, Facts& facts) {
  for (const AwardFact& a : ctx.awards) {
    if (a.award != award || a.period_to < from || a.period_to > to) continue;
    if (StandingOf(ctx, a) == AwardStanding::kCounts) continue;
    std::string& line = facts.Next();
    AppendAward(line, a);
    AppendStandingNote(line, ctx, a);
  }
}

// Điều 21 điểm a Luật TĐKT 2022: two CSTD_TINH in succession — the second period (ending in the year
// under review, or that year's standard) follows the first. Periods are matched on their last year, so
// records that give only the decision's year (period_from = period_to) match as well.
Outcome TwoSuccessiveAwards(const Context& ctx, const RuleCondition& c, int window, Facts& facts) {
  int span = c.years;
  const AwardFact* first = LatestCounting(ctx, c.award, ctx.year - span, ctx.year - span);
  bool first_ok = first && ctx.year - 2 * span + 1 >= window;
  const AwardFact* second = LatestCounting(ctx, c.award, ctx.year, ctx.year);
  bool second_ok = ctx.year - span + 1 >= window && (second || MeetsStandard(ctx, c.award));
  Outcome o = Outcome::Of(first_ok && second_ok);
  o.from = ctx.year - 2 * span + 1;
  o.to = ctx.year;
  if (!facts.wanted()) return o;
  std::string_view label = AwardLabel(c.award);
  std::string& one = facts.Next();
  one.append("Lần 1 (thành tích ");
  AppendYearRange(one, o.from, ctx.year - span);
  one.append("): ");
  if (first) {
    AppendAward(one, *first);
  } else {
    CatInto(one, {"không có quyết định tặng ", label, " còn hiệu lực"});
  }
  std::string& two = facts.Next();
  two.append("Lần 2 (thành tích ");
  AppendYearRange(two, ctx.year - span + 1, ctx.year);
  two.append("): ");
  if (second) {
    AppendAward(two, *second);
  } else {
    CatInto(two, {MeetsStandard(ctx, c.award) ? "đạt" : "chưa đạt", " tiêu chuẩn ", label,
                  " theo hồ sơ đến năm ", Num(ctx.year)});
  }
  if (!first_ok && o.from < window) {
    if (o.from <= ctx.index.cutoff_year) {
      AppendCutoffNote(facts.Next(), ctx);
    } else {
      facts.Add({"Thời gian này đã tính cho lần khen thưởng trước"});
    }
  }
  NoteNonCounting(ctx, c.award, o.from, ctx.year, facts);
  return o;
}

// Điều 73 khoản 1 điểm b Luật TĐKT 2022 (BK_TTG): a previous award, then ≥ `years` years in a row rated
// ≥ `rating`, counted after that award's achievement period, with `count` `with_award` among them.
// Without require_previous (Điều 4 Nghị định 152/2025) a previous award still starts the count.
Outcome PreviousAwardThenYears(const Context& ctx, const RuleCondition& c, int window, Facts& facts) {
  const AwardFact* previous = LatestCounting(ctx, c.award, window, ctx.year - 1);
  int start = previous ? std::max(window, previous->period_to + 1) : window;
  int from = RunStart(ctx, c.rating, start);
  int length = ctx.year - from + 1;
  int with = 0;
  for (int y = from; y <= ctx.year; ++y) with += HeldOrMeets(ctx, y, c.with_award) ? 1 : 0;
  Outcome o = Outcome::Of((previous || !c.require_previous) && length >= c.years && with >= c.count);
  o.from = std::min(from, ctx.year);
  o.to = ctx.year;
  if (!facts.wanted()) return o;
  if (previous) {
    std::string& line = facts.Next();
    line.append("Lần khen thưởng trước: ");
    AppendAward(line, *previous);
    line.append("; tính các năm sau thời gian thành tích này");
  } else if (const AwardFact* used = LatestCounting(ctx, c.award, ctx.index.first, window - 1)) {
    std::string& line = facts.Next();
    AppendAward(line, *used);
    CatInto(line, {" — trước thời gian tính thành tích (từ năm ", Num(window), "), không được tính",
                   c.require_previous ? "" : "; không bắt buộc"});
  } else {
    facts.Add({"Chưa được tặng ", AwardLabel(c.award), " (khen thưởng thường xuyên)",
               c.require_previous ? "" : " — không bắt buộc"});
  }
  NoteNonCounting(ctx, c.award, ctx.index.first, ctx.year, facts);
  ExplainRun(ctx, c.rating, start, from, facts);
  std::string& line = facts.Next();
  CatInto(line, {AwardLabel(c.with_award), ": ", Num(with), "/", Num(c.count), " lần"});
  bool first = true;
  for (int y = from; y <= ctx.year; ++y) {
    if (!HeldOrMeets(ctx, y, c.with_award)) continue;
    CatInto(line, {first ? " (" : ", ", Num(y)});
    first = false;
  }
  CatInto(line, {first ? "" : ")", "; cần ít nhất ", Num(c.years), " năm liên tục"});
  NoteNonCounting(ctx, c.with_award, from, ctx.year, facts);
  return o;
}

// Điều 30 khoản 9 Nghị định 98/2023: achievements already rewarded by the previous award of the same
// form are not counted again (the window); an award already covering the year under review refuses.
Outcome TimeGate(const Context& ctx, const RuleCondition& c, int window, Facts& facts) {
  Outcome o = Outcome::Of(true);
  o.from = window;
  o.to = ctx.year;
  bool said = false;
  for (const AwardFact& a : ctx.awards) {
    if (a.award != c.award || a.period_from > ctx.year || StandingOf(ctx, a) != AwardStanding::kCounts)
      continue;
    bool covers = a.period_to >= ctx.year;
    if (covers) o.state = Outcome::kUnmet;
    if (!facts.wanted() || !(covers || a.period_to + 1 == window)) continue;
    said = true;
    std::string& line = facts.Next();
    if (covers) {
      CatInto(line, {"Đã được khen cho thành tích năm ", Num(ctx.year), ": "});
      AppendAward(line, a);
    } else {
      line.append("Lần khen thưởng trước: ");
      AppendAward(line, a);
      CatInto(line, {"; tính thành tích từ năm ", Num(window)});
    }
  }
  if (facts.wanted() && !said) facts.Add({"Chưa được tặng ", AwardLabel(c.award), " trước đây"});
  return o;
}

// ---- units ----

Outcome NotDissolved(const Context& ctx, Facts& facts) {
  const std::optional<Date>& dissolved = ctx.unit->dissolved_on;
  if (facts.wanted() && dissolved) facts.Add({"Đơn vị đã giải thể ngày ", DateVn(*dissolved)});
  return Outcome::Of(!dissolved);
}

bool Counts(const MemberYear& m, MemberMeasure of) {
  switch (of) {
    case MemberMeasure::kComplete:
      return m.rating && AtLeast(*m.rating, Rating::kHt);
    case MemberMeasure::kLdtt:
      return m.meets_ldtt;
    case MemberMeasure::kCstdcs:
      return m.meets_cstdcs;
  }
  return false;
}

// "66,7%"
void AppendPercent(std::string& out, int part, int whole) {
  int tenths = whole == 0 ? 0 : static_cast<int>((static_cast<int64_t>(part) * 1000 + whole / 2) / whole);
  if (tenths % 10 == 0) {
    CatInto(out, {Num(tenths / 10), "%"});
  } else {
    CatInto(out, {Num(tenths / 10), ",", Num(tenths % 10), "%"});
  }
}

const std::vector<MemberYear>* MembersOf(const Context& ctx) {
  auto found = ctx.unit->members_by_year.find(ctx.year);
  if (found == ctx.unit->members_by_year.end() || found->second.empty()) return nullptr;
  return &found->second;
}

// Điều 27 điểm c–d, Điều 28 Luật TĐKT 2022: shares and counts of members.
Outcome Members(const Context& ctx, const RuleCondition& c, Facts& facts) {
  const std::vector<MemberYear>* members = MembersOf(ctx);
  if (!members) {
    if (facts.wanted()) facts.Add({"Không có dữ liệu thành viên năm ", Num(ctx.year)});
    return Outcome::Of(false);
  }
  int n = static_cast<int>(members->size());
  int k = static_cast<int>(
      std::count_if(members->begin(), members->end(), [&](const MemberYear& m) { return Counts(m, c.of); }));
  int64_t share = static_cast<int64_t>(k) * 100;
  int64_t bar = static_cast<int64_t>(c.percent) * n;
  bool met = c.primitive == Primitive::kMembersCountAtLeast    ? k >= c.count
             : c.primitive == Primitive::kMembersShareMoreThan ? share > bar
                                                               : share >= bar;
  if (!facts.wanted()) return Outcome::Of(met);
  std::string& line = facts.Next();
  CatInto(line, {Num(k), "/", Num(n), " thành viên ", MeasureLabel(c.of), " ("});
  AppendPercent(line, k, n);
  line.append(")");
  if (k == n || c.primitive == Primitive::kMembersCountAtLeast) return Outcome::Of(met);
  std::string& missing = facts.Next();
  missing.append("Chưa đạt: ");
  int shown = 0;
  for (const MemberYear& m : *members) {
    if (Counts(m, c.of)) continue;
    if (shown == 10) {
      CatInto(missing, {" và ", Num(n - k - 10), " người khác"});
      break;
    }
    CatInto(missing, {shown++ ? ", " : "", m.person_code});
  }
  return Outcome::Of(met);
}

Outcome NoMemberDisciplineAtOrAbove(const Context& ctx, Facts& facts) {
  int least = DisciplineSeverity(ctx.settings.ttldtt_member_discipline_level);
  Outcome o = Outcome::Of(true);
  const std::vector<MemberYear>* members = MembersOf(ctx);
  if (!members) return o;
  for (const MemberYear& m : *members) {
    if (!m.worst_discipline_level_in_year || DisciplineSeverity(*m.worst_discipline_level_in_year) < least)
      continue;
    o.state = Outcome::kUnmet;
    if (facts.wanted()) {
      facts.Add({m.person_code, ": kỷ luật ", DisciplineLabel(*m.worst_discipline_level_in_year), " năm ",
                 Num(ctx.year)});
    }
  }
  return o;
}

Outcome BlockLeader(const Context& ctx, Facts& facts) {
  bool led = ctx.unit->block_leader_years.count(ctx.year) > 0;
  if (facts.wanted()) {
    facts.Add({led ? "Được khối, cụm thi đua bình chọn dẫn đầu năm "
                   : "Không có kết quả bình chọn dẫn đầu khối, cụm thi đua năm ",
               Num(ctx.year)});
  }
  return Outcome::Of(led);
}

// ---- either subject ----

Outcome RegisteredIfRequired(const Context& ctx, Facts& facts) {
  Outcome o;
  if (!ctx.settings.registration_required) {
    o.state = Outcome::kSkip;
    return o;
  }
  const std::vector<int>& years = ctx.person ? ctx.person->registered_years : ctx.unit->registered_years;
  bool registered = std::find(years.begin(), years.end(), ctx.year) != years.end();
  if (facts.wanted()) {
    facts.Add({registered ? "Có đăng ký thi đua năm " : "Không có đăng ký thi đua năm ", Num(ctx.year)});
  }
  return Outcome::Of(registered);
}

Outcome AnyOf(const Context& ctx, const RuleCondition& c, int window, Facts& facts) {
  Facts none;
  bool met = false;
  for (size_t k = 0; k < c.options.size(); ++k) {
    Outcome option = EvaluatePrimitive(ctx, c.options[k], window, none);
    bool ok = option.state == Outcome::kMet;
    met |= ok;
    if (!facts.wanted()) {
      if (met) break;
      continue;
    }
    std::string& line = facts.Next();
    CatInto(line, {"Cách ", Num(static_cast<int64_t>(k + 1)), ok ? " (đạt): " : " (chưa đạt): "});
    RenderInto(line, ctx, c.options[k], option);
    facts.Indent("   ");
    EvaluatePrimitive(ctx, c.options[k], window, facts);
    facts.Indent("");
  }
  return Outcome::Of(met);
}

}  // namespace

Outcome EvaluatePrimitive(const Context& ctx, const RuleCondition& c, int window, Facts& facts) {
  switch (c.primitive) {
    case Primitive::kNotPendingDiscipline:
      return NotPendingDiscipline(ctx, facts);
    case Primitive::kNotDissolved:
      return NotDissolved(ctx, facts);
    case Primitive::kRegisteredIfRequired:
      return RegisteredIfRequired(ctx, facts);
    case Primitive::kRatingAtLeast:
      return RatingAtLeast(ctx, c, facts);
    case Primitive::kNotRecruitedWithinMonths:
      return NotRecruitedWithinMonths(ctx, facts);
    case Primitive::kNoDisciplineInYear:
      return NoDisciplineInYear(ctx, facts);
    case Primitive::kMeetsStandardOf:
      return MeetsStandardOf(ctx, c, facts);
    case Primitive::kRatingOrInitiative:
      return RatingOrInitiative(ctx, c, facts);
    case Primitive::kConsecutiveYearsWith:
      return ConsecutiveYearsWith(ctx, c, window, facts);
    case Primitive::kConsecutiveRatingWithInitiatives:
      return ConsecutiveRatingWithInitiatives(ctx, c, window, facts);
    case Primitive::kInitiativeScopeAtLeast:
      return InitiativeScopeAtLeast(ctx, c, window, facts);
    case Primitive::kTwoSuccessiveAwards:
      return TwoSuccessiveAwards(ctx, c, window, facts);
    case Primitive::kPreviousAwardThenYears:
      return PreviousAwardThenYears(ctx, c, window, facts);
    case Primitive::kTimeGate:
      return TimeGate(ctx, c, window, facts);
    case Primitive::kMembersShareAtLeast:
    case Primitive::kMembersShareMoreThan:
    case Primitive::kMembersCountAtLeast:
      return Members(ctx, c, facts);
    case Primitive::kNoMemberDisciplineAtOrAbove:
      return NoMemberDisciplineAtOrAbove(ctx, facts);
    case Primitive::kBlockLeader:
      return BlockLeader(ctx, facts);
    case Primitive::kAnyOf:
      return AnyOf(ctx, c, window, facts);
    case Primitive::kProvinceCriteria:  // with criteria set, the driver evaluates them instead
    case Primitive::kJudgement: {
      Outcome o;
      o.state = Outcome::kUndecided;
      return o;
    }
  }
  return Outcome{};
}

}  // namespace thidua::domain::internal
