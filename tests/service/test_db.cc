#include "test_db.h"

#include <cstdlib>
#include <filesystem>

#include "base/crypto.h"

namespace thidua::testing {
namespace {

// "postgresql://user@host:port/db" → the same URL with another database name.
std::string WithDatabase(const std::string& url, const std::string& name) {
  size_t slash = url.rfind('/');
  size_t query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

}  // namespace

std::unique_ptr<TestDb> TestDb::Create(store::Engine engine) {
  auto test_db = std::unique_ptr<TestDb>(new TestDb());
  if (engine == store::Engine::kSqlite) {
    test_db->sqlite_path_ =
        (std::filesystem::temp_directory_path() / ("thidua-test-" + RandomHex(8) + ".db")).string();
    test_db->url_ = "sqlite:///" + test_db->sqlite_path_;
  } else {
    const char* base = std::getenv("THIDUA_TEST_PG_URL");
    if (base == nullptr || *base == '\0') {
      ADD_FAILURE() << "THIDUA_TEST_PG_URL is not set (call SkipUnlessAvailable first)";
      return nullptr;
    }
    test_db->pg_admin_url_ = base;
    test_db->pg_name_ = "t_" + RandomHex(6);
    Result<std::unique_ptr<store::Db>> admin = store::OpenDb(base);
    if (!admin.ok()) {
      ADD_FAILURE() << admin.status().message();
      return nullptr;
    }
    Status created = (*admin)->Read([&](store::Conn& conn) {
      return conn.ExecScript("CREATE DATABASE " + test_db->pg_name_ + " TEMPLATE template0 ENCODING 'UTF8'");
    });
    if (!created.ok()) {
      ADD_FAILURE() << created.message();
      return nullptr;
    }
    test_db->url_ = WithDatabase(base, test_db->pg_name_);
  }
  Result<std::unique_ptr<store::Db>> db = store::OpenDb(test_db->url_);
  if (!db.ok()) {
    ADD_FAILURE() << db.status().message();
    return nullptr;
  }
  Result<int> migrated = (*db)->Migrate();
  if (!migrated.ok()) {
    ADD_FAILURE() << migrated.status().message();
    return nullptr;
  }
  test_db->db_ = std::move(db).value();
  return test_db;
}

TestDb::~TestDb() {
  db_.reset();
  if (!sqlite_path_.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path_ + suffix);
  }
  if (!pg_name_.empty()) {
    Result<std::unique_ptr<store::Db>> admin = store::OpenDb(pg_admin_url_);
    if (admin.ok()) {
      (*admin)->Read([&](store::Conn& conn) { return conn.ExecScript("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)"); })
          .IgnoreError();
    }
  }
}

bool EngineAvailable(store::Engine engine) {
  if (engine == store::Engine::kSqlite) return true;
  const char* base = std::getenv("THIDUA_TEST_PG_URL");
  if (base != nullptr && *base != '\0') return true;
  const char* ci = std::getenv("CI");
  if (ci != nullptr && *ci != '\0') {
    ADD_FAILURE() << "THIDUA_TEST_PG_URL is not set: the PostgreSQL suite must run in CI";
  }
  return false;
}

std::string EngineParamName(const ::testing::TestParamInfo<store::Engine>& info) {
  return info.param == store::Engine::kSqlite ? "Sqlite" : "Postgres";
}

}  // namespace thidua::testing
