// The eligibility service on SQLite and on PostgreSQL: histories filled from the records, verdicts with
// their conditions and legal basis, scope (404), a year without a rule set (422) and the scan.
#include <gtest/gtest.h>

#include "base/crypto.h"
#include "service/services.h"
#include "test_db.h"

namespace thidua {
namespace {

using service::Actor;
using service::Role;

constexpr int64_t kNow = 1795748400000;  // 2026-11-27 10:00 in Hà Nội.

domain::Table MakeTable(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
  domain::Table table;
  table.header = std::move(header);
  int line = 2;
  for (auto& row : rows) {
    table.rows.push_back(std::move(row));
    table.row_lines.push_back(line++);
  }
  return table;
}

class EligibilityTest : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    if (!testing::EngineAvailable(GetParam())) GTEST_SKIP() << "no PostgreSQL server (set THIDUA_TEST_PG_URL)";
    test_db_ = testing::TestDb::Create(GetParam());
    ASSERT_TRUE(test_db_);
    service::AuthOptions auth;
    auth.ops_limit = 1;
    auth.mem_limit = 8192;
    services_ = std::make_unique<service::Services>(service::Context{test_db_->db(), clock_}, auth);
    for (domain::RawFields unit : std::vector<domain::RawFields>{
             {{"code", "ROOT"}, {"name", "UBND tỉnh Thanh Lâm"}, {"kind", "ubnd_tinh"}},
             {{"code", "A"}, {"name", "Sở Giáo dục và Đào tạo"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"}},
             {{"code", "B"}, {"name", "Sở Y tế"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"}}}) {
      ASSERT_TRUE(services_->units.Create(admin_, unit).ok());
    }
    for (auto [code, unit] : {std::pair{"P1", "A"}, std::pair{"P2", "A"}}) {
      ASSERT_TRUE(services_->people
                      .Create(admin_, {{"code", code},
                                       {"full_name", std::string("Người ") + code},
                                       {"gender", "nam"},
                                       {"birth_date", "1985-04-12"},
                                       {"unit_code", unit},
                                       {"recruited_on", "2010-09-01"}})
                      .ok());
    }
    Import("evaluations", {"subject_type", "subject_code", "year", "rating"},
           {{"person", "P1", "2023", "HTXS"}, {"person", "P1", "2024", "HTXS"}, {"person", "P2", "2024", "HT"}});
    Import("initiatives", {"code", "title", "author_codes", "scope", "recognized_on", "recognized_by"},
           {{"SK1", "Sáng kiến số hoá hồ sơ", "P1", "CO_SO", "2024-06-01", "Hội đồng sáng kiến Sở"}});
    Import("awards",
           {"subject_type", "subject_code", "award_code", "year", "method", "decision_no", "decision_date", "issuer",
            "revoked"},
           {{"person", "P1", "LDTT", "2023", "THUONG_XUYEN", "12/QĐ-SGD", "2024-01-15", "Sở Giáo dục", "0"}});
    officer_b_.role = Role::kUnitOfficer;
    officer_b_.username = "yte";
    officer_b_.unit = services_->units.Get(admin_, "B")->unit.id;
  }

  void Import(const std::string& kind, std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
    auto report = services_->imports.ImportTable(admin_, kind, MakeTable(std::move(header), std::move(rows)));
    ASSERT_TRUE(report.ok()) << report.status().message();
    ASSERT_TRUE(report->ok()) << kind;
  }

  static const domain::AwardVerdict* Find(const domain::Verdicts& v, const std::string& award) {
    for (const auto& r : v.results)
      if (r.award == award) return &r;
    return nullptr;
  }

  FakeClock clock_{kNow};
  std::unique_ptr<testing::TestDb> test_db_;
  std::unique_ptr<service::Services> services_;
  Actor admin_ = Actor::System();
  Actor officer_b_;
};

TEST_P(EligibilityTest, PersonVerdictsCarryConditionsAndBasis) {
  auto v = services_->eligibility.ForPerson(admin_, "P1", 2024);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->subject_type, "person");
  EXPECT_EQ(v->code, "P1");
  EXPECT_EQ(v->name, "Người P1");
  EXPECT_EQ(v->year, 2024);
  EXPECT_FALSE(v->rule_set.empty());
  const auto* ldtt = Find(*v, "LDTT");
  const auto* cstdcs = Find(*v, "CSTDCS");
  const auto* tinh = Find(*v, "CSTD_TINH");
  ASSERT_TRUE(ldtt && cstdcs && tinh);
  EXPECT_EQ(ldtt->eligible, std::optional<bool>(true));
  EXPECT_EQ(cstdcs->eligible, std::optional<bool>(true));
  EXPECT_EQ(tinh->eligible, std::optional<bool>(false));
  for (const auto* r : {ldtt, cstdcs}) {
    ASSERT_FALSE(r->conditions.empty());
    for (const auto& c : r->conditions) {
      EXPECT_TRUE(c.met) << r->award << ": " << c.text;
      EXPECT_FALSE(c.basis.empty()) << c.text;
    }
  }
  bool some_unmet = false;
  for (const auto& c : tinh->conditions) some_unmet |= !c.met;
  EXPECT_TRUE(some_unmet);

  // P2 rated HT only: not LDTT.
  auto p2 = services_->eligibility.ForPerson(admin_, "P2", 2024);
  ASSERT_TRUE(p2.ok());
  EXPECT_EQ(Find(*p2, "LDTT")->eligible, std::optional<bool>(false));

  std::string json = service::VerdictsJson(*v);
  EXPECT_EQ(json.rfind("{\"subject\":{\"type\":\"person\",\"code\":\"P1\"", 0), 0u) << json;
  EXPECT_NE(json.find("\"eligible\":true"), std::string::npos);
}

TEST_P(EligibilityTest, OutOfScopeIsNotFoundAndYearWithoutRulesIsInvalid) {
  auto hidden = services_->eligibility.ForPerson(officer_b_, "P1", 2024);
  EXPECT_EQ(hidden.status().code(), Code::kNotFound);
  auto unit = services_->eligibility.ForUnit(officer_b_, "A", 2024);
  EXPECT_EQ(unit.status().code(), Code::kNotFound);
  auto old = services_->eligibility.ForPerson(admin_, "P1", 2010);
  EXPECT_EQ(old.status().code(), Code::kInvalidArgument);
  EXPECT_NE(old.status().message().find("Chưa có bộ quy tắc cho năm 2010"), std::string::npos);
  auto missing = services_->eligibility.ForPerson(admin_, "NOPE", 2024);
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
}

TEST_P(EligibilityTest, UnitVerdictsAndScan) {
  auto unit = services_->eligibility.ForUnit(admin_, "A", 2024);
  ASSERT_TRUE(unit.ok()) << unit.status().message();
  EXPECT_EQ(unit->subject_type, "unit");
  EXPECT_FALSE(unit->results.empty());

  auto found = services_->eligibility.Scan(admin_, 2024, "CSTDCS", std::nullopt);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].code, "P1");
  auto in_b = services_->eligibility.Scan(admin_, 2024, "CSTDCS", std::string("B"));
  ASSERT_TRUE(in_b.ok());
  EXPECT_TRUE(in_b->empty());
  auto scoped = services_->eligibility.Scan(officer_b_, 2024, "LDTT", std::nullopt);
  ASSERT_TRUE(scoped.ok());
  EXPECT_TRUE(scoped->empty());
  EXPECT_EQ(services_->eligibility.Scan(admin_, 2024, "XYZ", std::nullopt).status().code(), Code::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Engines, EligibilityTest, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         testing::EngineParamName);

}  // namespace
}  // namespace thidua
