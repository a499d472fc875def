#include "domain/award_records.h"

#include <gtest/gtest.h>

namespace thidua::domain {
namespace {

const Date kToday(2026, 11, 27);

std::vector<AwardTypeRecord> Catalogue() {
  return {{"LDTT", "Lao động tiên tiến", {"person"}, "Thủ trưởng đơn vị", 10, 1, true},
          {"CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", {"person"}, "Chủ tịch UBND tỉnh", 30, 3, true},
          {"TTLDXS", "Tập thể lao động xuất sắc", {"unit"}, "Chủ tịch UBND tỉnh", 60, 1, true},
          {"GK", "Giấy khen", {"person", "unit", "household"}, "Thủ trưởng đơn vị", 90, 1, true}};
}

RawFields GoodAward() {
  return {{"subject_type", "person"},
          {"subject_code", "P1"},
          {"award_code", "LDTT"},
          {"year", "2024"},
          {"method", "THUONG_XUYEN"},
          {"decision_no", "12/QĐ-SGDĐT"},
          {"decision_date", "15/01/2025"},
          {"issuer", "Sở Giáo dục và Đào tạo"},
          {"revoked", "0"}};
}

TEST(ParseAwardTest, ReadsTheImportColumnsAndDefaultsThePeriodFromTheCatalogue) {
  Result<AwardRecord> award = ParseAward(GoodAward(), Catalogue(), kToday);
  ASSERT_TRUE(award.ok()) << award.status().message();
  EXPECT_EQ(award->period_from, 2024);
  EXPECT_EQ(award->period_to, 2024);
  EXPECT_EQ(award->decision_date, Date(2025, 1, 15));
  RawFields raw = GoodAward();
  raw["award_code"] = "CSTD_TINH";
  raw["bonus_amount"] = "7.020.000";
  award = ParseAward(raw, Catalogue(), kToday);
  ASSERT_TRUE(award.ok()) << award.status().message();
  EXPECT_EQ(award->period_from, 2022);  // three years ending in 2024
  EXPECT_EQ(award->bonus_amount, 7020000);
}

// The "Bad input" list of issue 3, one field error each, all reported at once.
TEST(ParseAwardTest, ReportsUnknownCodesYearsOutOfRangeAndAnEarlyDecisionAtOnce) {
  RawFields raw = GoodAward();
  raw["award_code"] = "KHONG_CO";
  raw["year"] = "1890";
  raw["method"] = "THUONG";
  raw["decision_date"] = "2026-12-01";  // after today
  Result<AwardRecord> award = ParseAward(raw, Catalogue(), kToday);
  ASSERT_FALSE(award.ok());
  EXPECT_EQ(award.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(award.status().fields().size(), 4u);
  for (const char* field : {"award_code", "year", "method", "decision_date"}) {
    EXPECT_TRUE(award.status().fields().count(field)) << field;
  }
}

TEST(ParseAwardTest, ADecisionBeforeItsAchievementPeriodStartsIsRefused) {
  RawFields raw = GoodAward();
  raw["year"] = "2025";
  raw["decision_date"] = "2024-12-30";
  Result<AwardRecord> award = ParseAward(raw, Catalogue(), kToday);
  ASSERT_FALSE(award.ok());
  EXPECT_EQ(award.status().fields().size(), 1u);
  EXPECT_NE(award.status().fields().at("decision_date").find("trước khi thời kỳ thành tích bắt đầu"),
            std::string::npos);
  raw["decision_date"] = "2025-01-01";  // during the period is allowed (a sudden award)
  EXPECT_TRUE(ParseAward(raw, Catalogue(), kToday).ok());
}

TEST(ParseAwardTest, AnAwardMustSuitItsSubject) {
  RawFields raw = GoodAward();
  raw["subject_type"] = "unit";
  raw["subject_code"] = "A1";
  Result<AwardRecord> award = ParseAward(raw, Catalogue(), kToday);
  ASSERT_FALSE(award.ok());
  EXPECT_TRUE(award.status().fields().count("award_code"));
  raw["award_code"] = "TTLDXS";
  EXPECT_TRUE(ParseAward(raw, Catalogue(), kToday).ok());
}

TEST(ParseAwardTest, AHouseholdIsANameAndMayNameItsLocality) {
  RawFields raw = GoodAward();
  raw["subject_type"] = "household";
  raw["subject_code"] = "Hộ ông Nguyễn Văn Ba";
  raw["award_code"] = "GK";
  raw["unit_code"] = "XA_TAN_AN";
  Result<AwardRecord> award = ParseAward(raw, Catalogue(), kToday);
  ASSERT_TRUE(award.ok()) << award.status().message();
  EXPECT_EQ(award->subject_code, "Hộ ông Nguyễn Văn Ba");
  raw["subject_type"] = "ho";
  EXPECT_TRUE(ParseAward(raw, Catalogue(), kToday).status().fields().count("subject_type"));
}

TEST(ParseAwardTest, APeriodEndingBeforeItStartsAndAReasonWithoutRevocationAreRefused) {
  RawFields raw = GoodAward();
  raw["period_from"] = "2025";
  raw["revoke_reason"] = "Khai man thành tích";
  raw["revoked"] = "yes";
  Result<AwardRecord> award = ParseAward(raw, Catalogue(), kToday);
  ASSERT_FALSE(award.ok());
  EXPECT_TRUE(award.status().fields().count("period_from"));
  EXPECT_TRUE(award.status().fields().count("revoked"));
  EXPECT_TRUE(award.status().fields().count("revoke_reason"));
}

TEST(ParseEvaluationTest, RatingsAreTheFourCodesAndYearsStopAtNextYear) {
  RawFields raw = {{"subject_type", "person"}, {"subject_code", "P1"}, {"year", "2027"}, {"rating", "HTXS"}};
  ASSERT_TRUE(ParseEvaluation(raw, kToday).ok());
  raw["year"] = "2028";
  raw["rating"] = "XUAT_SAC";
  Result<EvaluationRecord> evaluation = ParseEvaluation(raw, kToday);
  ASSERT_FALSE(evaluation.ok());
  EXPECT_TRUE(evaluation.status().fields().count("year"));
  EXPECT_TRUE(evaluation.status().fields().count("rating"));
  raw = {{"subject_type", "household"}, {"subject_code", "P1"}, {"year", "1944"}, {"rating", "HT"}};
  evaluation = ParseEvaluation(raw, kToday);
  ASSERT_FALSE(evaluation.ok());
  EXPECT_TRUE(evaluation.status().fields().count("subject_type"));  // households are not rated
  EXPECT_TRUE(evaluation.status().fields().count("year"));
}

TEST(ParseInitiativeTest, AuthorsAreSplitTrimmedAndMayNotRepeat) {
  RawFields raw = {{"code", "SK-2024-01"},          {"title", "Số hoá hồ sơ thi đua"},
                   {"author_codes", " P1 ; P2;"},   {"scope", "TINH"},
                   {"recognized_on", "2024-10-20"}, {"recognized_by", "Hội đồng sáng kiến tỉnh"}};
  Result<InitiativeRecord> initiative = ParseInitiative(raw, kToday);
  ASSERT_TRUE(initiative.ok()) << initiative.status().message();
  EXPECT_EQ(initiative->author_codes, (std::vector<std::string>{"P1", "P2"}));
  EXPECT_EQ(ToRaw(*initiative).at("author_codes"), "P1;P2");
  raw["author_codes"] = "P1;P1";
  raw["scope"] = "HUYEN";
  raw["recognized_on"] = "";
  initiative = ParseInitiative(raw, kToday);
  ASSERT_FALSE(initiative.ok());
  EXPECT_EQ(initiative.status().fields().size(), 3u);
}

TEST(ParseDisciplineTest, APendingReviewNeedsNoLevelButADisciplineDoes) {
  RawFields raw = {
      {"person_code", "P1"}, {"level", ""}, {"from", "2025-03-01"}, {"to", ""}, {"pending", "1"}};
  Result<DisciplineRecord> discipline = ParseDiscipline(raw, kToday);
  ASSERT_TRUE(discipline.ok()) << discipline.status().message();
  EXPECT_TRUE(discipline->pending);
  raw["pending"] = "0";
  raw["to"] = "2025-02-01";
  discipline = ParseDiscipline(raw, kToday);
  ASSERT_FALSE(discipline.ok());
  EXPECT_TRUE(discipline.status().fields().count("level"));
  EXPECT_TRUE(discipline.status().fields().count("to"));
}

TEST(RankTest, OrdersCataloguesSoThatThresholdsCompare) {
  EXPECT_LT(Rank(Ratings(), "HTXS"), Rank(Ratings(), "HTT"));
  EXPECT_GE(Rank(InitiativeScopes(), "TOAN_QUOC"), Rank(InitiativeScopes(), "TINH"));
  EXPECT_GT(Rank(DisciplineLevels(), "CANH_CAO"), Rank(DisciplineLevels(), "KHIEN_TRACH"));
  EXPECT_EQ(Rank(Ratings(), "X"), -1);
}

TEST(ParseAwardTypeTest, SubjectsComeFromTheSubjectCatalogue) {
  RawFields raw = {
      {"code", "KNC"}, {"name", "Kỷ niệm chương"}, {"subjects", "person; household"}, {"period_years", "1"}};
  Result<AwardTypeRecord> type = ParseAwardType(raw);
  ASSERT_TRUE(type.ok()) << type.status().message();
  EXPECT_EQ(type->SubjectsText(), "person,household");
  raw["subjects"] = "dog";
  raw["period_years"] = "20";
  type = ParseAwardType(raw);
  ASSERT_FALSE(type.ok());
  EXPECT_TRUE(type.status().fields().count("subjects"));
  EXPECT_TRUE(type.status().fields().count("period_years"));
}

}  // namespace
}  // namespace thidua::domain
