#include "service/auth_service.h"

#include <sodium.h>

#include "base/crypto.h"
#include "service/audit_trail.h"
#include "store/unit_repo.h"

namespace thidua::service {
namespace {

Status WrongCredentials() { return Unauthenticated("Tên đăng nhập hoặc mật khẩu không đúng."); }

bool NeedsUnit(Role role) { return role == Role::kUnitOfficer || role == Role::kUnitHead || role == Role::kCouncil; }

}  // namespace

std::string AuthService::HashPassword(const std::string& password) const {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), options_.ops_limit, options_.mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return "";
  }
  return hash;
}

bool AuthService::VerifyPassword(const std::string& hash, const std::string& password) {
  if (hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Result<Actor> AuthService::ActorFor(const store::users::UserRow& user) const {
  std::optional<Role> role = ParseRole(user.role);
  if (!role) return Internal("unknown role in users table: " + user.role);
  Actor actor;
  actor.user = user.id;
  actor.username = user.username;
  actor.display_name = user.display_name;
  actor.role = *role;
  actor.unit = user.unit;
  actor.unit_code = user.unit_code;
  actor.unit_name = user.unit_name;
  return actor;
}

Result<SessionInfo> AuthService::Login(const std::string& username, const std::string& password,
                                       const std::string& remote_address) {
  int64_t now = ctx_.clock.NowMillis();
  std::string user_key = "user:" + username, address_key = "ip:" + remote_address;
  std::optional<store::users::UserRow> user;
  Status read = ctx_.db.Read([&](store::Conn& conn) -> Status {
    int64_t since = now - options_.failure_window_ms;
    THIDUA_ASSIGN_OR_RETURN(int64_t by_user, store::users::CountFailures(conn, user_key, since));
    THIDUA_ASSIGN_OR_RETURN(int64_t by_address, store::users::CountFailures(conn, address_key, since));
    if (by_user >= options_.max_user_failures || by_address >= options_.max_address_failures) {
      return ResourceExhausted("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
    }
    THIDUA_ASSIGN_OR_RETURN(user, store::users::FindByUsername(conn, username));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  // Verify even for an unknown user, so timing does not reveal which names exist.
  static const std::string kDummyHash = HashPassword("not-a-password");
  bool good = VerifyPassword(user ? user->password_hash : kDummyHash, password) && user && user->active;
  if (!good) {
    Status recorded = ctx_.db.Write([&](store::Conn& conn) -> Status {
      THIDUA_RETURN_IF_ERROR(store::users::AddFailure(conn, user_key, now));
      return store::users::AddFailure(conn, address_key, now);
    });
    if (!recorded.ok()) return recorded;
    return WrongCredentials();
  }
  THIDUA_ASSIGN_OR_RETURN(Actor actor, ActorFor(*user));
  SessionInfo session{RandomHex(32), RandomHex(16), actor};
  Status written = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_RETURN_IF_ERROR(store::users::ClearFailures(conn, user_key));
    THIDUA_RETURN_IF_ERROR(store::users::DeleteExpiredSessions(conn, now));
    return store::users::InsertSession(conn, Sha256Hex(session.token), user->id, session.csrf_token, now,
                                       now + options_.session_ttl_ms);
  });
  if (!written.ok()) return written;
  return session;
}

Result<SessionInfo> AuthService::Authenticate(const std::string& token) {
  if (token.size() != 64) return Unauthenticated("Phiên đăng nhập không hợp lệ hoặc đã hết hạn.");
  std::optional<store::users::SessionRow> session;
  std::optional<store::users::UserRow> user;
  Status read = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(session, store::users::FindSession(conn, Sha256Hex(token)));
    if (session) {
      THIDUA_ASSIGN_OR_RETURN(user, store::users::FindById(conn, session->user));
    }
    return Status::Ok();
  });
  if (!read.ok()) return read;
  if (!session || !user || !user->active || session->expires_at < ctx_.clock.NowMillis()) {
    return Unauthenticated("Phiên đăng nhập không hợp lệ hoặc đã hết hạn.");
  }
  THIDUA_ASSIGN_OR_RETURN(Actor actor, ActorFor(*user));
  return SessionInfo{token, session->csrf_token, actor};
}

Status AuthService::Logout(const std::string& token) {
  return ctx_.db.Write([&](store::Conn& conn) { return store::users::DeleteSession(conn, Sha256Hex(token)); });
}

Result<store::users::UserRow> AuthService::CreateUser(const Actor& actor, const NewUserRequest& request) {
  if (actor.role != Role::kAdmin) return PermissionDenied("Chỉ quản trị hệ thống được tạo tài khoản.");
  Status invalid = InvalidArgument("Dữ liệu không hợp lệ.");
  std::optional<Role> role = ParseRole(request.role);
  if (request.username.empty() || request.username.size() > 64) {
    invalid.WithField("username", "Tên đăng nhập dài 1–64 ký tự.");
  }
  if (!role) invalid.WithField("role", "Vai trò không hợp lệ: \"" + request.role + "\".");
  if (role && NeedsUnit(*role) && request.unit_code.empty()) {
    invalid.WithField("unit", "Vai trò này cần một đơn vị.");
  }
  if (request.password.size() < 8) invalid.WithField("password", "Mật khẩu cần ít nhất 8 ký tự.");
  if (!invalid.fields().empty()) return invalid;
  store::users::UserRow created;
  std::string hash = HashPassword(request.password);
  if (hash.empty()) return Internal("password hashing failed (out of memory?)");
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    std::optional<UnitId> unit;
    if (!request.unit_code.empty()) {
      THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> row,
                              store::units::FindByCode(conn, request.unit_code));
      if (!row) {
        return Status(InvalidArgument("Dữ liệu không hợp lệ."))
            .WithField("unit", "Không tìm thấy đơn vị \"" + request.unit_code + "\".");
      }
      unit = row->id;
    }
    store::users::NewUser user{request.username,
                               request.display_name.empty() ? request.username : request.display_name,
                               request.role, unit, hash};
    THIDUA_ASSIGN_OR_RETURN(UserId id, store::users::Insert(conn, user, ctx_.clock.NowMillis()));
    THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "user.create", "user", request.username, std::nullopt,
                                       domain::RawFields{{"username", request.username},
                                                         {"role", request.role},
                                                         {"unit", request.unit_code}}));
    THIDUA_ASSIGN_OR_RETURN(std::optional<store::users::UserRow> row, store::users::FindById(conn, id));
    created = *row;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return created;
}

Result<std::vector<store::users::UserRow>> AuthService::Users(const Actor& actor) {
  if (actor.role != Role::kAdmin) return PermissionDenied("Chỉ quản trị hệ thống được xem danh sách tài khoản.");
  std::vector<store::users::UserRow> users;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(users, store::users::All(conn));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return users;
}

}  // namespace thidua::service
