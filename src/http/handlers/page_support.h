// Shared pieces of the staff screens: the layout model (site, user, navigation, CSRF), page
// rendering, error pages, the sign-in redirect and form parsing.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "http/handlers/app.h"
#include "render/xlsx_writer.h"
#include "web/form_view.h"
#include "web/list_view.h"

namespace thidua::http {

// The layout keys for a staff page; `active` is the href of the current navigation area.
nlohmann::json StaffModel(const Request& request, const AppDeps& deps, std::string title, std::string_view active);
// The layout keys for a public page.
nlohmann::json PublicModel(const Request& request, const AppDeps& deps, std::string title);
Response RenderPage(const AppDeps& deps, std::string_view page, const nlohmann::json& model, unsigned status = 200);
// The error page for a failed service call (404 for out-of-scope records, 403, 500 …).
Response ErrorPage(const Request& request, const AppDeps& deps, const Status& status);
Response ErrorPage(const Request& request, const AppDeps& deps, unsigned http_status, std::string_view message);
// A redirect to the sign-in page that comes back to this page afterwards.
Response SignInRedirect(const Request& request);
// Decodes an urlencoded form body into the first value of each field.
std::map<std::string, std::string> FormFields(const Request& request);
// The date as dd/mm/yyyy, or "" for none.
std::string ShowDate(const std::optional<Date>& date);
// "dd/mm/yyyy HH:MM" in Vietnam time for a Unix time in ms.
std::string ShowInstant(int64_t millis);

// "Sửa hồ sơ cá nhân" for "person.update"; the action itself when unknown.
std::string ActionLabel(const std::string& action);
// "Cá nhân P000123" with the record's page, for an audit row's entity.
std::string EntityLabel(const std::string& entity, const std::string& id);
std::string EntityHref(const std::string& entity, const std::string& id);

// ---- forms and lists shared by the screens ----

web::FormField Field(std::string name, std::string label, web::FieldType type, std::string value,
                     bool required = false, std::string hint = "");
web::FormField Select(std::string name, std::string label, std::string value, std::vector<web::SelectOption> options,
                      bool required);
std::vector<web::SelectOption> Options(const std::vector<domain::Option>& catalogue);
// A date as typed back in a form: ISO from storage becomes dd/mm/yyyy; anything else stays as typed.
std::string FormDate(const std::string& value);
// Form fields restricted to `allowed` names (drops csrf_token and anything unexpected).
domain::RawFields Pick(const std::map<std::string, std::string>& form, std::initializer_list<const char*> allowed);
// True for the failures a form shows beside its fields (invalid input, a taken key).
bool IsFormError(const Status& status);
// An xlsx download of `sheet`.
Response Xlsx(const Request& request, const AppDeps& deps, const render::Sheet& sheet, const std::string& filename);
// The service's list request for a list screen's state.
service::ListRequest ToRequest(const web::ListState& state, const std::string& unit_filter);

// The records sections of a person's and a unit's page (pages_history.cc): adds `records` (a timeline
// of evaluations, initiatives, disciplines and awards) and `record_actions` (links to the forms) to
// `model`. Failures leave the sections out.
void AddPersonRecords(nlohmann::json& model, const Request& request, const AppDeps& deps, const std::string& code);
void AddUnitRecords(nlohmann::json& model, const Request& request, const AppDeps& deps, const std::string& code);

// Wraps a handler of a staff page: redirects to sign-in when nobody is signed in.
template <typename F>
Handler StaffPage(F body) {
  return [body](Request& request) -> Response {
    if (!request.actor) return SignInRedirect(request);
    return body(request, *request.actor);
  };
}

}  // namespace thidua::http
