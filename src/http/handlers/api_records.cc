// The JSON API of the records: the award catalogue, evaluations, initiatives, disciplines and awards,
// and a person's awards (API.md, GET /api/v1/people/{code}/awards). Bodies use the import column names.
#include "http/handlers/api_support.h"
#include "http/handlers/json_io.h"

namespace thidua::http {
namespace {

using nlohmann::json;
using store::awards::AwardRow;
using store::records::DisciplineRow;
using store::records::EvaluationRow;
using store::records::InitiativeRow;

std::string Label(const std::vector<domain::Option>& catalogue, const std::string& code) {
  return code.empty() ? "" : std::string(domain::LabelOf(catalogue, code));
}

json AwardTypeJson(const domain::AwardTypeRecord& t) {
  return {{"code", t.code},
          {"name", t.name},
          {"subjects", t.SubjectsText()},
          {"decided_by", t.decided_by},
          {"sort_order", t.sort_order},
          {"period_years", t.period_years},
          {"builtin", t.builtin}};
}

json EvaluationJson(const EvaluationRow& e) {
  return {{"id", e.id.value()},
          {"subject_type", e.subject_type},
          {"subject_code", e.subject_code},
          {"subject_name", e.subject_name},
          {"year", e.year},
          {"rating", e.rating},
          {"rating_label", Label(domain::Ratings(), e.rating)}};
}

json InitiativeJson(const InitiativeRow& i) {
  json authors = json::array();
  std::string codes;
  for (const auto& a : i.authors) {
    authors.push_back({{"code", a.code}, {"full_name", a.name}});
    codes += (codes.empty() ? "" : ";") + a.code;
  }
  return {{"code", i.code},
          {"title", i.title},
          {"author_codes", codes},
          {"authors", authors},
          {"scope", i.scope},
          {"scope_label", Label(domain::InitiativeScopes(), i.scope)},
          {"recognized_on", i.recognized_on.Iso()},
          {"recognized_by", i.recognized_by}};
}

json DisciplineJson(const DisciplineRow& d) {
  return {{"id", d.id.value()},
          {"person_code", d.person_code},
          {"person_name", d.person_name},
          {"level", d.level},
          {"level_label", Label(domain::DisciplineLevels(), d.level)},
          {"from", d.from.Iso()},
          {"to", DateOrEmpty(d.to)},
          {"pending", d.pending}};
}

json AwardJson(const AwardRow& a) {
  return {{"id", a.id.value()},
          {"subject_type", a.subject_type},
          {"subject_code", a.subject_code},
          {"subject_name", a.subject_name},
          {"award_code", a.award_code},
          {"award_name", a.award_name},
          {"year", a.period_to},
          {"period_from", a.period_from},
          {"method", a.method},
          {"method_label", Label(domain::AwardMethods(), a.method)},
          {"decision_no", a.decision_no},
          {"decision_date", a.decision_date.Iso()},
          {"issuer", a.issuer},
          {"signer", a.signer},
          {"bonus_amount", a.bonus_amount ? json(*a.bonus_amount) : json(nullptr)},
          {"revoked", a.revoked},
          {"revoke_reason", a.revoke_reason},
          {"unit_code", a.unit_code},
          {"unit_name", a.unit_name}};
}

json ItemsJson(const std::vector<AwardRow>& awards) {
  json items = json::array();
  for (const auto& a : awards) items.push_back(AwardJson(a));
  return items;
}

const std::set<std::string> kAwardTypeFields = {"code",       "name",       "subjects",
                                                "decided_by", "sort_order", "period_years"};
const std::set<std::string> kEvaluationFields = {"subject_type", "subject_code", "year", "rating"};
const std::set<std::string> kInitiativeFields = {"code",  "title",         "author_codes",
                                                 "scope", "recognized_on", "recognized_by"};
const std::set<std::string> kDisciplineFields = {"person_code", "level", "from", "to", "pending"};
const std::set<std::string> kAwardFields = {"subject_type",  "subject_code", "award_code",   "year",
                                            "period_from",   "method",       "decision_no",  "decision_date",
                                            "issuer",        "signer",       "bonus_amount", "revoked",
                                            "revoke_reason", "unit_code"};

// The list parameters of the records: those of ParseList, and year, person, subject_type, award.
std::optional<service::RecordListRequest> ParseRecordList(const Request& request, Response& error) {
  std::optional<service::ListRequest> list = ParseList(request, error);
  if (!list) return std::nullopt;
  service::RecordListRequest records;
  records.list = std::move(*list);
  std::string year = request.Query("year");
  if (!year.empty()) {
    std::optional<int64_t> value = ParseInt(year);
    if (!value || *value < 1 || *value > 9999) {
      error = ErrorResponse(400, "bad_request", "Tham số year phải là một năm (ví dụ 2024).");
      return std::nullopt;
    }
    records.year = static_cast<int>(*value);
  }
  records.person_code = request.Query("person");
  records.subject_type = request.Query("subject_type");
  records.award_code = request.Query("award");
  return records;
}

// A record id from the path; nullopt (a 404, as for any unknown id) when it is not a number.
template <typename Id>
std::optional<Id> PathId(const Request& request) {
  std::optional<int64_t> id = ParseInt(request.params.at("id"));
  if (!id || *id <= 0) return std::nullopt;
  return Id(*id);
}

// GET on a collection: parse the list parameters, call `list`, answer the page.
template <typename List, typename ToJson>
Handler ListRoute(List list, ToJson to_json) {
  return Authed([list, to_json](Request& request, const service::Actor& actor) -> Response {
    Response error;
    std::optional<service::RecordListRequest> query = ParseRecordList(request, error);
    if (!query) return error;
    auto page = list(actor, *query);
    if (!page.ok()) return ErrorResponse(page.status());
    return Json(200, PageJson(*page, query->list, to_json));
  });
}

// POST on a collection: parse the body's fields, call `create`, answer 201 with the record.
template <typename Create, typename ToJson>
Handler CreateRoute(const std::set<std::string>& fields, Create create, ToJson to_json) {
  return Authed([&fields, create, to_json](Request& request, const service::Actor& actor) -> Response {
    Response error;
    std::optional<domain::RawFields> body = ParseJsonFields(request, fields, error);
    if (!body) return error;
    auto created = create(actor, *body);
    if (!created.ok()) return ErrorResponse(created.status());
    return Json(201, to_json(*created));
  });
}

// GET of one record by numeric id.
template <typename Id, typename Get, typename ToJson>
Handler GetByIdRoute(Get get, ToJson to_json, const char* missing) {
  return Authed([get, to_json, missing](Request& request, const service::Actor& actor) -> Response {
    std::optional<Id> id = PathId<Id>(request);
    if (!id) return ErrorResponse(NotFound(missing));
    auto row = get(actor, *id);
    if (!row.ok()) return ErrorResponse(row.status());
    return Json(200, to_json(*row));
  });
}

void RegisterCatalogue(Router& router, service::RecordService& records) {
  router.Add("GET", "/api/v1/award-types",
             Authed([&records](Request&, const service::Actor& actor) -> Response {
               auto types = records.AwardTypes(actor);
               if (!types.ok()) return ErrorResponse(types.status());
               json items = json::array();
               for (const auto& t : *types) items.push_back(AwardTypeJson(t));
               return Json(200, {{"items", items}, {"total", items.size()}});
             }));
  router.Add("POST", "/api/v1/award-types",
             CreateRoute(
                 kAwardTypeFields,
                 [&records](const service::Actor& actor, const domain::RawFields& body) {
                   return records.AddAwardType(actor, body);
                 },
                 AwardTypeJson));
}

void RegisterEvaluations(Router& router, service::RecordService& records) {
  router.Add("GET", "/api/v1/evaluations",
             ListRoute(
                 [&records](const service::Actor& actor, const service::RecordListRequest& query) {
                   return records.ListEvaluations(actor, query);
                 },
                 EvaluationJson));
  // Replaces the subject's rating for the year when there is one: 200 then, 201 for a new one.
  router.Add("POST", "/api/v1/evaluations",
             Authed([&records](Request& request, const service::Actor& actor) -> Response {
               Response error;
               std::optional<domain::RawFields> body = ParseJsonFields(request, kEvaluationFields, error);
               if (!body) return error;
               auto saved = records.RecordEvaluation(actor, *body);
               if (!saved.ok()) return ErrorResponse(saved.status());
               return Json(saved->created ? 201 : 200, EvaluationJson(saved->row));
             }));
  router.Add(
      "GET", "/api/v1/evaluations/{id}",
      GetByIdRoute<EvaluationId>([&records](const service::Actor& actor,
                                            EvaluationId id) { return records.GetEvaluation(actor, id); },
                                 EvaluationJson, "Không tìm thấy xếp loại."));
}

void RegisterInitiatives(Router& router, service::RecordService& records) {
  router.Add("GET", "/api/v1/initiatives",
             ListRoute(
                 [&records](const service::Actor& actor, const service::RecordListRequest& query) {
                   return records.ListInitiatives(actor, query);
                 },
                 InitiativeJson));
  router.Add("POST", "/api/v1/initiatives",
             CreateRoute(
                 kInitiativeFields,
                 [&records](const service::Actor& actor, const domain::RawFields& body) {
                   return records.CreateInitiative(actor, body);
                 },
                 InitiativeJson));
  router.Add("GET", "/api/v1/initiatives/{code}",
             Authed([&records](Request& request, const service::Actor& actor) -> Response {
               auto initiative = records.GetInitiative(actor, request.params["code"]);
               if (!initiative.ok()) return ErrorResponse(initiative.status());
               return Json(200, InitiativeJson(*initiative));
             }));
}

void RegisterDisciplines(Router& router, service::RecordService& records) {
  router.Add("GET", "/api/v1/disciplines",
             ListRoute(
                 [&records](const service::Actor& actor, const service::RecordListRequest& query) {
                   return records.ListDisciplines(actor, query);
                 },
                 DisciplineJson));
  router.Add("POST", "/api/v1/disciplines",
             CreateRoute(
                 kDisciplineFields,
                 [&records](const service::Actor& actor, const domain::RawFields& body) {
                   return records.CreateDiscipline(actor, body);
                 },
                 DisciplineJson));
  router.Add(
      "GET", "/api/v1/disciplines/{id}",
      GetByIdRoute<DisciplineId>([&records](const service::Actor& actor,
                                            DisciplineId id) { return records.GetDiscipline(actor, id); },
                                 DisciplineJson, "Không tìm thấy kỷ luật."));
}

void RegisterAwards(Router& router, service::RecordService& records) {
  router.Add("GET", "/api/v1/awards",
             ListRoute(
                 [&records](const service::Actor& actor, const service::RecordListRequest& query) {
                   return records.ListAwards(actor, query);
                 },
                 AwardJson));
  router.Add("POST", "/api/v1/awards",
             CreateRoute(
                 kAwardFields,
                 [&records](const service::Actor& actor, const domain::RawFields& body) {
                   return records.CreateAward(actor, body);
                 },
                 AwardJson));
  router.Add("GET", "/api/v1/awards/{id}",
             GetByIdRoute<AwardId>(
                 [&records](const service::Actor& actor, AwardId id) { return records.GetAward(actor, id); },
                 AwardJson, "Không tìm thấy khen thưởng."));
  router.Add("PATCH", "/api/v1/awards/{id}",
             Authed([&records](Request& request, const service::Actor& actor) -> Response {
               Response error;
               std::optional<domain::RawFields> body = ParseJsonFields(request, kAwardFields, error);
               if (!body) return error;
               std::optional<AwardId> id = PathId<AwardId>(request);
               if (!id) return ErrorResponse(NotFound("Không tìm thấy khen thưởng."));
               auto award = records.UpdateAward(actor, *id, *body);
               if (!award.ok()) return ErrorResponse(award.status());
               return Json(200, AwardJson(*award));
             }));
  router.Add(
      "POST", "/api/v1/awards/{id}/revoke",
      Authed([&records](Request& request, const service::Actor& actor) -> Response {
        Response error;
        std::optional<domain::RawFields> body = ParseJsonFields(request, {"reason", "revoke_reason"}, error);
        if (!body) return error;
        std::optional<AwardId> id = PathId<AwardId>(request);
        if (!id) return ErrorResponse(NotFound("Không tìm thấy khen thưởng."));
        std::string reason = body->count("revoke_reason") ? (*body)["revoke_reason"] : (*body)["reason"];
        auto award = records.RevokeAward(actor, *id, reason);
        if (!award.ok()) return ErrorResponse(award.status());
        return Json(200, AwardJson(*award));
      }));
  // API.md: the person's awards, newest first, revoked ones marked.
  router.Add("GET", "/api/v1/people/{code}/awards",
             Authed([&records](Request& request, const service::Actor& actor) -> Response {
               auto awards = records.AwardsOf(actor, request.params["code"]);
               if (!awards.ok()) return ErrorResponse(awards.status());
               return Json(200, {{"items", ItemsJson(*awards)}, {"total", awards->size()}});
             }));
  router.Add("GET", "/api/v1/units/{code}/awards",
             Authed([&records](Request& request, const service::Actor& actor) -> Response {
               auto history = records.UnitHistory(actor, request.params["code"]);
               if (!history.ok()) return ErrorResponse(history.status());
               return Json(200, {{"items", ItemsJson(history->awards)},
                                 {"total", history->awards.size()},
                                 {"member_awards", ItemsJson(history->member_awards)}});
             }));
}

}  // namespace

void RegisterRecordApi(Router& router, AppDeps& deps) {
  service::RecordService& records = deps.services.records;
  RegisterCatalogue(router, records);
  RegisterEvaluations(router, records);
  RegisterInitiatives(router, records);
  RegisterDisciplines(router, records);
  RegisterAwards(router, records);
}

}  // namespace thidua::http
