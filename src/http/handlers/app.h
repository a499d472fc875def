// The application's routes: the JSON API (/api/v1), the staff screens (/quan-ly) and the
// public pages. Handlers parse, call one service function and render; nothing more.
#pragma once

#include <string>

#include "http/router.h"
#include "service/services.h"

namespace thidua::web {
class Renderer;
}

namespace thidua::http {

struct SiteInfo {
  std::string department = "Ban Thi đua – Khen thưởng";
  std::string province = "Thanh Lâm";
  std::string db_engine = "sqlite";  // for /healthz
  bool secure_cookies = false;       // set the Secure flag (behind TLS)
};

struct AppDeps {
  service::Services& services;
  const web::Renderer& renderer;
  SiteInfo site;
};

// The session cookie's name.
inline constexpr const char* kSessionCookie = "thidua_session";

// Resolves the actor from a bearer token or the session cookie and enforces CSRF on
// cookie-authenticated writes (X-CSRF-Token header, or a csrf_token form field).
Middleware AuthMiddleware(service::AuthService& auth);

void RegisterApiRoutes(Router& router, AppDeps& deps);
void RegisterPageRoutes(Router& router, AppDeps& deps);

// Registers everything, middleware included.
void RegisterApp(Router& router, AppDeps& deps);

}  // namespace thidua::http
