// Sign-in, sessions, bearer tokens, throttling and user accounts.
//
// A session id is 256 random bits shown to the client once (cookie value and bearer token);
// only its SHA-256 is stored. Passwords are hashed with Argon2id (libsodium). After
// `max_user_failures` failed sign-ins for one account, or `max_address_failures` from one
// address, within `failure_window_ms`, sign-in answers kResourceExhausted (HTTP 429).
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "service/actor.h"
#include "service/context.h"
#include "store/user_repo.h"

namespace thidua::service {

struct AuthOptions {
  int64_t session_ttl_ms = 12LL * 3600 * 1000;
  int64_t failure_window_ms = 15LL * 60 * 1000;
  int64_t max_user_failures = 5;
  int64_t max_address_failures = 30;
  // Argon2id cost; tests lower it. Defaults: libsodium's "interactive" level.
  unsigned long long ops_limit = 2;
  size_t mem_limit = 64u << 20;
};

struct SessionInfo {
  std::string token;       // the session id: cookie value and bearer token
  std::string csrf_token;  // required in X-CSRF-Token / csrf_token for cookie-authenticated writes
  Actor actor;
};

struct NewUserRequest {
  std::string username;
  std::string display_name;
  std::string role;       // a role code
  std::string unit_code;  // required for unit_officer, unit_head, council
  std::string password;
};

class AuthService {
 public:
  AuthService(Context ctx, AuthOptions options) : ctx_(ctx), options_(options) {}

  // kUnauthenticated for a wrong name or password (one message for both), kResourceExhausted
  // when throttled.
  Result<SessionInfo> Login(const std::string& username, const std::string& password,
                            const std::string& remote_address);
  // The session behind a token; kUnauthenticated if unknown or expired.
  Result<SessionInfo> Authenticate(const std::string& token);
  Status Logout(const std::string& token);

  // Admins only (or Actor::System()). Passwords need at least 8 characters.
  Result<store::users::UserRow> CreateUser(const Actor& actor, const NewUserRequest& request);
  Result<std::vector<store::users::UserRow>> Users(const Actor& actor);

  std::string HashPassword(const std::string& password) const;
  static bool VerifyPassword(const std::string& hash, const std::string& password);

 private:
  Result<Actor> ActorFor(const store::users::UserRow& user) const;
  Context ctx_;
  AuthOptions options_;
};

}  // namespace thidua::service
