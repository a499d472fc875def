// The eligibility API of API.md: one person's or one unit's verdicts for a year, and a scan of everyone
// in scope who is eligible for one award. The verdict JSON is service::VerdictsJson (the CLI prints it too).
#include "http/handlers/api_support.h"
#include "service/eligibility_service.h"

namespace thidua::http {
namespace {

// year= (required, 1900–9999) and date= (optional); a 400 in `error` when malformed.
bool ParseYearAndDate(const Request& request, int& year, std::optional<Date>& date, Response& error) {
  std::optional<int64_t> y = ParseInt(request.Query("year"));
  if (!y || *y < 1900 || *y > 9999) {
    error = ErrorResponse(400, "bad_request", "Tham số year phải là một năm (YYYY).");
    return false;
  }
  year = static_cast<int>(*y);
  std::string text = request.Query("date");
  if (!text.empty()) {
    date = Date::Parse(text);
    if (!date) {
      error = ErrorResponse(400, "bad_request", "Tham số date phải là một ngày (YYYY-MM-DD).");
      return false;
    }
  }
  return true;
}

}  // namespace

void RegisterEligibilityApi(Router& router, AppDeps& deps) {
  service::EligibilityService& eligibility = deps.services.eligibility;
  router.Add("GET", "/api/v1/people/{code}/eligibility",
             Authed([&eligibility](Request& request, const service::Actor& actor) -> Response {
               int year = 0;
               std::optional<Date> date;
               Response error;
               if (!ParseYearAndDate(request, year, date, error)) return error;
               auto verdicts = eligibility.ForPerson(actor, request.params["code"], year, date);
               if (!verdicts.ok()) return ErrorResponse(verdicts.status());
               return JsonResponse(200, service::VerdictsJson(*verdicts));
             }));
  router.Add("GET", "/api/v1/units/{code}/eligibility",
             Authed([&eligibility](Request& request, const service::Actor& actor) -> Response {
               int year = 0;
               std::optional<Date> date;
               Response error;
               if (!ParseYearAndDate(request, year, date, error)) return error;
               auto verdicts = eligibility.ForUnit(actor, request.params["code"], year, date);
               if (!verdicts.ok()) return ErrorResponse(verdicts.status());
               return JsonResponse(200, service::VerdictsJson(*verdicts));
             }));
  router.Add("GET", "/api/v1/eligibility",
             Authed([&eligibility](Request& request, const service::Actor& actor) -> Response {
               int year = 0;
               std::optional<Date> date;
               Response error;
               if (!ParseYearAndDate(request, year, date, error)) return error;
               std::string award = request.Query("award");
               if (award.empty()) return ErrorResponse(400, "bad_request", "Thiếu tham số award.");
               std::optional<std::string> unit;
               if (std::string u = request.Query("unit"); !u.empty()) unit = u;
               std::optional<std::string> field;
               if (std::string f = request.Query("field"); !f.empty()) field = f;
               auto found = eligibility.Scan(actor, year, award, unit, date, field);
               if (!found.ok()) return ErrorResponse(found.status());
               std::string body = "{\"items\":[";
               for (size_t i = 0; i < found->size(); ++i) {
                 if (i) body += ',';
                 body += service::VerdictsJson((*found)[i]);
               }
               body += "],\"total\":" + std::to_string(found->size()) + "}";
               return JsonResponse(200, body);
             }));
}

}  // namespace thidua::http
