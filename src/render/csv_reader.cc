#include "render/csv_reader.h"

#include <algorithm>
#include <string>
#include <vector>

#include "render/table_builder.h"

namespace thidua::render {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Picks ';' when the header (the first record with content) has more semicolons than commas, outside quotes.
char DetectDelimiter(std::string_view text) {
  size_t commas = 0;
  size_t semicolons = 0;
  bool quoted = false;
  bool content = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' && content) break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
    content = content || (c != ' ' && c != '\t' && c != '\r' && c != '\n');
  }
  return semicolons > commas ? ';' : ',';
}

// Appends `chunk` to `out`, turning CRLF into LF; returns the number of LFs seen.
int AppendNormalized(std::string_view chunk, std::string& out) {
  int newlines = 0;
  for (size_t i = 0; i < chunk.size(); ++i) {
    char c = chunk[i];
    if (c == '\n') ++newlines;
    if (c == '\r' && i + 1 < chunk.size() && chunk[i + 1] == '\n') continue;
    out.push_back(c);
  }
  return newlines;
}

// Splits CSV text into records of raw (untrimmed) cells, tracking physical line numbers.
class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter, size_t max_cells)
      : text_(text), delimiter_(delimiter), max_cells_(max_cells) {}

  bool AtEnd() const { return pos_ >= text_.size(); }
  int line() const { return line_; }

  // REQUIRES: !AtEnd(). Reads one record into `cells` (cleared first), consuming its line end.
  Status ReadRecord(std::vector<std::string>& cells) {
    cells.clear();
    int record_line = line_;
    while (true) {
      std::string& cell = cells.emplace_back();
      if (cells.size() > max_cells_) return TooManyCellsError(record_line, max_cells_);
      THIDUA_RETURN_IF_ERROR(ReadField(cell));
      if (AtEnd()) return Status::Ok();
      char end = text_[pos_++];
      if (end == '\n') {
        ++line_;
        return Status::Ok();
      }
    }
  }

 private:
  bool IsFieldEnd(char c) const { return c == delimiter_ || c == '\n'; }

  Status ReadField(std::string& out) {
    size_t start = pos_;
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      ++pos_;
      THIDUA_RETURN_IF_ERROR(ReadQuoted(out));
    } else {
      pos_ = start;
    }
    ReadUnquoted(out);
    return Status::Ok();
  }

  // Reads up to the closing quote (consumed); `pos_` starts just after the opening quote.
  Status ReadQuoted(std::string& out) {
    int start_line = line_;
    while (true) {
      size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        return InvalidArgument("Dấu ngoặc kép mở ở dòng " + std::to_string(start_line) + " không được đóng.");
      }
      line_ += AppendNormalized(text_.substr(pos_, quote - pos_), out);
      pos_ = quote + 1;
      if (pos_ >= text_.size() || text_[pos_] != '"') return Status::Ok();
      out.push_back('"');
      ++pos_;
    }
  }

  void ReadUnquoted(std::string& out) {
    size_t start = pos_;
    while (pos_ < text_.size() && !IsFieldEnd(text_[pos_])) ++pos_;
    out.append(text_.data() + start, pos_ - start);
  }

  std::string_view text_;
  char delimiter_;
  size_t max_cells_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

Result<Table> ReadCsv(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) return TooLargeError(limits.max_bytes);
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  CsvParser parser(bytes, DetectDelimiter(bytes), limits.max_cells_per_row);
  TableBuilder builder(limits);
  std::vector<std::string> cells;
  while (!parser.AtEnd()) {
    int line = parser.line();
    THIDUA_RETURN_IF_ERROR(parser.ReadRecord(cells));
    THIDUA_RETURN_IF_ERROR(builder.Add(cells, line));
  }
  return std::move(builder).Finish();
}

}  // namespace thidua::render
