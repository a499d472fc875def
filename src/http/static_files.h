// StaticFiles: serves embedded files (thidua_embed) under a URL prefix such as "/static/".
//
// Each file gets a Content-Type from its extension, a strong ETag from a hash of its bytes and
// `Cache-Control: public, max-age=86400`; a matching If-None-Match gives 304. Only the files
// given are served (a lookup, never a file system path), so nothing outside them is reachable.
// Immutable after construction and safe to share between threads; copies share the index.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/embedded.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace thidua::http {

class StaticFiles {
 public:
  // `prefix` starts and ends with '/' ("/static/"). The files' bytes must stay alive (embedded
  // files live for the whole program).
  StaticFiles(std::string prefix, const std::vector<EmbeddedFile>& files);

  // Adds `GET <prefix>{path...}` (HEAD follows GET) to `router`.
  void Mount(Router& router) const;
  // Answers a GET or HEAD for request.path (which must start with the prefix): 200, 304 or 404.
  Response Serve(const Request& request) const;
  // A handler that calls Serve; it keeps the index alive.
  Handler AsHandler() const;

  // "text/css; charset=utf-8" for "a/b.css"; "application/octet-stream" when unknown.
  static std::string ContentTypeFor(std::string_view path);

 private:
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace thidua::http
