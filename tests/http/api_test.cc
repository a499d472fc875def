// End-to-end tests of the foundation through real HTTP: the application as serve.cc composes it
// (services, embedded templates, RegisterApp, Server on 127.0.0.1:0) over a fresh database, and
// a small blocking client over plain sockets. Runs on SQLite, and on PostgreSQL when
// THIDUA_TEST_PG_URL names a server.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "../service/test_db.h"
#include "../service/test_services.h"
#include "base/clock.h"
#include "base/crypto.h"
#include "http/handlers/app.h"
#include "http/server.h"
#include "render/table_reader.h"
#include "render/xlsx_writer.h"
#include "render/zip_test_util.h"
#include "service/services.h"
#include "web/renderer.h"

namespace thidua {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;
using Headers = std::vector<std::pair<std::string, std::string>>;

// 2026-11-27 10:00 in Hà Nội.
constexpr int64_t kNow = 1795748400000;
constexpr char kPassword[] = "mat-khau-dai";
constexpr char kJson[] = "application/json";
constexpr char kXlsx[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// A Vietnamese sentence: not empty, and with the diacritics an English one would lack.
bool Vietnamese(const std::string& text) {
  return !text.empty() &&
         std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

struct Reply {
  int status = 0;
  Headers headers;
  std::string body;

  std::string Header(std::string_view name) const {
    for (const auto& [field, value] : headers) {
      if (SameName(field, name)) return value;
    }
    return "";
  }
  json Json() const { return json::parse(body, nullptr, /*allow_exceptions=*/false); }
  // error.message, or "" when the body is not an API error.
  std::string ErrorMessage() const {
    json j = Json();
    return j.is_object() && j.contains("error") ? j["error"].value("message", "") : "";
  }
  std::string ErrorField(const std::string& field) const {
    json j = Json();
    if (!j.is_object() || !j.contains("error") || !j["error"].contains("fields")) return "";
    return j["error"]["fields"].value(field, "");
  }
};

// One request per connection ("Connection: close"); the whole response is read until EOF.
Reply Exchange(uint16_t port, const std::string& request) {
  Reply reply;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  timeval timeout{20, 0};  // a safety net: a broken server fails the test instead of hanging it
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return reply;
  }
  std::string_view data = request;
  while (!data.empty()) {
    ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent <= 0) break;  // the server may answer (413) before reading everything
    data.remove_prefix(static_cast<size_t>(sent));
  }
  std::string raw;
  char chunk[16384];
  ssize_t n;
  while ((n = ::recv(fd, chunk, sizeof chunk, 0)) > 0) raw.append(chunk, static_cast<size_t>(n));
  ::close(fd);
  size_t end = raw.find("\r\n\r\n");
  if (end == std::string::npos) return reply;
  std::istringstream lines(raw.substr(0, end));
  std::string line, version;
  std::getline(lines, line);
  std::istringstream(line) >> version >> reply.status;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    size_t value = line.find_first_not_of(' ', colon + 1);
    reply.headers.emplace_back(line.substr(0, colon), value == std::string::npos ? "" : line.substr(value));
  }
  reply.body = raw.substr(end + 4);
  std::string length = reply.Header("Content-Length");
  if (!length.empty() && reply.body.size() > std::stoul(length)) reply.body.resize(std::stoul(length));
  return reply;
}

// Credentials as a client sends them.
struct Session {
  std::string token;
  std::string csrf;
  std::string cookie;  // the thidua_session cookie's value from Set-Cookie

  Headers Bearer() const { return {{"Authorization", "Bearer " + token}}; }
  Headers Cookie(bool with_csrf) const {
    Headers headers = {{"Cookie", "thidua_session=" + cookie}};
    if (with_csrf) headers.emplace_back("X-CSRF-Token", csrf);
    return headers;
  }
};

class ApiTest : public ::testing::TestWithParam<store::Engine> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    if (!testing::EngineAvailable(GetParam()))
      GTEST_SKIP() << "no PostgreSQL server (set THIDUA_TEST_PG_URL)";
    test_db_ = testing::TestDb::Create(GetParam());
    ASSERT_TRUE(test_db_);
    services_ = testing::MakeServices(test_db_->db(), clock_);
    Result<web::Renderer> renderer = web::Renderer::CreateEmbedded();
    ASSERT_TRUE(renderer.ok()) << renderer.status().message();
    renderer_ = std::make_unique<web::Renderer>(std::move(renderer).value());
    deps_ = std::make_unique<http::AppDeps>(http::AppDeps{*services_, *renderer_, {}});
    deps_->site.db_engine = store::EngineName(test_db_->db().engine());
    http::RegisterApp(router_, *deps_);
    http::ServerOptions options;
    options.port = 0;
    options.worker_threads = 2;
    options.access_log_path = ::testing::TempDir() + "thidua_api_test_access.log";
    options.on_shutdown = [this] { services_->jobs.Shutdown(); };
    server_ = std::make_unique<http::Server>(options, router_);
    Status started = server_->Start();
    ASSERT_TRUE(started.ok()) << started.message();
    Seed();
    ready_ = !HasFatalFailure();
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (!ready_) return;
    // Whatever a test did, the audit chain still verifies.
    Result<store::audit::VerifyResult> verified = services_->audit.Verify();
    ASSERT_TRUE(verified.ok()) << verified.status().message();
    EXPECT_TRUE(verified->ok) << verified->problem;
  }

  void Seed() {
    service::Actor system = service::Actor::System();
    for (domain::RawFields unit : std::vector<domain::RawFields>{
             {{"code", "ROOT"}, {"name", "UBND tỉnh Thanh Lâm"}, {"kind", "ubnd_tinh"}},
             {{"code", "A"},
              {"name", "Sở Giáo dục và Đào tạo"},
              {"kind", "so_ban_nganh"},
              {"parent_code", "ROOT"}},
             {{"code", "A1"},
              {"name", "Trường THPT Lê Lợi"},
              {"kind", "don_vi_su_nghiep"},
              {"parent_code", "A"}},
             {{"code", "B"}, {"name", "Sở Y tế"}, {"kind", "so_ban_nganh"}, {"parent_code", "ROOT"}}}) {
      auto created = services_->units.Create(system, unit);
      ASSERT_TRUE(created.ok()) << created.status().message();
    }
    for (auto [code, name, unit] :
         {std::tuple{"P1", "Đặng Văn Đức", "A1"}, std::tuple{"P2", "Nguyễn Thị Ánh", "B"},
          std::tuple{"P3", "Trần Văn An", "A"}}) {
      auto created = services_->people.Create(system, {{"code", code},
                                                       {"full_name", name},
                                                       {"gender", "nam"},
                                                       {"birth_date", "1985-04-12"},
                                                       {"unit_code", unit},
                                                       {"position", "Giáo viên"},
                                                       {"recruited_on", "2010-09-01"}});
      ASSERT_TRUE(created.ok()) << created.status().message();
    }
    for (service::NewUserRequest user :
         {service::NewUserRequest{"vanphong", "Lê Thị Lan", "office", "", kPassword},
          service::NewUserRequest{"donvi", "Phạm Văn Hùng", "unit_officer", "A", kPassword}}) {
      auto created = services_->auth.CreateUser(system, user);
      ASSERT_TRUE(created.ok()) << created.status().message();
    }
  }

  Reply Send(const std::string& method, const std::string& target, const std::string& body = "",
             const Headers& headers = {}, const std::string& content_type = kJson) {
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    if (!body.empty() || method == "POST" || method == "PATCH") {
      request +=
          "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    }
    return Exchange(server_->port(), request + "\r\n" + body);
  }
  Reply Get(const std::string& target, const Headers& headers = {}) {
    return Send("GET", target, "", headers);
  }

  Reply LoginReply(const std::string& username, const std::string& password) {
    return Send("POST", "/api/v1/auth/login", json{{"username", username}, {"password", password}}.dump());
  }
  Session Login(const std::string& username) {
    Reply reply = LoginReply(username, kPassword);
    EXPECT_EQ(reply.status, 200) << reply.body;
    json body = reply.Json();
    Session session;
    if (!body.is_object()) return session;
    session.token = body.value("token", "");
    session.csrf = body.value("csrf_token", "");
    std::string set_cookie = reply.Header("Set-Cookie");
    std::string prefix = "thidua_session=";
    if (set_cookie.rfind(prefix, 0) == 0)
      session.cookie = set_cookie.substr(prefix.size(), set_cookie.find(';') - prefix.size());
    return session;
  }
  Session Office() { return Login("vanphong"); }
  Session Officer() { return Login("donvi"); }

  // A person as the office sees it (null when not found).
  json PersonAsOffice(const std::string& code) {
    Reply reply = Get("/api/v1/people/" + code, office_.Bearer());
    return reply.status == 200 ? reply.Json() : json(nullptr);
  }
  int64_t Total(const std::string& collection) {
    json body = Get("/api/v1/" + collection, office_.Bearer()).Json();
    return body.is_object() ? body.value("total", int64_t{-1}) : -1;
  }
  // The number of audit rows (every write appends one).
  size_t AuditRows() {
    json body = Get("/api/v1/audit?per_page=500", office_.Bearer()).Json();
    if (!body.is_object() || !body["items"].is_array()) return 0;
    return body.contains("total") ? body["total"].get<size_t>() : body["items"].size();
  }
  // What "nothing was written" compares: people, units and the audit log.
  std::tuple<int64_t, int64_t, size_t> Snapshot() { return {Total("people"), Total("units"), AuditRows()}; }

  FakeClock clock_{kNow};
  std::unique_ptr<testing::TestDb> test_db_;
  std::unique_ptr<service::Services> services_;
  std::unique_ptr<web::Renderer> renderer_;
  std::unique_ptr<http::AppDeps> deps_;
  http::Router router_;
  std::unique_ptr<http::Server> server_;
  bool ready_ = false;
  Session office_;
};

// Fixture variant that has already signed the office user in.
class ApiWriteTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || !ready_) return;
    office_ = Office();
    before_ = Snapshot();
    ASSERT_GT(std::get<2>(before_), 0u);
  }
  void ExpectNothingWritten() { EXPECT_EQ(Snapshot(), before_); }
  std::tuple<int64_t, int64_t, size_t> before_;
};

#define REQUIRE_READY() \
  if (!ready_) return

TEST_P(ApiTest, HealthzNamesTheEngine) {
  REQUIRE_READY();
  Reply reply = Get("/healthz");
  EXPECT_EQ(reply.status, 200);
  std::string engine = GetParam() == store::Engine::kSqlite ? "sqlite" : "postgresql";
  EXPECT_EQ(reply.Json(), (json{{"status", "ok"}, {"db", engine}}));
}

TEST_P(ApiTest, LoginReturnsATokenAndAnHttpOnlySessionCookie) {
  REQUIRE_READY();
  Reply reply = LoginReply("vanphong", kPassword);
  ASSERT_EQ(reply.status, 200) << reply.body;
  json body = reply.Json();
  EXPECT_EQ(body["token"].get<std::string>().size(), 64u);
  EXPECT_FALSE(body.value("csrf_token", "").empty());
  EXPECT_EQ(body["user"]["username"], "vanphong");
  EXPECT_EQ(body["user"]["role"], "office");
  std::string cookie = reply.Header("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("thidua_session=" + body["token"].get<std::string>()));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite="));

  Reply wrong = LoginReply("vanphong", "sai-mat-khau");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.ErrorMessage(), "Tên đăng nhập hoặc mật khẩu không đúng.");
  EXPECT_EQ(wrong.Header("Set-Cookie"), "");
}

TEST_P(ApiTest, AnswersWithoutCredentials401AndWritesNothing) {
  REQUIRE_READY();
  for (const char* target :
       {"/api/v1/me", "/api/v1/people", "/api/v1/people/P1", "/api/v1/units", "/api/v1/audit"}) {
    Reply reply = Get(target);
    EXPECT_EQ(reply.status, 401) << target;
    EXPECT_EQ(reply.Json()["error"]["code"], "unauthenticated") << target;
    EXPECT_EQ(reply.ErrorMessage(), "Cần đăng nhập.") << target;
  }
  EXPECT_EQ(Get("/api/v1/me", {{"Authorization", "Bearer " + std::string(64, 'a')}}).status, 401);
  EXPECT_EQ(Get("/api/v1/me", {{"Cookie", "thidua_session=" + std::string(64, 'a')}}).status, 401);
  EXPECT_EQ(Send("PATCH", "/api/v1/people/P1", R"({"position":"Hiệu trưởng"})").status, 401);
  office_ = Office();
  EXPECT_EQ(PersonAsOffice("P1")["position"], "Giáo viên");
}

TEST_P(ApiTest, BearerTokenReadsAndWritesWithoutCsrf) {
  REQUIRE_READY();
  office_ = Office();
  Reply me = Get("/api/v1/me", office_.Bearer());
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["username"], "vanphong");
  EXPECT_EQ(me.Json()["role"], "office");
  Reply patched = Send("PATCH", "/api/v1/people/P1", R"({"position":"Tổ trưởng"})", office_.Bearer());
  EXPECT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["position"], "Tổ trưởng");
  EXPECT_EQ(PersonAsOffice("P1")["position"], "Tổ trưởng");
}

TEST_P(ApiTest, CookieWritesNeedTheCsrfHeader) {
  REQUIRE_READY();
  office_ = Office();
  ASSERT_FALSE(office_.cookie.empty());
  EXPECT_EQ(Get("/api/v1/people/P1", office_.Cookie(false)).status, 200);  // reads need no CSRF token

  Reply refused = Send("PATCH", "/api/v1/people/P1", R"({"position":"Tổ trưởng"})", office_.Cookie(false));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.Json()["error"]["code"], "csrf");
  EXPECT_THAT(refused.ErrorMessage(), HasSubstr("mã chống giả mạo"));
  Headers wrong = {{"Cookie", "thidua_session=" + office_.cookie}, {"X-CSRF-Token", "0123456789abcdef"}};
  EXPECT_EQ(Send("PATCH", "/api/v1/people/P1", R"({"position":"Tổ trưởng"})", wrong).status, 403);
  EXPECT_EQ(PersonAsOffice("P1")["position"], "Giáo viên");

  Reply accepted = Send("PATCH", "/api/v1/people/P1", R"({"position":"Tổ trưởng"})", office_.Cookie(true));
  EXPECT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(PersonAsOffice("P1")["position"], "Tổ trưởng");
}

TEST_P(ApiTest, LogoutEndsTheSession) {
  REQUIRE_READY();
  Session session = Office();
  EXPECT_EQ(Send("POST", "/api/v1/auth/logout", "", session.Bearer()).status, 200);
  EXPECT_EQ(Get("/api/v1/me", session.Bearer()).status, 401);
  EXPECT_EQ(Get("/api/v1/me", session.Cookie(false)).status, 401);
}

TEST_P(ApiTest, AUnitOfficerGets404OutsideTheirSubtreeAndChangesNothing) {
  REQUIRE_READY();
  office_ = Office();
  Session officer = Officer();
  json p2 = PersonAsOffice("P2");
  ASSERT_TRUE(p2.is_object());

  EXPECT_EQ(Get("/api/v1/people/P1", officer.Bearer()).status, 200);  // inside: A1 is under A
  Reply person = Get("/api/v1/people/P2", officer.Bearer());
  EXPECT_EQ(person.status, 404);
  // Indistinguishable from a record that does not exist.
  Reply missing = Get("/api/v1/people/KHONG_CO", officer.Bearer());
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(person.Json()["error"]["code"], missing.Json()["error"]["code"]);
  EXPECT_EQ(Get("/api/v1/units/B", officer.Bearer()).status, 404);
  EXPECT_EQ(Send("PATCH", "/api/v1/people/P2", R"({"position":"Giám đốc"})", officer.Bearer()).status, 404);
  EXPECT_EQ(Send("PATCH", "/api/v1/units/B", R"({"name":"Sở Y tế mới"})", officer.Bearer()).status, 404);
  Reply page = Get("/quan-ly/ca-nhan/P2", officer.Cookie(false));
  EXPECT_EQ(page.status, 404);
  EXPECT_THAT(page.body, Not(HasSubstr("Nguyễn Thị Ánh")));
  EXPECT_EQ(Get("/quan-ly/don-vi/B", officer.Cookie(false)).status, 404);

  json people = Get("/api/v1/people", officer.Bearer()).Json();
  EXPECT_EQ(people["total"], 2);
  EXPECT_EQ(PersonAsOffice("P2"), p2);
  EXPECT_EQ(Get("/api/v1/units/B", office_.Bearer()).Json()["name"], "Sở Y tế");
}

TEST_P(ApiTest, AUnitOfficerCannotMoveRecordsOutOfTheirSubtree) {
  REQUIRE_READY();
  office_ = Office();
  Session officer = Officer();
  Reply person = Send("PATCH", "/api/v1/people/P1", R"({"unit_code":"B"})", officer.Bearer());
  EXPECT_EQ(person.status, 422) << person.body;
  EXPECT_TRUE(Vietnamese(person.ErrorField("unit_code"))) << person.body;
  EXPECT_EQ(PersonAsOffice("P1")["unit_code"], "A1");
  Reply unit = Send("PATCH", "/api/v1/units/A1", R"({"parent_code":"B"})", officer.Bearer());
  EXPECT_EQ(unit.status, 422) << unit.body;
  EXPECT_EQ(Get("/api/v1/units/A1", office_.Bearer()).Json()["parent_code"], "A");
}

TEST_P(ApiTest, AUnitOfficersImportCannotTouchPeopleOutsideTheirSubtree) {
  REQUIRE_READY();
  office_ = Office();
  Session officer = Officer();
  json p2 = PersonAsOffice("P2");
  std::string csv =
      "code,full_name,gender,birth_date,unit_code,position,recruited_on\n"
      "P2,Tên Bị Đổi,nu,1985-04-12,B,Giáo viên,2010-09-01\n";
  Reply reply = Send("POST", "/api/v1/imports?kind=people", csv, officer.Bearer(), "text/csv");
  EXPECT_TRUE(reply.status == 403 || reply.status == 422) << reply.status << " " << reply.body;
  EXPECT_EQ(PersonAsOffice("P2"), p2);
}

TEST_P(ApiTest, TheAuditLogIsForTheOfficeOnly) {
  REQUIRE_READY();
  office_ = Office();
  Session officer = Officer();
  Reply refused = Get("/api/v1/audit", officer.Bearer());
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(Vietnamese(refused.ErrorMessage())) << refused.body;
  EXPECT_EQ(Get("/api/v1/audit?entity=person&id=P1", officer.Bearer()).status, 403);

  ASSERT_EQ(Send("PATCH", "/api/v1/people/P1", R"({"position":"Tổ trưởng"})", office_.Bearer()).status, 200);
  Reply all = Get("/api/v1/audit", office_.Bearer());
  ASSERT_EQ(all.status, 200);
  json items = all.Json()["items"];
  ASSERT_GE(items.size(), 9u);  // 4 units, 3 people, 2 users … and the update
  EXPECT_EQ(items[0]["actor"], "vanphong");
  EXPECT_EQ(items[0]["entity"], "person");
  EXPECT_EQ(items[0]["entity_id"], "P1");
  EXPECT_EQ(items[0]["after"]["position"], "Tổ trưởng");

  Reply trail = Get("/api/v1/audit?entity=person&id=P1", office_.Bearer());
  ASSERT_EQ(trail.status, 200);
  EXPECT_EQ(trail.Json()["items"].size(), 2u);  // created, then updated
}

TEST_P(ApiTest, RepeatedFailedLoginsAreThrottledWith429) {
  REQUIRE_READY();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(LoginReply("vanphong", "sai").status, 401);
  Reply throttled = LoginReply("vanphong", kPassword);  // even the right password now
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.Json()["error"]["code"], "too_many_requests");
  EXPECT_THAT(throttled.ErrorMessage(), HasSubstr("quá nhiều lần"));
  clock_.Advance(16 * 60 * 1000);
  EXPECT_EQ(LoginReply("vanphong", kPassword).status, 200);
}

TEST_P(ApiWriteTest, MalformedJsonIs400) {
  REQUIRE_READY();
  Reply reply = Send("POST", "/api/v1/people", R"({"code": "P9", "full_name": )", office_.Bearer());
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.ErrorMessage(), "Nội dung JSON không hợp lệ.");
  Reply array = Send("POST", "/api/v1/people", R"(["P9"])", office_.Bearer());
  EXPECT_EQ(array.status, 400);
  EXPECT_EQ(array.ErrorMessage(), "Nội dung JSON phải là một đối tượng.");
  // Deep nesting is answered, not a crash.
  Reply deep =
      Send("POST", "/api/v1/people", std::string(100000, '[') + std::string(100000, ']'), office_.Bearer());
  EXPECT_EQ(deep.status, 400);
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AWrongContentTypeIs415) {
  REQUIRE_READY();
  Reply reply = Send("POST", "/api/v1/people",
                     R"({"code":"P9","full_name":"Lê Văn Bình","gender":"nam","unit_code":"A"})",
                     office_.Bearer(), "text/plain");
  EXPECT_EQ(reply.status, 415);
  EXPECT_EQ(reply.Json()["error"]["code"], "unsupported_media_type");
  EXPECT_THAT(reply.ErrorMessage(), HasSubstr("Nội dung phải là JSON"));
  Reply import =
      Send("POST", "/api/v1/imports?kind=people", "code,full_name\n", office_.Bearer(), "text/plain");
  EXPECT_EQ(import.status, 415);
  EXPECT_THAT(import.ErrorMessage(), HasSubstr("Chỉ nhận tệp CSV"));
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, ANumberWhereAStringIsExpectedIs422NamingTheField) {
  REQUIRE_READY();
  Reply reply = Send("POST", "/api/v1/people",
                     R"({"code":"P9","full_name":42,"gender":"nam","unit_code":"A"})", office_.Bearer());
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.ErrorField("full_name"), "Giá trị phải là chuỗi ký tự.");
  Reply patch = Send("PATCH", "/api/v1/people/P1", R"({"position":7})", office_.Bearer());
  EXPECT_EQ(patch.status, 422);
  EXPECT_TRUE(Vietnamese(patch.ErrorField("position")));
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AnUnknownFieldIs422NamingIt) {
  REQUIRE_READY();
  Reply reply =
      Send("POST", "/api/v1/people",
           R"({"code":"P9","full_name":"Lê Văn Bình","gender":"nam","unit_code":"A","is_admin":"1"})",
           office_.Bearer());
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(reply.Json()["error"]["code"], "invalid_argument");
  EXPECT_EQ(reply.ErrorField("is_admin"), "Trường không được hỗ trợ.");
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, InvalidUtf8Is400) {
  REQUIRE_READY();
  Reply reply =
      Send("POST", "/api/v1/people",
           "{\"code\":\"P9\",\"full_name\":\"L\xC3\x28 V\xFF\",\"gender\":\"nam\",\"unit_code\":\"A\"}",
           office_.Bearer());
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.ErrorMessage(), "Nội dung không phải UTF-8 hợp lệ.");
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AnOversizedBodyIs413) {
  REQUIRE_READY();
  std::string body = R"({"code":"P9","full_name":"Lê Văn Bình","gender":"nam","unit_code":"A","position":")" +
                     std::string(2u << 20, 'x') + "\"}";
  Reply reply = Send("POST", "/api/v1/people", body, office_.Bearer());
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.Json()["error"]["code"], "payload_too_large");
  EXPECT_EQ(reply.ErrorMessage(), "Nội dung gửi lên quá lớn.");
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, ADuplicateCodeIs409) {
  REQUIRE_READY();
  Reply reply =
      Send("POST", "/api/v1/people",
           R"({"code":"P1","full_name":"Người Khác","gender":"nu","unit_code":"A"})", office_.Bearer());
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(reply.Json()["error"]["code"], "already_exists");
  EXPECT_TRUE(Vietnamese(reply.ErrorMessage())) << reply.body;
  Reply unit =
      Send("POST", "/api/v1/units",
           R"({"code":"A","name":"Trùng mã","kind":"so_ban_nganh","parent_code":"ROOT"})", office_.Bearer());
  EXPECT_EQ(unit.status, 409);
  EXPECT_EQ(PersonAsOffice("P1")["full_name"], "Đặng Văn Đức");
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, RenamingACodeToAnExistingOneIsRefused) {
  REQUIRE_READY();
  Reply reply = Send("PATCH", "/api/v1/people/P1", R"({"code":"P2"})", office_.Bearer());
  EXPECT_TRUE(reply.status == 409 || reply.status == 422) << reply.status << " " << reply.body;
  EXPECT_EQ(PersonAsOffice("P2")["full_name"], "Nguyễn Thị Ánh");
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AUnitMovedUnderItsOwnDescendantIs422) {
  REQUIRE_READY();
  Reply reply = Send("PATCH", "/api/v1/units/A", R"({"parent_code":"A1"})", office_.Bearer());
  EXPECT_EQ(reply.status, 422);
  EXPECT_TRUE(Vietnamese(reply.ErrorField("parent_code"))) << reply.body;
  Reply self = Send("PATCH", "/api/v1/units/A", R"({"parent_code":"A"})", office_.Bearer());
  EXPECT_EQ(self.status, 422);
  EXPECT_EQ(Get("/api/v1/units/A", office_.Bearer()).Json()["parent_code"], "ROOT");
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AMembershipEndingBeforeItStartsIs422) {
  REQUIRE_READY();
  Reply reply = Send("POST", "/api/v1/people/P1/memberships",
                     R"({"unit_code":"B","from":"2024-05-01","to":"2024-01-01"})", office_.Bearer());
  EXPECT_EQ(reply.status, 422);
  EXPECT_TRUE(Vietnamese(reply.ErrorField("to"))) << reply.body;
  EXPECT_EQ(PersonAsOffice("P1")["memberships"].size(), 1u);
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AnInvalidDateIs422) {
  REQUIRE_READY();
  Reply reply = Send(
      "POST", "/api/v1/people",
      R"({"code":"P9","full_name":"Lê Văn Bình","gender":"nam","unit_code":"A","birth_date":"2001-02-30"})",
      office_.Bearer());
  EXPECT_EQ(reply.status, 422);
  EXPECT_TRUE(Vietnamese(reply.ErrorField("birth_date"))) << reply.body;
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AnImportWithABadRowIs422ListingEveryErrorAndWritesNothing) {
  REQUIRE_READY();
  std::string csv =
      "code,full_name,gender,birth_date,unit_code,position,recruited_on\n"
      "P10,Võ Thị Hoa,nu,1990-01-02,A1,Giáo viên,2015-08-15\n"
      "P11,Hồ Văn Nam,xyz,1991-02-03,A1,,\n"
      "P12,Lý Thị Mai,nu,1992-03-04,KHONG_CO,,\n";
  Reply reply = Send("POST", "/api/v1/imports?kind=people", csv, office_.Bearer(), "text/csv");
  EXPECT_EQ(reply.status, 422);
  json body = reply.Json();
  ASSERT_TRUE(body.is_object()) << reply.body;
  EXPECT_THAT(body["error"].value("message", ""), HasSubstr("chưa ghi dữ liệu nào"));
  ASSERT_EQ(body["errors"].size(), 2u) << reply.body;
  EXPECT_EQ(body["errors"][0]["line"], 3);
  EXPECT_EQ(body["errors"][0]["column"], "gender");
  EXPECT_TRUE(Vietnamese(body["errors"][0].value("reason", "")));
  EXPECT_EQ(body["errors"][1]["line"], 4);
  EXPECT_EQ(body["errors"][1]["column"], "unit_code");
  EXPECT_TRUE(PersonAsOffice("P10").is_null());
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AnImportOfAnUnknownKindIsRefused) {
  REQUIRE_READY();
  Reply reply =
      Send("POST", "/api/v1/imports?kind=khong-co", "code,name\nX,Y\n", office_.Bearer(), "text/csv");
  EXPECT_EQ(reply.status, 422) << reply.body;
  EXPECT_TRUE(Vietnamese(reply.ErrorMessage())) << reply.body;
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AnXlsxThatIsNotAZipIs422) {
  REQUIRE_READY();
  Reply reply = Send("POST", "/api/v1/imports?kind=people", "code,full_name\nP9,Lê Văn Bình\n",
                     office_.Bearer(), kXlsx);
  EXPECT_EQ(reply.status, 422);
  EXPECT_TRUE(Vietnamese(reply.ErrorMessage())) << reply.body;
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, AZipBombXlsxIsRefusedQuickly) {
  REQUIRE_READY();
  std::string workbook =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  std::string bomb = render::testing::BuildZip(
      {{"xl/workbook.xml", workbook}, {"xl/worksheets/sheet1.xml", std::string(200u << 20, '\0')}});
  ASSERT_LT(bomb.size(), 1u << 20);  // a small upload …
  auto start = std::chrono::steady_clock::now();
  Reply reply = Send("POST", "/api/v1/imports?kind=people", bomb, office_.Bearer(), kXlsx);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(reply.status, 400);
  EXPECT_LT(reply.status, 500);
  EXPECT_THAT(reply.ErrorMessage(), HasSubstr("quá lớn"));
  EXPECT_LT(took, std::chrono::seconds(2));  // … refused by what it declares, not by unpacking 200 MB
  ExpectNothingWritten();
}

TEST_P(ApiTest, AHostileNameIsStoredAsTypedAndEscapedInHtml) {
  REQUIRE_READY();
  office_ = Office();
  const std::string name = R"(<script>alert("x")</script> O'Brien & "Bé")";
  Reply created = Send("POST", "/api/v1/people",
                       json{{"code", "P9"}, {"full_name", name}, {"gender", "nu"}, {"unit_code", "A"}}.dump(),
                       office_.Bearer());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["full_name"], name);
  EXPECT_EQ(PersonAsOffice("P9")["full_name"], name);
  Reply page = Get("/quan-ly/ca-nhan/P9", office_.Cookie(false));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.Header("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(page.body, HasSubstr("&lt;script&gt;alert("));
  EXPECT_THAT(page.body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page.body, Not(HasSubstr(R"(alert("x"))")));
  EXPECT_THAT(page.body, Not(HasSubstr("O'Brien")));
  Reply list = Get("/quan-ly/ca-nhan?q=brien", office_.Cookie(false));
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(list.body, Not(HasSubstr("<script>alert")));
}

TEST_P(ApiTest, AnAsyncImportAnswers202AndItsJobReachesDone) {
  REQUIRE_READY();
  office_ = Office();
  std::string csv = "code,full_name,gender,birth_date,unit_code,position,recruited_on\n";
  for (int i = 10; i < 40; ++i)
    csv += "P" + std::to_string(i) + ",Người Thứ " + std::to_string(i) + ",nu,02/01/1990,A1,,\n";
  Reply accepted = Send("POST", "/api/v1/imports?kind=people&async=1", csv, office_.Bearer(), "text/csv");
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  std::string job_url = accepted.Json().value("job_url", "");
  ASSERT_THAT(job_url, ::testing::StartsWith("/api/v1/jobs/"));
  EXPECT_EQ(accepted.Header("Location"), job_url);

  json job;
  for (int i = 0; i < 5000; ++i) {
    Reply polled = Get(job_url, office_.Bearer());
    ASSERT_EQ(polled.status, 200) << polled.body;
    job = polled.Json();
    if (job["state"] == "done" || job["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["http_status"], 200);
  EXPECT_EQ(job["result"]["rows"], 30);
  EXPECT_EQ(job["result"]["created"], 30);
  EXPECT_TRUE(job["result"]["errors"].empty());
  EXPECT_EQ(Total("people"), 33);
  // Another user cannot see the job.
  Session officer = Officer();
  EXPECT_EQ(Get(job_url, officer.Bearer()).status, 404);
}

TEST_P(ApiTest, ListsPageAndSearchIgnoringDiacritics) {
  REQUIRE_READY();
  office_ = Office();
  json page = Get("/api/v1/people?q=dang%20van%20duc", office_.Bearer()).Json();
  ASSERT_TRUE(page.is_object());
  EXPECT_EQ(page["total"], 1);
  EXPECT_EQ(page["items"][0]["code"], "P1");
  json second = Get("/api/v1/people?per_page=2&page=2", office_.Bearer()).Json();
  EXPECT_EQ(second["page"], 2);
  EXPECT_EQ(second["per_page"], 2);
  EXPECT_EQ(second["total"], 3);
  EXPECT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(Get("/api/v1/people?per_page=0", office_.Bearer()).status, 400);
  EXPECT_EQ(Get("/api/v1/people?page=abc", office_.Bearer()).status, 400);
}

TEST_P(ApiTest, JsonWithACharsetParameterIsAccepted) {
  REQUIRE_READY();
  office_ = Office();
  Reply reply = Send("PATCH", "/api/v1/people/P1", R"({"position":"Tổ trưởng"})", office_.Bearer(),
                     "application/json; charset=utf-8");
  EXPECT_EQ(reply.status, 200) << reply.body;
  Reply csv = Send("POST", "/api/v1/imports?kind=people",
                   "code,full_name,gender,birth_date,unit_code,position,recruited_on\n", office_.Bearer(),
                   "text/csv; charset=utf-8");
  EXPECT_EQ(csv.status, 200) << csv.body;
}

// Media types are case-insensitive (RFC 9110 §8.3.1).
TEST_P(ApiTest, MediaTypesAreCaseInsensitive) {
  REQUIRE_READY();
  office_ = Office();
  Reply json_upper =
      Send("PATCH", "/api/v1/people/P1", R"({"position":"Tổ phó"})", office_.Bearer(), "Application/JSON");
  EXPECT_EQ(json_upper.status, 200) << json_upper.body;
  Reply csv_upper = Send("POST", "/api/v1/imports?kind=people",
                         "code,full_name,gender,birth_date,unit_code,position,recruited_on\n",
                         office_.Bearer(), "Text/CSV");
  EXPECT_EQ(csv_upper.status, 200) << csv_upper.body;
}

TEST_P(ApiTest, AUnitOfficerCannotAddMembershipsOrUnitsOutsideTheirSubtree) {
  REQUIRE_READY();
  office_ = Office();
  Session officer = Officer();
  Reply into_b = Send("POST", "/api/v1/people/P1/memberships", R"({"unit_code":"B","from":"2025-01-01"})",
                      officer.Bearer());
  EXPECT_EQ(into_b.status, 422) << into_b.body;
  Reply of_p2 = Send("POST", "/api/v1/people/P2/memberships", R"({"unit_code":"A","from":"2025-01-01"})",
                     officer.Bearer());
  EXPECT_EQ(of_p2.status, 404) << of_p2.body;
  Reply unit =
      Send("POST", "/api/v1/units",
           R"({"code":"B9","name":"Phòng mới","kind":"phong_ban","parent_code":"B"})", officer.Bearer());
  EXPECT_EQ(unit.status, 422) << unit.body;
  Reply event =
      Send("POST", "/api/v1/units/B/events",
           R"({"kind":"renamed","date":"2020-01-01","legal_act":"Quyết định 1/QĐ-UBND ngày 01/01/2020"})",
           officer.Bearer());
  EXPECT_EQ(event.status, 404) << event.body;
  Reply root = Send("PATCH", "/api/v1/units/A", R"({"parent_code":"B"})", officer.Bearer());
  EXPECT_NE(root.status, 200) << root.body;
  EXPECT_EQ(PersonAsOffice("P1")["memberships"].size(), 1u);
  EXPECT_EQ(PersonAsOffice("P2")["memberships"].size(), 1u);
  EXPECT_EQ(Get("/api/v1/units/B9", office_.Bearer()).status, 404);
  EXPECT_TRUE(Get("/api/v1/units/B", office_.Bearer()).Json()["lineage"].empty());
  EXPECT_EQ(Get("/api/v1/units/A", office_.Bearer()).Json()["parent_code"], "ROOT");
}

TEST_P(ApiTest, ATransferClosesTheOldMembershipYesterday) {
  REQUIRE_READY();
  office_ = Office();
  Reply moved = Send("PATCH", "/api/v1/people/P1", R"({"unit_code":"B"})", office_.Bearer());
  ASSERT_EQ(moved.status, 200) << moved.body;
  json p1 = PersonAsOffice("P1");
  EXPECT_EQ(p1["unit_code"], "B");
  ASSERT_EQ(p1["memberships"].size(), 2u) << p1.dump();
  EXPECT_EQ(p1["memberships"][0]["unit_code"], "B");
  EXPECT_EQ(p1["memberships"][0]["from"], "2026-11-27");  // the FakeClock's today
  EXPECT_EQ(p1["memberships"][1]["unit_code"], "A1");
  EXPECT_EQ(p1["memberships"][1]["to"], "2026-11-26");
}

TEST_P(ApiTest, ASessionExpiresAfterTwelveHours) {
  REQUIRE_READY();
  Session session = Office();
  EXPECT_EQ(Get("/api/v1/me", session.Bearer()).status, 200);
  clock_.Advance(13LL * 3600 * 1000);
  EXPECT_EQ(Get("/api/v1/me", session.Bearer()).status, 401);
  EXPECT_EQ(Get("/api/v1/me", session.Cookie(false)).status, 401);
}

TEST_P(ApiTest, AnUnknownUserAndAWrongPasswordLookTheSame) {
  REQUIRE_READY();
  Reply unknown = LoginReply("khong-co-ai", kPassword);
  Reply wrong = LoginReply("vanphong", "sai-mat-khau");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.body, wrong.body);
}

TEST_P(ApiTest, ACsvExportedByExcelImports) {
  REQUIRE_READY();
  office_ = Office();
  std::string csv =
      "\xEF\xBB\xBF"
      "code,full_name,gender,birth_date,unit_code,position,recruited_on\r\n"
      "P10,Võ Thị Hoa,nu,02/01/1990,A1,Giáo viên,2015-08-15\r\n"
      "P11,\"Hồ Văn Nam, con\",nam,1991-02-03,A,,\r\n";
  Reply reply = Send("POST", "/api/v1/imports?kind=people", csv, office_.Bearer(), "text/csv; charset=utf-8");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["created"], 2);
  EXPECT_EQ(PersonAsOffice("P10")["birth_date"], "1990-01-02");
  EXPECT_EQ(PersonAsOffice("P11")["full_name"], "Hồ Văn Nam, con");
  // The same file again changes nothing.
  Reply again = Send("POST", "/api/v1/imports?kind=people", csv, office_.Bearer(), "text/csv");
  EXPECT_EQ(again.Json()["created"], 0);
  EXPECT_EQ(again.Json()["unchanged"], 2);
}

TEST_P(ApiTest, AnXlsxImportReadsTheFirstSheet) {
  REQUIRE_READY();
  office_ = Office();
  render::Sheet sheet;
  sheet.title = "Cá nhân";
  sheet.header = {"code", "full_name", "gender", "birth_date", "unit_code", "position", "recruited_on"};
  sheet.rows = {{std::string("P10"), std::string("Võ Thị Hoa"), std::string("nu"), Date{1990, 1, 2},
                 std::string("A1"), std::string("Giáo viên"), Date{2015, 8, 15}}};
  Result<std::string> xlsx = render::WriteXlsx(sheet);
  ASSERT_TRUE(xlsx.ok());
  Reply reply = Send("POST", "/api/v1/imports?kind=people", *xlsx, office_.Bearer(), kXlsx);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["created"], 1);
  json p10 = PersonAsOffice("P10");
  EXPECT_EQ(p10["birth_date"], "1990-01-02");
  EXPECT_EQ(p10["recruited_on"], "2015-08-15");
  // Sent as application/octet-stream, it is recognised by its zip signature.
  Reply octets =
      Send("POST", "/api/v1/imports?kind=people", *xlsx, office_.Bearer(), "application/octet-stream");
  EXPECT_EQ(octets.status, 200) << octets.body;
}

TEST_P(ApiTest, AnAsyncImportWithBadRowsEndsWithTheErrorsAndWritesNothing) {
  REQUIRE_READY();
  office_ = Office();
  std::string csv =
      "code,full_name,gender,birth_date,unit_code,position,recruited_on\n"
      "P10,Võ Thị Hoa,xyz,1990-01-02,A1,,\n";
  Reply accepted = Send("POST", "/api/v1/imports?kind=people&async=1", csv, office_.Bearer(), "text/csv");
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  std::string job_url = accepted.Json().value("job_url", "");
  json job;
  for (int i = 0; i < 5000; ++i) {
    job = Get(job_url, office_.Bearer()).Json();
    if (job["state"] == "done" || job["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_TRUE(job["state"] == "done" || job["state"] == "failed") << job.dump();
  EXPECT_EQ(job["http_status"], 422);
  ASSERT_EQ(job["result"]["errors"].size(), 1u) << job.dump();
  EXPECT_EQ(job["result"]["errors"][0]["column"], "gender");
  EXPECT_EQ(Total("people"), 3);
  EXPECT_EQ(Get("/api/v1/jobs/khong-co", office_.Bearer()).status, 404);
}

TEST_P(ApiTest, StaffScreensEscapeWhatUsersTyped) {
  REQUIRE_READY();
  office_ = Office();
  const std::string evil = R"(<script>alert("x")</script>)";
  ASSERT_EQ(Send("POST", "/api/v1/units",
                 json{{"code", "X1"}, {"name", evil}, {"kind", "phong_ban"}, {"parent_code", "A"}}.dump(),
                 office_.Bearer())
                .status,
            201);
  ASSERT_EQ(Send("PATCH", "/api/v1/people/P1", json{{"position", evil}}.dump(), office_.Bearer()).status,
            200);
  for (const std::string target :
       {"/quan-ly/don-vi/X1", "/quan-ly/don-vi/cay", "/quan-ly/don-vi", "/quan-ly/don-vi/A",
        "/quan-ly/ca-nhan/P1", "/quan-ly/ca-nhan?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"}) {
    Reply page = Get(target, office_.Cookie(false));
    EXPECT_EQ(page.status, 200) << target;
    EXPECT_THAT(page.body, HasSubstr("&lt;script&gt;alert(")) << target;
    EXPECT_THAT(page.body, Not(HasSubstr("<script>alert"))) << target;
  }
  // The sign-in page puts `next` back into the form.
  Reply login = Get("/dang-nhap?next=/quan-ly/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_EQ(login.status, 200);
  EXPECT_THAT(login.body, HasSubstr("/quan-ly/&quot;&gt;&lt;script&gt;alert(1)"));
  EXPECT_THAT(login.body, Not(HasSubstr("<script>alert")));
}

TEST_P(ApiTest, ConcurrentWritesAllLandAndKeepTheAuditChainWhole) {
  REQUIRE_READY();
  office_ = Office();
  constexpr int kClients = 6, kEach = 10;
  std::vector<std::thread> clients;
  std::atomic<int> created = 0;
  std::vector<std::string> failures(kClients);
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < kEach; ++i) {
        std::string code = "C" + std::to_string(c) + "_" + std::to_string(i);
        Reply reply =
            Send("POST", "/api/v1/people",
                 json{{"code", code}, {"full_name", "Người " + code}, {"gender", "nu"}, {"unit_code", "A1"}}
                     .dump(),
                 office_.Bearer());
        if (reply.status == 201) {
          ++created;
        } else if (failures[c].empty()) {
          failures[c] = std::to_string(reply.status) + " " + reply.body;
        }
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(created, kClients * kEach) << ::testing::PrintToString(failures);
  EXPECT_EQ(Total("people"), 3 + kClients * kEach);
  Result<store::audit::VerifyResult> verified = services_->audit.Verify();
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok) << verified->problem;
}

TEST_P(ApiWriteTest, ImportErrorsNameThePhysicalLineAfterAMultiLineCell) {
  REQUIRE_READY();
  std::string csv =
      "code,full_name,gender,birth_date,unit_code,position,recruited_on\n"
      "P10,Võ Thị Hoa,nu,1990-01-02,A1,\"Giáo viên\ndạy Toán\",2015-08-15\n"
      "P11,Hồ Văn Nam,xyz,1991-02-03,A1,,\n";
  Reply reply = Send("POST", "/api/v1/imports?kind=people", csv, office_.Bearer(), "text/csv");
  EXPECT_EQ(reply.status, 422);
  json errors = reply.Json()["errors"];
  ASSERT_EQ(errors.size(), 1u) << reply.body;
  EXPECT_EQ(errors[0]["line"], 4);  // the line a text editor shows
  EXPECT_EQ(errors[0]["column"], "gender");
  Reply unreadable = Send("POST", "/api/v1/imports?kind=people", "code,full_name\n\"P10,Võ Thị Hoa\n",
                          office_.Bearer(), "text/csv");
  EXPECT_EQ(unreadable.status, 422);
  EXPECT_TRUE(Vietnamese(unreadable.ErrorMessage())) << unreadable.body;
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, OtherInvalidRecordsAre422NamingTheField) {
  REQUIRE_READY();
  Reply dates = Send("PATCH", "/api/v1/units/A", R"({"valid_from":"2020-01-01","valid_to":"2019-01-01"})",
                     office_.Bearer());
  EXPECT_EQ(dates.status, 422);
  EXPECT_TRUE(Vietnamese(dates.ErrorField("valid_to"))) << dates.body;
  Reply code = Send("PATCH", "/api/v1/units/A", R"({"code":"A9"})", office_.Bearer());
  EXPECT_EQ(code.status, 422);
  EXPECT_TRUE(Vietnamese(code.ErrorField("code"))) << code.body;
  Reply empty_name = Send("PATCH", "/api/v1/people/P1", R"({"full_name":null})", office_.Bearer());
  EXPECT_EQ(empty_name.status, 422);
  EXPECT_TRUE(Vietnamese(empty_name.ErrorField("full_name"))) << empty_name.body;
  Reply bad_code =
      Send("POST", "/api/v1/people",
           R"({"code":"P 9/x","full_name":"Lê Văn Bình","gender":"nam","unit_code":"A"})", office_.Bearer());
  EXPECT_EQ(bad_code.status, 422);
  EXPECT_TRUE(Vietnamese(bad_code.ErrorField("code"))) << bad_code.body;
  Reply gender =
      Send("POST", "/api/v1/people",
           R"({"code":"P9","full_name":"Lê Văn Bình","gender":"Nam?","unit_code":"A"})", office_.Bearer());
  EXPECT_EQ(gender.status, 422);
  EXPECT_TRUE(Vietnamese(gender.ErrorField("gender"))) << gender.body;
  ExpectNothingWritten();
}

TEST_P(ApiTest, AUnitOfficerWorksInsideTheirSubtree) {
  REQUIRE_READY();
  office_ = Office();
  Session officer = Officer();
  Reply created = Send(
      "POST", "/api/v1/people",
      R"({"code":"P9","full_name":"Lê Văn Bình","gender":"nam","unit_code":"A1","recruited_on":"2020-09-01"})",
      officer.Bearer());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Get("/api/v1/people/P9", officer.Bearer()).status, 200);
  EXPECT_EQ(Send("PATCH", "/api/v1/people/P3", R"({"unit_code":"A1"})", officer.Bearer()).status, 200);
  EXPECT_EQ(Get("/api/v1/units", officer.Bearer()).Json()["total"], 2);
  Reply filtered = Get("/api/v1/people?unit=B", officer.Bearer());  // a unit outside: as if it did not exist
  EXPECT_EQ(filtered.status, 404) << filtered.body;
  Reply missing = Get("/api/v1/people?unit=KHONG_CO", officer.Bearer());
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(filtered.ErrorMessage(), "Không tìm thấy đơn vị \"B\".");
  EXPECT_EQ(missing.ErrorMessage(), "Không tìm thấy đơn vị \"KHONG_CO\".");
  EXPECT_EQ(Get("/api/v1/me", officer.Bearer()).Json()["unit"], "A");
}

// ---- records (issue 3) ----

// An award body in the import columns of API.md.
std::string AwardBody(const std::string& person, const std::string& code, const std::string& year,
                      const std::string& decided) {
  return json{{"subject_type", "person"}, {"subject_code", person},   {"award_code", code},
              {"year", year},             {"method", "THUONG_XUYEN"}, {"decision_no", "12/QĐ-UBND"},
              {"decision_date", decided}, {"issuer", "UBND tỉnh Thanh Lâm"}}
      .dump();
}

TEST_P(ApiTest, APersonsAwardsComeNewestFirstWithRevokedOnesMarked) {
  REQUIRE_READY();
  office_ = Office();
  std::vector<int64_t> ids;
  for (auto [code, year, decided] : {std::tuple{"LDTT", "2022", "2023-01-10"}, std::tuple{"CSTDCS", "2024", "2025-01-10"},
                                     std::tuple{"LDTT", "2023", "2024-01-10"}}) {
    Reply created = Send("POST", "/api/v1/awards", AwardBody("P1", code, year, decided), office_.Bearer());
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.Json()["unit_code"], "A1");  // P1's unit on the decision date
    ids.push_back(created.Json()["id"].get<int64_t>());
  }
  Session officer = Officer();
  Reply refused = Send("POST", "/api/v1/awards/" + std::to_string(ids[2]) + "/revoke",
                       R"({"reason":"Khai man thành tích"})", officer.Bearer());
  EXPECT_EQ(refused.status, 403) << refused.body;
  Reply revoked = Send("POST", "/api/v1/awards/" + std::to_string(ids[2]) + "/revoke",
                       R"({"reason":"Khai man thành tích"})", office_.Bearer());
  ASSERT_EQ(revoked.status, 200) << revoked.body;

  Reply awards = Get("/api/v1/people/P1/awards", officer.Bearer());
  ASSERT_EQ(awards.status, 200) << awards.body;
  json items = awards.Json()["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["year"], 2024);
  EXPECT_EQ(items[0]["award_code"], "CSTDCS");
  EXPECT_EQ(items[0]["decision_date"], "2025-01-10");
  EXPECT_EQ(items[0]["revoked"], false);
  EXPECT_EQ(items[1]["year"], 2023);
  EXPECT_EQ(items[1]["revoked"], true);
  EXPECT_EQ(items[1]["revoke_reason"], "Khai man thành tích");
  EXPECT_EQ(items[2]["year"], 2022);
  EXPECT_EQ(Get("/api/v1/people/P2/awards", officer.Bearer()).status, 404);  // outside the officer's subtree
  EXPECT_EQ(Get("/api/v1/people/KHONG_CO/awards", office_.Bearer()).status, 404);
  EXPECT_EQ(Get("/api/v1/people/P1/awards").status, 401);
  json page = Get("/api/v1/awards?year=2023&award=LDTT", office_.Bearer()).Json();
  EXPECT_EQ(page["total"], 1);
  EXPECT_EQ(Get("/api/v1/awards?year=abc", office_.Bearer()).status, 400);
}

TEST_P(ApiTest, EligibilityAnswersInTheShapeOfApiMdWithinScope) {
  REQUIRE_READY();
  office_ = Office();
  Reply rated = Send("POST", "/api/v1/evaluations",
                     R"({"subject_type":"person","subject_code":"P1","year":"2024","rating":"HTXS"})", office_.Bearer());
  ASSERT_LT(rated.status, 300) << rated.body;
  Reply verdicts = Get("/api/v1/people/P1/eligibility?year=2024", office_.Bearer());
  ASSERT_EQ(verdicts.status, 200) << verdicts.body;
  json body = verdicts.Json();
  EXPECT_EQ(body["subject"]["type"], "person");
  EXPECT_EQ(body["subject"]["code"], "P1");
  EXPECT_EQ(body["year"], 2024);
  EXPECT_FALSE(body["rule_set"].get<std::string>().empty());
  std::set<std::string> awards;
  for (const json& result : body["results"]) {
    awards.insert(result["award"].get<std::string>());
    EXPECT_TRUE(result.contains("eligible")) << result.dump();
    ASSERT_FALSE(result["conditions"].empty()) << result.dump();
    for (const json& condition : result["conditions"]) {
      EXPECT_TRUE(condition["met"].is_boolean()) << condition.dump();
      EXPECT_FALSE(condition["text"].get<std::string>().empty()) << condition.dump();
      EXPECT_FALSE(condition["basis"].get<std::string>().empty()) << condition.dump();
    }
  }
  for (const char* code : {"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "GK", "BK_TINH", "BK_TTG", "HCLD3", "HCLD2", "HCLD1"}) {
    EXPECT_TRUE(awards.count(code)) << code << " missing from " << verdicts.body;
  }
  EXPECT_EQ(Get("/api/v1/people/P1/eligibility?year=abc", office_.Bearer()).status, 400);
  EXPECT_EQ(Get("/api/v1/people/P1/eligibility?year=2010", office_.Bearer()).status, 422);
  EXPECT_EQ(Get("/api/v1/people/P1/eligibility?year=2024").status, 401);
  Session officer = Officer();
  EXPECT_EQ(Get("/api/v1/people/P2/eligibility?year=2024", officer.Bearer()).status, 404);
  EXPECT_EQ(Get("/api/v1/units/B/eligibility?year=2024", officer.Bearer()).status, 404);
  EXPECT_EQ(Get("/api/v1/units/A/eligibility?year=2024", officer.Bearer()).status, 200);
  EXPECT_EQ(Get("/api/v1/eligibility?year=2024", office_.Bearer()).status, 400);  // no award
  Reply rated_p3 = Send("POST", "/api/v1/evaluations",
                        R"({"subject_type":"person","subject_code":"P3","year":"2024","rating":"HTT"})", office_.Bearer());
  ASSERT_LT(rated_p3.status, 300) << rated_p3.body;
  Reply scan = Get("/api/v1/eligibility?year=2024&award=LDTT", office_.Bearer());
  ASSERT_EQ(scan.status, 200) << scan.body;
  json all = scan.Json();
  ASSERT_TRUE(all["items"].is_array());
  EXPECT_EQ(all["total"], 2);
  EXPECT_EQ(all["page"], 1);
  EXPECT_EQ(all["per_page"], 50);
  ASSERT_EQ(all["items"].size(), 2u);
  // Vietnamese name order (given name first): Trần Văn An before Đặng Văn Đức; each item a whole verdict.
  EXPECT_EQ(all["items"][0]["subject"]["code"], "P3");
  EXPECT_EQ(all["items"][1]["subject"]["code"], "P1");
  EXPECT_EQ(all["items"][1], body) << "the scan's item is the person's own verdict";
  // Paged like every list: the second page of one holds the second person.
  json second = Get("/api/v1/eligibility?year=2024&award=LDTT&per_page=1&page=2", office_.Bearer()).Json();
  EXPECT_EQ(second["total"], 2);
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["items"][0]["subject"]["code"], "P1");
  EXPECT_EQ(Get("/api/v1/eligibility?year=2024&award=LDTT&per_page=501", office_.Bearer()).status, 400);
  EXPECT_EQ(Get("/api/v1/eligibility?year=2024&award=LDTT&subject=ho", office_.Bearer()).status, 400);
  json units = Get("/api/v1/eligibility?year=2024&award=BK_TINH&subject=unit", office_.Bearer()).Json();
  EXPECT_TRUE(units["items"].is_array()) << units.dump();
  EXPECT_EQ(Get("/api/v1/eligibility?year=2024&award=LDTT&q=duc", office_.Bearer()).Json()["total"], 1);
  // The person's page shows the same verdicts for the year asked.
  Reply page = Get("/quan-ly/ca-nhan/P1?nam=2024", office_.Bearer());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Điều kiện thi đua, khen thưởng năm 2024"), std::string::npos);
  EXPECT_NE(page.body.find("Lao động tiên tiến"), std::string::npos);
  EXPECT_NE(page.body.find(body["rule_set"].get<std::string>()), std::string::npos);
  EXPECT_NE(page.body.find("Căn cứ"), std::string::npos);
  EXPECT_EQ(page.body.find("không có quá trình công tác"), std::string::npos);
  // A year no rule set covers is said on the page; so is a year in which the person worked nowhere.
  Reply early = Get("/quan-ly/ca-nhan/P1?nam=2010", office_.Bearer());
  ASSERT_EQ(early.status, 200);
  EXPECT_NE(early.body.find("Chưa có bộ quy tắc cho năm 2010"), std::string::npos);
  EXPECT_NE(Get("/quan-ly/don-vi/A?nam=2010", office_.Bearer()).body.find("Chưa có bộ quy tắc cho năm 2010"),
            std::string::npos);
  ASSERT_TRUE(services_->people
                  .Create(service::Actor::System(),
                          {{"code", "P9"}, {"full_name", "Vũ Thị Hạnh"}, {"gender", "nu"}, {"recruited_on", "2010-09-01"}})
                  .ok());
  Reply nowhere = Get("/quan-ly/ca-nhan/P9?nam=2024", office_.Bearer());
  ASSERT_EQ(nowhere.status, 200);
  EXPECT_NE(nowhere.body.find("Năm 2024 cá nhân không có quá trình công tác"), std::string::npos);
}

TEST_P(ApiTest, TheEligibilityScreenListsWhoQualifiesInScopeAndExportsTheSameRows) {
  REQUIRE_READY();
  office_ = Office();
  for (const char* code : {"P1", "P2", "P3"}) {
    Reply rated = Send("POST", "/api/v1/evaluations",
                       json{{"subject_type", "person"}, {"subject_code", code}, {"year", "2024"}, {"rating", "HTT"}}.dump(),
                       office_.Bearer());
    ASSERT_LT(rated.status, 300) << rated.body;
  }
  const std::string screen = "/quan-ly/xet-khen-thuong?year=2024&award=LDTT";
  Reply page = Get(screen, office_.Bearer());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("3 người đủ điều kiện"));
  EXPECT_THAT(page.body, HasSubstr("trong số 3 người được xét"));
  EXPECT_THAT(page.body, HasSubstr("href=\"/quan-ly/ca-nhan/P1?nam=2024\""));
  EXPECT_THAT(page.body, HasSubstr("<details>"));
  EXPECT_THAT(page.body, HasSubstr("Căn cứ: "));
  EXPECT_THAT(page.body, HasSubstr("/quan-ly/xet-khen-thuong/xuat.xlsx?"));
  // Vietnamese name order, given name first: Trần Văn An, Nguyễn Thị Ánh, Đặng Văn Đức.
  size_t an = page.body.find(">Trần Văn An<"), anh = page.body.find(">Nguyễn Thị Ánh<"),
         duc = page.body.find(">Đặng Văn Đức<");
  ASSERT_NE(duc, std::string::npos);
  EXPECT_LT(an, anh);
  EXPECT_LT(anh, duc);

  Reply exported = Get("/quan-ly/xet-khen-thuong/xuat.xlsx?year=2024&award=LDTT", office_.Bearer());
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.Header("Content-Type"), kXlsx);
  Result<domain::Table> table = render::ReadTable(exported.body, render::FileFormat::kXlsx);
  ASSERT_TRUE(table.ok()) << table.status().message();
  // (The table reader folds the ASCII letters of header names to lower case.)
  EXPECT_EQ(table->header, (std::vector<std::string>{"stt", "mã", "họ và tên", "Đơn vị", "lĩnh vực",
                                                     "danh hiệu, hình thức", "năm", "bộ quy tắc",
                                                     "căn cứ, điều kiện"}));
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0][1], "P3");
  EXPECT_EQ(table->rows[1][1], "P2");
  EXPECT_EQ(table->rows[2][1], "P1");
  EXPECT_EQ(table->rows[2][3], "Trường THPT Lê Lợi");
  EXPECT_EQ(table->rows[2][5], "Lao động tiên tiến");
  EXPECT_EQ(table->rows[2][6], "2024");
  EXPECT_THAT(table->rows[2][8], HasSubstr("Đạt: "));
  EXPECT_THAT(table->rows[2][8], HasSubstr("Căn cứ: "));

  // The unit officer of A sees A's subtree only, and can open everyone listed.
  Session officer = Officer();
  Reply scoped = Get(screen, officer.Bearer());
  ASSERT_EQ(scoped.status, 200);
  EXPECT_THAT(scoped.body, HasSubstr("2 người đủ điều kiện"));
  EXPECT_THAT(scoped.body, Not(HasSubstr("Nguyễn Thị Ánh")));
  EXPECT_EQ(Get("/quan-ly/ca-nhan/P1?nam=2024", officer.Bearer()).status, 200);
  EXPECT_EQ(Get("/quan-ly/ca-nhan/P3?nam=2024", officer.Bearer()).status, 200);
  Reply narrowed = Get(screen + "&unit=A1", officer.Bearer());
  EXPECT_THAT(narrowed.body, HasSubstr("1 người đủ điều kiện"));
  Reply outside = Get(screen + "&unit=B", officer.Bearer());
  EXPECT_EQ(outside.status, 404);
  EXPECT_THAT(outside.body, HasSubstr("Không tìm thấy đơn vị"));

  // Refusals are said on the page, in Vietnamese, with the form still there.
  Reply old = Get("/quan-ly/xet-khen-thuong?year=2010&award=LDTT", office_.Bearer());
  EXPECT_EQ(old.status, 422);
  EXPECT_THAT(old.body, HasSubstr("Chưa có bộ quy tắc cho năm 2010"));
  EXPECT_THAT(old.body, HasSubstr("id=\"elig-year\""));
  EXPECT_EQ(Get("/quan-ly/xet-khen-thuong?year=abc", office_.Bearer()).status, 422);
  Reply field = Get(screen + "&field=khong_co", office_.Bearer());
  EXPECT_EQ(field.status, 422);
  EXPECT_THAT(field.body, HasSubstr("Không có lĩnh vực"));
  EXPECT_EQ(Get(screen).status, 303);
  EXPECT_EQ(Get("/api/v1/eligibility?year=2024&award=LDTT&field=khong_co", office_.Bearer()).status, 422);
  EXPECT_EQ(Get("/api/v1/eligibility?year=2024&award=LDTT&field=giao_duc", office_.Bearer()).Json()["total"], 0);
}

TEST_P(ApiWriteTest, BadRecordsAre422NamingTheFieldAndWriteNothing) {
  REQUIRE_READY();
  auto field_error = [&](const std::string& path, const std::string& body, const std::string& field) {
    Reply reply = Send("POST", path, body, office_.Bearer());
    EXPECT_EQ(reply.status, 422) << path << " " << body << " → " << reply.body;
    EXPECT_FALSE(reply.ErrorField(field).empty()) << field << " in " << reply.body;
  };
  field_error("/api/v1/awards", AwardBody("P1", "KHONG_CO", "2024", "2025-01-10"), "award_code");
  field_error("/api/v1/awards", AwardBody("P1", "LDTT", "1890", "2025-01-10"), "year");
  field_error("/api/v1/awards", AwardBody("P1", "LDTT", "2025", "2024-12-31"), "decision_date");
  field_error("/api/v1/awards", AwardBody("P1", "TTLDXS", "2024", "2025-01-10"), "award_code");  // not for a person
  field_error("/api/v1/evaluations", R"({"subject_type":"person","subject_code":"P1","year":"2024","rating":"GIOI"})",
              "rating");
  field_error("/api/v1/evaluations", R"({"subject_type":"person","subject_code":"P1","year":"2099","rating":"HTT"})",
              "year");
  field_error("/api/v1/initiatives",
              R"({"code":"SK1","title":"Số hoá hồ sơ","author_codes":"P1;P404","scope":"TINH","recognized_on":"2024-05-01"})",
              "author_codes");
  field_error("/api/v1/disciplines", R"({"person_code":"P1","level":"CANH_CAO","from":"2024-05-01","to":"2024-01-01"})",
              "to");
  field_error("/api/v1/awards", R"({"subject_type":"person","subject_code":"P1","nickname":"x"})", "nickname");
  Reply number = Send("POST", "/api/v1/evaluations",
                      R"({"subject_type":"person","subject_code":"P1","year":2024,"rating":"HTT"})", office_.Bearer());
  EXPECT_EQ(number.status, 422);
  EXPECT_EQ(number.ErrorField("year"), "Giá trị phải là chuỗi ký tự.");
  EXPECT_EQ(Get("/api/v1/awards", office_.Bearer()).Json()["total"], 0);
  EXPECT_EQ(Get("/api/v1/evaluations", office_.Bearer()).Json()["total"], 0);
  ExpectNothingWritten();
}

TEST_P(ApiWriteTest, ASecondAwardForTheSameSubjectAwardAndYearIs409) {
  REQUIRE_READY();
  ASSERT_EQ(Send("POST", "/api/v1/awards", AwardBody("P1", "LDTT", "2024", "2025-01-10"), office_.Bearer()).status, 201);
  auto [people, units, audit] = Snapshot();
  Reply again = Send("POST", "/api/v1/awards", AwardBody("P1", "LDTT", "2024", "2025-03-01"), office_.Bearer());
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.Json()["error"]["code"], "already_exists");
  EXPECT_FALSE(again.ErrorField("award_code").empty());
  EXPECT_EQ(Snapshot(), std::make_tuple(people, units, audit));
  EXPECT_EQ(Get("/api/v1/awards", office_.Bearer()).Json()["total"], 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiTest,
                         ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         testing::EngineParamName);
INSTANTIATE_TEST_SUITE_P(Engines, ApiWriteTest,
                         ::testing::Values(store::Engine::kSqlite, store::Engine::kPostgres),
                         testing::EngineParamName);

}  // namespace
}  // namespace thidua

namespace thidua {
namespace {

// The province's settings over HTTP: typed JSON, who may change them, 4xx that write nothing, the
// settings screen, and the CSTDCS quota of a unit.
TEST_P(ApiWriteTest, SettingsAndQuotaFollowTheContract) {
  REQUIRE_READY();
  ASSERT_TRUE(services_->auth
                  .CreateUser(service::Actor::System(),
                              service::NewUserRequest{"lanhdao", "Hoàng Văn Minh", "office_lead", "", kPassword})
                  .ok());
  before_ = Snapshot();
  Reply got = Get("/api/v1/settings", office_.Bearer());
  ASSERT_EQ(got.status, 200) << got.body;
  json settings = got.Json();
  EXPECT_EQ(settings["cstdcs_quota_percent"], 15);
  EXPECT_EQ(settings["registration_required"], false);
  EXPECT_EQ(settings["ttldtt_member_discipline_level"], "canh_cao");
  EXPECT_EQ(settings["gk_person_criteria"], "");
  EXPECT_EQ(Get("/api/v1/settings").status, 401);

  // The office reads but may not change; bad bodies are refused; nothing is written.
  EXPECT_EQ(Send("PATCH", "/api/v1/settings", R"({"cstdcs_quota_percent": 20})", office_.Bearer()).status, 403);
  Session lead = Login("lanhdao");
  before_ = Snapshot();
  EXPECT_EQ(Send("PATCH", "/api/v1/settings", R"({"cstdcs_quota_percent": 20})", lead.Cookie(false)).status, 403);
  Reply bad = Send("PATCH", "/api/v1/settings", R"({"cstdcs_quota_percent": 120, "ldtt_min_months_served": [6]})",
                   lead.Bearer());
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_FALSE(bad.ErrorField("ldtt_min_months_served").empty()) << bad.body;
  Reply range = Send("PATCH", "/api/v1/settings", R"({"cstdcs_quota_percent": 120, "thuong": 1})", lead.Bearer());
  EXPECT_EQ(range.status, 422) << range.body;
  EXPECT_FALSE(range.ErrorField("thuong").empty()) << range.body;
  Reply out_of_range = Send("PATCH", "/api/v1/settings", R"({"cstdcs_quota_percent": 120})", lead.Bearer());
  EXPECT_EQ(out_of_range.status, 422) << out_of_range.body;
  EXPECT_FALSE(out_of_range.ErrorField("cstdcs_quota_percent").empty()) << out_of_range.body;
  EXPECT_EQ(Send("PATCH", "/api/v1/settings", "quota=20", lead.Bearer(), "text/plain").status, 415);
  EXPECT_EQ(Send("PATCH", "/api/v1/settings", "[1]", lead.Bearer()).status, 400);
  ExpectNothingWritten();

  Reply changed = Send("PATCH", "/api/v1/settings", R"({"cstdcs_quota_percent": 20, "registration_required": true})",
                       lead.Cookie(true));
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["cstdcs_quota_percent"], 20);
  EXPECT_EQ(changed.Json()["registration_required"], true);
  EXPECT_EQ(Get("/api/v1/settings", office_.Bearer()).Json()["cstdcs_quota_percent"], 20);
  json trail = Get("/api/v1/audit?entity=settings&id=province", office_.Bearer()).Json();
  ASSERT_EQ(trail["items"].size(), 1u) << trail.dump();
  EXPECT_EQ(trail["items"][0]["actor"], "lanhdao");

  // The quota of a unit: its subtree's people in the year against the setting.
  Reply quota = Get("/api/v1/units/A/quota?year=2024", office_.Bearer());
  ASSERT_EQ(quota.status, 200) << quota.body;
  json q = quota.Json();
  for (const char* key : {"unit", "name", "year", "members", "ldtt", "cstdcs_eligible", "cstdcs_awarded",
                          "quota_percent", "allowed", "used", "remaining", "within", "text", "basis"}) {
    EXPECT_TRUE(q.contains(key)) << key << " in " << quota.body;
  }
  EXPECT_EQ(q["unit"], "A");
  EXPECT_EQ(q["members"], 2);  // P1 (A1) and P3 (A)
  EXPECT_EQ(q["quota_percent"], 20);
  EXPECT_EQ(Get("/api/v1/units/A/quota?year=abc", office_.Bearer()).status, 400);
  EXPECT_EQ(Get("/api/v1/units/A/quota?year=2010", office_.Bearer()).status, 422);
  Session officer = Officer();
  EXPECT_EQ(Get("/api/v1/units/B/quota?year=2024", officer.Bearer()).status, 404);
  EXPECT_EQ(Get("/api/v1/units/A1/quota?year=2024", officer.Bearer()).status, 200);

  // The screen: a form for the office lead, the values for the office; errors beside the fields.
  Reply form = Get("/quan-ly/cau-hinh", lead.Cookie(false));
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"cstdcs_quota_percent\""), std::string::npos);
  Reply read_only = Get("/quan-ly/cau-hinh", office_.Cookie(false));
  ASSERT_EQ(read_only.status, 200);
  EXPECT_EQ(read_only.body.find("name=\"cstdcs_quota_percent\""), std::string::npos);
  EXPECT_NE(read_only.body.find("Tỷ lệ Chiến sĩ thi đua cơ sở"), std::string::npos);
  Headers post = lead.Cookie(false);
  Reply refused = Send("POST", "/quan-ly/cau-hinh", "csrf_token=" + lead.csrf + "&cstdcs_quota_percent=abc", post,
                       "application/x-www-form-urlencoded");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("Phải là một số nguyên."), std::string::npos);
  Reply saved = Send("POST", "/quan-ly/cau-hinh", "csrf_token=" + lead.csrf + "&cstdcs_quota_percent=25", post,
                     "application/x-www-form-urlencoded");
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(Get("/api/v1/settings", office_.Bearer()).Json()["cstdcs_quota_percent"], 25);
  Reply unit_page = Get("/quan-ly/don-vi/A?nam=2024", office_.Cookie(false));
  ASSERT_EQ(unit_page.status, 200);
  EXPECT_NE(unit_page.body.find("Tỷ lệ Chiến sĩ thi đua cơ sở năm 2024"), std::string::npos);
  EXPECT_NE(unit_page.body.find("25% của"), std::string::npos);
}

}  // namespace
}  // namespace thidua
