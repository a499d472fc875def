// Fuzzes ReadXlsx (zip, XML, shared strings, styles, cell references) with small limits; a successful read
// must have the shape table.h promises.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "render/xlsx_reader.h"
#include "table_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  thidua::render::ReadLimits limits;
  limits.max_bytes = 1 << 20;
  limits.max_rows = 10'000;
  limits.max_cells_per_row = 50;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  thidua::Result<thidua::render::Table> table = thidua::render::ReadXlsx(bytes, limits);
  if (table.ok()) thidua::fuzz::CheckTable(table.value(), limits);
  return 0;
}
