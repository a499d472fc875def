#include "http/router.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace thidua::http {
namespace {

using ::testing::HasSubstr;

Handler Says(std::string text) {
  return [text](Request& request) {
    Response response;
    response.body = text;
    for (const auto& [name, value] : request.params) response.body += " " + name + "=" + value;
    return response;
  };
}

Request Make(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

Response Call(const Router& router, std::string method, std::string path) {
  Request request = Make(std::move(method), std::move(path));
  return router.Dispatch(request);
}

TEST(RouterTest, MatchesParamsAndPrefersLiteralSegments) {
  Router router;
  router.Add("GET", "/api/v1/people/{code}", Says("person"));
  router.Add("GET", "/api/v1/people/new", Says("new"));
  router.Add("GET", "/api/v1/people/{code}/awards", Says("awards"));
  EXPECT_EQ(Call(router, "GET", "/api/v1/people/P001").body, "person code=P001");
  EXPECT_EQ(Call(router, "GET", "/api/v1/people/new").body, "new");
  EXPECT_EQ(Call(router, "GET", "/api/v1/people/new/awards").body, "awards code=new");
  EXPECT_EQ(Call(router, "GET", "/api/v1/people/").status, 404u);
  EXPECT_EQ(Call(router, "GET", "/api/v1/people/P001/x").status, 404u);
}

TEST(RouterTest, AnswersUnknownPathWith404JsonUnderApiAndHtmlElsewhere) {
  Router router;
  Response api = Call(router, "GET", "/api/v1/nothing");
  EXPECT_EQ(api.status, 404u);
  EXPECT_EQ(api.content_type, "application/json");
  EXPECT_THAT(api.body, HasSubstr("\"code\":\"not_found\""));
  Response page = Call(router, "GET", "/khong-co");
  EXPECT_EQ(page.status, 404u);
  EXPECT_THAT(page.content_type, HasSubstr("text/html"));
  EXPECT_THAT(page.body, HasSubstr("Không tìm thấy trang"));
}

TEST(RouterTest, AnswersWrongMethodWith405AndAllow) {
  Router router;
  router.Add("GET", "/api/v1/units", Says("list"));
  router.Add("POST", "/api/v1/units", Says("create"));
  Response response = Call(router, "DELETE", "/api/v1/units");
  EXPECT_EQ(response.status, 405u);
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD, POST");
}

TEST(RouterTest, HeadFallsBackToGet) {
  Router router;
  router.Add("GET", "/", Says("home"));
  EXPECT_EQ(Call(router, "HEAD", "/").body, "home");
}

TEST(RouterTest, RestParameterTakesTheRemainingPath) {
  Router router;
  router.Add("GET", "/static/{path...}", Says("file"));
  EXPECT_EQ(Call(router, "GET", "/static/css/site.css").body, "file path=css/site.css");
  EXPECT_EQ(Call(router, "GET", "/static/").status, 404u);
}

TEST(RouterTest, RunsMiddlewareInOrderAroundTheHandler) {
  Router router;
  std::string trace;
  router.Use([&](Request& request, const Handler& next) {
    trace += "a<";
    Response response = next(request);
    trace += ">a";
    return response;
  });
  router.Use([&](Request& request, const Handler& next) {
    trace += "b<";
    if (request.path == "/blocked") return ErrorResponse(PermissionDenied("Không có quyền."));
    Response response = next(request);
    trace += ">b";
    return response;
  });
  router.Add("GET", "/x", [&](Request&) {
    trace += "h";
    return Response{};
  });
  router.Add("GET", "/blocked", Says("never"));
  Call(router, "GET", "/x");
  EXPECT_EQ(trace, "a<b<h>b>a");
  EXPECT_EQ(Call(router, "GET", "/blocked").status, 403u);
}

TEST(RouterTest, TurnsHandlerExceptionsInto500) {
  Router router;
  router.Add("GET", "/api/boom", [](Request&) -> Response { throw std::runtime_error("kaboom"); });
  Response response = Call(router, "GET", "/api/boom");
  EXPECT_EQ(response.status, 500u);
  EXPECT_THAT(response.body, HasSubstr("\"code\":\"internal\""));
  EXPECT_THAT(response.internal_message, HasSubstr("kaboom"));
}

TEST(RouterTest, ListsRoutesInOrderAdded) {
  Router router;
  router.Add("GET", "/a", Says("a"));
  router.Add("POST", "/b/{id}", Says("b"), {.max_body = 10});
  auto routes = router.Routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[1].method, "POST");
  EXPECT_EQ(routes[1].pattern, "/b/{id}");
  EXPECT_EQ(router.Match("POST", "/b/7").max_body, 10u);
}

}  // namespace
}  // namespace thidua::http
