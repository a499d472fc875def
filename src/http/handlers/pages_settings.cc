// The province's settings screen (/quan-ly/cau-hinh): every setting of domain/province_settings.h with
// what it governs. The admin and the head of the Ban TĐKT edit it; the office reads it.
#include "base/utf8.h"
#include "domain/award_records.h"
#include "domain/eligibility_codes.h"
#include "domain/province_settings.h"
#include "http/handlers/page_support.h"
#include "service/settings_service.h"
#include "web/page_view.h"

namespace thidua::http {
namespace {

using nlohmann::json;

std::vector<web::SelectOption> LevelOptions() {
  std::vector<web::SelectOption> out;
  for (const domain::Option& o : domain::DisciplineLevels()) {
    out.push_back({AsciiLower(o.code), std::string(o.label)});
  }
  return out;
}

Response SettingsPage(const Request& request, const AppDeps& deps, const service::Actor& actor,
                      const domain::RawFields& values, const Status& error) {
  json model = StaffModel(request, deps, "Cấu hình thi đua, khen thưởng", "/quan-ly/cau-hinh");
  std::vector<web::FormField> fields;
  std::vector<web::Fact> facts;
  for (const domain::SettingInfo& info : domain::SettingInfos()) {
    std::string name(info.key);
    std::string value = values.count(name) ? values.at(name) : "";
    web::FormField field;
    switch (info.kind) {
      case domain::SettingKind::kInteger:
        field = Field(name, std::string(info.label), web::FieldType::kNumber, value, true, std::string(info.help));
        break;
      case domain::SettingKind::kBoolean:
        field = Select(name, std::string(info.label), value, {{"0", "Không"}, {"1", "Có"}}, true);
        field.hint = info.help;
        break;
      case domain::SettingKind::kDisciplineLevel:
        field = Select(name, std::string(info.label), value, LevelOptions(), true);
        field.hint = info.help;
        break;
      case domain::SettingKind::kText:
        field = Field(name, std::string(info.label), web::FieldType::kText, value, true, std::string(info.help));
        field.wide = true;
        break;
      case domain::SettingKind::kCriteria:
        field = Field(name, std::string(info.label), web::FieldType::kTextarea, value, false, std::string(info.help));
        field.wide = true;
        break;
    }
    fields.push_back(field);
    std::string shown = value;
    if (info.kind == domain::SettingKind::kBoolean) shown = value == "1" ? "Có" : "Không";
    if (info.kind == domain::SettingKind::kDisciplineLevel) {
      shown = std::string(domain::DisciplineLabel(value));
    }
    facts.push_back({std::string(info.label), shown.empty() ? "Chưa quy định (do người xét quyết định)" : shown, "",
                     shown.empty()});
  }
  if (service::MayChangeSettings(actor)) {
    web::ApplyFieldErrors(fields, error.fields());
    model["form"] = web::FormModel("/quan-ly/cau-hinh", fields);
    json list = json::array();
    for (const web::FormField& f : fields) list.push_back(web::FormFieldModel(f));
    model["form"]["field_list"] = std::move(list);
  } else {
    model["facts"] = web::FactsModel(facts);
  }
  if (!error.ok() && error.fields().empty()) {
    model["flash"].push_back(web::FlashModel(web::FlashKind::kError, error.message()));
  }
  model["breadcrumbs"] = json::array({{{"label", "Cấu hình"}, {"href", ""}}});
  return RenderPage(deps, "settings", model, error.ok() ? 200 : 422);
}

}  // namespace

void RegisterSettingsPages(Router& router, AppDeps& deps) {
  router.Add("GET", "/quan-ly/cau-hinh", StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
               auto current = deps.services.settings.Get(actor);
               if (!current.ok()) return ErrorPage(request, deps, current.status());
               return SettingsPage(request, deps, actor, domain::SettingsToFields(*current), Status::Ok());
             }));
  router.Add("POST", "/quan-ly/cau-hinh", StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
               std::map<std::string, std::string> form = FormFields(request);
               domain::RawFields patch;
               for (const domain::SettingInfo& info : domain::SettingInfos()) {
                 if (auto it = form.find(std::string(info.key)); it != form.end()) patch[it->first] = it->second;
               }
               auto updated = deps.services.settings.Update(actor, patch);
               if (!updated.ok() && IsFormError(updated.status())) {
                 return SettingsPage(request, deps, actor, patch, updated.status());
               }
               if (!updated.ok()) return ErrorPage(request, deps, updated.status());
               return Redirect("/quan-ly/cau-hinh?da_luu=1");
             }));
}

}  // namespace thidua::http
