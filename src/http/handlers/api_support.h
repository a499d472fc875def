// Shared pieces of the JSON API handlers (api_handlers.cc, api_records.cc): JSON answers, list
// parameters and the authentication wrapper. Included by .cc files of handlers/ only (it brings in
// nlohmann/json).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/handlers/app.h"
#include "store/rows.h"

namespace thidua::http {

std::string Dump(const nlohmann::json& value);
Response Json(unsigned status, const nlohmann::json& value);
// ISO date, or "" for none.
std::string DateOrEmpty(const std::optional<Date>& date);
// A whole decimal integer, or nullopt.
std::optional<int64_t> ParseInt(const std::string& text);
Response Unauthorized();

// Reads q, page, per_page, sort ("-name" for descending) and unit from the query; a malformed page or
// per_page is a 400 (in `error`).
std::optional<service::ListRequest> ParseList(const Request& request, Response& error);

// {"items": [...], "page", "per_page", "total"} of a page of rows.
template <typename T, typename F>
nlohmann::json PageJson(const store::Page<T>& page, const service::ListRequest& request, F to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const T& item : page.items) items.push_back(to_json(item));
  return {{"items", items}, {"page", request.page}, {"per_page", request.per_page}, {"total", page.total}};
}

// Wraps a handler that needs a signed-in caller: 401 without one.
template <typename F>
Handler Authed(F body) {
  return [body](Request& request) -> Response {
    if (!request.actor) return Unauthorized();
    return body(request, *request.actor);
  };
}

// The routes of the records API (api_records.cc).
void RegisterRecordApi(Router& router, AppDeps& deps);
// The routes of the eligibility API (api_eligibility.cc).
void RegisterEligibilityApi(Router& router, AppDeps& deps);
// The province's settings and the CSTDCS quota of a unit (api_settings.cc).
void RegisterSettingsApi(Router& router, AppDeps& deps);

}  // namespace thidua::http
