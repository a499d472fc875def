#include "store/postgres/postgres_db.h"

#include <libpq-fe.h>

#include <charconv>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "store/migrate.h"

namespace thidua::store {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat; stable across versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string TrimEnd(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

bool IsUnavailableState(std::string_view state) {
  // 08P01 (protocol violation) is how the server refuses a wrong parameter count: a bug, not an outage.
  if (state == "08P01") return false;
  return state.starts_with("08") || state.starts_with("53") || state == "57P01" || state == "57P02" ||
         state == "57P03" || state == "40001" || state == "40P01";
}

// The Status for a failed statement; `result` may be null (libpq could not even send it).
Status PgError(PGconn* conn, const PGresult* result, std::string_view sql) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = TrimEnd(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn));
  if (state == nullptr) {
    // Raised by libpq itself, most often because the connection is gone.
    if (PQstatus(conn) != CONNECTION_OK) return Unavailable("postgresql: " + message);
    return Internal("postgresql: " + message + " in: " + ShortSql(sql));
  }
  std::string_view code(state);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string detail = primary != nullptr ? primary : message;
  if (code == "23505") return UniqueViolation(detail);
  if (code == "23503" || code == "23514" || code == "23502" || code.starts_with("22")) {
    return ConstraintViolation(detail);
  }
  if (IsUnavailableState(code)) return Unavailable("postgresql: " + message);
  return Internal("postgresql: " + message + " [" + std::string(code) + "] in: " + ShortSql(sql));
}

std::string FormatReal(double value) {
  char buffer[32];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, ptr);
}

// Parameters in the arrays PQexecParams takes. Numbers travel as text of unspecified type, so that
// the server types them from their use, as it would a quoted literal; blobs as binary bytea.
class PgParams {
 public:
  explicit PgParams(const std::vector<Value>& params) {
    text_.reserve(params.size());  // values_ points into text_: it must not reallocate
    for (const Value& param : params) Add(param);
  }
  int size() const { return static_cast<int>(values_.size()); }
  const Oid* types() const { return types_.data(); }
  const char* const* values() const { return values_.data(); }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  void Add(const Value& param) {
    if (const auto* blob = std::get_if<Blob>(&param)) {
      Push(kByteaOid, blob->bytes.data(), blob->bytes.size(), 1);
    } else if (const auto* text = std::get_if<std::string>(&param)) {
      Push(0, text->data(), text->size(), 0);
    } else if (const auto* number = std::get_if<int64_t>(&param)) {
      Push(0, Keep(std::to_string(*number)), 0);
    } else if (const auto* real = std::get_if<double>(&param)) {
      Push(0, Keep(FormatReal(*real)), 0);
    } else {
      Push(0, nullptr, 0, 0);  // SQL NULL
    }
  }
  void Push(Oid type, const std::string& kept, int format) { Push(type, kept.data(), kept.size(), format); }
  void Push(Oid type, const char* data, size_t size, int format) {
    types_.push_back(type);
    values_.push_back(data);
    lengths_.push_back(static_cast<int>(size));
    formats_.push_back(format);
  }
  const std::string& Keep(std::string text) { return text_.emplace_back(std::move(text)); }

  std::vector<std::string> text_;
  std::vector<Oid> types_;
  std::vector<const char*> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

enum class Kind { kInt, kReal, kBool, kBytes, kText };

Kind KindOf(Oid type) {
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid:
      return Kind::kInt;
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      return Kind::kReal;
    case kBoolOid:
      return Kind::kBool;
    case kByteaOid:
      return Kind::kBytes;
    default:
      return Kind::kText;
  }
}

template <typename T>
Value ParseNumber(std::string_view text) {
  T value{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::string(text);
  return value;
}

Value DecodeBytes(const char* text) {
  size_t size = 0;
  unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
  Blob blob{std::string(reinterpret_cast<const char*>(bytes), size)};
  PQfreemem(bytes);
  return blob;
}

Value Decode(Kind kind, const char* text, int length) {
  std::string_view view(text, length);
  switch (kind) {
    case Kind::kInt:
      return ParseNumber<int64_t>(view);
    case Kind::kReal:
      return ParseNumber<double>(view);
    case Kind::kBool:
      return int64_t{view == "t" ? 1 : 0};
    case Kind::kBytes:
      return DecodeBytes(text);
    case Kind::kText:
      break;
  }
  return std::string(view);
}

// Hands each row of `result` to `fn`, refilling one Row in place.
Status EachRow(const PGresult* result, const std::function<Status(const Row&)>& fn) {
  int columns = PQnfields(result);
  std::vector<Kind> kinds;
  for (int c = 0; c < columns; ++c) kinds.push_back(KindOf(PQftype(result, c)));
  Row row;
  std::vector<Value>& cells = row.mutable_cells();
  cells.resize(static_cast<size_t>(columns));
  for (int r = 0; r < PQntuples(result); ++r) {
    for (int c = 0; c < columns; ++c) {
      cells[c] = PQgetisnull(result, r, c) ? Null()
                                           : Decode(kinds[c], PQgetvalue(result, r, c), PQgetlength(result, r, c));
    }
    THIDUA_RETURN_IF_ERROR(fn(row));
  }
  return Status::Ok();
}

Rows ReadRows(const PGresult* result) {
  Rows rows;
  rows.reserve(PQntuples(result));
  EachRow(result, [&](const Row& row) {
    rows.push_back(row);
    return Status::Ok();
  });
  return rows;
}

// kInvalidArgument if libpq cannot parse `conninfo`; the message does not repeat it (it may hold a password).
Status CheckConninfo(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(conninfo.c_str(), &error);
  if (parsed != nullptr) {
    PQconninfoFree(parsed);
    return Status::Ok();
  }
  std::string message = error != nullptr ? TrimEnd(error) : "out of memory";
  PQfreemem(error);
  return InvalidArgument("Địa chỉ cơ sở dữ liệu không hợp lệ: " + message);
}

}  // namespace

// One libpq connection. Used by one thread at a time.
class PgConn final : public Conn {
 public:
  static Result<std::unique_ptr<PgConn>> Open(const std::string& conninfo);

  PgConn(const PgConn&) = delete;
  PgConn& operator=(const PgConn&) = delete;
  ~PgConn() override { PQfinish(conn_); }

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override;
  Status Each(std::string_view sql, const std::vector<Value>& params,
              const std::function<Status(const Row&)>& fn) override;
  Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params) override;
  Status ExecScript(std::string_view sql) override;
  Engine engine() const override { return Engine::kPostgres; }

  // Connected and outside any transaction: fit to lend again.
  bool Healthy() const {
    return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
  }
  Status Commit();
  void Rollback();

 private:
  explicit PgConn(PGconn* conn) : conn_(conn) {}
  Result<PgResult> Run(std::string_view sql, const std::vector<Value>& params);

  PGconn* conn_;
};

Result<std::unique_ptr<PgConn>> PgConn::Open(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return Unavailable("postgresql: out of memory");
  std::unique_ptr<PgConn> owned(new PgConn(conn));  // closes `conn` on every path below
  if (PQstatus(conn) != CONNECTION_OK) {
    return Unavailable("postgresql: cannot connect: " + TrimEnd(PQerrorMessage(conn)));
  }
  // Notices ("relation already exists, skipping") would go to stderr by default.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(conn, "UTF8") != 0) return Internal("postgresql: cannot use UTF8 client encoding");
  return owned;
}

Result<PgResult> PgConn::Run(std::string_view sql, const std::vector<Value>& params) {
  std::string text(sql);
  PgParams args(params);
  PgResult result(PQexecParams(conn_, text.c_str(), args.size(), args.types(), args.values(), args.lengths(),
                               args.formats(), /*resultFormat=*/0));
  ExecStatusType status = PQresultStatus(result.get());
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) return result;
  return PgError(conn_, result.get(), sql);
}

Result<Rows> PgConn::Query(std::string_view sql, const std::vector<Value>& params) {
  THIDUA_ASSIGN_OR_RETURN(PgResult result, Run(sql, params));
  return ReadRows(result.get());
}

// Single-row mode: libpq hands over one row at a time instead of buffering the whole result, so a
// province's history is never held twice. Every result is drained, even after an error (from the
// server or from `fn`), so that the connection is ready for its next statement.
Status PgConn::Each(std::string_view sql, const std::vector<Value>& params,
                    const std::function<Status(const Row&)>& fn) {
  std::string text(sql);
  PgParams args(params);
  if (PQsendQueryParams(conn_, text.c_str(), args.size(), args.types(), args.values(), args.lengths(),
                        args.formats(), /*resultFormat=*/0) == 0) {
    return PgError(conn_, nullptr, sql);
  }
  PQsetSingleRowMode(conn_);  // if refused, the rows come as one result, which reads the same
  Status status;
  while (PGresult* raw = PQgetResult(conn_)) {
    PgResult result(raw);
    ExecStatusType state = PQresultStatus(raw);
    if (state == PGRES_SINGLE_TUPLE || state == PGRES_TUPLES_OK) {
      if (status.ok()) status = EachRow(raw, fn);  // TUPLES_OK ends single-row mode with no rows
    } else if (state != PGRES_COMMAND_OK && status.ok()) {
      status = PgError(conn_, raw, sql);
    }
  }
  return status;
}

Result<int64_t> PgConn::Exec(std::string_view sql, const std::vector<Value>& params) {
  THIDUA_ASSIGN_OR_RETURN(PgResult result, Run(sql, params));
  std::string_view count = PQcmdTuples(result.get());
  int64_t changed = 0;
  std::from_chars(count.data(), count.data() + count.size(), changed);  // empty for DDL: 0
  return changed;
}

Status PgConn::ExecScript(std::string_view sql) {
  std::string text(sql);
  PgResult result(PQexec(conn_, text.c_str()));
  ExecStatusType status = PQresultStatus(result.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
    return Status::Ok();
  }
  return PgError(conn_, result.get(), sql);
}

Status PgConn::Commit() {
  PgResult result(PQexec(conn_, "COMMIT"));
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) return PgError(conn_, result.get(), "COMMIT");
  // COMMIT of a transaction that already failed succeeds, answering ROLLBACK.
  if (std::string_view(PQcmdStatus(result.get())) != "COMMIT") {
    return Internal("postgresql: the transaction failed and was rolled back");
  }
  return Status::Ok();
}

void PgConn::Rollback() {
  PGTransactionStatusType state = PQtransactionStatus(conn_);
  if (state == PQTRANS_INTRANS || state == PQTRANS_INERROR) PgResult(PQexec(conn_, "ROLLBACK"));
}

PostgresDb::PostgresDb(PostgresOptions options)
    : options_(std::move(options)),
      pool_(
          options_.pool_size, options_.pool_wait, [this] { return PgConn::Open(options_.conninfo); },
          [](PgConn& conn) { return conn.Healthy(); }) {}

PostgresDb::~PostgresDb() = default;

Result<std::unique_ptr<PostgresDb>> PostgresDb::Open(PostgresOptions options) {
  THIDUA_RETURN_IF_ERROR(CheckConninfo(options.conninfo));
  std::unique_ptr<PostgresDb> db(new PostgresDb(std::move(options)));
  THIDUA_RETURN_IF_ERROR(db->Read([](Conn&) { return Status::Ok(); }));
  return db;
}

Status PostgresDb::Read(const std::function<Status(Conn&)>& fn) {
  THIDUA_ASSIGN_OR_RETURN(ConnPool<PgConn>::Lease conn, pool_.Acquire());
  return fn(*conn);
}

Status PostgresDb::Write(const std::function<Status(Conn&)>& fn) {
  THIDUA_ASSIGN_OR_RETURN(ConnPool<PgConn>::Lease conn, pool_.Acquire());
  THIDUA_RETURN_IF_ERROR(conn->ExecScript("BEGIN"));
  Status status = RunTracked(*conn, fn);
  if (status.ok()) status = conn->Commit();
  if (!status.ok()) conn->Rollback();
  return status;
}

Result<int> PostgresDb::Migrate() { return MigrateToLatest(*this); }

Status PostgresDb::Backup(const std::string& path) {
  return FailedPrecondition("Không sao lưu được PostgreSQL từ chương trình: hãy dùng pg_dump.");
}

}  // namespace thidua::store
