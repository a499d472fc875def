#include "http/request.h"

#include "http/ascii.h"
#include "http/parsers.h"

namespace thidua::http {

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (EqualsIgnoreCase(field, name)) return value;
  }
  return {};
}

std::string Request::Query(std::string_view name) const {
  auto it = query.lower_bound(std::string(name));
  if (it == query.end() || it->first != name) return {};
  return it->second;
}

std::string Request::Cookie(std::string_view name) const {
  // Several Cookie fields may arrive (e.g. split by an HTTP/2 proxy); the first match wins.
  for (const auto& [field, value] : headers) {
    if (!EqualsIgnoreCase(field, "Cookie")) continue;
    if (std::optional<std::string_view> found = FindCookie(value, name)) return std::string(*found);
  }
  return {};
}

}  // namespace thidua::http
