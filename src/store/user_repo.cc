#include "store/user_repo.h"

namespace thidua::store::users {
namespace {

constexpr const char* kSelect =
    "SELECT s.id, s.username, s.display_name, s.role, s.unit_id, u.code, u.name, s.password_hash, s.active "
    "FROM users s LEFT JOIN units u ON u.id = s.unit_id ";

UserRow FromRow(const Row& row) {
  UserRow user;
  user.id = UserId(row.Int(0));
  user.username = row.Text(1);
  user.display_name = row.Text(2);
  user.role = row.Text(3);
  if (!row.IsNull(4)) user.unit = UnitId(row.Int(4));
  user.unit_code = row.OptText(5).value_or("");
  user.unit_name = row.OptText(6).value_or("");
  user.password_hash = row.Text(7);
  user.active = row.Int(8) != 0;
  return user;
}

Result<std::optional<UserRow>> FindOne(Conn& conn, const std::string& where, const Value& key) {
  Result<Rows> rows = conn.Query(kSelect + where, {key});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<UserRow>();
  return std::optional<UserRow>(FromRow(rows->front()));
}

}  // namespace

Result<std::optional<UserRow>> FindByUsername(Conn& conn, const std::string& username) {
  return FindOne(conn, "WHERE s.username = $1", username);
}

Result<std::optional<UserRow>> FindById(Conn& conn, UserId id) { return FindOne(conn, "WHERE s.id = $1", id.value()); }

Result<UserId> Insert(Conn& conn, const NewUser& user, int64_t now_ms) {
  Result<Rows> rows = conn.Query(
      "INSERT INTO users (username, display_name, role, unit_id, password_hash, active, created_at) "
      "VALUES ($1, $2, $3, $4, $5, 1, $6) RETURNING id",
      {user.username, user.display_name, user.role, user.unit ? Value(user.unit->value()) : Null(),
       user.password_hash, now_ms});
  if (!rows.ok()) {
    if (rows.status().code() == Code::kAlreadyExists) {
      Status status = AlreadyExists("Tên đăng nhập \"" + user.username + "\" đã tồn tại.");
      status.WithField("username", "Tên đăng nhập đã tồn tại.");
      return status;
    }
    return rows.status();
  }
  return UserId(rows->front().Int(0));
}

Status SetPasswordHash(Conn& conn, UserId id, const std::string& hash) {
  Result<int64_t> changed = conn.Exec("UPDATE users SET password_hash = $1 WHERE id = $2", {hash, id.value()});
  if (!changed.ok()) return changed.status();
  return *changed == 0 ? NotFound("Không tìm thấy người dùng.") : Status::Ok();
}

Result<std::vector<UserRow>> All(Conn& conn) {
  Result<Rows> rows = conn.Query(std::string(kSelect) + "ORDER BY s.username");
  if (!rows.ok()) return rows.status();
  std::vector<UserRow> users;
  for (const Row& row : *rows) users.push_back(FromRow(row));
  return users;
}

Status InsertSession(Conn& conn, const std::string& id_hash, UserId user, const std::string& csrf_token,
                     int64_t now_ms, int64_t expires_ms) {
  return conn
      .Exec("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            {id_hash, user.value(), csrf_token, now_ms, expires_ms})
      .status();
}

Result<std::optional<SessionRow>> FindSession(Conn& conn, const std::string& id_hash) {
  Result<Rows> rows =
      conn.Query("SELECT user_id, csrf_token, expires_at FROM sessions WHERE id_hash = $1", {id_hash});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<SessionRow>();
  const Row& row = rows->front();
  return std::optional<SessionRow>(SessionRow{UserId(row.Int(0)), row.Text(1), row.Int(2)});
}

Status DeleteSession(Conn& conn, const std::string& id_hash) {
  return conn.Exec("DELETE FROM sessions WHERE id_hash = $1", {id_hash}).status();
}

Status DeleteExpiredSessions(Conn& conn, int64_t now_ms) {
  return conn.Exec("DELETE FROM sessions WHERE expires_at < $1", {now_ms}).status();
}

Status AddFailure(Conn& conn, const std::string& key, int64_t now_ms) {
  return conn.Exec("INSERT INTO login_failures (key, at) VALUES ($1, $2)", {key, now_ms}).status();
}

Result<int64_t> CountFailures(Conn& conn, const std::string& key, int64_t since_ms) {
  Result<Rows> rows = conn.Query("SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at >= $2", {key, since_ms});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0);
}

Status ClearFailures(Conn& conn, const std::string& key) {
  return conn.Exec("DELETE FROM login_failures WHERE key = $1", {key}).status();
}

}  // namespace thidua::store::users
