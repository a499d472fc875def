#include "domain/eligibility_codes.h"

#include <array>

namespace thidua::domain {
namespace {

struct AwardEntry {
  std::string_view code;
  std::string_view label;
  bool person;
  bool unit;
};
// DOMAIN.md, "Award codes" (households are not subjects of the rules engine).
constexpr std::array<AwardEntry, kAwardCodeCount> kAwards = {{
    {"LDTT", "Lao động tiên tiến", true, false},
    {"CSTDCS", "Chiến sĩ thi đua cơ sở", true, false},
    {"CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", true, false},
    {"CSTD_TQ", "Chiến sĩ thi đua toàn quốc", true, false},
    {"TTLDTT", "Tập thể lao động tiên tiến", false, true},
    {"TTLDXS", "Tập thể lao động xuất sắc", false, true},
    {"CO_TINH", "Cờ thi đua của UBND tỉnh", false, true},
    {"CO_CP", "Cờ thi đua của Chính phủ", false, true},
    {"GK", "Giấy khen", true, true},
    {"BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", true, true},
    {"BK_TTG", "Bằng khen của Thủ tướng Chính phủ", true, true},
    {"HCLD3", "Huân chương Lao động hạng Ba", true, true},
    {"HCLD2", "Huân chương Lao động hạng Nhì", true, true},
    {"HCLD1", "Huân chương Lao động hạng Nhất", true, true},
}};

constexpr std::array<AwardCode, 10> kPersonAwards = {
    AwardCode::kLdtt,   AwardCode::kCstdcs, AwardCode::kCstdTinh, AwardCode::kCstdTq, AwardCode::kGk,
    AwardCode::kBkTinh, AwardCode::kBkTtg,  AwardCode::kHcld3,    AwardCode::kHcld2,  AwardCode::kHcld1};
constexpr std::array<AwardCode, 10> kUnitAwards = {
    AwardCode::kTtldtt, AwardCode::kTtldxs, AwardCode::kCoTinh, AwardCode::kCoCp,  AwardCode::kGk,
    AwardCode::kBkTinh, AwardCode::kBkTtg,  AwardCode::kHcld3,  AwardCode::kHcld2, AwardCode::kHcld1};

struct Named {
  std::string_view code;
  std::string_view label;
};
constexpr std::array<Named, 4> kRatings = {{{"HTXS", "Hoàn thành xuất sắc nhiệm vụ"},
                                            {"HTT", "Hoàn thành tốt nhiệm vụ"},
                                            {"HT", "Hoàn thành nhiệm vụ"},
                                            {"KHT", "Không hoàn thành nhiệm vụ"}}};
constexpr std::array<Named, 3> kScopes = {
    {{"CO_SO", "cấp cơ sở"}, {"TINH", "cấp tỉnh"}, {"TOAN_QUOC", "toàn quốc"}}};
constexpr std::array<Named, 6> kMethods = {{{"THUONG_XUYEN", "thường xuyên"},
                                            {"CHUYEN_DE", "chuyên đề"},
                                            {"DOT_XUAT", "đột xuất"},
                                            {"CONG_HIEN", "cống hiến"},
                                            {"NIEN_HAN", "niên hạn"},
                                            {"DOI_NGOAI", "đối ngoại"}}};
struct Level {
  std::string_view code;
  std::string_view label;
  int severity;
};
constexpr std::array<Level, 7> kLevels = {{{"khien_trach", "khiển trách", 1},
                                           {"canh_cao", "cảnh cáo", 2},
                                           {"ha_bac_luong", "hạ bậc lương", 3},
                                           {"giang_chuc", "giáng chức", 4},
                                           {"cach_chuc", "cách chức", 5},
                                           {"bai_nhiem", "bãi nhiệm", 6},
                                           {"buoc_thoi_viec", "buộc thôi việc", 6}}};

template <typename Table>
std::optional<int> IndexOf(const Table& table, std::string_view code) {
  for (size_t i = 0; i < table.size(); ++i) {
    if (table[i].code == code) return static_cast<int>(i);
  }
  return std::nullopt;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

const Level* FindLevel(std::string_view level) {
  for (const Level& l : kLevels) {
    if (EqualsIgnoringAsciiCase(level, l.code)) return &l;
  }
  return nullptr;
}

}  // namespace

std::optional<AwardCode> ParseAwardCode(std::string_view code) {
  std::optional<int> i = IndexOf(kAwards, code);
  if (!i) return std::nullopt;
  return static_cast<AwardCode>(*i);
}
std::string_view AwardCodeName(AwardCode code) { return kAwards[static_cast<size_t>(code)].code; }
std::string_view AwardLabel(AwardCode code) { return kAwards[static_cast<size_t>(code)].label; }

std::span<const AwardCode> AwardsFor(SubjectType subject) {
  if (subject == SubjectType::kPerson) return kPersonAwards;
  return kUnitAwards;
}

bool AppliesTo(AwardCode code, SubjectType subject) {
  const AwardEntry& e = kAwards[static_cast<size_t>(code)];
  return subject == SubjectType::kPerson ? e.person : e.unit;
}

std::optional<SubjectType> ParseSubjectType(std::string_view text) {
  if (text == "person") return SubjectType::kPerson;
  if (text == "unit") return SubjectType::kUnit;
  return std::nullopt;
}
std::string_view SubjectTypeName(SubjectType subject) {
  return subject == SubjectType::kPerson ? "person" : "unit";
}

std::optional<Rating> ParseRating(std::string_view code) {
  std::optional<int> i = IndexOf(kRatings, code);
  if (!i) return std::nullopt;
  return static_cast<Rating>(*i);
}
std::string_view RatingName(Rating rating) { return kRatings[static_cast<size_t>(rating)].code; }
std::string_view RatingLabel(Rating rating) { return kRatings[static_cast<size_t>(rating)].label; }

std::optional<InitiativeScope> ParseInitiativeScope(std::string_view code) {
  std::optional<int> i = IndexOf(kScopes, code);
  if (!i) return std::nullopt;
  return static_cast<InitiativeScope>(*i);
}
std::string_view InitiativeScopeName(InitiativeScope scope) {
  return kScopes[static_cast<size_t>(scope)].code;
}
std::string_view InitiativeScopeLabel(InitiativeScope scope) {
  return kScopes[static_cast<size_t>(scope)].label;
}

std::optional<AwardMethod> ParseAwardMethod(std::string_view code) {
  std::optional<int> i = IndexOf(kMethods, code);
  if (!i) return std::nullopt;
  return static_cast<AwardMethod>(*i);
}
std::string_view AwardMethodName(AwardMethod method) { return kMethods[static_cast<size_t>(method)].code; }
std::string_view AwardMethodLabel(AwardMethod method) { return kMethods[static_cast<size_t>(method)].label; }

int DisciplineSeverity(std::string_view level) {
  const Level* l = FindLevel(level);
  return l ? l->severity : 6;
}
bool IsKnownDisciplineLevel(std::string_view level) { return FindLevel(level) != nullptr; }
std::string_view DisciplineLabel(std::string_view level) {
  const Level* l = FindLevel(level);
  return l ? l->label : level;
}

}  // namespace thidua::domain
