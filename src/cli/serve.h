// Serving a database over HTTP: the composition of services, renderer, router and server.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "store/db.h"

namespace thidua::cli {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  uint16_t port = 8080;
  int worker_threads = 4;
  std::string province = "Thanh Lâm";
  std::string access_log_path;
  // Called once the server listens, with the port it listens on.
  std::function<void(uint16_t)> on_listening;
};

// Serves `db` until SIGTERM/SIGINT. Returns an exit status.
int Serve(store::Db& db, const ServeOptions& options);

}  // namespace thidua::cli
