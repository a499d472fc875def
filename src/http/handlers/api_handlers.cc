// The JSON API of API.md for the foundation: auth, me, units, people, imports, jobs, audit (records:
// api_records.cc).
#include <charconv>

#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "http/handlers/api_support.h"
#include "http/handlers/json_io.h"
#include "http/parsers.h"
#include "render/table_reader.h"

namespace thidua::http {

using nlohmann::json;

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }
Response Json(unsigned status, const json& value) { return JsonResponse(status, Dump(value)); }
std::string DateOrEmpty(const std::optional<Date>& date) { return date ? date->Iso() : ""; }
Response Unauthorized() { return ErrorResponse(Unauthenticated("Cần đăng nhập.")); }

std::optional<int64_t> ParseInt(const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<service::ListRequest> ParseList(const Request& request, Response& error) {
  service::ListRequest list;
  list.q = request.Query("q");
  list.within_unit = request.Query("unit");
  std::string sort = request.Query("sort");
  if (!sort.empty() && sort[0] == '-') {
    list.desc = true;
    sort.erase(0, 1);
  }
  list.sort = sort;
  for (auto [name, target] : {std::pair{"page", &list.page}, std::pair{"per_page", &list.per_page}}) {
    std::string text = request.Query(name);
    if (text.empty()) continue;
    std::optional<int64_t> value = ParseInt(text);
    if (!value || *value < 1 || (target == &list.per_page && *value > 500)) {
      error = ErrorResponse(400, "bad_request", std::string("Tham số ") + name + " phải là số nguyên dương (per_page ≤ 500).");
      return std::nullopt;
    }
    *target = *value;
  }
  return list;
}

namespace {

json UserJson(const service::Actor& actor) {
  return {{"username", actor.username}, {"display_name", actor.display_name},
          {"role", service::RoleCode(actor.role)}, {"role_label", service::RoleLabel(actor.role)},
          {"unit", actor.unit_code.empty() ? json(nullptr) : json(actor.unit_code)},
          {"unit_name", actor.unit_name}};
}

json UnitJson(const store::units::UnitRow& u) {
  return {{"code", u.code},
          {"name", u.name},
          {"parent_code", u.parent_code},
          {"parent_name", u.parent_name},
          {"kind", u.kind},
          {"kind_label", std::string(domain::LabelOf(domain::UnitKinds(), u.kind))},
          {"field", u.field},
          {"field_label", u.field.empty() ? "" : std::string(domain::LabelOf(domain::UnitFields(), u.field))},
          {"valid_from", DateOrEmpty(u.valid_from)},
          {"valid_to", DateOrEmpty(u.valid_to)}};
}

json EventJson(const store::units::EventRow& e) {
  return {{"unit_code", e.unit_code},       {"kind", e.kind}, {"date", e.date.Iso()}, {"legal_act", e.legal_act},
          {"related_unit_code", e.related_unit_code}, {"note", e.note}};
}

json PersonJson(const store::people::PersonRow& p) {
  return {{"code", p.code},           {"full_name", p.full_name},      {"gender", p.gender},
          {"birth_date", DateOrEmpty(p.birth_date)}, {"unit_code", p.unit_code}, {"unit_name", p.unit_name},
          {"position", p.position},   {"recruited_on", DateOrEmpty(p.recruited_on)}};
}

json MembershipJson(const store::people::MembershipRow& m) {
  return {{"person_code", m.person_code}, {"unit_code", m.unit_code}, {"unit_name", m.unit_name},
          {"from", m.from.Iso()}, {"to", DateOrEmpty(m.to)}};
}

json AuditJson(const store::audit::Entry& e) {
  json entry = {{"id", e.id},         {"at", e.at},       {"actor", e.actor}, {"action", e.action},
                {"entity", e.entity}, {"entity_id", e.entity_id}};
  entry["before"] = e.before ? json::parse(*e.before, nullptr, false) : json(nullptr);
  entry["after"] = e.after ? json::parse(*e.after, nullptr, false) : json(nullptr);
  return entry;
}

const std::set<std::string> kUnitFields = {"code", "name", "parent_code", "kind", "field", "valid_from", "valid_to"};
const std::set<std::string> kPersonFields = {"code",     "full_name", "gender",      "birth_date",
                                             "unit_code", "position", "recruited_on"};
const std::set<std::string> kEventFields = {"kind", "date", "legal_act", "related_unit_code", "note"};
const std::set<std::string> kMembershipFields = {"unit_code", "from", "to"};

void RegisterAuth(Router& router, AppDeps& deps) {
  router.Add("POST", "/api/v1/auth/login", [&deps](Request& request) -> Response {
    Response error;
    std::optional<domain::RawFields> body = ParseJsonFields(request, {"username", "password"}, error);
    if (!body) return error;
    Result<service::SessionInfo> session =
        deps.services.auth.Login((*body)["username"], (*body)["password"], request.remote_address);
    if (!session.ok()) return ErrorResponse(session.status());
    Response response = Json(200, {{"token", session->token}, {"csrf_token", session->csrf_token},
                                   {"user", UserJson(session->actor)}});
    response.AddHeader("Set-Cookie", SetCookieHeader(kSessionCookie, session->token,
                                                     {.max_age = std::chrono::hours(12), .secure = deps.site.secure_cookies}));
    return response;
  });
  router.Add("POST", "/api/v1/auth/logout", Authed([&deps](Request& request, const service::Actor&) -> Response {
    std::string_view authorization = request.Header("Authorization");
    std::string token = authorization.substr(0, 7) == "Bearer " ? std::string(authorization.substr(7))
                                                                : request.Cookie(kSessionCookie);
    Status status = deps.services.auth.Logout(token);
    if (!status.ok()) return ErrorResponse(status);
    Response response = Json(200, {{"status", "ok"}});
    response.AddHeader("Set-Cookie", SetCookieHeader(kSessionCookie, "", {.max_age = std::chrono::seconds(0),
                                                                          .secure = deps.site.secure_cookies}));
    return response;
  }));
  router.Add("GET", "/api/v1/me", Authed([](Request&, const service::Actor& actor) {
    return Json(200, UserJson(actor));
  }));
}

void RegisterUnits(Router& router, AppDeps& deps) {
  service::UnitService& units = deps.services.units;
  router.Add("GET", "/api/v1/units", Authed([&units](Request& request, const service::Actor& actor) -> Response {
    Response error;
    std::optional<service::ListRequest> list = ParseList(request, error);
    if (!list) return error;
    auto page = units.List(actor, *list);
    if (!page.ok()) return ErrorResponse(page.status());
    return Json(200, PageJson(*page, *list, [](const store::units::UnitRow& u) {
      json j = UnitJson(u);
      j["member_count"] = u.member_count;
      return j;
    }));
  }));
  router.Add("GET", "/api/v1/units/{code}", Authed([&units](Request& request, const service::Actor& actor) -> Response {
    auto detail = units.Get(actor, request.params["code"]);
    if (!detail.ok()) return ErrorResponse(detail.status());
    json j = UnitJson(detail->unit);
    j["lineage"] = json::array();
    for (const auto& e : detail->events) j["lineage"].push_back(EventJson(e));
    j["children"] = json::array();
    for (const auto& c : detail->children) j["children"].push_back({{"code", c.code}, {"name", c.name}});
    return Json(200, j);
  }));
  router.Add("POST", "/api/v1/units", Authed([&units](Request& request, const service::Actor& actor) -> Response {
    Response error;
    std::optional<domain::RawFields> body = ParseJsonFields(request, kUnitFields, error);
    if (!body) return error;
    auto unit = units.Create(actor, *body);
    if (!unit.ok()) return ErrorResponse(unit.status());
    return Json(201, UnitJson(*unit));
  }));
  router.Add("PATCH", "/api/v1/units/{code}", Authed([&units](Request& request, const service::Actor& actor) -> Response {
    Response error;
    std::optional<domain::RawFields> body = ParseJsonFields(request, kUnitFields, error);
    if (!body) return error;
    auto unit = units.Update(actor, request.params["code"], *body);
    if (!unit.ok()) return ErrorResponse(unit.status());
    return Json(200, UnitJson(*unit));
  }));
  router.Add("POST", "/api/v1/units/{code}/events",
             Authed([&units](Request& request, const service::Actor& actor) -> Response {
               Response error;
               std::optional<domain::RawFields> body = ParseJsonFields(request, kEventFields, error);
               if (!body) return error;
               auto event = units.AddEvent(actor, request.params["code"], *body);
               if (!event.ok()) return ErrorResponse(event.status());
               return Json(201, EventJson(*event));
             }));
}

void RegisterPeople(Router& router, AppDeps& deps) {
  service::PersonService& people = deps.services.people;
  router.Add("GET", "/api/v1/people", Authed([&people](Request& request, const service::Actor& actor) -> Response {
    Response error;
    std::optional<service::ListRequest> list = ParseList(request, error);
    if (!list) return error;
    auto page = people.List(actor, *list);
    if (!page.ok()) return ErrorResponse(page.status());
    return Json(200, PageJson(*page, *list, PersonJson));
  }));
  router.Add("GET", "/api/v1/people/{code}", Authed([&people](Request& request, const service::Actor& actor) -> Response {
    auto detail = people.Get(actor, request.params["code"]);
    if (!detail.ok()) return ErrorResponse(detail.status());
    json j = PersonJson(detail->person);
    j["memberships"] = json::array();
    for (const auto& m : detail->memberships) j["memberships"].push_back(MembershipJson(m));
    return Json(200, j);
  }));
  router.Add("POST", "/api/v1/people", Authed([&people](Request& request, const service::Actor& actor) -> Response {
    Response error;
    std::optional<domain::RawFields> body = ParseJsonFields(request, kPersonFields, error);
    if (!body) return error;
    auto person = people.Create(actor, *body);
    if (!person.ok()) return ErrorResponse(person.status());
    return Json(201, PersonJson(*person));
  }));
  router.Add("PATCH", "/api/v1/people/{code}",
             Authed([&people](Request& request, const service::Actor& actor) -> Response {
               Response error;
               std::optional<domain::RawFields> body = ParseJsonFields(request, kPersonFields, error);
               if (!body) return error;
               auto person = people.Update(actor, request.params["code"], *body);
               if (!person.ok()) return ErrorResponse(person.status());
               return Json(200, PersonJson(*person));
             }));
  router.Add("POST", "/api/v1/people/{code}/memberships",
             Authed([&people](Request& request, const service::Actor& actor) -> Response {
               Response error;
               std::optional<domain::RawFields> body = ParseJsonFields(request, kMembershipFields, error);
               if (!body) return error;
               (*body)["person_code"] = request.params["code"];
               auto membership = people.AddMembership(actor, *body);
               if (!membership.ok()) return ErrorResponse(membership.status());
               return Json(201, MembershipJson(*membership));
             }));
}

}  // namespace

json ImportReportJson(const service::ImportReport& report) {
  json errors = json::array();
  for (const auto& e : report.errors) errors.push_back({{"line", e.line}, {"column", e.column}, {"reason", e.reason}});
  return {{"kind", report.kind},       {"rows", report.rows},         {"created", report.created},
          {"updated", report.updated}, {"unchanged", report.unchanged}, {"errors", errors}};
}

// The answer to an import, direct or as a job's result: 200 with the summary, or 422 with the
// summary and an error naming how many rows were refused.
std::pair<int, std::string> ImportAnswer(const Result<service::ImportReport>& report) {
  if (!report.ok()) {
    Response error = ErrorResponse(report.status());
    return {static_cast<int>(error.status), error.body};
  }
  json body = ImportReportJson(*report);
  if (report->ok()) return {200, Dump(body)};
  body["error"] = {{"code", "invalid_argument"},
                   {"message", "Tệp có " + std::to_string(report->errors.size()) +
                                   " lỗi; chưa ghi dữ liệu nào. Sửa các dòng được liệt kê rồi nhập lại."}};
  return {422, Dump(body)};
}

Result<service::ImportReport> ImportBytes(service::ImportService& imports, const service::Actor& actor,
                                          const std::string& kind, std::string_view bytes, render::FileFormat format,
                                          const service::ImportService::Progress& progress) {
  THIDUA_RETURN_IF_ERROR(service::CheckImportRole(actor));
  Result<domain::Table> table = render::ReadTable(bytes, format);
  if (!table.ok()) return table.status();
  return imports.ImportTable(actor, kind, *table, progress);
}

namespace {

// The body of an import: CSV or xlsx by Content-Type, else 415.
std::optional<render::FileFormat> ImportFormat(const Request& request, Response& error) {
  // Media types are case-insensitive (RFC 9110 §8.3.1).
  std::string type = AsciiLower(request.Header("Content-Type"));
  if (type.substr(0, 8) == "text/csv") return render::FileFormat::kCsv;
  if (type.substr(0, 65) == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
    return render::FileFormat::kXlsx;
  }
  if (type.substr(0, 24) == "application/octet-stream") return render::DetectFormat(request.body);
  error = ErrorResponse(415, "unsupported_media_type",
                        "Chỉ nhận tệp CSV (text/csv) hoặc Excel .xlsx. Loại nội dung nhận được: \"" +
                            std::string(type) + "\".");
  return std::nullopt;
}

void RegisterImportsAndJobs(Router& router, AppDeps& deps) {
  router.Add(
      "POST", "/api/v1/imports",
      Authed([&deps](Request& request, const service::Actor& actor) -> Response {
        Response error;
        std::optional<render::FileFormat> format = ImportFormat(request, error);
        if (!format) return error;
        std::string kind = request.Query("kind");
        Status allowed = service::CheckImportRole(actor);
        if (!allowed.ok()) return ErrorResponse(allowed);
        if (service::ImportColumns(kind).empty()) {
          return ErrorResponse(Status(InvalidArgument("Loại dữ liệu nhập không hợp lệ: \"" + kind + "\"."))
                                   .WithField("kind", "Chọn units, people, memberships, evaluations, initiatives, disciplines hoặc awards."));
        }
        if (request.Query("async") != "1") {
          auto [status, body] = ImportAnswer(ImportBytes(deps.services.imports, actor, kind, request.body, *format, nullptr));
          return JsonResponse(static_cast<unsigned>(status), body);
        }
        auto work = [&deps, actor, kind, format = *format, bytes = std::move(request.body)](
                        const service::JobRunner::Progress& progress) {
          return ImportAnswer(ImportBytes(deps.services.imports, actor, kind, bytes, format, progress));
        };
        std::string id = deps.services.jobs.Submit(actor.user, std::move(work));
        Response response = Json(202, {{"job_url", "/api/v1/jobs/" + id}, {"id", id}});
        response.SetHeader("Location", "/api/v1/jobs/" + id);
        return response;
      }),
      RouteOptions{.max_body = 64u << 20});
  router.Add("GET", "/api/v1/jobs/{id}", Authed([&deps](Request& request, const service::Actor& actor) -> Response {
    std::optional<service::JobStatus> job = deps.services.jobs.Get(request.params["id"], actor.user);
    if (!job) return ErrorResponse(NotFound("Không tìm thấy tác vụ."));
    json body = {{"state", job->state}, {"done", job->done}, {"total", job->total}, {"message", job->message}};
    if (!job->result_json.empty()) {
      body["http_status"] = job->http_status;
      body["result"] = json::parse(job->result_json, nullptr, false);
    }
    return Json(200, body);
  }));
}

void RegisterAudit(Router& router, AppDeps& deps) {
  // With entity and id: the whole trail of one record (newest first). Without: the log, paged.
  router.Add("GET", "/api/v1/audit", Authed([&deps](Request& request, const service::Actor& actor) -> Response {
    Response error;
    std::optional<service::ListRequest> list = ParseList(request, error);
    if (!list) return error;
    std::string entity = request.Query("entity"), id = request.Query("id");
    store::Page<store::audit::Entry> page;
    if (entity.empty()) {
      auto recent = deps.services.audit.Recent(actor, list->per_page, (list->page - 1) * list->per_page);
      if (!recent.ok()) return ErrorResponse(recent.status());
      page = std::move(recent).value();
    } else {
      auto trail = deps.services.audit.Trail(actor, entity, id);
      if (!trail.ok()) return ErrorResponse(trail.status());
      page.total = static_cast<int64_t>(trail->size());
      page.items = std::move(trail).value();
      list->per_page = std::max<int64_t>(page.total, 1);
    }
    return Json(200, PageJson(page, *list, AuditJson));
  }));
}

}  // namespace

void RegisterApiRoutes(Router& router, AppDeps& deps) {
  router.Add("GET", "/healthz", [&deps](Request&) {
    return Json(200, {{"status", "ok"}, {"db", deps.site.db_engine}});
  });
  RegisterAuth(router, deps);
  RegisterUnits(router, deps);
  RegisterPeople(router, deps);
  RegisterImportsAndJobs(router, deps);
  RegisterAudit(router, deps);
  RegisterRecordApi(router, deps);
  RegisterEligibilityApi(router, deps);
  RegisterSettingsApi(router, deps);
}

}  // namespace thidua::http
