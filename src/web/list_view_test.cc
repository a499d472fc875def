#include "web/list_view.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace thidua::web {
namespace {

using Json = nlohmann::json;
using Query = std::multimap<std::string, std::string>;

ListState Parse(const Query& query, std::string default_sort = "name") {
  return ParseListState(query, {"name", "code", "at"}, std::move(default_sort), {"unit", "gender"});
}

TEST(ParseListStateTest, DefaultsWhenTheQueryIsEmpty) {
  ListState state = Parse({});
  EXPECT_EQ(state.q, "");
  EXPECT_EQ(state.sort, "name");
  EXPECT_FALSE(state.desc);
  EXPECT_EQ(state.page, 1);
  EXPECT_EQ(state.per_page, 50);
  EXPECT_TRUE(state.filters.empty());
  EXPECT_EQ(state.Offset(), 0);
}

TEST(ParseListStateTest, ClampsPageAndSnapsPerPage) {
  EXPECT_EQ(Parse({{"page", "0"}}).page, 1);
  EXPECT_EQ(Parse({{"page", "-3"}}).page, 1);
  EXPECT_EQ(Parse({{"page", "abc"}}).page, 1);
  EXPECT_EQ(Parse({{"page", "99999999999999"}}).page, kMaxPage);
  EXPECT_EQ(Parse({{"page", "7"}}).page, 7);
  EXPECT_EQ(Parse({{"per_page", "20"}}).per_page, 20);
  EXPECT_EQ(Parse({{"per_page", "1"}}).per_page, 20);
  EXPECT_EQ(Parse({{"per_page", "60"}}).per_page, 50);
  EXPECT_EQ(Parse({{"per_page", "100000"}}).per_page, 100);
  EXPECT_EQ(Parse({{"per_page", "x"}}).per_page, 50);
  ListState state = Parse({{"page", "3"}, {"per_page", "20"}});
  EXPECT_EQ(state.Offset(), 40);
}

TEST(ParseListStateTest, UnknownSortFallsBackToTheDefault) {
  ListState state = Parse({{"sort", "password_hash"}, {"dir", "desc"}});
  EXPECT_EQ(state.sort, "name");
  EXPECT_TRUE(state.desc);
  EXPECT_EQ(Parse({{"sort", "code"}}).sort, "code");
  EXPECT_FALSE(Parse({{"sort", "code"}, {"dir", "sideways"}}).desc);
}

TEST(ParseListStateTest, ADashedDefaultSortsDescendingUnlessTheUrlSaysOtherwise) {
  EXPECT_TRUE(Parse({}, "-at").desc);
  EXPECT_EQ(Parse({}, "-at").sort, "at");
  EXPECT_FALSE(Parse({{"dir", "asc"}}, "-at").desc);
  EXPECT_FALSE(Parse({{"sort", "name"}}, "-at").desc);
}

TEST(ParseListStateTest, KeepsOnlyKnownNonEmptyFiltersAndTrimsText) {
  ListState state = Parse({{"q", "  nguyen van  "}, {"unit", " SGD "}, {"gender", ""}, {"role", "admin"}});
  EXPECT_EQ(state.q, "nguyen van");
  EXPECT_EQ(state.filters, (std::map<std::string, std::string>{{"unit", "SGD"}}));
}

TEST(ParseListStateTest, DropsInvalidUtf8AndCutsLongTextOnACharacterBoundary) {
  EXPECT_EQ(Parse({{"q", "\xff\xfe"}}).q, "");
  std::string long_q;
  for (int i = 0; i < 150; ++i) long_q += "đ";  // two bytes each
  std::string q = Parse({{"q", long_q}}).q;
  EXPECT_LE(q.size(), kMaxQueryBytes);
  EXPECT_EQ(q.size() % 2, 0u);
  EXPECT_EQ(q.substr(0, 2), "đ");
}

TEST(ParseListStateTest, TheFirstOfRepeatedParametersWins) {
  EXPECT_EQ(Parse({{"q", "a"}, {"q", "b"}}).q, "a");
}

TEST(ListHrefTest, KeepsEveryPieceOfStateAndEncodesIt) {
  ListState state = Parse({{"q", "Nguyễn Văn"},
                           {"unit", "A&B=1"},
                           {"sort", "code"},
                           {"dir", "desc"},
                           {"per_page", "20"},
                           {"page", "3"}});
  EXPECT_EQ(
      ListHref("/quan-ly/ca-nhan", state),
      "/quan-ly/ca-nhan?q=Nguy%E1%BB%85n%20V%C4%83n&unit=A%26B%3D1&sort=code&dir=desc&per_page=20&page=3");
}

TEST(ListHrefTest, LeavesOutDefaults) {
  ListState state;
  EXPECT_EQ(ListHref("/x", state), "/x");
  state.sort = "name";
  EXPECT_EQ(ListHref("/x", state), "/x?sort=name&dir=asc");
}

TEST(ListHrefTest, ChangingSortOrFiltersGoesBackToTheFirstPage) {
  ListState state = Parse({{"q", "an"}, {"page", "4"}});
  EXPECT_EQ(ListHref("/x", state, {.sort = "code"}), "/x?q=an&sort=code&dir=asc");
  EXPECT_EQ(ListHref("/x", state, {.page = 5}), "/x?q=an&sort=name&dir=asc&page=5");
  EXPECT_EQ(ListHref("/x", state, {.per_page = 100}), "/x?q=an&sort=name&dir=asc&per_page=100");
  EXPECT_EQ(ListHref("/x", state, {.filters = {{"unit", "U1"}}}), "/x?q=an&unit=U1&sort=name&dir=asc");
  EXPECT_EQ(ListHref("/x", state, {.q = ""}), "/x?sort=name&dir=asc");
}

TEST(PercentEncodeTest, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("aZ09-._~"), "aZ09-._~");
  EXPECT_EQ(PercentEncode("a b+c/?#&="), "a%20b%2Bc%2F%3F%23%26%3D");
  EXPECT_EQ(PercentEncode("đ"), "%C4%91");
}

TEST(FormatCountTest, GroupsThousandsWithDots) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1.000");
  EXPECT_EQ(FormatCount(1234567), "1.234.567");
  EXPECT_EQ(FormatCount(-45000), "-45.000");
}

TEST(TableModelTest, SortLinksToggleOnTheSortedColumnOnly) {
  ListState state = Parse({{"q", "an"}, {"sort", "name"}, {"page", "2"}});
  Json table =
      TableModel("/x", state, {{"Mã", "code"}, {"Họ và tên", "name"}, {"Đơn vị", ""}}, {}, "", "Trống");
  EXPECT_EQ(table["columns"][0]["sort_href"], "/x?q=an&sort=code&dir=asc");
  EXPECT_EQ(table["columns"][0]["aria_sort"], "");
  EXPECT_EQ(table["columns"][1]["sort_href"], "/x?q=an&sort=name&dir=desc");
  EXPECT_EQ(table["columns"][1]["sort_dir"], "asc");
  EXPECT_EQ(table["columns"][1]["aria_sort"], "ascending");
  EXPECT_EQ(table["columns"][2]["sort_href"], "");
  EXPECT_EQ(table["column_count"], 3);
}

TEST(TableModelTest, CellsCarryTheirColumnsAlignment) {
  ListState state;
  Json table = TableModel("/x", state, {{"Tên", ""}, {"Số", "", true}},
                          {{{{"An", "/a"}, {"12", "", false, ""}}}}, "", "");
  EXPECT_EQ(table["rows"][0]["cells"][0]["href"], "/a");
  EXPECT_EQ(table["rows"][0]["cells"][0]["numeric"], false);
  EXPECT_EQ(table["rows"][0]["cells"][1]["numeric"], true);
}

std::vector<std::string> PageLabels(const Json& pagination) {
  std::vector<std::string> labels;
  for (const Json& page : pagination["pages"]) {
    if (page["ellipsis"].get<bool>()) {
      labels.push_back("…");
    } else {
      labels.push_back(std::to_string(page["number"].get<int>()) + (page["current"].get<bool>() ? "*" : ""));
    }
  }
  return labels;
}

TEST(PaginationModelTest, ShowsFirstLastAndNeighboursWithEllipses) {
  ListState state = Parse({{"page", "10"}, {"per_page", "20"}});
  Json p = PaginationModel("/x", state, 1000);  // 50 pages
  EXPECT_THAT(PageLabels(p), ::testing::ElementsAre("1", "…", "8", "9", "10*", "11", "12", "…", "50"));
  EXPECT_EQ(p["from"], "181");
  EXPECT_EQ(p["to"], "200");
  EXPECT_EQ(p["total"], "1.000");
  EXPECT_EQ(p["prev_href"], "/x?sort=name&dir=asc&per_page=20&page=9");
  EXPECT_EQ(p["next_href"], "/x?sort=name&dir=asc&per_page=20&page=11");
}

TEST(PaginationModelTest, AGapOfOnePageShowsThePageInsteadOfAnEllipsis) {
  ListState state = Parse({{"page", "4"}});
  EXPECT_THAT(PageLabels(PaginationModel("/x", state, 50 * 7)),
              ::testing::ElementsAre("1", "2", "3", "4*", "5", "6", "7"));
}

TEST(PaginationModelTest, FirstAndOnlyPages) {
  ListState state;
  Json one = PaginationModel("/x", state, 12);
  EXPECT_TRUE(one["pages"].empty());
  EXPECT_EQ(one["prev_href"], "");
  EXPECT_EQ(one["next_href"], "");
  EXPECT_EQ(one["from"], "1");
  EXPECT_EQ(one["to"], "12");
  Json none = PaginationModel("/x", state, 0);
  EXPECT_TRUE(none["empty"].get<bool>());
  EXPECT_EQ(none["from"], "0");
  EXPECT_EQ(none["per_page_options"].size(), 3u);
  EXPECT_EQ(none["per_page_options"][1]["current"], true);
  EXPECT_EQ(none["per_page_options"][2]["href"], "/x?per_page=100");
}

TEST(PaginationModelTest, APagePastTheEndLinksBackToTheLastPage) {
  ListState state = Parse({{"page", "9"}});
  Json p = PaginationModel("/x", state, 120);  // 3 pages
  EXPECT_TRUE(p["empty"].get<bool>());
  EXPECT_EQ(p["prev_href"], "/x?sort=name&dir=asc&page=3");
  EXPECT_EQ(p["next_href"], "");
}

TEST(FiltersModelTest, KeepsSortAndPageSizeButNotThePage) {
  ListState state =
      Parse({{"q", "an"}, {"unit", "U2"}, {"sort", "code"}, {"per_page", "100"}, {"page", "3"}});
  Json f = FiltersModel("/x", state, {{"unit", "Đơn vị", {{"U1", "Một"}, {"U2", "Hai"}}}});
  EXPECT_EQ(f["q"], "an");
  EXPECT_EQ(f["selects"][0]["options"][0]["selected"], false);
  EXPECT_EQ(f["selects"][0]["options"][1]["selected"], true);
  EXPECT_EQ(f["hidden"], Json::parse(R"([{"name":"sort","value":"code"},{"name":"dir","value":"asc"},
                                         {"name":"per_page","value":"100"}])"));
  EXPECT_EQ(f["reset_href"], "/x");
}

TEST(ExportHrefTest, KeepsSearchFiltersAndSortButNoPaging) {
  ListState state = Parse({{"q", "an"}, {"gender", "nu"}, {"page", "3"}, {"per_page", "20"}});
  EXPECT_EQ(ExportHref("/x/xuat.xlsx", state), "/x/xuat.xlsx?q=an&gender=nu&sort=name&dir=asc");
  EXPECT_EQ(ExportHref("/x?format=xlsx", state), "/x?format=xlsx&q=an&gender=nu&sort=name&dir=asc");
}

TEST(ListPageModelTest, BuildsEveryListPartial) {
  ListSpec spec{.base_path = "/x", .export_path = "/x/xuat.xlsx", .columns = {{"Tên", "name"}}};
  Json model = ListPageModel(spec, Parse({}), {}, 0);
  EXPECT_TRUE(model.contains("filters"));
  EXPECT_TRUE(model.contains("table"));
  EXPECT_TRUE(model.contains("pagination"));
  EXPECT_EQ(model["export_href"], "/x/xuat.xlsx?sort=name&dir=asc");
  EXPECT_EQ(model["table"]["empty_text"], "Không có bản ghi nào phù hợp.");
}

}  // namespace
}  // namespace thidua::web
