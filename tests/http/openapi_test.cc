// docs/openapi.yaml stays true to the router: every route of the application, composed exactly as
// `thidua serve` composes it, is documented, and every documented (path, method) is a route.
//
// The `paths:` section is read line by line (path keys at two spaces of indent, methods at four),
// so no YAML library is needed. "{name...}" router patterns are written "{name}" in the document.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "base/crypto.h"
#include "http/handlers/app.h"
#include "http/router.h"
#include "service/services.h"
#include "../service/test_db.h"
#include "web/renderer.h"

#ifndef THIDUA_SOURCE_DIR
#error "THIDUA_SOURCE_DIR must name the source tree"
#endif

namespace thidua {
namespace {

using Operation = std::pair<std::string, std::string>;  // (path, METHOD)

// "/static/{path...}" → "/static/{path}".
std::string Normalise(std::string pattern) {
  for (size_t at = pattern.find("...}"); at != std::string::npos; at = pattern.find("...}", at)) {
    pattern.erase(at, 3);
  }
  return pattern;
}

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

size_t Indent(const std::string& line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// "  '/a/{b}':  # note" → "/a/{b}"; "" when the line is not a mapping key.
std::string KeyOf(const std::string& line) {
  std::string text = line.substr(Indent(line));
  if (text.empty() || text[0] == '#') return "";
  std::string key;
  if (text[0] == '\'' || text[0] == '"') {
    size_t close = text.find(text[0], 1);
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') return "";
    key = text.substr(1, close - 1);
  } else {
    size_t colon = text.find(':');
    // A key ends at ':' followed by a space or the end of the line.
    while (colon != std::string::npos && colon + 1 < text.size() && text[colon + 1] != ' ') {
      colon = text.find(':', colon + 1);
    }
    if (colon == std::string::npos) return "";
    key = text.substr(0, colon);
  }
  return key;
}

struct Document {
  std::set<Operation> operations;
  std::vector<std::string> problems;  // e.g. a path without any method
};

Document ReadPaths(const std::string& yaml) {
  static const std::set<std::string> kMethods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  Document doc;
  std::istringstream in(yaml);
  std::string line;
  bool in_paths = false;
  std::string path;
  bool path_has_method = true;
  auto end_path = [&] {
    if (!path_has_method) doc.problems.push_back("path " + path + " has no method");
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string key = KeyOf(line);
    if (key.empty()) continue;  // blank, comment or block text
    size_t indent = Indent(line);
    if (indent == 0) {
      if (in_paths) end_path();
      in_paths = key == "paths";
      path.clear();
      path_has_method = true;
      continue;
    }
    if (!in_paths) continue;
    if (indent == 2) {
      end_path();
      path = key;
      path_has_method = false;
      if (path.empty() || path[0] != '/') doc.problems.push_back("path key does not start with '/': " + path);
    } else if (indent == 4 && !path.empty() && kMethods.count(key)) {
      path_has_method = true;
      if (!doc.operations.insert({path, Upper(key)}).second) {
        doc.problems.push_back("duplicate operation " + Upper(key) + " " + path);
      }
    }
  }
  if (in_paths) end_path();
  return doc;
}

std::string ReadFile(const std::string& name) {
  std::ifstream file(name, std::ios::binary);
  std::ostringstream out;
  out << file.rdbuf();
  return out.str();
}

std::string List(const std::vector<Operation>& operations) {
  std::string text;
  for (const auto& [path, method] : operations) text += "\n  " + method + " " + path;
  return text;
}

TEST(OpenApiReaderTest, ReadsPathsAndMethodsOnly) {
  Document doc = ReadPaths(
      "openapi: 3.0.3\n"
      "paths:\n"
      "  /a/{code}:\n"
      "    parameters:\n"
      "      - name: code\n"
      "    get:\n"
      "      description: |\n"
      "        post: not a method\n"
      "    patch:\n"
      "  '/':\n"
      "    post:  # comment\n"
      "components:\n"
      "  schemas:\n"
      "    get:\n");
  EXPECT_EQ(doc.operations, (std::set<Operation>{{"/a/{code}", "GET"}, {"/a/{code}", "PATCH"}, {"/", "POST"}}));
  EXPECT_TRUE(doc.problems.empty());
  EXPECT_EQ(Normalise("/static/{path...}"), "/static/{path}");
}

TEST(OpenApiTest, DocumentsEveryRouteAndNothingElse) {
  ASSERT_TRUE(InitCrypto());
  std::unique_ptr<testing::TestDb> test_db = testing::TestDb::Create(store::Engine::kSqlite);
  ASSERT_NE(test_db, nullptr);

  // Composed as src/cli/serve.cc composes the application.
  FakeClock clock(1795748400000);
  service::Services services(service::Context{test_db->db(), clock}, service::AuthOptions{});
  Result<web::Renderer> renderer = web::Renderer::CreateEmbedded();
  ASSERT_TRUE(renderer.ok()) << renderer.status().message();
  http::AppDeps deps{services, *renderer, {}};
  http::Router router;
  http::RegisterApp(router, deps);

  std::set<Operation> routes;
  for (const http::Router::RouteInfo& route : router.Routes()) {
    if (route.method == "HEAD") continue;
    routes.insert({Normalise(route.pattern), route.method});
  }
  ASSERT_GT(routes.size(), 10u) << "the router looks empty";

  const std::string file = std::string(THIDUA_SOURCE_DIR) + "/docs/openapi.yaml";
  std::string yaml = ReadFile(file);
  ASSERT_FALSE(yaml.empty()) << "cannot read " << file;
  Document doc = ReadPaths(yaml);
  std::string problems;
  for (const std::string& problem : doc.problems) problems += "\n  " + problem;
  EXPECT_TRUE(doc.problems.empty()) << file << ":" << problems;

  std::vector<Operation> undocumented, unknown;
  for (const Operation& route : routes) {
    if (!doc.operations.count(route)) undocumented.push_back(route);
  }
  for (const Operation& operation : doc.operations) {
    if (operation.second == "HEAD") continue;
    if (!routes.count(operation)) unknown.push_back(operation);
  }
  EXPECT_TRUE(undocumented.empty()) << "routes missing from " << file << ":" << List(undocumented);
  EXPECT_TRUE(unknown.empty()) << "documented in " << file << " but not routes of the application:" << List(unknown);
  services.jobs.Shutdown();
}

}  // namespace
}  // namespace thidua
