// thidua_web_preview: renders every page with realistic sample models, for looking at the screens (and
// checking them with a browser) without a server or a database.
//
//   thidua_web_preview OUT_DIR     writes OUT_DIR/<page>.html, OUT_DIR/static/…, OUT_DIR/index.html;
//                                  serve OUT_DIR with any static server (pages link /static/…)
//   thidua_web_preview --bench     times a 50-row list page render
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "web/assets.h"
#include "web/form_view.h"
#include "web/list_view.h"
#include "web/page_view.h"
#include "web/renderer.h"

namespace thidua::web {
namespace {

using Json = nlohmann::json;

const char* kNames[] = {"Nguyễn Văn An", "Trần Thị Bình",   "Lê Hoàng Cường", "Phạm Thị Dung",
                        "Hoàng Văn Đức", "Vũ Thị Hà",       "Đặng Quốc Huy",  "Bùi Thị Lan",
                        "Đỗ Minh Khôi",  "Nguyễn Văn Bảo",  "Ngô Thị Mai",    "Dương Văn Nam",
                        "Lý Thị Oanh",   "Nguyễn Văn Phúc", "Trịnh Thị Quyên"};
const char* kUnits[] = {"Sở Giáo dục và Đào tạo", "Sở Y tế",
                        "UBND xã Tân Lập",        "Trường THPT Chu Văn An",
                        "Bệnh viện Đa khoa tỉnh", "UBND phường Minh Khai"};
const char* kPositions[] = {"Giáo viên", "Chuyên viên", "Phó Giám đốc", "Bác sĩ", "Kế toán", "Trưởng phòng"};

Json BaseModel(const std::string& title, const std::string& active) {
  Json nav = Json::array();
  const std::vector<std::array<const char*, 3>> areas = {{"Tổng quan", "/quan-ly/", "dashboard"},
                                                         {"Đơn vị", "/quan-ly/don-vi", "units"},
                                                         {"Cá nhân", "/quan-ly/ca-nhan", "people"},
                                                         {"Nhập dữ liệu", "/quan-ly/nhap-du-lieu", "import"},
                                                         {"Nhật ký", "/quan-ly/nhat-ky", "audit"}};
  for (const auto& [label, href, icon] : areas) {
    nav.push_back({{"label", label}, {"href", href}, {"active", active == label}, {"icon", icon}});
  }
  return {
      {"title", title},
      {"site", {{"department", "BAN THI ĐUA – KHEN THƯỞNG"}, {"province", "Lạng Sơn"}}},
      {"user", {{"name", "Trần Thị Bình"}, {"role_label", "Chuyên viên Ban TĐKT"}, {"unit_name", ""}}},
      {"csrf_token", "preview-token"},
      {"nav", nav},
      {"breadcrumbs", {{{"label", "Tổng quan"}, {"href", "/quan-ly/"}}, {{"label", title}, {"href", ""}}}}};
}

std::string Date(int day, int month, int year) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d/%02d/%04d", day, month, year);
  return text;
}

std::vector<Row> PeopleRows(int n) {
  std::vector<Row> rows;
  for (int i = 0; i < n; ++i) {
    std::string code = "CN" + std::to_string(10001 + i);
    std::string name = kNames[i % 15];
    rows.push_back(
        {{{code, "/quan-ly/ca-nhan/" + code},
          {name},
          {i % 3 == 0 ? "Nữ" : "Nam"},
          {Date(1 + i % 28, 1 + i % 12, 1970 + i % 29)},
          {kUnits[i % 6]},
          {kPositions[i % 6]},
          {i % 7 == 0 ? "Nghỉ hưu" : "Đang công tác", "", false, i % 7 == 0 ? "neutral" : "success"}}});
  }
  return rows;
}

Json PeopleList() {
  Json model = BaseModel("Cá nhân", "Cá nhân");
  ListState state = ParseListState({{"q", "nguyen van"}, {"page", "3"}},
                                   {"code", "name", "birth_date", "unit"}, "name", {"unit", "gender"});
  ListSpec spec{.base_path = "/quan-ly/ca-nhan",
                .export_path = "/quan-ly/ca-nhan/xuat.xlsx",
                .columns = {{"Mã", "code"},
                            {"Họ và tên", "name"},
                            {"Giới tính", ""},
                            {"Ngày sinh", "birth_date", true},
                            {"Đơn vị", "unit"},
                            {"Chức vụ", ""},
                            {"Trạng thái", ""}},
                .selects = {{"unit", "Đơn vị", {{"SGD", "Sở Giáo dục và Đào tạo"}, {"SYT", "Sở Y tế"}}},
                            {"gender", "Giới tính", {{"nam", "Nam"}, {"nu", "Nữ"}, {"khac", "Khác"}}}},
                .caption = "Danh sách cá nhân",
                .q_label = "Tìm theo tên hoặc mã",
                .placeholder = "Không cần gõ dấu, ví dụ: nguyen van an"};
  model.update(ListPageModel(spec, state, PeopleRows(50), 1287));
  model["new_href"] = "/quan-ly/ca-nhan/them";
  model["flash"] = {FlashModel(FlashKind::kSuccess, "Đã lưu thông tin cá nhân Nguyễn Văn An.")};
  return model;
}

Json UnitsList() {
  Json model = BaseModel("Đơn vị", "Đơn vị");
  ListState state = ParseListState({}, {"code", "name"}, "code", {"kind"});
  ListSpec spec{
      .base_path = "/quan-ly/don-vi",
      .export_path = "/quan-ly/don-vi/xuat.xlsx",
      .columns = {{"Mã", "code"},
                  {"Tên đơn vị", "name"},
                  {"Loại hình", ""},
                  {"Trực thuộc", ""},
                  {"Số cá nhân", "", true},
                  {"Hiệu lực từ", "", true},
                  {"Trạng thái", ""}},
      .selects = {{"kind", "Loại hình", {{"so_nganh", "Sở, ban, ngành"}, {"ubnd_xa", "UBND xã, phường"}}}},
      .caption = "Danh sách đơn vị"};
  std::vector<Row> rows;
  for (int i = 0; i < 12; ++i) {
    bool dissolved = i == 4;
    rows.push_back(
        {{{"DV" + std::to_string(100 + i), "/quan-ly/don-vi/DV" + std::to_string(100 + i)},
          {kUnits[i % 6]},
          {i % 2 ? "UBND xã, phường" : "Sở, ban, ngành"},
          {i == 0 ? "—" : "UBND tỉnh", "", i == 0},
          {FormatCount(35 + i * 137)},
          {"01/07/2025"},
          {dissolved ? "Đã giải thể" : "Đang hoạt động", "", false, dissolved ? "danger" : "success"}}});
  }
  model.update(ListPageModel(spec, state, rows, 12));
  model["tree_href"] = "/quan-ly/don-vi/cay";
  model["new_href"] = "/quan-ly/don-vi/them";
  return model;
}

Json AuditList() {
  Json model = BaseModel("Nhật ký", "Nhật ký");
  ListState state = ParseListState({}, {"at"}, "-at", {"entity", "actor"});
  ListSpec spec{.base_path = "/quan-ly/nhat-ky",
                .export_path = "/quan-ly/nhat-ky/xuat.xlsx",
                .columns = {{"Thời gian", "at"},
                            {"Người thực hiện", ""},
                            {"Thao tác", ""},
                            {"Đối tượng", ""},
                            {"Mã băm", ""}},
                .selects = {{"entity", "Đối tượng", {{"unit", "Đơn vị"}, {"person", "Cá nhân"}}}},
                .caption = "Nhật ký thay đổi"};
  std::vector<Row> rows;
  const char* actions[] = {"Sửa cá nhân", "Thêm đơn vị", "Nhập dữ liệu", "Đăng nhập"};
  for (int i = 0; i < 20; ++i) {
    rows.push_back({{{"2" + std::to_string(i % 9) + "/09/2025 1" + std::to_string(i % 10) + ":0" +
                      std::to_string(i % 6)},
                     {kNames[i % 15]},
                     {actions[i % 4]},
                     {"CN" + std::to_string(10001 + i), "/quan-ly/ca-nhan/CN" + std::to_string(10001 + i)},
                     {"9f3a…" + std::to_string(1000 + i * 7), "", true}}});
  }
  model.update(ListPageModel(spec, state, rows, 18452));
  model["chain_ok"] = true;
  return model;
}

Json History() {
  return TimelineModel(
      {{.date = "12/09/2025 09:14",
        .title = "Sửa thông tin cá nhân",
        .actor = "Trần Thị Bình",
        .changes = {{{"field", "Chức vụ"}, {"before", "Giáo viên"}, {"after", "Tổ trưởng chuyên môn"}},
                    {{"field", "Ngày tuyển dụng"}, {"before", ""}, {"after", "01/09/2010"}}}},
       {.date = "05/03/2025 14:02",
        .title = "Thêm quá trình công tác",
        .text = "Trường THPT Chu Văn An, từ 01/03/2025",
        .actor = "Nguyễn Văn Phúc"},
       {.date = "20/01/2025 08:30",
        .title = "Nhập từ tệp cá nhân",
        .text = "Tệp can-bo-2025.xlsx, dòng 14",
        .actor = "Hệ thống"}});
}

Json PersonDetail() {
  Json model = BaseModel("Nguyễn Văn An", "Cá nhân");
  model["person"] = {{"code", "CN10001"}, {"full_name", "Nguyễn Văn An"}};
  model["edit_href"] = "/quan-ly/ca-nhan/CN10001/sua";
  model["membership_href"] = "/quan-ly/ca-nhan/CN10001/cong-tac/them";
  model["facts"] = FactsModel({{"Mã cá nhân", "CN10001"},
                               {"Giới tính", "Nam"},
                               {"Ngày sinh", "14/05/1981"},
                               {"Số CCCD", "0012••••••89"},
                               {"Đơn vị hiện tại", "Trường THPT Chu Văn An", "/quan-ly/don-vi/DV103"},
                               {"Chức vụ", "Tổ trưởng chuyên môn"},
                               {"Ngày tuyển dụng", "01/09/2010"},
                               {"Đối tượng", "Viên chức"},
                               {"Trạng thái", "Đang công tác", "", false, "success"}});
  ListState state;
  model["memberships_table"] =
      TableModel("", state, {{"Đơn vị", ""}, {"Từ ngày", "", true}, {"Đến ngày", "", true}},
                 {{{{"Trường THPT Chu Văn An", "/quan-ly/don-vi/DV103"}, {"01/03/2025"}, {"nay", "", true}}},
                  {{{"Trường THPT Lương Văn Tụy", "/quan-ly/don-vi/DV118"}, {"01/09/2010"}, {"28/02/2025"}}}},
                 "", "Chưa có quá trình công tác.");
  model["history"] = History();
  return model;
}

Json UnitDetail() {
  Json model = BaseModel("Sở Giáo dục và Đào tạo", "Đơn vị");
  model["unit"] = {{"code", "DV100"},
                   {"name", "Sở Giáo dục và Đào tạo"},
                   {"status", {{"text", "Đang hoạt động"}, {"kind", "success"}}}};
  model["edit_href"] = "/quan-ly/don-vi/DV100/sua";
  model["facts"] = FactsModel({{"Mã đơn vị", "DV100"},
                               {"Loại hình", "Sở, ban, ngành"},
                               {"Lĩnh vực", "Giáo dục"},
                               {"Trực thuộc", "UBND tỉnh Lạng Sơn", "/quan-ly/don-vi/UBND"},
                               {"Hiệu lực từ", "01/07/2025"},
                               {"Hiệu lực đến", "—", "", true}});
  ListState state;
  model["events_table"] = TableModel(
      "", state, {{"Ngày", "", true}, {"Sự kiện", ""}, {"Văn bản", ""}, {"Đơn vị liên quan", ""}},
      {{{{"01/07/2025"},
         {"Sáp nhập", "", false, "info"},
         {"Nghị quyết 202/2025/QH15"},
         {"Sở Giáo dục và Đào tạo (cũ)", "/quan-ly/don-vi/DV009"}}},
       {{{"15/03/2008"}, {"Đổi tên", "", false, "neutral"}, {"Quyết định 112/QĐ-UBND"}, {"—", "", true}}}},
      "", "Chưa có sự kiện.");
  model["subunits_table"] =
      TableModel("", state, {{"Mã", ""}, {"Tên đơn vị", ""}, {"Số cá nhân", "", true}},
                 {{{{"DV103", "/quan-ly/don-vi/DV103"}, {"Trường THPT Chu Văn An"}, {"86"}}},
                  {{{"DV118", "/quan-ly/don-vi/DV118"}, {"Trường THPT Lương Văn Tụy"}, {"74"}}},
                  {{{"DV121", "/quan-ly/don-vi/DV121"}, {"Trung tâm Giáo dục thường xuyên tỉnh"}, {"31"}}}},
                 "", "Không có đơn vị trực thuộc.");
  model["members_table"] = TableModel("", state, {{"Họ và tên", ""}, {"Chức vụ", ""}},
                                      {{{{"Hoàng Văn Đức", "/quan-ly/ca-nhan/CN10005"}, {"Giám đốc"}}},
                                       {{{"Phạm Thị Dung", "/quan-ly/ca-nhan/CN10004"}, {"Phó Giám đốc"}}}},
                                      "", "Chưa có cá nhân.");
  model["members_href"] = "/quan-ly/ca-nhan?unit=DV100";
  model["history"] = History();
  return model;
}

Json UnitTree() {
  Json model = BaseModel("Cây đơn vị", "Đơn vị");
  std::vector<TreeNode> schools = {{"Trường THPT Chu Văn An", "/quan-ly/don-vi/DV103", "86 người", {}},
                                   {"Trường THPT Lương Văn Tụy", "/quan-ly/don-vi/DV118", "74 người", {}}};
  std::vector<TreeNode> communes = {
      {"UBND xã Tân Lập", "/quan-ly/don-vi/DV201", "UBND xã · 41 người", {}},
      {"UBND phường Minh Khai", "/quan-ly/don-vi/DV202", "UBND phường · 57 người", {}}};
  std::vector<TreeNode> nodes = {
      {"UBND tỉnh Lạng Sơn",
       "/quan-ly/don-vi/UBND",
       "Cấp tỉnh",
       {{"Sở Giáo dục và Đào tạo", "/quan-ly/don-vi/DV100", "Sở, ban, ngành", schools},
        {"Sở Y tế",
         "/quan-ly/don-vi/DV101",
         "Sở, ban, ngành",
         {{"Bệnh viện Đa khoa tỉnh", "/quan-ly/don-vi/DV130", "Đơn vị sự nghiệp", {}}}},
        {"Các xã, phường", "/quan-ly/don-vi/XA", "Cấp xã", communes}}}};
  model["tree"] = TreeModel(nodes, 2);
  model["list_href"] = "/quan-ly/don-vi";
  return model;
}

Json PersonForm() {
  Json model = BaseModel("Sửa thông tin cá nhân", "Cá nhân");
  std::vector<FormField> fields = {
      {.name = "code",
       .label = "Mã cá nhân",
       .value = "CN10001",
       .required = true,
       .hint = "Không đổi sau khi tạo"},
      {.name = "full_name", .label = "Họ và tên", .required = true},
      {.name = "gender",
       .label = "Giới tính",
       .type = FieldType::kSelect,
       .value = "nam",
       .options = {{"nam", "Nam"}, {"nu", "Nữ"}, {"khac", "Khác"}},
       .required = true},
      {.name = "birth_date", .label = "Ngày sinh", .type = FieldType::kDate, .value = "31/02/2020"},
      {.name = "unit_code", .label = "Mã đơn vị", .value = "DV103"},
      {.name = "position", .label = "Chức vụ", .value = "Tổ trưởng chuyên môn"},
      {.name = "recruited_on", .label = "Ngày tuyển dụng", .type = FieldType::kDate, .value = "01/09/2010"}};
  ApplyFieldErrors(fields, {{"full_name", "Họ và tên không được để trống."},
                            {"birth_date", "Ngày 31/02/2020 không có trong lịch."}});
  Json form = FormModel("/quan-ly/ca-nhan/CN10001/sua", fields);
  form["cancel_href"] = "/quan-ly/ca-nhan/CN10001";
  model["form"] = form;
  model["heading"] = "Sửa thông tin: Nguyễn Văn An";
  return model;
}

Json UnitForm() {
  Json model = BaseModel("Sửa đơn vị", "Đơn vị");
  std::vector<SelectOption> kinds = {{"so_nganh", "Sở, ban, ngành"},
                                     {"ubnd_xa", "UBND xã, phường"},
                                     {"su_nghiep", "Đơn vị sự nghiệp"},
                                     {"doanh_nghiep", "Doanh nghiệp"}};
  std::vector<SelectOption> fields_of_work = {
      {"giao_duc", "Giáo dục"}, {"y_te", "Y tế"}, {"nong_nghiep", "Nông nghiệp"}};
  std::vector<FormField> fields = {
      {.name = "code", .label = "Mã đơn vị", .value = "DV100", .required = true},
      {.name = "name", .label = "Tên đơn vị", .value = "Sở Giáo dục và Đào tạo", .required = true},
      {.name = "parent_code", .label = "Mã đơn vị cấp trên", .value = "UBND"},
      {.name = "kind",
       .label = "Loại hình",
       .type = FieldType::kSelect,
       .value = "so_nganh",
       .options = kinds},
      {.name = "field",
       .label = "Lĩnh vực",
       .type = FieldType::kSelect,
       .value = "giao_duc",
       .options = fields_of_work},
      {.name = "valid_from", .label = "Hiệu lực từ", .type = FieldType::kDate, .value = "01/07/2025"},
      {.name = "valid_to", .label = "Hiệu lực đến", .type = FieldType::kDate}};
  Json form = FormModel("/quan-ly/don-vi/DV100/sua", fields);
  form["cancel_href"] = "/quan-ly/don-vi/DV100";
  model["form"] = form;
  std::vector<FormField> event = {
      {.name = "kind",
       .label = "Loại sự kiện",
       .type = FieldType::kSelect,
       .options = {{"renamed", "Đổi tên"},
                   {"merged_into", "Sáp nhập vào"},
                   {"split_from", "Chia tách từ"},
                   {"dissolved", "Giải thể"}},
       .required = true,
       .id = "event_kind"},
      {.name = "date",
       .label = "Ngày hiệu lực",
       .type = FieldType::kDate,
       .required = true,
       .id = "event_date"},
      {.name = "legal_act",
       .label = "Văn bản quyết định",
       .hint = "Số, ký hiệu văn bản",
       .id = "event_legal_act"},
      {.name = "related_unit_code", .label = "Mã đơn vị liên quan", .id = "event_related_unit_code"}};
  model["event_form"] = FormModel("/quan-ly/don-vi/DV100/su-kien", event);
  model["heading"] = "Sửa đơn vị: Sở Giáo dục và Đào tạo";
  return model;
}

Json MembershipForm() {
  Json model = BaseModel("Thêm quá trình công tác", "Cá nhân");
  model["person"] = {{"code", "CN10001"}, {"full_name", "Nguyễn Văn An"}};
  Json form = FormModel(
      "/quan-ly/ca-nhan/CN10001/cong-tac",
      {{.name = "unit_code", .label = "Mã đơn vị", .required = true, .hint = "Ví dụ DV103"},
       {.name = "from", .label = "Từ ngày", .type = FieldType::kDate, .required = true},
       {.name = "to", .label = "Đến ngày", .type = FieldType::kDate, .hint = "Để trống nếu đang công tác"}});
  form["cancel_href"] = "/quan-ly/ca-nhan/CN10001";
  model["form"] = form;
  return model;
}

Json Import() {
  Json model = BaseModel("Nhập dữ liệu", "Nhập dữ liệu");
  model["form"] = FormModel(
      "/quan-ly/nhap-du-lieu",
      {{.name = "kind",
        .label = "Loại dữ liệu",
        .type = FieldType::kSelect,
        .value = "people",
        .options = {{"units", "Đơn vị"}, {"people", "Cá nhân"}, {"memberships", "Quá trình công tác"}},
        .required = true},
       {.name = "file",
        .label = "Tệp dữ liệu (.csv, .xlsx)",
        .type = FieldType::kFile,
        .required = true,
        .hint = "CSV mã hoá UTF-8 có dòng tiêu đề, hoặc Excel với các cột ở trang tính đầu tiên.",
        .accept = ".csv,.xlsx"}});
  model["templates"] = {
      {{"label", "Mẫu đơn vị (.xlsx)"}, {"href", "/quan-ly/nhap-du-lieu/mau/units.xlsx"}},
      {{"label", "Mẫu cá nhân (.xlsx)"}, {"href", "/quan-ly/nhap-du-lieu/mau/people.xlsx"}},
      {{"label", "Mẫu quá trình công tác (.xlsx)"}, {"href", "/quan-ly/nhap-du-lieu/mau/memberships.xlsx"}}};
  model["report"] =
      ImportReportModel(Json::parse(R"({"kind":"people","rows":214,"created":0,"updated":0,"errors":[
        {"line":3,"column":"gender","reason":"Giới tính phải là nam, nu hoặc khac."},
        {"line":57,"column":"birth_date","reason":"Ngày 30/02/1985 không có trong lịch."},
        {"line":120,"column":"unit_code","reason":"Không có đơn vị mã DV999."}]})"),
                        "Cá nhân");
  return model;
}

Json Dashboard() {
  Json model = BaseModel("Tổng quan", "Tổng quan");
  model["breadcrumbs"] = Json::array();
  model["cards"] = {
      {{"label", "Đơn vị"}, {"value", "1.284"}, {"href", "/quan-ly/don-vi"}, {"note", "Đang hoạt động"}},
      {{"label", "Cá nhân"},
       {"value", "48.907"},
       {"href", "/quan-ly/ca-nhan"},
       {"note", "Trong phạm vi quản lý"}},
      {{"label", "Phong trào"}, {"value", "37"}, {"href", ""}, {"note", "Đang triển khai"}},
      {{"label", "Hồ sơ chờ thẩm định"}, {"value", "12"}, {"href", ""}, {"note", "Quá hạn: 2"}}};
  model["shortcuts"] = {{{"label", "Nhập danh sách cá nhân từ Excel"}, {"href", "/quan-ly/nhap-du-lieu"}},
                        {{"label", "Thêm đơn vị"}, {"href", "/quan-ly/don-vi/them"}},
                        {{"label", "Xem nhật ký thay đổi"}, {"href", "/quan-ly/nhat-ky"}}};
  model["recent"] = History();
  return model;
}

Json PublicModel(const std::string& title) {
  return {{"title", title},
          {"public", true},
          {"site", {{"department", "BAN THI ĐUA – KHEN THƯỞNG"}, {"province", "Lạng Sơn"}}}};
}

std::map<std::string, Json> Samples() {
  std::map<std::string, Json> samples;
  samples["home"] = PublicModel("Trang chủ");
  Json login = PublicModel("Đăng nhập");
  login.update({{"csrf_token", "preview-token"},
                {"next", "/quan-ly/"},
                {"username", "vanphong"},
                {"error", "Tên đăng nhập hoặc mật khẩu không đúng."}});
  samples["login"] = login;
  samples["dashboard"] = Dashboard();
  samples["units_list"] = UnitsList();
  samples["unit_tree"] = UnitTree();
  samples["unit_detail"] = UnitDetail();
  samples["unit_form"] = UnitForm();
  samples["people_list"] = PeopleList();
  samples["person_detail"] = PersonDetail();
  samples["person_form"] = PersonForm();
  samples["membership_form"] = MembershipForm();
  samples["import"] = Import();
  samples["audit_list"] = AuditList();
  Json error = BaseModel("Không tìm thấy", "");
  error["error"] = ErrorPageModel(404);
  error["breadcrumbs"] = Json::array();
  samples["error"] = error;
  return samples;
}

int Bench(const Renderer& renderer) {
  constexpr int kRounds = 2000;
  Json model = PeopleList();
  size_t bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; ++i) bytes += renderer.RenderPage("people_list", model).size();
  auto render = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; ++i) bytes += renderer.RenderPage("people_list", PeopleList()).size();
  auto both = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  std::cout << "people_list, 50 rows x 7 columns (" << bytes / kRounds / 2 << " bytes): RenderPage "
            << render / kRounds << " µs; building the model and rendering " << both / kRounds << " µs\n";
  return 0;
}

int Main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: thidua_web_preview OUT_DIR | --bench\n";
    return 2;
  }
  Result<Renderer> renderer = Renderer::CreateEmbedded();
  if (!renderer.ok()) {
    std::cerr << renderer.status().message() << "\n";
    return 1;
  }
  if (std::string_view(argv[1]) == "--bench") return Bench(*renderer);

  namespace fs = std::filesystem;
  fs::path out = argv[1];
  for (const EmbeddedFile& file : static_files::EmbeddedFiles()) {
    fs::path path = out / "static" / std::string(file.path);
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << file.data;
  }
  std::string index =
      "<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>thidua preview</title><ul>";
  for (const auto& [page, model] : Samples()) {
    std::ofstream(out / (page + ".html"), std::ios::binary) << renderer->RenderPage(page, model);
    index += "<li><a href=\"" + page + ".html\">" + page + "</a></li>";
  }
  std::ofstream(out / "index.html", std::ios::binary) << index << "</ul></html>";
  std::cout << "wrote " << out.string() << "\n";
  return 0;
}

}  // namespace
}  // namespace thidua::web

int main(int argc, char** argv) { return thidua::web::Main(argc, argv); }
