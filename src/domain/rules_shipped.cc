// The rule sets shipped in rules/, compiled into the binary by thidua_embed (cmake/Embed.cmake):
// reading embedded bytes is not I/O, so this stays in the pure domain layer.
#include "base/embedded.h"
#include "domain/rules.h"

namespace thidua::rules_files {
const std::vector<thidua::EmbeddedFile>& EmbeddedFiles();
}  // namespace thidua::rules_files

namespace thidua::domain {

Result<RuleBook> LoadShippedRuleBook() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedFile& file : rules_files::EmbeddedFiles()) {
    if (file.path.size() < 5 || file.path.substr(file.path.size() - 5) != ".toml") continue;
    files.emplace_back(std::string(file.path), std::string(file.data));
  }
  return ParseRuleBook(files);
}

}  // namespace thidua::domain
