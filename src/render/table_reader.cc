#include "render/table_reader.h"

#include "render/csv_reader.h"
#include "render/xlsx_reader.h"

namespace thidua::render {

FileFormat DetectFormat(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ? FileFormat::kXlsx : FileFormat::kCsv;
}

Result<domain::Table> ReadTable(std::string_view bytes, FileFormat format, const ReadLimits& limits) {
  Result<Table> table = format == FileFormat::kXlsx ? ReadXlsx(bytes, limits) : ReadCsv(bytes, limits);
  if (!table.ok()) return table.status();
  domain::Table out;
  out.header = std::move(table->header);
  out.rows = std::move(table->rows);
  out.row_lines = std::move(table->row_lines);
  return out;
}

}  // namespace thidua::render
