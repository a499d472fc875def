#include "http/router.h"

#include <algorithm>
#include <cassert>
#include <exception>
#include <utility>

namespace thidua::http {

struct Router::Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> param_names;  // in path order
  Handler handler;
  RouteOptions options;
};

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;                          // {name}
  std::unique_ptr<Node> rest;                           // {name...}, always a leaf
  std::vector<std::pair<std::string, size_t>> methods;  // method → index in routes_
};

namespace {

// "/a/b" → {"a", "b"}; "/" → {""}; "/a/" → {"a", ""}.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  std::string_view rest = path.substr(1);
  while (true) {
    size_t slash = rest.find('/');
    segments.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    rest = rest.substr(slash + 1);
  }
}

struct Search {
  std::string_view method;
  std::string_view path;
  const std::vector<std::string_view>& segments;
  std::vector<std::string_view> captures;
  std::vector<std::string_view> allowed;
  size_t route = 0;
};

template <typename NodeT>
bool Terminal(const NodeT& node, Search& search) {
  const std::pair<std::string, size_t>* get = nullptr;
  for (const auto& entry : node.methods) {
    if (entry.first == search.method) {
      search.route = entry.second;
      return true;
    }
    if (entry.first == "GET") get = &entry;
  }
  if (get != nullptr && search.method == "HEAD") {
    search.route = get->second;
    return true;
  }
  for (const auto& entry : node.methods) {
    if (std::find(search.allowed.begin(), search.allowed.end(), entry.first) == search.allowed.end()) {
      search.allowed.push_back(entry.first);
    }
  }
  return false;
}

template <typename NodeT>
bool Find(const NodeT& node, size_t index, Search& search) {
  if (index == search.segments.size()) return Terminal(node, search);
  std::string_view segment = search.segments[index];
  if (auto literal = node.literals.find(segment); literal != node.literals.end()) {
    if (Find(*literal->second, index + 1, search)) return true;
  }
  if (node.param && !segment.empty()) {
    search.captures.push_back(segment);
    if (Find(*node.param, index + 1, search)) return true;
    search.captures.pop_back();
  }
  if (node.rest) {
    std::string_view rest = search.path.substr(static_cast<size_t>(segment.data() - search.path.data()));
    if (!rest.empty()) {
      search.captures.push_back(rest);
      if (Terminal(*node.rest, search)) return true;
      search.captures.pop_back();
    }
  }
  return false;
}

std::string AllowHeader(std::vector<std::string_view> allowed) {
  bool has_get = std::find(allowed.begin(), allowed.end(), "GET") != allowed.end();
  if (has_get && std::find(allowed.begin(), allowed.end(), "HEAD") == allowed.end())
    allowed.push_back("HEAD");
  std::sort(allowed.begin(), allowed.end());
  std::string header;
  for (std::string_view method : allowed) {
    if (!header.empty()) header += ", ";
    header += method;
  }
  return header;
}

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  assert(!pattern.empty() && pattern.front() == '/' && "a route pattern starts with '/'");
  auto route = std::make_unique<Route>();
  Node* node = root_.get();
  std::vector<std::string_view> segments = SplitPath(pattern);
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string_view segment = segments[i];
    bool is_param = segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
    if (!is_param) {
      auto [it, inserted] = node->literals.try_emplace(std::string(segment));
      if (inserted) it->second = std::make_unique<Node>();
      node = it->second.get();
      continue;
    }
    std::string_view name = segment.substr(1, segment.size() - 2);
    bool is_rest = name.ends_with("...");
    if (is_rest) name.remove_suffix(3);
    assert((!is_rest || i + 1 == segments.size()) && "{name...} must be the last segment");
    route->param_names.emplace_back(name);
    std::unique_ptr<Node>& child = is_rest ? node->rest : node->param;
    if (!child) child = std::make_unique<Node>();
    node = child.get();
  }
  assert(std::none_of(node->methods.begin(), node->methods.end(),
                      [&](const auto& entry) { return entry.first == method; }) &&
         "duplicate route");
  node->methods.emplace_back(method, routes_.size());
  route->method = std::move(method);
  route->pattern = std::move(pattern);
  route->handler = std::move(handler);
  route->options = options;
  routes_.push_back(std::move(route));
}

void Router::Use(Middleware middleware) { middlewares_.push_back(std::move(middleware)); }

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> routes;
  routes.reserve(routes_.size());
  for (const auto& route : routes_) routes.push_back({route->method, route->pattern});
  return routes;
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch match;
  if (path.empty() || path.front() != '/') return match;
  std::vector<std::string_view> segments = SplitPath(path);
  Search search{method, path, segments, {}, {}, 0};
  if (!Find(*root_, 0, search)) {
    if (!search.allowed.empty()) {
      match.kind = RouteMatch::Kind::kMethodNotAllowed;
      match.allow = AllowHeader(std::move(search.allowed));
    }
    return match;
  }
  const Route& route = *routes_[search.route];
  match.kind = RouteMatch::Kind::kFound;
  match.route = search.route;
  match.max_body = route.options.max_body;
  for (size_t i = 0; i < route.param_names.size() && i < search.captures.size(); ++i) {
    match.params.emplace(route.param_names[i], search.captures[i]);
  }
  return match;
}

Response Router::Invoke(const Route& route, size_t middleware, Request& request) const {
  if (middleware == middlewares_.size()) return route.handler(request);
  // One pointer in the capture keeps the std::function free of heap allocation.
  struct Frame {
    const Router* router;
    const Route* route;
    size_t next;
  } frame{this, &route, middleware + 1};
  Handler next = [&frame](Request& inner) { return frame.router->Invoke(*frame.route, frame.next, inner); };
  return middlewares_[middleware](request, next);
}

Response Router::Run(size_t route, Request& request) const {
  assert(route < routes_.size());
  std::string failure;
  try {
    return Invoke(*routes_[route], 0, request);
  } catch (const std::exception& e) {
    failure = std::string("handler threw: ") + e.what();
  } catch (...) {
    failure = "handler threw a non-standard exception";
  }
  Response response = StandardError(request.path, 500);
  response.internal_message = std::move(failure);
  return response;
}

Response Router::Dispatch(Request& request) const {
  RouteMatch match = Match(request.method, request.path);
  switch (match.kind) {
    case RouteMatch::Kind::kFound:
      request.params = std::move(match.params);
      return Run(match.route, request);
    case RouteMatch::Kind::kMethodNotAllowed: {
      Response response = StandardError(request.path, 405);
      response.SetHeader("Allow", std::move(match.allow));
      return response;
    }
    case RouteMatch::Kind::kNotFound:
      break;
  }
  return StandardError(request.path, 404);
}

}  // namespace thidua::http
