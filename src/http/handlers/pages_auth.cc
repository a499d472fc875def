// Public front page, sign-in and sign-out, and the staff dashboard.
#include "http/handlers/page_support.h"
#include "http/parsers.h"
#include "web/list_view.h"
#include "web/page_view.h"

namespace thidua::http {
namespace {

using nlohmann::json;

// Only local paths are followed after sign-in ("/quan-ly/…", never "//host" or "https://…").
std::string SafeNext(const std::string& next) {
  if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) {
    return "/quan-ly/";
  }
  for (char c : next) {
    if (c == '\r' || c == '\n') return "/quan-ly/";
  }
  return next;
}

Response LoginPage(const Request& request, const AppDeps& deps, const std::string& username, const std::string& next,
                   const std::string& error, unsigned status) {
  json model = PublicModel(request, deps, "Đăng nhập");
  model["username"] = username;
  model["next"] = next;
  model["error"] = error;
  model["csrf_token"] = "";
  return RenderPage(deps, "login", model, status);
}

}  // namespace

void RegisterAuthPages(Router& router, AppDeps& deps) {
  router.Add("GET", "/", [&deps](Request& request) {
    return RenderPage(deps, "home", PublicModel(request, deps, "Trang chủ"));
  });
  router.Add("GET", "/dang-nhap", [&deps](Request& request) -> Response {
    if (request.actor) return Redirect(SafeNext(request.Query("next")));
    return LoginPage(request, deps, "", request.Query("next"), "", 200);
  });
  router.Add("POST", "/dang-nhap", [&deps](Request& request) -> Response {
    // The sign-in form has no session yet; a cross-site post is refused by its Origin.
    std::string_view origin = request.Header("Origin");
    std::string_view host = request.Header("Host");
    if (!origin.empty() && origin.substr(origin.find("//") == std::string_view::npos ? 0 : origin.find("//") + 2) != host) {
      return ErrorPage(request, deps, 403, "Yêu cầu đăng nhập đến từ trang khác.");
    }
    std::map<std::string, std::string> form = FormFields(request);
    Result<service::SessionInfo> session =
        deps.services.auth.Login(form["username"], form["password"], request.remote_address);
    if (!session.ok()) {
      unsigned status = HttpStatusFor(session.status().code());
      std::string message = status >= 500 ? "Lỗi hệ thống, vui lòng thử lại." : session.status().message();
      return LoginPage(request, deps, form["username"], form["next"], message, status == 401 ? 200 : status);
    }
    Response response = Redirect(SafeNext(form["next"]));
    response.AddHeader("Set-Cookie", SetCookieHeader(kSessionCookie, session->token,
                                                     {.max_age = std::chrono::hours(12), .secure = deps.site.secure_cookies}));
    return response;
  });
  router.Add("POST", "/dang-xuat", [&deps](Request& request) -> Response {
    std::string token = request.Cookie(kSessionCookie);
    if (!token.empty()) deps.services.auth.Logout(token).IgnoreError();
    Response response = Redirect("/dang-nhap");
    response.AddHeader("Set-Cookie", SetCookieHeader(kSessionCookie, "", {.max_age = std::chrono::seconds(0)}));
    return response;
  });
}

void RegisterDashboard(Router& router, AppDeps& deps) {
  Handler dashboard = StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
    json model = StaffModel(request, deps, "Tổng quan", "/quan-ly/");
    service::ListRequest one;
    one.per_page = 1;
    auto units = deps.services.units.List(actor, one);
    auto people = deps.services.people.List(actor, one);
    json cards = json::array();
    if (units.ok()) cards.push_back({{"label", "Đơn vị"}, {"value", web::FormatCount(units->total)}, {"href", "/quan-ly/don-vi"}, {"note", actor.HasProvinceScope() ? "Toàn tỉnh" : "Trong phạm vi của bạn"}});
    if (people.ok()) cards.push_back({{"label", "Cá nhân"}, {"value", web::FormatCount(people->total)}, {"href", "/quan-ly/ca-nhan"}, {"note", actor.HasProvinceScope() ? "Toàn tỉnh" : actor.unit_name}});
    model["cards"] = cards;
    model["shortcuts"] = json::array({{{"label", "Tìm cá nhân"}, {"href", "/quan-ly/ca-nhan"}},
                                      {{"label", "Cây đơn vị"}, {"href", "/quan-ly/don-vi/cay"}},
                                      {{"label", "Ai đủ điều kiện khen thưởng năm trước"}, {"href", "/quan-ly/xet-khen-thuong"}},
                                      {{"label", "Nhập dữ liệu từ Excel"}, {"href", "/quan-ly/nhap-du-lieu"}}});
    auto recent = deps.services.audit.Recent(actor, 8, 0);
    if (recent.ok()) {
      std::vector<web::TimelineEvent> events;
      for (const auto& e : recent->items) {
        events.push_back({ShowInstant(e.at), "", ActionLabel(e.action), EntityLabel(e.entity, e.entity_id), e.actor,
                          EntityHref(e.entity, e.entity_id), {}});
      }
      model["recent"] = web::TimelineModel(events);
    }
    return RenderPage(deps, "dashboard", model);
  });
  router.Add("GET", "/quan-ly/", dashboard);
  router.Add("GET", "/quan-ly", dashboard);
}

}  // namespace thidua::http
