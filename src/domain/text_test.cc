#include "domain/text.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace thidua::domain {
namespace {

TEST(SearchKeyTest, FoldsCaseDiacriticsAndDStroke) {
  EXPECT_EQ(SearchKey("Nguyễn Văn Đức"), "nguyen van duc");
  EXPECT_EQ(SearchKey("THI ĐUA – KHEN THƯỞNG"), "thi dua khen thuong");
  EXPECT_EQ(SearchKey("  Sở  Nội vụ, tỉnh "), "so noi vu tinh");
  EXPECT_EQ(SearchKey("P0001"), "p0001");
  EXPECT_EQ(SearchKey("đ"), "d");
}

TEST(SearchKeyTest, DecomposedInputFoldsLikeComposed) {
  // "Việt" typed with combining marks (NFD) folds exactly like the precomposed form.
  EXPECT_EQ(SearchKey("Vi\xE1\xBA\xBFt"), SearchKey("Vie\xCC\x82\xCC\x81t"));
}

TEST(NameSortKeyTest, SortsByGivenNameThenFamily) {
  std::vector<std::string> names = {"Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Ánh", "Phạm Đức Anh",
                                    "Nguyễn Văn Đông", "Bùi Thị Dung", "Võ An"};
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return NameSortKey(a) < NameSortKey(b); });
  std::vector<std::string> expected = {"Nguyễn Thị An", "Võ An", "Phạm Đức Anh", "Lê Văn Ánh",
                                       "Trần Văn Bình", "Bùi Thị Dung", "Nguyễn Văn Đông"};
  EXPECT_EQ(names, expected);
}

TEST(NameSortKeyTest, DStrokeSortsAfterD) {
  EXPECT_LT(TextSortKey("Dung"), TextSortKey("Đông"));
  EXPECT_LT(TextSortKey("Đông"), TextSortKey("Em"));
}

}  // namespace
}  // namespace thidua::domain
