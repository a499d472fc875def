// UTF-8 helpers that need no library: validation and simple trimming.
#pragma once

#include <string>
#include <string_view>

namespace thidua {

// True if `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);
// Removes ASCII white space (and a UTF-8 BOM at the start) from both ends.
std::string_view Trim(std::string_view text);
// Lower-case ASCII letters only; other bytes unchanged.
std::string AsciiLower(std::string_view text);

}  // namespace thidua
