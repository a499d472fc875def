#include "render/zip_package.h"

#include <zip.h>

#include <algorithm>
#include <utility>

#include "render/table_builder.h"

namespace thidua::render {
namespace {

constexpr size_t kTotalFactor = 4;
constexpr size_t kChunk = 64 * 1024;

Status NotXlsx() { return InvalidArgument(kNotXlsxMessage); }

// Checks the sizes recorded in the central directory before anything is inflated.
Status CheckDeclaredSizes(zip_t* archive, size_t max_part_bytes) {
  zip_int64_t entries = zip_get_num_entries(archive, 0);
  size_t total = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0) return NotXlsx();
    if ((stat.valid & ZIP_STAT_SIZE) == 0) continue;
    if (stat.size > max_part_bytes) return TooLargeError(max_part_bytes);
    total += static_cast<size_t>(stat.size);
    if (total > kTotalFactor * max_part_bytes) return TooLargeError(max_part_bytes);
  }
  return Status::Ok();
}

}  // namespace

void ZipPackage::Discard::operator()(zip_t* archive) const { zip_discard(archive); }

Result<ZipPackage> ZipPackage::Open(std::string_view bytes, size_t max_part_bytes) {
  if (bytes.size() > max_part_bytes) return TooLargeError(max_part_bytes);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return NotXlsx();
  }
  ZipPackage package(archive, max_part_bytes);
  THIDUA_RETURN_IF_ERROR(CheckDeclaredSizes(archive, max_part_bytes));
  return package;
}

Result<std::optional<std::string>> ZipPackage::Read(const std::string& name) {
  zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::optional<std::string>();
  zip_stat_t stat;
  if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0) return NotXlsx();
  zip_file_t* file = zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return NotXlsx();
  std::string out;
  if ((stat.valid & ZIP_STAT_SIZE) != 0) out.reserve(std::min<size_t>(stat.size, max_part_bytes_));
  // The declared size may lie: the hard caps below bound what is actually inflated.
  char buffer[kChunk];
  Status status;
  while (status.ok()) {
    zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n == 0) break;
    size_t got = static_cast<size_t>(n);
    if (n < 0) {
      status = NotXlsx();
    } else if (out.size() + got > max_part_bytes_ || total_read_ + got > kTotalFactor * max_part_bytes_) {
      status = TooLargeError(max_part_bytes_);
    } else {
      out.append(buffer, got);
      total_read_ += got;
    }
  }
  zip_fclose(file);
  if (!status.ok()) return status;
  return std::optional<std::string>(std::move(out));
}

}  // namespace thidua::render
