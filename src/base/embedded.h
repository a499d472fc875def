// A file compiled into the binary (templates, static assets, migrations); see cmake/Embed.cmake.
// Each embedding library defines `const std::vector<thidua::EmbeddedFile>& <ns>::EmbeddedFiles();`.
#pragma once

#include <string_view>
#include <vector>

namespace thidua {

struct EmbeddedFile {
  std::string_view path;  // relative to the embedded folder, with '/' separators
  std::string_view data;
};

}  // namespace thidua
