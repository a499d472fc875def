#include "service/jobs.h"

#include "base/crypto.h"

namespace thidua::service {

namespace {
constexpr size_t kMaxFinished = 200;
}

JobRunner::JobRunner() : thread_([this] { Loop(); }) {}

JobRunner::~JobRunner() { Shutdown(); }

void JobRunner::Shutdown() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    queue_.clear();
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::string JobRunner::Submit(UserId owner, Work work) {
  std::string id = RandomHex(12);
  {
    std::lock_guard lock(mu_);
    JobStatus status;
    status.id = id;
    status.owner = owner;
    jobs_[id] = status;
    queue_.emplace_back(id, std::move(work));
  }
  cv_.notify_one();
  return id;
}

std::optional<JobStatus> JobRunner::Get(const std::string& id, UserId owner) const {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second.owner != owner) return std::nullopt;
  return it->second;
}

void JobRunner::Loop() {
  for (;;) {
    std::pair<std::string, Work> job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      jobs_[job.first].state = "running";
    }
    const std::string& id = job.first;
    auto progress = [this, &id](int64_t done, int64_t total) {
      std::lock_guard lock(mu_);
      JobStatus& status = jobs_[id];
      status.done = done;
      status.total = total;
    };
    std::pair<int, std::string> result = job.second(progress);
    std::lock_guard lock(mu_);
    JobStatus& status = jobs_[id];
    status.state = result.first < 400 ? "done" : "failed";
    status.http_status = result.first;
    status.result_json = std::move(result.second);
    status.done = status.total;
    finished_.push_back(id);
    while (finished_.size() > kMaxFinished) {
      jobs_.erase(finished_.front());
      finished_.pop_front();
    }
  }
}

}  // namespace thidua::service
