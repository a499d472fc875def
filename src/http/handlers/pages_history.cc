// Staff screens of the records: the records timeline on a person's and a unit's page, the forms that
// add an evaluation, initiative, discipline or award, the awards list (filters, xlsx export), an
// award's page (with revocation for the office) and the award catalogue.
#include <algorithm>

#include "http/handlers/list_sheets.h"
#include "http/handlers/page_support.h"
#include "service/access.h"
#include "service/record_service.h"
#include "web/page_view.h"

namespace thidua::http {
namespace {

using nlohmann::json;
using store::awards::AwardRow;
using web::FieldType;

constexpr int64_t kExportLimit = 200'000;

std::string Label(const std::vector<domain::Option>& catalogue, const std::string& code) {
  return std::string(domain::LabelOf(catalogue, code));
}

std::string PersonHref(const std::string& code) { return "/quan-ly/ca-nhan/" + web::PercentEncode(code); }
std::string UnitHref(const std::string& code) { return "/quan-ly/don-vi/" + web::PercentEncode(code); }
std::string AwardHref(AwardId id) { return "/quan-ly/khen-thuong/" + std::to_string(id.value()); }

std::string Period(int from, int to) {
  return from == to ? "năm " + std::to_string(to)
                    : "giai đoạn " + std::to_string(from) + "–" + std::to_string(to);
}

// ---- the records timeline ----

// A timeline event and the day it sorts by (newest first).
struct DatedEvent {
  Date day;
  json event;
};

json Badge(const std::string& text, const std::string& kind) { return {{"text", text}, {"kind", kind}}; }

// The timeline partial's event, with the records' badge (`record_badge`, null when none).
json EventJson(const std::string& date, const std::string& datetime, const std::string& title,
               const std::string& text, const std::string& href, json badge = nullptr) {
  return {{"date", date},
          {"datetime", datetime},
          {"title", title},
          {"text", text},
          {"actor", ""},
          {"href", href},
          {"changes", json::array()},
          {"has_changes", false},
          {"record_badge", std::move(badge)}};
}

DatedEvent EvaluationEvent(const store::records::EvaluationRow& e) {
  return {Date(e.year, 12, 31), EventJson("Năm " + std::to_string(e.year), std::to_string(e.year),
                                          "Xếp loại: " + Label(domain::Ratings(), e.rating), "", "")};
}

DatedEvent InitiativeEvent(const store::records::InitiativeRow& i) {
  std::string authors;
  for (const auto& a : i.authors) authors += (authors.empty() ? "" : ", ") + a.name;
  std::string text = "Phạm vi công nhận: " + Label(domain::InitiativeScopes(), i.scope) +
                     (i.recognized_by.empty() ? "" : " — " + i.recognized_by) + ". Tác giả: " + authors + ".";
  return {i.recognized_on,
          EventJson(i.recognized_on.Vietnamese(), i.recognized_on.Iso(), "Sáng kiến: " + i.title, text, "")};
}

DatedEvent DisciplineEvent(const store::records::DisciplineRow& d) {
  std::string title =
      d.level.empty() ? "Đang xem xét kỷ luật" : "Kỷ luật: " + Label(domain::DisciplineLevels(), d.level);
  std::string text = "Từ " + d.from.Vietnamese() + (d.to ? " đến " + d.to->Vietnamese() : "") + ".";
  json badge = d.pending ? Badge("Đang xem xét", "warning") : json(nullptr);
  return {d.from, EventJson(d.from.Vietnamese(), d.from.Iso(), title, text, "", std::move(badge))};
}

DatedEvent AwardEvent(const AwardRow& a, bool with_subject) {
  std::string title = a.award_name + " " + Period(a.period_from, a.period_to);
  if (with_subject) title = a.subject_name + ": " + title;
  std::string text = "Quyết định số " + a.decision_no + " ngày " + a.decision_date.Vietnamese() + " của " +
                     a.issuer + " (" + Label(domain::AwardMethods(), a.method) + ")" +
                     (a.unit_name.empty() ? "" : "; đơn vị: " + a.unit_name) + ".";
  if (a.revoked) text += " Thu hồi: " + a.revoke_reason;
  json badge = a.revoked ? Badge("Đã thu hồi", "danger") : json(nullptr);
  return {a.decision_date, EventJson(a.decision_date.Vietnamese(), a.decision_date.Iso(), title, text,
                                     AwardHref(a.id), std::move(badge))};
}

json Timeline(std::vector<DatedEvent> events, const std::string& empty_text) {
  std::stable_sort(events.begin(), events.end(),
                   [](const DatedEvent& a, const DatedEvent& b) { return a.day > b.day; });
  json list = json::array();
  for (auto& e : events) list.push_back(std::move(e.event));
  return {{"events", list}, {"has_events", !list.empty()}, {"empty_text", empty_text}};
}

json Action(const std::string& label, const std::string& href) { return {{"label", label}, {"href", href}}; }

}  // namespace

void AddPersonRecords(json& model, const Request& request, const AppDeps& deps, const std::string& code) {
  const service::Actor& actor = *request.actor;
  auto records = deps.services.records.PersonHistory(actor, code);
  if (!records.ok()) return;
  std::vector<DatedEvent> events;
  for (const auto& e : records->evaluations) events.push_back(EvaluationEvent(e));
  for (const auto& i : records->initiatives) events.push_back(InitiativeEvent(i));
  for (const auto& d : records->disciplines) events.push_back(DisciplineEvent(d));
  for (const auto& a : records->awards) events.push_back(AwardEvent(a, false));
  model["records"] = Timeline(std::move(events), "Chưa có xếp loại, sáng kiến, kỷ luật hay khen thưởng nào.");
  json actions = json::array();
  if (service::CheckRecordsRole(actor, service::Access::kWrite).ok()) {
    std::string self = PersonHref(code);
    actions = {Action("Thêm xếp loại", self + "/xep-loai"), Action("Thêm sáng kiến", self + "/sang-kien"),
               Action("Thêm kỷ luật", self + "/ky-luat"), Action("Thêm khen thưởng", self + "/khen-thuong")};
  }
  model["record_actions"] = actions;
}

void AddUnitRecords(json& model, const Request& request, const AppDeps& deps, const std::string& code) {
  const service::Actor& actor = *request.actor;
  auto records = deps.services.records.UnitHistory(actor, code);
  if (!records.ok()) return;
  std::vector<DatedEvent> events;
  for (const auto& e : records->evaluations) events.push_back(EvaluationEvent(e));
  for (const auto& a : records->awards) events.push_back(AwardEvent(a, false));
  model["records"] = Timeline(std::move(events), "Chưa có xếp loại hay khen thưởng tập thể nào.");
  std::vector<DatedEvent> member_events;
  for (const auto& a : records->member_awards) member_events.push_back(AwardEvent(a, true));
  model["member_records"] =
      Timeline(std::move(member_events), "Chưa có khen thưởng cá nhân nào tính cho đơn vị.");
  model["member_awards_href"] = "/quan-ly/khen-thuong?unit=" + web::PercentEncode(code);
  json actions = json::array();
  if (service::CheckRecordsRole(actor, service::Access::kWrite).ok()) {
    std::string self = UnitHref(code);
    actions = {Action("Thêm xếp loại", self + "/xep-loai"),
               Action("Thêm khen thưởng", self + "/khen-thuong")};
  }
  model["record_actions"] = actions;
}

namespace {

// ---- the record forms ----

enum class RecordKind { kEvaluation, kInitiative, kDiscipline, kAward };

std::string Get(const domain::RawFields& values, const char* key) {
  auto it = values.find(key);
  return it == values.end() ? std::string() : it->second;
}

std::vector<web::SelectOption> AwardOptions(const std::vector<domain::AwardTypeRecord>& types,
                                            const std::string& subject_type) {
  std::vector<web::SelectOption> options;
  for (const auto& t : types) {
    if (subject_type.empty() || t.Allows(subject_type))
      options.push_back({t.code, t.name + " (" + t.code + ")"});
  }
  return options;
}

std::vector<web::FormField> AwardFields(const domain::RawFields& v,
                                        const std::vector<domain::AwardTypeRecord>& types,
                                        const std::string& subject_type) {
  std::vector<web::FormField> fields;
  if (subject_type.empty()) {
    fields.push_back(
        Select("subject_type", "Đối tượng", Get(v, "subject_type"), Options(domain::SubjectTypes()), true));
    fields.push_back(Field("subject_code", "Mã cá nhân, mã đơn vị hoặc tên hộ gia đình", FieldType::kText,
                           Get(v, "subject_code"), true));
    fields.push_back(Field("unit_code", "Mã xã, phường của hộ gia đình", FieldType::kText,
                           Get(v, "unit_code"), false, "Chỉ dùng cho hộ gia đình"));
  }
  fields.push_back(Select("award_code", "Danh hiệu, hình thức khen thưởng", Get(v, "award_code"),
                          AwardOptions(types, subject_type), true));
  fields.push_back(Field("year", "Năm thành tích", FieldType::kNumber, Get(v, "year"), true,
                         "Năm cuối của thời kỳ thành tích, ví dụ 2024"));
  fields.push_back(Field("period_from", "Từ năm", FieldType::kNumber, Get(v, "period_from"), false,
                         "Để trống: theo thời kỳ thường lệ của danh hiệu"));
  fields.push_back(Select("method", "Phương thức", Get(v, "method"), Options(domain::AwardMethods()), true));
  fields.push_back(Field("decision_no", "Số quyết định", FieldType::kText, Get(v, "decision_no"), true,
                         "Ví dụ 125/QĐ-UBND"));
  fields.push_back(
      Field("decision_date", "Ngày quyết định", FieldType::kDate, FormDate(Get(v, "decision_date")), true));
  fields.push_back(Field("issuer", "Cơ quan ban hành", FieldType::kText, Get(v, "issuer"), true));
  fields.push_back(Field("signer", "Người ký", FieldType::kText, Get(v, "signer")));
  fields.push_back(Field("bonus_amount", "Tiền thưởng (đồng)", FieldType::kNumber, Get(v, "bonus_amount")));
  return fields;
}

std::vector<web::FormField> KindFields(RecordKind kind, const domain::RawFields& v,
                                       const std::vector<domain::AwardTypeRecord>& types,
                                       const std::string& subject_type) {
  switch (kind) {
    case RecordKind::kEvaluation:
      return {Field("year", "Năm", FieldType::kNumber, Get(v, "year"), true),
              Select("rating", "Xếp loại", Get(v, "rating"), Options(domain::Ratings()), true)};
    case RecordKind::kInitiative:
      return {
          Field("code", "Mã sáng kiến", FieldType::kText, Get(v, "code"), true, "Ví dụ SK-2024-015"),
          Field("title", "Tên sáng kiến, đề tài", FieldType::kText, Get(v, "title"), true),
          Field("author_codes", "Mã các tác giả", FieldType::kText, Get(v, "author_codes"), true,
                "Cách nhau bởi dấu chấm phẩy, ví dụ P000123;P000456"),
          Select("scope", "Phạm vi công nhận", Get(v, "scope"), Options(domain::InitiativeScopes()), true),
          Field("recognized_on", "Ngày công nhận", FieldType::kDate, FormDate(Get(v, "recognized_on")), true),
          Field("recognized_by", "Cơ quan công nhận, số quyết định", FieldType::kText,
                Get(v, "recognized_by"))};
    case RecordKind::kDiscipline:
      return {
          Select("level", "Hình thức kỷ luật", Get(v, "level"), Options(domain::DisciplineLevels()), false),
          Field("from", "Từ ngày", FieldType::kDate, FormDate(Get(v, "from")), true),
          Field("to", "Đến ngày", FieldType::kDate, FormDate(Get(v, "to")), false,
                "Để trống nếu chưa kết thúc"),
          Select("pending", "Đang xem xét, điều tra, khiếu nại", Get(v, "pending"),
                 {{"0", "Không"}, {"1", "Có — tạm dừng xét khen thưởng"}}, false)};
    case RecordKind::kAward:
      return AwardFields(v, types, subject_type);
  }
  return {};
}

// The form fields a kind reads from a POST (the subject comes from the path).
std::initializer_list<const char*> KindFieldNames(RecordKind kind) {
  static constexpr std::initializer_list<const char*> kEvaluation = {"year", "rating"};
  static constexpr std::initializer_list<const char*> kInitiative = {
      "code", "title", "author_codes", "scope", "recognized_on", "recognized_by"};
  static constexpr std::initializer_list<const char*> kDiscipline = {"level", "from", "to", "pending"};
  static constexpr std::initializer_list<const char*> kAward = {
      "subject_type", "subject_code", "unit_code",     "award_code", "year",   "period_from",
      "method",       "decision_no",  "decision_date", "issuer",     "signer", "bonus_amount"};
  switch (kind) {
    case RecordKind::kEvaluation:
      return kEvaluation;
    case RecordKind::kInitiative:
      return kInitiative;
    case RecordKind::kDiscipline:
      return kDiscipline;
    case RecordKind::kAward:
      return kAward;
  }
  return kEvaluation;
}

const char* KindTitle(RecordKind kind) {
  switch (kind) {
    case RecordKind::kEvaluation:
      return "Thêm xếp loại";
    case RecordKind::kInitiative:
      return "Thêm sáng kiến";
    case RecordKind::kDiscipline:
      return "Thêm kỷ luật";
    case RecordKind::kAward:
      return "Thêm khen thưởng";
  }
  return "";
}

// Saves the record; the Status of the service call.
Status SaveRecord(RecordKind kind, service::RecordService& records, const service::Actor& actor,
                  const domain::RawFields& fields) {
  switch (kind) {
    case RecordKind::kEvaluation:
      return records.RecordEvaluation(actor, fields).status();
    case RecordKind::kInitiative:
      return records.CreateInitiative(actor, fields).status();
    case RecordKind::kDiscipline:
      return records.CreateDiscipline(actor, fields).status();
    case RecordKind::kAward:
      return records.CreateAward(actor, fields).status();
  }
  return Status::Ok();
}

// Who a form is about: shown above it, and where it goes back to.
struct FormSubject {
  std::string type;  // person | unit | "" (the awards screen: typed in the form)
  std::string code;
  std::string name;
  std::string href;     // the subject's page, or the awards list
  std::string eyebrow;  // "Cá nhân · P000123"
};

Response RecordFormPage(const Request& request, const AppDeps& deps, RecordKind kind,
                        const FormSubject& subject, const std::string& action,
                        const domain::RawFields& values, const Status& error) {
  const char* area = subject.type == "unit"     ? "/quan-ly/don-vi"
                     : subject.type == "person" ? "/quan-ly/ca-nhan"
                                                : "/quan-ly/khen-thuong";
  json model = StaffModel(request, deps, KindTitle(kind), area);
  std::vector<domain::AwardTypeRecord> types;
  if (kind == RecordKind::kAward) {
    auto catalogue = deps.services.records.AwardTypes(*request.actor);
    if (!catalogue.ok()) return ErrorPage(request, deps, catalogue.status());
    types = std::move(catalogue).value();
  }
  std::vector<web::FormField> fields = KindFields(kind, values, types, subject.type);
  web::ApplyFieldErrors(fields, error.fields());
  model["heading"] = KindTitle(kind);
  model["eyebrow"] = subject.eyebrow;
  model["subject"] = {{"name", subject.name}, {"href", subject.href}};
  model["form"] = web::FormModel(action, fields);
  model["form"]["cancel_href"] = subject.href;
  json list = json::array();
  for (const auto& f : fields) list.push_back(model["form"]["fields"][f.name]);
  model["form"]["field_list"] = list;
  if (!error.ok() && error.fields().empty())
    model["flash"].push_back(web::FlashModel(web::FlashKind::kError, error.message()));
  return RenderPage(deps, "record_form", model, error.ok() ? 200 : 422);
}

// The subject of a form under /quan-ly/ca-nhan/{code} or /quan-ly/don-vi/{code}, if the actor sees it.
Result<FormSubject> LoadSubject(const AppDeps& deps, const service::Actor& actor, const std::string& type,
                                const std::string& code) {
  if (type == "person") {
    auto detail = deps.services.people.Get(actor, code);
    if (!detail.ok()) return detail.status();
    return FormSubject{type, code, detail->person.full_name, PersonHref(code),
                       detail->person.full_name + " · " + code};
  }
  auto detail = deps.services.units.Get(actor, code);
  if (!detail.ok()) return detail.status();
  return FormSubject{type, code, detail->unit.name, UnitHref(code), detail->unit.name + " · " + code};
}

// GET and POST of one record form under a subject's page: base "/quan-ly/ca-nhan", type "person".
void AddSubjectForm(Router& router, AppDeps& deps, const std::string& base, const std::string& type,
                    const std::string& suffix, RecordKind kind) {
  std::string pattern = base + "/{code}/" + suffix;
  router.Add(
      "GET", pattern,
      StaffPage([&deps, type, suffix, kind](Request& request, const service::Actor& actor) -> Response {
        Status role = service::CheckRecordsRole(actor, service::Access::kWrite);
        if (!role.ok()) return ErrorPage(request, deps, role);
        Result<FormSubject> subject = LoadSubject(deps, actor, type, request.params["code"]);
        if (!subject.ok()) return ErrorPage(request, deps, subject.status());
        domain::RawFields defaults;
        if (kind == RecordKind::kInitiative) defaults["author_codes"] = subject->code;
        if (kind == RecordKind::kAward) defaults["method"] = "THUONG_XUYEN";
        return RecordFormPage(request, deps, kind, *subject, subject->href + "/" + suffix, defaults,
                              Status::Ok());
      }));
  router.Add(
      "POST", pattern,
      StaffPage([&deps, type, suffix, kind](Request& request, const service::Actor& actor) -> Response {
        Result<FormSubject> subject = LoadSubject(deps, actor, type, request.params["code"]);
        if (!subject.ok()) return ErrorPage(request, deps, subject.status());
        domain::RawFields fields = Pick(FormFields(request), KindFieldNames(kind));
        if (kind == RecordKind::kDiscipline) fields["person_code"] = subject->code;
        if (kind == RecordKind::kEvaluation || kind == RecordKind::kAward) {
          fields["subject_type"] = type;
          fields["subject_code"] = subject->code;
          fields.erase("unit_code");
        }
        Status saved = SaveRecord(kind, deps.services.records, actor, fields);
        if (!saved.ok() && IsFormError(saved)) {
          return RecordFormPage(request, deps, kind, *subject, subject->href + "/" + suffix, fields, saved);
        }
        if (!saved.ok()) return ErrorPage(request, deps, saved);
        return Redirect(subject->href + "?da_luu=1");
      }));
}

// ---- the awards list ----

// Years offered by the year filter: next year back to 15 years ago.
std::vector<web::SelectOption> YearOptions(Date today) {
  std::vector<web::SelectOption> years;
  for (int y = today.year() + 1; y >= today.year() - 15; --y)
    years.push_back({std::to_string(y), std::to_string(y)});
  return years;
}

}  // namespace

Result<render::Sheet> AwardsSheet(service::Services& services, const service::Actor& actor,
                                  service::RecordListRequest list) {
  render::Sheet sheet{
      "Khen thưởng",
      {"Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Người ký", "Đối tượng", "Mã đối tượng",
       "Tên đối tượng", "Mã khen thưởng", "Danh hiệu, hình thức", "Từ năm", "Đến năm", "Phương thức",
       "Mã đơn vị", "Đơn vị (tại ngày quyết định)", "Tiền thưởng", "Thu hồi", "Lý do thu hồi"},
      {}};
  list.list.per_page = 500;
  for (list.list.page = 1; static_cast<int64_t>(sheet.rows.size()) < kExportLimit; ++list.list.page) {
    auto page = services.records.ListAwards(actor, list);
    if (!page.ok()) return page.status();
    for (const auto& a : page->items) {
      sheet.rows.push_back({a.decision_no, a.decision_date, a.issuer, a.signer,
                            Label(domain::SubjectTypes(), a.subject_type), a.subject_code, a.subject_name,
                            a.award_code, a.award_name, int64_t{a.period_from}, int64_t{a.period_to},
                            Label(domain::AwardMethods(), a.method), a.unit_code, a.unit_name,
                            a.bonus_amount ? render::Cell(*a.bonus_amount) : render::Cell(),
                            std::string(a.revoked ? "Có" : "Không"), a.revoke_reason});
    }
    if (static_cast<int64_t>(page->items.size()) < list.list.per_page) break;
  }
  return sheet;
}

namespace {

service::RecordListRequest AwardListRequest(const web::ListState& state) {
  service::RecordListRequest request;
  auto filter = [&](const char* name) {
    auto it = state.filters.find(name);
    return it == state.filters.end() ? std::string() : it->second;
  };
  request.list = ToRequest(state, filter("unit"));
  std::optional<Date> year = Date::FromYmd(std::atoi(filter("year").c_str()), 1, 1);
  if (year) request.year = year->year();
  request.award_code = filter("award");
  return request;
}

web::ListState AwardListState(const Request& request) {
  return web::ParseListState(request.query, {}, "", {"year", "award", "unit"});
}

web::Row AwardListRow(const AwardRow& a) {
  std::string href = AwardHref(a.id);
  std::string subject_href = a.subject_type == "person" ? PersonHref(a.subject_code)
                             : a.subject_type == "unit" ? UnitHref(a.subject_code)
                                                        : "";
  return {{{a.decision_no, href},
           {a.decision_date.Vietnamese()},
           {a.subject_name, subject_href},
           {a.award_name},
           {a.period_from == a.period_to ? std::to_string(a.period_to)
                                         : std::to_string(a.period_from) + "–" + std::to_string(a.period_to)},
           {a.unit_name.empty() ? "—" : a.unit_name, a.unit_code.empty() ? "" : UnitHref(a.unit_code),
            a.unit_name.empty()},
           {a.revoked ? "Đã thu hồi" : "Còn hiệu lực", "", false, a.revoked ? "danger" : "success"}}};
}

Response AwardsListPage(Request& request, const AppDeps& deps, const service::Actor& actor) {
  web::ListState state = AwardListState(request);
  auto page = deps.services.records.ListAwards(actor, AwardListRequest(state));
  if (!page.ok()) return ErrorPage(request, deps, page.status());
  auto types = deps.services.records.AwardTypes(actor);
  auto units = deps.services.units.Tree(actor);
  if (!types.ok() || !units.ok())
    return ErrorPage(request, deps, types.ok() ? units.status() : types.status());
  std::vector<web::Row> rows;
  for (const auto& a : page->items) rows.push_back(AwardListRow(a));
  web::ListSpec spec;
  spec.base_path = "/quan-ly/khen-thuong";
  spec.export_path = "/quan-ly/khen-thuong/xuat.xlsx";
  spec.columns = {{"Số quyết định"},  {"Ngày"},   {"Đối tượng"}, {"Danh hiệu, hình thức"},
                  {"Năm thành tích"}, {"Đơn vị"}, {"Trạng thái"}};
  std::vector<web::SelectOption> unit_options;
  for (const auto& u : *units) unit_options.push_back({u.code, u.name});
  spec.selects = {{"year", "Năm thành tích", YearOptions(deps.services.ctx.clock.Today())},
                  {"award", "Danh hiệu, hình thức", AwardOptions(*types, "")},
                  {"unit", "Đơn vị", unit_options}};
  spec.caption = "Khen thưởng (quyết định mới nhất trước)";
  spec.placeholder = "Tên, mã đối tượng hoặc số quyết định";
  json model = StaffModel(request, deps, "Khen thưởng", "/quan-ly/khen-thuong");
  model.update(web::ListPageModel(spec, state, rows, page->total));
  model["new_href"] =
      service::CheckRecordsRole(actor, service::Access::kWrite).ok() ? "/quan-ly/khen-thuong/moi" : "";
  model["catalogue_href"] = "/quan-ly/danh-muc-khen-thuong";
  return RenderPage(deps, "awards_list", model);
}

Response AwardsExport(Request& request, const AppDeps& deps, const service::Actor& actor) {
  Result<render::Sheet> sheet = AwardsSheet(deps.services, actor, AwardListRequest(AwardListState(request)));
  if (!sheet.ok()) return ErrorPage(request, deps, sheet.status());
  return Xlsx(request, deps, *sheet, "khen-thuong.xlsx");
}

// ---- one award ----

Response AwardPage(const Request& request, const AppDeps& deps, const AwardRow& a, const Status& revoke_error,
                   const std::string& reason) {
  const service::Actor& actor = *request.actor;
  json model = StaffModel(request, deps, a.award_name, "/quan-ly/khen-thuong");
  model["award"] = {{"title", a.award_name + " " + Period(a.period_from, a.period_to)},
                    {"subject", a.subject_name},
                    {"status", a.revoked ? Badge("Đã thu hồi", "danger") : Badge("Còn hiệu lực", "success")}};
  std::string subject_href = a.subject_type == "person" ? PersonHref(a.subject_code)
                             : a.subject_type == "unit" ? UnitHref(a.subject_code)
                                                        : "";
  model["facts"] = web::FactsModel(
      {{Label(domain::SubjectTypes(), a.subject_type),
        a.subject_name + (a.subject_type == "household" ? "" : " (" + a.subject_code + ")"), subject_href},
       {"Danh hiệu, hình thức", a.award_name + " (" + a.award_code + ")"},
       {"Thời kỳ thành tích", a.period_from == a.period_to
                                  ? std::to_string(a.period_to)
                                  : std::to_string(a.period_from) + "–" + std::to_string(a.period_to)},
       {"Phương thức", Label(domain::AwardMethods(), a.method)},
       {"Quyết định", "Số " + a.decision_no + " ngày " + a.decision_date.Vietnamese()},
       {"Cơ quan ban hành", a.issuer},
       {"Người ký", a.signer.empty() ? "—" : a.signer, "", a.signer.empty()},
       {"Tiền thưởng", a.bonus_amount ? web::FormatCount(*a.bonus_amount) + " đồng" : "—", "",
        !a.bonus_amount},
       {"Đơn vị (tại ngày quyết định)", a.unit_name.empty() ? "—" : a.unit_name,
        a.unit_code.empty() ? "" : UnitHref(a.unit_code), a.unit_name.empty()},
       {"Trạng thái", a.revoked ? "Đã thu hồi: " + a.revoke_reason : "Còn hiệu lực", "", false,
        a.revoked ? "danger" : "success"}});
  if (!a.revoked && service::CheckRevokeRole(actor).ok()) {
    std::vector<web::FormField> fields = {
        Field("revoke_reason", "Lý do thu hồi", FieldType::kTextarea, reason, true,
              "Nêu căn cứ (ví dụ: quyết định thu hồi số …, Điều 94 Luật Thi đua, khen thưởng)")};
    fields[0].wide = true;
    web::ApplyFieldErrors(fields, revoke_error.fields());
    model["revoke_form"] = web::FormModel(AwardHref(a.id) + "/thu-hoi", fields);
  }
  auto trail = deps.services.audit.Trail(actor, "award", std::to_string(a.id.value()));
  json history = json::array();
  if (trail.ok()) {
    for (const auto& e : *trail) {
      json event = EventJson(ShowInstant(e.at), "", ActionLabel(e.action), "", "");
      event["actor"] = e.actor;
      history.push_back(std::move(event));
    }
    model["history"] = {
        {"events", history}, {"has_events", !history.empty()}, {"empty_text", "Chưa có thay đổi."}};
  }
  model["breadcrumbs"] = json::array({{{"label", "Khen thưởng"}, {"href", "/quan-ly/khen-thuong"}},
                                      {{"label", a.decision_no}, {"href", ""}}});
  if (!revoke_error.ok() && revoke_error.fields().empty()) {
    model["flash"].push_back(web::FlashModel(web::FlashKind::kError, revoke_error.message()));
  }
  return RenderPage(deps, "award_detail", model, revoke_error.ok() ? 200 : 422);
}

std::optional<AwardId> AwardIdOf(const Request& request) {
  const std::string& text = request.params.at("id");
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return AwardId(std::stoll(text));
}

// ---- the catalogue ----

Response CataloguePage(const Request& request, const AppDeps& deps, const domain::RawFields& values,
                       const Status& error) {
  const service::Actor& actor = *request.actor;
  auto types = deps.services.records.AwardTypes(actor);
  if (!types.ok()) return ErrorPage(request, deps, types.status());
  std::vector<web::Row> rows;
  for (const auto& t : *types) {
    std::string subjects;
    for (const auto& s : t.subjects)
      subjects += (subjects.empty() ? "" : ", ") + Label(domain::SubjectTypes(), s);
    rows.push_back({{{t.code},
                     {t.name},
                     {subjects},
                     {t.decided_by.empty() ? "—" : t.decided_by, "", t.decided_by.empty()},
                     {std::to_string(t.period_years)},
                     {t.builtin ? "Theo Luật" : "Bổ sung", "", false, t.builtin ? "neutral" : "info"}}});
  }
  json model = StaffModel(request, deps, "Danh mục khen thưởng", "/quan-ly/khen-thuong");
  model["table"] =
      web::TableModel("/quan-ly/danh-muc-khen-thuong", web::ListState{},
                      {{"Mã"},
                       {"Danh hiệu, hình thức"},
                       {"Đối tượng"},
                       {"Thẩm quyền quyết định"},
                       {"Thời kỳ (năm)", "", true},
                       {"Nguồn"}},
                      rows, "Danh mục danh hiệu thi đua và hình thức khen thưởng", "Danh mục trống.");
  if (actor.role == service::Role::kAdmin) {
    std::vector<web::FormField> fields = {
        Field("code", "Mã", FieldType::kText, Get(values, "code"), true, "Chữ in hoa không dấu, ví dụ KNC"),
        Field("name", "Tên danh hiệu, hình thức", FieldType::kText, Get(values, "name"), true),
        Field("subjects", "Đối tượng", FieldType::kText, Get(values, "subjects"), true,
              "person, unit, household — cách nhau bởi dấu phẩy"),
        Field("decided_by", "Thẩm quyền quyết định", FieldType::kText, Get(values, "decided_by")),
        Field("period_years", "Thời kỳ thành tích (năm)", FieldType::kNumber, Get(values, "period_years"),
              false, "Mặc định 1")};
    web::ApplyFieldErrors(fields, error.fields());
    model["form"] = web::FormModel("/quan-ly/danh-muc-khen-thuong", fields);
  }
  if (!error.ok() && error.fields().empty())
    model["flash"].push_back(web::FlashModel(web::FlashKind::kError, error.message()));
  model["awards_href"] = "/quan-ly/khen-thuong";
  return RenderPage(deps, "award_types", model, error.ok() ? 200 : 422);
}

void RegisterAwardPages(Router& router, AppDeps& deps) {
  router.Add("GET", "/quan-ly/khen-thuong", StaffPage([&deps](Request& request, const service::Actor& actor) {
               return AwardsListPage(request, deps, actor);
             }));
  router.Add("GET", "/quan-ly/khen-thuong/xuat.xlsx",
             StaffPage([&deps](Request& request, const service::Actor& actor) {
               return AwardsExport(request, deps, actor);
             }));
  FormSubject any{"", "", "", "/quan-ly/khen-thuong", "Khen thưởng"};
  router.Add("GET", "/quan-ly/khen-thuong/moi",
             StaffPage([&deps, any](Request& request, const service::Actor& actor) -> Response {
               Status role = service::CheckRecordsRole(actor, service::Access::kWrite);
               if (!role.ok()) return ErrorPage(request, deps, role);
               return RecordFormPage(request, deps, RecordKind::kAward, any, "/quan-ly/khen-thuong/moi",
                                     {{"method", "THUONG_XUYEN"}}, Status::Ok());
             }));
  router.Add("POST", "/quan-ly/khen-thuong/moi",
             StaffPage([&deps, any](Request& request, const service::Actor& actor) -> Response {
               domain::RawFields fields = Pick(FormFields(request), KindFieldNames(RecordKind::kAward));
               auto award = deps.services.records.CreateAward(actor, fields);
               if (!award.ok() && IsFormError(award.status())) {
                 return RecordFormPage(request, deps, RecordKind::kAward, any, "/quan-ly/khen-thuong/moi",
                                       fields, award.status());
               }
               if (!award.ok()) return ErrorPage(request, deps, award.status());
               return Redirect(AwardHref(award->id) + "?da_luu=1");
             }));
  router.Add("GET", "/quan-ly/khen-thuong/{id}",
             StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
               std::optional<AwardId> id = AwardIdOf(request);
               if (!id) return ErrorPage(request, deps, 404, "Không tìm thấy khen thưởng.");
               auto award = deps.services.records.GetAward(actor, *id);
               if (!award.ok()) return ErrorPage(request, deps, award.status());
               return AwardPage(request, deps, *award, Status::Ok(), "");
             }));
  router.Add("POST", "/quan-ly/khen-thuong/{id}/thu-hoi",
             StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
               std::optional<AwardId> id = AwardIdOf(request);
               if (!id) return ErrorPage(request, deps, 404, "Không tìm thấy khen thưởng.");
               std::string reason = Pick(FormFields(request), {"revoke_reason"})["revoke_reason"];
               auto revoked = deps.services.records.RevokeAward(actor, *id, reason);
               if (!revoked.ok() && IsFormError(revoked.status())) {
                 auto award = deps.services.records.GetAward(actor, *id);
                 if (!award.ok()) return ErrorPage(request, deps, award.status());
                 return AwardPage(request, deps, *award, revoked.status(), reason);
               }
               if (!revoked.ok()) return ErrorPage(request, deps, revoked.status());
               return Redirect(AwardHref(*id) + "?da_luu=1");
             }));
  router.Add("GET", "/quan-ly/danh-muc-khen-thuong",
             StaffPage([&deps](Request& request, const service::Actor&) {
               return CataloguePage(request, deps, {}, Status::Ok());
             }));
  router.Add("POST", "/quan-ly/danh-muc-khen-thuong",
             StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
               domain::RawFields fields =
                   Pick(FormFields(request), {"code", "name", "subjects", "decided_by", "period_years"});
               auto added = deps.services.records.AddAwardType(actor, fields);
               if (!added.ok() && IsFormError(added.status()))
                 return CataloguePage(request, deps, fields, added.status());
               if (!added.ok()) return ErrorPage(request, deps, added.status());
               return Redirect("/quan-ly/danh-muc-khen-thuong?da_luu=1");
             }));
}

}  // namespace

void RegisterHistoryPages(Router& router, AppDeps& deps) {
  AddSubjectForm(router, deps, "/quan-ly/ca-nhan", "person", "xep-loai", RecordKind::kEvaluation);
  AddSubjectForm(router, deps, "/quan-ly/ca-nhan", "person", "sang-kien", RecordKind::kInitiative);
  AddSubjectForm(router, deps, "/quan-ly/ca-nhan", "person", "ky-luat", RecordKind::kDiscipline);
  AddSubjectForm(router, deps, "/quan-ly/ca-nhan", "person", "khen-thuong", RecordKind::kAward);
  AddSubjectForm(router, deps, "/quan-ly/don-vi", "unit", "xep-loai", RecordKind::kEvaluation);
  AddSubjectForm(router, deps, "/quan-ly/don-vi", "unit", "khen-thuong", RecordKind::kAward);
  RegisterAwardPages(router, deps);
}

}  // namespace thidua::http
