// ReadXlsx: reads the first worksheet of an xlsx file uploaded by a user into a Table (see table.h).
//
// Understands shared strings (rich-text runs included), inline strings, formula strings, booleans
// ("TRUE"/"FALSE"), error values (kept as text, e.g. "#N/A") and numbers (integers print without ".0",
// others with up to 15 significant digits, like Excel). Cell references place values in their column
// even when empty cells are omitted. A number whose cell style is a date (built-in formats 14–22 or a
// custom format with d/m/y) becomes "YYYY-MM-DD"; both the 1900 and 1904 date systems are handled.
//
// Errors, all kInvalidArgument with a Vietnamese message: not a zip or no workbook/worksheet or damaged
// XML ("Tệp không phải bảng tính xlsx hợp lệ."), an XML part with a DOCTYPE, zip bombs (an input or
// part larger than limits.max_bytes, declared or actual, or parts adding up to more than 4 × that),
// and every error of the shared table rules (UTF-8, cells beyond the header, row and cell limits).
// Thread-safe (no shared state); never throws.
#pragma once

#include <string_view>

#include "base/result.h"
#include "render/table.h"

namespace thidua::render {

Result<Table> ReadXlsx(std::string_view bytes, const ReadLimits& limits);

}  // namespace thidua::render
