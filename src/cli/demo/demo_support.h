// What the demo generators share: their PRNG, date arithmetic and the CSV row writer. Internal to
// src/cli/demo; everything is deterministic and integer-only (see demo_province.h).
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace thidua::demo::internal {

// xoshiro256** seeded through splitmix64, integer arithmetic only, so the output is the same on
// every platform (std::*_distribution and std::hash are implementation-defined). Not thread-safe.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& word : state_) word = SplitMix(seed);
  }

  uint64_t Next() {
    uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }
  // Uniform in [0, n). REQUIRES: n > 0. (The modulo bias is below 2^-40 for our n.)
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  bool Percent(int pct) { return Below(100) < pct; }
  bool PerMille(int per_mille) { return Below(1000) < per_mille; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t SplitMix(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t state_[4];
};

inline Date AddYears(Date d, int years) {
  int year = d.year() + years;
  return Date(year, d.month(), std::min(d.day(), DaysInMonth(year, d.month())));
}

inline Date AddMonths(Date d, int months) {
  int index = d.year() * 12 + (d.month() - 1) + months;
  int year = index / 12, month = index % 12 + 1;
  return Date(year, month, std::min(d.day(), DaysInMonth(year, month)));
}

inline Date EndOfMonth(Date d) { return Date(d.year(), d.month(), DaysInMonth(d.year(), d.month())); }

inline Date FirstOfNextMonth(Date d) { return EndOfMonth(d).AddDays(1); }

// Uniform in [lo, hi]. REQUIRES: lo <= hi.
inline Date RandomDay(Rng& rng, Date lo, Date hi) {
  return lo.AddDays(rng.Below(static_cast<int>(hi.DaysSinceEpoch() - lo.DaysSinceEpoch() + 1)));
}

// One RFC 4180 record ending in CRLF; fields are quoted only when they hold a comma, a quote or a
// line break.
inline void AppendRow(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out += ',';
    first = false;
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
      out += field;
      continue;
    }
    out += '"';
    for (char c : field) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
}

inline std::string DateText(const std::optional<Date>& date) { return date ? date->Iso() : ""; }

}  // namespace thidua::demo::internal
