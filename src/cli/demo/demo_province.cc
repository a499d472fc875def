#include "cli/demo/demo_province.h"

// Everything named here is fictional: the province "Thanh Lâm", its districts, communes, schools,
// companies, people, and the numbers of the provincial and Standing Committee acts cited in the
// lineage events. Only the national Law 72/2025/QH15 (two-level local government from
// 01/07/2025) is real. The structure follows the real 2025 reforms: departments merged on
// 01/03/2025, districts abolished and communes merged on 01/07/2025.

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/demo/demo_records.h"
#include "cli/demo/demo_support.h"

namespace thidua::demo {
namespace {

using internal::AddMonths;
using internal::AddYears;
using internal::AppendRow;
using internal::DateText;
using internal::EndOfMonth;
using internal::FirstOfNextMonth;
using internal::RandomDay;
using internal::Rng;

constexpr std::string_view kProvinceName = "Thanh Lâm";
constexpr Date kDepartmentReform(2025, 3, 1);
constexpr Date kLocalReform(2025, 7, 1);
constexpr Date kHorizon(2026, 6, 30);  // no date in the demo lies after this day

constexpr std::string_view kActLocalGovernmentLaw =
    "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025 của Quốc hội";
constexpr std::string_view kActCommunes =
    "Nghị quyết số 1699/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp "
    "các đơn vị hành chính cấp xã của tỉnh Thanh Lâm năm 2025";
constexpr std::string_view kActDepartments =
    "Nghị quyết số 05/NQ-HĐND ngày 21/02/2025 của Hội đồng nhân dân tỉnh Thanh Lâm về việc thành "
    "lập, tổ chức lại các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Thanh Lâm";
constexpr std::string_view kActEthnicReligion =
    "Quyết định số 412/QĐ-UBND ngày 26/02/2025 của Ủy ban nhân dân tỉnh Thanh Lâm quy định chức "
    "năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Dân tộc và Tôn giáo";

// ------------------------------------------------------------------------------------------------
// Randomness: see demo_support.h.

struct Weighted {
  std::string_view text;
  int weight;
};

std::string_view PickWeighted(Rng& rng, std::span<const Weighted> items) {
  int total = 0;
  for (const Weighted& item : items) total += item.weight;
  int r = rng.Below(total);
  for (const Weighted& item : items) {
    if (r < item.weight) return item.text;
    r -= item.weight;
  }
  return items.back().text;
}

std::string_view PickUniform(Rng& rng, std::span<const std::string_view> items) {
  return items[static_cast<size_t>(rng.Below(static_cast<int>(items.size())))];
}

// ------------------------------------------------------------------------------------------------
// Names. Family-name shares follow published Vietnamese surveys (Nguyễn ≈ 38%).

constexpr Weighted kFamilyNames[] = {
    {"Nguyễn", 360}, {"Trần", 110}, {"Lê", 95},    {"Phạm", 71}, {"Hoàng", 32}, {"Huỳnh", 19},
    {"Phan", 45},    {"Vũ", 22},    {"Võ", 17},    {"Đặng", 21}, {"Bùi", 20},   {"Đỗ", 14},
    {"Hồ", 13},      {"Ngô", 13},   {"Dương", 10}, {"Lý", 5},    {"Đinh", 10},  {"Đào", 8},
    {"Trịnh", 7},    {"Lương", 6},  {"Mai", 6},    {"Cao", 5},   {"Hà", 5},     {"Tạ", 4},
    {"Lâm", 4},      {"Chu", 3},    {"Tô", 3},     {"Thái", 3},  {"Lưu", 3},    {"Kiều", 2},
};

constexpr Weighted kMaleMiddleNames[] = {
    {"Văn", 30},  {"Đức", 9},   {"Minh", 9}, {"Quang", 7}, {"Hữu", 7},   {"Công", 6}, {"Đình", 5},
    {"Thành", 5}, {"Xuân", 5},  {"Ngọc", 4}, {"Tiến", 4},  {"Trọng", 4}, {"Anh", 4},  {"Duy", 4},
    {"Mạnh", 3},  {"Hoàng", 3}, {"Việt", 3}, {"Thế", 3},   {"Bá", 2},    {"Quốc", 3}, {"Tuấn", 2},
};

constexpr Weighted kFemaleMiddleNames[] = {
    {"Thị", 40}, {"Ngọc", 8},   {"Thu", 7},   {"Thanh", 7}, {"Hồng", 5}, {"Thùy", 5},
    {"Mai", 4},  {"Phương", 4}, {"Minh", 4},  {"Kim", 4},   {"Bích", 3}, {"Khánh", 3},
    {"Hải", 3},  {"Thúy", 3},   {"Quỳnh", 3}, {"Diệu", 2},  {"Hoài", 2},
};

// A second middle name after "Thị", as in "Nguyễn Thị Thu Hà".
constexpr std::string_view kFemaleSecondMiddleNames[] = {
    "Thu", "Ngọc", "Thanh", "Hồng", "Kim", "Bích", "Mai", "Minh", "Phương", "Thúy", "Lan", "Diệu",
};

constexpr std::string_view kMaleGivenNames[] = {
    "An",    "Bình",  "Cường", "Dũng",  "Đức",   "Hùng",  "Khoa",  "Long",  "Nam",   "Phong", "Quân",
    "Sơn",   "Tuấn",  "Việt",  "Hải",   "Hiếu",  "Hoàng", "Huy",   "Khánh", "Kiên",  "Lâm",   "Lộc",
    "Mạnh",  "Minh",  "Nghĩa", "Phúc",  "Quang", "Tài",   "Thắng", "Thành", "Thịnh", "Toàn",  "Trung",
    "Tú",    "Vinh",  "Hưng",  "Đạt",   "Thái",  "Tùng",  "Hiệp",  "Trí",   "Tâm",   "Duy",   "Khải",
    "Bảo",   "Chiến", "Định",  "Hậu",   "Hòa",   "Kiệt",  "Lực",   "Nhân",  "Phát",  "Quý",   "Tân",
    "Thuận", "Tiến",  "Trọng", "Tường", "Vũ",    "Hiển",  "Sang",
};

constexpr std::string_view kFemaleGivenNames[] = {
    "Anh",  "Chi",   "Dung",   "Giang",  "Hà",     "Hạnh",  "Hoa",   "Hương", "Lan",  "Linh", "Mai",
    "Ngọc", "Nhung", "Phương", "Quyên",  "Thảo",   "Trang", "Vân",   "Yến",   "Hằng", "Hiền", "Huyền",
    "Loan", "Ly",    "Nga",    "Nhi",    "Oanh",   "Quỳnh", "Tâm",   "Thủy",  "Thúy", "Trâm", "Uyên",
    "Vy",   "Xuân",  "Hồng",   "Liên",   "Nguyệt", "Thu",   "Tuyết", "Ánh",   "My",   "Diệp", "Duyên",
    "Lệ",   "Ngân",  "Nhàn",   "Phượng", "Thơ",    "Thư",   "Vi",    "Hậu",   "Huệ",  "Lài",
};

bool HasWord(const std::vector<std::string_view>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string RandomFullName(Rng& rng, bool female) {
  std::vector<std::string_view> words = {PickWeighted(rng, kFamilyNames)};
  words.push_back(PickWeighted(rng, female ? std::span<const Weighted>(kFemaleMiddleNames)
                                           : std::span<const Weighted>(kMaleMiddleNames)));
  if (female && words.back() == "Thị" && rng.Percent(30)) {
    words.push_back(PickUniform(rng, kFemaleSecondMiddleNames));
  }
  std::span<const std::string_view> given = female ? std::span<const std::string_view>(kFemaleGivenNames)
                                                   : std::span<const std::string_view>(kMaleGivenNames);
  std::string_view name = PickUniform(rng, given);
  while (HasWord(words, name)) name = PickUniform(rng, given);
  words.push_back(name);
  std::string full;
  for (std::string_view w : words) {
    if (!full.empty()) full += ' ';
    full += w;
  }
  return full;
}

// ------------------------------------------------------------------------------------------------
// Place names and unit codes.

// Two-syllable Sino-Vietnamese place names ("Tân An", "Phú Lộc"), drawn without repetition.
constexpr std::string_view kPlaceFirst[] = {
    "Tân",  "Hòa",   "Phú",   "Vĩnh", "An",    "Bình",  "Đông",  "Tây", "Nam",   "Bắc",  "Thanh", "Xuân",
    "Hưng", "Long",  "Quảng", "Đức",  "Thuận", "Phước", "Mỹ",    "Hải", "Trung", "Minh", "Hồng",  "Cẩm",
    "Yên",  "Thạch", "Đại",   "Thọ",  "Quang", "Hiệp",  "Nghĩa", "Lạc", "Tiên",  "Châu", "Gia",   "Ngọc",
};
constexpr std::string_view kPlaceSecond[] = {
    "An",    "Bình",   "Lộc",   "Phú",   "Thịnh", "Hòa",   "Lợi",   "Thành", "Sơn", "Hải",  "Lâm",  "Thủy",
    "Hưng",  "Phong",  "Trạch", "Khánh", "Tiến",  "Xuân",  "Mỹ",    "Điền",  "Tân", "Long", "Định", "Hiệp",
    "Nghĩa", "Trường", "Thắng", "Quý",   "Đồng",  "Phước", "Lương", "Vinh",  "Cát", "Hà",
};

// Former districts (their names live on in the regional centres), in order of use.
constexpr std::string_view kDistrictNames[] = {
    "Đồng Xuân", "Tân Lập",    "Bình Sơn",  "Phú Hòa",   "Vĩnh Thạnh", "Kim Sơn",
    "Thạch Hà",  "Hương Thủy", "Cẩm Giang", "Lạc Dương", "Quế Lâm",    "Ninh Phước",
};

constexpr std::string_view kSchoolPatrons[] = {
    "Lê Lợi",
    "Nguyễn Trãi",
    "Trần Phú",
    "Quang Trung",
    "Nguyễn Du",
    "Phan Bội Châu",
    "Hùng Vương",
    "Chu Văn An",
    "Lương Thế Vinh",
    "Nguyễn Huệ",
    "Trần Hưng Đạo",
    "Lý Thường Kiệt",
    "Ngô Quyền",
    "Hoàng Hoa Thám",
    "Nguyễn Thị Minh Khai",
    "Võ Thị Sáu",
    "Phan Chu Trinh",
    "Huỳnh Thúc Kháng",
    "Nguyễn Bỉnh Khiêm",
    "Lê Hồng Phong",
    "Bà Triệu",
    "Hai Bà Trưng",
    "Nguyễn Khuyến",
    "Tô Hiến Thành",
    "Đào Duy Từ",
    "Nguyễn Đình Chiểu",
    "Lê Thánh Tông",
    "Phan Đình Phùng",
    "Nguyễn Công Trứ",
    "Trần Cao Vân",
    "Lý Tự Trọng",
    "Mạc Đĩnh Chi",
    "Đinh Tiên Hoàng",
    "Trần Nhân Tông",
    "Lê Văn Hưu",
};

// Vietnamese letters with diacritics, grouped by the ASCII letter they fold to.
constexpr std::pair<std::string_view, char> kFolding[] = {
    {"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'},
    {"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'E'},
    {"ìíỉĩịÌÍỈĨỊ", 'I'},
    {"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'},
    {"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'U'},
    {"ỳýỷỹỵỲÝỶỸỴ", 'Y'},
    {"đĐ", 'D'},
};

// "Nguyễn Thị Minh Khai" → "NGUYEN_THI_MINH_KHAI".
std::string AsciiCode(std::string_view text) {
  std::string code;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    std::string_view ch = text.substr(i, len);
    i += len;
    char out = 0;
    if (len == 1) {
      if (c >= 'a' && c <= 'z')
        out = static_cast<char>(c - 'a' + 'A');
      else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        out = static_cast<char>(c);
      else
        out = '_';
    } else {
      for (const auto& [letters, ascii] : kFolding) {
        if (letters.find(ch) != std::string_view::npos) out = ascii;
      }
    }
    if (out == 0 || (out == '_' && (code.empty() || code.back() == '_'))) continue;
    code += out;
  }
  while (!code.empty() && code.back() == '_') code.pop_back();
  return code;
}

// Initials of a place name: "Đồng Xuân" → "DX".
std::string Initials(std::string_view name) {
  std::string code = AsciiCode(name), initials;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i == 0 || code[i - 1] == '_') initials += code[i];
  }
  return initials;
}

class PlaceNames {
 public:
  explicit PlaceNames(Rng& rng) {
    for (std::string_view first : kPlaceFirst) {
      for (std::string_view second : kPlaceSecond) {
        if (first != second) pool_.push_back(std::string(first) + " " + std::string(second));
      }
    }
    for (size_t i = pool_.size() - 1; i > 0; --i) {
      std::swap(pool_[i], pool_[static_cast<size_t>(rng.Below(static_cast<int>(i + 1)))]);
    }
    Reserve(kProvinceName);
    for (std::string_view district : kDistrictNames) Reserve(district);
  }
  void Reserve(std::string_view name) { used_.insert(AsciiCode(name)); }
  // A name never returned before and not reserved. REQUIRES: the pool is not exhausted.
  std::string Next() {
    while (next_ < pool_.size()) {
      const std::string& name = pool_[next_++];
      if (used_.insert(AsciiCode(name)).second) return name;
    }
    assert(false && "place-name pool exhausted");
    return "";
  }

 private:
  std::vector<std::string> pool_;
  size_t next_ = 0;
  std::set<std::string> used_;
};

// ------------------------------------------------------------------------------------------------
// Dates.

// The last day of work under the retirement ages of Bộ luật Lao động 2019 (Điều 169) and Nghị
// định 135/2020/NĐ-CP: from 2021 men 60y3m (+3 months a year up to 62), women 55y4m (+4 months a
// year up to 60); before 2021, 60 and 55. Work ends at the end of the month the age is reached.
Date RetirementEnd(Date birth, bool female) {
  for (int months = 55 * 12;; ++months) {
    Date reached = AddMonths(birth, months);
    int years_after_2020 = std::max(0, reached.year() - 2020);
    int required = female ? std::min(60 * 12, 55 * 12 + 4 * years_after_2020)
                          : std::min(62 * 12, 60 * 12 + 3 * years_after_2020);
    if (months >= required) return EndOfMonth(reached);
  }
}

// ------------------------------------------------------------------------------------------------
// Staffing of each kind of unit: the leaders (in order, one each) and the mix of other posts.

enum class Profile {
  kNone,
  kProvinceLeaders,
  kOffice,
  kDeptLeaders,
  kDeptOffice,
  kDeptSection,
  kBtdkt,
  kInspectorate,
  kBoard,
  kChiCuc,
  kForestRangers,
  kPreschool,
  kPrimary,
  kLowerSecondary,
  kUpperSecondary,
  kVocational,
  kCollege,
  kHospital,
  kHealthCentre,
  kClinic,
  kSocialCentre,
  kAgriCentre,
  kCentre,
  kLegalAid,
  kMuseum,
  kLibrary,
  kSports,
  kCommune,
  kWard,
  kEnterprise,
  kServiceCompany,
  kGarment,
  kMassOrg,
  kYouthUnion,
};

struct Staffing {
  std::vector<std::string_view> leaders;
  std::vector<Weighted> roles;  // empty: the unit is its leaders only
  int female_pct = 50;          // of the other posts; leaders are 30% women
  int min_people = 0;
};

const Staffing& StaffingOf(Profile profile) {
  static const std::map<Profile, Staffing> kStaffing = {
      {Profile::kNone, {}},
      {Profile::kProvinceLeaders,
       {{"Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh"},
        {}}},
      {Profile::kOffice,
       {{"Chánh Văn phòng", "Phó Chánh Văn phòng", "Phó Chánh Văn phòng"},
        {{"Chuyên viên chính", 25}, {"Chuyên viên", 45}, {"Kế toán", 5}, {"Văn thư", 8}, {"Nhân viên", 17}},
        45,
        6}},
      {Profile::kDeptLeaders, {{"Giám đốc Sở", "Phó Giám đốc Sở", "Phó Giám đốc Sở", "Phó Giám đốc Sở"}, {}}},
      {Profile::kDeptOffice,
       {{"Chánh Văn phòng", "Phó Chánh Văn phòng"},
        {{"Chuyên viên", 40}, {"Kế toán", 15}, {"Văn thư", 15}, {"Nhân viên", 30}},
        55,
        3}},
      {Profile::kDeptSection,
       {{"Trưởng phòng", "Phó Trưởng phòng"},
        {{"Chuyên viên chính", 32}, {"Chuyên viên", 60}, {"Phó Trưởng phòng", 3}, {"Nhân viên", 5}},
        45,
        3}},
      {Profile::kBtdkt,
       {{"Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban"},
        {{"Chuyên viên chính", 40}, {"Chuyên viên", 60}},
        50,
        6}},
      {Profile::kInspectorate,
       {{"Chánh Thanh tra tỉnh", "Phó Chánh Thanh tra tỉnh", "Phó Chánh Thanh tra tỉnh"},
        {{"Thanh tra viên chính", 30}, {"Thanh tra viên", 50}, {"Chuyên viên", 15}, {"Kế toán", 5}},
        40,
        5}},
      {Profile::kBoard,
       {{"Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban"},
        {{"Trưởng phòng", 8}, {"Chuyên viên chính", 25}, {"Chuyên viên", 55}, {"Nhân viên", 12}},
        40,
        4}},
      {Profile::kChiCuc,
       {{"Chi cục trưởng", "Phó Chi cục trưởng"},
        {{"Chuyên viên chính", 15}, {"Chuyên viên", 55}, {"Kỹ sư", 20}, {"Nhân viên", 10}},
        35,
        3}},
      {Profile::kForestRangers,
       {{"Chi cục trưởng", "Phó Chi cục trưởng"},
        {{"Kiểm lâm viên", 70}, {"Kiểm lâm viên chính", 15}, {"Chuyên viên", 10}, {"Kế toán", 5}},
        15,
        4}},
      {Profile::kPreschool,
       {{"Hiệu trưởng", "Phó Hiệu trưởng"},
        {{"Giáo viên", 84}, {"Phó Hiệu trưởng", 2}, {"Nhân viên", 9}, {"Kế toán", 2}, {"Văn thư", 3}},
        98,
        4}},
      {Profile::kPrimary,
       {{"Hiệu trưởng", "Phó Hiệu trưởng"},
        {{"Giáo viên", 87}, {"Phó Hiệu trưởng", 2}, {"Nhân viên", 6}, {"Kế toán", 2}, {"Văn thư", 3}},
        80,
        4}},
      {Profile::kLowerSecondary,
       {{"Hiệu trưởng", "Phó Hiệu trưởng"},
        {{"Giáo viên", 87}, {"Phó Hiệu trưởng", 2}, {"Nhân viên", 6}, {"Kế toán", 2}, {"Văn thư", 3}},
        70,
        4}},
      {Profile::kUpperSecondary,
       {{"Hiệu trưởng", "Phó Hiệu trưởng", "Phó Hiệu trưởng"},
        {{"Giáo viên", 87}, {"Phó Hiệu trưởng", 1}, {"Nhân viên", 7}, {"Kế toán", 2}, {"Văn thư", 3}},
        62,
        6}},
      {Profile::kVocational,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Giáo viên", 70}, {"Chuyên viên", 12}, {"Kế toán", 4}, {"Nhân viên", 14}},
        55,
        4}},
      {Profile::kCollege,
       {{"Hiệu trưởng", "Phó Hiệu trưởng", "Phó Hiệu trưởng"},
        {{"Giảng viên", 62},
         {"Giảng viên chính", 12},
         {"Trưởng khoa", 3},
         {"Chuyên viên", 10},
         {"Kế toán", 3},
         {"Nhân viên", 10}},
        52,
        6}},
      {Profile::kHospital,
       {{"Giám đốc", "Phó Giám đốc", "Phó Giám đốc"},
        {{"Trưởng khoa", 3},
         {"Phó Trưởng khoa", 3},
         {"Bác sĩ", 22},
         {"Điều dưỡng", 38},
         {"Hộ sinh", 5},
         {"Dược sĩ", 5},
         {"Kỹ thuật viên", 9},
         {"Kế toán", 3},
         {"Nhân viên", 12}},
        68,
        8}},
      {Profile::kHealthCentre,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Trưởng khoa", 3},
         {"Bác sĩ", 20},
         {"Y sĩ", 8},
         {"Điều dưỡng", 32},
         {"Hộ sinh", 8},
         {"Dược sĩ", 6},
         {"Kỹ thuật viên", 8},
         {"Kế toán", 3},
         {"Nhân viên", 12}},
        65,
        6}},
      {Profile::kClinic,
       {{"Trạm trưởng"},
        {{"Bác sĩ", 20}, {"Y sĩ", 30}, {"Điều dưỡng", 22}, {"Hộ sinh", 18}, {"Dược sĩ", 10}},
        70,
        3}},
      {Profile::kSocialCentre,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Chuyên viên", 35},
         {"Nhân viên công tác xã hội", 35},
         {"Điều dưỡng", 10},
         {"Kế toán", 5},
         {"Nhân viên", 15}},
        65,
        4}},
      {Profile::kAgriCentre,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Kỹ sư", 45}, {"Khuyến nông viên", 25}, {"Chuyên viên", 15}, {"Kế toán", 5}, {"Nhân viên", 10}},
        40,
        4}},
      {Profile::kCentre,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Chuyên viên", 55}, {"Kỹ sư", 15}, {"Kế toán", 8}, {"Nhân viên", 22}},
        45,
        4}},
      {Profile::kLegalAid,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Trợ giúp viên pháp lý", 50}, {"Chuyên viên", 30}, {"Kế toán", 5}, {"Nhân viên", 15}},
        50,
        4}},
      {Profile::kMuseum,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Chuyên viên", 55}, {"Hướng dẫn viên", 15}, {"Kế toán", 5}, {"Nhân viên", 25}},
        55,
        4}},
      {Profile::kLibrary,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Thư viện viên", 60}, {"Chuyên viên", 20}, {"Kế toán", 5}, {"Nhân viên", 15}},
        70,
        4}},
      {Profile::kSports,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Huấn luyện viên", 35},
         {"Vận động viên", 40},
         {"Chuyên viên", 10},
         {"Kế toán", 3},
         {"Nhân viên", 12}},
        40,
        4}},
      {Profile::kCommune,
       {{"Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"},
        {{"Công chức Văn phòng – Thống kê", 14},
         {"Công chức Địa chính – Xây dựng", 14},
         {"Công chức Tài chính – Kế toán", 12},
         {"Công chức Tư pháp – Hộ tịch", 12},
         {"Công chức Văn hóa – Xã hội", 14},
         {"Chuyên viên", 20},
         {"Trưởng phòng", 4},
         {"Phó Trưởng phòng", 4},
         {"Nhân viên", 6}},
        42,
        7}},
      {Profile::kWard,
       {{"Chủ tịch UBND phường", "Phó Chủ tịch UBND phường", "Phó Chủ tịch UBND phường"},
        {{"Công chức Văn phòng – Thống kê", 14},
         {"Công chức Địa chính – Xây dựng", 14},
         {"Công chức Tài chính – Kế toán", 12},
         {"Công chức Tư pháp – Hộ tịch", 12},
         {"Công chức Văn hóa – Xã hội", 14},
         {"Chuyên viên", 20},
         {"Trưởng phòng", 4},
         {"Phó Trưởng phòng", 4},
         {"Nhân viên", 6}},
        48,
        7}},
      {Profile::kEnterprise,
       {{"Giám đốc", "Phó Giám đốc", "Phó Giám đốc"},
        {{"Trưởng phòng", 3}, {"Kỹ sư", 14}, {"Kế toán", 5}, {"Công nhân", 60}, {"Nhân viên", 18}},
        30,
        6}},
      {Profile::kServiceCompany,
       {{"Giám đốc", "Phó Giám đốc"},
        {{"Trưởng phòng", 6}, {"Kế toán", 12}, {"Chuyên viên", 17}, {"Nhân viên", 65}},
        55,
        5}},
      {Profile::kGarment,
       {{"Tổng Giám đốc", "Phó Tổng Giám đốc", "Phó Tổng Giám đốc"},
        {{"Trưởng phòng", 1}, {"Kỹ thuật viên", 4}, {"Kế toán", 2}, {"Công nhân", 85}, {"Nhân viên", 8}},
        85,
        8}},
      {Profile::kMassOrg,
       {{"Chủ tịch", "Phó Chủ tịch", "Phó Chủ tịch"},
        {{"Chuyên viên chính", 25}, {"Chuyên viên", 65}, {"Nhân viên", 10}},
        50,
        4}},
      {Profile::kYouthUnion,
       {{"Bí thư Tỉnh đoàn", "Phó Bí thư Tỉnh đoàn", "Phó Bí thư Tỉnh đoàn"},
        {{"Chuyên viên", 80}, {"Nhân viên", 20}},
        50,
        4}},
  };
  return kStaffing.at(profile);
}

// ------------------------------------------------------------------------------------------------
// The province under construction.

struct Pred {
  int unit;
  int weight;
};

struct UnitDef {
  std::string code, name, parent, kind, field;
  std::string place;  // communes: the place name alone ("Tân An")
  std::optional<Date> valid_from, valid_to;
  Profile profile = Profile::kNone;
  int weight = 0;       // people at province scale, before scaling to the requested size
  int female_pct = -1;  // overrides the profile's share of women (leaders included)
  // Where staff recruited before the predecessors ended came from: every such person for a unit
  // born in a reform, `pred_share_pct` percent of them for a unit that absorbed another.
  std::vector<Pred> preds;
  int pred_share_pct = 0;
  int headcount = 0;
  int head = -1;  // the person generated for its first leader's post
};

struct Membership {
  int unit;
  Date from;
  std::optional<Date> to;
};

struct PersonDraft {
  std::string full_name;
  bool female = false;
  Date birth{1970, 1, 1};
  Date recruited{1990, 1, 1};
  std::string_view position;
  std::vector<Membership> career;  // in date order, never overlapping
};

// A new commune or ward of 01/07/2025 and where it came from.
struct CommunePlan {
  std::string place;  // "Tân An"
  bool ward = false;
  std::vector<int> members;  // old communes merged into it (empty: presented as unchanged)
  bool renamed = false;      // its only member was renamed rather than merged
  int split_member = -1;     // a member that gave a part of itself to `split_partner`
  std::string split_partner;
  int split_source = -1;              // an old commune a part of which it received
  std::vector<Pred> preds;            // members and the former district's bodies
  std::vector<std::string> villages;  // names for its second, third … schools
};

class ProvinceBuilder {
 public:
  ProvinceBuilder(DemoSize size, uint64_t seed)
      : size_(size), seed_(seed), rng_(seed), people_rng_(seed ^ 0x5DEECE66Dull), places_(rng_) {}
  DemoProvince Build();

 private:
  bool province() const { return size_ == DemoSize::kProvince; }
  int Index(std::string_view code) const { return index_.at(std::string(code)); }
  int AddUnit(std::string code, std::string name, std::string_view parent, std::string kind,
              std::string field, Profile profile, int weight);
  int AddSection(std::string code, std::string name, std::string_view parent, Profile profile, int weight);
  void Event(int unit, std::string_view kind, Date date, std::string_view act, int related, std::string note);
  void EndBy(int old_unit, Date date, std::string_view kind, std::string_view act, int successor,
             std::string note);
  int AddDepartment(std::string code, std::string name, std::string field);
  int AddOldDepartment(std::string code, std::string name, std::string field, std::string_view successor);
  void BornFrom(int unit, std::initializer_list<Pred> preds, int share_pct);

  void BuildProvincialBodies();
  void BuildHomeAffairs();
  void BuildEconomicDepartments();
  void BuildEducation();
  void BuildHealth();
  void BuildSocialDepartments();
  void BuildOtherBodies();
  void BuildCommunes();
  std::vector<CommunePlan> PlanDistrict(int district, int districts);
  int AddOldCommune(std::string_view level, std::string place, const std::string& seat,
                    const std::string& initials);
  void MergeGroups(const std::vector<int>& old_units, bool ward, int district,
                   std::vector<CommunePlan>& plans);
  void AddCommune(CommunePlan plan);
  void RecordCommuneLineage(int unit, const CommunePlan& plan);
  void AddCommuneUnits(int commune, CommunePlan& plan);

  void AssignHeadcounts(int target);
  void GeneratePeople();
  PersonDraft GeneratePerson(int unit, int ordinal);
  Date RandomBirth(bool leader);
  Date RandomRecruitment(Date birth);
  std::vector<Membership> PlanCareer(int unit, Date recruited);
  std::optional<std::vector<Membership>> PlanTransfer(int unit, Date recruited);
  void Retire(PersonDraft& person);

  std::vector<Account> MakeAccounts();
  std::string UnitsCsv() const;
  void PeopleCsv(std::string& people, std::string& memberships) const;
  internal::RecordsCsv Records() const;

  DemoSize size_;
  uint64_t seed_;
  Rng rng_;         // structure
  Rng people_rng_;  // people, so that a change of people rules keeps the same units
  PlaceNames places_;
  std::vector<UnitDef> units_;
  std::map<std::string, int> index_;
  std::vector<LineageEvent> lineage_;
  std::vector<int> history_communes_;  // new communes built from modelled old ones
  std::map<Profile, std::vector<int>> transfer_pools_;
  std::vector<PersonDraft> people_;
};

int ProvinceBuilder::AddUnit(std::string code, std::string name, std::string_view parent, std::string kind,
                             std::string field, Profile profile, int weight) {
  assert(!index_.count(code) && "unit codes are unique");
  assert((parent.empty() || index_.count(std::string(parent))) && "parents come before children");
  UnitDef unit;
  unit.code = std::move(code);
  unit.name = std::move(name);
  unit.parent = std::string(parent);
  unit.kind = std::move(kind);
  unit.field = std::move(field);
  unit.profile = profile;
  unit.weight = weight * rng_.Between(80, 120) / 100;
  index_[unit.code] = static_cast<int>(units_.size());
  units_.push_back(std::move(unit));
  return static_cast<int>(units_.size()) - 1;
}

int ProvinceBuilder::AddSection(std::string code, std::string name, std::string_view parent, Profile profile,
                                int weight) {
  const std::string field = units_[static_cast<size_t>(Index(parent))].field;
  return AddUnit(std::move(code), std::move(name), parent, "phong_ban", field, profile, weight);
}

void ProvinceBuilder::Event(int unit, std::string_view kind, Date date, std::string_view act, int related,
                            std::string note) {
  LineageEvent event;
  event.unit_code = units_[static_cast<size_t>(unit)].code;
  event.kind = std::string(kind);
  event.date = date;
  event.legal_act = std::string(act);
  event.related_unit_code = related < 0 ? "" : units_[static_cast<size_t>(related)].code;
  event.note = std::move(note);
  lineage_.push_back(std::move(event));
}

// Closes `old_unit` on the day before `date` and records why.
void ProvinceBuilder::EndBy(int old_unit, Date date, std::string_view kind, std::string_view act,
                            int successor, std::string note) {
  units_[static_cast<size_t>(old_unit)].valid_to = date.AddDays(-1);
  Event(old_unit, kind, date, act, successor, std::move(note));
}

void ProvinceBuilder::BornFrom(int unit, std::initializer_list<Pred> preds, int share_pct) {
  UnitDef& def = units_[static_cast<size_t>(unit)];
  def.preds.insert(def.preds.end(), preds.begin(), preds.end());
  def.pred_share_pct = share_pct;
}

// A department (sở) with its leaders and its office (văn phòng sở).
int ProvinceBuilder::AddDepartment(std::string code, std::string name, std::string field) {
  std::string office_code = "VP_" + code;
  std::string office_name = "Văn phòng " + name;
  int dept =
      AddUnit(code, std::move(name), "UBND", "so_ban_nganh", std::move(field), Profile::kDeptLeaders, 0);
  AddSection(std::move(office_code), std::move(office_name), code, Profile::kDeptOffice, 15);
  return dept;
}

// A department that ended on 28/02/2025, merged into `successor`.
int ProvinceBuilder::AddOldDepartment(std::string code, std::string name, std::string field,
                                      std::string_view successor) {
  int old =
      AddUnit(std::move(code), std::move(name), "UBND", "so_ban_nganh", std::move(field), Profile::kNone, 0);
  const std::string& successor_name = units_[static_cast<size_t>(Index(successor))].name;
  EndBy(old, kDepartmentReform, "merged_into", kActDepartments, Index(successor),
        "Hợp nhất vào " + successor_name + "; chấm dứt hoạt động từ ngày 01/3/2025");
  return old;
}

void ProvinceBuilder::BuildProvincialBodies() {
  AddUnit("UBND", "UBND tỉnh " + std::string(kProvinceName), "", "ubnd_tinh", "quan_ly_nha_nuoc",
          Profile::kProvinceLeaders, 0);
  AddUnit("VP_UBND", "Văn phòng UBND tỉnh", "UBND", "so_ban_nganh", "quan_ly_nha_nuoc", Profile::kOffice, 90);
  BuildHomeAffairs();
  BuildEconomicDepartments();
  BuildEducation();
  BuildHealth();
  BuildSocialDepartments();
  BuildOtherBodies();
}

void ProvinceBuilder::BuildHomeAffairs() {
  int snv = AddDepartment("SNV", "Sở Nội vụ", "quan_ly_nha_nuoc");
  AddSection("BTDKT", "Ban Thi đua – Khen thưởng", "SNV", Profile::kBtdkt, 14);
  AddSection("SNV_TCBC", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "SNV", Profile::kDeptSection,
             12);
  AddSection("SNV_CCVC", "Phòng Công chức, viên chức", "SNV", Profile::kDeptSection, 12);
  int labour =
      AddSection("SNV_LDVL", "Phòng Lao động, Việc làm và Bảo hiểm xã hội", "SNV", Profile::kDeptSection, 12);
  int religion = AddUnit("BTG", "Ban Tôn giáo", "SNV", "phong_ban", "quan_ly_nha_nuoc", Profile::kNone, 0);
  units_[static_cast<size_t>(religion)].valid_to = kDepartmentReform.AddDays(-1);
  AddUnit("TTDVVL", "Trung tâm Dịch vụ việc làm tỉnh", "SNV", "don_vi_su_nghiep", "xa_hoi",
          Profile::kSocialCentre, 50);
  int molisa = AddOldDepartment("SLDTBXH", "Sở Lao động – Thương binh và Xã hội", "xa_hoi", "SNV");
  units_[static_cast<size_t>(labour)].valid_from = kDepartmentReform;
  BornFrom(labour, {{molisa, 1}}, 100);
  BornFrom(snv, {{molisa, 1}}, 25);
  BornFrom(Index("VP_SNV"), {{molisa, 1}}, 30);
}

void ProvinceBuilder::BuildEconomicDepartments() {
  struct Merger {
    std::string_view code, name, field, old_code, old_name, new_section_code, new_section_name,
        kept_section_code, kept_section_name;
  };
  static constexpr Merger kMergers[] = {
      {"STC", "Sở Tài chính", "kinh_te", "SKHDT", "Sở Kế hoạch và Đầu tư", "STC_DT", "Phòng Quản lý đầu tư",
       "STC_NS", "Phòng Quản lý ngân sách"},
      {"SXD", "Sở Xây dựng", "xay_dung_giao_thong", "SGTVT", "Sở Giao thông vận tải", "SXD_GT",
       "Phòng Quản lý giao thông", "SXD_QLXD", "Phòng Quản lý xây dựng"},
      {"SNNMT", "Sở Nông nghiệp và Môi trường", "nong_nghiep", "STNMT", "Sở Tài nguyên và Môi trường",
       "SNNMT_DD", "Phòng Đất đai", "SNNMT_TT", "Phòng Trồng trọt và Chăn nuôi"},
      {"SKHCN", "Sở Khoa học và Công nghệ", "khoa_hoc_cong_nghe", "STTTT", "Sở Thông tin và Truyền thông",
       "SKHCN_CDS", "Phòng Chuyển đổi số", "SKHCN_QLKH", "Phòng Quản lý khoa học"},
  };
  for (const Merger& m : kMergers) {
    int dept = AddDepartment(std::string(m.code), std::string(m.name), std::string(m.field));
    AddSection(std::string(m.kept_section_code), std::string(m.kept_section_name), m.code,
               Profile::kDeptSection, 12);
    int section = AddSection(std::string(m.new_section_code), std::string(m.new_section_name), m.code,
                             Profile::kDeptSection, 12);
    int old =
        AddOldDepartment(std::string(m.old_code), std::string(m.old_name), std::string(m.field), m.code);
    units_[static_cast<size_t>(section)].valid_from = kDepartmentReform;
    BornFrom(section, {{old, 1}}, 100);
    BornFrom(dept, {{old, 1}}, 25);
    BornFrom(Index("VP_" + std::string(m.code)), {{old, 1}}, 30);
  }
  AddSection("CCKL", "Chi cục Kiểm lâm", "SNNMT", Profile::kForestRangers, 150);
  AddUnit("TTKN", "Trung tâm Khuyến nông", "SNNMT", "don_vi_su_nghiep", "nong_nghiep", Profile::kAgriCentre,
          60);
  AddUnit("VPDKDD", "Văn phòng Đăng ký đất đai", "SNNMT", "don_vi_su_nghiep", "nong_nghiep", Profile::kCentre,
          180);
  if (province()) {
    AddSection("CCTL", "Chi cục Thủy lợi", "SNNMT", Profile::kChiCuc, 35);
    AddUnit("BQLRPH", "Ban Quản lý rừng phòng hộ Đồng Xuân", "SNNMT", "don_vi_su_nghiep", "nong_nghiep",
            Profile::kAgriCentre, 60);
    AddUnit("TTUDKHCN", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "SKHCN", "don_vi_su_nghiep",
            "khoa_hoc_cong_nghe", Profile::kCentre, 30);
  }
  AddDepartment("SCT", "Sở Công Thương", "kinh_te");
  AddSection("SCT_QLTM", "Phòng Quản lý thương mại", "SCT", Profile::kDeptSection, 12);
  if (province()) AddSection("SCT_QLCN", "Phòng Quản lý công nghiệp", "SCT", Profile::kDeptSection, 12);
}

void ProvinceBuilder::BuildEducation() {
  AddDepartment("SGDDT", "Sở Giáo dục và Đào tạo", "giao_duc");
  AddSection("SGDDT_GDTRH", "Phòng Giáo dục trung học – Giáo dục thường xuyên", "SGDDT",
             Profile::kDeptSection, 12);
  AddSection("SGDDT_GDMN", "Phòng Giáo dục mầm non – Giáo dục tiểu học", "SGDDT", Profile::kDeptSection, 10);
  AddUnit("THPT_CHUYEN", "Trường THPT chuyên Lê Quý Đôn", "SGDDT", "don_vi_su_nghiep", "giao_duc",
          Profile::kUpperSecondary, 110);
  int by_district = province() ? 12 : 2, by_patron = province() ? 32 : 3;
  for (int i = 0; i < by_district; ++i) {
    std::string_view place = kDistrictNames[i];
    AddUnit("THPT_" + AsciiCode(place), "Trường THPT " + std::string(place), "SGDDT", "don_vi_su_nghiep",
            "giao_duc", Profile::kUpperSecondary, 95);
  }
  for (int i = 0; i < by_patron; ++i) {
    std::string_view patron = kSchoolPatrons[i];
    AddUnit("THPT_" + AsciiCode(patron), "Trường THPT " + std::string(patron), "SGDDT", "don_vi_su_nghiep",
            "giao_duc", Profile::kUpperSecondary, 95);
  }
  for (int i = 0; i < (province() ? 8 : 1); ++i) {
    std::string_view place = kDistrictNames[i];
    AddUnit("GDNN_" + AsciiCode(place),
            "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên khu vực " + std::string(place), "SGDDT",
            "don_vi_su_nghiep", "giao_duc", Profile::kVocational, 55);
  }
}

void ProvinceBuilder::BuildHealth() {
  AddDepartment("SYT", "Sở Y tế", "y_te");
  AddSection("SYT_NVYD", "Phòng Nghiệp vụ Y – Dược", "SYT", Profile::kDeptSection, 12);
  struct Body {
    std::string_view code, name;
    Profile profile;
    int weight;
    bool small_too;
  };
  static constexpr Body kBodies[] = {
      {"BVDK", "Bệnh viện Đa khoa tỉnh Thanh Lâm", Profile::kHospital, 1300, true},
      {"BVSN", "Bệnh viện Sản – Nhi tỉnh", Profile::kHospital, 550, false},
      {"BVYDCT", "Bệnh viện Y dược cổ truyền tỉnh", Profile::kHospital, 250, false},
      {"BVPHOI", "Bệnh viện Phổi tỉnh", Profile::kHospital, 180, false},
      {"BVTT", "Bệnh viện Tâm thần tỉnh", Profile::kHospital, 160, false},
      {"CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", Profile::kHealthCentre, 160, true},
  };
  for (const Body& body : kBodies) {
    if (!body.small_too && !province()) continue;
    AddUnit(std::string(body.code), std::string(body.name), "SYT", "don_vi_su_nghiep", "y_te", body.profile,
            body.weight);
  }
  for (int i = 0; i < (province() ? 12 : 2); ++i) {
    std::string_view place = kDistrictNames[i];
    AddUnit("TTYT_" + AsciiCode(place), "Trung tâm Y tế khu vực " + std::string(place), "SYT",
            "don_vi_su_nghiep", "y_te", Profile::kHealthCentre, 380);
  }
  AddUnit("TTBTXH", "Trung tâm Bảo trợ xã hội tỉnh", "SYT", "don_vi_su_nghiep", "xa_hoi",
          Profile::kSocialCentre, 70);
}

void ProvinceBuilder::BuildSocialDepartments() {
  AddDepartment("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "van_hoa_the_thao");
  AddSection("SVHTTDL_QLVH", "Phòng Quản lý văn hóa và gia đình", "SVHTTDL", Profile::kDeptSection, 12);
  AddUnit("BAOTANG", "Bảo tàng tỉnh", "SVHTTDL", "don_vi_su_nghiep", "van_hoa_the_thao", Profile::kMuseum,
          35);
  AddUnit("THUVIEN", "Thư viện tỉnh", "SVHTTDL", "don_vi_su_nghiep", "van_hoa_the_thao", Profile::kLibrary,
          30);
  AddUnit("TTHLTDTT", "Trung tâm Huấn luyện và Thi đấu thể thao tỉnh", "SVHTTDL", "don_vi_su_nghiep",
          "van_hoa_the_thao", Profile::kSports, 90);
  AddDepartment("STP", "Sở Tư pháp", "tu_phap");
  AddSection("STP_HCTP", "Phòng Hành chính tư pháp", "STP", Profile::kDeptSection, 12);
  AddUnit("TTTGPL", "Trung tâm Trợ giúp pháp lý nhà nước", "STP", "don_vi_su_nghiep", "tu_phap",
          Profile::kLegalAid, 25);

  // Ban Dân tộc became Sở Dân tộc và Tôn giáo, which also took over Ban Tôn giáo of Sở Nội vụ.
  int dept =
      AddUnit("SDTTG", "Sở Dân tộc và Tôn giáo", "UBND", "so_ban_nganh", "xa_hoi", Profile::kDeptLeaders, 0);
  int office = AddSection("VP_SDTTG", "Văn phòng Sở Dân tộc và Tôn giáo", "SDTTG", Profile::kDeptOffice, 15);
  int religion_section = AddSection("SDTTG_TG", "Phòng Tôn giáo", "SDTTG", Profile::kDeptSection, 10);
  int ethnic = AddUnit("BDT", "Ban Dân tộc tỉnh", "UBND", "so_ban_nganh", "xa_hoi", Profile::kNone, 0);
  int religion = Index("BTG");
  for (int unit : {dept, office, religion_section})
    units_[static_cast<size_t>(unit)].valid_from = kDepartmentReform;
  BornFrom(dept, {{ethnic, 1}}, 100);
  BornFrom(office, {{ethnic, 4}, {religion, 1}}, 100);
  BornFrom(religion_section, {{religion, 1}}, 100);
  EndBy(ethnic, kDepartmentReform, "renamed", kActDepartments, dept,
        "Đổi tên Ban Dân tộc tỉnh thành Sở Dân tộc và Tôn giáo");
  Event(religion, "merged_into", kDepartmentReform, kActEthnicReligion, dept,
        "Chuyển chức năng quản lý nhà nước về tín ngưỡng, tôn giáo từ Sở Nội vụ sang Sở Dân tộc và Tôn giáo");
}

void ProvinceBuilder::BuildOtherBodies() {
  AddUnit("TTRA", "Thanh tra tỉnh", "UBND", "so_ban_nganh", "quan_ly_nha_nuoc", Profile::kInspectorate, 45);
  AddDepartment("SNGV", "Sở Ngoại vụ", "quan_ly_nha_nuoc");
  if (province()) {
    AddUnit("BQLKKT", "Ban Quản lý các khu công nghiệp tỉnh", "UBND", "so_ban_nganh", "kinh_te",
            Profile::kBoard, 40);
    AddUnit("CDTL", "Trường Cao đẳng Thanh Lâm", "UBND", "don_vi_su_nghiep", "giao_duc", Profile::kCollege,
            280);
  }
  // The armed forces' staff records are not kept by the province's office: units without people.
  AddUnit("BCHQS", "Bộ Chỉ huy Quân sự tỉnh", "UBND", "so_ban_nganh", "quoc_phong_an_ninh", Profile::kNone,
          0);
  AddUnit("CAT", "Công an tỉnh", "UBND", "so_ban_nganh", "quoc_phong_an_ninh", Profile::kNone, 0);
  AddUnit("UBMTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Lâm", "UBND", "co_quan_dang_doan_the",
          "xa_hoi", Profile::kMassOrg, 40);
  AddUnit("TINHDOAN", "Tỉnh đoàn Thanh Lâm", "UBMTTQ", "co_quan_dang_doan_the", "xa_hoi",
          Profile::kYouthUnion, 30);
  int women = AddUnit("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", "UBMTTQ", "co_quan_dang_doan_the", "xa_hoi",
                      Profile::kMassOrg, 30);
  units_[static_cast<size_t>(women)].female_pct = 95;
  if (province()) {
    AddUnit("HND", "Hội Nông dân tỉnh", "UBMTTQ", "co_quan_dang_doan_the", "xa_hoi", Profile::kMassOrg, 25);
    AddUnit("LDLD", "Liên đoàn Lao động tỉnh", "UBMTTQ", "co_quan_dang_doan_the", "xa_hoi", Profile::kMassOrg,
            45);
  }
  AddUnit("DN_XSKT", "Công ty TNHH MTV Xổ số kiến thiết Thanh Lâm", "UBND", "doanh_nghiep", "kinh_te",
          Profile::kServiceCompany, 120);
  AddUnit("DN_CTN", "Công ty Cổ phần Cấp thoát nước Thanh Lâm", "UBND", "doanh_nghiep", "xay_dung_giao_thong",
          Profile::kEnterprise, 450);
  if (province()) {
    AddUnit("DN_MTDT", "Công ty Cổ phần Môi trường và Dịch vụ đô thị Thanh Lâm", "UBND", "doanh_nghiep",
            "xay_dung_giao_thong", Profile::kEnterprise, 600);
    AddUnit("DN_MAY", "Công ty Cổ phần May Thanh Lâm", "UBND", "doanh_nghiep", "kinh_te", Profile::kGarment,
            2800);
    AddUnit("DN_LN", "Công ty TNHH MTV Lâm nghiệp Đồng Xuân", "UBND", "doanh_nghiep", "nong_nghiep",
            Profile::kEnterprise, 350);
  }
}

// ------------------------------------------------------------------------------------------------
// Communes: a few former districts with their communes (ended 30/06/2025) merged into new
// communes; the other communes and wards are presented as unchanged by the reform.

std::string_view LevelWord(bool ward) { return ward ? "phường " : "xã "; }

void ProvinceBuilder::BuildCommunes() {
  const int communes = province() ? 80 : 20, wards = province() ? 20 : 5;
  const int districts = province() ? 5 : 3;
  std::vector<CommunePlan> plans;
  for (int d = 0; d < districts; ++d) {
    for (CommunePlan& plan : PlanDistrict(d, districts)) plans.push_back(std::move(plan));
  }
  int have_communes = 0, have_wards = 0;
  for (const CommunePlan& plan : plans) ++(plan.ward ? have_wards : have_communes);
  for (int i = have_communes; i < communes; ++i) {
    plans.emplace_back();
    plans.back().place = places_.Next();
  }
  for (int i = have_wards; i < wards; ++i) {
    plans.emplace_back();
    plans.back().place = places_.Next();
    plans.back().ward = true;
  }
  for (CommunePlan& plan : plans) AddCommune(std::move(plan));
}

// Adds former district `district` with its sections and communes, ends them on 30/06/2025 and
// returns the new communes (and wards) they became. The last district is a thị xã.
std::vector<CommunePlan> ProvinceBuilder::PlanDistrict(int district, int districts) {
  const bool town = district == districts - 1;
  const std::string name(kDistrictNames[district]);
  const std::string initials = Initials(name);
  const std::string level = town ? "thị xã " : "huyện ";
  const std::string seat_code = (town ? "TX_" : "HUYEN_") + AsciiCode(name);
  int seat =
      AddUnit(seat_code, "UBND " + level + name, "UBND", "ubnd_huyen", "quan_ly_nha_nuoc", Profile::kNone, 0);
  int office = AddUnit("VP_" + initials, "Văn phòng HĐND và UBND " + level + name, seat_code, "phong_ban",
                       "quan_ly_nha_nuoc", Profile::kNone, 0);
  int home = AddUnit("PNV_" + initials, "Phòng Nội vụ " + level + name, seat_code, "phong_ban",
                     "quan_ly_nha_nuoc", Profile::kNone, 0);
  for (int unit : {seat, office, home}) {
    EndBy(unit, kLocalReform, "dissolved", kActLocalGovernmentLaw, -1,
          "Chấm dứt hoạt động của đơn vị hành chính cấp huyện từ ngày 01/7/2025");
  }
  std::vector<int> xa, phuong;
  if (town) {
    for (int i = 0, n = province() ? 4 : 2; i < n; ++i) {
      phuong.push_back(AddOldCommune("phường ", places_.Next(), seat_code, initials));
    }
  } else {
    xa.push_back(AddOldCommune("thị trấn ", name, seat_code, initials));
  }
  int villages = town ? (province() ? 3 : 2) : (province() ? rng_.Between(6, 8) : 4);
  for (int i = 0; i < villages; ++i) xa.push_back(AddOldCommune("xã ", places_.Next(), seat_code, initials));
  std::vector<CommunePlan> plans;
  MergeGroups(phuong, /*ward=*/true, district, plans);
  MergeGroups(xa, /*ward=*/false, district, plans);
  for (CommunePlan& plan : plans) {
    for (int unit : {seat, office, home}) plan.preds.push_back({unit, 1});
  }
  return plans;
}

int ProvinceBuilder::AddOldCommune(std::string_view level, std::string place, const std::string& seat,
                                   const std::string& initials) {
  std::string prefix = level == "phường " ? "PHUONG_" : level == "xã " ? "XA_" : "TT_";
  std::string code = prefix + AsciiCode(place) + (prefix == "TT_" ? "" : "_" + initials);
  int unit = AddUnit(std::move(code), "UBND " + std::string(level) + place, seat,
                     level == "phường " ? "ubnd_phuong" : "ubnd_xa", "quan_ly_nha_nuoc", Profile::kNone, 0);
  units_[static_cast<size_t>(unit)].place = std::move(place);
  return unit;
}

// Groups old communes, 2–3 at a time, into new ones. The group holding the district seat (the
// thị trấn, or the first wards of a thị xã) takes the district's name, the others the name of
// their first member. In the first district the thị trấn becomes a xã on its own (renamed); in
// the second, one commune is split between two new communes.
void ProvinceBuilder::MergeGroups(const std::vector<int>& old_units, bool ward, int district,
                                  std::vector<CommunePlan>& plans) {
  const size_t first_plan = plans.size();
  const bool has_seat =
      !old_units.empty() && (ward || units_[static_cast<size_t>(old_units[0])].code.starts_with("TT_"));
  for (size_t i = 0; i < old_units.size();) {
    size_t rest = old_units.size() - i;
    size_t take = rest <= 3 ? rest : rest == 4 ? 2 : static_cast<size_t>(rng_.Between(2, 3));
    if (i == 0 && has_seat && !ward && district == 0) take = 1;
    CommunePlan plan;
    plan.ward = ward;
    plan.renamed = take == 1;
    plan.place = i == 0 && has_seat ? std::string(kDistrictNames[district])
                                    : units_[static_cast<size_t>(old_units[i])].place;
    for (size_t k = i; k < i + take; ++k) {
      const std::string& place = units_[static_cast<size_t>(old_units[k])].place;
      if (place != plan.place) plan.villages.push_back(place);
      plan.members.push_back(old_units[k]);
      plan.preds.push_back({old_units[k], 4});
    }
    plans.push_back(std::move(plan));
    i += take;
  }
  if (district == 1 && !ward && plans.size() >= first_plan + 2) {
    CommunePlan& giver = plans[first_plan];
    CommunePlan& taker = plans[first_plan + 1];
    giver.split_member = giver.members.back();
    giver.split_partner = taker.place;
    taker.split_source = giver.split_member;
    taker.preds.push_back({giver.split_member, 1});
  }
}

void ProvinceBuilder::AddCommune(CommunePlan plan) {
  const std::string code = (plan.ward ? "PHUONG_" : "XA_") + AsciiCode(plan.place);
  int unit = AddUnit(code, "UBND " + std::string(LevelWord(plan.ward)) + plan.place, "UBND",
                     plan.ward ? "ubnd_phuong" : "ubnd_xa", "quan_ly_nha_nuoc",
                     plan.ward ? Profile::kWard : Profile::kCommune, plan.ward ? 60 : 55);
  units_[static_cast<size_t>(unit)].place = plan.place;
  if (!plan.members.empty()) {
    units_[static_cast<size_t>(unit)].valid_from = kLocalReform;
    units_[static_cast<size_t>(unit)].preds = plan.preds;
    units_[static_cast<size_t>(unit)].pred_share_pct = 100;
    history_communes_.push_back(unit);
    RecordCommuneLineage(unit, plan);
  }
  AddCommuneUnits(unit, plan);
}

void ProvinceBuilder::RecordCommuneLineage(int unit, const CommunePlan& plan) {
  const std::string here = std::string(LevelWord(plan.ward)) + plan.place;
  for (int member : plan.members) {
    const std::string old = units_[static_cast<size_t>(member)].name.substr(std::string_view("UBND ").size());
    if (plan.renamed) {
      EndBy(member, kLocalReform, "renamed", kActCommunes, unit,
            "Chuyển " + old + " thành " + here + ", giữ nguyên diện tích tự nhiên và quy mô dân số");
    } else if (member == plan.split_member) {
      EndBy(member, kLocalReform, "merged_into", kActCommunes, unit,
            "Nhập phần lớn diện tích tự nhiên và quy mô dân số vào " + here + "; phần còn lại nhập vào " +
                std::string(LevelWord(plan.ward)) + plan.split_partner);
    } else {
      EndBy(member, kLocalReform, "merged_into", kActCommunes, unit,
            "Nhập toàn bộ diện tích tự nhiên và quy mô dân số vào " + here);
    }
  }
  if (plan.split_source >= 0) {
    const std::string old =
        units_[static_cast<size_t>(plan.split_source)].name.substr(std::string_view("UBND ").size());
    Event(unit, "split_from", kLocalReform, kActCommunes, plan.split_source,
          "Tiếp nhận một phần diện tích tự nhiên và quy mô dân số của " + old);
  }
}

// The commune's schools (named after the commune, then after its villages or former communes)
// and its health station.
void ProvinceBuilder::AddCommuneUnits(int commune, CommunePlan& plan) {
  struct School {
    std::string_view code_prefix, name_prefix;
    Profile profile;
    int weight, count;
  };
  const School schools[] = {
      {"MN_", "Trường Mầm non ", Profile::kPreschool, 42, province() ? rng_.Between(4, 6) : 1},
      {"TH_", "Trường Tiểu học ", Profile::kPrimary, 50,
       province()         ? rng_.Between(4, 6)
       : rng_.Percent(25) ? 2
                          : 1},
      {"THCS_", "Trường THCS ", Profile::kLowerSecondary, 55, province() ? rng_.Between(2, 4) : 1},
  };
  const std::string commune_code = units_[static_cast<size_t>(commune)].code;
  for (const School& school : schools) {
    while (static_cast<int>(plan.villages.size()) < school.count - 1) plan.villages.push_back(places_.Next());
    for (int i = 0; i < school.count; ++i) {
      const std::string& place = i == 0 ? plan.place : plan.villages[static_cast<size_t>(i - 1)];
      AddUnit(std::string(school.code_prefix) + AsciiCode(place), std::string(school.name_prefix) + place,
              commune_code, "don_vi_su_nghiep", "giao_duc", school.profile, school.weight);
    }
  }
  AddUnit("TYT_" + AsciiCode(plan.place), "Trạm Y tế " + std::string(LevelWord(plan.ward)) + plan.place,
          commune_code, "don_vi_su_nghiep", "y_te", Profile::kClinic, 12);
}

// ------------------------------------------------------------------------------------------------
// People.

// Scales the units' weights so that the people number exactly `target`, keeping each unit's
// minimum; the rounding difference goes to the largest units.
void ProvinceBuilder::AssignHeadcounts(int target) {
  std::vector<int> scalable;
  int64_t weight_total = 0;
  int fixed_total = 0;
  for (size_t i = 0; i < units_.size(); ++i) {
    UnitDef& unit = units_[i];
    const Staffing& staffing = StaffingOf(unit.profile);
    if (staffing.roles.empty()) {
      unit.headcount = static_cast<int>(staffing.leaders.size());
      fixed_total += unit.headcount;
    } else {
      scalable.push_back(static_cast<int>(i));
      weight_total += unit.weight;
    }
  }
  const int64_t budget = target - fixed_total;
  int assigned = fixed_total;
  for (int i : scalable) {
    UnitDef& unit = units_[static_cast<size_t>(i)];
    int scaled = static_cast<int>((unit.weight * budget + weight_total / 2) / weight_total);
    unit.headcount = std::max(StaffingOf(unit.profile).min_people, scaled);
    assigned += unit.headcount;
  }
  std::stable_sort(scalable.begin(), scalable.end(), [this](int a, int b) {
    return units_[static_cast<size_t>(a)].weight > units_[static_cast<size_t>(b)].weight;
  });
  for (int diff = target - assigned, changed = 1; diff != 0 && changed;) {
    changed = 0;
    for (int i : scalable) {
      UnitDef& unit = units_[static_cast<size_t>(i)];
      if (diff > 0) {
        ++unit.headcount, --diff, changed = 1;
      } else if (diff < 0 && unit.headcount > StaffingOf(unit.profile).min_people) {
        --unit.headcount, ++diff, changed = 1;
      }
      if (diff == 0) break;
    }
  }
}

void ProvinceBuilder::GeneratePeople() {
  for (size_t i = 0; i < units_.size(); ++i) {
    const UnitDef& unit = units_[i];
    if (unit.headcount > 0 && !unit.valid_from && !unit.valid_to) {
      transfer_pools_[unit.profile].push_back(static_cast<int>(i));
    }
  }
  for (size_t i = 0; i < units_.size(); ++i) {
    if (units_[i].headcount > 0 && !StaffingOf(units_[i].profile).leaders.empty()) {
      units_[i].head = static_cast<int>(people_.size());
    }
    for (int k = 0; k < units_[i].headcount; ++k) people_.push_back(GeneratePerson(static_cast<int>(i), k));
  }
}

// Posts that take years to reach: leaders, deputies, heads of sections, senior grades.
bool IsSeniorPost(std::string_view position) {
  return position.starts_with("Phó ") || position.starts_with("Trưởng ") || position.ends_with(" chính");
}

PersonDraft ProvinceBuilder::GeneratePerson(int unit_index, int ordinal) {
  const UnitDef& unit = units_[static_cast<size_t>(unit_index)];
  const Staffing& staffing = StaffingOf(unit.profile);
  const bool leader = ordinal < static_cast<int>(staffing.leaders.size());
  PersonDraft person;
  person.position =
      leader ? staffing.leaders[static_cast<size_t>(ordinal)] : PickWeighted(people_rng_, staffing.roles);
  int female_pct = unit.female_pct >= 0 ? unit.female_pct : leader ? 30 : staffing.female_pct;
  person.female = person.position == "Hộ sinh" || people_rng_.Percent(female_pct);
  person.full_name = RandomFullName(people_rng_, person.female);
  person.birth = RandomBirth(leader || IsSeniorPost(person.position));
  person.recruited = RandomRecruitment(person.birth);
  person.career = PlanCareer(unit_index, person.recruited);
  Retire(person);
  return person;
}

// Seniors are born 1970–1986 (none reaches retirement age by the horizon); the others 1964–2003,
// fewer at both ends.
Date ProvinceBuilder::RandomBirth(bool senior) {
  auto weight = [](int year) { return year < 1970 ? 2 : year < 1998 ? 4 : year < 2002 ? 2 : 1; };
  int year = 1970 + people_rng_.Below(17);
  if (!senior) {
    int total = 0;
    for (int y = 1964; y <= 2003; ++y) total += weight(y);
    int r = people_rng_.Below(total);
    for (year = 1964; r >= weight(year); ++year) r -= weight(year);
  }
  return RandomDay(people_rng_, Date(year, 1, 1), Date(year, 12, 31));
}

// Recruited at 21 or later (mostly 22–26), usually on the first of a month, never after the horizon.
Date ProvinceBuilder::RandomRecruitment(Date birth) {
  static constexpr int kExtraYears[] = {4, 14, 18, 16, 12, 9, 7, 5, 4, 3, 2, 2, 2, 1, 1};
  int total = 0;
  for (int w : kExtraYears) total += w;
  int r = people_rng_.Below(total), extra = 0;
  while (r >= kExtraYears[extra]) r -= kExtraYears[extra++];
  const Date earliest = AddYears(birth, 21);
  Date day = AddYears(birth, 21 + extra).AddDays(people_rng_.Below(365));
  if (day.day() != 1 && people_rng_.Percent(70)) day = FirstOfNextMonth(day);
  if (day > kHorizon) day = RandomDay(people_rng_, earliest, kHorizon);
  return day;
}

// One open membership; or, for staff of a unit that a reform created or enlarged, a first
// membership in a predecessor until it ended; or, for about 5% of the others, a transfer.
std::vector<Membership> ProvinceBuilder::PlanCareer(int unit_index, Date recruited) {
  const UnitDef& unit = units_[static_cast<size_t>(unit_index)];
  if (!unit.preds.empty()) {
    int total = 0;
    for (const Pred& pred : unit.preds) total += pred.weight;
    int r = people_rng_.Below(total);
    size_t k = 0;
    while (r >= unit.preds[k].weight) r -= unit.preds[k++].weight;
    const UnitDef& pred = units_[static_cast<size_t>(unit.preds[k].unit)];
    const Date moved = pred.valid_to->AddDays(1);
    const bool born_later = unit.valid_from && recruited < *unit.valid_from;
    if (recruited < moved && (born_later || people_rng_.Percent(unit.pred_share_pct))) {
      return {{unit.preds[k].unit, recruited, pred.valid_to}, {unit_index, moved, std::nullopt}};
    }
  }
  assert(!unit.valid_from || recruited >= *unit.valid_from);
  if (people_rng_.Percent(5)) {
    if (auto transfer = PlanTransfer(unit_index, recruited)) return *std::move(transfer);
  }
  return {{unit_index, recruited, std::nullopt}};
}

// A move from another unit of the same kind on the first of a month at least a year after recruitment.
std::optional<std::vector<Membership>> ProvinceBuilder::PlanTransfer(int unit_index, Date recruited) {
  const UnitDef& unit = units_[static_cast<size_t>(unit_index)];
  const std::vector<int>& pool = transfer_pools_[unit.profile];
  Date earliest = FirstOfNextMonth(AddYears(recruited, 1));
  if (unit.valid_from) earliest = std::max(earliest, *unit.valid_from);
  if (pool.size() < 2 || earliest > kHorizon) return std::nullopt;
  int other = pool[static_cast<size_t>(people_rng_.Below(static_cast<int>(pool.size())))];
  while (other == unit_index)
    other = pool[static_cast<size_t>(people_rng_.Below(static_cast<int>(pool.size())))];
  const int months = (kHorizon.year() - earliest.year()) * 12 + kHorizon.month() - earliest.month();
  const Date moved = AddMonths(earliest, people_rng_.Between(0, months));  // earliest is a first of month
  return std::vector<Membership>{{other, recruited, moved.AddDays(-1)}, {unit_index, moved, std::nullopt}};
}

// Ends the career at retirement age when that falls before the horizon.
void ProvinceBuilder::Retire(PersonDraft& person) {
  if (person.birth.year() > 1971) return;
  const Date end = RetirementEnd(person.birth, person.female);
  if (end > kHorizon) return;
  std::erase_if(person.career, [&](const Membership& m) { return m.from > end; });
  Membership& last = person.career.back();
  last.to = last.to ? std::min(*last.to, end) : end;
}

// ------------------------------------------------------------------------------------------------
// Accounts and output.

std::vector<Account> ProvinceBuilder::MakeAccounts() {
  // The mid-size commune among those with a modelled history.
  std::vector<int> communes = history_communes_;
  std::stable_sort(communes.begin(), communes.end(), [this](int a, int b) {
    return units_[static_cast<size_t>(a)].headcount < units_[static_cast<size_t>(b)].headcount;
  });
  const int commune = communes[communes.size() / 2];
  std::set<size_t> taken;
  // A person still working in `unit`, preferably in `position`, not yet given an account.
  auto find = [&](int unit, std::string_view position) -> std::string {
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < people_.size(); ++i) {
        const Membership& last = people_[i].career.back();
        if (last.unit != unit || last.to || taken.count(i)) continue;
        if (pass == 0 && people_[i].position != position) continue;
        taken.insert(i);
        return people_[i].full_name;
      }
    }
    assert(false && "every account's unit has staff");
    return "";
  };
  const std::string& commune_code = units_[static_cast<size_t>(commune)].code;
  const std::string_view chair = StaffingOf(units_[static_cast<size_t>(commune)].profile).leaders[0];
  return {
      {"admin", "admin", "", find(Index("SKHCN_CDS"), "Chuyên viên")},
      {"vanphong", "office", "", find(Index("BTDKT"), "Chuyên viên chính")},
      {"lanhdao", "office_lead", "BTDKT", find(Index("BTDKT"), "Trưởng ban")},
      {"hoidong", "council", "BTDKT", find(Index("SNV"), "Giám đốc Sở")},
      {"donvi", "unit_officer", commune_code, find(commune, "Công chức Văn hóa – Xã hội")},
      {"thutruong", "unit_head", commune_code, find(commune, chair)},
      {"bientap", "editor", "", find(Index("BTDKT"), "Chuyên viên")},
  };
}

std::string ProvinceBuilder::UnitsCsv() const {
  std::string out;
  AppendRow(out, {"code", "name", "parent_code", "kind", "field", "valid_from", "valid_to"});
  for (const UnitDef& unit : units_) {
    AppendRow(out, {unit.code, unit.name, unit.parent, unit.kind, unit.field, DateText(unit.valid_from),
                    DateText(unit.valid_to)});
  }
  return out;
}

void ProvinceBuilder::PeopleCsv(std::string& people, std::string& memberships) const {
  people.reserve(people_.size() * 100);
  AppendRow(people, {"code", "full_name", "gender", "birth_date", "unit_code", "position", "recruited_on"});
  AppendRow(memberships, {"person_code", "unit_code", "from", "to"});
  char code[24];
  for (size_t i = 0; i < people_.size(); ++i) {
    const PersonDraft& person = people_[i];
    std::snprintf(code, sizeof code, "P%06zu", i + 1);
    const Membership& first = person.career.front();
    const bool implied = person.career.size() == 1 && !first.to && first.from == person.recruited;
    const std::string unit_code = implied ? units_[static_cast<size_t>(first.unit)].code : "";
    AppendRow(people, {code, person.full_name, person.female ? "nu" : "nam", person.birth.Iso(), unit_code,
                       person.position, person.recruited.Iso()});
    if (implied) continue;
    for (const Membership& m : person.career) {
      AppendRow(memberships, {code, units_[static_cast<size_t>(m.unit)].code, m.from.Iso(), DateText(m.to)});
    }
  }
}

// The records see units and people through the views of demo_records.h; they draw from their own
// PRNG so that a change of record rules keeps the same units and people.
internal::RecordsCsv ProvinceBuilder::Records() const {
  std::vector<internal::UnitView> units(units_.size());
  for (size_t i = 0; i < units_.size(); ++i) {
    const UnitDef& def = units_[i];
    internal::UnitView& unit = units[i];
    unit.code = def.code;
    unit.name = def.name;
    unit.kind = def.kind;
    unit.field = def.field;
    unit.parent = def.parent.empty() ? -1 : Index(def.parent);
    unit.valid_from = def.valid_from;
    unit.valid_to = def.valid_to;
    for (const Pred& pred : def.preds) unit.preds.push_back(pred.unit);
    unit.head = def.head;
  }
  std::vector<internal::PersonView> people(people_.size());
  char code[24];
  for (size_t i = 0; i < people_.size(); ++i) {
    std::snprintf(code, sizeof code, "P%06zu", i + 1);
    people[i].code = code;
    people[i].full_name = people_[i].full_name;
    people[i].recruited = people_[i].recruited;
    for (const Membership& m : people_[i].career) people[i].career.push_back({m.unit, m.from, m.to});
  }
  return internal::GenerateDemoRecords(units, people, province(), seed_ ^ 0x7265636F726473ull);
}

DemoProvince ProvinceBuilder::Build() {
  BuildProvincialBodies();
  BuildCommunes();
  AssignHeadcounts(province() ? 100000 : 2000);
  GeneratePeople();
  DemoProvince out;
  out.province_name = std::string(kProvinceName);
  out.units_csv = UnitsCsv();
  PeopleCsv(out.people_csv, out.memberships_csv);
  internal::RecordsCsv records = Records();
  out.evaluations_csv = std::move(records.evaluations);
  out.initiatives_csv = std::move(records.initiatives);
  out.disciplines_csv = std::move(records.disciplines);
  out.awards_csv = std::move(records.awards);
  out.lineage = lineage_;
  out.accounts = MakeAccounts();
  return out;
}

}  // namespace

std::string_view DemoProvinceName() { return kProvinceName; }

DemoProvince GenerateDemoProvince(DemoSize size, uint64_t seed) {
  return ProvinceBuilder(size, seed).Build();
}

}  // namespace thidua::demo
