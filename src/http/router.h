// Router: maps (method, path) to a handler, wrapped in the middleware chain.
//
// Patterns are exact segment lists: "/api/v1/people/{code}" — "{name}" matches one non-empty
// segment, a final "{name...}" matches the (non-empty) rest of the path, slashes included.
// Literal segments win over "{name}", which wins over "{name...}". HEAD falls back to the GET
// route when there is no HEAD route (the server drops the body). Unmatched paths give 404, a
// path matched with another method gives 405 with Allow; both are JSON under /api/ and a small
// Vietnamese HTML page elsewhere (StandardError).
//
// Build the router completely (Add, Use) before starting a server; after that it is only read
// and is safe to use from many threads at once. It must outlive every Server that uses it.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace thidua::http {

using Handler = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Handler& next)>;

struct RouteOptions {
  size_t max_body = 1 << 20;  // bytes; a larger body is answered with 413
};

// The outcome of matching a method and a path.
struct RouteMatch {
  enum class Kind { kFound, kNotFound, kMethodNotAllowed };
  Kind kind = Kind::kNotFound;
  size_t route = 0;                           // kFound: the route to Run
  std::map<std::string, std::string> params;  // kFound: decoded route parameters
  std::string allow;                          // kMethodNotAllowed: "GET, HEAD, POST"
  size_t max_body = 0;                        // kFound: the route's RouteOptions::max_body
};

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // REQUIRES: `pattern` starts with '/'; no route with the same method and pattern exists.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  // Middleware runs in the order added, the first one outermost, around every matched route.
  void Use(Middleware middleware);

  struct RouteInfo {
    std::string method, pattern;
  };
  // Every route in the order added.
  std::vector<RouteInfo> Routes() const;

  // Finds the route for `method` and a decoded `path`.
  RouteMatch Match(std::string_view method, std::string_view path) const;
  // Runs the middleware chain and the handler of route `route` (from Match). An exception
  // escaping them becomes a 500 (JSON under /api/), its text in `internal_message`.
  Response Run(size_t route, Request& request) const;
  // Match, then Run with request.params set, or the 404/405 answer.
  Response Dispatch(Request& request) const;

 private:
  struct Route;
  struct Node;
  Response Invoke(const Route& route, size_t middleware, Request& request) const;

  std::vector<std::unique_ptr<Route>> routes_;
  std::vector<Middleware> middlewares_;
  std::unique_ptr<Node> root_;
};

}  // namespace thidua::http
