// Db: the small interface every repository talks to. Two implementations exist:
// store/sqlite/ (embedded default) and store/postgres/ (several processes, one server).
//
// SQL is written once in the dialect both engines share: `$1`-style placeholders,
// INSERT … ON CONFLICT … DO UPDATE … RETURNING, CTEs and window functions. Values travel as
// Value (null, integer, real, text, blob). Database errors come back as Status:
// a unique/foreign-key/check violation → kAlreadyExists / kInvalidArgument,
// busy or lost connection → kUnavailable, anything else → kInternal.
//
// Thread safety: a Db is safe to use from many threads. A Conn is used by one thread at a
// time, only inside the callback that received it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"
#include "base/status.h"

namespace thidua::store {

enum class Engine { kSqlite, kPostgres };
const char* EngineName(Engine engine);  // "sqlite" | "postgresql"

struct Blob {
  std::string bytes;
};

// One bound parameter or result cell.
using Value = std::variant<std::monostate, int64_t, double, std::string, Blob>;

inline Value Null() { return std::monostate{}; }
template <typename T>
Value Opt(const std::optional<T>& v) {
  if (!v) return std::monostate{};
  if constexpr (std::is_integral_v<T>) return static_cast<int64_t>(*v);
  else return Value(*v);
}

// One result row. Accessors are lenient about the engine's representation:
// Int() parses text (PostgreSQL returns text), Text() formats numbers.
class Row {
 public:
  Row() = default;
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  size_t size() const { return cells_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  std::string Text(size_t i) const;
  std::optional<std::string> OptText(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const;
  std::string BlobBytes(size_t i) const;
  const Value& Cell(size_t i) const { return cells_.at(i); }
  // For engines: the cells, refilled in place while stepping through a result (Conn::Each).
  std::vector<Value>& mutable_cells() { return cells_; }

 private:
  std::vector<Value> cells_;
};

using Rows = std::vector<Row>;

// A connection lent to a callback by Db::Read or Db::Write.
class Conn {
 public:
  virtual ~Conn() = default;
  // Runs one statement with bound parameters and returns every row it produced.
  virtual Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs one statement and hands its rows to `fn` one at a time, without keeping them: for results
  // too large to hold twice (the eligibility scan reads a province's whole history). The Row is only
  // valid during the call. An error from `fn` stops the statement and is returned.
  virtual Status Each(std::string_view sql, const std::vector<Value>& params,
                      const std::function<Status(const Row&)>& fn) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs a script of several statements without parameters (DDL, migrations).
  virtual Status ExecScript(std::string_view sql) = 0;
  virtual Engine engine() const = 0;
};

class Db {
 public:
  virtual ~Db() = default;
  virtual Engine engine() const = 0;
  // Lends a connection for reading. Writes made through it are not guaranteed to be allowed.
  virtual Status Read(const std::function<Status(Conn&)>& fn) = 0;
  // Runs `fn` in one transaction: committed if it returns ok, rolled back otherwise
  // (and the same Status is returned). A statement that fails inside `fn` rolls the transaction back
  // too, and its Status is returned, even if `fn` ignored it (PostgreSQL aborts the transaction anyway).
  // On SQLite writers are serialised.
  virtual Status Write(const std::function<Status(Conn&)>& fn) = 0;
  // Applies every numbered migration not yet applied (idempotent). Returns how many were applied.
  virtual Result<int> Migrate() = 0;
  // Writes a consistent copy of the whole database to `path` (SQLite online backup API);
  // kFailedPrecondition on PostgreSQL, where pg_dump is the tool.
  virtual Status Backup(const std::string& path) = 0;
};

// Opens a database from a URL: "sqlite:///abs/path.db" or "postgresql://user@host:port/db".
// For SQLite the file and its folder are created if missing.
Result<std::unique_ptr<Db>> OpenDb(const std::string& url);

}  // namespace thidua::store
