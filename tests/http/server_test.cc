// End-to-end tests of the HTTP server core: a real Server on 127.0.0.1:0 and a small blocking
// client over plain sockets, so that the tests see exactly the bytes on the wire.
#include "http/server.h"

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <future>
#include <optional>
#include <semaphore>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "base/embedded.h"
#include "http/static_files.h"

namespace thidua::http {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using namespace std::chrono_literals;

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

struct Reply {
  std::string version;
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::string Header(std::string_view name) const {
    for (const auto& [field, value] : headers) {
      if (SameName(field, name)) return value;
    }
    return "";
  }
  bool HasHeader(std::string_view name) const {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& field) { return SameName(field.first, name); });
  }
};

// A blocking HTTP/1.x client that reads exactly one response at a time.
class Client {
 public:
  explicit Client(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    // A safety net so that a broken server fails the test instead of hanging it.
    timeval timeout{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~Client() { Close(); }

  bool connected() const { return connected_; }
  int fd() const { return fd_; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  void Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return;
      data.remove_prefix(static_cast<size_t>(sent));
    }
  }

  // One response; nullopt if the connection ended before a whole header arrived.
  std::optional<Reply> Read(bool head = false) {
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (Fill() <= 0) return std::nullopt;
    }
    Reply reply;
    std::istringstream lines(buffer_.substr(0, end));
    std::string line;
    std::getline(lines, line);
    std::istringstream status_line(line);
    status_line >> reply.version >> reply.status;
    while (std::getline(lines, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      size_t value = line.find_first_not_of(' ', colon + 1);
      reply.headers.emplace_back(line.substr(0, colon), value == std::string::npos ? "" : line.substr(value));
    }
    buffer_.erase(0, end + 4);
    if (head || reply.status < 200 || reply.status == 204 || reply.status == 304) return reply;
    if (reply.HasHeader("Content-Length")) {
      size_t length = std::stoul(reply.Header("Content-Length"));
      while (buffer_.size() < length && Fill() > 0) {
      }
      reply.body = buffer_.substr(0, length);
      buffer_.erase(0, std::min(length, buffer_.size()));
    } else {
      while (Fill() > 0) {
      }
      reply.body = std::move(buffer_);
      buffer_.clear();
    }
    return reply;
  }

  // True once the server has closed the connection (EOF or reset), waiting for it if needed.
  bool ServerClosed() {
    if (!buffer_.empty()) return false;
    ssize_t n = Fill();
    return n == 0 || (n < 0 && errno == ECONNRESET);
  }

 private:
  ssize_t Fill() {
    char chunk[4096];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n > 0) buffer_.append(chunk, static_cast<size_t>(n));
    return n;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

std::string Get(std::string_view target, std::string_view extra_headers = "") {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra_headers) + "\r\n";
}

Response Text(std::string body, std::string content_type = "text/html; charset=utf-8") {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// Releases handlers blocked in /block and tells the test when one has entered.
struct Gate {
  std::promise<void> open;
  std::shared_future<void> opened = open.get_future().share();
  std::counting_semaphore<16> entered{0};
};

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    options_.port = 0;
    options_.io_threads = 1;
    options_.worker_threads = 2;
    options_.access_log_path = ::testing::TempDir() + "thidua_http_" +
                               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".log";
    std::remove(options_.access_log_path.c_str());

    router_.Add("GET", "/", [](Request&) { return Text("home"); });
    router_.Add("GET", "/api/v1/people/{code}", [](Request& request) {
      return JsonResponse(200, "{\"code\":\"" + request.params["code"] + "\"}");
    });
    router_.Add("GET", "/api/v1/people/new", [](Request&) { return JsonResponse(200, "\"new\""); });
    router_.Add("GET", "/api/v1/search",
                [](Request& request) { return Text(request.Query("q"), "text/plain; charset=utf-8"); });
    router_.Add("POST", "/api/v1/echo", [](Request& request) { return Text(request.body, "text/plain"); },
                {.max_body = 16});
    router_.Add("GET", "/api/boom", [](Request&) -> Response { throw std::runtime_error("kaboom"); });
    router_.Add("GET", "/block", [this](Request&) {
      gate_.entered.release();
      gate_.opened.wait();
      return Text("done");
    });
    static_files_.Mount(router_);
  }
  ~ServerTest() override {
    if (!gate_open_) gate_.open.set_value();
    if (server_) server_->Stop();
  }

  void StartServer() {
    server_ = std::make_unique<Server>(options_, router_);
    Status started = server_->Start();
    ASSERT_TRUE(started.ok()) << started.message();
    ASSERT_NE(server_->port(), 0);
  }
  uint16_t port() const { return server_->port(); }
  void OpenGate() {
    gate_.open.set_value();
    gate_open_ = true;
  }

  ServerOptions options_;
  Router router_;
  std::vector<EmbeddedFile> files_ = {{"css/site.css", "body{color:red}"}, {"js/app.js", "let a=1;"}};
  StaticFiles static_files_{"/static/", files_};
  Gate gate_;
  bool gate_open_ = false;
  std::unique_ptr<Server> server_;
};

TEST_F(ServerTest, ServesTwoRequestsOnOneKeepAliveConnection) {
  StartServer();
  Client client(port());
  client.Send(Get("/"));
  std::optional<Reply> first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->body, "home");
  EXPECT_EQ(first->Header("Content-Type"), "text/html; charset=utf-8");
  client.Send(Get("/api/v1/people/P001"));
  std::optional<Reply> second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->body, "{\"code\":\"P001\"}");
  EXPECT_THAT(first->Header("X-Request-Id"), MatchesRegex("[0-9a-f]{32}"));
  EXPECT_NE(first->Header("X-Request-Id"), second->Header("X-Request-Id"));
}

TEST_F(ServerTest, AnswersPipelinedRequestsInOrder) {
  StartServer();
  Client client(port());
  client.Send(Get("/api/v1/people/A") + Get("/api/v1/people/B"));
  std::optional<Reply> first = client.Read();
  std::optional<Reply> second = client.Read();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, "{\"code\":\"A\"}");
  EXPECT_EQ(second->body, "{\"code\":\"B\"}");
}

TEST_F(ServerTest, ServesManyClientsAtOnceOnSeveralIoThreads) {
  options_.io_threads = 2;
  options_.worker_threads = 3;
  StartServer();
  std::atomic<int> ok = 0;
  std::vector<std::thread> clients;
  for (int c = 0; c < 6; ++c) {
    clients.emplace_back([&, c] {
      Client client(port());
      for (int i = 0; i < 25; ++i) {
        std::string code = std::to_string(c) + "-" + std::to_string(i);
        client.Send(Get("/api/v1/people/" + code));
        std::optional<Reply> reply = client.Read();
        if (reply && reply->body == "{\"code\":\"" + code + "\"}") ++ok;
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(ok, 6 * 25);
}

TEST_F(ServerTest, PassesRouteParamsAndQueryAndPrefersLiteralSegments) {
  StartServer();
  Client client(port());
  client.Send(Get("/api/v1/people/new"));
  EXPECT_EQ(client.Read()->body, "\"new\"");
  client.Send(Get("/api/v1/people/Nguy%E1%BB%85n"));
  EXPECT_EQ(client.Read()->body, "{\"code\":\"Nguyễn\"}");
  client.Send(Get("/api/v1/search?q=thi+%C4%91ua&page=2"));
  EXPECT_EQ(client.Read()->body, "thi đua");
}

TEST_F(ServerTest, AnswersUnknownApiPathWithJson404AndSecurityHeaders) {
  StartServer();
  Client client(port());
  client.Send(Get("/api/v1/khong-co"));
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
  EXPECT_EQ(reply->Header("Content-Type"), "application/json");
  EXPECT_THAT(reply->body, HasSubstr("\"code\":\"not_found\""));
  EXPECT_EQ(
      reply->Header("Content-Security-Policy"),
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
      "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  EXPECT_EQ(reply->Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(reply->Header("Referrer-Policy"), "strict-origin-when-cross-origin");
  EXPECT_EQ(reply->Header("X-Frame-Options"), "DENY");
  EXPECT_THAT(reply->Header("X-Request-Id"), MatchesRegex("[0-9a-f]{32}"));
}

TEST_F(ServerTest, AnswersUnknownPagePathWithHtml404) {
  StartServer();
  Client client(port());
  client.Send(Get("/tin-tuc/khong-co"));
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
  EXPECT_EQ(reply->Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_THAT(reply->body, HasSubstr("Không tìm thấy trang"));
  EXPECT_EQ(reply->Header("X-Frame-Options"), "DENY");
}

TEST_F(ServerTest, AnswersWrongMethodWith405AndAllow) {
  StartServer();
  Client client(port());
  client.Send("DELETE /api/v1/people/P1 HTTP/1.1\r\nHost: test\r\n\r\n");
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 405);
  EXPECT_EQ(reply->Header("Allow"), "GET, HEAD");
  EXPECT_THAT(reply->body, HasSubstr("\"code\":\"method_not_allowed\""));
}

TEST_F(ServerTest, PassesASmallBodyToTheHandlerAndAnswersExpectContinue) {
  StartServer();
  Client client(port());
  client.Send("POST /api/v1/echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_EQ(client.Read()->body, "hello");
  client.Send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  std::optional<Reply> interim = client.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  client.Send("abc");
  EXPECT_EQ(client.Read()->body, "abc");
}

TEST_F(ServerTest, RejectsOversizedContentLengthWith413WithoutReadingTheBody) {
  StartServer();
  Client client(port());
  client.Send("POST /api/v1/echo HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n");
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(reply->Header("Connection"), "close");
  EXPECT_THAT(reply->body, HasSubstr("\"code\":\"payload_too_large\""));
  EXPECT_EQ(reply->Header("X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, RejectsChunkedBodyOverTheLimitWith413) {
  StartServer();
  Client client(port());
  client.Send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
      "20\r\n" +
      std::string(32, 'x') + "\r\n0\r\n\r\n");
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
}

TEST_F(ServerTest, CutsOffAStalledHeaderWith408AndKeepsServingOthers) {
  options_.header_timeout = 200ms;
  StartServer();
  Client slow(port());
  slow.Send("GET / HTTP/1.1\r\nHost: te");
  Client other(port());
  other.Send(Get("/"));
  std::optional<Reply> served = other.Read();
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
  std::optional<Reply> cut = slow.Read();
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->status, 408);
  EXPECT_EQ(cut->Header("Connection"), "close");
  EXPECT_EQ(cut->Header("X-Frame-Options"), "DENY");
  EXPECT_TRUE(slow.ServerClosed());
}

TEST_F(ServerTest, CutsOffAStalledBodyWith408) {
  options_.body_timeout = 200ms;
  StartServer();
  Client client(port());
  client.Send("POST /api/v1/echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc");
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 408);
  EXPECT_THAT(reply->body, HasSubstr("request_timeout"));
}

TEST_F(ServerTest, AnswersAnOversizedHeaderWith431) {
  options_.header_limit = 1024;
  StartServer();
  Client client(port());
  client.Send(Get("/", "X-Pad: " + std::string(2000, 'p') + "\r\n"));
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 431);
}

TEST_F(ServerTest, AnswersMalformedRequestsWith400) {
  StartServer();
  Client garbage(port());
  garbage.Send("GARBAGE\r\n\r\n");
  std::optional<Reply> reply = garbage.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_TRUE(garbage.ServerClosed());

  Client bad_utf8(port());
  bad_utf8.Send(Get("/tin-tuc/%FF"));
  EXPECT_EQ(bad_utf8.Read()->status, 400);

  Client bad_api_path(port());
  bad_api_path.Send(Get("/api/v1/people/%C3%28"));
  std::optional<Reply> api = bad_api_path.Read();
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 400);
  EXPECT_THAT(api->body, HasSubstr("\"code\":\"bad_request\""));
}

TEST_F(ServerTest, ServesStaticFilesWithEtagAndAnswers304) {
  StartServer();
  Client client(port());
  client.Send(Get("/static/css/site.css"));
  std::optional<Reply> file = client.Read();
  ASSERT_TRUE(file);
  EXPECT_EQ(file->status, 200);
  EXPECT_EQ(file->body, "body{color:red}");
  EXPECT_EQ(file->Header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(file->Header("Cache-Control"), "public, max-age=86400");
  std::string etag = file->Header("ETag");
  EXPECT_THAT(etag, MatchesRegex("\"[0-9a-f]+-15\""));

  client.Send(Get("/static/css/site.css", "If-None-Match: " + etag + "\r\n"));
  std::optional<Reply> cached = client.Read();
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->status, 304);
  EXPECT_EQ(cached->Header("ETag"), etag);
  EXPECT_FALSE(cached->HasHeader("Content-Length"));

  client.Send(Get("/static/js/app.js"));
  std::optional<Reply> script = client.Read();
  ASSERT_TRUE(script);
  EXPECT_EQ(script->Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(script->Header("ETag"), etag);

  client.Send(Get("/static/css/none.css"));
  EXPECT_EQ(client.Read()->status, 404);
  client.Send(Get("/static/%2e%2e/server_test.cc"));
  EXPECT_EQ(client.Read()->status, 400);
}

TEST_F(ServerTest, AnswersHeadWithHeadersOnly) {
  StartServer();
  Client client(port());
  client.Send("HEAD /static/css/site.css HTTP/1.1\r\nHost: test\r\n\r\n");
  std::optional<Reply> head = client.Read(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("Content-Length"), "15");
  EXPECT_FALSE(head->Header("ETag").empty());
  client.Send("HEAD / HTTP/1.1\r\nHost: test\r\n\r\n");
  std::optional<Reply> page = client.Read(/*head=*/true);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->Header("Content-Length"), "4");
  // No body was sent: the next response on the connection starts right away.
  client.Send(Get("/"));
  EXPECT_EQ(client.Read()->body, "home");
}

TEST_F(ServerTest, HonoursConnectionCloseAndHttp10) {
  StartServer();
  Client closing(port());
  closing.Send(Get("/", "Connection: close\r\n"));
  std::optional<Reply> reply = closing.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->Header("Connection"), "close");
  EXPECT_TRUE(closing.ServerClosed());

  Client old(port());
  old.Send("GET / HTTP/1.0\r\n\r\n");
  std::optional<Reply> old_reply = old.Read();
  ASSERT_TRUE(old_reply);
  EXPECT_EQ(old_reply->version, "HTTP/1.0");
  EXPECT_EQ(old_reply->body, "home");
  EXPECT_TRUE(old.ServerClosed());

  Client old_keep_alive(port());
  old_keep_alive.Send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_EQ(old_keep_alive.Read()->Header("Connection"), "keep-alive");
  old_keep_alive.Send("GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old_keep_alive.Read()->body, "home");
}

TEST_F(ServerTest, TurnsAHandlerExceptionInto500) {
  StartServer();
  Client client(port());
  client.Send(Get("/api/boom"));
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 500);
  EXPECT_THAT(reply->body, HasSubstr("\"code\":\"internal\""));
  EXPECT_THAT(reply->body, ::testing::Not(HasSubstr("kaboom")));
  // The connection survives.
  client.Send(Get("/"));
  EXPECT_EQ(client.Read()->status, 200);
}

TEST_F(ServerTest, Answers503WhenTheWorkerPoolIsSaturated) {
  options_.worker_threads = 1;
  options_.max_queue = 1;
  StartServer();
  Client running(port());
  running.Send(Get("/block"));
  gate_.entered.acquire();  // the only worker is busy
  Client queued_or_refused_1(port());
  Client queued_or_refused_2(port());
  queued_or_refused_1.Send(Get("/block"));
  queued_or_refused_2.Send(Get("/block"));
  // One of the two waits in the queue; the other is refused at once.
  pollfd fds[2] = {{queued_or_refused_1.fd(), POLLIN, 0}, {queued_or_refused_2.fd(), POLLIN, 0}};
  ASSERT_EQ(::poll(fds, 2, 10000), 1);
  Client& refused = (fds[0].revents & POLLIN) ? queued_or_refused_1 : queued_or_refused_2;
  Client& queued = (fds[0].revents & POLLIN) ? queued_or_refused_2 : queued_or_refused_1;
  std::optional<Reply> busy = refused.Read();
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(busy->Header("Retry-After"), "1");
  EXPECT_EQ(busy->Header("X-Content-Type-Options"), "nosniff");

  OpenGate();
  EXPECT_EQ(running.Read()->body, "done");
  EXPECT_EQ(queued.Read()->body, "done");
}

TEST_F(ServerTest, StopWaitsForAnInFlightRequestThenRunsOnShutdown) {
  std::atomic<bool> shutdown_ran = false;
  options_.on_shutdown = [&] { shutdown_ran = true; };
  StartServer();
  Client idle(port());
  idle.Send(Get("/"));
  ASSERT_EQ(idle.Read()->status, 200);
  Client busy(port());
  busy.Send(Get("/block"));
  gate_.entered.acquire();

  std::atomic<bool> stop_returned = false;
  std::thread stopper([&] {
    server_->Stop();
    stop_returned = true;
  });
  // Stop closes idle connections first; the request in flight is still running.
  EXPECT_TRUE(idle.ServerClosed());
  EXPECT_FALSE(stop_returned);
  EXPECT_FALSE(shutdown_ran);

  OpenGate();
  std::optional<Reply> reply = busy.Read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "done");
  EXPECT_EQ(reply->Header("Connection"), "close");
  EXPECT_TRUE(busy.ServerClosed());
  busy.Close();
  stopper.join();
  EXPECT_TRUE(shutdown_ran);
  EXPECT_FALSE(Client(port()).connected());
}

TEST_F(ServerTest, WritesOneAccessLogLinePerRequest) {
  StartServer();
  Client client(port());
  client.Send(Get("/api/v1/people/P7?x=1"));
  std::optional<Reply> reply = client.Read();
  ASSERT_TRUE(reply);
  client.Close();
  server_->Stop();
  std::string log = ReadFile(options_.access_log_path);
  EXPECT_THAT(log, MatchesRegex(".*127\\.0\\.0\\.1 \"GET /api/v1/people/P7\\?x=1\" 200 13 [0-9]+us " +
                                reply->Header("X-Request-Id") + "\n"));
}

}  // namespace
}  // namespace thidua::http
