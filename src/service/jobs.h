// Long jobs (imports today, reports later) run on one background thread; their progress is
// polled by the browser. Jobs live in memory only: a restart forgets them, which is fine for
// jobs whose result is also written to the database. Thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "base/ids.h"

namespace thidua::service {

struct JobStatus {
  std::string id;
  UserId owner;
  std::string state = "queued";  // queued | running | done | failed
  int64_t done = 0;
  int64_t total = 0;
  std::string message;
  int http_status = 200;  // the status the result would have had as a direct answer
  std::string result_json;
};

class JobRunner {
 public:
  // Reports progress from inside a job: (done, total).
  using Progress = std::function<void(int64_t, int64_t)>;
  // A job returns (http status, JSON result).
  using Work = std::function<std::pair<int, std::string>(const Progress&)>;

  JobRunner();
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Queues a job; returns its id. At most `max_jobs` finished jobs are remembered.
  std::string Submit(UserId owner, Work work);
  // The job's status if it exists and belongs to `owner`.
  std::optional<JobStatus> Get(const std::string& id, UserId owner) const;
  // Stops after the running job; queued jobs are dropped.
  void Shutdown();

 private:
  void Loop();
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<std::string, Work>> queue_;
  std::map<std::string, JobStatus> jobs_;
  std::deque<std::string> finished_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace thidua::service
