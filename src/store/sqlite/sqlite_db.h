// SqliteDb: the embedded engine behind Db, over one SQLite file in WAL mode.
//
// One writer connection, guarded by a mutex: Write runs `BEGIN IMMEDIATE` … `COMMIT`, so writers are
// serialised within the process and wait (busy_timeout) for writers of other processes. Up to `readers`
// read-only connections (`PRAGMA query_only`), opened on demand, serve Read; in WAL mode they never wait
// for the writer and see only committed data. Every connection runs with `synchronous=FULL` and
// `foreign_keys=ON` and keeps its prepared statements, keyed by SQL text.
//
// `$1`, `$2`… placeholders bind params[0], params[1]…; a statement may repeat them or use them out of
// order, and must use every one up to params.size(). Errors: a unique or primary key violation →
// kAlreadyExists; another constraint (foreign key, check, not null) → kInvalidArgument; SQLITE_BUSY or
// SQLITE_LOCKED → kUnavailable; anything else → kInternal with SQLite's message.
//
// Thread safety: as Db. REQUIRES: a Read or Write callback does not call Write on the same SqliteDb
// (it would wait for itself).
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "base/result.h"
#include "base/status.h"
#include "store/db.h"
#include "store/engine_support.h"

namespace thidua::store {

class SqliteConn;

struct SqliteOptions {
  std::string path = "";  // the database file; it and its folder are created if missing
  int readers = 4;        // the most read connections open at once
  std::chrono::milliseconds busy_timeout{5000};  // how long to wait for another process's lock
  std::chrono::milliseconds pool_wait{30000};    // how long Read waits for a free reader
  // Called once for every connection this Db opens, writer and readers, after its pragmas: the place to
  // register functions, collations and FTS5 tokenizers. Must not keep the handle.
  std::function<void(sqlite3*)> on_open = nullptr;
};

class SqliteDb final : public Db {
 public:
  // Opens or creates the database, switches it to WAL mode and opens the writer connection.
  // kInvalidArgument if options.path is empty; kUnavailable if the file is locked; kInternal otherwise.
  static Result<std::unique_ptr<SqliteDb>> Open(SqliteOptions options);

  ~SqliteDb() override;

  Engine engine() const override { return Engine::kSqlite; }
  Status Read(const std::function<Status(Conn&)>& fn) override;
  Status Write(const std::function<Status(Conn&)>& fn) override;
  Result<int> Migrate() override;
  // Copies the database, as of one moment, into `path` (written beside it, then renamed into place).
  Status Backup(const std::string& path) override;

 private:
  SqliteDb(SqliteOptions options, std::unique_ptr<SqliteConn> writer);

  const SqliteOptions options_;
  std::mutex writer_mu_;
  std::unique_ptr<SqliteConn> writer_;  // guarded by writer_mu_
  ConnPool<SqliteConn> readers_;
};

}  // namespace thidua::store
