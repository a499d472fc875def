// Test helpers: build and inspect zip archives in memory with libzip (tests only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace thidua::render::testing {

// A zip archive holding `entries` (name, content), deflated at the fastest level.
std::string BuildZip(const std::vector<std::pair<std::string, std::string>>& entries);
// The content of entry `name` of `zip`, or nullopt if the archive or the entry is unreadable.
std::optional<std::string> ReadZipEntry(const std::string& zip, const std::string& name);
// Rewrites the uncompressed size that `zip` declares for entry `name` (local and central headers).
// REQUIRES: `zip` was made by BuildZip.
void SetDeclaredSize(std::string& zip, const std::string& name, uint32_t size);

}  // namespace thidua::render::testing
