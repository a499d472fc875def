// Date: a calendar day (proleptic Gregorian), as used for every date in thidua.
// Dates are days in Asia/Ho_Chi_Minh; there is no time of day and no time zone here.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace thidua {

class Date {
 public:
  // REQUIRES: the triple is a valid date (use FromYmd to check untrusted input).
  constexpr Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}

  // Returns the date if year/month/day form a real day in years 1..9999.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // Parses "YYYY-MM-DD" or "dd/mm/yyyy" (also "d/m/yyyy"); nullopt if malformed or not a real day.
  static std::optional<Date> Parse(std::string_view text);
  // The day that is `days` days after 1970-01-01 (negative for earlier days).
  static Date FromDaysSinceEpoch(int64_t days);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  int64_t DaysSinceEpoch() const;
  Date AddDays(int64_t days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }
  // Day of week, 0 = Sunday … 6 = Saturday.
  int Weekday() const;

  std::string Iso() const;         // "2025-07-01"
  std::string Vietnamese() const;  // "01/07/2025"

  friend constexpr auto operator<=>(const Date&, const Date&) = default;
  friend constexpr bool operator==(const Date&, const Date&) = default;

 private:
  int year_;
  int month_;
  int day_;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

}  // namespace thidua
