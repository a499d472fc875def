// The import screen (upload, progress, report), import templates and the audit log screen.
#include "http/handlers/page_support.h"
#include "http/parsers.h"
#include "render/table_reader.h"
#include "web/form_view.h"
#include "web/list_view.h"
#include "web/page_view.h"

namespace thidua::http {

// Defined in api_handlers.cc: one import, as the API answers it.
std::pair<int, std::string> ImportAnswer(const Result<service::ImportReport>& report);
Result<service::ImportReport> ImportBytes(service::ImportService& imports, const service::Actor& actor,
                                          const std::string& kind, std::string_view bytes, render::FileFormat format,
                                          const service::ImportService::Progress& progress);

namespace {

using nlohmann::json;

const std::map<std::string, std::string>& KindLabels() {
  static const std::map<std::string, std::string> labels = {
      {"units", "Đơn vị"},          {"people", "Cá nhân"},          {"memberships", "Quá trình công tác"},
      {"evaluations", "Xếp loại"},  {"initiatives", "Sáng kiến"},   {"disciplines", "Kỷ luật"},
      {"awards", "Khen thưởng"}};
  return labels;
}

Response ImportPage(const Request& request, const AppDeps& deps, const std::string& kind, const Status& error,
                    const json& report, unsigned status) {
  json model = StaffModel(request, deps, "Nhập dữ liệu", "/quan-ly/nhap-du-lieu");
  web::FormField kind_field;
  kind_field.name = "kind";
  kind_field.label = "Loại dữ liệu";
  kind_field.type = web::FieldType::kSelect;
  kind_field.value = kind;
  kind_field.required = true;
  for (const std::string& k : service::ImportKinds()) kind_field.options.push_back({k, KindLabels().at(k)});
  web::FormField file_field;
  file_field.name = "file";
  file_field.label = "Tệp CSV hoặc Excel (.xlsx)";
  file_field.type = web::FieldType::kFile;
  file_field.accept = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  file_field.required = true;
  std::vector<web::FormField> fields = {kind_field, file_field};
  web::ApplyFieldErrors(fields, error.fields());
  model["form"] = web::FormModel("/quan-ly/nhap-du-lieu", fields);
  json templates = json::array();
  for (const std::string& k : service::ImportKinds()) {
    templates.push_back({{"label", "Mẫu " + KindLabels().at(k) + " (" + k + ".csv)"}, {"href", "/quan-ly/nhap-du-lieu/mau/" + k + ".csv"}});
  }
  model["templates"] = templates;
  if (!report.is_null()) {
    auto label = KindLabels().find(kind);
    model["report"] = web::ImportReportModel(report, label == KindLabels().end() ? kind : label->second);
  }
  if (!error.ok()) model["flash"].push_back(web::FlashModel(web::FlashKind::kError, error.message()));
  return RenderPage(deps, "import", model, status);
}

// The no-JavaScript path: a multipart form with `kind` and `file`.
Response PostImport(Request& request, const AppDeps& deps, const service::Actor& actor) {
  Result<std::vector<MultipartPart>> parts = ParseMultipart(request.body, request.Header("Content-Type"));
  if (!parts.ok()) return ImportPage(request, deps, "", parts.status(), nullptr, 400);
  std::string kind;
  const MultipartPart* file = nullptr;
  for (const MultipartPart& part : *parts) {
    if (part.name == "kind") kind = std::string(part.data);
    if (part.name == "file") file = &part;
  }
  Status invalid = InvalidArgument("Dữ liệu không hợp lệ.");
  if (!KindLabels().count(kind)) invalid.WithField("kind", "Chọn loại dữ liệu cần nhập.");
  if (file == nullptr || file->data.empty()) invalid.WithField("file", "Chọn tệp CSV hoặc .xlsx cần nhập.");
  if (!invalid.fields().empty()) return ImportPage(request, deps, kind, invalid, nullptr, 422);
  Result<service::ImportReport> report =
      ImportBytes(deps.services.imports, actor, kind, file->data, render::DetectFormat(file->data), nullptr);
  if (!report.ok() && report.status().code() != Code::kInvalidArgument) return ErrorPage(request, deps, report.status());
  if (!report.ok()) {
    Status bad = InvalidArgument(report.status().message());
    bad.WithField("file", report.status().message());
    return ImportPage(request, deps, kind, bad, nullptr, 422);
  }
  auto [status, body] = ImportAnswer(report);
  return ImportPage(request, deps, kind, Status::Ok(), json::parse(body), static_cast<unsigned>(status));
}

}  // namespace

void RegisterImportPages(Router& router, AppDeps& deps) {
  router.Add("GET", "/quan-ly/nhap-du-lieu", StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
    Status role = service::CheckImportRole(actor);
    if (!role.ok()) return ErrorPage(request, deps, role);
    return ImportPage(request, deps, request.Query("kind"), Status::Ok(), nullptr, 200);
  }));
  router.Add("POST", "/quan-ly/nhap-du-lieu", StaffPage([&deps](Request& request, const service::Actor& actor) {
    return PostImport(request, deps, actor);
  }), RouteOptions{.max_body = 64u << 20});
  router.Add("GET", "/quan-ly/nhap-du-lieu/mau/{file}", StaffPage([&deps](Request& request, const service::Actor&) -> Response {
    std::string file = request.params["file"];
    std::string kind = file.size() > 4 && file.substr(file.size() - 4) == ".csv" ? file.substr(0, file.size() - 4) : "";
    std::vector<std::string> columns = service::ImportColumns(kind);
    if (columns.empty()) return ErrorPage(request, deps, 404, "Không có tệp mẫu này.");
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = "\xEF\xBB\xBF";  // a BOM, so that Excel opens the Vietnamese text as UTF-8
    for (size_t i = 0; i < columns.size(); ++i) response.body += (i ? "," : "") + columns[i];
    response.body += "\r\n";
    response.SetHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    return response;
  }));
  router.Add("GET", "/quan-ly/nhat-ky", StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
    web::ListState state = web::ParseListState(request.query, {"at"}, "-at", {});
    auto page = deps.services.audit.Recent(actor, state.per_page, state.Offset());
    if (!page.ok()) return ErrorPage(request, deps, page.status());
    std::vector<web::Row> rows;
    for (const auto& e : page->items) {
      rows.push_back({{{std::to_string(e.id)}, {ShowInstant(e.at)}, {e.actor}, {ActionLabel(e.action)},
                       {EntityLabel(e.entity, e.entity_id), EntityHref(e.entity, e.entity_id)},
                       {e.hash.substr(0, 12), "", true}}});
    }
    web::ListSpec spec;
    spec.base_path = "/quan-ly/nhat-ky";
    spec.columns = {{"Số", "", true}, {"Thời điểm", "", false}, {"Người thực hiện", "", false}, {"Thao tác", "", false},
                    {"Bản ghi", "", false}, {"Mã băm", "", false}};
    spec.caption = "Nhật ký thay đổi (mới nhất trước)";
    json model = StaffModel(request, deps, "Nhật ký", "/quan-ly/nhat-ky");
    model.update(web::ListPageModel(spec, state, rows, page->total));
    model.erase("filters");
    return RenderPage(deps, "audit_list", model);
  }));
}

}  // namespace thidua::http
