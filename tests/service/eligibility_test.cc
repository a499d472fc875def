// The eligibility service on SQLite and on PostgreSQL: histories filled from the records, verdicts with
// their conditions and legal basis, scope (404), a year without a rule set (422) and the scan.
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

using testing::MakeTable;

class EligibilityTest : public ::testing::TestWithParam<store::Engine> {
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
  // A collective's members are the people with a membership in the unit itself: A's two people count
  // for A, not for ROOT above it.
  auto facts_of = [&](const domain::Verdicts& v) {
    std::string all;
    for (const auto& c : Find(v, "TTLDTT")->conditions) {
      for (const auto& f : c.facts) all += f + "\n";
    }
    return all;
  };
  EXPECT_NE(facts_of(*unit).find("1/2 thành viên"), std::string::npos) << facts_of(*unit);
  auto root = services_->eligibility.ForUnit(admin_, "ROOT", 2024);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(facts_of(*root).find("/2 thành viên"), std::string::npos) << facts_of(*root);

  auto scan = [&](const Actor& actor, const char* award, std::optional<std::string> unit) {
    service::EligibilityQuery query;
    query.year = 2024;
    query.award = award;
    query.unit = std::move(unit);
    query.full_verdicts = true;
    return services_->eligibility.Eligible(actor, query);
  };
  auto found = scan(admin_, "CSTDCS", std::nullopt);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].code, "P1");
  // Full verdicts on request: every person award, the scanned one eligible.
  ASSERT_TRUE(found->items[0].verdicts);
  EXPECT_EQ(found->items[0].verdicts->code, "P1");
  EXPECT_EQ(Find(*found->items[0].verdicts, "CSTDCS")->eligible, std::optional<bool>(true));
  EXPECT_NE(Find(*found->items[0].verdicts, "BK_TTG"), nullptr);
  auto in_b = scan(admin_, "CSTDCS", std::string("B"));
  ASSERT_TRUE(in_b.ok());
  EXPECT_TRUE(in_b->items.empty());
  auto scoped = scan(officer_b_, "LDTT", std::nullopt);
  ASSERT_TRUE(scoped.ok());
  EXPECT_TRUE(scoped->items.empty());
  EXPECT_EQ(scan(admin_, "XYZ", std::nullopt).status().code(), Code::kInvalidArgument);
}

// The "who qualifies" screen's scan: units C (Y tế) and C1 (no field of its own) under ROOT; P3 and P4
// rated HTT in 2024, P5 moved from B to C on 01/07/2024; all three meet the LDTT standard, as does P1.
class EligibleListTest : public EligibilityTest {
 protected:
  void SetUp() override {
    EligibilityTest::SetUp();
    if (IsSkipped()) return;
    for (domain::RawFields unit : std::vector<domain::RawFields>{
             {{"code", "C"}, {"name", "Sở Y tế tỉnh"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"},
              {"field", "y_te"}},
             {{"code", "C1"}, {"name", "Bệnh viện Đa khoa"}, {"kind", "don_vi_su_nghiep"}, {"parent_code", "C"}}}) {
      ASSERT_TRUE(services_->units.Create(admin_, unit).ok());
    }
    for (auto [code, name, unit] : {std::tuple{"P3", "Nguyễn Văn Bình", "C1"}, std::tuple{"P4", "Trần Thị An", "C"},
                                    std::tuple{"P5", "Lê Văn Cường", "B"}}) {
      ASSERT_TRUE(services_->people
                      .Create(admin_, {{"code", code},
                                       {"full_name", name},
                                       {"gender", "nam"},
                                       {"unit_code", unit},
                                       {"recruited_on", "2010-09-01"}})
                      .ok());
    }
    Import("memberships", {"person_code", "unit_code", "from", "to"},
           {{"P5", "B", "2010-09-01", "2024-06-30"}, {"P5", "C", "2024-07-01", ""}});
    Import("evaluations", {"subject_type", "subject_code", "year", "rating"},
           {{"person", "P3", "2024", "HTT"}, {"person", "P4", "2024", "HTT"}, {"person", "P5", "2024", "HTT"}});
    officer_c_.role = Role::kUnitOfficer;
    officer_c_.username = "syte";
    officer_c_.unit = services_->units.Get(admin_, "C")->unit.id;
  }

  service::EligibilityQuery Query(const std::string& award) {
    service::EligibilityQuery q;
    q.year = 2024;
    q.award = award;
    return q;
  }
  static std::vector<std::string> Codes(const service::EligibilityList& list) {
    std::vector<std::string> out;
    for (const auto& item : list.items) out.push_back(item.code);
    return out;
  }

  Actor officer_c_;
};

TEST_P(EligibleListTest, ListsTheEligibleInVietnameseNameOrderWithUnitFieldAndReasons) {
  auto list = services_->eligibility.Eligible(admin_, Query("LDTT"));
  ASSERT_TRUE(list.ok()) << list.status().message();
  // Given name first: An, Bình, Cường, then "Người P1"; P2 (rated HT) is judged but not eligible.
  EXPECT_EQ(Codes(*list), (std::vector<std::string>{"P4", "P3", "P5", "P1"}));
  EXPECT_EQ(list->total, 4);
  EXPECT_EQ(list->evaluated, 5);
  EXPECT_EQ(list->award, "LDTT");
  EXPECT_EQ(list->subject, domain::SubjectType::kPerson);
  EXPECT_FALSE(list->rule_set.empty());
  const auto& bình = list->items[1];
  EXPECT_EQ(bình.unit_code, "C1");
  EXPECT_EQ(bình.unit_name, "Bệnh viện Đa khoa");
  EXPECT_EQ(bình.field, "y_te");  // C1 has none: C's
  EXPECT_EQ(list->items[2].unit_code, "C");  // P5's last membership of the year
  EXPECT_EQ(bình.verdict.award, "LDTT");
  ASSERT_FALSE(bình.verdict.conditions.empty());
  for (const auto& c : bình.verdict.conditions) {
    EXPECT_TRUE(c.met) << c.text;
    EXPECT_FALSE(c.basis.empty()) << c.text;
  }

  service::EligibilityQuery page = Query("LDTT");
  page.offset = 1;
  page.limit = 2;
  auto window = services_->eligibility.Eligible(admin_, page);
  ASSERT_TRUE(window.ok());
  EXPECT_EQ(Codes(*window), (std::vector<std::string>{"P3", "P5"}));
  EXPECT_EQ(window->total, 4);
}

TEST_P(EligibleListTest, FiltersByUnitSubtreeFieldAndName) {
  service::EligibilityQuery field = Query("LDTT");
  field.field = "y_te";
  auto of_field = services_->eligibility.Eligible(admin_, field);
  ASSERT_TRUE(of_field.ok());
  EXPECT_EQ(Codes(*of_field), (std::vector<std::string>{"P4", "P3", "P5"}));
  EXPECT_EQ(of_field->evaluated, 3);
  service::EligibilityQuery unit = Query("LDTT");
  unit.unit = "C1";
  EXPECT_EQ(Codes(*services_->eligibility.Eligible(admin_, unit)), (std::vector<std::string>{"P3"}));
  service::EligibilityQuery name = Query("LDTT");
  name.q = "binh";
  EXPECT_EQ(Codes(*services_->eligibility.Eligible(admin_, name)), (std::vector<std::string>{"P3"}));
  // A window of the list, with every award's verdict for the API.
  service::EligibilityQuery window = Query("LDTT");
  window.field = "y_te";
  window.offset = 1;
  window.limit = 1;
  window.full_verdicts = true;
  auto page = services_->eligibility.Eligible(admin_, window);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 3);
  ASSERT_EQ(page->items.size(), 1u);
  ASSERT_TRUE(page->items[0].verdicts);
  EXPECT_EQ(page->items[0].verdicts->code, page->items[0].code);

  service::EligibilityQuery bad = Query("LDTT");
  bad.field = "khong_co";
  auto refused = services_->eligibility.Eligible(admin_, bad);
  EXPECT_EQ(refused.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(refused.status().fields().count("field"), 1u);
  EXPECT_EQ(services_->eligibility.Eligible(admin_, Query("XYZ")).status().code(), Code::kInvalidArgument);
  service::EligibilityQuery old = Query("LDTT");
  old.year = 2010;
  EXPECT_EQ(services_->eligibility.Eligible(admin_, old).status().code(), Code::kInvalidArgument);
  service::EligibilityQuery outside = Query("LDTT");
  outside.unit = "A";
  EXPECT_EQ(services_->eligibility.Eligible(officer_c_, outside).status().code(), Code::kNotFound);
}

TEST_P(EligibleListTest, SeveralAwardsAtOnceEqualOneAtATime) {
  std::vector<std::string> awards = {"LDTT", "CSTDCS", "BK_TINH", "CSTD_TINH"};
  auto each = services_->eligibility.EligibleEach(admin_, Query("LDTT"), awards);
  ASSERT_TRUE(each.ok()) << each.status().message();
  ASSERT_EQ(each->size(), awards.size());
  for (size_t i = 0; i < awards.size(); ++i) {
    auto one = services_->eligibility.Eligible(admin_, Query(awards[i]));
    ASSERT_TRUE(one.ok());
    EXPECT_EQ((*each)[i].award, awards[i]);
    EXPECT_EQ((*each)[i].total, one->total) << awards[i];
    EXPECT_EQ((*each)[i].evaluated, one->evaluated) << awards[i];
    EXPECT_EQ(Codes((*each)[i]), Codes(*one)) << awards[i];
  }
  EXPECT_GT((*each)[0].total, 0);
  // One kind of subject per call: a unit-only award among person awards is refused, nothing listed.
  auto mixed = services_->eligibility.EligibleEach(admin_, Query("LDTT"), {"LDTT", "TTLDTT"});
  EXPECT_EQ(mixed.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(mixed.status().fields().count("award"), 1u);
  EXPECT_EQ(services_->eligibility.EligibleEach(admin_, Query("LDTT"), {"LDTT", "XYZ"}).status().code(),
            Code::kInvalidArgument);
}

TEST_P(EligibleListTest, AScopedCallerSeesOnlyPeopleItCanOpen) {
  // P5 was in B until 30/06/2024 and is in C now: listed to C's officer, whose ForPerson opens them; not
  // to B's officer, whose ForPerson would answer 404.
  auto c = services_->eligibility.Eligible(officer_c_, Query("LDTT"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(Codes(*c), (std::vector<std::string>{"P4", "P3", "P5"}));
  EXPECT_EQ(c->evaluated, 3);
  for (const auto& item : c->items) {
    EXPECT_TRUE(services_->eligibility.ForPerson(officer_c_, item.code, 2024).ok()) << item.code;
  }
  auto b = services_->eligibility.Eligible(officer_b_, Query("LDTT"));
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->items.empty());
  EXPECT_EQ(b->evaluated, 0);
  EXPECT_EQ(services_->eligibility.ForPerson(officer_b_, "P5", 2024).status().code(), Code::kNotFound);
}

TEST_P(EligibleListTest, AUnitAwardScansTheUnitsOfTheScope) {
  service::EligibilityQuery q = Query("TTLDTT");
  q.subject = domain::SubjectType::kPerson;  // ignored: TTLDTT is for units only
  auto list = services_->eligibility.Eligible(officer_c_, q);
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ(list->subject, domain::SubjectType::kUnit);
  EXPECT_EQ(list->evaluated, 2);  // C and C1
  service::EligibilityQuery gk = Query("GK");
  gk.subject = domain::SubjectType::kUnit;
  auto units = services_->eligibility.Eligible(admin_, gk);
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(units->subject, domain::SubjectType::kUnit);
  EXPECT_EQ(units->evaluated, 5);  // ROOT, A, B, C, C1
}

INSTANTIATE_TEST_SUITE_P(Engines, EligibilityTest, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         testing::EngineParamName);
INSTANTIATE_TEST_SUITE_P(Engines, EligibleListTest,
                         ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         testing::EngineParamName);

}  // namespace
}  // namespace thidua
