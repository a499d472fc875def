// Table: rows of text cells read from a CSV or xlsx file (render/ reads them), handed to the
// import use cases. Cells are trimmed UTF-8; the header is lower-cased.
#pragma once

#include <string>
#include <vector>

namespace thidua::domain {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // row_lines[i] is the 1-based line (CSV: where the record starts; xlsx: the row number) of
  // rows[i], for error reports.
  std::vector<int> row_lines;
};

}  // namespace thidua::domain
