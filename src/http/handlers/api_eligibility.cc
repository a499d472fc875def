// The eligibility API of API.md: one person's or one unit's verdicts for a year, and a scan of everyone
// in scope who is eligible for one award. The verdict JSON is service::VerdictsJson (the CLI prints it too).
// The scan is paged like every list of the API (page, per_page ≤ 500, total): each item is a subject's
// whole verdict, every award, so a province-wide answer in one piece would weigh hundreds of megabytes.
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
               std::optional<service::ListRequest> list = ParseList(request, error);
               if (!list) return error;
               service::EligibilityQuery query;
               query.year = year;
               query.award = award;
               query.date = date;
               if (!list->within_unit.empty()) query.unit = list->within_unit;
               if (std::string f = request.Query("field"); !f.empty()) query.field = f;
               query.q = list->q;
               std::string subject = request.Query("subject");
               if (subject == "unit") {
                 query.subject = domain::SubjectType::kUnit;
               } else if (!subject.empty() && subject != "person") {
                 return ErrorResponse(400, "bad_request", "Tham số subject phải là person hoặc unit.");
               }
               query.offset = (list->page - 1) * list->per_page;
               query.limit = list->per_page;
               query.full_verdicts = true;
               auto found = eligibility.Eligible(actor, query);
               if (!found.ok()) return ErrorResponse(found.status());
               std::string body = "{\"items\":[";
               for (size_t i = 0; i < found->items.size(); ++i) {
                 if (i) body += ',';
                 body += service::VerdictsJson(*found->items[i].verdicts);
               }
               body += "],\"page\":" + std::to_string(list->page) + ",\"per_page\":" + std::to_string(list->per_page) +
                       ",\"total\":" + std::to_string(found->total) + ",\"evaluated\":" + std::to_string(found->evaluated) +
                       ",\"rule_set\":" + nlohmann::json(found->rule_set).dump() + "}";
               return JsonResponse(200, body);
             }));
}

}  // namespace thidua::http
