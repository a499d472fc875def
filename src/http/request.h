// Request: one parsed HTTP request as a handler sees it.
//
// The server fills every field before a handler runs: the method and raw target, the
// percent-decoded path (valid UTF-8, no "." or ".." segments), the decoded query, the header
// fields as received, the whole body (already bounded by the route's max_body), the peer's
// address and a random request id (also sent back as X-Request-Id). Middleware may fill
// `actor`, `cookie_authenticated` and `csrf_token`. A Request is owned by one thread at a
// time: the server hands it to exactly one worker, so handlers may mutate it without locking.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/actor.h"

namespace thidua::http {

struct Request {
  std::string method;                                        // "GET", "POST", …
  std::string target;                                        // raw request target
  std::string path;                                          // percent-decoded path, no query
  std::multimap<std::string, std::string> query;             // decoded query parameters
  std::vector<std::pair<std::string, std::string>> headers;  // as received
  std::string body;
  std::string remote_address;
  std::string request_id;                     // random hex, also sent as X-Request-Id
  std::map<std::string, std::string> params;  // route parameters {code}
  std::optional<service::Actor> actor;        // set by the auth middleware
  bool cookie_authenticated = false;
  std::string csrf_token;  // the session's, set by the auth middleware
  unsigned version = 11;   // 10 for HTTP/1.0, 11 for HTTP/1.1

  // The first header field named `name` (case-insensitive), or "" if absent. The view points
  // into `headers`.
  std::string_view Header(std::string_view name) const;
  // The first value of query parameter `name`, or "" if absent.
  std::string Query(std::string_view name) const;
  // The value of cookie `name` from the Cookie header(s) (first occurrence), or "" if absent.
  std::string Cookie(std::string_view name) const;
};

}  // namespace thidua::http
