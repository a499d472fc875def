// Staff screens for units and people: lists with search, sort, paging and xlsx export, detail
// pages with history, create and edit forms with errors beside their fields.
#include "http/handlers/list_sheets.h"
#include "http/handlers/page_support.h"
#include <algorithm>
#include <functional>
#include <set>

#include "domain/eligibility.h"
#include "domain/eligibility_codes.h"
#include "render/xlsx_writer.h"
#include "domain/award_records.h"
#include "service/access.h"
#include "web/form_view.h"
#include "web/list_view.h"
#include "web/page_view.h"

namespace thidua::http {
namespace {

using nlohmann::json;
using web::FieldType;

constexpr int64_t kExportLimit = 200'000;

// A field of an audit row as people read it: its Vietnamese label, dates as dd/mm/yyyy and
// catalogue codes as their names.
std::string FieldLabel(const std::string& field) {
  static const std::map<std::string, std::string> kLabels = {
      {"code", "Mã"}, {"name", "Tên"}, {"parent_code", "Cấp trên"}, {"kind", "Loại"}, {"field", "Lĩnh vực"},
      {"valid_from", "Hiệu lực từ"}, {"valid_to", "Hiệu lực đến"}, {"full_name", "Họ và tên"},
      {"gender", "Giới tính"}, {"birth_date", "Ngày sinh"}, {"unit_code", "Đơn vị"}, {"position", "Chức vụ"},
      {"recruited_on", "Ngày tuyển dụng"}, {"person_code", "Cá nhân"}, {"from", "Từ ngày"}, {"to", "Đến ngày"},
      {"date", "Ngày"}, {"legal_act", "Văn bản"}, {"related_unit_code", "Đơn vị liên quan"}, {"note", "Ghi chú"},
      {"subject_type", "Đối tượng"}, {"subject_code", "Mã đối tượng"}, {"year", "Năm"}, {"rating", "Xếp loại"},
      {"level", "Hình thức kỷ luật"}, {"pending", "Đang xem xét"}};
  auto it = kLabels.find(field);
  return it == kLabels.end() ? field : it->second;
}

std::string FieldValue(const std::string& field, const std::string& value) {
  if (value.size() == 10 && value[4] == '-' && Date::Parse(value)) return Date::Parse(value)->Vietnamese();
  if (field == "gender") return std::string(domain::LabelOf(domain::Genders(), value));
  if (field == "rating") return std::string(domain::LabelOf(domain::Ratings(), value));
  if (field == "subject_type") return std::string(domain::LabelOf(domain::SubjectTypes(), value));
  if (field == "level") return std::string(domain::LabelOf(domain::DisciplineLevels(), value));
  if (field == "pending") return value == "1" ? "Có" : value == "0" ? "Không" : value;
  if (field == "field") return std::string(domain::LabelOf(domain::UnitFields(), value));
  if (field == "kind") {
    // Lineage kinds and unit kinds share the field name but not a single code.
    std::string_view lineage = domain::LabelOf(domain::LineageKinds(), value);
    return std::string(lineage != value ? lineage : domain::LabelOf(domain::UnitKinds(), value));
  }
  return value;
}

// The audit trail as a timeline, each event with the fields that changed.
json HistoryModel(const std::vector<store::audit::Entry>& entries) {
  std::vector<web::TimelineEvent> events;
  for (const auto& e : entries) {
    web::TimelineEvent event;
    event.date = ShowInstant(e.at);
    event.title = ActionLabel(e.action);
    event.actor = e.actor;
    json before = e.before ? json::parse(*e.before, nullptr, false) : json::object();
    json after = e.after ? json::parse(*e.after, nullptr, false) : json::object();
    if (after.is_object()) {
      for (const auto& [key, value] : after.items()) {
        std::string old_value = before.is_object() && before.contains(key) && before[key].is_string()
                                    ? before[key].get<std::string>() : "";
        std::string new_value = value.is_string() ? value.get<std::string>() : value.dump();
        if (old_value != new_value) {
          event.changes.push_back({{"field", FieldLabel(key)},
                                   {"before", FieldValue(key, old_value)},
                                   {"after", FieldValue(key, new_value)}});
        }
      }
    }
    events.push_back(std::move(event));
  }
  return web::TimelineModel(events, "Chưa có thay đổi nào được ghi nhận.");
}

// ---- units ----

std::vector<web::FormField> UnitFormFields(const domain::RawFields& values, bool with_code) {
  auto get = [&](const char* key) {
    auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
  };
  std::vector<web::FormField> fields;
  if (with_code) fields.push_back(Field("code", "Mã đơn vị", FieldType::kText, get("code"), true, "Chữ không dấu, số, _ . - /; ví dụ SGDDT"));
  fields.push_back(Field("name", "Tên đơn vị", FieldType::kText, get("name"), true));
  fields.push_back(Field("parent_code", "Mã đơn vị cấp trên", FieldType::kText, get("parent_code"), false));
  fields.push_back(Select("kind", "Loại đơn vị", get("kind"), Options(domain::UnitKinds()), true));
  fields.push_back(Select("field", "Lĩnh vực", get("field"), Options(domain::UnitFields()), false));
  fields.push_back(Field("valid_from", "Hiệu lực từ ngày", FieldType::kDate, FormDate(get("valid_from"))));
  fields.push_back(Field("valid_to", "Hiệu lực đến ngày", FieldType::kDate, FormDate(get("valid_to"))));
  return fields;
}

std::vector<web::FormField> EventFormFields(const domain::RawFields& values) {
  auto get = [&](const char* key) {
    auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
  };
  std::vector<web::FormField> fields = {
      Select("kind", "Loại sự kiện", get("kind"), Options(domain::LineageKinds()), true),
      Field("date", "Ngày", FieldType::kDate, FormDate(get("date")), true),
      Field("legal_act", "Văn bản (số, ngày, cơ quan ban hành)", FieldType::kText, get("legal_act"), true),
      Field("related_unit_code", "Mã đơn vị liên quan", FieldType::kText, get("related_unit_code"), false,
            "Bắt buộc với sáp nhập và chia tách"),
  };
  for (auto& f : fields) f.id = "event_" + f.name;
  return fields;
}

Response UnitFormPage(const Request& request, const AppDeps& deps, const std::string& code,
                      const domain::RawFields& values, const Status& error, const domain::RawFields& event_values,
                      const Status& event_error) {
  bool editing = !code.empty();
  json model = StaffModel(request, deps, editing ? "Sửa đơn vị" : "Thêm đơn vị", "/quan-ly/don-vi");
  model["heading"] = editing ? "Sửa đơn vị: " + values.at("name") : "Thêm đơn vị";
  std::vector<web::FormField> fields = UnitFormFields(values, !editing);
  web::ApplyFieldErrors(fields, error.fields());
  std::string cancel = editing ? "/quan-ly/don-vi/" + web::PercentEncode(code) : "/quan-ly/don-vi";
  model["form"] = web::FormModel(editing ? cancel + "/sua" : "/quan-ly/don-vi/moi", fields);
  model["form"]["cancel_href"] = cancel;
  if (editing) {
    std::vector<web::FormField> event_fields = EventFormFields(event_values);
    web::ApplyFieldErrors(event_fields, event_error.fields());
    model["event_form"] = web::FormModel(cancel + "/su-kien", event_fields);
    model["event_form"]["cancel_href"] = cancel;
  }
  for (const Status* s : {&error, &event_error}) {
    if (!s->ok() && s->fields().empty()) model["flash"].push_back(web::FlashModel(web::FlashKind::kError, s->message()));
  }
  model["breadcrumbs"] = json::array({{{"label", "Đơn vị"}, {"href", "/quan-ly/don-vi"}},
                                      {{"label", model["heading"]}, {"href", ""}}});
  return RenderPage(deps, "unit_form", model, error.ok() && event_error.ok() ? 200 : 422);
}

web::ListSpec UnitListSpec() {
  web::ListSpec spec;
  spec.base_path = "/quan-ly/don-vi";
  spec.export_path = "/quan-ly/don-vi/xuat.xlsx";
  spec.columns = {{"Mã", "code", false}, {"Tên đơn vị", "name", false}, {"Loại", "kind", false},
                  {"Cấp trên", "", false}, {"Đang công tác", "", true}, {"Hiệu lực", "", false}};
  spec.caption = "Danh sách đơn vị";
  spec.placeholder = "Tên hoặc mã đơn vị, gõ có dấu hoặc không";
  return spec;
}

std::string Validity(const store::units::UnitRow& u) {
  if (!u.valid_from && !u.valid_to) return "";
  return (u.valid_from ? u.valid_from->Vietnamese() : "…") + " – " + (u.valid_to ? u.valid_to->Vietnamese() : "nay");
}

// The year whose verdicts a person's or unit's page shows: ?nam=YYYY, else the last full year.
int YearUnderReview(const Request& request, const AppDeps& deps) {
  std::string nam = request.Query("nam");
  if (nam.size() == 4 && std::all_of(nam.begin(), nam.end(), ::isdigit)) return std::stoi(nam);
  return deps.services.ctx.clock.Today().year() - 1;
}

json EligibilityModel(const domain::Verdicts& verdicts, const std::string& self) {
  std::vector<web::Row> rows;
  for (const domain::AwardVerdict& v : verdicts.results) {
    std::optional<domain::AwardCode> code = domain::ParseAwardCode(v.award);
    std::string label = code ? std::string(domain::AwardLabel(*code)) : v.award;
    std::string answer = !v.eligible ? "Cần xem xét" : *v.eligible ? "Đủ điều kiện" : "Chưa đủ điều kiện";
    std::string badge = !v.eligible ? "info" : *v.eligible ? "success" : "neutral";
    std::string missing, basis;
    for (const domain::Condition& c : v.conditions) {
      if (!c.met) missing += (missing.empty() ? "" : "; ") + c.text;
      if (!c.met && basis.empty()) basis = c.basis;
    }
    if (basis.empty() && !v.conditions.empty()) basis = v.conditions.front().basis;
    rows.push_back({{{label}, {answer, "", false, badge}, {missing.empty() ? "—" : missing, "", missing.empty()},
                     {basis, "", true}}});
  }
  return {{"year", verdicts.year},
          {"rule_set", verdicts.rule_set},
          {"table", web::TableModel(self, web::ListState{}, {{"Danh hiệu, hình thức"}, {"Kết quả"},
                                                             {"Điều kiện chưa đạt"}, {"Căn cứ"}},
                                    rows, "Điều kiện theo quy định", "Chưa có kết quả.")}};
}

void RegisterUnitPages(Router& router, AppDeps& deps) {
  service::UnitService& units = deps.services.units;
  router.Add("GET", "/quan-ly/don-vi", StaffPage([&deps, &units](Request& request, const service::Actor& actor) -> Response {
    web::ListState state = web::ParseListState(request.query, {"name", "code", "kind"}, "name", {});
    auto page = units.List(actor, ToRequest(state, ""));
    if (!page.ok()) return ErrorPage(request, deps, page.status());
    std::vector<web::Row> rows;
    for (const auto& u : page->items) {
      std::string href = "/quan-ly/don-vi/" + web::PercentEncode(u.code);
      bool ended = u.valid_to.has_value();
      rows.push_back({{{u.code, href}, {u.name, href},
                       {std::string(domain::LabelOf(domain::UnitKinds(), u.kind))},
                       {u.parent_name.empty() ? "—" : u.parent_name, u.parent_code.empty() ? "" : "/quan-ly/don-vi/" + web::PercentEncode(u.parent_code), u.parent_name.empty()},
                       {web::FormatCount(u.member_count)},
                       {ended ? "Hết hiệu lực " + u.valid_to->Vietnamese() : Validity(u), "", !ended, ended ? "neutral" : ""}}});
    }
    json model = StaffModel(request, deps, "Đơn vị", "/quan-ly/don-vi");
    model.update(web::ListPageModel(UnitListSpec(), state, rows, page->total));
    model["tree_href"] = "/quan-ly/don-vi/cay";
    model["new_href"] = service::CheckRecordsRole(actor, service::Access::kWrite).ok() ? "/quan-ly/don-vi/moi" : "";
    return RenderPage(deps, "units_list", model);
  }));
  router.Add("GET", "/quan-ly/don-vi/xuat.xlsx", StaffPage([&deps, &units](Request& request, const service::Actor& actor) -> Response {
    web::ListState state = web::ParseListState(request.query, {"name", "code", "kind"}, "name", {});
    render::Sheet sheet{"Đơn vị", {"Mã", "Tên đơn vị", "Loại", "Lĩnh vực", "Mã cấp trên", "Cấp trên", "Hiệu lực từ", "Hiệu lực đến", "Đang công tác"}, {}};
    service::ListRequest list = ToRequest(state, "");
    list.per_page = 500;
    for (list.page = 1; static_cast<int64_t>(sheet.rows.size()) < kExportLimit; ++list.page) {
      auto page = units.List(actor, list);
      if (!page.ok()) return ErrorPage(request, deps, page.status());
      for (const auto& u : page->items) {
        sheet.rows.push_back({u.code, u.name, std::string(domain::LabelOf(domain::UnitKinds(), u.kind)),
                              std::string(domain::LabelOf(domain::UnitFields(), u.field)), u.parent_code, u.parent_name,
                              u.valid_from ? render::Cell(*u.valid_from) : render::Cell(),
                              u.valid_to ? render::Cell(*u.valid_to) : render::Cell(), render::Cell(u.member_count)});
      }
      if (static_cast<int64_t>(page->items.size()) < list.per_page) break;
    }
    return Xlsx(request, deps, sheet, "don-vi.xlsx");
  }));
  router.Add("GET", "/quan-ly/don-vi/cay", StaffPage([&deps, &units](Request& request, const service::Actor& actor) -> Response {
    auto all = units.Tree(actor);
    if (!all.ok()) return ErrorPage(request, deps, all.status());
    std::map<std::string, std::vector<const store::units::UnitRow*>> children;
    std::set<std::string> codes;
    for (const auto& u : *all) codes.insert(u.code);
    std::vector<const store::units::UnitRow*> roots;
    for (const auto& u : *all) {
      if (u.parent_code.empty() || !codes.count(u.parent_code)) roots.push_back(&u);
      else children[u.parent_code].push_back(&u);
    }
    std::function<web::TreeNode(const store::units::UnitRow*)> node = [&](const store::units::UnitRow* u) {
      web::TreeNode n{u->name, "/quan-ly/don-vi/" + web::PercentEncode(u->code),
                      u->code + (u->valid_to ? " · hết hiệu lực " + u->valid_to->Vietnamese() : ""), {}};
      for (const auto* c : children[u->code]) n.children.push_back(node(c));
      return n;
    };
    std::vector<web::TreeNode> nodes;
    for (const auto* r : roots) nodes.push_back(node(r));
    json model = StaffModel(request, deps, "Cây đơn vị", "/quan-ly/don-vi");
    model["tree"] = web::TreeModel(nodes, 1);
    model["list_href"] = "/quan-ly/don-vi";
    return RenderPage(deps, "unit_tree", model);
  }));
  router.Add("GET", "/quan-ly/don-vi/moi", StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
    Status role = service::CheckRecordsRole(actor, service::Access::kWrite);
    if (!role.ok()) return ErrorPage(request, deps, role);
    domain::RawFields values = {{"parent_code", request.Query("parent")}};
    return UnitFormPage(request, deps, "", values, Status::Ok(), {}, Status::Ok());
  }));
  router.Add("POST", "/quan-ly/don-vi/moi", StaffPage([&deps, &units](Request& request, const service::Actor& actor) -> Response {
    domain::RawFields fields = Pick(FormFields(request), {"code", "name", "parent_code", "kind", "field", "valid_from", "valid_to"});
    auto unit = units.Create(actor, fields);
    if (!unit.ok() && IsFormError(unit.status())) return UnitFormPage(request, deps, "", fields, unit.status(), {}, Status::Ok());
    if (!unit.ok()) return ErrorPage(request, deps, unit.status());
    return Redirect("/quan-ly/don-vi/" + web::PercentEncode(unit->code) + "?da_luu=1");
  }));
  router.Add("GET", "/quan-ly/don-vi/{code}", StaffPage([&deps, &units](Request& request, const service::Actor& actor) -> Response {
    auto detail = units.Get(actor, request.params["code"]);
    if (!detail.ok()) return ErrorPage(request, deps, detail.status());
    const auto& u = detail->unit;
    json model = StaffModel(request, deps, u.name, "/quan-ly/don-vi");
    json status = u.valid_to ? json{{"text", "Hết hiệu lực từ " + u.valid_to->AddDays(1).Vietnamese()}, {"kind", "neutral"}}
                             : json{{"text", "Đang hoạt động"}, {"kind", "success"}};
    model["unit"] = {{"code", u.code}, {"name", u.name}, {"status", status}};
    std::string self = "/quan-ly/don-vi/" + web::PercentEncode(u.code);
    model["edit_href"] = service::CheckRecordsRole(actor, service::Access::kWrite).ok() ? self + "/sua" : "";
    model["facts"] = web::FactsModel({{"Mã đơn vị", u.code},
                                      {"Loại", std::string(domain::LabelOf(domain::UnitKinds(), u.kind))},
                                      {"Lĩnh vực", u.field.empty() ? "—" : std::string(domain::LabelOf(domain::UnitFields(), u.field)), "", u.field.empty()},
                                      {"Cấp trên", u.parent_name.empty() ? "—" : u.parent_name, u.parent_code.empty() ? "" : "/quan-ly/don-vi/" + web::PercentEncode(u.parent_code), u.parent_name.empty()},
                                      {"Hiệu lực từ", u.valid_from ? u.valid_from->Vietnamese() : "—", "", !u.valid_from},
                                      {"Hiệu lực đến", u.valid_to ? u.valid_to->Vietnamese() : "—", "", !u.valid_to}});
    web::ListState none;
    std::vector<web::Row> events;
    for (const auto& e : detail->events) {
      std::string kind(domain::LabelOf(domain::LineageKinds(), e.kind));
      bool subject = e.unit_code == u.code;
      std::string other_code = subject ? e.related_unit_code : e.unit_code;
      std::string other_name = subject ? e.related_unit_name : e.unit_name;
      if (!subject) kind = (e.kind == "merged_into" ? "Tiếp nhận sáp nhập" : e.kind == "split_from" ? "Tách ra đơn vị" : kind);
      events.push_back({{{e.date.Vietnamese()}, {kind}, {e.legal_act},
                         {other_name.empty() ? "—" : other_name, other_code.empty() ? "" : "/quan-ly/don-vi/" + web::PercentEncode(other_code), other_name.empty()}}});
    }
    model["events_table"] = web::TableModel(self, none, {{"Ngày"}, {"Sự kiện"}, {"Văn bản"}, {"Đơn vị liên quan"}}, events,
                                            "Lịch sử hình thành", "Chưa có sự kiện sáp nhập, chia tách hay đổi tên.");
    std::vector<web::Row> subunits;
    for (const auto& c : detail->children) {
      subunits.push_back({{{c.code, "/quan-ly/don-vi/" + web::PercentEncode(c.code)}, {c.name, "/quan-ly/don-vi/" + web::PercentEncode(c.code)},
                           {std::string(domain::LabelOf(domain::UnitKinds(), c.kind))}}});
    }
    model["subunits_table"] = web::TableModel(self, none, {{"Mã"}, {"Tên đơn vị"}, {"Loại"}}, subunits, "Đơn vị trực thuộc", "Không có đơn vị trực thuộc.");
    std::vector<web::Row> members;
    for (const auto& m : detail->members) {
      std::string href = "/quan-ly/ca-nhan/" + web::PercentEncode(m.person_code);
      members.push_back({{{m.person_code, href}, {m.person_name, href}, {m.from.year() <= 1900 ? "—" : m.from.Vietnamese(), "", m.from.year() <= 1900}}});
    }
    model["members_table"] = web::TableModel(self, none, {{"Mã"}, {"Họ và tên"}, {"Từ ngày"}}, members, "Người đang công tác", "Chưa có ai.");
    model["members_href"] = "/quan-ly/ca-nhan?unit=" + web::PercentEncode(u.code);
    AddUnitRecords(model, request, deps, u.code);
    int year = YearUnderReview(request, deps);
    auto verdicts = deps.services.eligibility.ForUnit(actor, u.code, year);
    if (verdicts.ok()) {
      model["eligibility"] = EligibilityModel(*verdicts, self);
    } else if (verdicts.status().code() == Code::kInvalidArgument) {
      model["eligibility"] = {{"year", year}, {"notice", verdicts.status().message()}};  // a year without rules
    }
    if (auto quota = deps.services.eligibility.Quota(actor, u.code, year); quota.ok()) {
      const service::UnitQuota& q = *quota;
      model["quota"] = {
          {"year", year},
          {"text", q.check.text},
          {"basis", q.check.basis},
          {"within", q.check.within},
          {"facts", web::FactsModel({{"Số người công tác trong năm", std::to_string(q.members)},
                                     {"Đạt Lao động tiên tiến", std::to_string(q.ldtt)},
                                     {"Tỷ lệ của tỉnh", std::to_string(q.quota_percent) + "%"},
                                     {"Được công nhận tối đa", std::to_string(q.check.allowed)},
                                     {"Đủ điều kiện Chiến sĩ thi đua cơ sở", std::to_string(q.cstdcs_eligible)},
                                     {"Đã công nhận", std::to_string(q.cstdcs_awarded)}})}};
    }
    auto history = units.History(actor, u.code);
    if (history.ok()) model["history"] = HistoryModel(*history);
    model["breadcrumbs"] = json::array({{{"label", "Đơn vị"}, {"href", "/quan-ly/don-vi"}}, {{"label", u.name}, {"href", ""}}});
    return RenderPage(deps, "unit_detail", model);
  }));
  router.Add("GET", "/quan-ly/don-vi/{code}/sua", StaffPage([&deps, &units](Request& request, const service::Actor& actor) -> Response {
    Status role = service::CheckRecordsRole(actor, service::Access::kWrite);
    if (!role.ok()) return ErrorPage(request, deps, role);
    auto detail = units.Get(actor, request.params["code"]);
    if (!detail.ok()) return ErrorPage(request, deps, detail.status());
    return UnitFormPage(request, deps, detail->unit.code, domain::ToRaw(detail->unit.ToRecord()), Status::Ok(), {}, Status::Ok());
  }));
  router.Add("POST", "/quan-ly/don-vi/{code}/sua", StaffPage([&deps, &units](Request& request, const service::Actor& actor) -> Response {
    domain::RawFields fields = Pick(FormFields(request), {"name", "parent_code", "kind", "field", "valid_from", "valid_to"});
    auto unit = units.Update(actor, request.params["code"], fields);
    if (!unit.ok() && IsFormError(unit.status())) {
      fields["code"] = request.params["code"];
      return UnitFormPage(request, deps, request.params["code"], fields, unit.status(), {}, Status::Ok());
    }
    if (!unit.ok()) return ErrorPage(request, deps, unit.status());
    return Redirect("/quan-ly/don-vi/" + web::PercentEncode(unit->code) + "?da_luu=1");
  }));
  router.Add("POST", "/quan-ly/don-vi/{code}/su-kien", StaffPage([&deps, &units](Request& request, const service::Actor& actor) -> Response {
    domain::RawFields fields = Pick(FormFields(request), {"kind", "date", "legal_act", "related_unit_code", "note"});
    auto event = units.AddEvent(actor, request.params["code"], fields);
    if (!event.ok() && IsFormError(event.status())) {
      auto detail = units.Get(actor, request.params["code"]);
      if (!detail.ok()) return ErrorPage(request, deps, detail.status());
      return UnitFormPage(request, deps, detail->unit.code, domain::ToRaw(detail->unit.ToRecord()), Status::Ok(), fields, event.status());
    }
    if (!event.ok()) return ErrorPage(request, deps, event.status());
    return Redirect("/quan-ly/don-vi/" + web::PercentEncode(request.params["code"]) + "?da_luu=1");
  }));
}

// ---- people ----

// The person's verdicts for one year as a table: each award, its answer and what is missing.


std::vector<web::FormField> PersonFormFields(const domain::RawFields& values, bool with_code) {
  auto get = [&](const char* key) {
    auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
  };
  std::vector<web::FormField> fields;
  if (with_code) fields.push_back(Field("code", "Mã cá nhân", FieldType::kText, get("code"), true, "Ví dụ: P000123"));
  fields.push_back(Field("full_name", "Họ và tên", FieldType::kText, get("full_name"), true));
  fields.push_back(Select("gender", "Giới tính", get("gender"), Options(domain::Genders()), true));
  fields.push_back(Field("birth_date", "Ngày sinh", FieldType::kDate, FormDate(get("birth_date"))));
  fields.push_back(Field("unit_code", "Mã đơn vị công tác", FieldType::kText, get("unit_code"), false,
                         with_code ? "Mở quá trình công tác từ ngày tuyển dụng" : "Đổi đơn vị: kết thúc quá trình hiện tại hôm qua, mở quá trình mới từ hôm nay"));
  fields.push_back(Field("position", "Chức vụ, chức danh", FieldType::kText, get("position")));
  fields.push_back(Field("recruited_on", "Ngày tuyển dụng", FieldType::kDate, FormDate(get("recruited_on"))));
  return fields;
}

Response PersonFormPage(const Request& request, const AppDeps& deps, const std::string& code, const std::string& name,
                        const domain::RawFields& values, const Status& error) {
  bool editing = !code.empty();
  json model = StaffModel(request, deps, editing ? "Sửa thông tin cá nhân" : "Thêm cá nhân", "/quan-ly/ca-nhan");
  model["heading"] = editing ? "Sửa thông tin: " + name + " (" + code + ")" : "Thêm cá nhân";
  std::vector<web::FormField> fields = PersonFormFields(values, !editing);
  web::ApplyFieldErrors(fields, error.fields());
  std::string cancel = editing ? "/quan-ly/ca-nhan/" + web::PercentEncode(code) : "/quan-ly/ca-nhan";
  model["form"] = web::FormModel(editing ? cancel + "/sua" : "/quan-ly/ca-nhan/moi", fields);
  model["form"]["cancel_href"] = cancel;
  if (!error.ok() && error.fields().empty()) model["flash"].push_back(web::FlashModel(web::FlashKind::kError, error.message()));
  model["breadcrumbs"] = json::array({{{"label", "Cá nhân"}, {"href", "/quan-ly/ca-nhan"}}, {{"label", model["heading"]}, {"href", ""}}});
  return RenderPage(deps, "person_form", model, error.ok() ? 200 : 422);
}

}  // namespace

Result<render::Sheet> PeopleSheet(service::Services& services, const service::Actor& actor, service::ListRequest list) {
  render::Sheet sheet{"Cá nhân", {"Mã", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Mã đơn vị", "Đơn vị", "Ngày tuyển dụng"}, {}};
  list.per_page = 500;
  for (list.page = 1; static_cast<int64_t>(sheet.rows.size()) < kExportLimit; ++list.page) {
    auto page = services.people.List(actor, list);
    if (!page.ok()) return page.status();
    for (const auto& p : page->items) {
      sheet.rows.push_back({p.code, p.full_name, std::string(domain::LabelOf(domain::Genders(), p.gender)),
                            p.birth_date ? render::Cell(*p.birth_date) : render::Cell(), p.position, p.unit_code, p.unit_name,
                            p.recruited_on ? render::Cell(*p.recruited_on) : render::Cell()});
    }
    if (static_cast<int64_t>(page->items.size()) < list.per_page) break;
  }
  return sheet;
}

namespace {

web::ListSpec PeopleListSpec() {
  web::ListSpec spec;
  spec.base_path = "/quan-ly/ca-nhan";
  spec.export_path = "/quan-ly/ca-nhan/xuat.xlsx";
  spec.columns = {{"Mã", "code", false}, {"Họ và tên", "name", false}, {"Giới tính", "", false},
                  {"Ngày sinh", "birth_date", false}, {"Chức vụ", "", false}, {"Đơn vị", "", false}};
  spec.caption = "Danh sách cá nhân";
  spec.placeholder = "Họ tên hoặc mã, gõ có dấu hoặc không";
  return spec;
}

void RegisterPeoplePages(Router& router, AppDeps& deps) {
  service::PersonService& people = deps.services.people;
  router.Add("GET", "/quan-ly/ca-nhan", StaffPage([&deps, &people](Request& request, const service::Actor& actor) -> Response {
    web::ListState state = web::ParseListState(request.query, {"name", "code", "birth_date"}, "name", {"unit"});
    auto page = people.List(actor, ToRequest(state, state.filters.count("unit") ? state.filters["unit"] : ""));
    if (!page.ok()) return ErrorPage(request, deps, page.status());
    std::vector<web::Row> rows;
    for (const auto& p : page->items) {
      std::string href = "/quan-ly/ca-nhan/" + web::PercentEncode(p.code);
      rows.push_back({{{p.code, href}, {p.full_name, href}, {std::string(domain::LabelOf(domain::Genders(), p.gender))},
                       {p.birth_date ? p.birth_date->Vietnamese() : "—", "", !p.birth_date},
                       {p.position.empty() ? "—" : p.position, "", p.position.empty()},
                       {p.unit_name.empty() ? "—" : p.unit_name, p.unit_code.empty() ? "" : "/quan-ly/don-vi/" + web::PercentEncode(p.unit_code), p.unit_name.empty()}}});
    }
    json model = StaffModel(request, deps, "Cá nhân", "/quan-ly/ca-nhan");
    web::ListSpec spec = PeopleListSpec();
    model.update(web::ListPageModel(spec, state, rows, page->total));
    model["new_href"] = service::CheckRecordsRole(actor, service::Access::kWrite).ok() ? "/quan-ly/ca-nhan/moi" : "";
    return RenderPage(deps, "people_list", model);
  }));
  router.Add("GET", "/quan-ly/ca-nhan/xuat.xlsx", StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
    web::ListState state = web::ParseListState(request.query, {"name", "code", "birth_date"}, "name", {"unit"});
    auto sheet = PeopleSheet(deps.services, actor, ToRequest(state, state.filters.count("unit") ? state.filters["unit"] : ""));
    if (!sheet.ok()) return ErrorPage(request, deps, sheet.status());
    return Xlsx(request, deps, *sheet, "ca-nhan.xlsx");
  }));
  router.Add("GET", "/quan-ly/ca-nhan/moi", StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
    Status role = service::CheckRecordsRole(actor, service::Access::kWrite);
    if (!role.ok()) return ErrorPage(request, deps, role);
    return PersonFormPage(request, deps, "", "", {{"unit_code", actor.unit_code}}, Status::Ok());
  }));
  router.Add("POST", "/quan-ly/ca-nhan/moi", StaffPage([&deps, &people](Request& request, const service::Actor& actor) -> Response {
    domain::RawFields fields = Pick(FormFields(request), {"code", "full_name", "gender", "birth_date", "unit_code", "position", "recruited_on"});
    auto person = people.Create(actor, fields);
    if (!person.ok() && IsFormError(person.status())) return PersonFormPage(request, deps, "", "", fields, person.status());
    if (!person.ok()) return ErrorPage(request, deps, person.status());
    return Redirect("/quan-ly/ca-nhan/" + web::PercentEncode(person->code) + "?da_luu=1");
  }));
  router.Add("GET", "/quan-ly/ca-nhan/{code}", StaffPage([&deps, &people](Request& request, const service::Actor& actor) -> Response {
    auto detail = people.Get(actor, request.params["code"]);
    if (!detail.ok()) return ErrorPage(request, deps, detail.status());
    const auto& p = detail->person;
    json model = StaffModel(request, deps, p.full_name, "/quan-ly/ca-nhan");
    std::string self = "/quan-ly/ca-nhan/" + web::PercentEncode(p.code);
    bool can_write = service::CheckRecordsRole(actor, service::Access::kWrite).ok();
    model["person"] = {{"code", p.code}, {"full_name", p.full_name}};
    model["edit_href"] = can_write ? self + "/sua" : "";
    model["membership_href"] = can_write ? self + "/cong-tac" : "";
    model["facts"] = web::FactsModel({{"Mã cá nhân", p.code},
                                      {"Giới tính", std::string(domain::LabelOf(domain::Genders(), p.gender))},
                                      {"Ngày sinh", p.birth_date ? p.birth_date->Vietnamese() : "—", "", !p.birth_date},
                                      {"Chức vụ", p.position.empty() ? "—" : p.position, "", p.position.empty()},
                                      {"Đơn vị hiện nay", p.unit_name.empty() ? "—" : p.unit_name, p.unit_code.empty() ? "" : "/quan-ly/don-vi/" + web::PercentEncode(p.unit_code), p.unit_name.empty()},
                                      {"Ngày tuyển dụng", p.recruited_on ? p.recruited_on->Vietnamese() : "—", "", !p.recruited_on}});
    std::vector<web::Row> rows;
    for (const auto& m : detail->memberships) {
      rows.push_back({{{m.unit_name, "/quan-ly/don-vi/" + web::PercentEncode(m.unit_code)},
                       {m.from.year() <= 1900 ? "—" : m.from.Vietnamese(), "", m.from.year() <= 1900},
                       {m.to ? m.to->Vietnamese() : "nay", "", !m.to}}});
    }
    model["memberships_table"] = web::TableModel(self, web::ListState{}, {{"Đơn vị"}, {"Từ ngày"}, {"Đến ngày"}}, rows,
                                                 "Quá trình công tác", "Chưa có quá trình công tác.");
    AddPersonRecords(model, request, deps, p.code);
    auto history = people.History(actor, p.code);
    if (history.ok()) model["history"] = HistoryModel(*history);
    int year = YearUnderReview(request, deps);
    auto verdicts = deps.services.eligibility.ForPerson(actor, p.code, year);
    if (verdicts.ok()) {
      model["eligibility"] = EligibilityModel(*verdicts, self);
      bool worked = std::any_of(detail->memberships.begin(), detail->memberships.end(), [&](const auto& m) {
        return domain::Overlaps({m.from, m.to}, {Date(year, 1, 1), Date(year, 12, 31)});
      });
      if (!worked) {
        model["eligibility"]["notice"] = "Năm " + std::to_string(year) +
                                         " cá nhân không có quá trình công tác tại đơn vị nào; kết quả dưới đây chỉ "
                                         "căn cứ hồ sơ đã ghi nhận.";
      }
    } else if (verdicts.status().code() == Code::kInvalidArgument) {
      model["eligibility"] = {{"year", year}, {"notice", verdicts.status().message()}};  // a year without rules
    }
    model["breadcrumbs"] = json::array({{{"label", "Cá nhân"}, {"href", "/quan-ly/ca-nhan"}}, {{"label", p.full_name}, {"href", ""}}});
    return RenderPage(deps, "person_detail", model);
  }));
  router.Add("GET", "/quan-ly/ca-nhan/{code}/sua", StaffPage([&deps, &people](Request& request, const service::Actor& actor) -> Response {
    Status role = service::CheckRecordsRole(actor, service::Access::kWrite);
    if (!role.ok()) return ErrorPage(request, deps, role);
    auto detail = people.Get(actor, request.params["code"]);
    if (!detail.ok()) return ErrorPage(request, deps, detail.status());
    const auto& p = detail->person;
    return PersonFormPage(request, deps, p.code, p.full_name, domain::ToRaw(p.ToRecord()), Status::Ok());
  }));
  router.Add("POST", "/quan-ly/ca-nhan/{code}/sua", StaffPage([&deps, &people](Request& request, const service::Actor& actor) -> Response {
    domain::RawFields fields = Pick(FormFields(request), {"full_name", "gender", "birth_date", "unit_code", "position", "recruited_on"});
    auto person = people.Update(actor, request.params["code"], fields);
    if (!person.ok() && IsFormError(person.status())) {
      auto detail = people.Get(actor, request.params["code"]);
      if (!detail.ok()) return ErrorPage(request, deps, detail.status());
      return PersonFormPage(request, deps, detail->person.code, detail->person.full_name, fields, person.status());
    }
    if (!person.ok()) return ErrorPage(request, deps, person.status());
    return Redirect("/quan-ly/ca-nhan/" + web::PercentEncode(person->code) + "?da_luu=1");
  }));
  auto membership_page = [&deps](const Request& request, const store::people::PersonRow& p, const domain::RawFields& values, const Status& error) {
    json model = StaffModel(request, deps, "Thêm quá trình công tác", "/quan-ly/ca-nhan");
    model["person"] = {{"code", p.code}, {"full_name", p.full_name}};
    auto get = [&](const char* key) { auto it = values.find(key); return it == values.end() ? std::string() : it->second; };
    std::vector<web::FormField> fields = {Field("unit_code", "Mã đơn vị", FieldType::kText, get("unit_code"), true),
                                          Field("from", "Từ ngày", FieldType::kDate, FormDate(get("from")), true),
                                          Field("to", "Đến ngày", FieldType::kDate, FormDate(get("to")), false, "Để trống nếu đang công tác")};
    web::ApplyFieldErrors(fields, error.fields());
    std::string self = "/quan-ly/ca-nhan/" + web::PercentEncode(p.code);
    model["form"] = web::FormModel(self + "/cong-tac", fields);
    model["form"]["cancel_href"] = self;
    if (!error.ok() && error.fields().empty()) model["flash"].push_back(web::FlashModel(web::FlashKind::kError, error.message()));
    return RenderPage(deps, "membership_form", model, error.ok() ? 200 : 422);
  };
  router.Add("GET", "/quan-ly/ca-nhan/{code}/cong-tac", StaffPage([&deps, &people, membership_page](Request& request, const service::Actor& actor) -> Response {
    Status role = service::CheckRecordsRole(actor, service::Access::kWrite);
    if (!role.ok()) return ErrorPage(request, deps, role);
    auto detail = people.Get(actor, request.params["code"]);
    if (!detail.ok()) return ErrorPage(request, deps, detail.status());
    return membership_page(request, detail->person, {}, Status::Ok());
  }));
  router.Add("POST", "/quan-ly/ca-nhan/{code}/cong-tac", StaffPage([&deps, &people, membership_page](Request& request, const service::Actor& actor) -> Response {
    domain::RawFields fields = Pick(FormFields(request), {"unit_code", "from", "to"});
    fields["person_code"] = request.params["code"];
    auto added = people.AddMembership(actor, fields);
    if (!added.ok() && IsFormError(added.status())) {
      auto detail = people.Get(actor, request.params["code"]);
      if (!detail.ok()) return ErrorPage(request, deps, detail.status());
      return membership_page(request, detail->person, fields, added.status());
    }
    if (!added.ok()) return ErrorPage(request, deps, added.status());
    return Redirect("/quan-ly/ca-nhan/" + web::PercentEncode(request.params["code"]) + "?da_luu=1");
  }));
}

}  // namespace

void RegisterRecordPages(Router& router, AppDeps& deps) {
  RegisterUnitPages(router, deps);
  RegisterPeoplePages(router, deps);
}

}  // namespace thidua::http
