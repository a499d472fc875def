#include "domain/province_settings.h"

#include <charconv>

#include "base/utf8.h"
#include "domain/raw_fields.h"

namespace thidua::domain {

const std::vector<SettingInfo>& SettingInfos() {
  static const std::vector<SettingInfo> kInfos = {
      {"cstdcs_quota_percent", SettingKind::kInteger, "Tỷ lệ Chiến sĩ thi đua cơ sở (% số Lao động tiên tiến)",
       "Số Chiến sĩ thi đua cơ sở một đơn vị được công nhận không quá tỷ lệ này trên số Lao động tiên tiến "
       "(mặc định 15% theo Điều 9 khoản 3 Nghị định 91/2017/NĐ-CP; quy định hiện hành do tỉnh quyết định).",
       0, 100},
      {"cstdcs_quota_basis", SettingKind::kText, "Căn cứ của tỷ lệ Chiến sĩ thi đua cơ sở",
       "Văn bản được trích dẫn khi kiểm tra tỷ lệ.", 0, 0},
      {"ldtt_min_months_served", SettingKind::kInteger, "Số tháng công tác tối thiểu để xét Lao động tiên tiến",
       "Người được tuyển dụng ít hơn số tháng này tính đến 31/12 không được xét (mặc định 6 tháng, "
       "Thông tư 01/2024/TT-BNV).",
       0, 12},
      {"ttldtt_member_discipline_level", SettingKind::kDisciplineLevel,
       "Mức kỷ luật của thành viên khiến tập thể không đạt Tập thể lao động tiên tiến",
       "Tập thể không có cá nhân bị kỷ luật từ mức này trở lên (mặc định cảnh cáo).", 0, 0},
      {"registration_required", SettingKind::kBoolean, "Bắt buộc đăng ký thi đua",
       "Luật TĐKT 2022 không còn coi đăng ký thi đua là căn cứ xét; chỉ bật khi tỉnh quy định.", 0, 1},
      {"gk_person_criteria", SettingKind::kCriteria, "Tiêu chuẩn Giấy khen đối với cá nhân",
       "Các bảng [[condition]] theo định dạng của rules/README.md; để trống thì do người xét quyết định "
       "(Điều 75 khoản 2 Luật TĐKT 2022).",
       0, 0},
      {"gk_unit_criteria", SettingKind::kCriteria, "Tiêu chuẩn Giấy khen đối với tập thể",
       "Như trên, cho tập thể.", 0, 0},
      {"cstd_tinh_council_threshold_percent", SettingKind::kInteger,
       "Tỷ lệ phiếu đồng ý của Hội đồng để xét Chiến sĩ thi đua cấp tỉnh (%)",
       "Tính trên tổng số thành viên Hội đồng, bỏ phiếu kín (mặc định 90%, Điều 45 khoản 8 Nghị định 91/2017/NĐ-CP).",
       50, 100},
      {"public_disclosure_working_days", SettingKind::kInteger, "Số ngày làm việc công khai trước khi Hội đồng họp",
       "Áp dụng với đề nghị khen Huân chương (mặc định 10 ngày làm việc).", 0, 60},
  };
  return kInfos;
}

namespace {

const SettingInfo* FindInfo(std::string_view key) {
  for (const SettingInfo& info : SettingInfos()) {
    if (info.key == key) return &info;
  }
  return nullptr;
}

int* IntegerOf(Settings& s, std::string_view key) {
  if (key == "cstdcs_quota_percent") return &s.cstdcs_quota_percent;
  if (key == "ldtt_min_months_served") return &s.ldtt_min_months_served;
  if (key == "cstd_tinh_council_threshold_percent") return &s.cstd_tinh_council_threshold_percent;
  if (key == "public_disclosure_working_days") return &s.public_disclosure_working_days;
  return nullptr;
}

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

RawFields SettingsToFields(const ProvinceSettings& p) {
  const Settings& s = p.settings;
  return {
      {"cstdcs_quota_percent", std::to_string(s.cstdcs_quota_percent)},
      {"cstdcs_quota_basis", s.cstdcs_quota_basis},
      {"ldtt_min_months_served", std::to_string(s.ldtt_min_months_served)},
      {"ttldtt_member_discipline_level", s.ttldtt_member_discipline_level},
      {"registration_required", s.registration_required ? "1" : "0"},
      {"gk_person_criteria", p.gk_person_criteria},
      {"gk_unit_criteria", p.gk_unit_criteria},
      {"cstd_tinh_council_threshold_percent", std::to_string(s.cstd_tinh_council_threshold_percent)},
      {"public_disclosure_working_days", std::to_string(s.public_disclosure_working_days)},
  };
}

Result<ProvinceSettings> ApplySettingsFields(ProvinceSettings base, const RawFields& fields) {
  FieldErrors errors;
  Settings& s = base.settings;
  for (const auto& [key, raw] : fields) {
    const SettingInfo* info = FindInfo(key);
    if (!info) {
      errors.Add(key, "Không có mục cấu hình \"" + key + "\".");
      continue;
    }
    std::string value = GetField(fields, key.c_str());
    switch (info->kind) {
      case SettingKind::kInteger: {
        std::optional<int> n = ParseInt(value);
        if (!n) {
          errors.Add(key, "Phải là một số nguyên.");
        } else if (*n < info->min || *n > info->max) {
          errors.Add(key, "Phải từ " + std::to_string(info->min) + " đến " + std::to_string(info->max) + ".");
        } else {
          *IntegerOf(s, key) = *n;
        }
        break;
      }
      case SettingKind::kBoolean:
        if (value == "1" || value == "true") {
          s.registration_required = true;
        } else if (value == "0" || value == "false" || value.empty()) {
          s.registration_required = false;
        } else {
          errors.Add(key, "Phải là 0 hoặc 1.");
        }
        break;
      case SettingKind::kText: {
        std::string text = TextField(fields, key.c_str(), errors);
        if (errors.Has(key)) break;
        if (text.empty()) {
          errors.Add(key, "Không được để trống.");
        } else if (text.size() > kMaxNameBytes) {
          errors.Add(key, "Quá dài.");
        } else {
          s.cstdcs_quota_basis = text;
        }
        break;
      }
      case SettingKind::kDisciplineLevel:
        if (!IsKnownDisciplineLevel(value)) {
          errors.Add(key, "Mức kỷ luật không hợp lệ.");
        } else {
          s.ttldtt_member_discipline_level = AsciiLower(value);
        }
        break;
      case SettingKind::kCriteria: {
        std::string text = TextField(fields, key.c_str(), errors);
        if (errors.Has(key)) break;
        bool person = key == "gk_person_criteria";
        Result<std::vector<RuleCondition>> conditions = ParseConditionList(
            std::string(info->label), text, person ? SubjectType::kPerson : SubjectType::kUnit);
        if (!conditions.ok()) {
          errors.Add(key, conditions.status().message());
          break;
        }
        (person ? s.gk_person_criteria : s.gk_unit_criteria) = std::move(*conditions);
        (person ? base.gk_person_criteria : base.gk_unit_criteria) = text;
        break;
      }
    }
  }
  if (!errors.empty()) return errors.Take();
  THIDUA_RETURN_IF_ERROR(ValidateSettings(s));
  return base;
}

}  // namespace thidua::domain
