#include "base/utf8.h"

#include <gtest/gtest.h>

namespace thidua {
namespace {

TEST(Utf8Test, AcceptsVietnameseAndRejectsMalformedBytes) {
  EXPECT_TRUE(IsValidUtf8("Nguyễn Văn Đức"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(Utf8Test, TrimsSpacesAndBom) {
  EXPECT_EQ(Trim("\xEF\xBB\xBF  abc \r\n"), "abc");
  EXPECT_EQ(Trim("   "), "");
}

}  // namespace
}  // namespace thidua
