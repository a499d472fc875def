// ReadCsv: parses a CSV file uploaded by a user into a Table (see table.h for the shape of the result).
//
// Accepts RFC 4180 (quoted fields with doubled quotes, commas and newlines inside quotes, CRLF or LF
// line ends) with a few leniencies seen in real exports: a UTF-8 BOM is skipped, the delimiter is ','
// or ';' (whichever the header line uses more; Vietnamese Excel exports ';'), spaces before an opening
// quote are ignored and text after a closing quote is kept. Inside quoted fields CRLF becomes LF.
//
// Errors, all kInvalidArgument with a Vietnamese message naming the line: invalid UTF-8, an unterminated
// quote, a non-empty cell beyond the header, input larger than limits.max_bytes, more than
// limits.max_rows data rows or more than limits.max_cells_per_row cells in a record, no header.
// Thread-safe (no shared state). Linear time; the result does not point into `bytes`.
#pragma once

#include <string_view>

#include "base/result.h"
#include "render/table.h"

namespace thidua::render {

Result<Table> ReadCsv(std::string_view bytes, const ReadLimits& limits);

}  // namespace thidua::render
