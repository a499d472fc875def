#include "base/date.h"

#include <cstdio>

namespace thidua {
namespace {

// Parses exactly `len` digits at text[pos]; -1 on failure.
int Digits(std::string_view text, size_t pos, size_t len) {
  if (pos + len > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > DaysInMonth(year, month)) return std::nullopt;
  return Date(year, month, day);
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    return FromYmd(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2));
  }
  // dd/mm/yyyy with one- or two-digit day and month.
  size_t first = text.find('/');
  if (first == std::string_view::npos || first == 0 || first > 2) return std::nullopt;
  size_t second = text.find('/', first + 1);
  if (second == std::string_view::npos || second - first - 1 == 0 || second - first - 1 > 2) return std::nullopt;
  if (text.size() - second - 1 != 4) return std::nullopt;
  int day = Digits(text, 0, first);
  int month = Digits(text, first + 1, second - first - 1);
  int year = Digits(text, second + 1, 4);
  if (day < 0 || month < 0 || year < 0) return std::nullopt;
  return FromYmd(year, month, day);
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t Date::DaysSinceEpoch() const {
  int y = year_ - (month_ <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned mp = static_cast<unsigned>(month_ + (month_ > 2 ? -3 : 9));
  unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day_) - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date Date::FromDaysSinceEpoch(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(days - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date(static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d));
}

int Date::Weekday() const {
  int64_t days = DaysSinceEpoch();
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

std::string Date::Vietnamese() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day_, month_, year_);
  return buf;
}

}  // namespace thidua
