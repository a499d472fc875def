// Users, sessions (only a SHA-256 of each session id is stored) and failed sign-ins.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/rows.h"

namespace thidua::store::users {

struct UserRow {
  UserId id;
  std::string username;
  std::string display_name;
  std::string role;
  std::optional<UnitId> unit;
  std::string unit_code;
  std::string unit_name;
  std::string password_hash;
  bool active = true;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;
  std::optional<UnitId> unit;
  std::string password_hash;
};

Result<std::optional<UserRow>> FindByUsername(Conn& conn, const std::string& username);
Result<std::optional<UserRow>> FindById(Conn& conn, UserId id);
Result<UserId> Insert(Conn& conn, const NewUser& user, int64_t now_ms);
Status SetPasswordHash(Conn& conn, UserId id, const std::string& hash);
Result<std::vector<UserRow>> All(Conn& conn);

struct SessionRow {
  UserId user;
  std::string csrf_token;
  int64_t expires_at = 0;
};
Status InsertSession(Conn& conn, const std::string& id_hash, UserId user, const std::string& csrf_token,
                     int64_t now_ms, int64_t expires_ms);
Result<std::optional<SessionRow>> FindSession(Conn& conn, const std::string& id_hash);
Status DeleteSession(Conn& conn, const std::string& id_hash);
Status DeleteExpiredSessions(Conn& conn, int64_t now_ms);

// Failed sign-ins, keyed by "user:NAME" or "ip:ADDRESS".
Status AddFailure(Conn& conn, const std::string& key, int64_t now_ms);
Result<int64_t> CountFailures(Conn& conn, const std::string& key, int64_t since_ms);
Status ClearFailures(Conn& conn, const std::string& key);

}  // namespace thidua::store::users
