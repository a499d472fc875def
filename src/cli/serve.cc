#include "cli/serve.h"

#include <cstdio>

#include "base/clock.h"
#include "http/handlers/app.h"
#include "http/server.h"
#include "service/services.h"
#include "web/renderer.h"

namespace thidua::cli {

int Serve(store::Db& db, const ServeOptions& options) {
  SystemClock clock;
  service::Services services(service::Context{db, clock}, service::AuthOptions{});
  Result<web::Renderer> renderer = web::Renderer::CreateEmbedded();
  if (!renderer.ok()) {
    std::fprintf(stderr, "thidua: templates: %s\n", renderer.status().message().c_str());
    return 1;
  }
  http::AppDeps deps{services, *renderer, {}};
  deps.site.province = options.province;
  deps.site.db_engine = store::EngineName(db.engine());
  http::Router router;
  http::RegisterApp(router, deps);
  http::ServerOptions server_options;
  server_options.bind = options.bind;
  server_options.port = options.port;
  server_options.worker_threads = options.worker_threads;
  server_options.handle_signals = true;
  server_options.access_log_path = options.access_log_path;
  server_options.on_shutdown = [&services] { services.jobs.Shutdown(); };
  http::Server server(server_options, router);
  Status started = server.Start();
  if (!started.ok()) {
    std::fprintf(stderr, "thidua: không mở được cổng %s:%u: %s\n", options.bind.c_str(), options.port,
                 started.message().c_str());
    return 1;
  }
  if (options.on_listening) options.on_listening(server.port());
  server.Wait();
  return 0;
}

}  // namespace thidua::cli
