// The province's settings and the CSTDCS quota, on SQLite and on PostgreSQL: defaults, who may read and
// change them, validation that writes nothing, the audit row, and that verdicts and the quota follow
// what the province stored.
#include <gtest/gtest.h>

#include "base/crypto.h"
#include "service/services.h"
#include "test_db.h"
#include "test_services.h"

namespace thidua {
namespace {

using service::Actor;
using service::Role;

constexpr int64_t kNow = 1795748400000;  // 2026-11-27 10:00 in Hà Nội.

class SettingsTest : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    if (!testing::EngineAvailable(GetParam())) GTEST_SKIP() << "no PostgreSQL server (set THIDUA_TEST_PG_URL)";
    test_db_ = testing::TestDb::Create(GetParam());
    ASSERT_TRUE(test_db_);
    services_ = testing::MakeServices(test_db_->db(), clock_);
    for (domain::RawFields unit : std::vector<domain::RawFields>{
             {{"code", "ROOT"}, {"name", "UBND tỉnh Thanh Lâm"}, {"kind", "ubnd_tinh"}},
             {{"code", "A"}, {"name", "Sở Giáo dục và Đào tạo"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"}},
             {{"code", "A1"}, {"name", "Trường THPT Thanh Lâm"}, {"kind", "don_vi_su_nghiep"}, {"parent_code", "A"}},
             {{"code", "B"}, {"name", "Sở Y tế"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"}}}) {
      ASSERT_TRUE(services_->units.Create(admin_, unit).ok());
    }
    // Eight people of A's subtree in 2024, all rated at least HTT; one (P1) HTXS with a CSTDCS award.
    // N1 was recruited on 01/08/2024: five months before the year's end.
    std::vector<std::vector<std::string>> ratings;
    for (int i = 1; i <= 8; ++i) {
      std::string code = "P" + std::to_string(i);
      AddPerson(code, i % 2 ? "A" : "A1", "2010-09-01");
      ratings.push_back({"person", code, "2024", i == 1 ? "HTXS" : "HTT"});
    }
    AddPerson("N1", "A", "2024-08-01");
    ratings.push_back({"person", "N1", "2024", "HTT"});
    AddPerson("Q1", "B", "2010-09-01");
    ratings.push_back({"person", "Q1", "2024", "HTXS"});
    Import("evaluations", {"subject_type", "subject_code", "year", "rating"}, ratings);
    Import("awards",
           {"subject_type", "subject_code", "award_code", "year", "method", "decision_no", "decision_date", "issuer",
            "revoked"},
           {{"person", "P1", "CSTDCS", "2024", "THUONG_XUYEN", "3/QĐ-SGD", "2025-01-10", "Sở Giáo dục", "0"},
            {"person", "Q1", "CSTDCS", "2024", "THUONG_XUYEN", "4/QĐ-SYT", "2025-01-10", "Sở Y tế", "0"}});
    office_.role = Role::kOffice;
    office_.username = "vanphong";
    lead_.role = Role::kOfficeLead;
    lead_.username = "lanhdao";
    editor_.role = Role::kEditor;
    editor_.username = "bientap";
    officer_b_.role = Role::kUnitOfficer;
    officer_b_.username = "yte";
    officer_b_.unit = services_->units.Get(admin_, "B")->unit.id;
  }

  void AddPerson(const std::string& code, const std::string& unit, const std::string& recruited) {
    ASSERT_TRUE(services_->people
                    .Create(admin_, {{"code", code},
                                     {"full_name", "Người " + code},
                                     {"gender", "nu"},
                                     {"unit_code", unit},
                                     {"recruited_on", recruited}})
                    .ok());
  }

  void Import(const std::string& kind, std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
    auto report =
        services_->imports.ImportTable(admin_, kind, testing::MakeTable(std::move(header), std::move(rows)));
    ASSERT_TRUE(report.ok()) << report.status().message();
    ASSERT_TRUE(report->ok()) << kind;
  }

  std::optional<bool> Eligible(const std::string& person, const std::string& award, int year) {
    auto v = services_->eligibility.ForPerson(admin_, person, year);
    EXPECT_TRUE(v.ok()) << v.status().message();
    if (!v.ok()) return std::nullopt;
    for (const auto& r : v->results) {
      if (r.award == award) return r.eligible;
    }
    ADD_FAILURE() << award << " missing";
    return std::nullopt;
  }

  size_t AuditRows() {
    auto trail = services_->audit.Trail(admin_, "settings", "province");
    EXPECT_TRUE(trail.ok());
    return trail.ok() ? trail->size() : 0;
  }

  FakeClock clock_{kNow};
  std::unique_ptr<testing::TestDb> test_db_;
  std::unique_ptr<service::Services> services_;
  Actor admin_ = Actor::System();
  Actor office_, lead_, editor_, officer_b_;
};

TEST_P(SettingsTest, DefaultsUntilTheProvinceChangesThem) {
  auto s = services_->settings.Get(officer_b_);
  ASSERT_TRUE(s.ok()) << s.status().message();
  domain::Settings defaults;
  EXPECT_EQ(s->settings.cstdcs_quota_percent, defaults.cstdcs_quota_percent);
  EXPECT_EQ(s->settings.ldtt_min_months_served, defaults.ldtt_min_months_served);
  EXPECT_EQ(s->settings.ttldtt_member_discipline_level, "canh_cao");
  EXPECT_TRUE(s->gk_person_criteria.empty());
  EXPECT_EQ(services_->settings.Get(editor_).status().code(), Code::kPermissionDenied);
}

TEST_P(SettingsTest, AdminAndOfficeLeadChangeThemWithAnAuditRow) {
  auto updated = services_->settings.Update(lead_, {{"cstdcs_quota_percent", "20"}, {"registration_required", "1"}});
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(updated->settings.cstdcs_quota_percent, 20);
  auto again = services_->settings.Get(office_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->settings.cstdcs_quota_percent, 20);
  EXPECT_TRUE(again->settings.registration_required);
  EXPECT_EQ(again->settings.ldtt_min_months_served, 6);  // untouched keys keep their value
  EXPECT_EQ(AuditRows(), 1u);
  // Writing the same values again changes nothing and logs nothing.
  ASSERT_TRUE(services_->settings.Update(admin_, {{"cstdcs_quota_percent", "20"}}).ok());
  EXPECT_EQ(AuditRows(), 1u);
  // Nobody else may.
  for (const Actor* actor : {&office_, &officer_b_, &editor_}) {
    EXPECT_EQ(services_->settings.Update(*actor, {{"cstdcs_quota_percent", "50"}}).status().code(),
              Code::kPermissionDenied);
  }
  EXPECT_EQ(services_->settings.Get(admin_)->settings.cstdcs_quota_percent, 20);
}

TEST_P(SettingsTest, BadValuesAreAllReportedAndNothingIsWritten) {
  auto bad = services_->settings.Update(admin_, {{"cstdcs_quota_percent", "101"},
                                                 {"ldtt_min_months_served", "sáu"},
                                                 {"ttldtt_member_discipline_level", "phat_tien"},
                                                 {"registration_required", "có"},
                                                 {"gk_person_criteria", "[[condition]]\nprimitive = \"nope\""},
                                                 {"public_disclosure_working_days", "10"},
                                                 {"bonus", "1"}});
  ASSERT_EQ(bad.status().code(), Code::kInvalidArgument);
  for (const char* field : {"cstdcs_quota_percent", "ldtt_min_months_served", "ttldtt_member_discipline_level",
                            "registration_required", "gk_person_criteria", "bonus"}) {
    EXPECT_TRUE(bad.status().fields().count(field)) << field;
  }
  EXPECT_FALSE(bad.status().fields().count("public_disclosure_working_days"));
  EXPECT_EQ(AuditRows(), 0u);
  auto s = services_->settings.Get(admin_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->settings.public_disclosure_working_days, domain::Settings{}.public_disclosure_working_days);
}

TEST_P(SettingsTest, VerdictsFollowTheStoredSettings) {
  // Recruited five months before the year's end: not LDTT under the default of six months …
  EXPECT_EQ(Eligible("N1", "LDTT", 2024), std::optional<bool>(false));
  // … and LDTT once the province asks for four.
  ASSERT_TRUE(services_->settings.Update(admin_, {{"ldtt_min_months_served", "4"}}).ok());
  EXPECT_EQ(Eligible("N1", "LDTT", 2024), std::optional<bool>(true));

  // Giấy khen rests on judgement until the province writes its criteria.
  EXPECT_EQ(Eligible("P2", "GK", 2024), std::nullopt);
  ASSERT_TRUE(services_->settings
                  .Update(admin_, {{"gk_person_criteria",
                                    "[[condition]]\nprimitive = \"rating_at_least\"\nrating = \"HTXS\"\n"
                                    "text = \"Hoàn thành xuất sắc nhiệm vụ năm {year}\"\n"
                                    "basis = \"Quyết định của UBND tỉnh về tiêu chuẩn Giấy khen\"\n"}})
                  .ok());
  EXPECT_EQ(Eligible("P1", "GK", 2024), std::optional<bool>(true));
  EXPECT_EQ(Eligible("P2", "GK", 2024), std::optional<bool>(false));
  auto s = services_->settings.Get(admin_);
  ASSERT_TRUE(s.ok());
  EXPECT_NE(s->gk_person_criteria.find("rating_at_least"), std::string::npos);  // kept as written
}

TEST_P(SettingsTest, QuotaCountsTheSubtreeAgainstTheSetting) {
  auto q = services_->eligibility.Quota(office_, "A", 2024);
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(q->unit_code, "A");
  EXPECT_EQ(q->members, 9);  // P1–P8 in A and A1, and N1
  EXPECT_EQ(q->ldtt, 8);     // N1 served too short
  EXPECT_EQ(q->cstdcs_eligible, 1);
  EXPECT_EQ(q->cstdcs_awarded, 1);  // Q1's award is Sở Y tế's
  EXPECT_EQ(q->quota_percent, 15);
  EXPECT_EQ(q->check.allowed, 1);  // ⌊8 × 15%⌋
  EXPECT_TRUE(q->check.within);
  EXPECT_FALSE(q->check.basis.empty());

  ASSERT_TRUE(services_->settings.Update(admin_, {{"cstdcs_quota_percent", "10"}}).ok());
  q = services_->eligibility.Quota(office_, "A", 2024);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->check.allowed, 0);
  EXPECT_FALSE(q->check.within);
  EXPECT_NE(q->check.text.find("vượt 1"), std::string::npos) << q->check.text;

  auto sub = services_->eligibility.Quota(office_, "A1", 2024);
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(sub->members, 4);  // P2, P4, P6, P8
  EXPECT_EQ(sub->cstdcs_awarded, 0);

  EXPECT_EQ(services_->eligibility.Quota(officer_b_, "A", 2024).status().code(), Code::kNotFound);
  EXPECT_EQ(services_->eligibility.Quota(office_, "KHONG_CO", 2024).status().code(), Code::kNotFound);
  EXPECT_TRUE(services_->eligibility.Quota(officer_b_, "B", 2024).ok());
  EXPECT_EQ(services_->eligibility.Quota(office_, "A", 1999).status().code(), Code::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Engines, SettingsTest, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         testing::EngineParamName);

}  // namespace
}  // namespace thidua
