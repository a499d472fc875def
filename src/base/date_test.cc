#include "base/date.h"

#include <gtest/gtest.h>

#include "base/clock.h"

namespace thidua {
namespace {

TEST(DateTest, ParsesIsoAndVietnameseForms) {
  EXPECT_EQ(Date::Parse("2025-07-01"), Date(2025, 7, 1));
  EXPECT_EQ(Date::Parse("01/07/2025"), Date(2025, 7, 1));
  EXPECT_EQ(Date::Parse("1/7/2025"), Date(2025, 7, 1));
}

TEST(DateTest, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(Date::Parse("2025-02-29").has_value());
  EXPECT_TRUE(Date::Parse("2024-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2025-13-01").has_value());
  EXPECT_FALSE(Date::Parse("31/04/2025").has_value());
  EXPECT_FALSE(Date::Parse("2025-7-1").has_value());
  EXPECT_FALSE(Date::Parse("").has_value());
  EXPECT_FALSE(Date::Parse("aa/bb/cccc").has_value());
}

TEST(DateTest, RoundTripsThroughDaysSinceEpoch) {
  EXPECT_EQ(Date(1970, 1, 1).DaysSinceEpoch(), 0);
  EXPECT_EQ(Date(2000, 3, 1).DaysSinceEpoch(), 11017);
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(Date::FromDaysSinceEpoch(d).DaysSinceEpoch(), d);
  }
}

TEST(DateTest, FormatsBothWays) {
  EXPECT_EQ(Date(2023, 9, 29).Iso(), "2023-09-29");
  EXPECT_EQ(Date(2023, 9, 29).Vietnamese(), "29/09/2023");
  EXPECT_EQ(Date(2023, 9, 29).Weekday(), 5);  // a Friday
}

TEST(ClockTest, TodayIsInVietnamTime) {
  // 2025-06-30T17:00:00Z is 2025-07-01 00:00 in Hà Nội.
  FakeClock clock(1751302800000);
  EXPECT_EQ(clock.Today(), Date(2025, 7, 1));
  clock.Advance(-1);
  EXPECT_EQ(clock.Today(), Date(2025, 6, 30));
}

}  // namespace
}  // namespace thidua
