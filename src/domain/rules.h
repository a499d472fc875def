// Rule sets: the law as data. Each rule set is one TOML file under rules/ (e.g.
// rules/2024-01-01_luat-2022_nd-98-2023.toml), in force from its effective_from date until its
// effective_to date (or, when that is omitted, until the day before the next set starts). A file
// lists, per award code and subject type, the conditions of that award: each names a primitive the
// engine implements (eligibility.cc) with its parameters, the Vietnamese text shown to users (with
// {placeholders} the engine fills in) and the legal basis. rules/README.md documents the format and
// every primitive; adding a rule set is adding a dated file.
//
// ParseRuleBook is pure (text in, values out) and validates everything it can: TOML syntax, unknown
// keys and primitives, parameter types and ranges, missing texts or bases, placeholders a primitive
// cannot fill, awards missing for a subject, cycles between standards, and effective ranges that
// overlap or leave a gap. Errors are kInvalidArgument; the message names the file and the key, and
// Status::fields() holds every error found ("file: key" → message).
//
// A RuleBook is immutable once built; share it freely between threads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "domain/eligibility_codes.h"

namespace thidua::domain {

// What a condition checks. The engine implements each; rules/README.md describes them.
enum class Primitive : uint8_t {
  kNotPendingDiscipline,              // person: no discipline review/investigation/complaint pending
  kNotDissolved,                      // unit: not dissolved
  kRegisteredIfRequired,              // registered for the year, when Settings::registration_required
  kRatingAtLeast,                     // rating in the year ≥ `rating`
  kNotRecruitedWithinMonths,          // person: served ≥ Settings::ldtt_min_months_served by 31/12
  kNoDisciplineInYear,                // person: no discipline overlapping the year
  kMeetsStandardOf,                   // meets the conditions of `award` in the year (its standard)
  kRatingOrInitiative,                // person: rating ≥ `rating`, or an initiative ≥ `scope` in the year
  kConsecutiveYearsWith,              // `award` held `years` years in a row ending in the year
  kConsecutiveRatingWithInitiatives,  // person: ≥ `years` years rated ≥ `rating` with `count` initiatives
  kInitiativeScopeAtLeast,            // person: an initiative ≥ `scope` in the last `within_years` years
  kTwoSuccessiveAwards,               // two `award`s of `years`-year periods that follow each other
  kPreviousAwardThenYears,  // a previous `award`, then ≥ `years` years ≥ `rating` with `count` `with_award`
  kTimeGate,                // achievements count only after the previous `award`'s period
  kMembersShareAtLeast,     // unit: ≥ `percent` % of members `of`
  kMembersShareMoreThan,    // unit: > `percent` % of members `of`
  kMembersCountAtLeast,     // unit: ≥ `count` members `of`
  kNoMemberDisciplineAtOrAbove,  // unit: no member disciplined at Settings' level or above
  kBlockLeader,                  // unit: leading unit of its block by the block's vote
  kAnyOf,                        // one of `options`
  kProvinceCriteria,             // Giấy khen: the province's criteria (Settings), or judgement
  kJudgement,                    // decided by people; never met or unmet by the engine
};
inline constexpr int kPrimitiveCount = 22;
std::string_view PrimitiveName(Primitive primitive);

// What members_* primitives count.
enum class MemberMeasure : uint8_t { kComplete, kLdtt, kCstdcs };

// A {placeholder} of a condition's text.
enum class Placeholder : uint8_t {
  kNone,
  kYear,       // the year under review
  kFrom,       // first year of the period the condition looked at
  kTo,         // last year of it
  kYears,      // parameter `years`
  kCount,      // parameter `count`
  kPercent,    // parameter `percent`
  kMonths,     // Settings::ldtt_min_months_served
  kDate,       // the cut-off date of not_recruited_within_months (dd/mm/yyyy)
  kRating,     // label of parameter `rating`
  kScope,      // label of parameter `scope`
  kAward,      // label of parameter `award`
  kWithAward,  // label of parameter `with_award`
  kOf,         // label of parameter `of`
  kLevel,      // label of Settings::ttldtt_member_discipline_level
};

struct TextPart {
  std::string literal;  // printed before the placeholder
  Placeholder placeholder = Placeholder::kNone;
};

enum class Confidence : uint8_t { kConfirmed, kParaphrase, kUnconfirmed };

struct RuleCondition {
  Primitive primitive = Primitive::kJudgement;
  // Parameters; each primitive reads only its own (rules/README.md), the rest keep these defaults.
  Rating rating = Rating::kHtt;
  InitiativeScope scope = InitiativeScope::kCoSo;
  AwardCode award = AwardCode::kLdtt;
  AwardCode with_award = AwardCode::kCstdcs;
  MemberMeasure of = MemberMeasure::kLdtt;
  int years = 1;
  int count = 1;
  int percent = 0;
  int within_years = 1;
  bool require_previous = true;
  std::vector<RuleCondition> options;  // any_of

  std::string text;             // as written, with {placeholders}
  std::vector<TextPart> parts;  // `text` split at its placeholders
  std::string basis;            // "Điều 23 khoản 2 Luật TĐKT 2022"
  Confidence confidence = Confidence::kConfirmed;

  // False for kJudgement, and for kProvinceCriteria when the province has set no criteria.
  bool Decidable() const { return primitive != Primitive::kJudgement; }
};

struct AwardRule {
  AwardCode award = AwardCode::kLdtt;
  SubjectType subject = SubjectType::kPerson;
  std::vector<RuleCondition> conditions;       // all must hold
  std::vector<RuleCondition> judgement_paths;  // further paths decided by people (kJudgement)
};

// Principles that apply across awards of a rule set.
struct Principles {
  std::string revoked_basis;                      // why a revoked award counts for nothing
  std::vector<AwardMethod> non_counting_methods;  // do not count toward higher regular awards
  std::string non_counting_basis;
  std::string discipline_end_basis;  // after a discipline ends only later achievements count
};

struct RuleSet {
  std::string file;  // "2024-01-01_luat-2022_nd-98-2023.toml"
  std::string name;  // the rule_set string of a verdict
  Date effective_from{2024, 1, 1};
  std::optional<Date> effective_to;  // inclusive; set by ParseRuleBook from the next set when omitted
  Principles principles;
  std::vector<RuleCondition> common_person;  // checked first for every award of a person
  std::vector<RuleCondition> common_unit;    // … of a unit
  std::vector<AwardRule> awards;             // every award of both subject types, in verdict order

  // The rule of `award` for `subject`, or null when the award does not apply to the subject.
  const AwardRule* Find(AwardCode award, SubjectType subject) const;
  const std::vector<RuleCondition>& Common(SubjectType subject) const {
    return subject == SubjectType::kPerson ? common_person : common_unit;
  }
  bool InForceOn(Date day) const { return effective_from <= day && (!effective_to || day <= *effective_to); }
};

class RuleBook {
 public:
  RuleBook() = default;
  explicit RuleBook(std::vector<RuleSet> sets) : sets_(std::move(sets)) {}

  // The rule set in force on `day`, or null when none is (e.g. before 01/01/2024).
  const RuleSet* InForce(Date day) const;
  // The rule set for the achievements of `year`: in force on `date` when given, else on 31/12/year.
  const RuleSet* ForYear(int year, std::optional<Date> date = std::nullopt) const;
  const std::vector<RuleSet>& sets() const { return sets_; }  // by effective date

 private:
  std::vector<RuleSet> sets_;
};

// Parses and validates rule-set files given as (file name, TOML text) pairs. A file name must begin
// with its effective_from date ("2025-07-01_…"). Errors: kInvalidArgument, see the file comment.
Result<RuleBook> ParseRuleBook(const std::vector<std::pair<std::string, std::string>>& files);

// Parses a list of conditions given as `[[condition]]` tables in TOML — the form in which a province
// keeps its own criteria (Settings::gk_person_criteria). `name` labels errors. Conditions that need
// another award's rule (meets_standard_of) or members are refused for `subject` when they do not apply.
Result<std::vector<RuleCondition>> ParseConditionList(const std::string& name, const std::string& text,
                                                      SubjectType subject);

// The rule sets shipped in rules/ (embedded in the binary), parsed and validated.
Result<RuleBook> LoadShippedRuleBook();

}  // namespace thidua::domain
