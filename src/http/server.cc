#include "http/server.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/ascii.h"
#include "http/parsers.h"

namespace thidua::http {
namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using SteadyClock = std::chrono::steady_clock;

// A fixed set of threads running jobs from a bounded queue. TryPost refuses a job when more
// than `max_queue` jobs would wait (idle workers take jobs at once, so they do not count).
class WorkerPool {
 public:
  explicit WorkerPool(size_t max_queue) : max_queue_(max_queue) {}
  ~WorkerPool() { Shutdown(); }

  void Start(int threads) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
  }

  bool TryPost(std::function<void()> job) {
    std::lock_guard lock(mu_);
    if (stopped_ || jobs_.size() >= max_queue_ + idle_) return false;
    jobs_.push_back(std::move(job));
    cv_.notify_one();
    return true;
  }

  // Drops the jobs still queued, waits for the running ones and joins the threads.
  void Shutdown() {
    std::deque<std::function<void()>> dropped;
    {
      std::lock_guard lock(mu_);
      stopped_ = true;
      dropped.swap(jobs_);
    }
    cv_.notify_all();
    for (std::thread& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
    threads_.clear();
  }

 private:
  void Run() {
    std::unique_lock lock(mu_);
    while (true) {
      ++idle_;
      cv_.wait(lock, [&] { return stopped_ || !jobs_.empty(); });
      --idle_;
      if (stopped_) return;
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      try {
        job();
      } catch (const std::exception& e) {
        spdlog::error("http: worker job threw: {}", e.what());
      }
      job = nullptr;
      lock.lock();
    }
  }

  const size_t max_queue_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  size_t idle_ = 0;
  bool stopped_ = false;
  std::vector<std::thread> threads_;
};

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A header a handler may set: a token name, a value without CR, LF or NUL, and not one of
// the fields the server owns.
bool IsSendableHeader(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), IsTokenChar)) return false;
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) return false;
  return !EqualsIgnoreCase(name, "Content-Length") && !EqualsIgnoreCase(name, "Transfer-Encoding") &&
         !EqualsIgnoreCase(name, "Connection") && !EqualsIgnoreCase(name, "X-Request-Id");
}

class Connection;

// What connections share: options, router, worker pool, access log and the registry of live
// connections that Stop walks.
struct ServerCore {
  ServerCore(ServerOptions server_options, const Router& server_router)
      : options(std::move(server_options)), router(server_router), pool(options.max_queue) {
    std::random_device device;
    seed = (static_cast<uint64_t>(device()) << 32) ^ device();
  }

  void Register(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mu);
    connections.emplace(connection.get(), connection);
  }
  void Unregister(Connection* connection) {
    std::lock_guard lock(mu);
    connections.erase(connection);
    if (connections.empty()) cv.notify_all();
  }
  uint64_t NextSeed() {
    uint64_t state = seed.fetch_add(1);
    return SplitMix64(state);
  }

  const ServerOptions options;
  const Router& router;
  WorkerPool pool;
  std::shared_ptr<spdlog::logger> access_log;
  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> seed{0};
  std::mutex mu;
  std::condition_variable cv;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;
};

// One client connection. Every member is touched only on the connection's strand, except
// request_ and response_ while a worker runs the handler (the strand does nothing then: no
// read or timer is pending, and the worker hands back by posting to the strand).
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(ServerCore& core, tcp::socket socket)
      : core_(core), socket_(std::move(socket)), timer_(socket_.get_executor()), rng_(core.NextSeed()) {
    error_code ec;
    tcp::endpoint peer = socket_.remote_endpoint(ec);
    remote_ = ec ? "-" : peer.address().to_string();
  }
  ~Connection() { core_.Unregister(this); }

  asio::any_io_executor executor() { return socket_.get_executor(); }
  void Start() { WaitForRequest(/*first=*/true); }
  // Server stop: an idle connection closes now; one with a request in flight closes after
  // answering it.
  void OnStop() {
    if (phase_ == Phase::kIdle) Close();
  }

 private:
  enum class Phase { kIdle, kHeader, kBody, kBusy, kWriting, kLinger, kClosed };
  static constexpr size_t kReadSize = 4096;
  static constexpr size_t kMaxDrain = 1 << 20;

  void Arm(std::chrono::milliseconds after) {
    timed_out_ = false;
    timer_.expires_after(after);
    timer_.async_wait([self = shared_from_this(), generation = ++timer_generation_](error_code ec) {
      if (ec || generation != self->timer_generation_) return;
      self->timed_out_ = true;
      error_code ignored;
      // Reads are cancelled so that a 408 can still be written; a stalled write is cut.
      if (self->phase_ == Phase::kWriting || self->phase_ == Phase::kLinger) {
        self->socket_.close(ignored);
      } else {
        self->socket_.cancel(ignored);
      }
    });
  }
  void Disarm() {
    ++timer_generation_;
    timer_.cancel();
  }

  void WaitForRequest(bool first) {
    if (core_.stopping) return Close();
    phase_ = Phase::kIdle;
    if (buffer_.size() > 0) return ReadHeader();  // pipelined
    Arm(first ? core_.options.header_timeout : core_.options.idle_timeout);
    socket_.async_read_some(buffer_.prepare(kReadSize), [self = shared_from_this()](error_code ec, size_t n) {
      self->Disarm();
      if (ec) return self->Close();
      self->buffer_.commit(n);
      self->ReadHeader();
    });
  }

  void ReadHeader() {
    phase_ = Phase::kHeader;
    started_ = SteadyClock::now();
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(std::min<size_t>(core_.options.header_limit, UINT32_MAX)));
    parser_->body_limit(boost::none);  // checked against the route's limit once the header is in
    Arm(core_.options.header_timeout);
    bhttp::async_read_header(socket_, buffer_, *parser_,
                             [self = shared_from_this()](error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(error_code ec) {
    Disarm();
    if (ec) return OnReadError(ec);
    const auto& header = parser_->get();
    request_.method = std::string(header.method_string());
    request_.target = std::string(header.target());
    request_.version = header.version();
    request_.remote_address = remote_;
    request_.request_id = NewRequestId();
    for (const auto& field : header) request_.headers.emplace_back(field.name_string(), field.value());
    keep_alive_ = header.keep_alive();
    const bool body_pending = !parser_->is_done();

    Result<Target> target = ParseTarget(request_.target);
    if (!target.ok()) return RespondEarly(400);
    request_.path = std::move(target->path);
    request_.query = std::move(target->query);

    RouteMatch match = core_.router.Match(request_.method, request_.path);
    if (match.kind != RouteMatch::Kind::kFound) {
      if (body_pending) keep_alive_ = false;  // the body stays unread
      bool not_found = match.kind == RouteMatch::Kind::kNotFound;
      response_ = StandardError(request_.path, not_found ? 404 : 405);
      if (!not_found) response_.SetHeader("Allow", std::move(match.allow));
      return Write();
    }
    route_ = match.route;
    request_.params = std::move(match.params);
    if (!body_pending) return Dispatch();
    if (boost::optional<uint64_t> length = parser_->content_length(); length && *length > match.max_body) {
      return RespondEarly(413);
    }
    parser_->body_limit(match.max_body);  // also bounds chunked bodies
    if (header.version() >= 11 && EqualsIgnoreCase(header[bhttp::field::expect], "100-continue")) {
      return SendContinue();
    }
    ReadBody();
  }

  void SendContinue() {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    phase_ = Phase::kWriting;
    Arm(core_.options.write_timeout);
    asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = shared_from_this()](error_code ec, size_t) {
                        self->Disarm();
                        if (ec) return self->Close();
                        self->ReadBody();
                      });
  }

  void ReadBody() {
    phase_ = Phase::kBody;
    Arm(core_.options.body_timeout);
    bhttp::async_read(socket_, buffer_, *parser_, [self = shared_from_this()](error_code ec, size_t) {
      self->Disarm();
      if (ec) return self->OnReadError(ec);
      self->Dispatch();
    });
  }

  void OnReadError(error_code ec) {
    if (timed_out_) {
      if (phase_ == Phase::kHeader || phase_ == Phase::kBody) return RespondEarly(408);
      return Close();
    }
    if (ec == bhttp::error::header_limit) return RespondEarly(431);
    if (ec == bhttp::error::body_limit) return RespondEarly(413);
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return Close();
    // Any other parse error is the client's malformed request; socket errors just end it.
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category())
      return RespondEarly(400);
    Close();
  }

  // Answers a request that cannot go on (its input is not fully read) and closes afterwards.
  void RespondEarly(unsigned status) {
    keep_alive_ = false;
    std::string_view path = request_.path.empty() ? std::string_view(request_.target) : request_.path;
    response_ = StandardError(path, status);
    Write();
  }

  void Dispatch() {
    request_.body = std::move(parser_->get().body());
    parser_.reset();
    phase_ = Phase::kBusy;
    if (core_.pool.TryPost([self = shared_from_this()] { self->RunHandler(); })) return;
    response_ = StandardError(request_.path, 503);
    response_.SetHeader("Retry-After", "1");
    Write();
  }

  // On a worker thread.
  void RunHandler() {
    response_ = core_.router.Run(route_, request_);
    asio::post(socket_.get_executor(), [self = shared_from_this()] { self->Write(); });
  }

  void Write() {
    phase_ = Phase::kWriting;
    if (core_.stopping) keep_alive_ = false;
    if (request_.request_id.empty()) request_.request_id = NewRequestId();
    BuildMessage();
    Arm(core_.options.write_timeout);
    bhttp::async_write(socket_, *message_,
                       [self = shared_from_this()](error_code ec, size_t) { self->OnWrite(ec); });
  }

  void BuildMessage() {
    unsigned status = response_.status;
    if (status < 100 || status > 999) {
      response_ = StandardError(request_.path, 500);
      response_.internal_message = "handler returned HTTP status " + std::to_string(status);
      status = 500;
    }
    message_.emplace();
    bhttp::response<bhttp::string_body>& message = *message_;
    message.result(status);
    message.version(request_.version == 10 ? 10 : 11);
    const bool bodiless = status < 200 || status == 204 || status == 304;
    if (!bodiless && !response_.content_type.empty())
      message.set(bhttp::field::content_type, response_.content_type);
    for (const auto& [name, value] : response_.headers) {
      if (IsSendableHeader(name, value)) {
        message.insert(name, value);
      } else {
        spdlog::warn("http: request {}: dropped response header {}", request_.request_id, name);
      }
    }
    for (const auto& [name, value] : kSecurityHeaders) {
      if (response_.Header(name).empty()) message.insert(name, value);
    }
    message.set("X-Request-Id", request_.request_id);
    message.keep_alive(keep_alive_);
    body_bytes_ = 0;
    if (bodiless) return;
    message.content_length(response_.body.size());
    if (request_.method == "HEAD") return;
    body_bytes_ = response_.body.size();
    message.body() = std::move(response_.body);
  }

  void OnWrite(error_code ec) {
    Disarm();
    LogAccess();
    message_.reset();
    request_ = Request{};
    response_ = Response{};
    if (ec) return Close();
    if (!keep_alive_) return Linger();
    WaitForRequest(/*first=*/false);
  }

  void LogAccess() {
    auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - started_).count();
    std::string_view method = request_.method.empty() ? "-" : std::string_view(request_.method);
    std::string_view target = request_.target.empty() ? "-" : std::string_view(request_.target);
    core_.access_log->info("{} \"{} {}\" {} {} {}us {}", remote_, method, target, message_->result_int(),
                           body_bytes_, micros, request_.request_id);
    if (!response_.internal_message.empty()) {
      spdlog::error("http: request {} {} {}: {}", request_.request_id, method, target,
                    response_.internal_message);
    }
  }

  // Half-closes and reads what the client still sends (an unread body) for a while, so that
  // closing does not reset the connection before the client has read the response.
  void Linger() {
    phase_ = Phase::kLinger;
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    Arm(core_.options.linger_timeout);
    Drain();
  }
  void Drain() {
    buffer_.clear();
    socket_.async_read_some(buffer_.prepare(kReadSize), [self = shared_from_this()](error_code ec, size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > kMaxDrain) return self->Close();
      self->Drain();
    });
  }

  void Close() {
    if (phase_ == Phase::kClosed) return;
    phase_ = Phase::kClosed;
    Disarm();
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

  std::string NewRequestId() {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(32, '0');
    for (size_t half = 0; half < 2; ++half) {
      uint64_t bits = SplitMix64(rng_);
      for (size_t i = 0; i < 16; ++i, bits >>= 4) id[half * 16 + i] = kHex[bits & 0xF];
    }
    return id;
  }

  ServerCore& core_;
  tcp::socket socket_;
  asio::steady_timer timer_;
  uint64_t rng_;
  std::string remote_;
  boost::beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::string_body>> message_;
  Request request_;
  Response response_;
  size_t route_ = 0;
  Phase phase_ = Phase::kIdle;
  bool keep_alive_ = false;
  bool timed_out_ = false;
  uint64_t timer_generation_ = 0;
  size_t body_bytes_ = 0;
  size_t drained_ = 0;
  SteadyClock::time_point started_ = SteadyClock::now();
};

Result<std::shared_ptr<spdlog::logger>> MakeAccessLog(const std::string& path) {
  try {
    spdlog::sink_ptr sink;
    if (path.empty()) {
      sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    } else {
      sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(path);
    }
    auto logger = std::make_shared<spdlog::logger>("http.access", std::move(sink));
    logger->set_pattern("[%Y-%m-%d %H:%M:%S.%e] %v");
    logger->flush_on(spdlog::level::info);
    return logger;
  } catch (const spdlog::spdlog_ex& e) {
    return Unavailable(std::string("cannot open the access log: ") + e.what());
  }
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, const Router& router)
      : core(std::move(options), router),
        ioc(std::max(1, core.options.io_threads)),
        acceptor(asio::make_strand(ioc)),
        accept_retry(acceptor.get_executor()) {}

  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc),
                          [this](error_code ec, tcp::socket socket) { OnAccept(ec, std::move(socket)); });
  }

  void OnAccept(error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (ec) {
      // Out of descriptors, say: try again shortly instead of spinning.
      spdlog::warn("http: accept failed: {}", ec.message());
      accept_retry.expires_after(std::chrono::milliseconds(100));
      accept_retry.async_wait([this](error_code wait_error) {
        if (!wait_error) Accept();
      });
      return;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto connection = std::make_shared<Connection>(core, std::move(socket));
    core.Register(connection);
    asio::post(connection->executor(), [connection] { connection->Start(); });
    Accept();
  }

  void RunIo() {
    while (true) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http: I/O thread caught: {}", e.what());
      }
    }
  }

  void Shutdown() {
    core.stopping = true;
    asio::post(acceptor.get_executor(), [this] {
      error_code ignored;
      acceptor.close(ignored);
      accept_retry.cancel();
      if (signals) signals->cancel(ignored);
    });
    std::vector<std::shared_ptr<Connection>> live;
    {
      std::lock_guard lock(core.mu);
      for (const auto& entry : core.connections) {
        if (std::shared_ptr<Connection> connection = entry.second.lock())
          live.push_back(std::move(connection));
      }
    }
    for (const std::shared_ptr<Connection>& connection : live) {
      asio::post(connection->executor(), [connection] { connection->OnStop(); });
    }
    live.clear();
    {
      std::unique_lock lock(core.mu);
      if (!core.cv.wait_for(lock, core.options.shutdown_timeout, [&] { return core.connections.empty(); })) {
        spdlog::warn("http: {} connection(s) still busy after {} ms; closing them", core.connections.size(),
                     core.options.shutdown_timeout.count());
      }
    }
    core.pool.Shutdown();
    work.reset();
    ioc.stop();
    for (std::thread& thread : io_threads) thread.join();
    io_threads.clear();
    if (core.options.on_shutdown) core.options.on_shutdown();
    core.access_log->flush();
  }

  ServerCore core;
  // Declared after `core`: destroying it destroys pending handlers and the connections they
  // hold, which unregister from `core`.
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::steady_timer accept_retry;
  std::optional<asio::signal_set> signals;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> io_threads;
  uint16_t port = 0;

  std::mutex lifecycle_mu;  // serialises Start and Stop
  bool started = false;
  bool stop_done = false;
  std::mutex state_mu;  // guards `stopped` for Wait
  std::condition_variable stopped_cv;
  bool stopped = false;
  std::thread signal_thread;  // runs Stop after a signal (not on an I/O thread, which Stop joins)
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() {
  Stop();
  if (impl_->signal_thread.joinable()) impl_->signal_thread.join();
}

Status Server::Start() {
  Impl& impl = *impl_;
  std::lock_guard lock(impl.lifecycle_mu);
  if (impl.started || impl.stop_done) return FailedPrecondition("server already started");
  const ServerOptions& options = impl.core.options;
  Result<std::shared_ptr<spdlog::logger>> access_log = MakeAccessLog(options.access_log_path);
  if (!access_log.ok()) return access_log.status();
  impl.core.access_log = std::move(access_log).value();

  error_code ec;
  asio::ip::address address = asio::ip::make_address(options.bind, ec);
  if (ec) return Unavailable("invalid bind address " + options.bind);
  tcp::endpoint endpoint(address, options.port);
  impl.acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor.bind(endpoint, ec);
  if (!ec) impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error_code ignored;
    impl.acceptor.close(ignored);
    return Unavailable("cannot listen on " + options.bind + ":" + std::to_string(options.port) + ": " +
                       ec.message());
  }
  impl.port = impl.acceptor.local_endpoint().port();

  impl.work.emplace(impl.ioc.get_executor());
  impl.core.pool.Start(std::max(1, options.worker_threads));
  if (options.handle_signals) {
    impl.signals.emplace(impl.ioc, SIGINT, SIGTERM);
    impl.signals->async_wait([this](error_code wait_error, int signal) {
      if (wait_error) return;
      spdlog::info("http: signal {} received, stopping", signal);
      impl_->signal_thread = std::thread([this] { Stop(); });
    });
  }
  asio::post(impl.acceptor.get_executor(), [&impl] { impl.Accept(); });
  for (int i = 0; i < std::max(1, options.io_threads); ++i)
    impl.io_threads.emplace_back([&impl] { impl.RunIo(); });
  impl.started = true;
  return Status::Ok();
}

uint16_t Server::port() const { return impl_->port; }

void Server::Wait() {
  std::unique_lock lock(impl_->state_mu);
  impl_->stopped_cv.wait(lock, [&] { return impl_->stopped; });
}

void Server::Stop() {
  Impl& impl = *impl_;
  {
    std::lock_guard lock(impl.lifecycle_mu);
    if (impl.stop_done) return;
    impl.stop_done = true;
    if (impl.started) impl.Shutdown();
  }
  {
    std::lock_guard lock(impl.state_mu);
    impl.stopped = true;
  }
  impl.stopped_cv.notify_all();
}

}  // namespace thidua::http
