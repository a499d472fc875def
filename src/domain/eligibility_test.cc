// The rules engine against the shipped rule sets: each row is a history, the award judged, the
// expected answer and the article it rests on (which the verdict must cite, in a basis or a fact).
#include "domain/eligibility.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>

namespace thidua::domain {
namespace {

constexpr Rating kHtxs = Rating::kHtxs;
constexpr Rating kHtt = Rating::kHtt;
constexpr Rating kHt = Rating::kHt;
constexpr Rating kKht = Rating::kKht;
constexpr InitiativeScope kCoSo = InitiativeScope::kCoSo;
constexpr InitiativeScope kTinh = InitiativeScope::kTinh;
constexpr InitiativeScope kToanQuoc = InitiativeScope::kToanQuoc;

const RuleBook& Book() {
  static const RuleBook* book = [] {
    Result<RuleBook> parsed = LoadShippedRuleBook();
    EXPECT_TRUE(parsed.ok()) << parsed.status().message();
    return new RuleBook(std::move(parsed).value());
  }();
  return *book;
}

// A person's history, built row by row.
struct Person {
  PersonHistory h;
  Person() {
    h.code = "P0001";
    h.name = "Nguyễn Văn An";
    h.recruited_on = Date(2010, 9, 1);
  }
  Person& Rated(int from, int to, Rating r) {
    for (int y = from; y <= to; ++y) h.ratings.push_back({y, r});
    return *this;
  }
  Person& Rated(int year, Rating r) { return Rated(year, year, r); }
  Person& Recruited(Date d) {
    h.recruited_on = d;
    return *this;
  }
  Person& Initiative(Date recognized, InitiativeScope scope) {
    h.initiatives.push_back(
        {"SK" + std::to_string(h.initiatives.size() + 1), "Cải tiến quy trình", scope, recognized});
    return *this;
  }
  Person& Award(AwardCode code, int from, int to, AwardMethod method = AwardMethod::kThuongXuyen,
                bool revoked = false) {
    h.awards.push_back({code, method, revoked, from, to, Date(to + 1, 1, 15),
                        std::to_string(h.awards.size() + 1) + "/QĐ-UBND"});
    return *this;
  }
  Person& Award(AwardCode code, int year) { return Award(code, year, year); }
  Person& Revoked(AwardCode code, int year) {
    return Award(code, year, year, AwardMethod::kThuongXuyen, true);
  }
  Person& Discipline(Date from, std::optional<Date> to, std::string level = "khien_trach") {
    h.disciplines.push_back({std::move(level), from, to, false});
    return *this;
  }
  Person& Pending(Date from) {
    h.disciplines.push_back({"", from, std::nullopt, true});
    return *this;
  }
  Person& Registered(int year) {
    h.registered_years.push_back(year);
    return *this;
  }
};

struct PersonRow {
  const char* name;     // the test's name: a sentence
  const char* article;  // what the verdict must cite (basis or fact)
  AwardCode award;
  int year;
  PersonHistory history;
  std::optional<bool> eligible;
  const char* fact = "";                    // a text that must appear in the verdict's conditions or facts
  std::optional<Date> date = std::nullopt;  // judge by the rule set in force on this day
};

std::ostream& operator<<(std::ostream& os, const PersonRow& row) { return os << row.name; }

std::string Dump(const AwardVerdict& v) {
  std::string out = v.award + " eligible=" + (v.eligible ? (*v.eligible ? "true" : "false") : "null") + "\n";
  for (const Condition& c : v.conditions) {
    out += std::string(c.met ? "  [x] " : "  [ ] ") + c.text + " — " + c.basis + "\n";
    for (const std::string& f : c.facts) out += "        " + f + "\n";
  }
  for (const Condition& c : v.judgement_paths) out += "  [?] " + c.text + " — " + c.basis + "\n";
  return out;
}

bool Mentions(const AwardVerdict& v, std::string_view text) {
  for (const auto* list : {&v.conditions, &v.judgement_paths}) {
    for (const Condition& c : *list) {
      if (c.text.find(text) != std::string::npos || c.basis.find(text) != std::string::npos) return true;
      for (const std::string& f : c.facts) {
        if (f.find(text) != std::string::npos) return true;
      }
    }
  }
  return false;
}

// "Not eligible" always says what is missing: an unmet condition with facts.
bool SaysWhatIsMissing(const AwardVerdict& v) {
  for (const Condition& c : v.conditions) {
    if (!c.met && !c.text.empty() && !c.facts.empty()) return true;
  }
  return false;
}

void Check(const AwardVerdict& v, std::optional<bool> eligible, std::string_view article,
           std::string_view fact) {
  SCOPED_TRACE(Dump(v));
  EXPECT_EQ(v.eligible, eligible);
  EXPECT_TRUE(Mentions(v, article)) << "does not cite " << article;
  if (!fact.empty()) {
    EXPECT_TRUE(Mentions(v, fact)) << "does not mention " << fact;
  }
  if (eligible == false) {
    EXPECT_TRUE(SaysWhatIsMissing(v));
  }
}

class PersonRuleTest : public testing::TestWithParam<PersonRow> {};

TEST_P(PersonRuleTest, Holds) {
  const PersonRow& row = GetParam();
  const RuleSet* rules = Book().ForYear(row.year, row.date);
  ASSERT_NE(rules, nullptr);
  AwardVerdict v = EvaluatePersonAward(*rules, Settings{}, row.history, row.year, row.award);
  Check(v, row.eligible, row.article, row.fact);
}

using A = AwardCode;
using M = AwardMethod;

// ---- LDTT ----
const PersonRow kLdtt[] = {
    {"RatedGoodWithNoDisciplineQualifies", "Điều 24 khoản 1 điểm a Luật TĐKT 2022", A::kLdtt, 2024,
     Person().Rated(2024, kHtt).h, true},
    {"RatedOnlyCompleteDoesNotQualify", "Điều 24 khoản 1 điểm a Luật TĐKT 2022", A::kLdtt, 2024,
     Person().Rated(2024, kHt).h, false, "Xếp loại năm 2024: Hoàn thành nhiệm vụ"},
    {"NotRatedInTheYearDoesNotQualify", "Điều 24 khoản 1 điểm a Luật TĐKT 2022", A::kLdtt, 2024,
     Person().Rated(2023, kHtxs).h, false, "Chưa có xếp loại năm 2024"},
    {"RecruitedExactlySixMonthsBeforeYearEndQualifies", "Thông tư 01/2024/TT-BNV", A::kLdtt, 2024,
     Person().Rated(2024, kHtt).Recruited(Date(2024, 7, 1)).h, true, "01/07/2024"},
    {"RecruitedSixMonthsLessADayBeforeYearEndDoesNotQualify", "Thông tư 01/2024/TT-BNV", A::kLdtt, 2024,
     Person().Rated(2024, kHtt).Recruited(Date(2024, 7, 2)).h, false, "Ngày tuyển dụng: 02/07/2024"},
    {"AReprimandDuringTheYearDisqualifies", "Thông tư 01/2024/TT-BNV", A::kLdtt, 2024,
     Person().Rated(2024, kHtxs).Discipline(Date(2024, 3, 1), Date(2024, 9, 1)).h, false, "khiển trách"},
    {"ADisciplineEndedTheYearBeforeDoesNotDisqualify", "Thông tư 01/2024/TT-BNV", A::kLdtt, 2024,
     Person().Rated(2024, kHtt).Discipline(Date(2023, 1, 1), Date(2023, 12, 31)).h, true},
    {"APendingDisciplineReviewDisqualifies", "Nghị định 98/2023/NĐ-CP", A::kLdtt, 2024,
     Person().Rated(2024, kHtxs).Pending(Date(2024, 11, 5)).h, false, "Đang xem xét kỷ luật"},
    {"RegistrationIsNotRequiredByDefault", "Điều 24 khoản 1 điểm a Luật TĐKT 2022", A::kLdtt, 2024,
     Person().Rated(2024, kHtt).h, true},
};
INSTANTIATE_TEST_SUITE_P(Ldtt, PersonRuleTest, testing::ValuesIn(kLdtt),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- CSTDCS ----
const PersonRow kCstdcs[] = {
    {"ExcellentWithTheLdttStandardQualifiesWithoutAnLdttAward", "Điều 23 khoản 2 Luật TĐKT 2022", A::kCstdcs,
     2024, Person().Rated(2024, kHtxs).h, true},
    {"GoodWithABasisInitiativeOfTheYearQualifies", "Điều 23 khoản 2 Luật TĐKT 2022", A::kCstdcs, 2024,
     Person().Rated(2024, kHtt).Initiative(Date(2024, 5, 12), kCoSo).h, true, "SK1"},
    {"GoodWithAnInitiativeOfTheYearBeforeDoesNotQualify", "Điều 23 khoản 2 Luật TĐKT 2022", A::kCstdcs, 2024,
     Person().Rated(2024, kHtt).Initiative(Date(2023, 12, 31), kCoSo).h, false, "Không có sáng kiến"},
    {"ExcellentButRecruitedInSeptemberDoesNotQualify", "Điều 23 khoản 1 Luật TĐKT 2022", A::kCstdcs, 2024,
     Person().Rated(2024, kHtxs).Recruited(Date(2024, 9, 1)).h, false, "Chưa đạt"},
    {"ExcellentButDisciplinedInTheYearDoesNotQualify", "Điều 23 khoản 1 Luật TĐKT 2022", A::kCstdcs, 2024,
     Person().Rated(2024, kHtxs).Discipline(Date(2024, 2, 1), Date(2025, 1, 31), "canh_cao").h, false,
     "cảnh cáo"},
};
INSTANTIATE_TEST_SUITE_P(Cstdcs, PersonRuleTest, testing::ValuesIn(kCstdcs),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- CSTD_TINH ----
Person ThreeYearsOfCstdcs() {
  return Person()
      .Rated(2022, 2024, kHtxs)
      .Award(A::kCstdcs, 2022)
      .Award(A::kCstdcs, 2023)
      .Initiative(Date(2023, 6, 1), kTinh);
}
const PersonRow kCstdTinh[] = {
    {"ThreeConsecutiveCstdcsWithAProvincialInitiativeQualify", "Điều 22 điểm a Luật TĐKT 2022", A::kCstdTinh,
     2024, ThreeYearsOfCstdcs().h, true},
    {"ARunBrokenByOneYearDoesNotQualify", "Điều 22 điểm a Luật TĐKT 2022", A::kCstdTinh, 2024,
     Person()
         .Rated(2021, 2024, kHtxs)
         .Award(A::kCstdcs, 2021)
         .Award(A::kCstdcs, 2023)
         .Initiative(Date(2023, 6, 1), kTinh)
         .h,
     false, "Năm 2022: không có quyết định tặng Chiến sĩ thi đua cơ sở"},
    {"AnEarlierYearCountsOnlyIfAwardedNotIfItWouldHaveQualified", "Điều 22 điểm a Luật TĐKT 2022",
     A::kCstdTinh, 2024,
     Person().Rated(2022, 2024, kHtxs).Award(A::kCstdcs, 2023).Initiative(Date(2023, 6, 1), kTinh).h, false,
     "Năm 2022: không có quyết định"},
    {"ARevokedCstdcsBreaksTheRun", "Điều 94 khoản 2 Luật TĐKT 2022", A::kCstdTinh, 2024,
     Person()
         .Rated(2022, 2024, kHtxs)
         .Award(A::kCstdcs, 2022)
         .Revoked(A::kCstdcs, 2023)
         .Initiative(Date(2023, 6, 1), kTinh)
         .h,
     false, "đã bị hủy bỏ"},
    {"AThematicCstdcsDoesNotCount", "Nguyên tắc khen thưởng, Nghị định 98/2023/NĐ-CP", A::kCstdTinh, 2024,
     Person()
         .Rated(2022, 2024, kHtxs)
         .Award(A::kCstdcs, 2022)
         .Award(A::kCstdcs, 2023, 2023, M::kChuyenDe)
         .Initiative(Date(2023, 6, 1), kTinh)
         .h,
     false, "chuyên đề"},
    {"ABasisLevelInitiativeIsNotEnough", "Điều 22 điểm b Luật TĐKT 2022", A::kCstdTinh, 2024,
     Person()
         .Rated(2022, 2024, kHtxs)
         .Award(A::kCstdcs, 2022)
         .Award(A::kCstdcs, 2023)
         .Initiative(Date(2023, 6, 1), kCoSo)
         .h,
     false, "phạm vi chưa đủ"},
    {"AProvincialInitiativeBeforeThePeriodIsNotEnough", "Điều 22 điểm b Luật TĐKT 2022", A::kCstdTinh, 2024,
     Person()
         .Rated(2022, 2024, kHtxs)
         .Award(A::kCstdcs, 2022)
         .Award(A::kCstdcs, 2023)
         .Initiative(Date(2021, 6, 1), kTinh)
         .h,
     false},
    {"YearsCountedForThePreviousAwardAreNotCountedAgain", "Điều 30 khoản 9 Nghị định 98/2023/NĐ-CP",
     A::kCstdTinh, 2024, ThreeYearsOfCstdcs().Award(A::kCstdcs, 2021).Award(A::kCstdTinh, 2021, 2023).h,
     false, "đã tính cho lần khen thưởng trước"},
    {"ThreeNewYearsAfterThePreviousAwardQualify", "Nghị định 152/2025/NĐ-CP", A::kCstdTinh, 2026,
     Person()
         .Rated(2024, 2026, kHtxs)
         .Award(A::kCstdTinh, 2021, 2023)
         .Award(A::kCstdcs, 2024)
         .Award(A::kCstdcs, 2025)
         .Initiative(Date(2025, 3, 1), kTinh)
         .h,
     true},
    {"AwardsBeforeADisciplineEndedDoNotCount", "Nghị định 98/2023/NĐ-CP", A::kCstdTinh, 2024,
     ThreeYearsOfCstdcs().Discipline(Date(2021, 6, 1), Date(2022, 5, 31)).h, false,
     "kết thúc ngày 31/05/2022"},
    {"AwardsAfterADisciplineEndedCount", "Điều 4 Nghị định 152/2025/NĐ-CP", A::kCstdTinh, 2025,
     Person()
         .Rated(2023, 2025, kHtxs)
         .Discipline(Date(2021, 6, 1), Date(2022, 5, 31))
         .Award(A::kCstdcs, 2023)
         .Award(A::kCstdcs, 2024)
         .Initiative(Date(2024, 6, 1), kTinh)
         .h,
     true},
};
INSTANTIATE_TEST_SUITE_P(CstdTinh, PersonRuleTest, testing::ValuesIn(kCstdTinh),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- CSTD_TQ ----
const PersonRow kCstdTq[] = {
    {"TwoSuccessiveProvincialTitlesWithANationalInitiativeQualify", "Điều 21 điểm a Luật TĐKT 2022",
     A::kCstdTq, 2024,
     Person()
         .Rated(2019, 2024, kHtxs)
         .Award(A::kCstdTinh, 2019, 2021)
         .Award(A::kCstdTinh, 2022, 2024)
         .Initiative(Date(2023, 4, 1), kToanQuoc)
         .h,
     true},
    {"RecordsGivingOnlyTheDecisionYearMatchToo", "Điều 21 điểm a Luật TĐKT 2022", A::kCstdTq, 2024,
     Person()
         .Rated(2019, 2024, kHtxs)
         .Award(A::kCstdTinh, 2021)
         .Award(A::kCstdTinh, 2024)
         .Initiative(Date(2023, 4, 1), kToanQuoc)
         .h,
     true},
    {"PeriodsWithAGapBetweenThemDoNotQualify", "Điều 21 điểm a Luật TĐKT 2022", A::kCstdTq, 2024,
     Person()
         .Rated(2019, 2024, kHtxs)
         .Award(A::kCstdTinh, 2018, 2020)
         .Award(A::kCstdTinh, 2022, 2024)
         .Initiative(Date(2023, 4, 1), kToanQuoc)
         .h,
     false, "Lần 1 (thành tích 2019–2021): không có quyết định"},
    {"ARevokedProvincialTitleCountsForNothing", "Điều 94 khoản 2 Luật TĐKT 2022", A::kCstdTq, 2024,
     Person()
         .Rated(2019, 2024, kHtxs)
         .Award(A::kCstdTinh, 2019, 2021, M::kThuongXuyen, true)
         .Award(A::kCstdTinh, 2022, 2024)
         .Initiative(Date(2023, 4, 1), kToanQuoc)
         .h,
     false, "đã bị hủy bỏ"},
    {"AProvincialInitiativeIsNotEnough", "Điều 21 điểm b Luật TĐKT 2022", A::kCstdTq, 2024,
     Person()
         .Rated(2019, 2024, kHtxs)
         .Award(A::kCstdTinh, 2019, 2021)
         .Award(A::kCstdTinh, 2022, 2024)
         .Initiative(Date(2023, 4, 1), kTinh)
         .h,
     false, "phạm vi chưa đủ"},
};
INSTANTIATE_TEST_SUITE_P(CstdTq, PersonRuleTest, testing::ValuesIn(kCstdTq),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- BK_TINH, clause d ----
const PersonRow kBkTinh[] = {
    {"TwoConsecutiveCstdcsQualify", "Điều 74 khoản 1 điểm d Luật TĐKT 2022", A::kBkTinh, 2024,
     Person().Rated(2023, 2024, kHtxs).Award(A::kCstdcs, 2023).h, true, "Cách 1 (đạt)"},
    {"CstdcsTwoYearsApartDoNotQualify", "Điều 74 khoản 1 điểm d Luật TĐKT 2022", A::kBkTinh, 2024,
     Person().Rated(2022, kHtxs).Rated(2023, kHtt).Rated(2024, kHtxs).Award(A::kCstdcs, 2022).h, false,
     "Năm 2023: không có quyết định"},
    {"TwoExcellentYearsWithTwoBasisInitiativesQualify", "Điều 74 khoản 1 điểm d Luật TĐKT 2022", A::kBkTinh,
     2024,
     Person()
         .Rated(2023, 2024, kHtxs)
         .Initiative(Date(2023, 5, 1), kCoSo)
         .Initiative(Date(2024, 5, 1), kCoSo)
         .h,
     true, "Cách 2 (đạt)"},
    {"TwoExcellentYearsWithOneInitiativeDoNotQualify", "Điều 74 khoản 1 điểm d Luật TĐKT 2022", A::kBkTinh,
     2024, Person().Rated(2023, 2024, kHtxs).Initiative(Date(2024, 5, 1), kCoSo).h, false,
     "Có 1/2 sáng kiến"},
    {"AnExcellentRunBrokenInTheYearDoesNotQualify", "Điều 74 khoản 1 điểm d Luật TĐKT 2022", A::kBkTinh, 2024,
     Person()
         .Rated(2023, kHtxs)
         .Rated(2024, kHtt)
         .Initiative(Date(2023, 5, 1), kCoSo)
         .Initiative(Date(2024, 5, 1), kCoSo)
         .h,
     false},
    {"ClausesAToCAreLeftToJudgementWithoutChangingTheAnswer", "Điều 74 khoản 1 điểm a Luật TĐKT 2022",
     A::kBkTinh, 2024, Person().Rated(2024, kHt).h, false},
    {"YearsOfTheLastBangKhenAreNotCountedAgain", "Điều 30 khoản 9 Nghị định 98/2023/NĐ-CP", A::kBkTinh, 2024,
     Person()
         .Rated(2022, 2024, kHtxs)
         .Award(A::kCstdcs, 2022)
         .Award(A::kCstdcs, 2023)
         .Award(A::kBkTinh, 2022, 2023)
         .h,
     false, "đã tính cho lần khen thưởng trước"},
    {"AThematicBangKhenDoesNotUseUpTheYears", "Điều 74 khoản 1 điểm d Luật TĐKT 2022", A::kBkTinh, 2024,
     Person().Rated(2023, 2024, kHtxs).Award(A::kCstdcs, 2023).Award(A::kBkTinh, 2023, 2023, M::kChuyenDe).h,
     true},
};
INSTANTIATE_TEST_SUITE_P(BkTinh, PersonRuleTest, testing::ValuesIn(kBkTinh),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- BK_TTG, clause b ----
Person FiveGoodYearsAfter(int bk_from, int bk_to, AwardMethod method = M::kThuongXuyen,
                          bool revoked = false) {
  return Person()
      .Rated(bk_from, 2023, kHtt)
      .Rated(2024, kHtxs)
      .Award(A::kBkTinh, bk_from, bk_to, method, revoked)
      .Award(A::kCstdcs, 2020)
      .Award(A::kCstdcs, 2022);
}
const PersonRow kBkTtg[] = {
    {"ABangKhenThenFiveGoodYearsWithThreeCstdcsQualify", "Điều 73 khoản 1 điểm b Luật TĐKT 2022", A::kBkTtg,
     2024, FiveGoodYearsAfter(2018, 2019).h, true, "Lần khen thưởng trước"},
    {"YearsInsideThePreviousAwardsPeriodDoNotCount", "Điều 30 khoản 9 Nghị định 98/2023/NĐ-CP", A::kBkTtg,
     2024, FiveGoodYearsAfter(2019, 2020).h, false, "(4 năm)"},
    {"AThematicBangKhenIsNotThePreviousAward", "Nguyên tắc khen thưởng, Nghị định 98/2023/NĐ-CP", A::kBkTtg,
     2024, FiveGoodYearsAfter(2018, 2019, M::kChuyenDe).h, false, "chuyên đề"},
    {"ARevokedBangKhenIsNotThePreviousAward", "Điều 94 khoản 2 Luật TĐKT 2022", A::kBkTtg, 2024,
     FiveGoodYearsAfter(2018, 2019, M::kThuongXuyen, /*revoked=*/true).h, false, "đã bị hủy bỏ"},
    {"TwoCstdcsInFiveYearsAreNotEnough", "Điều 73 khoản 1 điểm b Luật TĐKT 2022", A::kBkTtg, 2024,
     Person()
         .Rated(2018, 2024, kHtt)
         .Award(A::kBkTinh, 2018, 2019)
         .Award(A::kCstdcs, 2020)
         .Award(A::kCstdcs, 2022)
         .h,
     false, "Chiến sĩ thi đua cơ sở: 2/3 lần"},
    {"OneYearRatedCompleteBreaksTheFiveYears", "Điều 73 khoản 1 điểm b Luật TĐKT 2022", A::kBkTtg, 2024,
     FiveGoodYearsAfter(2018, 2019).Rated(2021, kHt).h, false, "chuỗi năm liên tục dừng ở đây"},
    {"ASecondBangKhenOfThePrimeMinisterNeedsANewProvincialOne", "Điều 30 khoản 9 Nghị định 98/2023/NĐ-CP",
     A::kBkTtg, 2024,
     Person()
         .Rated(2015, 2023, kHtt)
         .Rated(2024, kHtxs)
         .Award(A::kBkTinh, 2017, 2018)
         .Award(A::kBkTtg, 2015, 2019)
         .Award(A::kCstdcs, 2020)
         .Award(A::kCstdcs, 2022)
         .h,
     false, "trước thời gian tính thành tích (từ năm 2020)"},
    {"WithoutABangKhenBeforeJuly2025DoesNotQualify", "Điều 73 khoản 1 điểm b Luật TĐKT 2022", A::kBkTtg, 2025,
     Person().Rated(2021, 2025, kHtt).Award(A::kCstdcs, 2021).Award(A::kCstdcs, 2023).Rated(2025, kHtxs).h,
     false, "Chưa được tặng Bằng khen của Chủ tịch UBND tỉnh", Date(2025, 6, 30)},
    {"WithoutABangKhenFromJuly2025QualifiesAsALowerFormIsNoPrerequisite", "Điều 4 Nghị định 152/2025/NĐ-CP",
     A::kBkTtg, 2025,
     Person().Rated(2021, 2025, kHtt).Award(A::kCstdcs, 2021).Award(A::kCstdcs, 2023).Rated(2025, kHtxs).h,
     true, "không bắt buộc", Date(2025, 7, 1)},
};
INSTANTIATE_TEST_SUITE_P(BkTtg, PersonRuleTest, testing::ValuesIn(kBkTtg),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- awards resting on judgement ----
const PersonRow kJudgement[] = {
    {"AnOrderRestsOnJudgement", "Điều 83 khoản 2", A::kHcld3, 2024, Person().Rated(2024, kHtxs).h,
     std::nullopt},
    {"AnOrderIsRefusedWhileADisciplineReviewIsPending", "Nghị định 98/2023/NĐ-CP", A::kHcld1, 2024,
     Person().Rated(2024, kHtxs).Pending(Date(2024, 12, 1)).h, false},
    {"AGiayKhenWithoutProvincialCriteriaRestsOnJudgement", "Điều 75 khoản 2 Luật TĐKT 2022", A::kGk, 2024,
     Person().Rated(2024, kHtxs).h, std::nullopt},
};
INSTANTIATE_TEST_SUITE_P(Judgement, PersonRuleTest, testing::ValuesIn(kJudgement),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- collectives ----

MemberYear Member(int i, std::optional<Rating> rating, bool ldtt, bool cstdcs = false,
                  std::optional<std::string> discipline = std::nullopt) {
  return MemberYear{"P" + std::to_string(1000 + i), rating, ldtt, cstdcs, std::move(discipline)};
}

struct Unit {
  UnitHistory h;
  Unit() {
    h.code = "SYT";
    h.name = "Sở Y tế";
  }
  Unit& Rated(int year, Rating r) {
    h.ratings.push_back({year, r});
    return *this;
  }
  // `n` members in `year`, the first `ldtt` of them LDTT, the first `cstdcs` CSTDCS, all rated HTT.
  Unit& Members(int year, int n, int ldtt, int cstdcs = 0) {
    std::vector<MemberYear>& members = h.members_by_year[year];
    for (int i = 0; i < n; ++i) members.push_back(Member(i, kHtt, i < ldtt, i < cstdcs));
    return *this;
  }
  Unit& With(int year, MemberYear m) {
    h.members_by_year[year].push_back(std::move(m));
    return *this;
  }
  Unit& Leader(int year) {
    h.block_leader_years.insert(year);
    return *this;
  }
  Unit& Dissolved(Date d) {
    h.dissolved_on = d;
    return *this;
  }
};

struct UnitRow {
  const char* name;
  const char* article;
  AwardCode award;
  int year;
  UnitHistory history;
  std::optional<bool> eligible;
  const char* fact = "";
};
std::ostream& operator<<(std::ostream& os, const UnitRow& row) { return os << row.name; }

class UnitRuleTest : public testing::TestWithParam<UnitRow> {};

TEST_P(UnitRuleTest, Holds) {
  const UnitRow& row = GetParam();
  const RuleSet* rules = Book().ForYear(row.year);
  ASSERT_NE(rules, nullptr);
  AwardVerdict v = EvaluateUnitAward(*rules, Settings{}, row.history, row.year, row.award);
  Check(v, row.eligible, row.article, row.fact);
}

const UnitRow kUnits[] = {
    {"TtldttWithMoreThanHalfLdttQualifies", "Điều 28 Luật TĐKT 2022", A::kTtldtt, 2024,
     Unit().Rated(2024, kHtt).Members(2024, 5, 3).h, true, "3/5 thành viên"},
    {"TtldttWithExactlyHalfLdttDoesNotQualify", "Điều 28 Luật TĐKT 2022", A::kTtldtt, 2024,
     Unit().Rated(2024, kHtt).Members(2024, 4, 2).h, false, "2/4 thành viên đạt Lao động tiên tiến (50%)"},
    {"TtldttWithAMemberWarnedDoesNotQualify", "Điều 28 Luật TĐKT 2022", A::kTtldtt, 2024,
     Unit().Rated(2024, kHtt).Members(2024, 4, 4).With(2024, Member(9, kHt, false, false, "CANH_CAO")).h,
     false, "P1009: kỷ luật cảnh cáo"},
    {"TtldttWithAMemberReprimandedQualifies", "Điều 28 Luật TĐKT 2022", A::kTtldtt, 2024,
     Unit().Rated(2024, kHtt).Members(2024, 4, 4).With(2024, Member(9, kHt, false, false, "khien_trach")).h,
     true},
    {"TtldttOfAUnitRatedCompleteDoesNotQualify", "Điều 28 Luật TĐKT 2022", A::kTtldtt, 2024,
     Unit().Rated(2024, kHt).Members(2024, 4, 4).h, false},
    {"TtldxsWithExactlySeventyPercentLdttQualifies", "Điều 27 điểm c Luật TĐKT 2022", A::kTtldxs, 2024,
     Unit().Rated(2024, kHtxs).Members(2024, 10, 7, 1).h, true,
     "7/10 thành viên đạt Lao động tiên tiến (70%)"},
    {"TtldxsWithSixtyNinePercentLdttDoesNotQualify", "Điều 27 điểm c Luật TĐKT 2022", A::kTtldxs, 2024,
     Unit().Rated(2024, kHtxs).Members(2024, 100, 69, 1).h, false, "(69%)"},
    {"TtldxsWithOneMemberNotCompletingTasksDoesNotQualify", "Điều 27 điểm c Luật TĐKT 2022", A::kTtldxs, 2024,
     Unit().Rated(2024, kHtxs).Members(2024, 9, 9, 1).With(2024, Member(9, kKht, false)).h, false,
     "Chưa đạt: P1009"},
    {"TtldxsWithAMemberNotRatedDoesNotQualify", "Điều 27 điểm c Luật TĐKT 2022", A::kTtldxs, 2024,
     Unit().Rated(2024, kHtxs).Members(2024, 9, 9, 1).With(2024, Member(9, std::nullopt, false)).h, false},
    {"TtldxsWithoutACstdcsMemberDoesNotQualify", "Điều 27 điểm d Luật TĐKT 2022", A::kTtldxs, 2024,
     Unit().Rated(2024, kHtxs).Members(2024, 10, 10, 0).h, false, "0/10"},
    {"TtldxsOfAUnitRatedGoodDoesNotQualify", "Điều 27 điểm a Luật TĐKT 2022", A::kTtldxs, 2024,
     Unit().Rated(2024, kHtt).Members(2024, 10, 10, 1).h, false},
    {"TtldxsWithoutMembersDoesNotQualify", "Điều 27 điểm c Luật TĐKT 2022", A::kTtldxs, 2024,
     Unit().Rated(2024, kHtxs).h, false, "Không có dữ liệu thành viên năm 2024"},
    {"TheFlagGoesToTheBlockLeaderRatedExcellent", "Điều 26 Luật TĐKT 2022", A::kCoTinh, 2024,
     Unit().Rated(2024, kHtxs).Leader(2024).h, true},
    {"TheFlagIsNotForAUnitThatDidNotLeadItsBlock", "Điều 26 Luật TĐKT 2022", A::kCoTinh, 2024,
     Unit().Rated(2024, kHtxs).Leader(2023).h, false, "Không có kết quả bình chọn"},
    {"TheGovernmentFlagRestsOnJudgement", "Điều 25 Luật TĐKT 2022", A::kCoCp, 2024,
     Unit().Rated(2024, kHtxs).Leader(2024).h, std::nullopt},
    {"ADissolvedUnitCannotBeCommendedEvenByJudgement", "Thông tư 15/2025/TT-BNV", A::kCoCp, 2025,
     Unit().Rated(2025, kHtxs).Leader(2025).Dissolved(Date(2025, 7, 1)).h, false, "giải thể ngày 01/07/2025"},
    {"ADissolvedUnitGetsNoTitle", "Thông tư 15/2025/TT-BNV", A::kTtldxs, 2025,
     Unit().Rated(2025, kHtxs).Members(2025, 10, 10, 1).Dissolved(Date(2025, 7, 1)).h, false},
};
INSTANTIATE_TEST_SUITE_P(Units, UnitRuleTest, testing::ValuesIn(kUnits),
                         [](const auto& info) { return std::string(info.param.name); });

// ---- whole verdicts, settings, members, quota ----

TEST(VerdictsTest, ListEveryPersonAwardInDomainOrder) {
  Verdicts v = EvaluatePerson(*Book().ForYear(2024), Settings{}, Person().Rated(2024, kHtt).h, 2024);
  EXPECT_EQ(v.subject_type, "person");
  EXPECT_EQ(v.code, "P0001");
  EXPECT_EQ(v.rule_set, "Luật TĐKT 2022; Nghị định 98/2023/NĐ-CP");
  std::vector<std::string> awards;
  for (const AwardVerdict& a : v.results) awards.push_back(a.award);
  EXPECT_EQ(awards, (std::vector<std::string>{"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "GK", "BK_TINH",
                                              "BK_TTG", "HCLD3", "HCLD2", "HCLD1"}));
  EXPECT_EQ(v.results[5].judgement_paths.size(), 3u);  // BK_TINH clauses a–c
}

TEST(VerdictsTest, ListEveryUnitAwardInDomainOrder) {
  Verdicts v = EvaluateUnit(*Book().ForYear(2025), Settings{}, Unit().Rated(2025, kHtt).h, 2025);
  EXPECT_EQ(v.subject_type, "unit");
  EXPECT_EQ(v.rule_set, "Luật TĐKT 2022; Nghị định 152/2025/NĐ-CP; Thông tư 15/2025/TT-BNV");
  std::vector<std::string> awards;
  for (const AwardVerdict& a : v.results) awards.push_back(a.award);
  EXPECT_EQ(awards, (std::vector<std::string>{"TTLDTT", "TTLDXS", "CO_TINH", "CO_CP", "GK", "BK_TINH",
                                              "BK_TTG", "HCLD3", "HCLD2", "HCLD1"}));
}

TEST(VerdictsTest, ConditionTextsNameTheYearAndTheArticle) {
  AwardVerdict v =
      EvaluatePersonAward(*Book().ForYear(2024), Settings{}, Person().Rated(2024, kHtxs).h, 2024, A::kCstdcs);
  ASSERT_TRUE(v.eligible.value_or(false)) << Dump(v);
  bool found = false;
  for (const Condition& c : v.conditions) {
    if (c.text ==
        "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, đề tài khoa học được công nhận cấp cơ sở năm 2024") {
      found = true;
      EXPECT_EQ(c.basis, "Điều 23 khoản 2 Luật TĐKT 2022");
      EXPECT_TRUE(c.met);
    }
  }
  EXPECT_TRUE(found) << Dump(v);
}

bool Same(const Condition& a, const Condition& b) {
  return a.met == b.met && a.text == b.text && a.basis == b.basis && a.facts == b.facts;
}
bool Same(const std::vector<Condition>& a, const std::vector<Condition>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](auto& x, auto& y) { return Same(x, y); });
}
bool Same(const Verdicts& a, const Verdicts& b) {
  if (a.subject_type != b.subject_type || a.code != b.code || a.name != b.name || a.year != b.year ||
      a.rule_set != b.rule_set || a.results.size() != b.results.size())
    return false;
  for (size_t i = 0; i < a.results.size(); ++i) {
    const AwardVerdict& x = a.results[i];
    const AwardVerdict& y = b.results[i];
    if (x.award != y.award || x.eligible != y.eligible || !Same(x.conditions, y.conditions) ||
        !Same(x.judgement_paths, y.judgement_paths))
      return false;
  }
  return true;
}

TEST(VerdictsTest, ReusedVerdictsEqualFreshOnes) {
  const RuleSet& rules = *Book().ForYear(2025);
  Settings settings;
  settings.registration_required = true;  // a condition that appears for one person only
  PersonHistory busy =
      FiveGoodYearsAfter(2018, 2019).Pending(Date(2025, 1, 1)).Rated(2025, kHtxs).Registered(2025).h;
  PersonHistory quiet = Person().Rated(2025, kHt).h;
  Verdicts reused;
  EvaluatePersonInto(rules, settings, busy, 2025, reused);
  EvaluatePersonInto(rules, settings, quiet, 2025, reused);
  EXPECT_TRUE(Same(reused, EvaluatePerson(rules, settings, quiet, 2025)));
  EvaluatePersonInto(rules, settings, busy, 2025, reused);
  EXPECT_TRUE(Same(reused, EvaluatePerson(rules, settings, busy, 2025)));

  UnitHistory big = Unit().Rated(2025, kHtxs).Members(2025, 30, 20, 2).Leader(2025).h;
  UnitHistory gone = Unit().Dissolved(Date(2025, 7, 1)).h;
  Verdicts units;
  EvaluateUnitInto(rules, settings, big, 2025, units);
  EvaluateUnitInto(rules, settings, gone, 2025, units);
  EXPECT_TRUE(Same(units, EvaluateUnit(rules, settings, gone, 2025)));
}

TEST(SettingsTest, ARequiredRegistrationIsChecked) {
  Settings settings;
  settings.registration_required = true;
  const RuleSet& rules = *Book().ForYear(2024);
  Person unregistered = Person().Rated(2024, kHtt);
  EXPECT_EQ(EvaluatePersonAward(rules, settings, unregistered.h, 2024, A::kLdtt).eligible, false);
  EXPECT_EQ(EvaluatePersonAward(rules, settings, unregistered.Registered(2024).h, 2024, A::kLdtt).eligible,
            true);
}

TEST(SettingsTest, TheRecruitmentMonthsAreASetting) {
  Settings settings;
  settings.ldtt_min_months_served = 10;
  const RuleSet& rules = *Book().ForYear(2024);
  EXPECT_EQ(EvaluatePersonAward(rules, settings, Person().Rated(2024, kHtt).Recruited(Date(2024, 3, 1)).h,
                                2024, A::kLdtt)
                .eligible,
            true);
  EXPECT_EQ(EvaluatePersonAward(rules, settings, Person().Rated(2024, kHtt).Recruited(Date(2024, 3, 2)).h,
                                2024, A::kLdtt)
                .eligible,
            false);
}

TEST(SettingsTest, TheTtldttDisciplineLevelIsASetting) {
  Settings settings;
  settings.ttldtt_member_discipline_level = "khien_trach";
  UnitHistory unit =
      Unit().Rated(2024, kHtt).Members(2024, 4, 4).With(2024, Member(9, kHt, false, false, "khien_trach")).h;
  AwardVerdict v = EvaluateUnitAward(*Book().ForYear(2024), settings, unit, 2024, A::kTtldtt);
  EXPECT_EQ(v.eligible, false) << Dump(v);
  EXPECT_TRUE(Mentions(v, "từ hình thức khiển trách trở lên"));
}

TEST(SettingsTest, GiayKhenCriteriaOfTheProvinceDecide) {
  Result<std::vector<RuleCondition>> criteria = ParseConditionList("gk.toml", R"(
[[condition]]
primitive = "rating_at_least"
rating = "HTXS"
text = "{rating} năm {year}"
basis = "Quyết định 12/2024/QĐ-UBND của tỉnh"
)",
                                                                   SubjectType::kPerson);
  ASSERT_TRUE(criteria.ok()) << criteria.status().message();
  Settings settings;
  settings.gk_person_criteria = criteria.value();
  const RuleSet& rules = *Book().ForYear(2024);
  AwardVerdict yes = EvaluatePersonAward(rules, settings, Person().Rated(2024, kHtxs).h, 2024, A::kGk);
  EXPECT_EQ(yes.eligible, true) << Dump(yes);
  EXPECT_TRUE(Mentions(yes, "Quyết định 12/2024/QĐ-UBND"));
  EXPECT_EQ(EvaluatePersonAward(rules, settings, Person().Rated(2024, kHtt).h, 2024, A::kGk).eligible, false);
}

TEST(SettingsTest, DefaultsAreValidAndBadOnesAreNamed) {
  EXPECT_TRUE(ValidateSettings(Settings{}).ok());
  Settings bad;
  bad.cstdcs_quota_percent = 150;
  bad.ttldtt_member_discipline_level = "mắng";
  Status s = ValidateSettings(bad);
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_EQ(s.fields().count("cstdcs_quota_percent"), 1u);
  EXPECT_EQ(s.fields().count("ttldtt_member_discipline_level"), 1u);
}

TEST(MemberYearTest, IsJudgedByTheSameRules) {
  const RuleSet& rules = *Book().ForYear(2024);
  MemberYear excellent = SummariseMemberYear(rules, Settings{}, Person().Rated(2024, kHtxs).h, 2024);
  EXPECT_EQ(excellent.person_code, "P0001");
  EXPECT_EQ(excellent.rating, kHtxs);
  EXPECT_TRUE(excellent.meets_ldtt);
  EXPECT_TRUE(excellent.meets_cstdcs);
  MemberYear warned = SummariseMemberYear(
      rules, Settings{},
      Person().Rated(2024, kHtt).Discipline(Date(2024, 5, 1), Date(2025, 4, 30), "canh_cao").h, 2024);
  EXPECT_FALSE(warned.meets_ldtt);
  EXPECT_EQ(warned.worst_discipline_level_in_year, "canh_cao");
  MemberYear newcomer =
      SummariseMemberYear(rules, Settings{}, Person().Rated(2024, kHtt).Recruited(Date(2024, 10, 1)).h, 2024);
  EXPECT_FALSE(newcomer.meets_ldtt);
}

TEST(QuotaTest, AllowsFifteenPercentOfLdttRoundedDown) {
  QuotaCheck q = CstdcsQuota(Settings{}, 20, 2);
  EXPECT_EQ(q.allowed, 3);
  EXPECT_EQ(q.used, 2);
  EXPECT_EQ(q.remaining, 1);
  EXPECT_TRUE(q.within);
  EXPECT_NE(q.basis.find("Nghị định 91/2017"), std::string::npos);
  QuotaCheck small = CstdcsQuota(Settings{}, 6, 1);
  EXPECT_EQ(small.allowed, 0);
  EXPECT_FALSE(small.within);
  Settings settings;
  settings.cstdcs_quota_percent = 20;
  EXPECT_EQ(CstdcsQuota(settings, 10, 0).allowed, 2);
}

TEST(RecordsTest, RecordsAfterTheYearUnderReviewAreIgnored) {
  const RuleSet& rules = *Book().ForYear(2024);
  PersonHistory h = Person()
                        .Rated(2022, 2024, kHtxs)
                        .Award(A::kCstdcs, 2022)
                        .Award(A::kCstdcs, 2023)
                        .Initiative(Date(2025, 2, 1), kTinh)
                        .h;
  EXPECT_EQ(EvaluatePersonAward(rules, Settings{}, h, 2024, A::kCstdTinh).eligible, false);
}

}  // namespace
}  // namespace thidua::domain
