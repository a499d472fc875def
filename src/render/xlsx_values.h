// Small pure helpers that turn raw SpreadsheetML values into display text (internal to render/).
// All functions are thread-safe and total: malformed input gives nullopt or is returned unchanged.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace thidua::render {

// True if a number format code shows a date ("dd/mm/yyyy", "[$-42A]d mmmm yyyy"), ignoring quoted
// text, escaped characters and [bracketed] parts; "m" alone counts only when no hour or second is shown.
bool IsDateFormatCode(std::string_view code);
// True if a built-in number format id is a date (14–22).
bool IsBuiltinDateFormat(int id);

// "2025-07-01" for an Excel serial day number (the fraction, a time of day, is dropped), or nullopt if
// `serial` is not a day from 1900-01-01 (1904 system: 1904-01-01) to 9999-12-31. In the 1900 system serial 60
// (Excel's fictitious 1900-02-29) maps to 1900-03-01.
std::optional<std::string> ExcelSerialToIsoDate(std::string_view serial, bool date1904);

// Formats a stored number the way Excel shows it in General: integers below 1e15 without a fraction,
// others with up to 15 significant digits. Returns `raw` unchanged if it is not a finite number.
std::string FormatExcelNumber(std::string_view raw);

// Replaces the "_xHHHH_" escapes of OOXML strings with the characters they stand for.
std::string DecodeOoxmlEscapes(std::string_view text);

// The 0-based column of a cell reference ("C5" → 2), or nullopt if it is not letters then digits.
std::optional<size_t> CellColumn(std::string_view reference);

}  // namespace thidua::render
