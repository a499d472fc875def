#include "domain/province_settings.h"

#include <gtest/gtest.h>

namespace thidua::domain {
namespace {

TEST(ProvinceSettings, FieldsRoundTripAndEveryKeyIsDescribed) {
  ProvinceSettings defaults;
  RawFields fields = SettingsToFields(defaults);
  EXPECT_EQ(fields.size(), SettingInfos().size());
  for (const SettingInfo& info : SettingInfos()) {
    EXPECT_TRUE(fields.count(std::string(info.key))) << info.key;
    EXPECT_FALSE(info.label.empty());
    EXPECT_FALSE(info.help.empty());
  }
  Result<ProvinceSettings> same = ApplySettingsFields({}, fields);
  ASSERT_TRUE(same.ok()) << same.status().message();
  EXPECT_EQ(SettingsToFields(*same), fields);
}

TEST(ProvinceSettings, APatchChangesOnlyWhatItNames) {
  Result<ProvinceSettings> s = ApplySettingsFields(
      {}, {{"cstdcs_quota_percent", "20"}, {"ttldtt_member_discipline_level", "KHIEN_TRACH"},
           {"registration_required", "true"}});
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->settings.cstdcs_quota_percent, 20);
  EXPECT_EQ(s->settings.ttldtt_member_discipline_level, "khien_trach");  // stored lower case
  EXPECT_TRUE(s->settings.registration_required);
  EXPECT_EQ(s->settings.ldtt_min_months_served, Settings{}.ldtt_min_months_served);
  EXPECT_EQ(s->settings.cstd_tinh_council_threshold_percent, 90);
}

TEST(ProvinceSettings, BoundsAreInclusiveAndEveryBadFieldIsNamed) {
  for (auto [key, low, high] : {std::tuple{"cstdcs_quota_percent", 0, 100}, std::tuple{"ldtt_min_months_served", 0, 12},
                                std::tuple{"cstd_tinh_council_threshold_percent", 50, 100},
                                std::tuple{"public_disclosure_working_days", 0, 60}}) {
    EXPECT_TRUE(ApplySettingsFields({}, {{key, std::to_string(low)}}).ok()) << key;
    EXPECT_TRUE(ApplySettingsFields({}, {{key, std::to_string(high)}}).ok()) << key;
    EXPECT_FALSE(ApplySettingsFields({}, {{key, std::to_string(low - 1)}}).ok()) << key;
    EXPECT_FALSE(ApplySettingsFields({}, {{key, std::to_string(high + 1)}}).ok()) << key;
  }
  Result<ProvinceSettings> bad = ApplySettingsFields({}, {{"cstdcs_quota_percent", "15%"},
                                                          {"ldtt_min_months_served", " "},
                                                          {"registration_required", "yes"},
                                                          {"cstdcs_quota_basis", ""},
                                                          {"gk_unit_criteria", "[[condition]]\nprimitive = 1"},
                                                          {"ttldtt_member_discipline_level", "nhac_nho"},
                                                          {"quota", "1"}});
  ASSERT_EQ(bad.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(bad.status().fields().size(), 7u) << bad.status().message();
}

TEST(ProvinceSettings, CriteriaAreParsedAndKeptAsWritten) {
  std::string text =
      "[[condition]]\nprimitive = \"rating_at_least\"\nrating = \"HTT\"\n"
      "text = \"Hoàn thành tốt nhiệm vụ năm {year}\"\nbasis = \"Quyết định của UBND tỉnh\"";
  Result<ProvinceSettings> s = ApplySettingsFields({}, {{"gk_person_criteria", text}});
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->settings.gk_person_criteria.size(), 1u);
  EXPECT_EQ(s->settings.gk_person_criteria[0].primitive, Primitive::kRatingAtLeast);
  EXPECT_EQ(s->gk_person_criteria, text);
  EXPECT_EQ(ApplySettingsFields({}, {{"gk_person_criteria", "\n" + text + "\n\n"}})->gk_person_criteria, text);
  // Emptying the criteria hands Giấy khen back to judgement.
  Result<ProvinceSettings> cleared = ApplySettingsFields(*s, {{"gk_person_criteria", ""}});
  ASSERT_TRUE(cleared.ok());
  EXPECT_TRUE(cleared->settings.gk_person_criteria.empty());
  EXPECT_TRUE(cleared->gk_person_criteria.empty());
  // Member conditions make no sense for a person.
  EXPECT_FALSE(ApplySettingsFields({}, {{"gk_person_criteria",
                                         "[[condition]]\nprimitive = \"members_share_at_least\"\npercent = 50\n"
                                         "of = \"ldtt\"\ntext = \"x\"\nbasis = \"y\"\n"}})
                   .ok());
}

}  // namespace
}  // namespace thidua::domain
