#include "web/assets.h"

#include <array>
#include <utility>

namespace thidua::web {

const EmbeddedFile* FindStaticFile(std::string_view path) {
  for (const EmbeddedFile& file : static_files::EmbeddedFiles()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

std::string_view StaticContentType(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kTypes = {{
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  for (const auto& [ext, type] : kTypes) {
    if (path.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

}  // namespace thidua::web
