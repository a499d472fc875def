// What every service needs: the database and the clock. Owned by app/; services keep references.
#pragma once

#include "base/clock.h"
#include "store/db.h"

namespace thidua::service {

struct Context {
  store::Db& db;
  const Clock& clock;
};

}  // namespace thidua::service
