// The staff screen "who qualifies in year Y for award X" (/quan-ly/xet-khen-thuong) and its xlsx export:
// a plain GET form (year, award, subject, unit subtree, field, name), the eligible subjects of the
// caller's scope in Vietnamese name order, 50 a page, each with the award's conditions and their legal
// basis one click away (a <details> disclosure, no script needed). The scan is
// service::EligibilityService::Eligible; the spreadsheet is eligibility_sheet.h's, shared with the CLI.
#include <algorithm>

#include "domain/eligibility_codes.h"
#include "domain/records.h"
#include "http/handlers/api_support.h"
#include "http/handlers/eligibility_sheet.h"
#include "http/handlers/page_support.h"
#include "web/list_view.h"
#include "web/page_view.h"

namespace thidua::http {

using nlohmann::json;

std::string AwardTitle(const std::string& award, domain::SubjectType subject) {
  std::optional<domain::AwardCode> code = domain::ParseAwardCode(award);
  if (!code) return award;
  std::string title(domain::AwardLabel(*code));
  if (domain::AppliesTo(*code, domain::SubjectType::kPerson) &&
      domain::AppliesTo(*code, domain::SubjectType::kUnit)) {
    title += subject == domain::SubjectType::kPerson ? " (cá nhân)" : " (tập thể)";
  }
  return title;
}

namespace {

std::string ConditionLine(const char* prefix, const domain::Condition& c) {
  std::string line = std::string(prefix) + c.text;
  for (size_t i = 0; i < c.facts.size(); ++i) line += (i == 0 ? " (" : "; ") + c.facts[i];
  if (!c.facts.empty()) line += ")";
  if (!c.basis.empty()) line += " — Căn cứ: " + c.basis;
  return line;
}

}  // namespace

std::string ConditionsText(const domain::AwardVerdict& verdict) {
  std::string text;
  for (const domain::Condition& c : verdict.conditions) {
    text += (text.empty() ? "" : "\n") + ConditionLine(c.met ? "Đạt: " : "Chưa đạt: ", c);
  }
  for (const domain::Condition& c : verdict.judgement_paths) {
    text += (text.empty() ? "" : "\n") + ConditionLine("Cần xem xét: ", c);
  }
  return text;
}

render::Sheet EligibilitySheet(std::string title, std::string name_label) {
  return render::Sheet{std::move(title),
                       {"STT", "Mã", std::move(name_label), "Đơn vị", "Lĩnh vực", "Danh hiệu, hình thức",
                        "Năm", "Bộ quy tắc", "Căn cứ, điều kiện"},
                       {}};
}

void AppendEligibilityRows(const service::EligibilityList& list, render::Sheet& sheet) {
  std::string award = AwardTitle(list.award, list.subject);
  for (const service::EligibleSubject& s : list.items) {
    sheet.rows.push_back({render::Cell(static_cast<int64_t>(sheet.rows.size() + 1)), s.code, s.name,
                          s.unit_name, std::string(domain::LabelOf(domain::UnitFields(), s.field)), award,
                          render::Cell(static_cast<int64_t>(list.year)), list.rule_set,
                          ConditionsText(s.verdict)});
  }
}

namespace {

constexpr const char* kPath = "/quan-ly/xet-khen-thuong";
constexpr const char* kExportPath = "/quan-ly/xet-khen-thuong/xuat.xlsx";

// The screen's state: the list state of the URL (q, page, per_page and the filters year, award, subject,
// unit, field, which every link keeps) and the service query it stands for. `error` is set when the
// year is not a year.
struct Screen {
  web::ListState state;
  service::EligibilityQuery query;
  std::string error;
};

Screen ParseScreen(const Request& request, const AppDeps& deps) {
  Screen s;
  s.state = web::ParseListState(request.query, {}, "", {"year", "award", "subject", "unit", "field"});
  auto& filters = s.state.filters;
  s.query.year = deps.services.ctx.clock.Today().year() - 1;  // the last full year
  if (filters.count("year")) {
    std::optional<int64_t> year = ParseInt(filters["year"]);
    if (!year || *year < 1900 || *year > 9999) {
      s.error = "Năm xét phải là một năm gồm 4 chữ số, ví dụ " + std::to_string(s.query.year) + ".";
    } else {
      s.query.year = static_cast<int>(*year);
    }
  }
  filters["year"] = std::to_string(s.query.year);
  if (!filters.count("award")) filters["award"] = "LDTT";
  s.query.award = filters["award"];
  s.query.subject = filters.count("subject") && filters["subject"] == "unit" ? domain::SubjectType::kUnit
                                                                             : domain::SubjectType::kPerson;
  if (filters.count("unit")) s.query.unit = filters["unit"];
  if (filters.count("field")) s.query.field = filters["field"];
  s.query.q = s.state.q;
  return s;
}

json Choices(const std::vector<std::pair<std::string, std::string>>& options, const std::string& selected) {
  json out = json::array();
  for (const auto& [value, label] : options) {
    out.push_back({{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return out;
}

// The form: year, award (every code the rules engine evaluates), subject, unit (the caller's units),
// field, name.
json FormModel(const Screen& s, const std::vector<store::units::UnitRow>& units,
               std::optional<domain::SubjectType> subject) {
  std::vector<std::pair<std::string, std::string>> awards, unit_options, fields;
  for (int i = 0; i < domain::kAwardCodeCount; ++i) {
    auto code = static_cast<domain::AwardCode>(i);
    awards.emplace_back(
        std::string(domain::AwardCodeName(code)),
        std::string(domain::AwardLabel(code)) + " (" + std::string(domain::AwardCodeName(code)) + ")");
  }
  for (const auto& u : units) unit_options.emplace_back(u.code, u.name + " (" + u.code + ")");
  for (const domain::Option& o : domain::UnitFields())
    fields.emplace_back(std::string(o.code), std::string(o.label));
  const auto& f = s.state.filters;
  auto get = [&](const char* key) { return f.count(key) ? f.at(key) : std::string(); };
  bool unit = subject.value_or(s.query.subject) == domain::SubjectType::kUnit;
  return {{"action", kPath},
          {"year", get("year")},
          {"awards", Choices(awards, get("award"))},
          {"subjects", Choices({{"person", "Cá nhân"}, {"unit", "Tập thể"}}, unit ? "unit" : "person")},
          {"units", Choices(unit_options, get("unit"))},
          {"fields", Choices(fields, get("field"))},
          {"q", s.state.q},
          {"per_page", s.state.per_page == 50 ? "" : std::to_string(s.state.per_page)},
          {"reset_href", kPath}};
}

json ReasonsModel(const domain::AwardVerdict& verdict) {
  auto conditions = [](const std::vector<domain::Condition>& list) {
    json out = json::array();
    for (const domain::Condition& c : list) {
      out.push_back({{"met", c.met}, {"text", c.text}, {"facts", c.facts}, {"basis", c.basis}});
    }
    return out;
  };
  return {{"conditions", conditions(verdict.conditions)},
          {"judgement_paths", conditions(verdict.judgement_paths)}};
}

json ResultModel(const Screen& s, const service::EligibilityList& list) {
  bool people = list.subject == domain::SubjectType::kPerson;
  std::string noun = people ? "người" : "đơn vị";
  std::string year = std::to_string(list.year);
  json rows = json::array();
  int64_t number = s.state.Offset();
  for (const service::EligibleSubject& item : list.items) {
    std::string href =
        (people ? "/quan-ly/ca-nhan/" : "/quan-ly/don-vi/") + web::PercentEncode(item.code) + "?nam=" + year;
    rows.push_back(
        {{"number", web::FormatCount(++number)},
         {"code", item.code},
         {"name", item.name},
         {"href", href},
         {"unit_name", item.unit_name.empty() ? "—" : item.unit_name},
         {"unit_href", item.unit_code.empty() ? "" : "/quan-ly/don-vi/" + web::PercentEncode(item.unit_code)},
         {"field", item.field.empty() ? "—" : std::string(domain::LabelOf(domain::UnitFields(), item.field))},
         {"reasons", ReasonsModel(item.verdict)}});
  }
  std::string award = AwardTitle(list.award, list.subject);
  return {
      {"heading", (people ? "Cá nhân đủ điều kiện " : "Tập thể đủ điều kiện ") + award + " năm " + year},
      {"count", web::FormatCount(list.total) + " " + noun + " đủ điều kiện"},
      {"evaluated", "trong số " + web::FormatCount(list.evaluated) + " " + noun + " được xét trong phạm vi"},
      {"rule_set", list.rule_set},
      {"name_label", people ? "Họ và tên" : "Tên đơn vị"},
      {"unit_label", people ? "Đơn vị trong năm" : "Cấp trên"},
      {"rows", rows},
      {"empty_text", "Không có " + noun + " nào đủ điều kiện với các điều kiện lọc này."},
      {"export_href", web::ExportHref(kExportPath, s.state)},
      {"pagination", web::PaginationModel(kPath, s.state, list.total)}};
}

Response ScreenPage(Request& request, AppDeps& deps, const service::Actor& actor) {
  Screen s = ParseScreen(request, deps);
  json model = StaffModel(request, deps, "Xét khen thưởng", kPath);
  auto units = deps.services.units.Tree(actor);
  if (!units.ok()) return ErrorPage(request, deps, units.status());
  unsigned status = 200;
  std::optional<domain::SubjectType> subject;
  if (s.error.empty()) {
    s.query.offset = s.state.Offset();
    s.query.limit = s.state.per_page;
    auto list = deps.services.eligibility.Eligible(actor, s.query);
    if (list.ok()) {
      model["result"] = ResultModel(s, *list);
      subject = list->subject;
    } else if (list.status().code() == Code::kInvalidArgument || list.status().code() == Code::kNotFound) {
      // A year without rules, an unknown award or field, a unit outside the scope: said on the page.
      const auto& fields = list.status().fields();
      s.error = fields.empty() ? list.status().message() : fields.begin()->second;
      status = HttpStatusFor(list.status().code());
    } else {
      return ErrorPage(request, deps, list.status());
    }
  } else {
    status = 422;
  }
  if (!s.error.empty()) model["flash"].push_back(web::FlashModel(web::FlashKind::kError, s.error));
  model["form"] = FormModel(s, *units, subject);
  model["breadcrumbs"] = json::array(
      {{{"label", "Tổng quan"}, {"href", "/quan-ly/"}}, {{"label", "Xét khen thưởng"}, {"href", ""}}});
  return RenderPage(deps, "eligibility", model, status);
}

Response ExportXlsx(Request& request, AppDeps& deps, const service::Actor& actor) {
  Screen s = ParseScreen(request, deps);
  if (!s.error.empty()) return ErrorPage(request, deps, 422, s.error);
  auto list = deps.services.eligibility.Eligible(actor, s.query);
  if (!list.ok()) return ErrorPage(request, deps, list.status());
  bool people = list->subject == domain::SubjectType::kPerson;
  render::Sheet sheet =
      EligibilitySheet(list->award + " " + std::to_string(list->year), people ? "Họ và tên" : "Tên đơn vị");
  AppendEligibilityRows(*list, sheet);
  return Xlsx(request, deps, sheet,
              "xet-khen-thuong-" + std::to_string(list->year) + "-" + list->award + ".xlsx");
}

}  // namespace

void RegisterEligibilityPages(Router& router, AppDeps& deps) {
  router.Add("GET", kPath, StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
               return ScreenPage(request, deps, actor);
             }));
  router.Add("GET", kExportPath,
             StaffPage([&deps](Request& request, const service::Actor& actor) -> Response {
               return ExportXlsx(request, deps, actor);
             }));
}

}  // namespace thidua::http
