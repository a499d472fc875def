#include "render/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string_view>

#include "base/utf8.h"

namespace thidua::render {
namespace {

constexpr size_t kMaxRows = 1'048'576;  // header included
constexpr size_t kMaxColumns = 16'384;
constexpr size_t kMaxSheetNameChars = 31;
constexpr size_t kMaxCellBytes = 32'767;
constexpr int64_t kMaxExactInteger = int64_t{1} << 53;
constexpr size_t kWidthSampleRows = 1000;
constexpr double kMinWidth = 8, kMaxWidth = 60, kWidthPadding = 2;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !IsContinuationByte(c); }));
}

// The longest prefix of valid UTF-8 `text` with at most `max_bytes` bytes that ends on a character boundary.
std::string_view PrefixBytes(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && IsContinuationByte(text[end])) --end;
  return text.substr(0, end);
}

std::string_view PrefixChars(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsContinuationByte(text[i]) && chars++ == max_chars) return text.substr(0, i);
  }
  return text;
}

std::string SheetName(std::string_view title) {
  std::string name(title);
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  }
  std::string_view view = Trim(name);
  while (!view.empty() && view.front() == '\'') view.remove_prefix(1);
  view = PrefixChars(view, kMaxSheetNameChars);
  while (!view.empty() && view.back() == '\'') view.remove_suffix(1);
  return view.empty() ? "Sheet1" : std::string(view);
}

// Removes the file, if any, when the scope ends.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

Status CreateTempFile(const std::string& dir, TempFile& file) {
  std::string pattern = dir + "/thidua-XXXXXX.xlsx";
  int fd = mkstemps(pattern.data(), 5);
  if (fd < 0) return Internal("WriteXlsx: cannot create a temporary file in " + dir);
  close(fd);
  file.path = pattern;
  return Status::Ok();
}

Result<std::string> ReadFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Internal("WriteXlsx: cannot reopen " + path);
  std::string bytes;
  char buffer[64 * 1024];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, n);
  bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return Internal("WriteXlsx: cannot read " + path);
  return bytes;
}

size_t ColumnCount(const Sheet& sheet) {
  size_t columns = sheet.header.size();
  for (const auto& row : sheet.rows) columns = std::max(columns, row.size());
  return columns;
}

Status CheckSheet(const Sheet& sheet) {
  if (sheet.rows.size() + 1 > kMaxRows || ColumnCount(sheet) > kMaxColumns) {
    return InvalidArgument("Bảng tính quá lớn để xuất (tối đa 1.048.575 dòng và 16.384 cột).");
  }
  bool valid = IsValidUtf8(sheet.title) && std::all_of(sheet.header.begin(), sheet.header.end(),
                                                       [](const auto& h) { return IsValidUtf8(h); });
  for (const auto& row : sheet.rows) {
    for (const Cell& cell : row) {
      const auto* text = std::get_if<std::string>(&cell);
      valid = valid && (text == nullptr || IsValidUtf8(*text));
    }
  }
  return valid ? Status::Ok() : Internal("WriteXlsx: invalid UTF-8 in the sheet");
}

// The shown text's length in characters, used to fit column widths.
size_t DisplayChars(const Cell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return CodePoints(*text);
  if (const auto* integer = std::get_if<int64_t>(&cell)) return std::to_string(*integer).size();
  if (std::holds_alternative<double>(cell)) return 12;
  if (std::holds_alternative<Date>(cell)) return 10;
  return 0;
}

// Writes cells for one workbook; remembers the first libxlsxwriter error.
class SheetWriter {
 public:
  SheetWriter(lxw_workbook* workbook, lxw_worksheet* worksheet) : worksheet_(worksheet) {
    bold_ = workbook_add_format(workbook);
    format_set_bold(bold_);
    date_ = workbook_add_format(workbook);
    format_set_num_format(date_, "dd/mm/yyyy");
  }

  void WriteHeader(const std::vector<std::string>& header) {
    for (size_t col = 0; col < header.size(); ++col) WriteText(0, col, header[col], bold_);
  }

  void WriteRow(size_t row, const std::vector<Cell>& cells) {
    for (size_t col = 0; col < cells.size(); ++col) WriteCell(row, col, cells[col]);
  }

  void Finish(const Sheet& sheet) {
    size_t columns = ColumnCount(sheet);
    if (columns == 0) return;
    auto last_col = static_cast<lxw_col_t>(columns - 1);
    worksheet_freeze_panes(worksheet_, 1, 0);
    Check(worksheet_autofilter(worksheet_, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()), last_col));
    for (size_t col = 0; col < columns; ++col) {
      Check(worksheet_set_column(worksheet_, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col),
                                 ColumnWidth(sheet, col), nullptr));
    }
  }

  lxw_error error() const { return error_; }

 private:
  void Check(lxw_error error) {
    if (error_ == LXW_NO_ERROR) error_ = error;
  }

  void WriteText(size_t row, size_t col, std::string_view text, lxw_format* format) {
    std::string value(PrefixBytes(text, kMaxCellBytes));
    Check(worksheet_write_string(worksheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                 value.c_str(), format));
  }

  void WriteNumber(size_t row, size_t col, double value) {
    Check(worksheet_write_number(worksheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value,
                                 nullptr));
  }

  void WriteDate(size_t row, size_t col, const Date& date) {
    if (date.year() < 1900) {  // before Excel's first day
      WriteText(row, col, date.Vietnamese(), nullptr);
      return;
    }
    lxw_datetime datetime = {date.year(), date.month(), date.day(), 0, 0, 0};
    Check(worksheet_write_datetime(worksheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                   &datetime, date_));
  }

  void WriteCell(size_t row, size_t col, const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
      WriteText(row, col, *text, nullptr);
    } else if (const auto* integer = std::get_if<int64_t>(&cell)) {
      bool exact = *integer >= -kMaxExactInteger && *integer <= kMaxExactInteger;
      if (exact) {
        WriteNumber(row, col, static_cast<double>(*integer));
      } else {
        WriteText(row, col, std::to_string(*integer), nullptr);
      }
    } else if (const auto* real = std::get_if<double>(&cell)) {
      if (std::isfinite(*real)) WriteNumber(row, col, *real);
    } else if (const auto* date = std::get_if<Date>(&cell)) {
      WriteDate(row, col, *date);
    }
  }

  static double ColumnWidth(const Sheet& sheet, size_t col) {
    size_t chars = col < sheet.header.size() ? CodePoints(sheet.header[col]) : 0;
    size_t sample = std::min(sheet.rows.size(), kWidthSampleRows);
    for (size_t row = 0; row < sample; ++row) {
      if (col < sheet.rows[row].size()) chars = std::max(chars, DisplayChars(sheet.rows[row][col]));
    }
    return std::clamp(static_cast<double>(chars) + kWidthPadding, kMinWidth, kMaxWidth);
  }

  lxw_worksheet* worksheet_;
  lxw_format* bold_;
  lxw_format* date_;
  lxw_error error_ = LXW_NO_ERROR;
};

Status WriteWorkbook(const Sheet& sheet, const std::string& path, std::string tmpdir) {
  lxw_workbook_options options = {};
  options.tmpdir = tmpdir.data();
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) return Internal("WriteXlsx: workbook_new_opt failed");
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, SheetName(sheet.title).c_str());
  lxw_error error = LXW_ERROR_PARAMETER_VALIDATION;
  if (worksheet != nullptr) {
    SheetWriter writer(workbook, worksheet);
    writer.WriteHeader(sheet.header);
    for (size_t row = 0; row < sheet.rows.size(); ++row) writer.WriteRow(row + 1, sheet.rows[row]);
    writer.Finish(sheet);
    error = writer.error();
  }
  lxw_error closed = workbook_close(workbook);  // also frees the workbook
  if (error == LXW_NO_ERROR) error = closed;
  if (error != LXW_NO_ERROR) return Internal(std::string("WriteXlsx: ") + lxw_strerror(error));
  return Status::Ok();
}

}  // namespace

Result<std::string> WriteXlsx(const Sheet& sheet) {
  THIDUA_RETURN_IF_ERROR(CheckSheet(sheet));
  std::error_code error;
  std::string dir = std::filesystem::temp_directory_path(error).string();
  if (error) return Internal("WriteXlsx: no temporary directory: " + error.message());
  TempFile file;
  THIDUA_RETURN_IF_ERROR(CreateTempFile(dir, file));
  THIDUA_RETURN_IF_ERROR(WriteWorkbook(sheet, file.path, dir));
  return ReadFile(file.path);
}

}  // namespace thidua::render
