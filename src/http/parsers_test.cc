#include "http/parsers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace thidua::http {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(ParseQueryTest, DecodesPlusAndPercentEscapesAndKeepsRepeatedNames) {
  QueryMap query = ParseQuery("q=thi+%C4%91ua&page=2&tag=a&tag=b&flag");
  EXPECT_THAT(query, ElementsAre(Pair("flag", ""), Pair("page", "2"), Pair("q", "thi đua"), Pair("tag", "a"),
                                 Pair("tag", "b")));
}

TEST(ParseQueryTest, KeepsBadEscapesLiterallyAndReplacesInvalidUtf8) {
  QueryMap query = ParseQuery("a=100%&b=%zz&c=%FF&&=x");
  EXPECT_EQ(query.find("a")->second, "100%");
  EXPECT_EQ(query.find("b")->second, "%zz");
  EXPECT_EQ(query.find("c")->second, "\xEF\xBF\xBD");
  EXPECT_EQ(query.find("")->second, "x");
}

TEST(ParseFormTest, DecodesUrlencodedBody) {
  Result<QueryMap> form = ParseForm("full_name=Nguy%E1%BB%85n+V%C4%83n+An&unit_code=U01");
  ASSERT_TRUE(form.ok());
  EXPECT_THAT(*form, ElementsAre(Pair("full_name", "Nguyễn Văn An"), Pair("unit_code", "U01")));
}

TEST(ParseFormTest, RejectsBadPercentEscapes) {
  EXPECT_FALSE(ParseForm("a=%4").ok());
  EXPECT_FALSE(ParseForm("a=%G1").ok());
  EXPECT_EQ(ParseForm("a=%").status().code(), Code::kInvalidArgument);
}

TEST(ParseFormTest, RejectsInvalidUtf8AndTooManyFields) {
  EXPECT_FALSE(ParseForm("a=%C3%28").ok());
  EXPECT_FALSE(ParseForm("a=1&b=2&c=3", /*max_fields=*/2).ok());
  EXPECT_TRUE(ParseForm("a=1&b=2", /*max_fields=*/2).ok());
}

TEST(ParseTargetTest, SplitsOriginFormAndDecodesPath) {
  Result<Target> target = ParseTarget("/tin-tuc/thi%20%C4%91ua?page=2#frag");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->path, "/tin-tuc/thi đua");
  EXPECT_THAT(target->query, ElementsAre(Pair("page", "2")));
}

TEST(ParseTargetTest, AcceptsAbsoluteForm) {
  Result<Target> target = ParseTarget("http://example.com/a/b?x=1");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->path, "/a/b");
  EXPECT_EQ(target->query.find("x")->second, "1");
  Result<Target> bare = ParseTarget("http://example.com");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->path, "/");
}

TEST(ParseTargetTest, RejectsBadPaths) {
  EXPECT_FALSE(ParseTarget("*").ok());
  EXPECT_FALSE(ParseTarget("/%FF").ok());          // not UTF-8
  EXPECT_FALSE(ParseTarget("/a%2").ok());          // bad escape
  EXPECT_FALSE(ParseTarget("/a%00b").ok());        // NUL
  EXPECT_FALSE(ParseTarget("/static/../x").ok());  // dot segment
  EXPECT_FALSE(ParseTarget("/static/%2e%2e/x").ok());
  EXPECT_FALSE(ParseTarget("ftp://example.com/").ok());
}

TEST(ParseCookiesTest, TakesFirstOccurrenceAndStripsQuotes) {
  auto cookies = ParseCookies(" sid=abc; theme=\"dark\"; sid=other; junk; =x");
  EXPECT_THAT(cookies, ElementsAre(Pair("sid", "abc"), Pair("theme", "dark")));
  EXPECT_EQ(FindCookie("a=1; b=2", "b"), "2");
  EXPECT_EQ(FindCookie("a=1; b=2", "c"), std::nullopt);
}

TEST(SetCookieHeaderTest, WritesAttributes) {
  CookieOptions options;
  options.max_age = std::chrono::hours(1);
  options.secure = true;
  options.same_site = "Strict";
  EXPECT_EQ(SetCookieHeader("sid", "ab12", options),
            "sid=ab12; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
  EXPECT_EQ(SetCookieHeader("sid", "", {.max_age = std::chrono::seconds(-5)}),
            "sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
}

constexpr std::string_view kMultipartType = "multipart/form-data; boundary=----b0undary";

TEST(ParseMultipartTest, ReadsFieldsAndFiles) {
  std::string body =
      "preamble\r\n"
      "------b0undary\r\n"
      "Content-Disposition: form-data; name=\"title\"\r\n"
      "\r\n"
      "Báo cáo\r\n"
      "------b0undary\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\docs\\bao-cao.csv\"\r\n"
      "Content-Type: text/csv\r\n"
      "\r\n"
      "a,b\r\n1,2\r\n"
      "------b0undary--\r\n";
  auto parts = ParseMultipart(body, kMultipartType);
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_EQ((*parts)[0].data, "Báo cáo");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].filename, "bao-cao.csv");
  EXPECT_EQ((*parts)[1].content_type, "text/csv");
  EXPECT_EQ((*parts)[1].data, "a,b\r\n1,2");
}

TEST(ParseMultipartTest, ReadsQuotedBoundaryAndExtendedFilename) {
  std::string body =
      "--x y\r\n"
      "content-disposition: form-data; name=f; filename*=UTF-8''b%C3%A1o.pdf\r\n"
      "\r\n"
      "%PDF\r\n"
      "--x y--";
  auto parts = ParseMultipart(body, "Multipart/Form-Data; boundary=\"x y\"");
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].filename, "báo.pdf");
  EXPECT_EQ((*parts)[0].data, "%PDF");
}

TEST(ParseMultipartTest, RejectsMalformedBodies) {
  const std::string part = "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
  EXPECT_FALSE(ParseMultipart(part + "------b0undary--", "text/plain").ok());
  EXPECT_FALSE(ParseMultipart(part + "------b0undary--", "multipart/form-data").ok());
  EXPECT_FALSE(ParseMultipart(part, kMultipartType).ok());  // no final delimiter
  EXPECT_FALSE(ParseMultipart("------b0undary\r\nContent-Type: text/plain\r\n\r\nx\r\n------b0undary--",
                              kMultipartType)
                   .ok());  // no name
  EXPECT_TRUE(ParseMultipart(part + part + "------b0undary--", kMultipartType).ok());
  EXPECT_FALSE(ParseMultipart(part + part + "------b0undary--", kMultipartType, {.max_parts = 1}).ok());
}

}  // namespace
}  // namespace thidua::http
