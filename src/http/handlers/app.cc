#include "http/handlers/app.h"

#include "http/static_files.h"
#include "web/assets.h"

namespace thidua::http {

void RegisterAuthPages(Router& router, AppDeps& deps);
void RegisterDashboard(Router& router, AppDeps& deps);
void RegisterRecordPages(Router& router, AppDeps& deps);
void RegisterEligibilityPages(Router& router, AppDeps& deps);
void RegisterImportPages(Router& router, AppDeps& deps);
void RegisterHistoryPages(Router& router, AppDeps& deps);
void RegisterSettingsPages(Router& router, AppDeps& deps);

void RegisterPageRoutes(Router& router, AppDeps& deps) {
  RegisterAuthPages(router, deps);
  RegisterDashboard(router, deps);
  RegisterRecordPages(router, deps);
  RegisterEligibilityPages(router, deps);
  RegisterImportPages(router, deps);
  RegisterHistoryPages(router, deps);
  RegisterSettingsPages(router, deps);
}

void RegisterApp(Router& router, AppDeps& deps) {
  router.Use(AuthMiddleware(deps.services.auth));
  RegisterApiRoutes(router, deps);
  RegisterPageRoutes(router, deps);
  StaticFiles("/static/", web::static_files::EmbeddedFiles()).Mount(router);
}

}  // namespace thidua::http
