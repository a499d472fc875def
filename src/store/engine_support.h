// Building blocks shared by the Db engines (store/sqlite/, store/postgres/); repositories do not use them.
//
// - The Status of a constraint violation, in the same words on both engines.
// - RunTracked: runs a Write callback so that a statement that failed inside it fails the transaction,
//   even when the callback ignored that failure (PostgreSQL aborts such a transaction anyway; SQLite
//   would commit the rest, so both engines are made to behave the same way).
// - ConnPool<T>: a bounded pool of connections opened on demand.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "base/status.h"
#include "store/db.h"

namespace thidua::store {

// A unique or primary key is taken. `detail` is the engine's message (names a table or constraint).
Status UniqueViolation(std::string_view detail);
// A foreign key, check or not-null constraint refused the row.
Status ConstraintViolation(std::string_view detail);

// The start of a statement, for error messages in the log.
std::string ShortSql(std::string_view sql);

// Runs fn(conn) through a wrapper that remembers the first failed statement. Returns fn's Status if it
// failed, else the first statement failure, else ok.
Status RunTracked(Conn& conn, const std::function<Status(Conn&)>& fn);

// A pool of at most `capacity` connections of type T, opened by `open` when none is idle, and checked
// by `healthy` (may be empty) when returned: an unhealthy connection is closed, making room for a new one.
// Thread-safe. Every Lease must be destroyed before the pool.
template <typename T>
class ConnPool {
 public:
  using Opener = std::function<Result<std::unique_ptr<T>>()>;
  using HealthCheck = std::function<bool(T&)>;

  // Owns one lent connection; gives it back to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnPool* pool, std::unique_ptr<T> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (conn_) pool_->Return(std::move(conn_));
    }
    T& operator*() const { return *conn_; }
    T* operator->() const { return conn_.get(); }

   private:
    ConnPool* pool_;
    std::unique_ptr<T> conn_;
  };

  ConnPool(int capacity, std::chrono::milliseconds wait_limit, Opener open, HealthCheck healthy = {})
      : capacity_(capacity), wait_limit_(wait_limit), open_(std::move(open)), healthy_(std::move(healthy)) {}
  ConnPool(const ConnPool&) = delete;
  ConnPool& operator=(const ConnPool&) = delete;

  // Lends an idle connection, or opens one if fewer than `capacity` exist, or waits up to `wait_limit`
  // for one to come back (then kUnavailable). Errors of `open` are returned as they are.
  Result<Lease> Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    bool ready =
        cv_.wait_for(lock, wait_limit_, [this] { return !idle_.empty() || open_count_ < capacity_; });
    if (!ready) return Unavailable("connection pool exhausted (" + std::to_string(capacity_) + " in use)");
    if (!idle_.empty()) {
      std::unique_ptr<T> conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    ++open_count_;
    lock.unlock();
    Result<std::unique_ptr<T>> opened = open_();
    if (!opened.ok()) {
      Forget();
      return opened.status();
    }
    return Lease(this, std::move(opened).value());
  }

 private:
  void Return(std::unique_ptr<T> conn) {
    if (healthy_ && !healthy_(*conn)) {
      conn.reset();
      Forget();
      return;
    }
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(conn));
    cv_.notify_one();
  }

  void Forget() {
    std::lock_guard<std::mutex> lock(mu_);
    --open_count_;
    cv_.notify_one();
  }

  const int capacity_;
  const std::chrono::milliseconds wait_limit_;
  const Opener open_;
  const HealthCheck healthy_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<T>> idle_;  // guarded by mu_
  int open_count_ = 0;                    // guarded by mu_: idle plus lent
};

}  // namespace thidua::store
