// Fuzzes the parsers that read a request line's target and the Cookie header: ParseTarget,
// ParseQuery, ParseCookies and FindCookie. They must never crash and must only ever hand out
// valid UTF-8 paths and query strings.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/utf8.h"
#include "http/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  for (const auto& [name, value] : thidua::http::ParseQuery(input)) {
    if (!thidua::IsValidUtf8(name) || !thidua::IsValidUtf8(value)) __builtin_trap();
  }

  thidua::Result<thidua::http::Target> target = thidua::http::ParseTarget(input);
  if (target.ok()) {
    const std::string& path = target->path;
    if (path.empty() || path.front() != '/' || !thidua::IsValidUtf8(path)) __builtin_trap();
    if (path.find("/../") != std::string::npos || path.ends_with("/..")) __builtin_trap();
    for (const auto& [name, value] : target->query) {
      if (!thidua::IsValidUtf8(name) || !thidua::IsValidUtf8(value)) __builtin_trap();
    }
  }

  auto cookies = thidua::http::ParseCookies(input);
  for (const auto& [name, value] : cookies) {
    std::optional<std::string_view> found = thidua::http::FindCookie(input, name);
    if (!found || *found != value) __builtin_trap();  // the first occurrence wins in both
  }
  return 0;
}
