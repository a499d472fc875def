#include "http/response.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/request.h"

namespace thidua::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(HttpStatusForTest, MapsEveryCode) {
  EXPECT_EQ(HttpStatusFor(Code::kInvalidArgument), 422u);
  EXPECT_EQ(HttpStatusFor(Code::kNotFound), 404u);
  EXPECT_EQ(HttpStatusFor(Code::kAlreadyExists), 409u);
  EXPECT_EQ(HttpStatusFor(Code::kFailedPrecondition), 409u);
  EXPECT_EQ(HttpStatusFor(Code::kPermissionDenied), 403u);
  EXPECT_EQ(HttpStatusFor(Code::kUnauthenticated), 401u);
  EXPECT_EQ(HttpStatusFor(Code::kResourceExhausted), 429u);
  EXPECT_EQ(HttpStatusFor(Code::kUnavailable), 503u);
  EXPECT_EQ(HttpStatusFor(Code::kInternal), 500u);
}

TEST(ErrorResponseTest, CarriesCodeMessageAndFields) {
  Status status = InvalidArgument("Dữ liệu không hợp lệ.");
  status.WithField("birth_date", "Ngày sinh không hợp lệ.");
  Response response = ErrorResponse(status);
  EXPECT_EQ(response.status, 422u);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(
      response.body,
      "{\"error\":{\"code\":\"invalid_argument\",\"fields\":{\"birth_date\":\"Ngày sinh không hợp lệ.\"},"
      "\"message\":\"Dữ liệu không hợp lệ.\"}}");
}

TEST(ErrorResponseTest, HidesInternalMessages) {
  Response response = ErrorResponse(Internal("sqlite: disk I/O error"));
  EXPECT_EQ(response.status, 500u);
  EXPECT_THAT(response.body, HasSubstr("Lỗi hệ thống, vui lòng thử lại."));
  EXPECT_THAT(response.body, Not(HasSubstr("sqlite")));
  EXPECT_THAT(response.internal_message, HasSubstr("sqlite: disk I/O error"));
  EXPECT_EQ(ErrorResponse(Unavailable("pool exhausted")).status, 503u);
}

TEST(ResponseTest, SetHeaderReplacesCaseInsensitively) {
  Response response;
  response.SetHeader("X-A", "1");
  response.SetHeader("x-a", "2");
  response.AddHeader("Set-Cookie", "a=1");
  response.AddHeader("Set-Cookie", "b=2");
  response.SetHeader("content-type", "text/plain");
  EXPECT_EQ(response.Header("X-A"), "2");
  EXPECT_EQ(response.headers.size(), 3u);
  EXPECT_EQ(response.content_type, "text/plain");
}

TEST(ResponseTest, HtmlErrorPageEscapesTheMessage) {
  Response response = HtmlErrorPage(400, "<script>");
  EXPECT_THAT(response.body, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(response.body, Not(HasSubstr("<script>")));
}

TEST(ResponseTest, RedirectSetsLocation) {
  Response response = Redirect("/dang-nhap");
  EXPECT_EQ(response.status, 303u);
  EXPECT_EQ(response.Header("Location"), "/dang-nhap");
}

TEST(RequestTest, ReadsHeadersQueryAndCookies) {
  Request request;
  request.headers = {{"Content-Type", "text/csv"}, {"Cookie", "a=1; sid=xyz"}, {"cookie", "sid=later; b=2"}};
  request.query = {{"q", "first"}, {"q", "second"}};
  EXPECT_EQ(request.Header("content-type"), "text/csv");
  EXPECT_EQ(request.Header("X-Missing"), "");
  EXPECT_EQ(request.Query("q"), "first");
  EXPECT_EQ(request.Query("none"), "");
  EXPECT_EQ(request.Cookie("sid"), "xyz");
  EXPECT_EQ(request.Cookie("b"), "2");
  EXPECT_EQ(request.Cookie("zzz"), "");
}

}  // namespace
}  // namespace thidua::http
