// Records — evaluations, initiatives, disciplines, awards and the award catalogue — through the
// services, on SQLite and on PostgreSQL: scope, bad input (nothing written), duplicates, attribution
// to the unit of the decision date, revocation, and imports (all or nothing, idempotent).
#include <gtest/gtest.h>

#include "base/crypto.h"
#include "service/services.h"
#include "store/history_repo.h"
#include "test_db.h"
#include "test_services.h"

namespace thidua {
namespace {

using service::Actor;
using service::Role;

// 2026-11-27 10:00 in Hà Nội.
constexpr int64_t kNow = 1795748400000;

using testing::MakeTable;

const std::vector<std::string> kAwardColumns = {"subject_type",  "subject_code", "award_code",
                                                "year",          "method",       "decision_no",
                                                "decision_date", "issuer",       "revoked"};

class RecordsTest : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    if (!testing::EngineAvailable(GetParam()))
      GTEST_SKIP() << "no PostgreSQL server (set THIDUA_TEST_PG_URL)";
    test_db_ = testing::TestDb::Create(GetParam());
    if (!test_db_) return;
    services_ = testing::MakeServices(test_db_->db(), clock_);
    Seed();
  }
  bool Ready() const { return services_ != nullptr && !HasFatalFailure(); }

  void Seed() {
    for (domain::RawFields unit : std::vector<domain::RawFields>{
             {{"code", "ROOT"}, {"name", "UBND tỉnh Thanh Lâm"}, {"kind", "ubnd_tinh"}},
             {{"code", "A"},
              {"name", "Sở Giáo dục và Đào tạo"},
              {"kind", "so_ban_nganh"},
              {"parent_code", "ROOT"}},
             {{"code", "A1"},
              {"name", "Trường THPT Lê Lợi"},
              {"kind", "don_vi_su_nghiep"},
              {"parent_code", "A"}},
             {{"code", "B"}, {"name", "Sở Y tế"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"}},
             {{"code", "OLD"},
              {"name", "Phòng Giáo dục huyện cũ"},
              {"kind", "phong_ban"},
              {"parent_code", "A"},
              {"valid_to", "2025-06-30"}}}) {
      ASSERT_TRUE(services_->units.Create(admin_, unit).ok());
    }
    for (auto [code, name, unit] :
         {std::tuple{"P1", "Đặng Văn Đức", "A1"}, std::tuple{"P2", "Nguyễn Thị Ánh", "B"},
          std::tuple{"P3", "Trần Văn An", "A"}, std::tuple{"P4", "Lê Thị Hoa", "B"}}) {
      ASSERT_TRUE(services_->people
                      .Create(admin_, {{"code", code},
                                       {"full_name", name},
                                       {"gender", "nam"},
                                       {"birth_date", "1985-04-12"},
                                       {"unit_code", unit},
                                       {"recruited_on", "2010-09-01"}})
                      .ok());
    }
    // P4 worked at B until the end of 2022, then moved to A1.
    auto moved = services_->imports.ImportTable(
        admin_, "memberships",
        MakeTable({"person_code", "unit_code", "from", "to"},
                  {{"P4", "B", "2010-09-01", "2022-12-31"}, {"P4", "A1", "2023-01-01", ""}}));
    ASSERT_TRUE(moved.ok() && moved->ok());
    officer_.role = Role::kUnitOfficer;
    officer_.username = "donvi";
    officer_.unit = services_->units.Get(admin_, "A")->unit.id;
    office_.role = Role::kOffice;
    office_.username = "vanphong";
  }

  static domain::RawFields Award(const std::string& subject, const std::string& code, const std::string& year,
                                 const std::string& decided) {
    return {{"subject_type", "person"}, {"subject_code", subject},
            {"award_code", code},       {"year", year},
            {"method", "THUONG_XUYEN"}, {"decision_no", "15/QĐ-UBND"},
            {"decision_date", decided}, {"issuer", "UBND tỉnh Thanh Lâm"}};
  }

  // Rows written so far: every write appends one audit row.
  int64_t AuditRows() {
    auto page = services_->audit.Recent(admin_, 1, 0);
    return page.ok() ? page->total : -1;
  }
  int64_t Total(const char* kind) {
    service::RecordListRequest all;
    std::string k = kind;
    if (k == "awards") return services_->records.ListAwards(admin_, all)->total;
    if (k == "evaluations") return services_->records.ListEvaluations(admin_, all)->total;
    if (k == "initiatives") return services_->records.ListInitiatives(admin_, all)->total;
    return services_->records.ListDisciplines(admin_, all)->total;
  }

  FakeClock clock_{kNow};
  std::unique_ptr<testing::TestDb> test_db_;
  std::unique_ptr<service::Services> services_;
  Actor admin_ = Actor::System();
  Actor officer_;
  Actor office_;
};

TEST_P(RecordsTest, TheCatalogueHoldsEveryCodeOfDomainMdAndTheAdministratorMayAddOne) {
  if (!Ready()) return;
  auto types = services_->records.AwardTypes(officer_);
  ASSERT_TRUE(types.ok());
  std::vector<std::string> codes;
  for (const auto& t : *types) codes.push_back(t.code);
  EXPECT_EQ(codes,
            (std::vector<std::string>{"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "TTLDXS", "CO_TINH",
                                      "CO_CP", "GK", "BK_TINH", "BK_TTG", "HCLD3", "HCLD2", "HCLD1"}));
  EXPECT_EQ(types->at(2).period_years, 3);
  EXPECT_TRUE(types->at(8).Allows("household"));

  domain::RawFields knc = {
      {"code", "KNC"}, {"name", "Kỷ niệm chương Vì sự nghiệp thi đua"}, {"subjects", "person"}};
  EXPECT_EQ(services_->records.AddAwardType(office_, knc).status().code(), Code::kPermissionDenied);
  auto added = services_->records.AddAwardType(admin_, knc);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added->sort_order, 150);
  EXPECT_EQ(services_->records.AddAwardType(admin_, knc).status().code(), Code::kAlreadyExists);
  EXPECT_TRUE(services_->records.CreateAward(office_, Award("P1", "KNC", "2025", "2025-12-01")).ok());
}

TEST_P(RecordsTest, AUnitOfficerRecordsAndSeesOnlyTheirSubtree) {
  if (!Ready()) return;
  auto mine = services_->records.RecordEvaluation(
      officer_, {{"subject_type", "person"}, {"subject_code", "P1"}, {"year", "2025"}, {"rating", "HTXS"}});
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  EXPECT_TRUE(mine->created);
  auto theirs = services_->records.RecordEvaluation(
      officer_, {{"subject_type", "person"}, {"subject_code", "P2"}, {"year", "2025"}, {"rating", "HTXS"}});
  ASSERT_FALSE(theirs.ok());
  EXPECT_EQ(theirs.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(theirs.status().fields().at("subject_code"),
            "Không tìm thấy cá nhân \"P2\" trong phạm vi của bạn.");
  EXPECT_FALSE(services_->records
                   .RecordEvaluation(
                       officer_,
                       {{"subject_type", "unit"}, {"subject_code", "B"}, {"year", "2025"}, {"rating", "HTT"}})
                   .ok());

  auto award_b = services_->records.CreateAward(office_, Award("P2", "LDTT", "2025", "2025-12-20"));
  ASSERT_TRUE(award_b.ok()) << award_b.status().message();
  EXPECT_EQ(services_->records.GetAward(officer_, award_b->id).status().code(), Code::kNotFound);
  EXPECT_EQ(services_->records.AwardsOf(officer_, "P2").status().code(), Code::kNotFound);
  EXPECT_EQ(services_->records.PersonHistory(officer_, "P2").status().code(), Code::kNotFound);
  EXPECT_EQ(services_->records.UpdateAward(officer_, award_b->id, {{"signer", "x"}}).status().code(),
            Code::kNotFound);
  ASSERT_TRUE(services_->records.CreateAward(officer_, Award("P1", "LDTT", "2025", "2025-12-20")).ok());
  auto seen = services_->records.ListAwards(officer_, {});
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->total, 1);
  EXPECT_EQ(seen->items[0].subject_code, "P1");
  EXPECT_EQ(services_->records.ListAwards(office_, {})->total, 2);
  auto initiative = services_->records.CreateInitiative(officer_, {{"code", "SK1"},
                                                                   {"title", "Sáng kiến"},
                                                                   {"author_codes", "P1;P2"},
                                                                   {"scope", "CO_SO"},
                                                                   {"recognized_on", "2025-05-01"}});
  ASSERT_FALSE(initiative.ok());
  EXPECT_EQ(initiative.status().fields().at("author_codes"),
            "Không tìm thấy tác giả trong phạm vi của bạn: P2.");
  service::Actor council;
  council.role = Role::kCouncil;
  EXPECT_EQ(
      services_->records.CreateAward(council, Award("P1", "CSTDCS", "2025", "2025-12-20")).status().code(),
      Code::kPermissionDenied);
}

// Issue 3, "Bad input": each refused with a field error, and nothing written.
TEST_P(RecordsTest, BadInputIsRefusedWithAFieldErrorAndNothingIsWritten) {
  if (!Ready()) return;
  int64_t audit = AuditRows();
  auto field_of = [](const Status& status) {
    return status.fields().empty() ? std::string("(none: ") + status.message() + ")"
                                   : status.fields().begin()->first;
  };
  EXPECT_EQ(
      field_of(
          services_->records.CreateAward(office_, Award("P1", "KHONG_CO", "2025", "2025-12-01")).status()),
      "award_code");
  EXPECT_EQ(field_of(services_->records
                         .RecordEvaluation(office_, {{"subject_type", "person"},
                                                     {"subject_code", "P1"},
                                                     {"year", "2025"},
                                                     {"rating", "GIOI"}})
                         .status()),
            "rating");
  EXPECT_EQ(field_of(services_->records
                         .RecordEvaluation(office_, {{"subject_type", "person"},
                                                     {"subject_code", "P1"},
                                                     {"year", "2030"},
                                                     {"rating", "HTT"}})
                         .status()),
            "year");
  EXPECT_EQ(
      field_of(services_->records.CreateAward(office_, Award("P1", "LDTT", "1900", "2025-12-01")).status()),
      "year");
  EXPECT_EQ(field_of(services_->records
                         .CreateInitiative(office_, {{"code", "SK9"},
                                                     {"title", "Sổ tay điện tử"},
                                                     {"author_codes", "P1;P99"},
                                                     {"scope", "TINH"},
                                                     {"recognized_on", "2025-05-01"}})
                         .status()),
            "author_codes");
  EXPECT_EQ(
      field_of(services_->records.CreateAward(office_, Award("P1", "LDTT", "2025", "2024-12-31")).status()),
      "decision_date");
  EXPECT_EQ(field_of(services_->records
                         .CreateDiscipline(office_, {{"person_code", "P1"},
                                                     {"level", "CANH_CAO"},
                                                     {"from", "2025-05-01"},
                                                     {"to", "2025-01-01"}})
                         .status()),
            "to");
  EXPECT_EQ(
      field_of(services_->records.CreateAward(office_, Award("P404", "LDTT", "2025", "2025-12-01")).status()),
      "subject_code");
  domain::RawFields to_old_unit = Award("OLD", "TTLDTT", "2025", "2025-12-01");
  to_old_unit["subject_type"] = "unit";
  EXPECT_EQ(field_of(services_->records.CreateAward(office_, to_old_unit).status()), "subject_code");
  EXPECT_EQ(AuditRows(), audit);
  EXPECT_EQ(Total("awards") + Total("evaluations") + Total("initiatives") + Total("disciplines"), 0);
}

TEST_P(RecordsTest, ASecondAwardForTheSameSubjectAwardAndYearIsAConflict) {
  if (!Ready()) return;
  ASSERT_TRUE(services_->records.CreateAward(office_, Award("P1", "LDTT", "2024", "2025-01-10")).ok());
  int64_t audit = AuditRows();
  auto again = services_->records.CreateAward(office_, Award("P1", "LDTT", "2024", "2025-02-10"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Code::kAlreadyExists);
  EXPECT_TRUE(again.status().fields().count("award_code"));
  EXPECT_EQ(AuditRows(), audit);
  EXPECT_EQ(Total("awards"), 1);
  EXPECT_TRUE(services_->records.CreateAward(office_, Award("P1", "LDTT", "2025", "2026-01-10")).ok());
  domain::RawFields unit_award = Award("A1", "TTLDTT", "2024", "2025-01-10");
  unit_award["subject_type"] = "unit";
  ASSERT_TRUE(services_->records.CreateAward(office_, unit_award).ok());
  EXPECT_EQ(services_->records.CreateAward(office_, unit_award).status().code(), Code::kAlreadyExists);
}

TEST_P(RecordsTest, AnAwardIsAttributedToTheUnitOfTheDecisionDateUnderItsNameThen) {
  if (!Ready()) return;
  auto at_b = services_->records.CreateAward(office_, Award("P4", "LDTT", "2021", "2022-01-15"));
  auto at_a1 = services_->records.CreateAward(office_, Award("P4", "CSTDCS", "2023", "2024-01-15"));
  ASSERT_TRUE(at_b.ok() && at_a1.ok());
  EXPECT_EQ(at_b->unit_code, "B");
  EXPECT_EQ(at_b->unit_name, "Sở Y tế");
  EXPECT_EQ(at_a1->unit_code, "A1");
  ASSERT_TRUE(services_->units.Update(admin_, "B", {{"name", "Sở Y tế tỉnh Thanh Lâm"}}).ok());
  EXPECT_EQ(services_->records.GetAward(office_, at_b->id)->unit_name, "Sở Y tế");
  // B's page lists it among the awards of its people; the officer of A sees it through P4, who is theirs now.
  auto b = services_->records.UnitHistory(office_, "B");
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->member_awards.size(), 1u);
  EXPECT_EQ(b->member_awards[0].id, at_b->id);
  EXPECT_TRUE(services_->records.GetAward(officer_, at_b->id).ok());
  // A later correction of the decision date moves the attribution with it.
  auto moved = services_->records.UpdateAward(office_, at_b->id, {{"decision_date", "2023-03-01"}});
  ASSERT_TRUE(moved.ok()) << moved.status().message();
  EXPECT_EQ(moved->unit_code, "A1");
}

TEST_P(RecordsTest, OnlyTheOfficeRevokesWithAReasonAndTheAwardIsMarkedNotRemoved) {
  if (!Ready()) return;
  auto award = services_->records.CreateAward(officer_, Award("P1", "CSTDCS", "2024", "2025-01-10"));
  ASSERT_TRUE(award.ok());
  EXPECT_EQ(services_->records.RevokeAward(officer_, award->id, "Khai man").status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(services_->records.RevokeAward(admin_, award->id, "Khai man").status().code(),
            Code::kPermissionDenied);
  auto no_reason = services_->records.RevokeAward(office_, award->id, "  ");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_TRUE(no_reason.status().fields().count("revoke_reason"));
  EXPECT_EQ(services_->records.UpdateAward(officer_, award->id, {{"revoked", "1"}, {"revoke_reason", "x"}})
                .status()
                .code(),
            Code::kPermissionDenied);
  auto revoked =
      services_->records.RevokeAward(office_, award->id, "Khai man thành tích (Điều 94 Luật TĐKT)");
  ASSERT_TRUE(revoked.ok()) << revoked.status().message();
  EXPECT_TRUE(revoked->revoked);
  EXPECT_EQ(revoked->revoke_reason, "Khai man thành tích (Điều 94 Luật TĐKT)");
  EXPECT_EQ(services_->records.RevokeAward(office_, award->id, "lần nữa").status().code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(services_->records.UpdateAward(office_, award->id, {{"signer", "x"}}).status().code(),
            Code::kFailedPrecondition);
  auto awards = services_->records.AwardsOf(officer_, "P1");
  ASSERT_TRUE(awards.ok());
  ASSERT_EQ(awards->size(), 1u);
  EXPECT_TRUE(awards->at(0).revoked);
  auto trail = services_->audit.Trail(admin_, "award", std::to_string(award->id.value()));
  ASSERT_TRUE(trail.ok());
  EXPECT_EQ(trail->front().action, "award.revoke");
}

TEST_P(RecordsTest, APersonsAwardsComeNewestFirst) {
  if (!Ready()) return;
  for (auto [code, year, decided] :
       {std::tuple{"LDTT", "2022", "2023-01-05"}, std::tuple{"CSTDCS", "2024", "2025-01-05"},
        std::tuple{"LDTT", "2023", "2024-01-05"}}) {
    ASSERT_TRUE(services_->records.CreateAward(office_, Award("P1", code, year, decided)).ok());
  }
  auto awards = services_->records.AwardsOf(office_, "P1");
  ASSERT_TRUE(awards.ok());
  std::vector<int> years;
  for (const auto& a : *awards) years.push_back(a.period_to);
  EXPECT_EQ(years, (std::vector<int>{2024, 2023, 2022}));
}

TEST_P(RecordsTest, ARatingRecordedAgainForTheSameYearReplacesTheFirst) {
  if (!Ready()) return;
  domain::RawFields rating = {
      {"subject_type", "unit"}, {"subject_code", "A1"}, {"year", "2024"}, {"rating", "HTT"}};
  ASSERT_TRUE(services_->records.RecordEvaluation(officer_, rating)->created);
  rating["rating"] = "HTXS";
  auto replaced = services_->records.RecordEvaluation(officer_, rating);
  ASSERT_TRUE(replaced.ok());
  EXPECT_FALSE(replaced->created);
  EXPECT_EQ(replaced->row.rating, "HTXS");
  auto history = services_->records.UnitHistory(officer_, "A1");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->evaluations.size(), 1u);
  EXPECT_EQ(history->evaluations[0].rating, "HTXS");
}

TEST_P(RecordsTest, AnAwardsImportIsAllOrNothingAndIdempotent) {
  if (!Ready()) return;
  domain::Table bad = MakeTable(
      kAwardColumns,
      {{"person", "P1", "LDTT", "2024", "THUONG_XUYEN", "5/QĐ-SGDĐT", "2025-01-10", "Sở GD&ĐT", "0"},
       {"person", "P1", "XYZ", "2024", "THUONG_XUYEN", "5/QĐ-SGDĐT", "2025-01-10", "Sở GD&ĐT", "0"},
       {"person", "P99", "LDTT", "2024", "THUONG_XUYEN", "5/QĐ-SGDĐT", "2025-01-10", "Sở GD&ĐT", "0"},
       {"person", "P1", "LDTT", "2024", "THUONG_XUYEN", "6/QĐ-SGDĐT", "2025-02-10", "Sở GD&ĐT", "0"},
       {"unit", "A1", "TTLDTT", "2025", "THUONG_XUYEN", "7/QĐ-SGDĐT", "2024-12-01", "Sở GD&ĐT", "0"}});
  int64_t audit = AuditRows();
  auto report = services_->imports.ImportTable(admin_, "awards", bad);
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->errors.size(), 4u);
  EXPECT_EQ(report->errors[0].line, 3);
  EXPECT_EQ(report->errors[0].column, "award_code");
  EXPECT_EQ(report->errors[1].line, 5);  // the same subject, award and year as line 2
  EXPECT_EQ(report->errors[2].line, 6);
  EXPECT_EQ(report->errors[2].column, "decision_date");
  EXPECT_EQ(report->errors[3].line, 4);
  EXPECT_EQ(report->errors[3].column, "subject_code");
  EXPECT_EQ(Total("awards"), 0);
  EXPECT_EQ(AuditRows(), audit);

  domain::Table good = MakeTable(
      kAwardColumns,
      {{"person", "P4", "LDTT", "2021", "THUONG_XUYEN", "5/QĐ-SYT", "15/01/2022", "Sở Y tế", "0"},
       {"unit", "A1", "TTLDTT", "2024", "THUONG_XUYEN", "7/QĐ-SGDĐT", "2025-01-10", "Sở GD&ĐT", "0"},
       {"household", "Hộ ông Nguyễn Văn Ba", "GK", "2024", "DOT_XUAT", "9/QĐ-UBND", "2025-01-10", "UBND xã",
        "1"}});
  report = services_->imports.ImportTable(admin_, "awards", good);
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->ok()) << report->errors[0].reason;
  EXPECT_EQ(report->created, 3);
  report = services_->imports.ImportTable(admin_, "awards", good);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->created, 0);
  EXPECT_EQ(report->unchanged, 3);
  EXPECT_EQ(Total("awards"), 3);
  auto p4 = services_->records.AwardsOf(office_, "P4");
  ASSERT_EQ(p4->size(), 1u);
  EXPECT_EQ(p4->at(0).unit_code, "B");  // P4 was at B on 15/01/2022
  // An imported award is found by its person's name, as one recorded on a form is.
  service::RecordListRequest by_name;
  by_name.list.q = "le thi hoa";
  auto found = services_->records.ListAwards(office_, by_name);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].subject_code, "P4");
  // Every word begins a word of the name, code or decision number, in any order (full-text on both engines).
  for (const char* q : {"hoa le", "Lê Thị", "5/QĐ-SYT", "qd syt p4"}) {
    by_name.list.q = q;
    auto hit = services_->records.ListAwards(office_, by_name);
    ASSERT_TRUE(hit.ok()) << q;
    EXPECT_EQ(hit->total, 1) << q;
  }
  by_name.list.q = "oa";  // inside a word, not at its start
  EXPECT_EQ(services_->records.ListAwards(office_, by_name)->total, 0);
  // A unit officer's import may not restate revocations.
  report = services_->imports.ImportTable(
      officer_, "awards",
      MakeTable(kAwardColumns,
                {{"person", "P1", "LDTT", "2024", "THUONG_XUYEN", "5/QĐ", "2025-01-10", "Sở GD&ĐT", "1"}}));
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].column, "revoked");
}

TEST_P(RecordsTest, EvaluationInitiativeAndDisciplineImportsAreKeyedByTheirNaturalKeys) {
  if (!Ready()) return;
  domain::Table ratings = MakeTable(
      {"subject_type", "subject_code", "year", "rating"},
      {{"person", "P1", "2024", "HTXS"}, {"person", "P3", "2024", "HTT"}, {"unit", "A1", "2024", "HTXS"}});
  auto report = services_->imports.ImportTable(officer_, "evaluations", ratings);
  ASSERT_TRUE(report.ok() && report->ok());
  EXPECT_EQ(report->created, 3);
  ratings.rows[1][3] = "HT";
  report = services_->imports.ImportTable(officer_, "evaluations", ratings);
  EXPECT_EQ(report->updated, 1);
  EXPECT_EQ(report->unchanged, 2);
  ratings.rows.push_back({"person", "P2", "2024", "HTT"});  // outside the officer's subtree
  ratings.row_lines.push_back(5);
  report = services_->imports.ImportTable(officer_, "evaluations", ratings);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].line, 5);
  EXPECT_EQ(Total("evaluations"), 3);

  domain::Table initiatives =
      MakeTable({"code", "title", "author_codes", "scope", "recognized_on", "recognized_by"},
                {{"SK-01", "Ngân hàng đề kiểm tra", "P1;P3", "CO_SO", "2024-06-01", "Sở GD&ĐT"}});
  auto imported = services_->imports.ImportTable(officer_, "initiatives", initiatives);
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  ASSERT_EQ(imported->created, 1);
  initiatives.rows[0][2] = "P3";
  ASSERT_EQ(services_->imports.ImportTable(officer_, "initiatives", initiatives)->updated, 1);
  EXPECT_EQ(services_->imports.ImportTable(officer_, "initiatives", initiatives)->unchanged, 1);
  auto initiative = services_->records.GetInitiative(officer_, "SK-01");
  ASSERT_TRUE(initiative.ok());
  ASSERT_EQ(initiative->authors.size(), 1u);
  EXPECT_EQ(initiative->authors[0].code, "P3");
  EXPECT_TRUE(services_->records.PersonHistory(officer_, "P1")->initiatives.empty());

  domain::Table disciplines =
      MakeTable({"person_code", "level", "from", "to", "pending"}, {{"P3", "", "2025-03-01", "", "1"}});
  ASSERT_EQ(services_->imports.ImportTable(officer_, "disciplines", disciplines)->created, 1);
  disciplines.rows[0] = {"P3", "KHIEN_TRACH", "2025-03-01", "2026-03-01", "0"};  // the review concluded
  ASSERT_EQ(services_->imports.ImportTable(officer_, "disciplines", disciplines)->updated, 1);
  auto history = services_->records.PersonHistory(officer_, "P3");
  ASSERT_EQ(history->disciplines.size(), 1u);
  EXPECT_EQ(history->disciplines[0].level, "KHIEN_TRACH");
  EXPECT_FALSE(history->disciplines[0].pending);
}

TEST_P(RecordsTest, ListsFilterByYearAwardAndUnit) {
  if (!Ready()) return;
  ASSERT_TRUE(services_->records.CreateAward(office_, Award("P1", "LDTT", "2024", "2025-01-10")).ok());
  ASSERT_TRUE(services_->records.CreateAward(office_, Award("P1", "CSTDCS", "2024", "2025-01-10")).ok());
  ASSERT_TRUE(services_->records.CreateAward(office_, Award("P2", "LDTT", "2024", "2025-01-10")).ok());
  ASSERT_TRUE(services_->records.CreateAward(office_, Award("P2", "LDTT", "2023", "2024-01-10")).ok());
  service::RecordListRequest request;
  request.year = 2024;
  request.award_code = "LDTT";
  EXPECT_EQ(services_->records.ListAwards(office_, request)->total, 2);
  request.list.within_unit = "A";
  EXPECT_EQ(services_->records.ListAwards(office_, request)->total, 1);
  request = {};
  request.list.q = "dang van";
  EXPECT_EQ(services_->records.ListAwards(office_, request)->total, 2);
  request = {};
  request.person_code = "P2";
  EXPECT_EQ(services_->records.ListAwards(officer_, request).status().code(), Code::kNotFound);
}

// What the eligibility service reads: every record of a subtree's people in one query per table.
TEST_P(RecordsTest, HistoriesLoadEveryRecordOfASubtreeInSubjectOrder) {
  if (!Ready()) return;
  for (auto [person, year, rating] : {std::tuple{"P1", "2024", "HTXS"}, std::tuple{"P1", "2023", "HTT"},
                                      std::tuple{"P2", "2024", "HTT"}, std::tuple{"P4", "2019", "HT"}}) {
    ASSERT_TRUE(
        services_->records
            .RecordEvaluation(
                office_,
                {{"subject_type", "person"}, {"subject_code", person}, {"year", year}, {"rating", rating}})
            .ok());
  }
  ASSERT_TRUE(
      services_->records
          .RecordEvaluation(
              office_,
              {{"subject_type", "unit"}, {"subject_code", "A1"}, {"year", "2024"}, {"rating", "HTXS"}})
          .ok());
  ASSERT_TRUE(services_->records
                  .CreateInitiative(office_, {{"code", "SK1"},
                                              {"title", "Sổ điểm số"},
                                              {"author_codes", "P3;P1"},
                                              {"scope", "TINH"},
                                              {"recognized_on", "2024-05-01"}})
                  .ok());
  ASSERT_TRUE(
      services_->records
          .CreateDiscipline(office_, {{"person_code", "P3"}, {"from", "2025-02-01"}, {"pending", "1"}})
          .ok());
  auto revoked = services_->records.CreateAward(office_, Award("P1", "LDTT", "2023", "2024-01-10"));
  ASSERT_TRUE(revoked.ok());
  ASSERT_TRUE(services_->records.RevokeAward(office_, revoked->id, "Sai sót hồ sơ").ok());
  ASSERT_TRUE(services_->records.CreateAward(office_, Award("P1", "CSTD_TINH", "2024", "2025-01-10")).ok());
  ASSERT_TRUE(services_->records.CreateAward(office_, Award("P2", "LDTT", "2024", "2025-01-10")).ok());

  store::history::Scope scope;
  scope.from_year = 2020;
  scope.to_year = 2024;
  scope.unit = services_->units.Get(admin_, "A")->unit.id;
  store::history::PeopleHistories people;
  store::history::UnitHistories units;
  ASSERT_TRUE(test_db_->db()
                  .Read([&](store::Conn& conn) -> Status {
                    THIDUA_ASSIGN_OR_RETURN(people, store::history::LoadPeople(conn, scope));
                    THIDUA_ASSIGN_OR_RETURN(units, store::history::LoadUnits(conn, scope));
                    return Status::Ok();
                  })
                  .ok());
  std::vector<std::string> codes;
  for (const auto& p : people.people) codes.push_back(p.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"P1", "P3", "P4"}));  // P4 joined A1 in 2023; P2 is at B
  ASSERT_EQ(people.evaluations.size(), 2u);  // P4's 2019 rating is before the years asked for
  EXPECT_EQ(people.evaluations[0].year, 2023);
  EXPECT_EQ(people.evaluations[1].rating, "HTXS");
  ASSERT_EQ(people.initiatives.size(), 2u);  // one row per author
  EXPECT_EQ(people.initiatives[0].scope, "TINH");
  ASSERT_EQ(people.disciplines.size(), 1u);
  EXPECT_TRUE(people.disciplines[0].pending);
  ASSERT_EQ(people.awards.size(), 2u);
  EXPECT_TRUE(people.awards[0].revoked);
  EXPECT_EQ(people.awards[1].award_code, "CSTD_TINH");
  EXPECT_EQ(people.awards[1].period_from, 2022);
  ASSERT_EQ(units.evaluations.size(), 1u);
  EXPECT_EQ(units.evaluations[0].subject, services_->units.Get(admin_, "A1")->unit.id.value());
  EXPECT_EQ(people.memberships.size(), 4u);  // P4 at B until 2022, then at A1
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordsTest,
                         ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         testing::EngineParamName);

}  // namespace
}  // namespace thidua
