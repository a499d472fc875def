// TableBuilder: the rules shared by the CSV and xlsx readers (internal to render/).
//
// Records are added one at a time as raw cells; the builder validates UTF-8, trims, skips blank records,
// takes the first non-blank record as the header, pads short rows and refuses rows with content beyond
// the header or more rows than the limits allow. Not thread-safe; one builder per read.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "render/table.h"

namespace thidua::render {

class TableBuilder {
 public:
  explicit TableBuilder(const ReadLimits& limits) : limits_(limits) {}

  // Adds the record that starts at 1-based `line`; `cells` is consumed. Errors (kInvalidArgument,
  // Vietnamese): invalid UTF-8, a non-empty cell beyond the header, more data rows than limits.max_rows.
  Status Add(std::vector<std::string>& cells, int line);
  // Returns the table; kInvalidArgument if no header was found (the input had no non-blank row).
  Result<Table> Finish() &&;

 private:
  ReadLimits limits_;
  Table table_;
  bool has_header_ = false;
};

// Vietnamese kInvalidArgument errors shared by both readers.
Status TooManyCellsError(int line, size_t max_cells);
Status TooLargeError(size_t max_bytes);

}  // namespace thidua::render
