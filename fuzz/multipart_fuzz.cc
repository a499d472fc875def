// Fuzzes ParseMultipart. An input whose first line (up to 200 bytes) starts with "multipart/" is
// taken as the Content-Type header and the rest as the body; any other input is a body under
// the fixed boundary "XyZ". A parse must stay within the body and the limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/utf8.h"
#include "http/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view content_type = "multipart/form-data; boundary=XyZ";
  std::string_view body = input;
  size_t newline = input.substr(0, 200).find('\n');
  if (input.starts_with("multipart/") && newline != std::string_view::npos) {
    content_type = input.substr(0, newline);
    body = input.substr(newline + 1);
  }

  thidua::http::MultipartLimits limits;
  limits.max_parts = 16;
  limits.max_part_header_bytes = 512;
  auto parts = thidua::http::ParseMultipart(body, content_type, limits);
  if (!parts.ok()) return 0;
  if (parts->size() > limits.max_parts) __builtin_trap();
  for (const thidua::http::MultipartPart& part : *parts) {
    if (part.name.empty() || !thidua::IsValidUtf8(part.name) || !thidua::IsValidUtf8(part.filename))
      __builtin_trap();
    if (part.filename.find_first_of("/\\") != std::string::npos) __builtin_trap();
    if (part.data.data() < body.data() || part.data.data() + part.data.size() > body.data() + body.size()) {
      __builtin_trap();
    }
  }
  return 0;
}
