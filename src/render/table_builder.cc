#include "render/table_builder.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "base/utf8.h"

namespace thidua::render {
namespace {

// Trims until stable: Trim drops a BOM only at the very start, so " \uFEFF " needs two passes.
void TrimInPlace(std::string& cell) {
  std::string_view trimmed = Trim(cell);
  for (std::string_view again = Trim(trimmed); again.size() != trimmed.size(); again = Trim(trimmed)) {
    trimmed = again;
  }
  if (trimmed.size() == cell.size()) return;
  size_t start = static_cast<size_t>(trimmed.data() - cell.data());
  cell.erase(start + trimmed.size());
  cell.erase(0, start);
}

bool IsBlank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
}

void DropTrailingEmpty(std::vector<std::string>& cells) {
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
}

}  // namespace

Status TooManyCellsError(int line, size_t max_cells) {
  return InvalidArgument("Dòng " + std::to_string(line) + " có quá nhiều ô (tối đa " +
                         std::to_string(max_cells) + ").");
}

Status TooLargeError(size_t max_bytes) {
  return InvalidArgument("Tệp quá lớn (tối đa " + std::to_string(max_bytes >> 20) + " MB).");
}

Status TableBuilder::Add(std::vector<std::string>& cells, int line) {
  for (std::string& cell : cells) {
    if (!IsValidUtf8(cell)) {
      return InvalidArgument("Tệp không phải UTF-8 hợp lệ (dòng " + std::to_string(line) + ").");
    }
    TrimInPlace(cell);
  }
  if (IsBlank(cells)) return Status::Ok();
  if (!has_header_) {
    DropTrailingEmpty(cells);
    for (std::string& cell : cells) cell = AsciiLower(cell);
    table_.header = std::move(cells);
    has_header_ = true;
    return Status::Ok();
  }
  size_t width = table_.header.size();
  if (cells.size() > width) {
    if (!std::all_of(cells.begin() + static_cast<ptrdiff_t>(width), cells.end(),
                     [](const std::string& c) { return c.empty(); })) {
      return InvalidArgument("Dòng " + std::to_string(line) + " có nhiều ô hơn dòng tiêu đề (" +
                             std::to_string(width) + " cột).");
    }
  }
  if (table_.rows.size() >= limits_.max_rows) {
    return InvalidArgument("Tệp có quá nhiều dòng (tối đa " + std::to_string(limits_.max_rows) + ").");
  }
  cells.resize(width);
  table_.rows.push_back(std::move(cells));
  table_.row_lines.push_back(line);
  return Status::Ok();
}

Result<Table> TableBuilder::Finish() && {
  if (!has_header_) return InvalidArgument("Tệp không có dữ liệu: thiếu dòng tiêu đề.");
  return std::move(table_);
}

}  // namespace thidua::render
