#include "test_services.h"

namespace thidua::testing {

std::unique_ptr<service::Services> MakeServices(store::Db& db, const Clock& clock) {
  service::AuthOptions auth;
  auth.ops_limit = 1;
  auth.mem_limit = 8192;
  return std::make_unique<service::Services>(service::Context{db, clock}, auth);
}

domain::Table MakeTable(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
  domain::Table table;
  table.header = std::move(header);
  int line = 2;
  for (auto& row : rows) {
    table.rows.push_back(std::move(row));
    table.row_lines.push_back(line++);
  }
  return table;
}

}  // namespace thidua::testing
