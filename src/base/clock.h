// Clock: the only way code below app/ learns the time. Inject a FakeClock in tests.
#pragma once

#include <atomic>
#include <cstdint>

#include "base/date.h"

namespace thidua {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch (UTC).
  virtual int64_t NowMillis() const = 0;
  // Today's date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
  Date Today() const { return DateAt(NowMillis()); }
  // The calendar date in Asia/Ho_Chi_Minh at a Unix time in milliseconds.
  static Date DateAt(int64_t millis) {
    constexpr int64_t kDayMs = 86'400'000, kOffsetMs = 7 * 3'600'000;
    int64_t local = millis + kOffsetMs;
    int64_t days = local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
    return Date::FromDaysSinceEpoch(days);
  }
};

// The real clock; defined in app/ is not necessary as reading the system clock is harmless here,
// but domain/ never receives one (it is passed dates).
class SystemClock final : public Clock {
 public:
  int64_t NowMillis() const override;
};

// A clock that stands still until told to move. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t millis) : millis_(millis) {}
  int64_t NowMillis() const override { return millis_.load(); }
  void Advance(int64_t millis) { millis_ += millis; }
  void Set(int64_t millis) { millis_ = millis; }

 private:
  std::atomic<int64_t> millis_;
};

}  // namespace thidua
