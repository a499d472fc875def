#include "render/xlsx_values.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "base/date.h"

namespace thidua::render {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsHex(char c) { return (c >= '0' && c <= '9') || (Lower(c) >= 'a' && Lower(c) <= 'f'); }

void AppendUtf8(unsigned cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The code point of an "_xHHHH_" escape at text[pos], or nullopt.
std::optional<unsigned> EscapeAt(std::string_view text, size_t pos) {
  if (text.size() - pos < 7 || text.compare(pos, 2, "_x") != 0 || text[pos + 6] != '_') return std::nullopt;
  unsigned cp = 0;
  for (size_t i = pos + 2; i < pos + 6; ++i) {
    if (!IsHex(text[i])) return std::nullopt;
    char c = Lower(text[i]);
    cp = cp * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return std::nullopt;
  return cp;
}

std::optional<double> ParseDouble(std::string_view raw) {
  double value = 0;
  auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (error != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

bool IsBuiltinDateFormat(int id) { return id >= 14 && id <= 22; }

bool IsDateFormatCode(std::string_view code) {
  bool day_or_year = false, month = false, time = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = Lower(code[i]);
    if (c == '"') {
      size_t close = code.find('"', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is a literal or padding
    } else if (c == '[') {
      char first = i + 1 < code.size() ? Lower(code[i + 1]) : ']';
      time = time || first == 'h' || first == 'm' || first == 's';  // elapsed time: [h], [mm], [ss]
      size_t close = code.find(']', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == ';') {
      break;  // only the first section decides
    } else {
      day_or_year = day_or_year || c == 'd' || c == 'y';
      month = month || c == 'm';
      time = time || c == 'h' || c == 's';
    }
  }
  return day_or_year || (month && !time);
}

std::optional<std::string> ExcelSerialToIsoDate(std::string_view serial, bool date1904) {
  std::optional<double> value = ParseDouble(serial);
  constexpr double kLastDay = 2958465;  // 9999-12-31 in the 1900 system
  double first_day = date1904 ? 0 : 1;
  if (!value || *value < first_day || *value >= kLastDay + 1) return std::nullopt;
  auto days = static_cast<int64_t>(std::floor(*value));
  // Days from 1970-01-01 back to each system's day 0; the 1900 system counts a 1900-02-29 that never was.
  constexpr int64_t k1904Base = -24107;       // 1904-01-01 is serial 0
  constexpr int64_t k1900BaseEarly = -25568;  // 1899-12-31, for serials before the fictitious day
  constexpr int64_t k1900Base = -25569;       // 1899-12-30, for serials after it
  int64_t base = date1904 ? k1904Base : (days < 61 ? k1900BaseEarly : k1900Base);
  if (date1904 && days > kLastDay - 1462) return std::nullopt;
  return Date::FromDaysSinceEpoch(days + base).Iso();
}

std::string FormatExcelNumber(std::string_view raw) {
  std::optional<double> value = ParseDouble(raw);
  if (!value) return std::string(raw);
  if (std::trunc(*value) == *value && std::fabs(*value) < 1e15) {
    return std::to_string(static_cast<int64_t>(*value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", *value);
  return buffer;
}

std::string DecodeOoxmlEscapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::optional<unsigned> cp = EscapeAt(text, i)) {
      AppendUtf8(*cp, out);
      i += 6;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::optional<size_t> CellColumn(std::string_view reference) {
  size_t column = 0, letters = 0;
  while (letters < reference.size() && letters < 4) {
    char c = Lower(reference[letters]);
    if (c < 'a' || c > 'z') break;
    column = column * 26 + static_cast<size_t>(c - 'a' + 1);
    ++letters;
  }
  if (letters == 0 || letters > 3 || letters == reference.size()) return std::nullopt;
  for (size_t i = letters; i < reference.size(); ++i) {
    if (reference[i] < '0' || reference[i] > '9') return std::nullopt;
  }
  return column - 1;
}

}  // namespace thidua::render
