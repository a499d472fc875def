#include "base/crypto.h"
#include "http/handlers/app.h"
#include "http/parsers.h"

namespace thidua::http {
namespace {

// Signing in is how a session starts: a stale cookie must not block it (the form checks Origin).
bool IsSignIn(const Request& request) {
  return request.path == "/api/v1/auth/login" || request.path == "/dang-nhap";
}

bool IsWrite(std::string_view method) { return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE"; }

// The CSRF token a cookie-authenticated write carries: the header, else the form field.
std::string SentCsrfToken(const Request& request) {
  std::string_view header = request.Header("X-CSRF-Token");
  if (!header.empty()) return std::string(header);
  std::string_view type = request.Header("Content-Type");
  if (type.substr(0, 33) == "application/x-www-form-urlencoded") {
    Result<QueryMap> form = ParseForm(request.body);
    if (form.ok()) {
      auto it = form->find("csrf_token");
      if (it != form->end()) return it->second;
    }
  } else if (type.substr(0, 19) == "multipart/form-data") {
    Result<std::vector<MultipartPart>> parts = ParseMultipart(request.body, type);
    if (parts.ok()) {
      for (const MultipartPart& part : *parts) {
        if (part.name == "csrf_token") return std::string(part.data);
      }
    }
  }
  return "";
}

}  // namespace

Middleware AuthMiddleware(service::AuthService& auth) {
  return [&auth](Request& request, const Handler& next) -> Response {
    std::string token;
    bool bearer = false;
    std::string_view authorization = request.Header("Authorization");
    if (authorization.substr(0, 7) == "Bearer ") {
      token = std::string(authorization.substr(7));
      bearer = true;
    } else {
      token = request.Cookie(kSessionCookie);
    }
    if (!token.empty()) {
      Result<service::SessionInfo> session = auth.Authenticate(token);
      if (session.ok()) {
        request.actor = session->actor;
        request.cookie_authenticated = !bearer;
        request.csrf_token = session->csrf_token;
      } else if (session.status().code() != Code::kUnauthenticated) {
        return ErrorResponse(session.status());
      } else if (bearer && IsApiPath(request.path)) {
        return ErrorResponse(session.status());
      }
    }
    if (request.actor && request.cookie_authenticated && IsWrite(request.method) && !IsSignIn(request) &&
        !ConstantTimeEquals(SentCsrfToken(request), request.csrf_token)) {
      if (IsApiPath(request.path)) {
        return ErrorResponse(403, "csrf", "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token).");
      }
      return HtmlErrorPage(403, "Phiên làm việc đã thay đổi. Vui lòng tải lại trang rồi thử lại.");
    }
    return next(request);
  };
}

}  // namespace thidua::http
