// Checks the shape promised by render/table.h; traps (a crash libFuzzer reports) on any violation.
#pragma once

#include "base/utf8.h"
#include "render/table.h"

namespace thidua::fuzz {

inline void CheckTable(const render::Table& table, const render::ReadLimits& limits) {
  if (table.rows.size() != table.row_lines.size() || table.rows.size() > limits.max_rows) __builtin_trap();
  if (table.header.size() > limits.max_cells_per_row) __builtin_trap();
  int previous_line = 0;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    if (table.rows[i].size() != table.header.size() || table.row_lines[i] <= previous_line) __builtin_trap();
    previous_line = table.row_lines[i];
    for (const std::string& cell : table.rows[i]) {
      if (!IsValidUtf8(cell) || Trim(cell).size() != cell.size()) __builtin_trap();
    }
  }
}

}  // namespace thidua::fuzz
