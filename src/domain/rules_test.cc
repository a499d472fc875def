// Rule-set files: the shipped ones parse and switch on 01/07/2025, a new dated file is enough to add a
// rule set, and every kind of mistake in a file is refused naming the file and the key.
#include "domain/rules.h"

#include <gtest/gtest.h>

#include <functional>

#include "base/embedded.h"
#include "domain/eligibility.h"

namespace thidua::rules_files {
const std::vector<thidua::EmbeddedFile>& EmbeddedFiles();
}  // namespace thidua::rules_files

namespace thidua::domain {
namespace {

constexpr char k2024[] = "2024-01-01_luat-2022_nd-98-2023.toml";
constexpr char k2025[] = "2025-07-01_luat-2022_nd-152-2025.toml";

std::string Shipped(std::string_view name) {
  for (const EmbeddedFile& f : rules_files::EmbeddedFiles()) {
    if (f.path == name) return std::string(f.data);
  }
  ADD_FAILURE() << "not embedded: " << name;
  return {};
}

// Replaces the one occurrence of `from` (which must be there).
std::string Replace(std::string text, std::string_view from, std::string_view to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the file: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

using Files = std::vector<std::pair<std::string, std::string>>;

TEST(ShippedRulesTest, ParseIntoTwoContiguousSets) {
  Result<RuleBook> book = LoadShippedRuleBook();
  ASSERT_TRUE(book.ok()) << book.status().message();
  ASSERT_EQ(book->sets().size(), 2u);
  const RuleSet& first = book->sets()[0];
  const RuleSet& second = book->sets()[1];
  EXPECT_EQ(first.name, "Luật TĐKT 2022; Nghị định 98/2023/NĐ-CP");
  EXPECT_EQ(first.effective_from, Date(2024, 1, 1));
  EXPECT_EQ(first.effective_to, Date(2025, 6, 30));
  EXPECT_EQ(second.effective_from, Date(2025, 7, 1));
  EXPECT_FALSE(second.effective_to.has_value());
  EXPECT_EQ(first.file, k2024);
}

TEST(ShippedRulesTest, SwitchOnTheFirstOfJuly2025) {
  Result<RuleBook> book = LoadShippedRuleBook();
  ASSERT_TRUE(book.ok());
  EXPECT_EQ(book->InForce(Date(2023, 12, 31)), nullptr);
  EXPECT_EQ(book->InForce(Date(2024, 1, 1))->file, k2024);
  EXPECT_EQ(book->InForce(Date(2025, 6, 30))->file, k2024);
  EXPECT_EQ(book->InForce(Date(2025, 7, 1))->file, k2025);
  EXPECT_EQ(book->InForce(Date(2031, 1, 1))->file, k2025);
  // The rule set of a year is the one in force on its 31 December, unless a date is given.
  EXPECT_EQ(book->ForYear(2024)->file, k2024);
  EXPECT_EQ(book->ForYear(2025)->file, k2025);
  EXPECT_EQ(book->ForYear(2025, Date(2025, 6, 30))->file, k2024);
  EXPECT_EQ(book->ForYear(2023), nullptr);
}

TEST(ShippedRulesTest, PrimitiveNamesFollowTheEnum) {
  std::vector<std::string_view> names;
  for (int p = 0; p < kPrimitiveCount; ++p) names.push_back(PrimitiveName(static_cast<Primitive>(p)));
  EXPECT_EQ(names.front(), "not_pending_discipline");
  EXPECT_EQ(names[static_cast<int>(Primitive::kTimeGate)], "time_gate");
  EXPECT_EQ(names[static_cast<int>(Primitive::kAnyOf)], "any_of");
  EXPECT_EQ(names.back(), "judgement");
}

// The reported 2026 amendment (UNCONFIRMED, not shipped) made CSTDCS need HTXS and an initiative: as a
// dated file it must need no code.
TEST(NewRuleSetTest, ADatedFileIsEnoughToAddARuleSet) {
  std::string draft = Shipped(k2025);
  draft = Replace(draft, "name = \"Luật TĐKT 2022; Nghị định 152/2025/NĐ-CP; Thông tư 15/2025/TT-BNV\"",
                  "name = \"Luật TĐKT 2022 sửa đổi 2026 (dự thảo)\"");
  draft = Replace(draft, "effective_from = 2025-07-01", "effective_from = 2026-10-01");
  draft = Replace(draft, R"(primitive = "rating_or_initiative"
rating = "HTXS"
scope = "CO_SO"
text = "{rating} hoặc có sáng kiến, đề tài khoa học được công nhận {scope} năm {year}")",
                  R"x(primitive = "rating_at_least"
rating = "HTXS"
text = "{rating} năm {year}"
basis = "Luật sửa đổi 2026 (dự thảo)"

[[award.condition]]
primitive = "initiative_scope_at_least"
scope = "CO_SO"
text = "Có sáng kiến được công nhận {scope} năm {year}")x");
  Result<RuleBook> book = ParseRuleBook(
      {{k2024, Shipped(k2024)}, {k2025, Shipped(k2025)}, {"2026-10-01_luat-sua-doi-2026.toml", draft}});
  ASSERT_TRUE(book.ok()) << book.status().message();
  ASSERT_EQ(book->sets().size(), 3u);
  EXPECT_EQ(book->sets()[1].effective_to, Date(2026, 9, 30));
  EXPECT_EQ(book->InForce(Date(2026, 9, 30))->file, k2025);

  PersonHistory excellent;
  excellent.code = "P1";
  excellent.ratings = {{2026, Rating::kHtxs}};
  AwardVerdict before = EvaluatePersonAward(*book->ForYear(2026, Date(2026, 9, 30)), Settings{}, excellent,
                                            2026, AwardCode::kCstdcs);
  AwardVerdict after =
      EvaluatePersonAward(*book->ForYear(2026), Settings{}, excellent, 2026, AwardCode::kCstdcs);
  EXPECT_EQ(before.eligible, true);
  EXPECT_EQ(after.eligible, false);
}

struct BadFile {
  const char* name;
  std::function<Files()> files;
  const char* key;      // part of the reported "file: key"
  const char* message;  // part of the message about it
};
std::ostream& operator<<(std::ostream& os, const BadFile& row) { return os << row.name; }

// The 2024 file with one edit, alone.
std::function<Files()> Edit2024(std::string from, std::string to) {
  return [from, to] { return Files{{k2024, Replace(Shipped(k2024), from, to)}}; };
}

const std::string kLdttDiscipline = R"(primitive = "no_discipline_in_year")";

const BadFile kBadFiles[] = {
    {"AnUnknownPrimitive", Edit2024(kLdttDiscipline, R"(primitive = "no_discipline_ever")"),
     "award[0].condition[2].primitive", "nguyên tắc không xác định \"no_discipline_ever\""},
    {"AMissingBasis", Edit2024("basis = \"Điều 23 khoản 1 Luật TĐKT 2022\"\n", ""),
     "award[1].condition[0].basis", "thiếu giá trị bắt buộc"},
    {"ABlankText", Edit2024("text = \"Không bị kỷ luật trong năm {year}\"", "text = \"  \""),
     "award[0].condition[2].text", "không được để trống"},
    {"ANumberOutOfRange", Edit2024("years = 3", "years = 0"), "award[2].condition[1].years",
     "phải từ 1 đến 30"},
    {"ANumberGivenAsText", Edit2024("years = 3", "years = \"ba\""), "award[2].condition[1].years",
     "phải là số nguyên"},
    {"AnUnknownRating",
     Edit2024("rating = \"HTT\"\ntext = \"{rating} trở lên năm {year}\"",
              "rating = \"GIOI\"\ntext = \"{rating} trở lên năm {year}\""),
     "award[0].condition[0].rating", "Mức xếp loại không hợp lệ: \"GIOI\""},
    {"AMissingParameter", Edit2024("scope = \"TINH\"\nwithin_years = 3", "within_years = 3"),
     "award[2].condition[2].scope", "thiếu tham số bắt buộc"},
    {"AnUnknownKey",
     Edit2024("rating = \"HTT\"\ntext = \"{rating} trở lên năm {year}\"",
              "rating = \"HTT\"\ncolour = \"red\"\ntext = \"{rating} trở lên năm {year}\""),
     "award[0].condition[0].colour", "khóa không xác định"},
    {"APlaceholderThePrimitiveCannotFill",
     Edit2024("text = \"{rating} trở lên năm {year}\"", "text = \"{rating} trở lên năm {year} từ {from}\""),
     "award[0].condition[0].text", "không điền được {from}"},
    {"AnUnknownPlaceholder",
     Edit2024("text = \"{rating} trở lên năm {year}\"", "text = \"{rating} năm {nam}\""),
     "award[0].condition[0].text", "chỗ điền không xác định {nam}"},
    {"AnUnclosedBrace", Edit2024("text = \"{rating} trở lên năm {year}\"", "text = \"{rating trở lên\""),
     "award[0].condition[0].text", "không được đóng"},
    {"AnAwardForTheWrongSubject",
     Edit2024("code = \"LDTT\"\nsubject = \"person\"", "code = \"LDTT\"\nsubject = \"unit\""),
     "award[0].subject", "LDTT không áp dụng cho unit"},
    {"AMissingAward",
     Edit2024("code = \"HCLD1\"\nsubject = \"unit\"", "code = \"HCLD1\"\nsubject = \"person\""), "award",
     "thiếu quy tắc cho HCLD1 (unit)"},
    {"APrimitiveOfTheOtherSubject", Edit2024(kLdttDiscipline, R"(primitive = "block_leader")"),
     "award[0].condition[2].primitive", "block_leader không áp dụng cho person"},
    {"AStandardThatRestsOnJudgement",
     Edit2024("award = \"LDTT\"\ntext = \"Đạt tiêu chuẩn {award} năm {year}\"",
              "award = \"HCLD3\"\ntext = \"Đạt tiêu chuẩn {award} năm {year}\""),
     "award CSTDCS", "tiêu chuẩn HCLD3 có điều kiện cần xem xét"},
    {"StandardsThatDependOnEachOther",
     Edit2024(kLdttDiscipline, "primitive = \"meets_standard_of\"\naward = \"CSTDCS\""), "award",
     "vòng lặp tiêu chuẩn"},
    {"AnUnknownMethod",
     Edit2024("non_counting_methods = [\"CHUYEN_DE\", \"DOT_XUAT\"]",
              "non_counting_methods = [\"CHUYEN_DE\", \"BAT_CHOT\"]"),
     "principles.non_counting_methods[1]", "Phương thức khen thưởng không hợp lệ"},
    {"BadTomlSyntax", Edit2024("effective_to = 2025-06-30", "effective_to = 2025-06-30 = x"), "dòng 7",
     "lỗi cú pháp TOML"},
    {"VietnameseTextOutsideQuotes",
     Edit2024("text = \"Không bị kỷ luật trong năm {year}\"", "text = Không bị kỷ luật"), "dòng",
     "chữ ngoài chuỗi"},
    {"ADateThatIsNotADay", Edit2024("effective_to = 2025-06-30", "effective_to = \"30/02/2025\""),
     "effective_to", "phải là một ngày"},
    {"AnEndBeforeTheStart", Edit2024("effective_to = 2025-06-30", "effective_to = 2023-06-30"),
     "effective_to", "trước ngày effective_from"},
    {"AFileNameThatDisagreesWithItsDate",
     Edit2024("effective_from = 2024-01-01", "effective_from = 2024-01-02"), "effective_from",
     "khác ngày ở đầu tên tệp"},
    {"AFileNameWithoutADate",
     [] {
       return Files{{"luat-2022.toml", Shipped(k2024)}};
     },
     "(tên tệp)", "phải bắt đầu bằng ngày hiệu lực"},
    {"OverlappingRanges",
     [] {
       std::string next =
           Replace(Shipped(k2025), "effective_from = 2025-07-01", "effective_from = 2025-06-01");
       return Files{{k2024, Shipped(k2024)}, {"2025-06-01_sua-doi.toml", next}};
     },
     "effective_to", "chồng lấn với 2025-06-01_sua-doi.toml"},
    {"AGapBetweenRanges",
     [] {
       std::string next =
           Replace(Shipped(k2025), "effective_from = 2025-07-01", "effective_from = 2025-08-01");
       return Files{{k2024, Shipped(k2024)}, {"2025-08-01_sua-doi.toml", next}};
     },
     "effective_to", "để trống khoảng 2025-07-01 – 2025-07-31"},
    {"TwoSetsStartingTheSameDay",
     [] {
       return Files{{k2025, Shipped(k2025)}, {"2025-07-01_ban-sao.toml", Shipped(k2025)}};
     },
     "effective_from", "trùng ngày hiệu lực"},
    {"NoFilesAtAll", [] { return Files{}; }, "(rules)", "không có tệp quy tắc nào"},
};

class BadFileTest : public testing::TestWithParam<BadFile> {};

TEST_P(BadFileTest, IsRefusedNamingTheFileAndTheKey) {
  const BadFile& row = GetParam();
  Result<RuleBook> book = ParseRuleBook(row.files());
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().code(), Code::kInvalidArgument);
  bool found = false;
  for (const auto& [key, message] : book.status().fields()) {
    if (key.find(row.key) != std::string::npos && message.find(row.message) != std::string::npos)
      found = true;
  }
  std::string all;
  for (const auto& [key, message] : book.status().fields()) all += key + " → " + message + "\n";
  EXPECT_TRUE(found) << "want " << row.key << " → " << row.message << "\ngot " << book.status().message()
                     << "\n"
                     << all;
}

INSTANTIATE_TEST_SUITE_P(Rules, BadFileTest, testing::ValuesIn(kBadFiles),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(RuleErrorsTest, AreAllReportedAtOnceAndTheMessageNamesTheFirst) {
  std::string text = Replace(Shipped(k2024), "years = 3", "years = 0");
  text = Replace(text, kLdttDiscipline, R"(primitive = "no_discipline_ever")");
  Result<RuleBook> book = ParseRuleBook({{k2024, text}});
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().fields().size(), 2u);
  EXPECT_EQ(book.status().message().rfind(std::string(k2024) + ": ", 0), 0u) << book.status().message();
  EXPECT_NE(book.status().message().find("và 1 lỗi khác"), std::string::npos);
}

TEST(ConditionListTest, KeepsVietnameseInEveryKindOfString) {
  Result<std::vector<RuleCondition>> list =
      ParseConditionList("gk", R"x(# Tiêu chí của tỉnh — chú thích có dấu
[[condition]]
primitive = 'rating_at_least'  # chú thích sau giá trị: Đạt
rating = "HTXS"
text = '{rating} năm {year} — "trích dẫn" \ gạch 🏅'
basis = """Quyết định 12/2024/QĐ-UBND
điều 3 ""tiêu chí"""""

[[condition]]
primitive = "judgement"
text = """\
       Ý kiến của Hội đồng \u00C2"""
basis = '''Điều 75 'khoản 2' \ "Luật"'''
)x",
                         SubjectType::kPerson);
  ASSERT_TRUE(list.ok()) << list.status().message();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].text, R"({rating} năm {year} — "trích dẫn" \ gạch 🏅)");
  EXPECT_EQ((*list)[0].basis, "Quyết định 12/2024/QĐ-UBND\nđiều 3 \"\"tiêu chí\"\"");
  EXPECT_EQ((*list)[1].text, "Ý kiến của Hội đồng Â");
  EXPECT_EQ((*list)[1].basis, R"(Điều 75 'khoản 2' \ "Luật")");
}

TEST(ConditionListTest, RefusesWhatAProvinceCannotUse) {
  Result<std::vector<RuleCondition>> ok = ParseConditionList("gk", "", SubjectType::kPerson);
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->empty());
  Result<std::vector<RuleCondition>> self = ParseConditionList("gk", R"(
[[condition]]
primitive = "meets_standard_of"
award = "GK"
text = "x"
basis = "y"
)",
                                                               SubjectType::kPerson);
  EXPECT_FALSE(self.ok());
  Result<std::vector<RuleCondition>> unit_only = ParseConditionList("gk", R"(
[[condition]]
primitive = "block_leader"
text = "x"
basis = "y"
)",
                                                                    SubjectType::kPerson);
  EXPECT_FALSE(unit_only.ok());
  Result<std::vector<RuleCondition>> junk = ParseConditionList("gk", "[[condition]\n", SubjectType::kUnit);
  EXPECT_FALSE(junk.ok());
}

}  // namespace
}  // namespace thidua::domain
