// The foundation's use cases end to end through the services, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "base/crypto.h"
#include "domain/text.h"
#include "service/services.h"
#include "store/person_repo.h"
#include "test_db.h"
#include "test_services.h"

namespace thidua {
namespace {

using service::Actor;
using service::Role;

// 2026-11-27 10:00 in Hà Nội.
constexpr int64_t kNow = 1795748400000;

class FoundationTest : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    if (!testing::EngineAvailable(GetParam())) GTEST_SKIP() << "no PostgreSQL server (set THIDUA_TEST_PG_URL)";
    test_db_ = testing::TestDb::Create(GetParam());
    if (!test_db_) return;
    services_ = testing::MakeServices(test_db_->db(), clock_);
    Seed();
  }
  bool Ready() const { return services_ != nullptr; }

  void Seed() {
    for (domain::RawFields unit : std::vector<domain::RawFields>{
             {{"code", "ROOT"}, {"name", "UBND tỉnh Thanh Lâm"}, {"kind", "ubnd_tinh"}},
             {{"code", "A"}, {"name", "Sở Giáo dục và Đào tạo"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"}},
             {{"code", "A1"}, {"name", "Trường THPT Lê Lợi"}, {"kind", "don_vi_su_nghiep"}, {"parent_code", "A"}},
             {{"code", "B"}, {"name", "Sở Y tế"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"}}}) {
      ASSERT_TRUE(services_->units.Create(admin_, unit).ok());
    }
    ASSERT_TRUE(services_->people.Create(admin_, Person("P1", "Đặng Văn Đức", "A1")).ok());
    ASSERT_TRUE(services_->people.Create(admin_, Person("P2", "Nguyễn Thị Ánh", "B")).ok());
    ASSERT_TRUE(services_->people.Create(admin_, Person("P3", "Trần Văn An", "A")).ok());
    officer_.role = Role::kUnitOfficer;
    officer_.username = "donvi";
    auto unit_a = services_->units.Get(admin_, "A");
    ASSERT_TRUE(unit_a.ok());
    officer_.unit = unit_a->unit.id;
  }

  static domain::RawFields Person(const std::string& code, const std::string& name, const std::string& unit) {
    return {{"code", code}, {"full_name", name}, {"gender", "nam"}, {"birth_date", "1985-04-12"},
            {"unit_code", unit}, {"position", "Giáo viên"}, {"recruited_on", "2010-09-01"}};
  }

  std::vector<std::string> PeopleCodes(const Actor& actor, const std::string& q, const std::string& sort = "") {
    service::ListRequest request;
    request.q = q;
    request.sort = sort;
    auto page = services_->people.List(actor, request);
    EXPECT_TRUE(page.ok()) << page.status().message();
    std::vector<std::string> codes;
    if (page.ok()) {
      for (const auto& p : page->items) codes.push_back(p.code);
    }
    return codes;
  }

  int64_t CountPeople() {
    auto page = services_->people.List(admin_, {});
    return page.ok() ? page->total : -1;
  }

  FakeClock clock_{kNow};
  std::unique_ptr<testing::TestDb> test_db_;
  std::unique_ptr<service::Services> services_;
  Actor admin_ = Actor::System();
  Actor officer_;
};

TEST_P(FoundationTest, AUnitOfficerSeesAndChangesOnlyTheirSubtree) {
  if (!Ready()) return;
  EXPECT_EQ(PeopleCodes(officer_, ""), (std::vector<std::string>{"P3", "P1"}));  // An before Đức
  EXPECT_EQ(services_->people.Get(officer_, "P2").status().code(), Code::kNotFound);
  EXPECT_EQ(services_->people.Update(officer_, "P2", {{"position", "x"}}).status().code(), Code::kNotFound);
  EXPECT_EQ(services_->units.Get(officer_, "B").status().code(), Code::kNotFound);
  EXPECT_EQ(services_->units.History(officer_, "B").status().code(), Code::kNotFound);
  auto outside = services_->people.Create(officer_, Person("P9", "Lê Văn Bình", "B"));
  ASSERT_FALSE(outside.ok());
  EXPECT_TRUE(outside.status().fields().count("unit_code"));
  service::ListRequest filtered;
  filtered.within_unit = "B";
  EXPECT_EQ(services_->people.List(officer_, filtered).status().code(), Code::kNotFound);
  auto units = services_->units.List(officer_, {});
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(units->total, 2);
  EXPECT_TRUE(services_->people.Update(officer_, "P1", {{"position", "Tổ trưởng chuyên môn"}}).ok());
  EXPECT_EQ(services_->people.Get(admin_, "P2")->person.position, "Giáo viên");
}

TEST_P(FoundationTest, AMoveUnderItsOwnDescendantIsRefusedAndNothingChanges) {
  if (!Ready()) return;
  auto moved = services_->units.Update(admin_, "A", {{"parent_code", "A1"}});
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(moved.status().fields().count("parent_code"));
  EXPECT_EQ(services_->units.Get(admin_, "A")->unit.parent_code, "ROOT");
}

TEST_P(FoundationTest, DuplicateCodesAreRefused) {
  if (!Ready()) return;
  auto again = services_->people.Create(admin_, Person("P1", "Người Khác", "A"));
  EXPECT_EQ(again.status().code(), Code::kAlreadyExists);
  EXPECT_EQ(CountPeople(), 3);
}

TEST_P(FoundationTest, SearchIgnoresCaseDiacriticsAndTheDStroke) {
  if (!Ready()) return;
  EXPECT_EQ(PeopleCodes(admin_, "dang van duc"), std::vector<std::string>{"P1"});
  EXPECT_EQ(PeopleCodes(admin_, "ĐỨC"), std::vector<std::string>{"P1"});
  EXPECT_EQ(PeopleCodes(admin_, "anh"), std::vector<std::string>{"P2"});
  EXPECT_EQ(PeopleCodes(admin_, "van"), (std::vector<std::string>{"P3", "P1"}));
  // Words side by side come first: "dang van" is a phrase of P1's name only.
  EXPECT_EQ(PeopleCodes(admin_, "dang va"), std::vector<std::string>{"P1"});
  // With no such phrase, every word anywhere: family and given name without the middle name.
  EXPECT_EQ(PeopleCodes(admin_, "tran an"), std::vector<std::string>{"P3"});
  EXPECT_EQ(PeopleCodes(admin_, "van dang"), std::vector<std::string>{"P1"});
  EXPECT_EQ(PeopleCodes(admin_, "p2"), std::vector<std::string>{"P2"});
  EXPECT_TRUE(PeopleCodes(admin_, "khong co ai").empty());
  // Vietnamese order: given names An < Ánh < Đức.
  EXPECT_EQ(PeopleCodes(admin_, ""), (std::vector<std::string>{"P3", "P2", "P1"}));
}

TEST_P(FoundationTest, BothSearchPlansGiveTheSameAnswer) {
  if (!Ready()) return;
  for (int i = 0; i < 30; ++i) {
    std::string code = "Q" + std::to_string(100 + i);
    std::string name = (i % 3 == 0 ? "Nguyễn Văn " : i % 3 == 1 ? "Nguyễn Thị " : "Lê Văn ") + std::string(1, 'A' + i % 26) + "nh";
    ASSERT_TRUE(services_->people.Create(admin_, Person(code, name, "A1")).ok());
  }
  for (std::string q : {"nguyen van", "nguyen", "van", "nguyen anh", "le", "q1", "xyz"}) {
    for (bool desc : {false, true}) {
      store::ListQuery query;
      query.words = domain::SearchWords(domain::SearchKey(q));
      query.desc = desc;
      query.limit = 7;
      query.offset = 3;
      query.today = clock_.Today();
      std::vector<std::string> sorted, walked;
      ASSERT_TRUE(test_db_->db().Read([&](store::Conn& conn) -> Status {
        THIDUA_ASSIGN_OR_RETURN(auto a, store::people::List(conn, query));
        query.index_walk_threshold = 0;
        THIDUA_ASSIGN_OR_RETURN(auto b, store::people::List(conn, query));
        query.index_walk_threshold = 1500;
        EXPECT_EQ(a.total, b.total) << q;
        for (const auto& p : a.items) sorted.push_back(p.code);
        for (const auto& p : b.items) walked.push_back(p.code);
        return Status::Ok();
      }).ok());
      EXPECT_EQ(sorted, walked) << q << (desc ? " desc" : "");
    }
  }
}

TEST_P(FoundationTest, AMembershipEndingBeforeItStartsIsRefused) {
  if (!Ready()) return;
  auto m = services_->people.AddMembership(admin_, {{"person_code", "P1"}, {"unit_code", "B"},
                                                    {"from", "2024-05-01"}, {"to", "2024-01-01"}});
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(m.status().fields().count("to"));
  EXPECT_EQ(services_->people.Get(admin_, "P1")->memberships.size(), 1u);
}

domain::Table PeopleTable(std::vector<std::vector<std::string>> rows) {
  domain::Table table;
  table.header = {"code", "full_name", "gender", "birth_date", "unit_code", "position", "recruited_on"};
  int line = 2;
  for (auto& row : rows) {
    table.rows.push_back(std::move(row));
    table.row_lines.push_back(line++);
  }
  return table;
}

TEST_P(FoundationTest, AnImportIsAllOrNothingAndIdempotent) {
  if (!Ready()) return;
  domain::Table bad = PeopleTable({{"P10", "Võ Thị Hoa", "nu", "1990-01-02", "A1", "Giáo viên", "2015-08-15"},
                                   {"P11", "Hồ Văn Nam", "xyz", "1991-02-03", "A1", "", ""},
                                   {"P12", "Lý Thị Mai", "nu", "1992-03-04", "KHONG_CO", "", ""}});
  auto report = services_->imports.ImportTable(admin_, "people", bad);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->errors.size(), 2u);
  EXPECT_EQ(report->errors[0].line, 3);
  EXPECT_EQ(report->errors[0].column, "gender");
  EXPECT_EQ(report->errors[1].line, 4);
  EXPECT_EQ(report->errors[1].column, "unit_code");
  EXPECT_EQ(CountPeople(), 3);

  domain::Table good = PeopleTable({{"P10", "Võ Thị Hoa", "nu", "02/01/1990", "A1", "Giáo viên", "2015-08-15"},
                                    {"P1", "Đặng Văn Đức", "nam", "1985-04-12", "A1", "Giáo viên", "2010-09-01"}});
  report = services_->imports.ImportTable(admin_, "people", good);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->created, 1);
  EXPECT_EQ(report->unchanged, 1);
  report = services_->imports.ImportTable(admin_, "people", good);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->created, 0);
  EXPECT_EQ(report->unchanged, 2);
  EXPECT_EQ(CountPeople(), 4);
  EXPECT_EQ(services_->people.Get(admin_, "P10")->memberships.size(), 1u);
  EXPECT_EQ(services_->people.Get(admin_, "P1")->memberships.size(), 1u);
}

TEST_P(FoundationTest, AUnitImportRefusesACycleAndAnUnknownParent) {
  if (!Ready()) return;
  domain::Table table;
  table.header = {"code", "name", "parent_code", "kind"};
  table.rows = {{"X", "Đơn vị X", "Y", "phong_ban"}, {"Y", "Đơn vị Y", "X", "phong_ban"},
                {"Z", "Đơn vị Z", "NOWHERE", "phong_ban"}};
  table.row_lines = {2, 3, 4};
  auto report = services_->imports.ImportTable(admin_, "units", table);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->errors.size(), 3u);
  EXPECT_EQ(services_->units.Get(admin_, "X").status().code(), Code::kNotFound);
}

TEST_P(FoundationTest, TamperingWithTheAuditLogIsDetected) {
  if (!Ready()) return;
  auto verified = services_->audit.Verify();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok);
  EXPECT_GE(verified->rows, 7);
  ASSERT_TRUE(test_db_->db().Write([](store::Conn& conn) {
    return conn.Exec("UPDATE audit_log SET actor = 'someone else' WHERE id = 3").status();
  }).ok());
  verified = services_->audit.Verify();
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified->ok);
  EXPECT_EQ(verified->first_bad_id, 3);
}

TEST_P(FoundationTest, DeletingTheLastAuditRowsIsDetected) {
  if (!Ready()) return;
  ASSERT_TRUE(test_db_->db().Write([](store::Conn& conn) {
    return conn.Exec("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)").status();
  }).ok());
  auto verified = services_->audit.Verify();
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified->ok);
}

TEST_P(FoundationTest, SignInIssuesASessionThatLogoutEnds) {
  if (!Ready()) return;
  ASSERT_TRUE(services_->auth.CreateUser(admin_, {"lan", "Lê Thị Lan", "unit_officer", "A", "mat-khau-dai"}).ok());
  auto session = services_->auth.Login("lan", "mat-khau-dai", "127.0.0.1");
  ASSERT_TRUE(session.ok()) << session.status().message();
  EXPECT_EQ(session->actor.unit_code, "A");
  auto again = services_->auth.Authenticate(session->token);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->csrf_token, session->csrf_token);
  ASSERT_TRUE(services_->auth.Logout(session->token).ok());
  EXPECT_EQ(services_->auth.Authenticate(session->token).status().code(), Code::kUnauthenticated);
}

TEST_P(FoundationTest, RepeatedFailedSignInsAreThrottled) {
  if (!Ready()) return;
  ASSERT_TRUE(services_->auth.CreateUser(admin_, {"lan", "Lê Thị Lan", "office", "", "mat-khau-dai"}).ok());
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(services_->auth.Login("lan", "sai", "10.0.0.1").status().code(), Code::kUnauthenticated);
  }
  EXPECT_EQ(services_->auth.Login("lan", "mat-khau-dai", "10.0.0.2").status().code(), Code::kResourceExhausted);
  clock_.Advance(16 * 60 * 1000);
  EXPECT_TRUE(services_->auth.Login("lan", "mat-khau-dai", "10.0.0.2").ok());
}

TEST_P(FoundationTest, ASessionExpires) {
  if (!Ready()) return;
  ASSERT_TRUE(services_->auth.CreateUser(admin_, {"lan", "Lê Thị Lan", "office", "", "mat-khau-dai"}).ok());
  auto session = services_->auth.Login("lan", "mat-khau-dai", "127.0.0.1");
  ASSERT_TRUE(session.ok());
  clock_.Advance(13LL * 3600 * 1000);
  EXPECT_EQ(services_->auth.Authenticate(session->token).status().code(), Code::kUnauthenticated);
}

INSTANTIATE_TEST_SUITE_P(Engines, FoundationTest, ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         testing::EngineParamName);

}  // namespace
}  // namespace thidua
