// The province's settings (GET/PATCH /api/v1/settings) and the CSTDCS quota of a unit
// (GET /api/v1/units/{code}/quota?year=YYYY). Settings are answered typed: integers as numbers,
// the boolean as true/false, texts and criteria as strings.
#include "domain/province_settings.h"
#include "http/handlers/api_support.h"
#include "http/handlers/json_io.h"
#include "service/eligibility_service.h"
#include "service/settings_service.h"

namespace thidua::http {
namespace {

nlohmann::ordered_json SettingsJson(const domain::ProvinceSettings& settings) {
  domain::RawFields fields = domain::SettingsToFields(settings);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const domain::SettingInfo& info : domain::SettingInfos()) {
    const std::string& value = fields[std::string(info.key)];
    switch (info.kind) {
      case domain::SettingKind::kInteger:
        out[std::string(info.key)] = ParseInt(value).value_or(0);
        break;
      case domain::SettingKind::kBoolean:
        out[std::string(info.key)] = value == "1";
        break;
      default:
        out[std::string(info.key)] = value;
    }
  }
  return out;
}

}  // namespace

void RegisterSettingsApi(Router& router, AppDeps& deps) {
  service::SettingsService& settings = deps.services.settings;
  router.Add("GET", "/api/v1/settings", Authed([&settings](Request&, const service::Actor& actor) -> Response {
               auto current = settings.Get(actor);
               if (!current.ok()) return ErrorResponse(current.status());
               return JsonResponse(200, SettingsJson(*current).dump());
             }));
  router.Add("PATCH", "/api/v1/settings",
             Authed([&settings](Request& request, const service::Actor& actor) -> Response {
               std::set<std::string> allowed;
               for (const domain::SettingInfo& info : domain::SettingInfos()) allowed.emplace(info.key);
               Response error;
               std::optional<domain::RawFields> patch = ParseJsonFields(request, allowed, error, /*scalars=*/true);
               if (!patch) return error;
               auto updated = settings.Update(actor, *patch);
               if (!updated.ok()) return ErrorResponse(updated.status());
               return JsonResponse(200, SettingsJson(*updated).dump());
             }));
  router.Add("GET", "/api/v1/units/{code}/quota",
             Authed([&deps](Request& request, const service::Actor& actor) -> Response {
               std::optional<int64_t> year = ParseInt(request.Query("year"));
               if (!year || *year < 1900 || *year > 9999) {
                 return ErrorResponse(400, "bad_request", "Tham số year phải là một năm (YYYY).");
               }
               auto quota = deps.services.eligibility.Quota(actor, request.params["code"], static_cast<int>(*year));
               if (!quota.ok()) return ErrorResponse(quota.status());
               return JsonResponse(200, service::QuotaJson(*quota));
             }));
}

}  // namespace thidua::http
