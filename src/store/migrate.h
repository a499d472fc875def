// Schema migrations: numbered SQL scripts compiled into the binary, one folder per engine
// (store/migrations/sqlite/NNN_name.sql, store/migrations/postgres/NNN_name.sql).
//
// A migration is applied once: its version is recorded in
//   schema_migrations(version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)
// in the same transaction as its script, so a failed script leaves no trace and is tried again next
// time. On PostgreSQL every migration transaction first takes a transaction-scoped advisory lock, so
// processes that start at the same time apply each migration once; on SQLite the writer lock does that.
// A script must not open or close transactions itself.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "store/db.h"

namespace thidua::store {

struct Migration {
  int version = 0;
  std::string name;  // the file name without its number and extension: "foundation"
  std::string sql;
};

// The migrations compiled into the binary for `engine`, in version order.
// kInternal if a file name is not NNN_name.sql or two files share a number (a build mistake).
Result<std::vector<Migration>> EmbeddedMigrations(Engine engine);

// Applies, in version order, each of `migrations` not yet recorded in schema_migrations, each in its own
// Db::Write transaction. Returns how many it applied. Stops at the first failure and returns it (with
// the migration's number and name); the migrations before it stay applied.
Result<int> ApplyMigrations(Db& db, std::vector<Migration> migrations);

// ApplyMigrations(db, EmbeddedMigrations(db.engine())): what Db::Migrate does.
Result<int> MigrateToLatest(Db& db);

}  // namespace thidua::store
