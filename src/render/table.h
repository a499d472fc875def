// Table: the rows of an imported spreadsheet (CSV or xlsx), ready for validation by the caller.
//
// Every cell is a UTF-8 string trimmed of surrounding white space. The header holds the first non-blank
// row, trimmed and ASCII lower-cased; trailing empty header cells are dropped. Every row has exactly
// header.size() cells (short rows are padded with ""). Fully blank rows are skipped, so row_lines[i]
// gives the 1-based line of rows[i] for error messages such as "dòng 7, cột birth_date: …"
// (CSV: the physical line where the record starts; xlsx: the spreadsheet row number).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace thidua::render {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;
};

// Bounds on untrusted input; a reader refuses input beyond them with kInvalidArgument.
struct ReadLimits {
  size_t max_bytes = size_t{64} << 20;  // input size (xlsx: each unpacked part)
  size_t max_rows = 1'000'000;          // data rows, the header excluded
  size_t max_cells_per_row = 200;
};

}  // namespace thidua::render
