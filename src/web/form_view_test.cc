#include "web/form_view.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "web/page_view.h"
#include "web/renderer.h"

namespace thidua::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

std::vector<FormField> PersonFields() {
  return {{.name = "code", .label = "Mã cá nhân", .value = "P0001", .required = true},
          {.name = "full_name", .label = "Họ và tên", .required = true},
          {.name = "gender",
           .label = "Giới tính",
           .type = FieldType::kSelect,
           .value = "nu",
           .options = {{"nam", "Nam"}, {"nu", "Nữ"}, {"khac", "Khác"}}},
          {.name = "birth_date", .label = "Ngày sinh", .type = FieldType::kDate, .value = "31/02/2020"}};
}

TEST(FormFieldModelTest, AnErrorDescribesTheField) {
  FormField field{.name = "full_name", .label = "Họ và tên", .hint = "Như trong hồ sơ", .error = "Bắt buộc"};
  Json model = FormFieldModel(field);
  EXPECT_EQ(model["id"], "full_name");
  EXPECT_EQ(model["describedby"], "full_name-hint full_name-error");
  EXPECT_EQ(model["is_input"], true);
  EXPECT_EQ(model["input_type"], "text");
}

TEST(FormFieldModelTest, DatesAreTypedAsDayMonthYear) {
  Json model = FormFieldModel({.name = "birth_date", .label = "Ngày sinh", .type = FieldType::kDate});
  EXPECT_EQ(model["input_type"], "text");
  EXPECT_EQ(model["placeholder"], "dd/mm/yyyy");
  EXPECT_EQ(model["inputmode"], "numeric");
  EXPECT_EQ(model["describedby"], "birth_date-hint");
}

TEST(FormFieldModelTest, TheOptionMatchingTheValueIsSelected) {
  Json model = FormFieldModel(PersonFields()[2]);
  EXPECT_EQ(model["is_select"], true);
  EXPECT_EQ(model["options"][0]["selected"], false);
  EXPECT_EQ(model["options"][1]["selected"], true);
}

TEST(FormModelTest, ListsErrorsInFieldOrder) {
  std::vector<FormField> fields = PersonFields();
  ApplyFieldErrors(fields, {{"birth_date", "Ngày không hợp lệ"}, {"full_name", "Không được để trống"}});
  Json form = FormModel("/quan-ly/ca-nhan/P0001/sua", fields);
  ASSERT_EQ(form["errors"].size(), 2u);
  EXPECT_EQ(form["errors"][0]["id"], "full_name");
  EXPECT_EQ(form["errors"][1]["label"], "Ngày sinh");
  EXPECT_EQ(form["fields"]["birth_date"]["error"], "Ngày không hợp lệ");
}

TEST(FormRenderingTest, ErrorsSitBesideTheirFieldsAndInTheSummary) {
  Result<Renderer> renderer = Renderer::CreateEmbedded();
  ASSERT_TRUE(renderer.ok());
  std::vector<FormField> fields = PersonFields();
  ApplyFieldErrors(fields, {{"birth_date", "Ngày không hợp lệ"}, {"full_name", "Không được để trống"}});
  Json model = {{"title", "Sửa"},
                {"heading", "Sửa thông tin"},
                {"csrf_token", "t"},
                {"form", FormModel("/quan-ly/ca-nhan/P0001/sua", fields)}};
  std::string html = renderer->RenderPage("person_form", model);
  EXPECT_THAT(html, HasSubstr("<label class=\"field__label\" for=\"full_name\">"));
  EXPECT_THAT(html, HasSubstr("id=\"full_name\" name=\"full_name\" value=\"\" aria-required=\"true\" "
                              "aria-invalid=\"true\" aria-describedby=\"full_name-error\""));
  EXPECT_THAT(html, HasSubstr("<p class=\"field-error\" id=\"full_name-error\">"));
  EXPECT_THAT(html, HasSubstr("<p class=\"field-error\" id=\"birth_date-error\">"));
  EXPECT_THAT(html, HasSubstr("value=\"31/02/2020\""));
  EXPECT_THAT(html, HasSubstr("<a href=\"#birth_date\">Ngày sinh: Ngày không hợp lệ</a>"));
  EXPECT_THAT(html, HasSubstr("<option value=\"nu\" selected>Nữ</option>"));
  EXPECT_THAT(html, HasSubstr("novalidate"));
  EXPECT_THAT(html, Not(HasSubstr("id=\"code-error\"")));
}

TEST(PageViewTest, FlashErrorsAreAlerts) {
  EXPECT_EQ(FlashModel(FlashKind::kError, "x")["alert"], true);
  EXPECT_EQ(FlashModel(FlashKind::kInfo, "x")["kind"], "info");
}

TEST(PageViewTest, ProgressIsIndeterminateWithoutATotal) {
  Json running = ProgressModel("job", "/api/v1/jobs/7", 30, 120, "Đang nhập");
  EXPECT_EQ(running["percent"], 25);
  EXPECT_EQ(running["determinate"], true);
  EXPECT_EQ(ProgressModel("job", "/j", 5, 0, "")["determinate"], false);
}

TEST(PageViewTest, ErrorPagesNameTheirKind) {
  EXPECT_EQ(ErrorPageModel(404)["is_not_found"], true);
  EXPECT_EQ(ErrorPageModel(403)["is_forbidden"], true);
  EXPECT_EQ(ErrorPageModel(503)["is_server_error"], true);
  EXPECT_EQ(ErrorPageModel(422)["is_other"], true);
}

TEST(PageViewTest, ImportReportCountsErrorsAndRenders) {
  Json summary = Json::parse(R"({"kind":"people","rows":2,"created":0,"updated":0,
                                 "errors":[{"line":3,"column":"gender","reason":"Giới tính không hợp lệ"}]})");
  Json report = ImportReportModel(summary, "Cá nhân");
  EXPECT_EQ(report["error_count"], 1);
  Result<Renderer> renderer = Renderer::CreateEmbedded();
  ASSERT_TRUE(renderer.ok());
  std::string html = renderer->RenderPage("import", {{"report", report}});
  EXPECT_THAT(
      html, HasSubstr("<td class=\"num\">3</td><td><code>gender</code></td><td>Giới tính không hợp lệ</td>"));
  EXPECT_THAT(
      html,
      Not(HasSubstr("id=\"import-result\" aria-labelledby=\"import-result-title\" tabindex=\"-1\" hidden")));
}

}  // namespace
}  // namespace thidua::web
