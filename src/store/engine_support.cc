#include "store/engine_support.h"

namespace thidua::store {
namespace {

// Forwards to another Conn and keeps the first failure it sees.
class TrackingConn final : public Conn {
 public:
  explicit TrackingConn(Conn& inner) : inner_(inner) {}

  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params) override {
    return Track(inner_.Query(sql, params));
  }
  Status Each(std::string_view sql, const std::vector<Value>& params,
              const std::function<Status(const Row&)>& fn) override {
    Status status = inner_.Each(sql, params, fn);
    if (!status.ok() && first_failure_.ok()) first_failure_ = status;
    return status;
  }
  Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params) override {
    return Track(inner_.Exec(sql, params));
  }
  Status ExecScript(std::string_view sql) override {
    Status status = inner_.ExecScript(sql);
    if (!status.ok() && first_failure_.ok()) first_failure_ = status;
    return status;
  }
  Engine engine() const override { return inner_.engine(); }

  const Status& first_failure() const { return first_failure_; }

 private:
  template <typename T>
  Result<T> Track(Result<T> result) {
    if (!result.ok() && first_failure_.ok()) first_failure_ = result.status();
    return result;
  }

  Conn& inner_;
  Status first_failure_;
};

}  // namespace

Status UniqueViolation(std::string_view detail) {
  return AlreadyExists("Dữ liệu trùng với một bản ghi đã có (" + std::string(detail) + ").");
}

Status ConstraintViolation(std::string_view detail) {
  return InvalidArgument("Dữ liệu không hợp lệ hoặc tham chiếu tới bản ghi không tồn tại (" +
                         std::string(detail) + ").");
}

std::string ShortSql(std::string_view sql) {
  constexpr size_t kMax = 200;
  if (sql.size() <= kMax) return std::string(sql);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(sql[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return std::string(sql.substr(0, cut)) + "...";
}

Status RunTracked(Conn& conn, const std::function<Status(Conn&)>& fn) {
  TrackingConn tracking(conn);
  Status status = fn(tracking);
  if (!status.ok()) return status;
  return tracking.first_failure();
}

}  // namespace thidua::store
