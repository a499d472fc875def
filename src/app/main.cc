// thidua: the composition root. Reads the environment once and hands over to the command line.
#include <cstdlib>
#include <string>

#include "cli/commands.h"

int main(int argc, char** argv) {
  const char* env_db = std::getenv("THIDUA_DB");
  return thidua::cli::Main(argc, argv, env_db ? env_db : "");
}
