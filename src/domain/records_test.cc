#include "domain/records.h"

#include <gtest/gtest.h>

namespace thidua::domain {
namespace {

const Date kToday(2026, 11, 27);

RawFields GoodPerson() {
  return {{"code", "P000001"},    {"full_name", "Nguyễn Văn An"}, {"gender", "nam"},
          {"birth_date", "15/03/1985"}, {"unit_code", "SNV"},      {"position", "Chuyên viên"},
          {"recruited_on", "2010-09-01"}};
}

TEST(ParsePersonTest, AcceptsBothDateFormsAndNormalises) {
  Result<PersonRecord> person = ParsePerson(GoodPerson(), kToday);
  ASSERT_TRUE(person.ok()) << person.status().message();
  EXPECT_EQ(person->birth_date, Date(1985, 3, 15));
  EXPECT_EQ(person->recruited_on, Date(2010, 9, 1));
}

TEST(ParsePersonTest, ReportsEveryBadFieldAtOnce) {
  RawFields raw = GoodPerson();
  raw["full_name"] = "  ";
  raw["gender"] = "xyz";
  raw["birth_date"] = "31/02/2020";
  Result<PersonRecord> person = ParsePerson(raw, kToday);
  ASSERT_FALSE(person.ok());
  EXPECT_EQ(person.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(person.status().fields().size(), 3u);
  EXPECT_TRUE(person.status().fields().count("full_name"));
  EXPECT_TRUE(person.status().fields().count("gender"));
  EXPECT_TRUE(person.status().fields().count("birth_date"));
}

TEST(ParsePersonTest, KeepsScriptTagsAsTypedText) {
  RawFields raw = GoodPerson();
  raw["full_name"] = "<script>alert(\"x\")</script> O'Brien";
  Result<PersonRecord> person = ParsePerson(raw, kToday);
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(person->full_name, "<script>alert(\"x\")</script> O'Brien");
}

TEST(ParsePersonTest, RejectsInvalidUtf8AndFutureBirth) {
  RawFields raw = GoodPerson();
  raw["full_name"] = "\xC3(";
  raw["birth_date"] = "2030-01-01";
  Result<PersonRecord> person = ParsePerson(raw, kToday);
  ASSERT_FALSE(person.ok());
  EXPECT_TRUE(person.status().fields().count("full_name"));
  EXPECT_TRUE(person.status().fields().count("birth_date"));
}

TEST(ParseMembershipTest, RejectsAnEndBeforeTheStart) {
  Result<MembershipRecord> m =
      ParseMembership({{"person_code", "P1"}, {"unit_code", "U1"}, {"from", "2024-05-01"}, {"to", "2024-04-30"}});
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(m.status().fields().count("to"));
  EXPECT_TRUE(ParseMembership({{"person_code", "P1"}, {"unit_code", "U1"}, {"from", "2024-05-01"},
                               {"to", "2024-05-01"}}).ok());
}

TEST(ParseUnitTest, ValidatesCatalogueCodesAndDates) {
  RawFields raw = {{"code", "SGDDT"}, {"name", "Sở Giáo dục và Đào tạo"}, {"kind", "so_ban_nganh"},
                   {"field", "giao_duc"}, {"valid_from", "2025-07-01"}};
  ASSERT_TRUE(ParseUnit(raw).ok());
  raw["kind"] = "khong_co";
  raw["valid_to"] = "2025-01-01";
  raw["code"] = "mã có dấu";
  Result<UnitRecord> unit = ParseUnit(raw);
  ASSERT_FALSE(unit.ok());
  EXPECT_TRUE(unit.status().fields().count("kind"));
  EXPECT_TRUE(unit.status().fields().count("valid_to"));
  EXPECT_TRUE(unit.status().fields().count("code"));
}

TEST(IsValidCodeTest, CodesAreSafePathSegments) {
  EXPECT_TRUE(IsValidCode("P000123"));
  EXPECT_TRUE(IsValidCode("XA_TAN_AN.2"));
  EXPECT_FALSE(IsValidCode("A/B"));
  EXPECT_FALSE(IsValidCode("."));
  EXPECT_FALSE(IsValidCode(".."));
  EXPECT_FALSE(IsValidCode("_x"));
  EXPECT_FALSE(IsValidCode(std::string(41, 'A')));
}

TEST(CheckParentTest, RefusesAMoveUnderItsOwnDescendant) {
  EXPECT_TRUE(CheckParent("A", "B", {"ROOT"}).ok());
  EXPECT_FALSE(CheckParent("A", "C", {"B", "A", "ROOT"}).ok());
  EXPECT_FALSE(CheckParent("A", "A", {}).ok());
}

TEST(OverlapsTest, OpenIntervalsOverlapEverythingAfterThem) {
  EXPECT_TRUE(Overlaps({Date(2020, 1, 1), std::nullopt}, {Date(2024, 1, 1), Date(2024, 2, 1)}));
  EXPECT_FALSE(Overlaps({Date(2020, 1, 1), Date(2020, 12, 31)}, {Date(2021, 1, 1), std::nullopt}));
  EXPECT_TRUE(Overlaps({Date(2020, 1, 1), Date(2021, 1, 1)}, {Date(2021, 1, 1), std::nullopt}));
}

TEST(ParseUnitEventTest, MergeNeedsTheUnitItMergesInto) {
  RawFields raw = {{"unit_code", "HUYEN_A"}, {"kind", "merged_into"}, {"date", "01/07/2025"},
                   {"legal_act", "Nghị quyết số 1663/NQ-UBTVQH15"}};
  Result<UnitEventRecord> event = ParseUnitEvent(raw);
  ASSERT_FALSE(event.ok());
  EXPECT_TRUE(event.status().fields().count("related_unit_code"));
  raw["related_unit_code"] = "XA_B";
  EXPECT_TRUE(ParseUnitEvent(raw).ok());
}

}  // namespace
}  // namespace thidua::domain
