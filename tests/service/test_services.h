// What the service and HTTP suites share: the services over a test database, with Argon2 at its cheapest
// (tests sign in often), and import tables built in place.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/clock.h"
#include "domain/table.h"
#include "service/services.h"
#include "store/db.h"

namespace thidua::testing {

std::unique_ptr<service::Services> MakeServices(store::Db& db, const Clock& clock);

// An import table of `rows` under `header`, numbered as a file's lines are (the first row is line 2).
domain::Table MakeTable(std::vector<std::string> header, std::vector<std::vector<std::string>> rows);

}  // namespace thidua::testing
