// Response and the helpers that build the common ones.
//
// A handler returns a Response by value; the server adds the security headers (unless the
// handler set the same header itself), X-Request-Id, Content-Length and Connection, and drops
// the body of answers to HEAD. Error bodies follow API.md: under /api/ they are JSON
// {"error": {"code", "message", "fields"}}, elsewhere a small Vietnamese HTML page.
// Everything here is a value type without shared state.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace thidua::http {

struct Response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Not sent: the server logs it with the request id (the real message of a kInternal or
  // kUnavailable Status, or a handler's exception).
  std::string internal_message;

  // Replaces every header field named `name` (case-insensitive) by one with `value`.
  // "Content-Type" sets `content_type` instead.
  void SetHeader(std::string name, std::string value);
  // Appends a field even if one of that name exists (e.g. several Set-Cookie).
  void AddHeader(std::string name, std::string value);
  // The first field named `name` (case-insensitive), or "" if absent.
  std::string_view Header(std::string_view name) const;
};

// The one table from error code to HTTP status (STYLE.md): kInvalidArgument 422, kNotFound 404,
// kAlreadyExists 409, kFailedPrecondition 409, kPermissionDenied 403, kUnauthenticated 401,
// kResourceExhausted 429, kUnavailable 503, kInternal 500 (kOk 200).
unsigned HttpStatusFor(Code code);

// Sent on every response, errors included.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kSecurityHeaders = {{
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
     "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "strict-origin-when-cross-origin"},
    {"X-Frame-Options", "DENY"},
}};

// `json_body` is sent as is with Content-Type application/json.
Response JsonResponse(unsigned status, std::string json_body);
// {"error": {"code": CodeName(code), "message": …, "fields": {…}}} with HttpStatusFor(code).
// For kUnavailable and kInternal (and a Status that is ok, which is a bug) the message shown is
// generic and the real one goes to `internal_message`.
Response ErrorResponse(const Status& status);
// A JSON error with an explicit HTTP status and code, e.g. (413, "payload_too_large", "…").
Response ErrorResponse(unsigned http_status, std::string code, std::string message);
// A small Vietnamese HTML page for an error (the message is escaped).
Response HtmlErrorPage(unsigned http_status, std::string_view message);
// True for paths under /api/ (and "/api" itself): their errors are JSON.
bool IsApiPath(std::string_view path);
// The server's own errors (400, 404, 405, 408, 413, 415, 431, 500, 503): the standard code and
// Vietnamese message for `http_status`, as JSON under /api/ and as an HTML page elsewhere.
Response StandardError(std::string_view path, unsigned http_status);
// Location: `location`, empty body. REQUIRES: `location` holds no CR or LF.
Response Redirect(std::string location, unsigned status = 303);

}  // namespace thidua::http
