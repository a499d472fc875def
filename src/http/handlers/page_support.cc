#include "http/handlers/page_support.h"

#include <cstdio>

#include "base/clock.h"
#include "render/xlsx_writer.h"
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
      {"Cá nhân", "/quan-ly/ca-nhan", "people", false},    {"Khen thưởng", "/quan-ly/khen-thuong", "award", false},
      {"Xét khen thưởng", "/quan-ly/xet-khen-thuong", "report", false},
      {"Nhập dữ liệu", "/quan-ly/nhap-du-lieu", "import", false},
      {"Nhật ký", "/quan-ly/nhat-ky", "audit", true},
      {"Cấu hình", "/quan-ly/cau-hinh", "settings", true},
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
      {"membership.import", "Nhập quá trình công tác"}, {"user.create", "Tạo tài khoản"},
      {"evaluation.create", "Thêm xếp loại"}, {"evaluation.update", "Sửa xếp loại"},
      {"evaluation.import", "Nhập xếp loại từ tệp"}, {"initiative.create", "Thêm sáng kiến"},
      {"initiative.import", "Nhập sáng kiến từ tệp"}, {"discipline.create", "Thêm kỷ luật"},
      {"discipline.import", "Nhập kỷ luật từ tệp"}, {"award.create", "Ghi nhận khen thưởng"},
      {"award.update", "Sửa khen thưởng"}, {"award.revoke", "Thu hồi khen thưởng"},
      {"award.import", "Nhập khen thưởng từ tệp"}, {"award_type.create", "Thêm vào danh mục khen thưởng"}};
  auto it = kActions.find(action);
  return it == kActions.end() ? action : it->second;
}

std::string EntityLabel(const std::string& entity, const std::string& id) {
  if (entity == "person") return "Cá nhân " + id;
  if (entity == "unit") return "Đơn vị " + id;
  if (entity == "user") return "Tài khoản " + id;
  if (entity == "award") return "Khen thưởng số " + id;
  if (entity == "initiative") return "Sáng kiến " + id;
  if (entity == "award_type") return "Danh mục khen thưởng " + id;
  return entity + " " + id;
}

std::string EntityHref(const std::string& entity, const std::string& id) {
  if (entity == "person") return "/quan-ly/ca-nhan/" + web::PercentEncode(id);
  if (entity == "unit") return "/quan-ly/don-vi/" + web::PercentEncode(id);
  if (entity == "award") return "/quan-ly/khen-thuong/" + web::PercentEncode(id);
  if (entity == "award_type") return "/quan-ly/danh-muc-khen-thuong";
  return "";
}

web::FormField Field(std::string name, std::string label, web::FieldType type, std::string value, bool required,
                     std::string hint) {
  web::FormField field;
  field.name = std::move(name);
  field.label = std::move(label);
  field.type = type;
  field.value = std::move(value);
  field.required = required;
  field.hint = std::move(hint);
  return field;
}

std::vector<web::SelectOption> Options(const std::vector<domain::Option>& catalogue) {
  std::vector<web::SelectOption> options;
  for (const auto& o : catalogue) options.push_back({std::string(o.code), std::string(o.label)});
  return options;
}

web::FormField Select(std::string name, std::string label, std::string value, std::vector<web::SelectOption> options,
                      bool required) {
  web::FormField field = Field(std::move(name), std::move(label), web::FieldType::kSelect, std::move(value), required);
  field.options = std::move(options);
  return field;
}

std::string FormDate(const std::string& value) {
  std::optional<Date> date = Date::Parse(value);
  return date ? date->Vietnamese() : value;
}

domain::RawFields Pick(const std::map<std::string, std::string>& form, std::initializer_list<const char*> allowed) {
  domain::RawFields fields;
  for (const char* name : allowed) {
    auto it = form.find(name);
    if (it != form.end()) fields[name] = it->second;
  }
  return fields;
}

bool IsFormError(const Status& status) {
  return status.code() == Code::kInvalidArgument || status.code() == Code::kAlreadyExists;
}

Response Xlsx(const Request& request, const AppDeps& deps, const render::Sheet& sheet, const std::string& filename) {
  Result<std::string> bytes = render::WriteXlsx(sheet);
  if (!bytes.ok()) return ErrorPage(request, deps, bytes.status());
  Response response;
  response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  response.body = std::move(bytes).value();
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

service::ListRequest ToRequest(const web::ListState& state, const std::string& unit_filter) {
  service::ListRequest request;
  request.q = state.q;
  request.sort = state.sort;
  request.desc = state.desc;
  request.page = state.page;
  request.per_page = state.per_page;
  request.within_unit = unit_filter;
  return request;
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
