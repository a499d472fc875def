// PostgresDb: the Db engine for several processes sharing one PostgreSQL 15 server, over libpq.
//
// A pool of up to `pool_size` connections, opened on demand; a connection found broken after use (or
// left inside a transaction) is closed and later replaced. Read lends a connection in autocommit mode;
// Write runs BEGIN … COMMIT/ROLLBACK on one. Statements go through PQexecParams: parameters as text
// (blobs as binary bytea), results decoded by column type (integers and bool → int64, float4/float8/
// numeric → double, bytea → Blob, everything else → text).
//
// Errors, by SQLSTATE: 23505 → kAlreadyExists; 23503, 23514, 23502 and class 22 → kInvalidArgument;
// classes 08 and 53, 57P01-57P03, 40001, 40P01 and a lost connection → kUnavailable; the rest →
// kInternal with the server's message. Backup → kFailedPrecondition (pg_dump is the tool).
//
// Thread safety: as Db.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "base/status.h"
#include "store/db.h"
#include "store/engine_support.h"

namespace thidua::store {

class PgConn;

struct PostgresOptions {
  // A libpq connection string or URI, passed to PQconnectdb as it is:
  // "postgresql://user@host:port/db?options=-csearch_path%3Dmy_schema".
  std::string conninfo = "";
  int pool_size = 8;                           // the most connections open at once
  std::chrono::milliseconds pool_wait{30000};  // how long Read/Write wait for a free connection
};

class PostgresDb final : public Db {
 public:
  // Opens the pool and one connection, so a wrong address or a server down is reported here
  // (kUnavailable, with libpq's message).
  static Result<std::unique_ptr<PostgresDb>> Open(PostgresOptions options);

  ~PostgresDb() override;

  Engine engine() const override { return Engine::kPostgres; }
  Status Read(const std::function<Status(Conn&)>& fn) override;
  Status Write(const std::function<Status(Conn&)>& fn) override;
  Result<int> Migrate() override;
  Status Backup(const std::string& path) override;

 private:
  explicit PostgresDb(PostgresOptions options);

  const PostgresOptions options_;
  ConnPool<PgConn> pool_;
};

}  // namespace thidua::store
