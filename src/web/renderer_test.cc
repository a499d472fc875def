#include "web/renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "web/assets.h"
#include "web/list_view.h"
#include "web/page_view.h"

namespace thidua::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

Renderer Embedded() {
  Result<Renderer> renderer = Renderer::CreateEmbedded();
  EXPECT_TRUE(renderer.ok()) << renderer.status().message();
  return std::move(renderer).value();
}

Renderer FromFiles(const std::vector<EmbeddedFile>& files) {
  Result<Renderer> renderer = Renderer::Create(files);
  EXPECT_TRUE(renderer.ok()) << renderer.status().message();
  return std::move(renderer).value();
}

Json StaffModel() {
  return {{"title", "Cá nhân"},
          {"site", {{"department", "BAN THI ĐUA – KHEN THƯỞNG"}, {"province", "Hà Giang"}}},
          {"user", {{"name", "Trần Thị Bình"}, {"role_label", "Chuyên viên Ban TĐKT"}, {"unit_name", ""}}},
          {"csrf_token", "tok123"},
          {"nav",
           {{{"label", "Tổng quan"}, {"href", "/quan-ly/"}, {"active", false}, {"icon", "dashboard"}},
            {{"label", "Cá nhân"}, {"href", "/quan-ly/ca-nhan"}, {"active", true}, {"icon", "people"}}}},
          {"breadcrumbs",
           {{{"label", "Tổng quan"}, {"href", "/quan-ly/"}}, {{"label", "Cá nhân"}, {"href", ""}}}},
          {"flash",
           {FlashModel(FlashKind::kSuccess, "Đã lưu."), FlashModel(FlashKind::kError, "Không lưu được.")}}};
}

TEST(RendererTest, EmbeddedTemplatesAllParse) {
  Renderer renderer = Embedded();
  for (const char* page :
       {"home", "login", "dashboard", "units_list", "unit_tree", "unit_detail", "unit_form", "people_list",
        "person_detail", "person_form", "membership_form", "import", "audit_list", "error"}) {
    EXPECT_TRUE(renderer.HasPage(page)) << page;
    std::string html = renderer.RenderPage(page, Json::object());
    EXPECT_THAT(html, HasSubstr("</html>")) << page;
  }
  for (const char* partial :
       {"table", "filters", "pagination", "export_link", "form_field", "form_errors_summary", "progress",
        "tree", "timeline", "definition_list", "badge"}) {
    EXPECT_TRUE(renderer.HasFragment(partial)) << partial;
  }
}

TEST(RendererTest, PageGoesIntoTheLayoutWithTitleAndLanguage) {
  Renderer renderer = Embedded();
  Json model = {{"title", "Trang chủ"}, {"public", true}, {"site", {{"province", "Hà Giang"}}}};
  std::string html = renderer.RenderPage("home", model);
  EXPECT_THAT(html, HasSubstr("<html lang=\"vi\">"));
  EXPECT_THAT(html, HasSubstr("<title>Trang chủ – thidua</title>"));
  EXPECT_THAT(html, HasSubstr("BAN THI ĐUA – KHEN THƯỞNG"));
  EXPECT_THAT(html, HasSubstr("Sở Nội vụ tỉnh Hà Giang"));
  EXPECT_THAT(html, HasSubstr("href=\"/dang-nhap\""));
  EXPECT_THAT(html, HasSubstr("class=\"skip-link\" href=\"#main\""));
  EXPECT_THAT(html, Not(HasSubstr("sidenav")));
  EXPECT_THAT(html, Not(HasSubstr("style=")));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
}

TEST(RendererTest, StaffLayoutHasNavigationUserLogoutFlashAndBreadcrumbs) {
  Renderer renderer = Embedded();
  std::string html = renderer.RenderPage("dashboard", StaffModel());
  EXPECT_THAT(html, HasSubstr("<meta name=\"csrf-token\" content=\"tok123\">"));
  EXPECT_THAT(html,
              HasSubstr("class=\"sidenav__link is-active\" href=\"/quan-ly/ca-nhan\" aria-current=\"page\""));
  EXPECT_THAT(html, HasSubstr("Trần Thị Bình"));
  EXPECT_THAT(html, HasSubstr("Chuyên viên Ban TĐKT"));
  EXPECT_THAT(html, HasSubstr("action=\"/dang-xuat\""));
  EXPECT_THAT(html, HasSubstr("name=\"csrf_token\" value=\"tok123\""));
  EXPECT_THAT(html, HasSubstr("class=\"flash flash--success\" role=\"status\">Đã lưu."));
  EXPECT_THAT(html, HasSubstr("class=\"flash flash--error\" role=\"alert\">Không lưu được."));
  EXPECT_THAT(html, HasSubstr("<span aria-current=\"page\">Cá nhân</span>"));
  EXPECT_THAT(html, HasSubstr("Xin chào, Trần Thị Bình."));
}

TEST(RendererTest, EscapesScriptAndQuotesInNames) {
  Renderer renderer = Embedded();
  Json model = StaffModel();
  model["user"]["name"] = "<script>alert(\"x\")</script>";
  model["title"] = "O'Brien & \"Bình\"";
  std::string html = renderer.RenderPage("dashboard", model);
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("<title>O&apos;Brien &amp; &quot;Bình&quot; – thidua</title>"));
}

TEST(RendererTest, EscapesAttributeValuesInPartials) {
  Renderer renderer = Embedded();
  ListState state;
  state.sort = "name";
  std::vector<Row> rows = {{{{"\"><img src=x onerror=alert(1)>", "/quan-ly/ca-nhan/P1\"x", false, ""}}}};
  Json table =
      TableModel("/quan-ly/ca-nhan", state, {{"Họ và tên", "name", false}}, rows, "Cá nhân", "Không có");
  std::string html = renderer.RenderFragment("table", table);
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, HasSubstr("href=\"/quan-ly/ca-nhan/P1&quot;x\""));
  EXPECT_THAT(html, HasSubstr("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
}

TEST(RendererTest, TableMarksTheSortedColumnAndShowsEmptyText) {
  Renderer renderer = Embedded();
  ListState state;
  state.sort = "name";
  state.desc = true;
  Json table =
      TableModel("/p", state, {{"Mã", "code", false}, {"Họ và tên", "name", false}, {"Tuổi", "", true}}, {},
                 "Danh sách", "Không có bản ghi nào phù hợp.");
  std::string html = renderer.RenderFragment("table", table);
  EXPECT_THAT(html,
              HasSubstr("aria-sort=\"descending\"><a class=\"sort-link\" href=\"/p?sort=name&amp;dir=asc\">"
                        "Họ và tên</a>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\" class=\"num\">Tuổi</th>"));
  EXPECT_THAT(
      html, HasSubstr("<tr class=\"table-empty\"><td colspan=\"3\">Không có bản ghi nào phù hợp.</td></tr>"));
}

TEST(RendererTest, ModelKeysNamedLikePartialsDoNotShadowThem) {
  Renderer renderer = FromFiles({{"layout.mustache", "{{{content}}}"},
                                 {"pages/p.mustache", "[{{#table}}{{> table}}{{/table}}]"},
                                 {"partials/table.mustache", "T:{{caption}}"}});
  EXPECT_EQ(renderer.RenderPage("p", {{"table", {{"caption", "x"}}}}), "[T:x]");
}

TEST(RendererTest, ValuesFollowTheDocumentedTruthiness) {
  Renderer renderer =
      FromFiles({{"layout.mustache", "{{{content}}}"},
                 {"pages/p.mustache",
                  "{{#empty}}E{{/empty}}{{^empty}}e{{/empty}}|{{#zero}}{{zero}}{{/zero}}|"
                  "{{#nothing}}N{{/nothing}}|{{#has_items}}<{{#items}}{{.}}{{/items}}>{{/has_items}}|"
                  "{{#has_none}}X{{/has_none}}|{{ratio}}"}});
  Json model = {{"empty", ""},           {"zero", 0},   {"nothing", nullptr}, {"items", {"a", "b"}},
                {"none", Json::array()}, {"ratio", 1.5}};
  EXPECT_EQ(renderer.RenderPage("p", model), "e|0||<ab>||1.5");
}

TEST(RendererTest, AnEmptyNestedListDoesNotBorrowItsParentsFlag) {
  Renderer renderer =
      FromFiles({{"layout.mustache", "{{{content}}}"},
                 {"pages/p.mustache", "{{#nodes}}{{> node}}{{/nodes}}"},
                 {"partials/node.mustache",
                  "({{label}}{{#has_children}}:{{#children}}{{> node}}{{/children}}{{/has_children}})"}});
  Json model = {{"nodes", {{{"label", "a"}, {"children", {{{"label", "b"}, {"children", Json::array()}}}}}}}};
  EXPECT_EQ(renderer.RenderPage("p", model), "(a:(b))");
}

TEST(RendererTest, RecursivePartialsRenderDeeperThanTheyAreUnrolled) {
  Renderer renderer = Embedded();
  std::vector<TreeNode> nodes(1);
  TreeNode* node = &nodes[0];
  for (int depth = 0; depth < 15; ++depth) {
    node->label = "Cấp " + std::to_string(depth);
    node->href = "/u/" + std::to_string(depth);
    node->children.resize(1);
    node = &node->children[0];
  }
  node->label = "Lá";
  std::string html = renderer.RenderFragment("tree", TreeModel(nodes));
  EXPECT_THAT(html, HasSubstr(">Cấp 0</a>"));
  EXPECT_THAT(html, HasSubstr(">Cấp 14</a>"));
  EXPECT_THAT(html, HasSubstr(">Lá</a>"));
  EXPECT_THAT(html, HasSubstr("<details class=\"tree__branch\" open>"));
}

TEST(RendererTest, RejectsBrokenTemplateSets) {
  EXPECT_FALSE(Renderer::Create({{"pages/p.mustache", "x"}}).ok());
  Result<Renderer> unknown = Renderer::Create({{"layout.mustache", "{{> nope}}"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("nope"));
  Result<Renderer> unclosed = Renderer::Create({{"layout.mustache", "x"}, {"pages/p.mustache", "{{#a}}x"}});
  ASSERT_FALSE(unclosed.ok());
  EXPECT_THAT(unclosed.status().message(), HasSubstr("pages/p.mustache"));
}

TEST(RendererTest, UnknownPagesRenderNothing) {
  Renderer renderer = Embedded();
  EXPECT_FALSE(renderer.HasPage("nope"));
  EXPECT_EQ(renderer.RenderPage("nope", Json::object()), "");
  EXPECT_EQ(renderer.RenderFragment("nope", Json::object()), "");
}

TEST(RendererTest, ConcurrentRendersGiveTheSameHtml) {
  Renderer renderer = Embedded();
  Json model = StaffModel();
  ListState state;
  state.sort = "name";
  std::vector<Row> rows;
  for (int i = 0; i < 50; ++i) {
    rows.push_back(
        {{{"P" + std::to_string(i), "/p/" + std::to_string(i)}, {"Nguyễn Văn " + std::to_string(i)}}});
  }
  ListSpec spec{.base_path = "/quan-ly/ca-nhan", .columns = {{"Mã", "code"}, {"Họ và tên", "name"}}};
  model.update(ListPageModel(spec, state, rows, 1234));
  const std::string expected = renderer.RenderPage("people_list", model);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Renderer copy = renderer;  // copies share the parsed templates
      for (int i = 0; i < 50; ++i) {
        if (copy.RenderPage("people_list", model) != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(mismatches, ::testing::Each(0));
}

TEST(RendererTest, StaticFilesAreEmbeddedWithTheirTypes) {
  ASSERT_NE(FindStaticFile("css/app.css"), nullptr);
  ASSERT_NE(FindStaticFile("js/app.js"), nullptr);
  ASSERT_NE(FindStaticFile("favicon.svg"), nullptr);
  EXPECT_EQ(FindStaticFile("nope.css"), nullptr);
  EXPECT_EQ(StaticContentType("css/app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticContentType("img/icons.svg"), "image/svg+xml");
}

}  // namespace
}  // namespace thidua::web
