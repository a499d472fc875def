// Server: HTTP/1.1 (and 1.0) over Boost.Beast, answering with a Router.
//
// Every connection is bounded in time and size: a request header must arrive within
// header_timeout (else 408 and close) and fit header_limit (else 431); the route is matched
// first to learn its max_body, a Content-Length above it gets 413 without reading the body,
// and the body must arrive within body_timeout (else 408). Idle keep-alive connections close
// after idle_timeout; a write that stalls past write_timeout closes the connection.
// Handlers run on a bounded worker pool, never on the I/O threads; when more than max_queue
// requests wait for a worker the server answers 503 at once. Every response carries the
// security headers of response.h and X-Request-Id, and one access log line is written per
// request (remote, method, target, status, body bytes, microseconds, request id).
//
// Thread safety: Start, Stop and Wait may be called from any thread except a handler (Stop
// from a handler would wait for itself). The Router must outlive the Server and not change
// after Start.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "http/router.h"

namespace thidua::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  uint16_t port = 8080;  // 0 = any free port (see Server::port)
  int io_threads = 1;
  int worker_threads = 4;
  size_t max_queue = 512;  // requests waiting for a worker beyond this → 503
  size_t header_limit = 16 * 1024;
  std::chrono::milliseconds header_timeout{10000};
  std::chrono::milliseconds body_timeout{30000};
  std::chrono::milliseconds idle_timeout{30000};
  std::chrono::milliseconds write_timeout{30000};
  // Stop: how long in-flight requests may take before connections are cut.
  std::chrono::milliseconds shutdown_timeout{10000};
  // After a response that closes the connection, how long unread input is drained so the
  // client receives the response instead of a reset.
  std::chrono::milliseconds linger_timeout{2000};
  std::function<void()> on_shutdown;  // run by Stop once requests have finished
  bool handle_signals = false;        // SIGTERM/SIGINT → Stop
  std::string access_log_path;        // empty = stderr (spdlog)
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  // Stops the server if it is running (Stop, so on_shutdown runs too).
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, starts the threads, and returns once connections are accepted.
  // kUnavailable if the address cannot be bound; kFailedPrecondition if called twice.
  Status Start();
  // The bound port (the chosen one when options.port was 0). REQUIRES: Start succeeded.
  uint16_t port() const;
  // Blocks until the server has stopped (by Stop or, with handle_signals, a signal).
  void Wait();
  // Graceful stop: stops accepting, closes idle connections, lets in-flight requests finish
  // (at most shutdown_timeout), joins all threads, then runs on_shutdown (only if Start
  // succeeded). Idempotent; later calls return at once.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace thidua::http
