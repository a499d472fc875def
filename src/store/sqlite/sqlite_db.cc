#include "store/sqlite/sqlite_db.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/migrate.h"

namespace thidua::store {
namespace {

constexpr size_t kMaxCachedStatements = 256;

// Page caches sized for a province (≈100,000 people): 8 MiB per reader keeps the search indexes hot,
// 32 MiB for the writer keeps bulk imports from re-reading index pages; the OS file cache does the
// rest. No memory map: each connection's map would count the database again in the resident size.
constexpr char kWriterPragmas[] = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768;";
constexpr char kReaderPragmas[] =
    "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA query_only=ON; PRAGMA cache_size=-8192;";

enum class Role { kWriter, kReader };

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// The Status for SQLite result code `rc` (extended codes are on), with SQLite's message `detail`.
Status SqliteError(int rc, std::string_view detail, std::string_view sql) {
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return UniqueViolation(detail);
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return ConstraintViolation(detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Unavailable("sqlite: " + std::string(detail));
    default:
      break;
  }
  return Internal("sqlite: " + std::string(detail) + " (code " + std::to_string(rc) +
                  ") in: " + ShortSql(sql));
}

Status CreateParentFolder(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return Status::Ok();
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) return Internal("sqlite: cannot create folder " + parent.string() + ": " + error.message());
  return Status::Ok();
}

// "$3" → 3; anything else (`?`, `:name`, `$x`) → nullopt.
std::optional<size_t> PlaceholderNumber(const char* name) {
  if (name == nullptr || name[0] != '$') return std::nullopt;
  std::string_view digits(name + 1);
  size_t number = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || number == 0) return std::nullopt;
  return number;
}

int BindValue(sqlite3_stmt* stmt, int index, const Value& value) {
  // The parameters outlive the statement's run (it is reset before Query/Exec return): SQLITE_STATIC.
  if (const auto* v = std::get_if<int64_t>(&value)) return sqlite3_bind_int64(stmt, index, *v);
  if (const auto* v = std::get_if<double>(&value)) return sqlite3_bind_double(stmt, index, *v);
  if (const auto* v = std::get_if<std::string>(&value)) {
    return sqlite3_bind_text64(stmt, index, v->data(), v->size(), SQLITE_STATIC, SQLITE_UTF8);
  }
  if (const auto* v = std::get_if<Blob>(&value)) {
    return sqlite3_bind_blob64(stmt, index, v->bytes.data(), v->bytes.size(), SQLITE_STATIC);
  }
  return sqlite3_bind_null(stmt, index);
}

Value ReadCell(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_TEXT: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      return std::string(text, sqlite3_column_bytes(stmt, i));
    }
    case SQLITE_BLOB: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      int size = sqlite3_column_bytes(stmt, i);
      return Blob{size == 0 ? std::string() : std::string(bytes, size)};
    }
    default:
      return Null();
  }
}

Row ReadRow(sqlite3_stmt* stmt) {
  int count = sqlite3_column_count(stmt);
  std::vector<Value> cells;
  cells.reserve(count);
  for (int i = 0; i < count; ++i) cells.push_back(ReadCell(stmt, i));
  return Row(std::move(cells));
}

// Makes a cached statement ready for its next use, however the current one ends.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;
  ~ResetOnExit() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_;
};

}  // namespace

// One SQLite connection with its cache of prepared statements. Used by one thread at a time.
class SqliteConn final : public Conn {
 public:
  static Result<std::unique_ptr<SqliteConn>> Open(const SqliteOptions& options, Role role);

  SqliteConn(const SqliteConn&) = delete;
  SqliteConn& operator=(const SqliteConn&) = delete;
  ~SqliteConn() override {
    ClearCache();
    sqlite3_close_v2(db_);
  }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override;
  Status Each(std::string_view sql, const std::vector<Value>& params,
              const std::function<Status(const Row&)>& fn) override;
  Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params) override;
  Status ExecScript(std::string_view sql) override;
  Engine engine() const override { return Engine::kSqlite; }

  sqlite3* handle() const { return db_; }
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

 private:
  explicit SqliteConn(sqlite3* db) : db_(db) {}

  // A cached statement and, for each of its placeholders in order, the number k of its "$k": looked up
  // once here, because sqlite3_bind_parameter_name scans a list (quadratic in multi-row inserts).
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<size_t> numbers;
    size_t highest = 0;
  };

  Result<const Prepared*> Prepare(std::string_view sql);
  bool IsOneStatement(const char* tail, const char* end);
  Status Bind(const Prepared& prepared, const std::vector<Value>& params, std::string_view sql);
  // Steps `stmt` to its end, appending its rows to `rows` if not null; returns how many rows it produced.
  Result<int64_t> Step(sqlite3_stmt* stmt, std::string_view sql, Rows* rows);
  Status LastError(int rc, std::string_view sql) const { return SqliteError(rc, sqlite3_errmsg(db_), sql); }
  void ClearCache();

  sqlite3* db_;
  std::unordered_map<std::string, Prepared, StringHash, std::equal_to<>> statements_;
};

Result<std::unique_ptr<SqliteConn>> SqliteConn::Open(const SqliteOptions& options, Role role) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  std::unique_ptr<SqliteConn> conn(new SqliteConn(db));  // closes `db` on every path below
  if (rc != SQLITE_OK) return SqliteError(rc, sqlite3_errmsg(db), "open " + options.path);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(options.busy_timeout.count()));
  if (role == Role::kWriter) {
    THIDUA_ASSIGN_OR_RETURN(Rows mode, conn->Query("PRAGMA journal_mode=WAL", {}));
    if (mode.empty() || mode[0].Text(0) != "wal")
      return Internal("sqlite: cannot use WAL for " + options.path);
  }
  THIDUA_RETURN_IF_ERROR(conn->ExecScript(role == Role::kWriter ? kWriterPragmas : kReaderPragmas));
  if (options.on_open) options.on_open(db);
  return conn;
}

Result<Rows> SqliteConn::Query(std::string_view sql, const std::vector<Value>& params) {
  THIDUA_ASSIGN_OR_RETURN(const Prepared* prepared, Prepare(sql));
  sqlite3_stmt* stmt = prepared->stmt;
  ResetOnExit reset(stmt);
  THIDUA_RETURN_IF_ERROR(Bind(*prepared, params, sql));
  Rows rows;
  THIDUA_RETURN_IF_ERROR(Step(stmt, sql, &rows).status());
  return rows;
}

Status SqliteConn::Each(std::string_view sql, const std::vector<Value>& params,
                        const std::function<Status(const Row&)>& fn) {
  THIDUA_ASSIGN_OR_RETURN(const Prepared* prepared, Prepare(sql));
  sqlite3_stmt* stmt = prepared->stmt;
  ResetOnExit reset(stmt);
  THIDUA_RETURN_IF_ERROR(Bind(*prepared, params, sql));
  Row row;
  std::vector<Value>& cells = row.mutable_cells();
  cells.resize(static_cast<size_t>(sqlite3_column_count(stmt)));
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    for (size_t i = 0; i < cells.size(); ++i) cells[i] = ReadCell(stmt, static_cast<int>(i));
    THIDUA_RETURN_IF_ERROR(fn(row));
  }
  if (rc != SQLITE_DONE) return LastError(rc, sql);
  return Status::Ok();
}

Result<int64_t> SqliteConn::Exec(std::string_view sql, const std::vector<Value>& params) {
  THIDUA_ASSIGN_OR_RETURN(const Prepared* prepared, Prepare(sql));
  sqlite3_stmt* stmt = prepared->stmt;
  ResetOnExit reset(stmt);
  THIDUA_RETURN_IF_ERROR(Bind(*prepared, params, sql));
  sqlite3_int64 changes_before = sqlite3_total_changes64(db_);
  THIDUA_ASSIGN_OR_RETURN(int64_t row_count, Step(stmt, sql, nullptr));
  // A query changes nothing; report its rows, as PostgreSQL does.
  if (sqlite3_stmt_readonly(stmt)) return row_count;
  // sqlite3_changes64 still holds the count of an earlier statement after DDL, or after a DML
  // statement that changed nothing; it leaves out rows changed by triggers, as PostgreSQL does.
  if (sqlite3_total_changes64(db_) == changes_before) return int64_t{0};
  return static_cast<int64_t>(sqlite3_changes64(db_));
}

Status SqliteConn::ExecScript(std::string_view sql) {
  std::string script(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message);
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  if (rc != SQLITE_OK) return SqliteError(rc, detail, sql);
  return Status::Ok();
}

Result<const SqliteConn::Prepared*> SqliteConn::Prepare(std::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) return &it->second;
  if (statements_.size() >= kMaxCachedStatements) ClearCache();
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              &tail);
  if (rc != SQLITE_OK) return LastError(rc, sql);
  if (stmt == nullptr) return Internal("sqlite: no statement in: " + ShortSql(sql));
  if (!IsOneStatement(tail, sql.data() + sql.size())) {
    sqlite3_finalize(stmt);
    return Internal("sqlite: Query and Exec take one statement (use ExecScript): " + ShortSql(sql));
  }
  Prepared prepared;
  prepared.stmt = stmt;
  int count = sqlite3_bind_parameter_count(stmt);
  for (int i = 1; i <= count; ++i) {
    const char* name = sqlite3_bind_parameter_name(stmt, i);
    std::optional<size_t> number = PlaceholderNumber(name);
    if (!number) {
      sqlite3_finalize(stmt);
      return Internal("sqlite: placeholder " + std::string(name ? name : "?") + " is not $n in: " + ShortSql(sql));
    }
    prepared.numbers.push_back(*number);
    prepared.highest = std::max(prepared.highest, *number);
  }
  auto [it, inserted] = statements_.emplace(std::string(sql), std::move(prepared));
  return &it->second;
}

// True if only blanks and comments follow the first statement.
bool SqliteConn::IsOneStatement(const char* tail, const char* end) {
  if (std::all_of(tail, end,
                  [](char c) { return c == ';' || std::isspace(static_cast<unsigned char>(c)); })) {
    return true;
  }
  sqlite3_stmt* next = nullptr;
  sqlite3_prepare_v2(db_, tail, static_cast<int>(end - tail), &next, nullptr);
  bool more = next != nullptr;
  sqlite3_finalize(next);
  return !more;
}

Status SqliteConn::Bind(const Prepared& prepared, const std::vector<Value>& params, std::string_view sql) {
  if (prepared.highest != params.size()) {
    return Internal("sqlite: " + std::to_string(params.size()) + " parameters given but the statement uses " +
                    std::to_string(prepared.highest) + ": " + ShortSql(sql));
  }
  for (size_t i = 0; i < prepared.numbers.size(); ++i) {
    int rc = BindValue(prepared.stmt, static_cast<int>(i + 1), params[prepared.numbers[i] - 1]);
    if (rc != SQLITE_OK) return LastError(rc, sql);
  }
  return Status::Ok();
}

Result<int64_t> SqliteConn::Step(sqlite3_stmt* stmt, std::string_view sql, Rows* rows) {
  int64_t row_count = 0;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    ++row_count;
    if (rows != nullptr) rows->push_back(ReadRow(stmt));
  }
  if (rc != SQLITE_DONE) return LastError(rc, sql);
  return row_count;
}

void SqliteConn::ClearCache() {
  for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.stmt);
  statements_.clear();
}

SqliteDb::SqliteDb(SqliteOptions options, std::unique_ptr<SqliteConn> writer)
    : options_(std::move(options)),
      writer_(std::move(writer)),
      readers_(
          options_.readers, options_.pool_wait, [this] { return SqliteConn::Open(options_, Role::kReader); },
          // A reader left inside a transaction would pin an old snapshot: close it instead.
          [](SqliteConn& reader) { return !reader.InTransaction(); }) {}

SqliteDb::~SqliteDb() = default;

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(SqliteOptions options) {
  if (options.path.empty()) return InvalidArgument("Chưa chỉ ra tệp cơ sở dữ liệu SQLite.");
  THIDUA_RETURN_IF_ERROR(CreateParentFolder(options.path));
  THIDUA_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConn> writer, SqliteConn::Open(options, Role::kWriter));
  return std::unique_ptr<SqliteDb>(new SqliteDb(std::move(options), std::move(writer)));
}

Status SqliteDb::Read(const std::function<Status(Conn&)>& fn) {
  THIDUA_ASSIGN_OR_RETURN(ConnPool<SqliteConn>::Lease reader, readers_.Acquire());
  return fn(*reader);
}

Status SqliteDb::Write(const std::function<Status(Conn&)>& fn) {
  std::lock_guard<std::mutex> lock(writer_mu_);
  THIDUA_RETURN_IF_ERROR(writer_->ExecScript("BEGIN IMMEDIATE"));
  Status status = RunTracked(*writer_, fn);
  if (status.ok()) status = writer_->ExecScript("COMMIT");
  if (!status.ok() && writer_->InTransaction()) writer_->ExecScript("ROLLBACK").IgnoreError();
  return status;
}

Result<int> SqliteDb::Migrate() { return MigrateToLatest(*this); }

namespace {

// Copies the main database of `source` into a new file at `path`.
Status CopyDatabase(sqlite3* source, const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  sqlite3* dest = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
    if (backup == nullptr) {
      rc = sqlite3_extended_errcode(dest);
    } else {
      sqlite3_backup_step(backup, -1);
      rc = sqlite3_backup_finish(backup);
    }
  }
  Status status = rc == SQLITE_OK ? Status::Ok() : SqliteError(rc, sqlite3_errmsg(dest), "backup to " + path);
  sqlite3_close(dest);
  return status;
}

}  // namespace

Status SqliteDb::Backup(const std::string& path) {
  THIDUA_RETURN_IF_ERROR(CreateParentFolder(path));
  // Written beside the target and renamed, so `path` never holds half a copy.
  std::string partial = path + ".partial";
  THIDUA_ASSIGN_OR_RETURN(ConnPool<SqliteConn>::Lease reader, readers_.Acquire());
  Status status = CopyDatabase(reader->handle(), partial);
  std::error_code error;
  if (status.ok()) std::filesystem::rename(partial, path, error);
  if (error) status = Internal("sqlite: cannot move backup into " + path + ": " + error.message());
  if (!status.ok()) std::filesystem::remove(partial, error);
  return status;
}

}  // namespace thidua::store
