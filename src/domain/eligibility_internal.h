// Internal to the rules engine (eligibility.cc, eligibility_primitives.cc): the per-evaluation
// context and the primitives' common shape. Not part of the domain's interface.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "domain/eligibility.h"

namespace thidua::domain::internal {

// Years of history indexed back from the year under review (older records are not looked at).
inline constexpr int kSpan = 64;
inline constexpr int kNever = INT_MIN / 2;    // no cut-off
inline constexpr int kForever = INT_MAX / 2;  // a discipline that has not ended

// What one subject's records say, by year, for the evaluation of one year.
struct Index {
  int year = 0;                              // the year under review
  int first = 0;                             // year - kSpan + 1
  std::array<int8_t, kSpan> rating{};        // Rating, or -1 when not rated
  std::array<uint16_t, kSpan> held{};        // bit per AwardCode: a counting award covers the year
  std::array<uint8_t, kSpan> disciplined{};  // a (non-pending) discipline overlaps the year
  int cutoff_year = kNever;        // only achievements of later years count (a discipline ended that year)
  std::optional<Date> cutoff_end;  // the end of that discipline (empty if it has not ended)

  bool InRange(int y) const { return y >= first && y <= year; }
  std::optional<Rating> RatingIn(int y) const {
    if (!InRange(y) || rating[y - first] < 0) return std::nullopt;
    return static_cast<Rating>(rating[y - first]);
  }
  bool Held(int y, AwardCode award) const {
    return InRange(y) && (held[y - first] >> static_cast<int>(award)) & 1u;
  }
};

struct Context {
  const RuleSet& rules;
  const Settings& settings;
  SubjectType subject;
  int year;
  const PersonHistory* person;  // exactly one of person, unit
  const UnitHistory* unit;
  const std::vector<RatingFact>& ratings;
  const std::vector<AwardFact>& awards;
  Index index;
  mutable std::array<int8_t, kAwardCodeCount> standard{};  // -1 unknown, else 0/1

  Context(const RuleSet& r, const Settings& s, const PersonHistory& p, int y);
  Context(const RuleSet& r, const Settings& s, const UnitHistory& u, int y);
};

// Why an award record does or does not count toward other awards.
enum class AwardStanding : uint8_t { kCounts, kRevoked, kNonCounting };
AwardStanding StandingOf(const Context& ctx, const AwardFact& award);

// ---- text without temporaries (verdicts are built for every person of a province) ----

// An integer as text, held inline.
class Num {
 public:
  explicit Num(int64_t value);
  operator std::string_view() const { return {buf_, len_}; }  // NOLINT(google-explicit-constructor)

 private:
  char buf_[20];
  uint8_t len_ = 0;
};

// A date as dd/mm/yyyy, held inline.
class DateVn {
 public:
  explicit DateVn(Date date);
  operator std::string_view() const { return {buf_, sizeof buf_}; }  // NOLINT(google-explicit-constructor)

 private:
  char buf_[10];
};

// Appends the parts to `out`, growing it once.
void CatInto(std::string& out, std::initializer_list<std::string_view> parts);

// Where a condition's facts go: the fact strings of a verdict's Condition, reused (memory and all)
// from an earlier evaluation into the same verdict, so that a scan over a province allocates almost
// nothing after its first person. A default-constructed Facts wants no facts (only the answer).
class Facts {
 public:
  Facts() = default;
  explicit Facts(std::vector<std::string>* out) : out_(out) {}

  bool wanted() const { return out_ != nullptr; }
  // An empty string (keeping its memory) at the end of the list, already indented. The reference
  // lasts until the next call. REQUIRES: wanted().
  std::string& Next();
  void Add(std::initializer_list<std::string_view> parts) { CatInto(Next(), parts); }
  void Indent(std::string_view indent) { indent_ = indent; }
  // Drops the strings an earlier evaluation left beyond the end.
  void Finish() {
    if (out_) out_->resize(n_);
  }

 private:
  std::vector<std::string>* out_ = nullptr;
  size_t n_ = 0;
  std::string_view indent_;
};

// The outcome of one condition, before its text is rendered.
struct Outcome {
  enum State : uint8_t { kMet, kUnmet, kUndecided, kSkip };
  State state = kUnmet;
  int from = 0;  // {from}, {to}
  int to = 0;
  std::optional<Date> date;  // {date}

  static Outcome Of(bool met) {
    Outcome o;
    o.state = met ? kMet : kUnmet;
    return o;
  }
};

// `window` is the first year whose achievements count for the award being judged (after a discipline
// ended and after the previous award's period). Facts go to `facts` when it wants them (not when only
// the answer matters, e.g. for a standard used by a chain).
Outcome EvaluatePrimitive(const Context& ctx, const RuleCondition& c, int window, Facts& facts);

// The award's standard in the year under review (its own conditions, not the common ones), cached.
bool MeetsStandard(const Context& ctx, AwardCode award);
// MeetsStandard with its reasons: every fact, and what is not met.
Outcome ExplainStandard(const Context& ctx, const AwardRule& rule, Facts& facts);
// The first year that counts for `rule`: after the discipline cut-off and its time gates.
int WindowOf(const Context& ctx, const AwardRule& rule);
int WindowOf(const Context& ctx, const std::vector<RuleCondition>& conditions);

// Appends the condition's text with its placeholders filled.
void RenderInto(std::string& out, const Context& ctx, const RuleCondition& c, const Outcome& o);

// Fact texts, appended to `out`.
void AppendRating(std::string& out, int year, std::optional<Rating> rating);
// "Chiến sĩ thi đua cơ sở (thành tích năm 2023) — Quyết định số 7/QĐ-SNV ngày 10/01/2024"
void AppendAward(std::string& out, const AwardFact& award);
void AppendInitiative(std::string& out, const InitiativeFact& initiative);
void AppendDiscipline(std::string& out, const DisciplineFact& discipline);
// " — đã bị hủy bỏ, không được tính (Điều 94 khoản 2 …)" for an award that does not count.
void AppendStandingNote(std::string& out, const Context& ctx, const AwardFact& award);
void AppendCutoffNote(std::string& out, const Context& ctx);  // why years up to the cut-off do not count
void AppendYearRange(std::string& out, int from, int to);     // "2023–2025", or "năm 2025"
std::string_view MeasureLabel(MemberMeasure of);              // "đạt Lao động tiên tiến"

}  // namespace thidua::domain::internal
