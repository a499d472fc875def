#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "store/db.h"
#include "store/postgres/postgres_db.h"
#include "store/sqlite/sqlite_db.h"

namespace thidua::store {
namespace {

template <typename T>
Result<std::unique_ptr<Db>> AsDb(Result<std::unique_ptr<T>> opened) {
  if (!opened.ok()) return opened.status();
  return std::unique_ptr<Db>(std::move(opened).value());
}

}  // namespace

Result<std::unique_ptr<Db>> OpenDb(const std::string& url) {
  constexpr std::string_view kSqlite = "sqlite://";
  std::string_view view(url);
  if (view.starts_with(kSqlite)) {
    // "sqlite:///abs/path.db" leaves "/abs/path.db"; "sqlite://data/x.db" a path relative to the cwd.
    return AsDb(SqliteDb::Open({.path = url.substr(kSqlite.size())}));
  }
  if (view.starts_with("postgresql://") || view.starts_with("postgres://")) {
    return AsDb(PostgresDb::Open({.conninfo = url}));
  }
  return InvalidArgument("Địa chỉ cơ sở dữ liệu không hợp lệ: " + url +
                         " (dùng sqlite:///đường/dẫn/tệp.db hoặc postgresql://người_dùng@máy:cổng/tên_csdl)");
}

}  // namespace thidua::store
