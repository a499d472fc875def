#include "domain/award_records.h"

#include <algorithm>
#include <charconv>

#include "base/utf8.h"
#include "domain/raw_fields.h"

namespace thidua::domain {
namespace {

constexpr size_t kMaxTitleBytes = 3000;  // ≈ 1,000 Vietnamese characters
constexpr size_t kMaxShortBytes = 300;   // decision numbers and the like
constexpr int64_t kMaxBonus = 1'000'000'000'000;

std::optional<int64_t> ParseInteger(std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string YearRange(Date today) {
  return std::to_string(kFirstRecordYear) + " đến " + std::to_string(today.year() + 1);
}

// A required year within IsRecordYear.
int RequiredYear(const RawFields& raw, const char* key, Date today, FieldErrors& errors) {
  std::string text = GetField(raw, key);
  if (text.empty()) {
    errors.Add(key, "Bắt buộc nhập năm.");
    return 0;
  }
  std::optional<int64_t> year = ParseInteger(text);
  if (!year || !IsRecordYear(static_cast<int>(*year), today) || *year > 9999) {
    errors.Add(key, "Năm phải là số từ " + YearRange(today) + " (nhận được \"" + text + "\").");
    return 0;
  }
  return static_cast<int>(*year);
}

// "0", "1" or empty (= false).
bool Flag(const RawFields& raw, const char* key, FieldErrors& errors) {
  std::string text = GetField(raw, key);
  if (text.empty() || text == "0") return false;
  if (text == "1") return true;
  errors.Add(key, "Chỉ nhận 0 (không) hoặc 1 (có); nhận được \"" + text + "\".");
  return false;
}

// A code that must be one of `catalogue`: the message lists the codes allowed.
std::string CatalogueCode(const RawFields& raw, const char* key, const std::vector<Option>& catalogue,
                          const char* what, bool required, FieldErrors& errors) {
  std::string code = GetField(raw, key);
  if (code.empty()) {
    if (required) errors.Add(key, std::string("Bắt buộc chọn ") + what + ".");
    return code;
  }
  if (!InCatalogue(catalogue, code)) {
    std::string allowed;
    for (const Option& o : catalogue) allowed += (allowed.empty() ? "" : ", ") + std::string(o.code);
    errors.Add(key, std::string(what) + " không có trong danh mục: \"" + code + "\" (dùng " + allowed + ").");
  }
  return code;
}

// A text of at most `max_bytes`; required when `required`.
std::string LimitedText(const RawFields& raw, const char* key, size_t max_bytes, const char* missing,
                        FieldErrors& errors) {
  std::string text = TextField(raw, key, errors);
  if (text.empty() && missing != nullptr)
    errors.Add(key, missing);
  else if (text.size() > max_bytes)
    errors.Add(key, "Nội dung quá dài.");
  return text;
}

// Splits "a; b,c" into trimmed, non-empty parts.
std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(";,", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = Trim(text.substr(start, end - start));
    if (!part.empty()) parts.emplace_back(part);
    start = end + 1;
  }
  return parts;
}

std::string JoinList(const std::vector<std::string>& parts, const char* separator) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : separator) + part;
  return text;
}

// A date that must not be after today nor before 1945.
void CheckPastDate(const std::optional<Date>& date, const char* key, Date today, FieldErrors& errors) {
  if (!date) return;
  if (*date > today)
    errors.Add(key, "Ngày không được sau hôm nay (" + today.Vietnamese() + ").");
  else if (date->year() < kFirstRecordYear)
    errors.Add(key, "Ngày phải từ năm " + std::to_string(kFirstRecordYear) + " trở đi.");
}

// An amount in đồng: digits, optionally grouped by '.', ',' or spaces ("1.170.000").
std::optional<int64_t> Amount(const RawFields& raw, const char* key, FieldErrors& errors) {
  std::string text = GetField(raw, key);
  if (text.empty()) return std::nullopt;
  std::string digits;
  for (char c : text) {
    if (c != '.' && c != ',' && c != ' ') digits += c;
  }
  std::optional<int64_t> amount = ParseInteger(digits);
  if (!amount || *amount < 0 || *amount > kMaxBonus ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    errors.Add(key, "Số tiền phải là số nguyên không âm (đồng), ví dụ 1170000.");
    return std::nullopt;
  }
  return amount;
}

// The subject of an evaluation or award: a type of `types` and a code (a name for households).
void ParseSubject(const RawFields& raw, const std::vector<std::string_view>& types, std::string& type,
                  std::string& code, FieldErrors& errors) {
  type = GetField(raw, "subject_type");
  if (type.empty()) {
    errors.Add("subject_type", "Bắt buộc chọn đối tượng (person, unit" +
                                   std::string(types.size() > 2 ? ", household" : "") + ").");
  } else if (std::find(types.begin(), types.end(), type) == types.end()) {
    errors.Add("subject_type", "Đối tượng phải là person (cá nhân), unit (tập thể)" +
                                   std::string(types.size() > 2 ? " hoặc household (hộ gia đình)" : "") +
                                   "; nhận được \"" + type + "\".");
  }
  if (type == "household") {
    code = TextField(raw, "subject_code", errors);
    if (code.empty())
      errors.Add("subject_code", "Bắt buộc nhập tên hộ gia đình.");
    else if (code.size() > kMaxNameBytes)
      errors.Add("subject_code", "Tên hộ gia đình quá dài.");
    return;
  }
  code = GetField(raw, "subject_code");
  RequireCode(code, "subject_code", errors);
}

}  // namespace

const std::vector<Option>& Ratings() {
  static const std::vector<Option> ratings = {
      {"HTXS", "Hoàn thành xuất sắc nhiệm vụ"},
      {"HTT", "Hoàn thành tốt nhiệm vụ"},
      {"HT", "Hoàn thành nhiệm vụ"},
      {"KHT", "Không hoàn thành nhiệm vụ"},
  };
  return ratings;
}

const std::vector<Option>& InitiativeScopes() {
  static const std::vector<Option> scopes = {
      {"CO_SO", "Cấp cơ sở"}, {"TINH", "Cấp tỉnh"}, {"TOAN_QUOC", "Toàn quốc"}};
  return scopes;
}

const std::vector<Option>& AwardMethods() {
  static const std::vector<Option> methods = {
      {"THUONG_XUYEN", "Thường xuyên"},     {"CHUYEN_DE", "Theo chuyên đề"}, {"DOT_XUAT", "Đột xuất"},
      {"CONG_HIEN", "Quá trình cống hiến"}, {"NIEN_HAN", "Niên hạn"},        {"DOI_NGOAI", "Đối ngoại"}};
  return methods;
}

// Nghị định 112/2020/NĐ-CP (cán bộ, công chức, viên chức), mildest first.
const std::vector<Option>& DisciplineLevels() {
  static const std::vector<Option> levels = {
      {"KHIEN_TRACH", "Khiển trách"},      {"CANH_CAO", "Cảnh cáo"},   {"HA_BAC_LUONG", "Hạ bậc lương"},
      {"GIANG_CHUC", "Giáng chức"},        {"CACH_CHUC", "Cách chức"}, {"BAI_NHIEM", "Bãi nhiệm"},
      {"BUOC_THOI_VIEC", "Buộc thôi việc"}};
  return levels;
}

const std::vector<Option>& SubjectTypes() {
  static const std::vector<Option> types = {
      {"person", "Cá nhân"}, {"unit", "Tập thể"}, {"household", "Hộ gia đình"}};
  return types;
}

int Rank(const std::vector<Option>& catalogue, std::string_view code) {
  for (size_t i = 0; i < catalogue.size(); ++i) {
    if (catalogue[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

bool IsRecordYear(int year, Date today) { return year >= kFirstRecordYear && year <= today.year() + 1; }

// ---- the award catalogue ----

bool AwardTypeRecord::Allows(std::string_view subject_type) const {
  return std::find(subjects.begin(), subjects.end(), subject_type) != subjects.end();
}

std::string AwardTypeRecord::SubjectsText() const { return JoinList(subjects, ","); }

Result<AwardTypeRecord> ParseAwardType(const RawFields& raw) {
  FieldErrors errors;
  AwardTypeRecord type;
  type.code = GetField(raw, "code");
  RequireCode(type.code, "code", errors);
  type.name = TextField(raw, "name", errors);
  RequireName(type.name, "name", errors);
  for (const std::string& subject : SplitList(GetField(raw, "subjects"))) {
    if (!InCatalogue(SubjectTypes(), subject)) {
      errors.Add("subjects", "Đối tượng không hợp lệ: \"" + subject + "\" (dùng person, unit, household).");
    } else if (!type.Allows(subject)) {
      type.subjects.push_back(subject);
    }
  }
  if (type.subjects.empty()) errors.Add("subjects", "Chọn ít nhất một đối tượng: person, unit, household.");
  type.decided_by = LimitedText(raw, "decided_by", kMaxNameBytes, nullptr, errors);
  std::string order = GetField(raw, "sort_order");
  std::optional<int64_t> sort_order = ParseInteger(order);
  if (!order.empty() && (!sort_order || *sort_order < 0 || *sort_order > 1'000'000)) {
    errors.Add("sort_order", "Thứ tự phải là số nguyên từ 0 đến 1000000.");
  }
  type.sort_order = static_cast<int>(sort_order.value_or(0));
  std::string years = GetField(raw, "period_years");
  std::optional<int64_t> period = ParseInteger(years);
  if (!years.empty() && (!period || *period < 1 || *period > 10)) {
    errors.Add("period_years", "Số năm của thời kỳ thành tích phải từ 1 đến 10.");
  }
  type.period_years = static_cast<int>(period.value_or(1));
  if (!errors.empty()) return errors.Take();
  return type;
}

RawFields ToRaw(const AwardTypeRecord& type) {
  return {{"code", type.code},
          {"name", type.name},
          {"subjects", type.SubjectsText()},
          {"decided_by", type.decided_by},
          {"sort_order", std::to_string(type.sort_order)},
          {"period_years", std::to_string(type.period_years)}};
}

const AwardTypeRecord* FindAwardType(const std::vector<AwardTypeRecord>& catalogue, std::string_view code) {
  for (const AwardTypeRecord& type : catalogue) {
    if (type.code == code) return &type;
  }
  return nullptr;
}

// ---- evaluations ----

Result<EvaluationRecord> ParseEvaluation(const RawFields& raw, Date today) {
  FieldErrors errors;
  EvaluationRecord evaluation;
  ParseSubject(raw, {"person", "unit"}, evaluation.subject_type, evaluation.subject_code, errors);
  evaluation.year = RequiredYear(raw, "year", today, errors);
  evaluation.rating = CatalogueCode(raw, "rating", Ratings(), "Mức xếp loại", /*required=*/true, errors);
  if (!errors.empty()) return errors.Take();
  return evaluation;
}

RawFields ToRaw(const EvaluationRecord& evaluation) {
  return {{"subject_type", evaluation.subject_type},
          {"subject_code", evaluation.subject_code},
          {"year", std::to_string(evaluation.year)},
          {"rating", evaluation.rating}};
}

// ---- initiatives ----

Result<InitiativeRecord> ParseInitiative(const RawFields& raw, Date today) {
  FieldErrors errors;
  InitiativeRecord initiative;
  initiative.code = GetField(raw, "code");
  RequireCode(initiative.code, "code", errors);
  initiative.title = LimitedText(raw, "title", kMaxTitleBytes, "Bắt buộc nhập tên sáng kiến.", errors);
  for (const std::string& author : SplitList(GetField(raw, "author_codes"))) {
    if (!IsValidCode(author)) {
      errors.Add("author_codes", "Mã tác giả không hợp lệ: \"" + author + "\".");
    } else if (std::find(initiative.author_codes.begin(), initiative.author_codes.end(), author) !=
               initiative.author_codes.end()) {
      errors.Add("author_codes", "Tác giả \"" + author + "\" bị lặp lại.");
    } else {
      initiative.author_codes.push_back(author);
    }
  }
  if (initiative.author_codes.empty() && !errors.Has("author_codes")) {
    errors.Add("author_codes", "Bắt buộc nhập ít nhất một tác giả (mã cá nhân, cách nhau bởi dấu ;).");
  }
  initiative.scope =
      CatalogueCode(raw, "scope", InitiativeScopes(), "Phạm vi công nhận", /*required=*/true, errors);
  std::optional<Date> recognized_on = RequiredDateField(raw, "recognized_on", errors);
  CheckPastDate(recognized_on, "recognized_on", today, errors);
  if (recognized_on) initiative.recognized_on = *recognized_on;
  initiative.recognized_by = LimitedText(raw, "recognized_by", kMaxTitleBytes, nullptr, errors);
  if (!errors.empty()) return errors.Take();
  return initiative;
}

RawFields ToRaw(const InitiativeRecord& initiative) {
  return {{"code", initiative.code},
          {"title", initiative.title},
          {"author_codes", JoinList(initiative.author_codes, ";")},
          {"scope", initiative.scope},
          {"recognized_on", initiative.recognized_on.Iso()},
          {"recognized_by", initiative.recognized_by}};
}

// ---- disciplines ----

Result<DisciplineRecord> ParseDiscipline(const RawFields& raw, Date today) {
  FieldErrors errors;
  DisciplineRecord discipline;
  discipline.person_code = GetField(raw, "person_code");
  RequireCode(discipline.person_code, "person_code", errors);
  discipline.pending = Flag(raw, "pending", errors);
  discipline.level = CatalogueCode(raw, "level", DisciplineLevels(), "Hình thức kỷ luật",
                                   /*required=*/!discipline.pending, errors);
  std::optional<Date> from = RequiredDateField(raw, "from", errors);
  CheckPastDate(from, "from", today, errors);
  if (from) discipline.from = *from;
  discipline.to = OptionalDateField(raw, "to", errors);
  if (from && discipline.to && *discipline.to < *from) {
    errors.Add("to", "Ngày kết thúc không được trước ngày bắt đầu.");
  }
  if (!errors.empty()) return errors.Take();
  return discipline;
}

RawFields ToRaw(const DisciplineRecord& discipline) {
  return {{"person_code", discipline.person_code},
          {"level", discipline.level},
          {"from", discipline.from.Iso()},
          {"to", discipline.to ? discipline.to->Iso() : ""},
          {"pending", discipline.pending ? "1" : "0"}};
}

// ---- awards ----

Result<AwardRecord> ParseAward(const RawFields& raw, const std::vector<AwardTypeRecord>& catalogue,
                               Date today) {
  FieldErrors errors;
  AwardRecord award;
  ParseSubject(raw, {"person", "unit", "household"}, award.subject_type, award.subject_code, errors);
  award.award_code = GetField(raw, "award_code");
  const AwardTypeRecord* type = FindAwardType(catalogue, award.award_code);
  if (award.award_code.empty()) {
    errors.Add("award_code", "Bắt buộc chọn danh hiệu hoặc hình thức khen thưởng.");
  } else if (type == nullptr) {
    errors.Add("award_code", "Mã khen thưởng không có trong danh mục: \"" + award.award_code + "\".");
  } else if (!award.subject_type.empty() && InCatalogue(SubjectTypes(), award.subject_type) &&
             !type->Allows(award.subject_type)) {
    errors.Add("award_code", type->name + " không dành cho " +
                                 std::string(LabelOf(SubjectTypes(), award.subject_type)) +
                                 " (chỉ dành cho: " + type->SubjectsText() + ").");
  }
  award.period_to = RequiredYear(raw, "year", today, errors);
  if (GetField(raw, "period_from").empty()) {
    award.period_from = award.period_to - (type ? type->period_years - 1 : 0);
  } else {
    award.period_from = RequiredYear(raw, "period_from", today, errors);
    if (award.period_to != 0 && award.period_from > award.period_to) {
      errors.Add("period_from", "Năm bắt đầu thời kỳ thành tích không được sau năm kết thúc (" +
                                    std::to_string(award.period_to) + ").");
    }
  }
  award.method =
      CatalogueCode(raw, "method", AwardMethods(), "Phương thức khen thưởng", /*required=*/true, errors);
  award.decision_no = LimitedText(raw, "decision_no", kMaxShortBytes, "Bắt buộc nhập số quyết định.", errors);
  std::optional<Date> decided = RequiredDateField(raw, "decision_date", errors);
  CheckPastDate(decided, "decision_date", today, errors);
  if (decided) award.decision_date = *decided;
  // A decision cannot commend achievements of a period that had not yet begun.
  if (decided && award.period_from != 0 && decided->year() < award.period_from &&
      !errors.Has("decision_date")) {
    errors.Add("decision_date", "Ngày quyết định (" + decided->Vietnamese() +
                                    ") trước khi thời kỳ thành tích bắt đầu (năm " +
                                    std::to_string(award.period_from) + ").");
  }
  award.issuer =
      LimitedText(raw, "issuer", kMaxNameBytes, "Bắt buộc nhập cơ quan ban hành quyết định.", errors);
  award.signer = LimitedText(raw, "signer", kMaxNameBytes, nullptr, errors);
  award.bonus_amount = Amount(raw, "bonus_amount", errors);
  award.revoked = Flag(raw, "revoked", errors);
  award.revoke_reason = LimitedText(raw, "revoke_reason", kMaxTitleBytes, nullptr, errors);
  if (!award.revoked && !award.revoke_reason.empty()) {
    errors.Add("revoke_reason", "Chỉ ghi lý do thu hồi khi khen thưởng bị thu hồi (revoked = 1).");
  }
  award.unit_code = GetField(raw, "unit_code");
  OptionalCode(award.unit_code, "unit_code", errors);
  if (!errors.empty()) return errors.Take();
  return award;
}

RawFields ToRaw(const AwardRecord& award) {
  return {{"subject_type", award.subject_type},
          {"subject_code", award.subject_code},
          {"award_code", award.award_code},
          {"year", std::to_string(award.period_to)},
          {"period_from", std::to_string(award.period_from)},
          {"method", award.method},
          {"decision_no", award.decision_no},
          {"decision_date", award.decision_date.Iso()},
          {"issuer", award.issuer},
          {"signer", award.signer},
          {"bonus_amount", award.bonus_amount ? std::to_string(*award.bonus_amount) : ""},
          {"revoked", award.revoked ? "1" : "0"},
          {"revoke_reason", award.revoke_reason},
          {"unit_code", award.unit_code}};
}

Status CheckRevokeReason(std::string_view reason) {
  std::string_view trimmed = Trim(reason);
  if (!trimmed.empty() && trimmed.size() <= kMaxTitleBytes && IsValidUtf8(trimmed)) return Status::Ok();
  return Status(InvalidArgument("Dữ liệu không hợp lệ."))
      .WithField("revoke_reason", trimmed.empty() ? "Bắt buộc nêu lý do thu hồi."
                                                  : "Lý do thu hồi không hợp lệ hoặc quá dài.");
}

}  // namespace thidua::domain
