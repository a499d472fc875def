#include "http/handlers/page_support.h"

#include <cstdio>

#include "base/clock.h"
#include "http/parsers.h"
#include "web/list_view.h"
#include "web/page_view.h"
#include "web/renderer.h"

namespace thidua::http {
namespace {

using nlohmann::json;

json NavModel(const service::Actor& actor, std::string_view active) {
  struct Item {
    const char* label;
    const char* href;
    const char* icon;
    bool office_only;
  };
  static constexpr Item kItems[] = {
      {"Tổng quan", "/quan-ly/", "dashboard", false},     {"Đơn vị", "/quan-ly/don-vi", "units", false},
      {"Cá nhân", "/quan-ly/ca-nhan", "people", false},    {"Nhập dữ liệu", "/quan-ly/nhap-du-lieu", "import", false},
      {"Nhật ký", "/quan-ly/nhat-ky", "audit", true},
  };
  bool office = actor.role == service::Role::kAdmin || actor.role == service::Role::kOffice ||
                actor.role == service::Role::kOfficeLead;
  json nav = json::array();
  for (const Item& item : kItems) {
    if (item.office_only && !office) continue;
    nav.push_back({{"label", item.label}, {"href", item.href}, {"icon", item.icon}, {"active", active == item.href}});
  }
  return nav;
}

json SiteModel(const AppDeps& deps) {
  return {{"department", "BAN THI ĐUA – KHEN THƯỞNG"}, {"province", deps.site.province}};
}

}  // namespace

json StaffModel(const Request& request, const AppDeps& deps, std::string title, std::string_view active) {
  const service::Actor& actor = *request.actor;
  json model = {{"title", std::move(title)},
                {"site", SiteModel(deps)},
                {"user", {{"name", actor.display_name}, {"role_label", service::RoleLabel(actor.role)},
                          {"unit_name", actor.unit_name}}},
                {"nav", NavModel(actor, active)},
                {"csrf_token", request.csrf_token},
                {"flash", json::array()}};
  if (request.Query("da_luu") == "1") {
    model["flash"].push_back(web::FlashModel(web::FlashKind::kSuccess, "Đã lưu thay đổi."));
  }
  return model;
}

json PublicModel(const Request& request, const AppDeps& deps, std::string title) {
  json model = {{"title", std::move(title)}, {"public", true}, {"site", SiteModel(deps)}};
  if (request.actor) model["csrf_token"] = request.csrf_token;
  return model;
}

Response RenderPage(const AppDeps& deps, std::string_view page, const json& model, unsigned status) {
  Response response;
  response.status = status;
  response.body = deps.renderer.RenderPage(page, model);
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Response ErrorPage(const Request& request, const AppDeps& deps, unsigned http_status, std::string_view message) {
  json model = request.actor ? StaffModel(request, deps, "Lỗi", "") : PublicModel(request, deps, "Lỗi");
  model["error"] = web::ErrorPageModel(static_cast<int>(http_status), message,
                                       http_status >= 500 ? request.request_id : "");
  return RenderPage(deps, "error", model, http_status);
}

Response ErrorPage(const Request& request, const AppDeps& deps, const Status& status) {
  unsigned http_status = HttpStatusFor(status.code());
  bool internal = status.code() == Code::kInternal || status.code() == Code::kUnavailable;
  Response response = ErrorPage(request, deps, http_status, internal ? "" : status.message());
  if (internal) response.internal_message = status.message();
  return response;
}

Response SignInRedirect(const Request& request) {
  return Redirect("/dang-nhap?next=" + web::PercentEncode(request.target));
}

std::map<std::string, std::string> FormFields(const Request& request) {
  std::map<std::string, std::string> fields;
  Result<QueryMap> form = ParseForm(request.body);
  if (!form.ok()) return fields;
  for (const auto& [key, value] : *form) fields.emplace(key, value);
  return fields;
}

std::string ActionLabel(const std::string& action) {
  static const std::map<std::string, std::string> kActions = {
      {"unit.create", "Tạo đơn vị"},         {"unit.update", "Sửa đơn vị"},
      {"unit.import", "Nhập đơn vị từ tệp"},  {"unit.event", "Ghi nhận sự kiện lịch sử"},
      {"person.create", "Tạo hồ sơ cá nhân"}, {"person.update", "Sửa hồ sơ cá nhân"},
      {"person.import", "Nhập cá nhân từ tệp"}, {"membership.create", "Thêm quá trình công tác"},
      {"membership.import", "Nhập quá trình công tác"}, {"user.create", "Tạo tài khoản"}};
  auto it = kActions.find(action);
  return it == kActions.end() ? action : it->second;
}

std::string EntityLabel(const std::string& entity, const std::string& id) {
  if (entity == "person") return "Cá nhân " + id;
  if (entity == "unit") return "Đơn vị " + id;
  if (entity == "user") return "Tài khoản " + id;
  return entity + " " + id;
}

std::string EntityHref(const std::string& entity, const std::string& id) {
  if (entity == "person") return "/quan-ly/ca-nhan/" + web::PercentEncode(id);
  if (entity == "unit") return "/quan-ly/don-vi/" + web::PercentEncode(id);
  return "";
}

std::string ShowDate(const std::optional<Date>& date) { return date ? date->Vietnamese() : ""; }

std::string ShowInstant(int64_t millis) {
  Date day = Clock::DateAt(millis);
  int64_t local_ms = millis + 7LL * 3600 * 1000;
  int64_t minutes = ((local_ms / 60000) % (24 * 60) + 24 * 60) % (24 * 60);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d", day.Vietnamese().c_str(), static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return buf;
}

}  // namespace thidua::http
