// WriteXlsx: writes one table as an xlsx workbook (libxlsxwriter) and returns the file's bytes.
//
// The sheet has a bold, frozen header row with an autofilter and column widths fitted to the content
// (within bounds). Strings are written as text (cut at 32,767 bytes, Excel's cell limit); integers as
// numbers, except beyond ±2^53 where a double would lose digits, which are written as text; non-finite
// doubles as empty cells; dates as real Excel dates shown dd/mm/yyyy (before 1900, which Excel cannot
// represent, as text "dd/mm/yyyy"). The title becomes the sheet name: characters []:*?/\ become '_',
// leading/trailing apostrophes are dropped, it is cut to 31 characters, and "Sheet1" replaces an empty one.
//
// Errors: kInvalidArgument (Vietnamese) for more than 1,048,575 rows or 16,384 columns; kInternal for
// invalid UTF-8 in the sheet (a bug upstream) or if the temporary file cannot be written.
// The workbook goes through a unique temporary file in the system temp directory (TMPDIR), always
// removed before returning. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace thidua::render {

// One cell: empty, text, integer, real number or calendar day.
using Cell = std::variant<std::monostate, std::string, int64_t, double, Date>;

struct Sheet {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

Result<std::string> WriteXlsx(const Sheet& sheet);

}  // namespace thidua::render
