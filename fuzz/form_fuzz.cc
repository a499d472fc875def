// Fuzzes ParseForm (application/x-www-form-urlencoded bodies): no crash, and a parsed form
// holds only valid UTF-8 and respects the field limit.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/utf8.h"
#include "http/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr size_t kMaxFields = 64;
  thidua::Result<thidua::http::QueryMap> form = thidua::http::ParseForm(input, kMaxFields);
  if (!form.ok()) return 0;
  if (form->size() > kMaxFields) __builtin_trap();
  for (const auto& [name, value] : *form) {
    if (!thidua::IsValidUtf8(name) || !thidua::IsValidUtf8(value)) __builtin_trap();
  }
  return 0;
}
