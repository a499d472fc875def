#include "render/zip_test_util.h"

#include <zip.h>

#include <cstdint>

namespace thidua::render::testing {
namespace {

uint32_t Load32(const std::string& bytes, size_t pos) {
  uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[pos + i]);
  return value;
}

uint16_t Load16(const std::string& bytes, size_t pos) {
  return static_cast<uint16_t>(static_cast<unsigned char>(bytes[pos]) |
                               (static_cast<unsigned char>(bytes[pos + 1]) << 8));
}

void Store32(std::string& bytes, size_t pos, uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[pos + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::string DrainSource(zip_source_t* source) {
  std::string out;
  if (zip_source_open(source) != 0) return out;
  char buffer[64 * 1024];
  zip_int64_t n;
  while ((n = zip_source_read(source, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  zip_source_close(source);
  return out;
}

}  // namespace

std::string BuildZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
  }
  zip_close(archive);
  std::string out = DrainSource(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

std::optional<std::string> ReadZipEntry(const std::string& zip, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip.data(), zip.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return std::nullopt;
  }
  std::optional<std::string> out;
  if (zip_file_t* file = zip_fopen(archive, name.c_str(), 0)) {
    out.emplace();
    char buffer[64 * 1024];
    zip_int64_t n;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) out->append(buffer, static_cast<size_t>(n));
    zip_fclose(file);
  }
  zip_discard(archive);
  return out;
}

void SetDeclaredSize(std::string& zip, const std::string& name, uint32_t size) {
  size_t eocd = zip.size() - 22;  // archives built here carry no comment
  uint16_t entries = Load16(zip, eocd + 10);
  size_t pos = Load32(zip, eocd + 16);
  for (uint16_t i = 0; i < entries; ++i) {
    uint16_t name_length = Load16(zip, pos + 28);
    if (zip.compare(pos + 46, name_length, name) == 0) {
      Store32(zip, pos + 24, size);
      Store32(zip, Load32(zip, pos + 42) + 22, size);
    }
    pos += 46 + name_length + Load16(zip, pos + 30) + Load16(zip, pos + 32);
  }
}

}  // namespace thidua::render::testing
