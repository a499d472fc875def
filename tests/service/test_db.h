// A fresh database per test on either engine: a temporary SQLite file, or a new database on
// the PostgreSQL server named by THIDUA_TEST_PG_URL (dropped afterwards). Without that
// variable the PostgreSQL cases skip — except in CI (CI set), where they fail.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/db.h"

namespace thidua::testing {

class TestDb {
 public:
  // Opens and migrates a fresh database; on failure records a test failure or skip.
  static std::unique_ptr<TestDb> Create(store::Engine engine);
  ~TestDb();
  store::Db& db() { return *db_; }
  const std::string& url() const { return url_; }

 private:
  std::unique_ptr<store::Db> db_;
  std::string url_;
  std::string sqlite_path_;
  std::string pg_admin_url_;
  std::string pg_name_;
};

// True if the engine can be tested here. For PostgreSQL without THIDUA_TEST_PG_URL: false,
// and a test failure when CI is set. Callers GTEST_SKIP when false.
bool EngineAvailable(store::Engine engine);

std::string EngineParamName(const ::testing::TestParamInfo<store::Engine>& info);

}  // namespace thidua::testing
