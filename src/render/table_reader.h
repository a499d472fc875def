// Reads an uploaded table, CSV or xlsx, into the domain's Table for the import use cases.
#pragma once

#include <string_view>

#include "base/result.h"
#include "domain/table.h"
#include "render/table.h"

namespace thidua::render {

enum class FileFormat { kCsv, kXlsx };

// A zip signature means xlsx; anything else is read as CSV.
FileFormat DetectFormat(std::string_view bytes);
// kInvalidArgument with a Vietnamese message when the file cannot be read as a whole.
Result<domain::Table> ReadTable(std::string_view bytes, FileFormat format, const ReadLimits& limits = {});

}  // namespace thidua::render
