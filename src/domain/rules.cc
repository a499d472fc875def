#include "domain/rules.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

// toml++ is used header-only and without exceptions: domain code neither throws nor catches
// (STYLE.md, "Errors"); parse failures come back as values.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include "base/utf8.h"

namespace thidua::domain {
namespace {

// ---- the schema of the primitives ----

enum class Param : uint8_t {
  kRating,
  kScope,
  kAward,
  kWithAward,
  kOf,
  kYears,
  kCount,
  kPercent,
  kWithinYears,
  kRequirePrevious,
  kOption,
};
struct ParamSpec {
  Param param;
  std::string_view key;
  bool required;
};
enum SubjectMask : uint8_t { kPersonOnly = 1, kUnitOnly = 2, kBoth = 3 };

struct PrimitiveSpec {
  Primitive primitive;
  std::string_view name;
  uint8_t subjects;
  std::vector<ParamSpec> params;
  std::vector<Placeholder> placeholders;  // besides {year}
};

const std::vector<PrimitiveSpec>& Specs() {
  using P = Placeholder;
  static const std::vector<PrimitiveSpec> specs = {
      {Primitive::kNotPendingDiscipline, "not_pending_discipline", kPersonOnly, {}, {}},
      {Primitive::kNotDissolved, "not_dissolved", kUnitOnly, {}, {}},
      {Primitive::kRegisteredIfRequired, "registered_if_required", kBoth, {}, {}},
      {Primitive::kRatingAtLeast, "rating_at_least", kBoth, {{Param::kRating, "rating", true}}, {P::kRating}},
      {Primitive::kNotRecruitedWithinMonths,
       "not_recruited_within_months",
       kPersonOnly,
       {},
       {P::kMonths, P::kDate}},
      {Primitive::kNoDisciplineInYear, "no_discipline_in_year", kPersonOnly, {}, {}},
      {Primitive::kMeetsStandardOf,
       "meets_standard_of",
       kBoth,
       {{Param::kAward, "award", true}},
       {P::kAward}},
      {Primitive::kRatingOrInitiative,
       "rating_or_initiative",
       kPersonOnly,
       {{Param::kRating, "rating", true}, {Param::kScope, "scope", true}},
       {P::kRating, P::kScope}},
      {Primitive::kConsecutiveYearsWith,
       "consecutive_years_with",
       kBoth,
       {{Param::kAward, "award", true}, {Param::kYears, "years", true}},
       {P::kFrom, P::kTo, P::kYears, P::kAward}},
      {Primitive::kConsecutiveRatingWithInitiatives,
       "consecutive_rating_with_initiatives",
       kPersonOnly,
       {{Param::kRating, "rating", true},
        {Param::kYears, "years", true},
        {Param::kCount, "count", true},
        {Param::kScope, "scope", true}},
       {P::kFrom, P::kTo, P::kYears, P::kCount, P::kRating, P::kScope}},
      {Primitive::kInitiativeScopeAtLeast,
       "initiative_scope_at_least",
       kPersonOnly,
       {{Param::kScope, "scope", true}, {Param::kWithinYears, "within_years", false}},
       {P::kFrom, P::kTo, P::kScope}},
      {Primitive::kTwoSuccessiveAwards,
       "two_successive_awards",
       kBoth,
       {{Param::kAward, "award", true}, {Param::kYears, "years", true}},
       {P::kFrom, P::kTo, P::kYears, P::kAward}},
      {Primitive::kPreviousAwardThenYears,
       "previous_award_then_years",
       kBoth,
       {{Param::kAward, "award", true},
        {Param::kYears, "years", true},
        {Param::kRating, "rating", true},
        {Param::kWithAward, "with_award", true},
        {Param::kCount, "count", true},
        {Param::kRequirePrevious, "require_previous", false}},
       {P::kFrom, P::kTo, P::kYears, P::kCount, P::kRating, P::kAward, P::kWithAward}},
      {Primitive::kTimeGate, "time_gate", kBoth, {{Param::kAward, "award", true}}, {P::kFrom, P::kAward}},
      {Primitive::kMembersShareAtLeast,
       "members_share_at_least",
       kUnitOnly,
       {{Param::kOf, "of", true}, {Param::kPercent, "percent", true}},
       {P::kOf, P::kPercent}},
      {Primitive::kMembersShareMoreThan,
       "members_share_more_than",
       kUnitOnly,
       {{Param::kOf, "of", true}, {Param::kPercent, "percent", true}},
       {P::kOf, P::kPercent}},
      {Primitive::kMembersCountAtLeast,
       "members_count_at_least",
       kUnitOnly,
       {{Param::kOf, "of", true}, {Param::kCount, "count", true}},
       {P::kOf, P::kCount}},
      {Primitive::kNoMemberDisciplineAtOrAbove,
       "no_member_discipline_at_or_above",
       kUnitOnly,
       {},
       {P::kLevel}},
      {Primitive::kBlockLeader, "block_leader", kUnitOnly, {}, {}},
      {Primitive::kAnyOf, "any_of", kBoth, {{Param::kOption, "option", true}}, {}},
      {Primitive::kProvinceCriteria, "province_criteria", kBoth, {}, {}},
      {Primitive::kJudgement, "judgement", kBoth, {}, {}},
  };
  return specs;
}

const PrimitiveSpec* FindSpec(std::string_view name) {
  for (const PrimitiveSpec& s : Specs()) {
    if (s.name == name) return &s;
  }
  return nullptr;
}
const PrimitiveSpec& SpecOf(Primitive p) { return Specs()[static_cast<size_t>(p)]; }

constexpr std::array<std::pair<std::string_view, Placeholder>, 14> kPlaceholders = {{
    {"year", Placeholder::kYear},
    {"from", Placeholder::kFrom},
    {"to", Placeholder::kTo},
    {"years", Placeholder::kYears},
    {"count", Placeholder::kCount},
    {"percent", Placeholder::kPercent},
    {"months", Placeholder::kMonths},
    {"date", Placeholder::kDate},
    {"rating", Placeholder::kRating},
    {"scope", Placeholder::kScope},
    {"award", Placeholder::kAward},
    {"with_award", Placeholder::kWithAward},
    {"of", Placeholder::kOf},
    {"level", Placeholder::kLevel},
}};

// ---- errors ----

// Collects every error of every file; the first names the Status message, all go into fields.
class Errors {
 public:
  void Add(std::string_view file, const std::string& key, std::string message) {
    ++count_;
    if (list_.size() >= kMaxKept) return;
    list_.emplace_back(std::string(file) + ": " + key, std::move(message));
  }
  bool empty() const { return count_ == 0; }
  Status Take() const {
    std::string message = list_.front().first + ": " + list_.front().second;
    if (count_ > 1) message += " (và " + std::to_string(count_ - 1) + " lỗi khác)";
    Status status = InvalidArgument(std::move(message));
    for (const auto& [key, text] : list_) status.WithField(key, text);
    return status;
  }

 private:
  static constexpr size_t kMaxKept = 100;
  std::vector<std::pair<std::string, std::string>> list_;
  size_t count_ = 0;
};

// Where in which file a value sits, for error messages: "award[2].condition[0].rating".
struct Where {
  std::string_view file;
  std::string key;
  Where At(std::string_view sub) const {
    return {file, key.empty() ? std::string(sub) : key + "." + std::string(sub)};
  }
  Where Index(size_t i) const { return {file, key + "[" + std::to_string(i) + "]"}; }
};

// ---- value readers ----

std::optional<std::string> ReadString(const toml::node* node, const Where& where, Errors& errors,
                                      bool required) {
  if (!node) {
    if (required) errors.Add(where.file, where.key, "thiếu giá trị bắt buộc");
    return std::nullopt;
  }
  const toml::value<std::string>* s = node->as_string();
  if (!s) {
    errors.Add(where.file, where.key, "phải là chuỗi văn bản");
    return std::nullopt;
  }
  std::string text = s->get();
  bool blank =
      std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
  if (blank) {
    errors.Add(where.file, where.key, "không được để trống");
    return std::nullopt;
  }
  return text;
}

std::optional<int64_t> ReadInt(const toml::node* node, const Where& where, Errors& errors, int64_t lo,
                               int64_t hi) {
  const toml::value<int64_t>* i = node ? node->as_integer() : nullptr;
  if (!i) {
    errors.Add(where.file, where.key, "phải là số nguyên");
    return std::nullopt;
  }
  if (i->get() < lo || i->get() > hi) {
    errors.Add(where.file, where.key,
               "phải từ " + std::to_string(lo) + " đến " + std::to_string(hi) + " (đang là " +
                   std::to_string(i->get()) + ")");
    return std::nullopt;
  }
  return i->get();
}

std::optional<Date> ReadDate(const toml::node* node, const Where& where, Errors& errors) {
  if (!node) {
    errors.Add(where.file, where.key, "thiếu ngày bắt buộc");
    return std::nullopt;
  }
  std::optional<Date> date;
  if (const toml::value<toml::date>* d = node->as_date()) {
    date = Date::FromYmd(d->get().year, d->get().month, d->get().day);
  } else if (const toml::value<std::string>* s = node->as_string()) {
    date = Date::Parse(s->get());
  }
  if (!date) errors.Add(where.file, where.key, "phải là một ngày (YYYY-MM-DD)");
  return date;
}

template <typename T>
std::optional<T> ReadCode(const toml::node* node, const Where& where, Errors& errors,
                          std::optional<T> (*parse)(std::string_view), std::string_view what) {
  std::optional<std::string> text = ReadString(node, where, errors, /*required=*/true);
  if (!text) return std::nullopt;
  std::optional<T> value = parse(*text);
  if (!value) errors.Add(where.file, where.key, std::string(what) + " không hợp lệ: \"" + *text + "\"");
  return value;
}

std::optional<MemberMeasure> ParseMemberMeasure(std::string_view text) {
  if (text == "complete") return MemberMeasure::kComplete;
  if (text == "ldtt") return MemberMeasure::kLdtt;
  if (text == "cstdcs") return MemberMeasure::kCstdcs;
  return std::nullopt;
}

std::optional<Confidence> ParseConfidence(std::string_view text) {
  if (text == "confirmed") return Confidence::kConfirmed;
  if (text == "paraphrase") return Confidence::kParaphrase;
  if (text == "unconfirmed") return Confidence::kUnconfirmed;
  return std::nullopt;
}

// Splits "… năm {year}" into parts; reports unknown or unavailable placeholders.
std::vector<TextPart> SplitText(const std::string& text, const PrimitiveSpec& spec, const Where& where,
                                Errors& errors) {
  std::vector<TextPart> parts;
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') {
      errors.Add(where.file, where.key, "dấu } không có dấu { tương ứng");
      return {};
    }
    if (text[i] != '{') {
      literal += text[i];
      continue;
    }
    size_t close = text.find('}', i + 1);
    if (close == std::string::npos) {
      errors.Add(where.file, where.key, "dấu { không được đóng");
      return {};
    }
    std::string_view name(text.data() + i + 1, close - i - 1);
    auto found =
        std::find_if(kPlaceholders.begin(), kPlaceholders.end(), [&](auto& p) { return p.first == name; });
    if (found == kPlaceholders.end()) {
      errors.Add(where.file, where.key, "chỗ điền không xác định {" + std::string(name) + "}");
      return {};
    }
    bool allowed = found->second == Placeholder::kYear ||
                   std::find(spec.placeholders.begin(), spec.placeholders.end(), found->second) !=
                       spec.placeholders.end();
    if (!allowed) {
      errors.Add(where.file, where.key,
                 "nguyên tắc " + std::string(spec.name) + " không điền được {" + std::string(name) + "}");
      return {};
    }
    parts.push_back({std::move(literal), found->second});
    literal.clear();
    i = close;
  }
  if (!literal.empty()) parts.push_back({std::move(literal), Placeholder::kNone});
  return parts;
}

// ---- conditions ----

struct ConditionContext {
  SubjectType subject;
  bool in_option = false;       // inside any_of: no nesting, no judgement
  bool allow_province = false;  // province_criteria only in the GK award
  const std::string* inherited_basis = nullptr;
};

std::optional<RuleCondition> ReadCondition(const toml::table& table, const Where& where,
                                           const ConditionContext& context, Errors& errors);

void ReadOptions(const toml::node* node, RuleCondition& condition, const Where& where,
                 const ConditionContext& context, Errors& errors) {
  const toml::array* array = node ? node->as_array() : nullptr;
  if (!array || array->size() < 2) {
    errors.Add(where.file, where.key, "any_of cần ít nhất 2 bảng [[...option]]");
    return;
  }
  ConditionContext inner = context;
  inner.in_option = true;
  inner.inherited_basis = &condition.basis;
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::table* t = array->get(i)->as_table();
    if (!t) {
      errors.Add(where.file, where.Index(i).key, "phải là một bảng điều kiện");
      continue;
    }
    std::optional<RuleCondition> option = ReadCondition(*t, where.Index(i), inner, errors);
    if (option) condition.options.push_back(std::move(*option));
  }
}

void ReadParam(const ParamSpec& param, const toml::node* node, RuleCondition& c, const Where& where,
               const ConditionContext& context, Errors& errors) {
  switch (param.param) {
    case Param::kRating:
      if (auto v = ReadCode<Rating>(node, where, errors, ParseRating, "Mức xếp loại")) c.rating = *v;
      break;
    case Param::kScope:
      if (auto v = ReadCode<InitiativeScope>(node, where, errors, ParseInitiativeScope, "Phạm vi sáng kiến"))
        c.scope = *v;
      break;
    case Param::kAward:
    case Param::kWithAward:
      if (auto v = ReadCode<AwardCode>(node, where, errors, ParseAwardCode, "Mã danh hiệu")) {
        if (!AppliesTo(*v, context.subject)) {
          errors.Add(where.file, where.key,
                     std::string(AwardCodeName(*v)) + " không áp dụng cho " +
                         std::string(SubjectTypeName(context.subject)));
        }
        (param.param == Param::kAward ? c.award : c.with_award) = *v;
      }
      break;
    case Param::kOf:
      if (auto v = ReadCode<MemberMeasure>(node, where, errors, ParseMemberMeasure,
                                           "Đại lượng (complete|ldtt|cstdcs)"))
        c.of = *v;
      break;
    case Param::kYears:
      if (auto v = ReadInt(node, where, errors, 1, 30)) c.years = static_cast<int>(*v);
      break;
    case Param::kWithinYears:
      if (auto v = ReadInt(node, where, errors, 1, 30)) c.within_years = static_cast<int>(*v);
      break;
    case Param::kCount:
      if (auto v = ReadInt(node, where, errors, 1, 1000)) c.count = static_cast<int>(*v);
      break;
    case Param::kPercent:
      if (auto v = ReadInt(node, where, errors, 0, 100)) c.percent = static_cast<int>(*v);
      break;
    case Param::kRequirePrevious:
      if (const toml::value<bool>* b = node->as_boolean()) {
        c.require_previous = b->get();
      } else {
        errors.Add(where.file, where.key, "phải là true hoặc false");
      }
      break;
    case Param::kOption:
      ReadOptions(node, c, where, context, errors);
      break;
  }
}

bool CheckPrimitiveAllowed(const PrimitiveSpec& spec, const Where& where, const ConditionContext& context,
                           Errors& errors) {
  uint8_t mine = context.subject == SubjectType::kPerson ? kPersonOnly : kUnitOnly;
  if ((spec.subjects & mine) == 0) {
    errors.Add(where.file, where.key,
               "nguyên tắc " + std::string(spec.name) + " không áp dụng cho " +
                   std::string(SubjectTypeName(context.subject)));
    return false;
  }
  bool undecidable =
      spec.primitive == Primitive::kJudgement || spec.primitive == Primitive::kProvinceCriteria;
  if (context.in_option && (undecidable || spec.primitive == Primitive::kAnyOf)) {
    errors.Add(where.file, where.key, "trong any_of không dùng được nguyên tắc " + std::string(spec.name));
    return false;
  }
  if (spec.primitive == Primitive::kProvinceCriteria && !context.allow_province) {
    errors.Add(where.file, where.key, "province_criteria chỉ dùng cho Giấy khen (GK)");
    return false;
  }
  return true;
}

std::optional<RuleCondition> ReadCondition(const toml::table& table, const Where& where,
                                           const ConditionContext& context, Errors& errors) {
  std::optional<std::string> name = ReadString(table.get("primitive"), where.At("primitive"), errors, true);
  if (!name) return std::nullopt;
  const PrimitiveSpec* spec = FindSpec(*name);
  if (!spec) {
    errors.Add(where.file, where.At("primitive").key, "nguyên tắc không xác định \"" + *name + "\"");
    return std::nullopt;
  }
  if (!CheckPrimitiveAllowed(*spec, where.At("primitive"), context, errors)) return std::nullopt;
  RuleCondition c;
  c.primitive = spec->primitive;
  std::optional<std::string> text = ReadString(table.get("text"), where.At("text"), errors, true);
  if (text) {
    c.text = *text;
    c.parts = SplitText(c.text, *spec, where.At("text"), errors);
  }
  bool basis_required = !(context.in_option && context.inherited_basis);
  std::optional<std::string> basis =
      ReadString(table.get("basis"), where.At("basis"), errors, basis_required);
  if (basis) {
    c.basis = *basis;
  } else if (!basis_required) {
    c.basis = *context.inherited_basis;
  }
  if (const toml::node* conf = table.get("confidence")) {
    if (auto v = ReadCode<Confidence>(conf, where.At("confidence"), errors, ParseConfidence,
                                      "Độ tin cậy (confirmed|paraphrase|unconfirmed)"))
      c.confidence = *v;
  }
  for (const ParamSpec& param : spec->params) {
    const toml::node* node = table.get(param.key);
    if (node) {
      ReadParam(param, node, c, where.At(param.key), context, errors);
    } else if (param.required) {
      errors.Add(where.file, where.At(param.key).key,
                 "thiếu tham số bắt buộc của nguyên tắc " + std::string(spec->name));
    }
  }
  for (auto&& [key, node] : table) {
    std::string_view k = key.str();
    bool known =
        k == "primitive" || k == "text" || k == "basis" || k == "confidence" ||
        std::any_of(spec->params.begin(), spec->params.end(), [&](const ParamSpec& p) { return p.key == k; });
    if (!known)
      errors.Add(where.file, where.At(k).key,
                 "khóa không xác định cho nguyên tắc " + std::string(spec->name));
  }
  return c;
}

// ---- awards and the file ----

void ReadConditionArray(const toml::node* node, const Where& where, const ConditionContext& context,
                        bool required, std::vector<RuleCondition>& out, Errors& errors) {
  if (!node) {
    if (required) errors.Add(where.file, where.key, "thiếu danh sách điều kiện");
    return;
  }
  const toml::array* array = node->as_array();
  if (!array || (required && array->empty())) {
    errors.Add(where.file, where.key, "phải là danh sách bảng điều kiện, ít nhất một");
    return;
  }
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::table* t = array->get(i)->as_table();
    if (!t) {
      errors.Add(where.file, where.Index(i).key, "phải là một bảng điều kiện");
      continue;
    }
    std::optional<RuleCondition> c = ReadCondition(*t, where.Index(i), context, errors);
    if (c) out.push_back(std::move(*c));
  }
}

void ReadJudgementPaths(const toml::node* node, const Where& where, SubjectType subject,
                        std::vector<RuleCondition>& out, Errors& errors) {
  if (!node) return;
  const toml::array* array = node->as_array();
  if (!array) {
    errors.Add(where.file, where.key, "phải là danh sách bảng [[award.judgement]]");
    return;
  }
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::table* t = array->get(i)->as_table();
    Where w = where.Index(i);
    if (!t) {
      errors.Add(where.file, w.key, "phải là một bảng");
      continue;
    }
    for (auto&& [key, value] : *t) {
      std::string_view k = key.str();
      if (k != "text" && k != "basis" && k != "confidence")
        errors.Add(where.file, w.At(k).key, "khóa không xác định");
    }
    toml::table as_condition = *t;
    as_condition.insert_or_assign("primitive", "judgement");
    std::optional<RuleCondition> c = ReadCondition(as_condition, w, {subject}, errors);
    if (c) out.push_back(std::move(*c));
  }
}

std::optional<AwardRule> ReadAward(const toml::table& table, const Where& where, Errors& errors) {
  std::optional<AwardCode> code =
      ReadCode<AwardCode>(table.get("code"), where.At("code"), errors, ParseAwardCode, "Mã danh hiệu");
  std::optional<SubjectType> subject = ReadCode<SubjectType>(
      table.get("subject"), where.At("subject"), errors, ParseSubjectType, "Đối tượng (person|unit)");
  for (auto&& [key, value] : table) {
    std::string_view k = key.str();
    if (k != "code" && k != "subject" && k != "condition" && k != "judgement")
      errors.Add(where.file, where.At(k).key, "khóa không xác định");
  }
  if (!code || !subject) return std::nullopt;
  if (!AppliesTo(*code, *subject)) {
    errors.Add(
        where.file, where.At("subject").key,
        std::string(AwardCodeName(*code)) + " không áp dụng cho " + std::string(SubjectTypeName(*subject)));
    return std::nullopt;
  }
  AwardRule rule;
  rule.award = *code;
  rule.subject = *subject;
  ConditionContext context{*subject};
  context.allow_province = *code == AwardCode::kGk;
  ReadConditionArray(table.get("condition"), where.At("condition"), context, /*required=*/true,
                     rule.conditions, errors);
  ReadJudgementPaths(table.get("judgement"), where.At("judgement"), *subject, rule.judgement_paths, errors);
  return rule;
}

void ReadPrinciples(const toml::node* node, const Where& where, Principles& out, Errors& errors) {
  const toml::table* table = node ? node->as_table() : nullptr;
  if (!table) {
    errors.Add(where.file, where.key, "thiếu bảng [principles]");
    return;
  }
  auto text = [&](std::string_view key, std::string& into) {
    if (auto s = ReadString(table->get(key), where.At(key), errors, true)) into = *s;
  };
  text("revoked_basis", out.revoked_basis);
  text("non_counting_basis", out.non_counting_basis);
  text("discipline_end_basis", out.discipline_end_basis);
  const toml::node* methods = table->get("non_counting_methods");
  const toml::array* array = methods ? methods->as_array() : nullptr;
  if (!array) {
    errors.Add(where.file, where.At("non_counting_methods").key,
               "phải là danh sách mã hình thức khen thưởng");
  } else {
    for (size_t i = 0; i < array->size(); ++i) {
      Where w = where.At("non_counting_methods").Index(i);
      if (auto m =
              ReadCode<AwardMethod>(array->get(i), w, errors, ParseAwardMethod, "Phương thức khen thưởng"))
        out.non_counting_methods.push_back(*m);
    }
  }
  for (auto&& [key, value] : *table) {
    std::string_view k = key.str();
    if (k != "revoked_basis" && k != "non_counting_basis" && k != "discipline_end_basis" &&
        k != "non_counting_methods")
      errors.Add(where.file, where.At(k).key, "khóa không xác định");
  }
}

void ReadCommon(const toml::node* node, const Where& where, RuleSet& set, Errors& errors) {
  if (!node) return;
  const toml::array* array = node->as_array();
  if (!array) {
    errors.Add(where.file, where.key, "phải là danh sách bảng [[common]]");
    return;
  }
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::table* t = array->get(i)->as_table();
    Where w = where.Index(i);
    if (!t) {
      errors.Add(where.file, w.key, "phải là một bảng điều kiện");
      continue;
    }
    std::optional<SubjectType> subject = ReadCode<SubjectType>(t->get("subject"), w.At("subject"), errors,
                                                               ParseSubjectType, "Đối tượng (person|unit)");
    if (!subject) continue;
    toml::table without_subject = *t;
    without_subject.erase("subject");
    ConditionContext context{*subject};
    std::optional<RuleCondition> c = ReadCondition(without_subject, w, context, errors);
    if (!c) continue;
    if (c->primitive == Primitive::kJudgement || c->primitive == Primitive::kAnyOf) {
      errors.Add(where.file, w.At("primitive").key, "điều kiện chung phải là nguyên tắc kiểm tra được");
      continue;
    }
    (*subject == SubjectType::kPerson ? set.common_person : set.common_unit).push_back(std::move(*c));
  }
}

// The awards a standard depends on (meets_standard_of and the year under review of chains).
std::vector<AwardCode> StandardsUsed(const RuleCondition& c) {
  switch (c.primitive) {
    case Primitive::kMeetsStandardOf:
    case Primitive::kConsecutiveYearsWith:
    case Primitive::kTwoSuccessiveAwards:
      return {c.award};
    case Primitive::kPreviousAwardThenYears:
      return {c.with_award};
    case Primitive::kAnyOf: {
      std::vector<AwardCode> all;
      for (const RuleCondition& o : c.options) {
        std::vector<AwardCode> sub = StandardsUsed(o);
        all.insert(all.end(), sub.begin(), sub.end());
      }
      return all;
    }
    default:
      return {};
  }
}

bool FullyDecidable(const AwardRule& rule) {
  return std::all_of(rule.conditions.begin(), rule.conditions.end(), [](const RuleCondition& c) {
    return c.Decidable() && c.primitive != Primitive::kProvinceCriteria;
  });
}

// Every award of both subjects present once; standards used exist, are decidable and form no cycle.
void CheckAwards(RuleSet& set, std::string_view file, Errors& errors) {
  for (SubjectType subject : {SubjectType::kPerson, SubjectType::kUnit}) {
    for (AwardCode code : AwardsFor(subject)) {
      if (!set.Find(code, subject))
        errors.Add(file, "award",
                   "thiếu quy tắc cho " + std::string(AwardCodeName(code)) + " (" +
                       std::string(SubjectTypeName(subject)) + ")");
    }
  }
  // Depth-first search over "standard of A uses standard of B".
  std::map<const AwardRule*, int> state;  // 1 = on the stack, 2 = done
  std::function<bool(const AwardRule&)> visit = [&](const AwardRule& rule) -> bool {
    int& s = state[&rule];
    if (s == 1) return false;
    if (s == 2) return true;
    s = 1;
    for (const RuleCondition& c : rule.conditions) {
      for (AwardCode used : StandardsUsed(c)) {
        const AwardRule* target = set.Find(used, rule.subject);
        if (!target) continue;
        std::string key = "award " + std::string(AwardCodeName(rule.award));
        if (!FullyDecidable(*target)) {
          errors.Add(file, key,
                     "tiêu chuẩn " + std::string(AwardCodeName(used)) +
                         " có điều kiện cần xem xét, không dùng làm tiêu chuẩn được");
        }
        if (!visit(*target)) {
          errors.Add(file, key, "vòng lặp tiêu chuẩn qua " + std::string(AwardCodeName(used)));
          s = 2;
          return true;
        }
      }
    }
    s = 2;
    return true;
  };
  for (const AwardRule& rule : set.awards) visit(rule);
}

void SortAwards(RuleSet& set) {
  auto rank = [](const AwardRule& r) {
    return std::make_pair(static_cast<int>(r.subject), static_cast<int>(r.award));
  };
  std::sort(set.awards.begin(), set.awards.end(),
            [&](const AwardRule& a, const AwardRule& b) { return rank(a) < rank(b); });
}

void ReadAwards(const toml::node* node, const Where& where, RuleSet& set, Errors& errors) {
  const toml::array* array = node ? node->as_array() : nullptr;
  if (!array) {
    errors.Add(where.file, where.key, "thiếu danh sách [[award]]");
    return;
  }
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::table* t = array->get(i)->as_table();
    if (!t) {
      errors.Add(where.file, where.Index(i).key, "phải là một bảng");
      continue;
    }
    std::optional<AwardRule> rule = ReadAward(*t, where.Index(i), errors);
    if (!rule) continue;
    if (set.Find(rule->award, rule->subject)) {
      errors.Add(where.file, where.Index(i).key,
                 "quy tắc " + std::string(AwardCodeName(rule->award)) + " (" +
                     std::string(SubjectTypeName(rule->subject)) + ") đã có ở trên");
      continue;
    }
    set.awards.push_back(std::move(*rule));
  }
}

void CheckFileName(RuleSet& set, Errors& errors) {
  std::optional<Date> named =
      set.file.size() >= 11 && set.file[10] == '_' ? Date::Parse(set.file.substr(0, 10)) : std::nullopt;
  if (!named) {
    errors.Add(set.file, "(tên tệp)", "tên tệp phải bắt đầu bằng ngày hiệu lực: YYYY-MM-DD_….toml");
  } else if (*named != set.effective_from) {
    errors.Add(set.file, "effective_from", "khác ngày ở đầu tên tệp (" + named->Iso() + ")");
  }
}

// toml++ 3.3.0 reaches __builtin_unreachable when its whitespace table meets some non-ASCII code points
// (U+00A1–U+0499, U+FC66–U+FEFE), which it looks at outside strings and while skipping a bad value
// (found by fuzz/rules_fuzz.cc). So toml++ is only ever given ASCII: text in basic strings becomes
// \uXXXX escapes, literal strings become the same basic strings, comments lose their non-ASCII
// letters, and non-ASCII anywhere else — invalid TOML anyway — is refused here with its line.
class AsciiToml {
 public:
  AsciiToml(std::string_view text, std::string_view file, Errors& errors)
      : in_(text), file_(file), errors_(errors) {}

  std::optional<std::string> Convert() {
    if (!IsValidUtf8(in_)) return Fail("tệp không phải UTF-8 hợp lệ");
    if (in_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
    out_.reserve(in_.size() + in_.size() / 4);
    while (i_ < in_.size()) {
      char ch = in_[i_];
      if (ch == '#') {
        Comment();
      } else if (ch == '"' || ch == '\'') {
        if (!String(ch)) return std::nullopt;
      } else if (static_cast<unsigned char>(ch) >= 0x80) {
        return Fail("chữ ngoài chuỗi \"…\" hoặc chú thích # (chữ có dấu phải nằm trong dấu ngoặc kép)");
      } else {
        Put(ch);
      }
    }
    return std::move(out_);
  }

 private:
  std::nullopt_t Fail(const std::string& message) {
    errors_.Add(file_, "dòng " + std::to_string(line_), message);
    return std::nullopt;
  }
  void Put(char ch) {
    if (ch == '\n') ++line_;
    out_ += ch;
    ++i_;
  }
  size_t Run(char quote) const {
    size_t n = 0;
    while (i_ + n < in_.size() && in_[i_ + n] == quote) ++n;
    return n;
  }
  // One code point (at a non-ASCII lead byte) as \uXXXX or \UXXXXXXXX.
  void Escape() {
    unsigned char lead = static_cast<unsigned char>(in_[i_]);
    int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    uint32_t cp = lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(in_[i_ + k]) & 0x3F);
    char buf[16];
    std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(cp));
    out_ += buf;
    i_ += static_cast<size_t>(length);
  }
  void Comment() {
    while (i_ < in_.size() && in_[i_] != '\n') {
      if (static_cast<unsigned char>(in_[i_]) >= 0x80) {
        out_ += '?';
        ++i_;
        while (i_ < in_.size() && (static_cast<unsigned char>(in_[i_]) & 0xC0) == 0x80) ++i_;
      } else {
        Put(in_[i_]);
      }
    }
  }
  // A basic or literal string, single- or multi-line, written out as a basic string of ASCII.
  bool String(char quote) {
    bool multi = Run(quote) >= 3;
    bool literal = quote == '\'';
    out_ += multi ? R"(""")" : "\"";
    i_ += multi ? 3 : 1;
    while (i_ < in_.size()) {
      char ch = in_[i_];
      unsigned char byte = static_cast<unsigned char>(ch);
      if (ch == quote) {
        size_t run = multi ? Run(quote) : 1;
        if (!multi || run >= 3) {
          // Up to two quotes may stand before the closing three of a multi-line string.
          for (size_t k = 3; multi && k < run && k < 5; ++k) out_ += literal ? "'" : "\\\"";
          out_ += multi ? R"(""")" : "\"";
          i_ += multi ? std::min<size_t>(run, 5) : 1;
          return true;
        }
      }
      if (ch == '\n' && !multi) return true;  // unterminated: toml++ reports it
      if (byte >= 0x80) {
        Escape();
      } else if (literal && (ch == '\\' || ch == '"')) {
        out_ += '\\';
        Put(ch);
      } else if (!literal && ch == '\\') {
        Put(ch);
        if (i_ < in_.size() && static_cast<unsigned char>(in_[i_]) >= 0x80) {
          Fail("ký tự thoát \\ không hợp lệ trong chuỗi");
          return false;
        }
        if (i_ < in_.size()) Put(in_[i_]);
      } else {
        Put(ch);
      }
    }
    return true;  // unterminated at the end: toml++ reports it
  }

  std::string_view in_;
  std::string_view file_;
  Errors& errors_;
  std::string out_;
  size_t i_ = 0;
  size_t line_ = 1;
};

// Parses TOML text, or records why not.
std::optional<toml::table> ParseToml(const std::string& text, const std::string& file, Errors& errors) {
  std::optional<std::string> ascii = AsciiToml(text, file, errors).Convert();
  if (!ascii) return std::nullopt;
  toml::parse_result parsed = toml::parse(*ascii, file);
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    errors.Add(file, "dòng " + std::to_string(e.source().begin.line),
               "lỗi cú pháp TOML: " + std::string(e.description()));
    return std::nullopt;
  }
  return std::move(parsed).table();
}

std::optional<RuleSet> ReadRuleSet(const std::string& file, const std::string& text, Errors& errors) {
  std::optional<toml::table> parsed = ParseToml(text, file, errors);
  if (!parsed) return std::nullopt;
  const toml::table& root = *parsed;
  Where where{file, ""};
  RuleSet set;
  set.file = file;
  if (auto name = ReadString(root.get("name"), where.At("name"), errors, true)) set.name = *name;
  std::optional<Date> from = ReadDate(root.get("effective_from"), where.At("effective_from"), errors);
  if (from) set.effective_from = *from;
  if (const toml::node* to = root.get("effective_to")) {
    set.effective_to = ReadDate(to, where.At("effective_to"), errors);
    if (set.effective_to && from && *set.effective_to < *from)
      errors.Add(file, "effective_to", "trước ngày effective_from");
  }
  if (from) CheckFileName(set, errors);
  ReadPrinciples(root.get("principles"), where.At("principles"), set.principles, errors);
  ReadCommon(root.get("common"), where.At("common"), set, errors);
  ReadAwards(root.get("award"), where.At("award"), set, errors);
  for (auto&& [key, value] : root) {
    std::string_view k = key.str();
    if (k != "name" && k != "effective_from" && k != "effective_to" && k != "principles" && k != "common" &&
        k != "award")
      errors.Add(file, std::string(k), "khóa không xác định");
  }
  SortAwards(set);
  CheckAwards(set, file, errors);
  return set;
}

// Sorted by start; each set must end the day before the next starts (an open end is closed there).
void CheckRanges(std::vector<RuleSet>& sets, Errors& errors) {
  std::sort(sets.begin(), sets.end(),
            [](const RuleSet& a, const RuleSet& b) { return a.effective_from < b.effective_from; });
  for (size_t i = 0; i + 1 < sets.size(); ++i) {
    RuleSet& a = sets[i];
    const RuleSet& b = sets[i + 1];
    Date day_before_next = b.effective_from.AddDays(-1);
    if (!a.effective_to) {
      if (b.effective_from == a.effective_from)
        errors.Add(a.file, "effective_from", "trùng ngày hiệu lực với " + b.file);
      a.effective_to = day_before_next;
    } else if (*a.effective_to >= b.effective_from) {
      errors.Add(a.file, "effective_to",
                 "chồng lấn với " + b.file + " (hiệu lực từ " + b.effective_from.Iso() + ")");
    } else if (*a.effective_to < day_before_next) {
      errors.Add(a.file, "effective_to",
                 "để trống khoảng " + a.effective_to->AddDays(1).Iso() + " – " + day_before_next.Iso() +
                     " trước " + b.file);
    }
  }
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string_view PrimitiveName(Primitive primitive) { return SpecOf(primitive).name; }

const AwardRule* RuleSet::Find(AwardCode award, SubjectType subject) const {
  for (const AwardRule& rule : awards) {
    if (rule.award == award && rule.subject == subject) return &rule;
  }
  return nullptr;
}

const RuleSet* RuleBook::InForce(Date day) const {
  for (const RuleSet& set : sets_) {
    if (set.InForceOn(day)) return &set;
  }
  return nullptr;
}

const RuleSet* RuleBook::ForYear(int year, std::optional<Date> date) const {
  if (date) return InForce(*date);
  std::optional<Date> year_end = Date::FromYmd(year, 12, 31);
  return year_end ? InForce(*year_end) : nullptr;
}

Result<RuleBook> ParseRuleBook(const std::vector<std::pair<std::string, std::string>>& files) {
  Errors errors;
  if (files.empty()) errors.Add("(rules)", "(tệp)", "không có tệp quy tắc nào");
  std::vector<RuleSet> sets;
  for (const auto& [name, text] : files) {
    std::optional<RuleSet> set = ReadRuleSet(BaseName(name), text, errors);
    if (set) sets.push_back(std::move(*set));
  }
  CheckRanges(sets, errors);
  if (!errors.empty()) return errors.Take();
  return RuleBook(std::move(sets));
}

Result<std::vector<RuleCondition>> ParseConditionList(const std::string& name, const std::string& text,
                                                      SubjectType subject) {
  Errors errors;
  std::optional<toml::table> parsed = ParseToml(text, name, errors);
  if (!parsed) return errors.Take();
  std::vector<RuleCondition> conditions;
  ReadConditionArray(parsed->get("condition"), Where{name, "condition"}, ConditionContext{subject},
                     /*required=*/false, conditions, errors);
  for (auto&& [key, value] : *parsed) {
    if (key.str() != "condition") errors.Add(name, std::string(key.str()), "khóa không xác định");
  }
  for (size_t i = 0; i < conditions.size(); ++i) {
    for (AwardCode used : StandardsUsed(conditions[i])) {
      if (used == AwardCode::kGk)
        errors.Add(name, "condition[" + std::to_string(i) + "]",
                   "tiêu chuẩn Giấy khen không tự tham chiếu được");
    }
  }
  if (!errors.empty()) return errors.Take();
  return conditions;
}

}  // namespace thidua::domain
