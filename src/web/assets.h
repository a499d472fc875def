// The files of src/web compiled into the binary: templates (for Renderer) and static assets, which the
// HTTP layer serves under /static/ (e.g. static/css/app.css at /static/css/app.css).
#pragma once

#include <string_view>
#include <vector>

#include "base/embedded.h"

namespace thidua::web {

namespace templates {
// Paths relative to src/web/templates ("layout.mustache", "pages/home.mustache", …). Library
// thidua_web_templates.
const std::vector<thidua::EmbeddedFile>& EmbeddedFiles();
}  // namespace templates

namespace static_files {
// Paths relative to src/web/static ("css/app.css", "js/app.js", "favicon.svg", …). Library thidua_web_static.
const std::vector<thidua::EmbeddedFile>& EmbeddedFiles();
}  // namespace static_files

// The static file at `path` (relative to src/web/static, no leading '/'), or nullptr.
const EmbeddedFile* FindStaticFile(std::string_view path);
// The Content-Type for a static file by its extension ("text/css; charset=utf-8", …);
// "application/octet-stream" when unknown.
std::string_view StaticContentType(std::string_view path);

}  // namespace thidua::web
