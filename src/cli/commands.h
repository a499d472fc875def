// The `thidua` command line (API.md, "Command line"). Exit status: 0 success, 1 input rejected
// (with a message saying what and where), 2 usage error.
#pragma once

#include <string>

namespace thidua::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;
inline constexpr int kExitUsage = 2;

// Parses argv and runs the subcommand. `env_db` is $THIDUA_DB (or empty).
int Main(int argc, char** argv, const std::string& env_db);

}  // namespace thidua::cli
