// The store contract: one suite, run against every engine behind Db.
//
// SQLite runs on a fresh file per test. PostgreSQL runs when THIDUA_TEST_PG_URL names a server
// (scripts/pg-test-server start DIR prints one), each test in a fresh schema; without it the PostgreSQL
// cases are skipped, except under CI (CI set), where they fail: CI must never skip them silently.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <limits>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "store/db.h"
#include "store/migrate.h"
#include "store/sqlite/sqlite_db.h"

namespace thidua::store {
namespace {

const Status& StatusOf(const Status& status) { return status; }
template <typename T>
const Status& StatusOf(const Result<T>& result) {
  return result.status();
}

#define ASSERT_OK(expr)                                                                               \
  do {                                                                                                \
    const auto& thidua_checked_ = (expr);                                                             \
    ASSERT_TRUE(thidua_checked_.ok())                                                                 \
        << CodeName(StatusOf(thidua_checked_).code()) << ": " << StatusOf(thidua_checked_).message(); \
  } while (false)

std::string RandomSuffix() {
  std::random_device random;
  std::uniform_int_distribution<uint64_t> digits;
  char text[17];
  snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(digits(random)));
  return text;
}

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// `url` with the libpq option that puts `schema` first on the search path of every connection.
std::string WithSearchPath(const std::string& url, const std::string& schema) {
  char separator = url.find('?') == std::string::npos ? '?' : '&';
  return url + separator + "options=-csearch_path%3D" + schema;
}

class DbContractTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    if (GetParam() == Engine::kSqlite) {
      SetUpSqlite();
    } else {
      SetUpPostgres();
    }
  }

  void TearDown() override {
    db_.reset();
    if (admin_ != nullptr) {
      Status dropped = admin_->Write(
          [&](Conn& conn) { return conn.ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"); });
      EXPECT_TRUE(dropped.ok()) << dropped.message();
    }
    if (!dir_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
    }
  }

  void SetUpSqlite() {
    dir_ = std::filesystem::temp_directory_path() / ("thidua_contract_" + RandomSuffix());
    url_ = "sqlite://" + (dir_ / "nested" / "thidua.db").string();  // the folder does not exist yet
    OpenMain();
  }

  void SetUpPostgres() {
    std::string server = Env("THIDUA_TEST_PG_URL");
    if (server.empty()) {
      if (!Env("CI").empty()) {
        FAIL() << "CI is set but THIDUA_TEST_PG_URL is not: the PostgreSQL contract must run in CI "
                  "(THIDUA_TEST_PG_URL=$(scripts/pg-test-server start DIR))";
      }
      GTEST_SKIP() << "THIDUA_TEST_PG_URL is not set; to run: "
                      "THIDUA_TEST_PG_URL=$(scripts/pg-test-server start /tmp/pgt) db_contract_test";
    }
    Result<std::unique_ptr<Db>> admin = OpenDb(server);
    ASSERT_OK(admin);
    admin_ = std::move(admin).value();
    schema_ = "contract_" + RandomSuffix();
    ASSERT_OK(admin_->Write([&](Conn& conn) { return conn.ExecScript("CREATE SCHEMA " + schema_); }));
    url_ = WithSearchPath(server, schema_);
    OpenMain();
  }

  void OpenMain() {
    Result<std::unique_ptr<Db>> db = OpenDb(url_);
    ASSERT_OK(db);
    db_ = std::move(db).value();
  }

  // Another Db over the same database, as a second process would open it.
  std::unique_ptr<Db> OpenAnother() {
    Result<std::unique_ptr<Db>> db = OpenDb(url_);
    EXPECT_TRUE(db.ok()) << db.status().message();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  bool IsSqlite() const { return GetParam() == Engine::kSqlite; }
  std::string Ddl(const std::string& sqlite, const std::string& postgres) const {
    return IsSqlite() ? sqlite : postgres;
  }

  Status Script(const std::string& sql) {
    return db_->Write([&](Conn& conn) { return conn.ExecScript(sql); });
  }

  Result<int64_t> Exec(const std::string& sql, const std::vector<Value>& params = {}) {
    int64_t changed = 0;
    Status status = db_->Write([&](Conn& conn) -> Status {
      THIDUA_ASSIGN_OR_RETURN(changed, conn.Exec(sql, params));
      return Status::Ok();
    });
    if (!status.ok()) return status;
    return changed;
  }

  // Runs a query in its own Write (for RETURNING), or Read.
  Result<Rows> Query(const std::string& sql, const std::vector<Value>& params = {}, bool write = false) {
    Rows rows;
    auto run = [&](Conn& conn) -> Status {
      THIDUA_ASSIGN_OR_RETURN(rows, conn.Query(sql, params));
      return Status::Ok();
    };
    Status status = write ? db_->Write(run) : db_->Read(run);
    if (!status.ok()) return status;
    return rows;
  }

  int64_t Count(const std::string& table) {
    Result<Rows> rows = Query("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? rows.value().at(0).Int(0) : -1;
  }

  std::unique_ptr<Db> db_;
  std::string url_;
  std::filesystem::path dir_;  // SQLite: this test's folder
  std::string schema_;         // PostgreSQL: this test's schema
  std::unique_ptr<Db> admin_;  // PostgreSQL: creates and drops schema_
};

TEST_P(DbContractTest, BindsEveryValueTypeAndReadsItBackTyped) {
  ASSERT_OK(Script(Ddl(
      "CREATE TABLE vals (id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, s TEXT, b BLOB, n TEXT)",
      "CREATE TABLE vals (id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, s TEXT, b BYTEA, n TEXT)")));
  const int64_t big = std::numeric_limits<int64_t>::min() + 3;  // not exact as a double
  ASSERT_OK(Exec("INSERT INTO vals (id, i, r, s, b, n) VALUES ($1, $2, $3, $4, $5, $6)",
                 {int64_t{1}, big, 0.1, std::string("chữ"), Blob{"ab"}, Null()}));
  ASSERT_OK(Exec("INSERT INTO vals (id, i, r, s, b, n) VALUES ($1, $2, $3, $4, $5, $6)",
                 {Opt(std::optional<int>(2)), Opt(std::optional<int>()), -2.5e300, std::string(), Blob{},
                  Opt(std::optional<std::string>("có"))}));

  Result<Rows> rows = Query("SELECT i, r, s, b, n FROM vals ORDER BY id");
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 2u);
  const Row& first = rows->at(0);
  EXPECT_TRUE(std::holds_alternative<int64_t>(first.Cell(0)));
  EXPECT_EQ(first.Int(0), big);
  EXPECT_TRUE(std::holds_alternative<double>(first.Cell(1)));
  EXPECT_EQ(first.Real(1), 0.1);
  EXPECT_EQ(first.Text(2), "chữ");
  EXPECT_TRUE(std::holds_alternative<Blob>(first.Cell(3)));
  EXPECT_EQ(first.BlobBytes(3), "ab");
  EXPECT_TRUE(first.IsNull(4));
  const Row& second = rows->at(1);
  EXPECT_FALSE(second.OptInt(0).has_value());
  EXPECT_EQ(second.Real(1), -2.5e300);
  EXPECT_EQ(second.OptText(2), std::optional<std::string>(""));
  EXPECT_EQ(second.BlobBytes(3), "");
  EXPECT_EQ(second.OptText(4), std::optional<std::string>("có"));
}

TEST_P(DbContractTest, PlaceholdersMayRepeatAndComeOutOfOrder) {
  ASSERT_OK(Script("CREATE TABLE pairs (a TEXT, b BIGINT, c TEXT)"));
  ASSERT_OK(Exec("INSERT INTO pairs (a, b, c) VALUES ($2, $1, $2)", {int64_t{7}, std::string("x")}));
  Result<Rows> rows =
      Query("SELECT a, b, c FROM pairs WHERE c = $2 AND b = $1 AND a = $2", {int64_t{7}, std::string("x")});
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).Text(0), "x");
  EXPECT_EQ(rows->at(0).Int(1), 7);
  EXPECT_EQ(rows->at(0).Text(2), "x");
}

TEST_P(DbContractTest, AMissingOrUnusedParameterIsAnInternalError) {
  ASSERT_OK(Script("CREATE TABLE pairs (a TEXT, b BIGINT)"));
  Result<Rows> missing = Query("SELECT a FROM pairs WHERE a = $1 AND b = $2", {std::string("x")});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kInternal) << missing.status().message();
  Result<Rows> unused = Query("SELECT a FROM pairs WHERE a = $1", {std::string("x"), int64_t{2}});
  ASSERT_FALSE(unused.ok());
  EXPECT_EQ(unused.status().code(), Code::kInternal) << unused.status().message();
  Result<Rows> after = Query("SELECT COUNT(*) FROM pairs");  // the connection is still fine
  ASSERT_OK(after);
}

TEST_P(DbContractTest, NullsMatchIsNullAndReadAsEmptyOptionals) {
  ASSERT_OK(Script("CREATE TABLE people (id BIGINT PRIMARY KEY, nickname TEXT, born BIGINT)"));
  ASSERT_OK(
      Exec("INSERT INTO people (id, nickname, born) VALUES ($1, $2, $3)", {int64_t{1}, Null(), Null()}));
  ASSERT_OK(Exec("INSERT INTO people (id, nickname, born) VALUES ($1, $2, $3)",
                 {int64_t{2}, std::string("Tèo"), int64_t{1990}}));
  Result<Rows> rows = Query("SELECT nickname, born FROM people WHERE born IS NULL");
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).OptText(0), std::nullopt);
  EXPECT_EQ(rows->at(0).OptInt(1), std::nullopt);
  Result<Rows> known = Query("SELECT nickname, born FROM people WHERE born IS NOT NULL");
  ASSERT_OK(known);
  EXPECT_EQ(known->at(0).OptText(0), std::optional<std::string>("Tèo"));
  EXPECT_EQ(known->at(0).OptInt(1), std::optional<int64_t>(1990));
}

TEST_P(DbContractTest, InsertReturningGivesTheNewIdAndExecCountsRows) {
  ASSERT_OK(Script(Ddl(
      "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
      "CREATE TABLE items (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT NOT NULL)")));
  Result<Rows> first =
      Query("INSERT INTO items (name) VALUES ($1) RETURNING id, name", {std::string("a")}, true);
  Result<Rows> second =
      Query("INSERT INTO items (name) VALUES ($1) RETURNING id, name", {std::string("b")}, true);
  ASSERT_OK(first);
  ASSERT_OK(second);
  EXPECT_EQ(second->at(0).Text(1), "b");
  EXPECT_GT(second->at(0).Int(0), first->at(0).Int(0));
  Result<int64_t> changed = Exec("UPDATE items SET name = $1", {std::string("c")});
  ASSERT_OK(changed);
  EXPECT_EQ(changed.value(), 2);
  Result<int64_t> ddl = Exec("CREATE INDEX items_name ON items (name)");
  ASSERT_OK(ddl);
  EXPECT_EQ(ddl.value(), 0);
  Result<int64_t> none = Exec("DELETE FROM items WHERE id = $1", {int64_t{-1}});
  ASSERT_OK(none);
  EXPECT_EQ(none.value(), 0);
}

TEST_P(DbContractTest, EachHandsOverEveryRowInOrderAndStopsOnAnError) {
  ASSERT_OK(Script("CREATE TABLE nums (n BIGINT PRIMARY KEY, label TEXT)"));
  for (int64_t n = 1; n <= 300; ++n) {
    ASSERT_OK(Exec("INSERT INTO nums (n, label) VALUES ($1, $2)", {n, "số " + std::to_string(n)}));
  }
  std::vector<int64_t> seen;
  std::string last_label;
  ASSERT_OK(db_->Read([&](Conn& conn) {
    return conn.Each("SELECT n, label FROM nums WHERE n > $1 ORDER BY n", {int64_t{100}}, [&](const Row& row) {
      seen.push_back(row.Int(0));
      last_label = row.Text(1);
      return Status::Ok();
    });
  }));
  ASSERT_EQ(seen.size(), 200u);
  EXPECT_EQ(seen.front(), 101);
  EXPECT_EQ(seen.back(), 300);
  EXPECT_EQ(last_label, "số 300");
  // An error from the callback stops the rows and comes back; the connection serves the next statement
  // in the same read.
  int calls = 0;
  Status stopped = db_->Read([&](Conn& conn) -> Status {
    Status status = conn.Each("SELECT n FROM nums ORDER BY n", {}, [&](const Row&) {
      return ++calls == 5 ? InvalidArgument("đủ rồi") : Status::Ok();
    });
    EXPECT_EQ(status.code(), Code::kInvalidArgument);
    THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query("SELECT COUNT(*) FROM nums"));
    EXPECT_EQ(rows.at(0).Int(0), 300);
    return Status::Ok();
  });
  ASSERT_OK(stopped);
  EXPECT_EQ(calls, 5);
  // A statement the engine refuses is an error too, and no row is handed over.
  calls = 0;
  Status bad = db_->Read([&](Conn& conn) {
    return conn.Each("SELECT n FROM no_such_table", {}, [&](const Row&) {
      ++calls;
      return Status::Ok();
    });
  });
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(calls, 0);
}

TEST_P(DbContractTest, OnConflictDoUpdateMergesIntoTheExistingRow) {
  ASSERT_OK(Script("CREATE TABLE counters (name TEXT PRIMARY KEY, hits BIGINT NOT NULL)"));
  const std::string upsert =
      "INSERT INTO counters (name, hits) VALUES ($1, $2) "
      "ON CONFLICT (name) DO UPDATE SET hits = counters.hits + excluded.hits RETURNING hits";
  std::vector<int64_t> seen;
  for (int64_t delta : {1, 2, 3}) {
    Result<Rows> rows = Query(upsert, {std::string("trang-chu"), delta}, true);
    ASSERT_OK(rows);
    seen.push_back(rows->at(0).Int(0));
  }
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 3, 6}));
  EXPECT_EQ(Count("counters"), 1);
}

TEST_P(DbContractTest, CteWithWindowFunctionsRanksWithinGroups) {
  ASSERT_OK(Script("CREATE TABLE scores (unit TEXT NOT NULL, person TEXT NOT NULL, points BIGINT NOT NULL)"));
  ASSERT_OK(
      Exec("INSERT INTO scores (unit, person, points) VALUES "
           "('A', 'An', 90), ('A', 'Bình', 95), ('A', 'Chi', 95), ('B', 'Dũng', 70), ('B', 'Hà', 60)"));
  Result<Rows> rows = Query(
      "WITH ranked AS ("
      "  SELECT unit, person, RANK() OVER (PARTITION BY unit ORDER BY points DESC) AS place,"
      "         SUM(points) OVER (PARTITION BY unit) AS unit_total"
      "  FROM scores)"
      " SELECT unit, person, place, unit_total FROM ranked WHERE place = $1 ORDER BY unit, person",
      {int64_t{1}});
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->at(0).Text(1), "Bình");
  EXPECT_EQ(rows->at(1).Text(1), "Chi");
  EXPECT_EQ(rows->at(1).Int(2), 1);
  EXPECT_EQ(rows->at(1).Int(3), 280);
  EXPECT_EQ(rows->at(2).Text(1), "Dũng");
  EXPECT_EQ(rows->at(2).Int(3), 130);
}

TEST_P(DbContractTest, ATakenUniqueOrPrimaryKeyIsAlreadyExists) {
  ASSERT_OK(Script("CREATE TABLE units (id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE)"));
  ASSERT_OK(Exec("INSERT INTO units (id, code) VALUES ($1, $2)", {int64_t{1}, std::string("SNV")}));
  Result<int64_t> same_code =
      Exec("INSERT INTO units (id, code) VALUES ($1, $2)", {int64_t{2}, std::string("SNV")});
  ASSERT_FALSE(same_code.ok());
  EXPECT_EQ(same_code.status().code(), Code::kAlreadyExists) << same_code.status().message();
  Result<int64_t> same_id =
      Exec("INSERT INTO units (id, code) VALUES ($1, $2)", {int64_t{1}, std::string("SYT")});
  ASSERT_FALSE(same_id.ok());
  EXPECT_EQ(same_id.status().code(), Code::kAlreadyExists) << same_id.status().message();
}

TEST_P(DbContractTest, ForeignKeyCheckAndNotNullViolationsAreInvalidArgument) {
  ASSERT_OK(Script(
      "CREATE TABLE parents (id BIGINT PRIMARY KEY);"
      "CREATE TABLE children (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parents (id),"
      "                       age BIGINT CHECK (age >= 0));"
      "INSERT INTO parents (id) VALUES (1);"));
  const std::string insert = "INSERT INTO children (id, parent_id, age) VALUES ($1, $2, $3)";
  for (const std::vector<Value>& params :
       std::vector<std::vector<Value>>{{int64_t{1}, int64_t{99}, int64_t{5}},  // no such parent
                                       {int64_t{2}, int64_t{1}, int64_t{-1}},  // check
                                       {int64_t{3}, Null(), int64_t{5}}}) {    // not null
    Result<int64_t> inserted = Exec(insert, params);
    ASSERT_FALSE(inserted.ok());
    EXPECT_EQ(inserted.status().code(), Code::kInvalidArgument) << inserted.status().message();
  }
  EXPECT_EQ(Count("children"), 0);
}

TEST_P(DbContractTest, WriteRollsBackWhenTheCallbackFails) {
  ASSERT_OK(Script("CREATE TABLE notes (id BIGINT PRIMARY KEY)"));
  Status status = db_->Write([](Conn& conn) -> Status {
    THIDUA_RETURN_IF_ERROR(conn.Exec("INSERT INTO notes (id) VALUES ($1)", {int64_t{1}}).status());
    THIDUA_RETURN_IF_ERROR(conn.Exec("INSERT INTO notes (id) VALUES ($1)", {int64_t{2}}).status());
    return InvalidArgument("Hạn nộp đã qua.");
  });
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  EXPECT_EQ(status.message(), "Hạn nộp đã qua.");
  EXPECT_EQ(Count("notes"), 0);
}

TEST_P(DbContractTest, WriteRollsBackWhenAStatementFailedEvenIfTheCallbackIgnoredIt) {
  ASSERT_OK(Script("CREATE TABLE notes (id BIGINT PRIMARY KEY)"));
  Status status = db_->Write([](Conn& conn) -> Status {
    THIDUA_RETURN_IF_ERROR(conn.Exec("INSERT INTO notes (id) VALUES ($1)", {int64_t{1}}).status());
    conn.Exec("INSERT INTO notes (id) VALUES ($1)", {int64_t{1}}).status().IgnoreError();
    return Status::Ok();
  });
  EXPECT_EQ(status.code(), Code::kAlreadyExists) << status.message();
  EXPECT_EQ(Count("notes"), 0);
  ASSERT_OK(Exec("INSERT INTO notes (id) VALUES ($1)", {int64_t{1}}));  // the writer is usable again
}

// Lets the writer wait, without a deadline of its own, until every reader has finished.
class Countdown {
 public:
  explicit Countdown(int count) : count_(count) {}
  void Done() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--count_ == 0) cv_.notify_all();
  }
  // False if readers are still running after `limit`: they are blocked behind the writer.
  bool Wait(std::chrono::seconds limit) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, limit, [this] { return count_ == 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int count_;
};

TEST_P(DbContractTest, ReadersSeeCommittedRowsWhileAWriterHoldsItsTransaction) {
  ASSERT_OK(Script("CREATE TABLE events (id BIGINT PRIMARY KEY); INSERT INTO events (id) VALUES (1), (2);"));
  constexpr int kReaders = 4;
  std::promise<void> writer_inside;
  Countdown readers_done(kReaders);
  Status write_status;
  std::thread writer([&] {
    write_status = db_->Write([&](Conn& conn) -> Status {
      THIDUA_RETURN_IF_ERROR(conn.Exec("INSERT INTO events (id) VALUES ($1)", {int64_t{3}}).status());
      writer_inside.set_value();
      if (!readers_done.Wait(std::chrono::seconds(60))) return Internal("readers were blocked by the writer");
      return Status::Ok();
    });
  });
  writer_inside.get_future().wait();
  std::vector<int64_t> seen(kReaders, -1);
  std::vector<std::thread> readers;
  for (int i = 0; i < kReaders; ++i) {
    readers.emplace_back([&, i] {
      seen[i] = Count("events");
      readers_done.Done();
    });
  }
  for (std::thread& reader : readers) reader.join();
  writer.join();
  ASSERT_OK(write_status);
  EXPECT_EQ(seen, std::vector<int64_t>(kReaders, 2));
  EXPECT_EQ(Count("events"), 3);
}

TEST_P(DbContractTest, MigrateAppliesEachEmbeddedMigrationOnce) {
  Result<std::vector<Migration>> embedded = EmbeddedMigrations(GetParam());
  ASSERT_OK(embedded);
  ASSERT_FALSE(embedded->empty());
  Result<int> first = db_->Migrate();
  ASSERT_OK(first);
  EXPECT_EQ(first.value(), static_cast<int>(embedded->size()));
  Result<int> second = db_->Migrate();
  ASSERT_OK(second);
  EXPECT_EQ(second.value(), 0);
  EXPECT_EQ(Count("schema_migrations"), static_cast<int64_t>(embedded->size()));
}

TEST_P(DbContractTest, AFailedMigrationLeavesNoTraceAndIsRetriedNextTime) {
  std::vector<Migration> migrations = {
      {1, "first", "CREATE TABLE m_first (id BIGINT PRIMARY KEY);"},
      {2, "broken", "CREATE TABLE m_second (id BIGINT PRIMARY KEY); CREATE TABLE m_nonsense (;"},
      {3, "third", "CREATE TABLE m_third (id BIGINT PRIMARY KEY);"},
  };
  Result<int> failed = ApplyMigrations(*db_, migrations);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("2_broken"), std::string::npos) << failed.status().message();
  EXPECT_FALSE(Query("SELECT COUNT(*) FROM m_second").ok());
  Result<Rows> versions = Query("SELECT version, name FROM schema_migrations");
  ASSERT_OK(versions);
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ(versions->at(0).Int(0), 1);
  EXPECT_EQ(versions->at(0).Text(1), "first");

  migrations[1].sql = "CREATE TABLE m_second (id BIGINT PRIMARY KEY);";
  Result<int> resumed = ApplyMigrations(*db_, migrations);
  ASSERT_OK(resumed);
  EXPECT_EQ(resumed.value(), 2);
  EXPECT_EQ(Count("m_third"), 0);
}

TEST_P(DbContractTest, ProcessesMigratingAtOnceApplyEachMigrationOnce) {
  std::vector<Migration> migrations;
  for (int version = 1; version <= 6; ++version) {
    std::string table = "m_" + std::to_string(version);
    migrations.push_back({version, table, "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY);"});
  }
  constexpr int kProcesses = 3;
  std::vector<std::unique_ptr<Db>> dbs;
  for (int i = 0; i < kProcesses; ++i) dbs.push_back(OpenAnother());
  std::vector<std::future<Result<int>>> runs;
  for (auto& db : dbs) {
    ASSERT_NE(db, nullptr);
    runs.push_back(
        std::async(std::launch::async, [&db, &migrations] { return ApplyMigrations(*db, migrations); }));
  }
  int applied = 0;
  for (auto& run : runs) {
    Result<int> result = run.get();
    ASSERT_OK(result);
    applied += result.value();
  }
  EXPECT_EQ(applied, 6);
  EXPECT_EQ(Count("schema_migrations"), 6);
}

TEST_P(DbContractTest, BackupWritesACopyThatOpensWithTheSameRowsOnSqlite) {
  ASSERT_OK(
      Script("CREATE TABLE units (id BIGINT PRIMARY KEY, name TEXT NOT NULL);"
             "INSERT INTO units (id, name) VALUES (1, 'Sở Nội vụ'), (2, 'Sở Y tế');"));
  std::filesystem::path copy =
      std::filesystem::temp_directory_path() / ("thidua_backup_" + RandomSuffix()) / "copies" / "thidua.db";
  Status backup = db_->Backup(copy.string());
  if (!IsSqlite()) {
    EXPECT_EQ(backup.code(), Code::kFailedPrecondition);
    return;
  }
  ASSERT_OK(backup);
  EXPECT_FALSE(std::filesystem::exists(copy.string() + ".partial"));
  Result<std::unique_ptr<Db>> restored = OpenDb("sqlite://" + copy.string());
  ASSERT_OK(restored);
  Rows rows;
  ASSERT_OK(restored.value()->Read([&](Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(rows, conn.Query("SELECT id, name FROM units ORDER BY id"));
    return Status::Ok();
  }));
  restored.value().reset();
  std::error_code ignored;
  std::filesystem::remove_all(copy.parent_path().parent_path(), ignored);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].Text(1), "Sở Nội vụ");
  EXPECT_EQ(rows[1].Text(1), "Sở Y tế");
}

TEST_P(DbContractTest, VietnameseTextRoundTripsAndCountsCharacters) {
  ASSERT_OK(Script("CREATE TABLE people (name TEXT NOT NULL)"));
  const std::string name = "Nguyễn Văn Đức";
  ASSERT_OK(Exec("INSERT INTO people (name) VALUES ($1)", {name}));
  Result<Rows> rows = Query("SELECT name, LENGTH(name) FROM people WHERE name = $1", {name});
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->at(0).Text(0), name);
  EXPECT_EQ(rows->at(0).Int(1), 14);
}

TEST_P(DbContractTest, BlobsKeepZeroBytes) {
  ASSERT_OK(Script(Ddl("CREATE TABLE files (id BIGINT PRIMARY KEY, content BLOB NOT NULL)",
                       "CREATE TABLE files (id BIGINT PRIMARY KEY, content BYTEA NOT NULL)")));
  const std::string bytes("\0PK\x03\x04\0\xff\0", 8);
  ASSERT_OK(Exec("INSERT INTO files (id, content) VALUES ($1, $2)", {int64_t{1}, Blob{bytes}}));
  ASSERT_OK(Exec("INSERT INTO files (id, content) VALUES ($1, $2)", {int64_t{2}, Blob{}}));
  Result<Rows> rows = Query("SELECT content, LENGTH(content) FROM files ORDER BY id");
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).BlobBytes(0), bytes);
  EXPECT_EQ(rows->at(0).Int(1), 8);
  EXPECT_FALSE(rows->at(1).IsNull(0));
  EXPECT_EQ(rows->at(1).BlobBytes(0), "");
  Result<Rows> found = Query("SELECT id FROM files WHERE content = $1", {Blob{bytes}});
  ASSERT_OK(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->at(0).Int(0), 1);
}

TEST_P(DbContractTest, AnInvalidStatementIsAnInternalError) {
  Result<Rows> rows = Query("SELEC 1");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), Code::kInternal);
  Result<Rows> missing = Query("SELECT * FROM no_such_table");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kInternal);
}

INSTANTIATE_TEST_SUITE_P(Engines, DbContractTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres),
                         [](const ::testing::TestParamInfo<Engine>& info) {
                           return std::string(EngineName(info.param));
                         });

TEST(OpenDbTest, RejectsAnUnknownScheme) {
  Result<std::unique_ptr<Db>> db = OpenDb("mysql://localhost/thidua");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kInvalidArgument);
  EXPECT_NE(db.status().message().find("Địa chỉ cơ sở dữ liệu không hợp lệ"), std::string::npos);
}

TEST(OpenDbTest, AnUnreachablePostgresIsUnavailable) {
  Result<std::unique_ptr<Db>> db = OpenDb("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kUnavailable) << db.status().message();
}

class SqliteDbTest : public ::testing::Test {
 protected:
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() / ("thidua_sqlite_" + RandomSuffix());
};

void Twice(sqlite3_context* context, int, sqlite3_value** args) {
  sqlite3_result_int64(context, 2 * sqlite3_value_int64(args[0]));
}

TEST_F(SqliteDbTest, OnOpenRunsForTheWriterAndEveryReader) {
  std::atomic<int> opened = 0;
  SqliteOptions options{.path = (dir_ / "thidua.db").string(), .readers = 2};
  options.on_open = [&opened](sqlite3* handle) {
    ++opened;
    sqlite3_create_function_v2(handle, "twice", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, Twice,
                               nullptr, nullptr, nullptr);
  };
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(options);
  ASSERT_OK(db);
  int64_t written = 0;
  int64_t read = 0;
  ASSERT_OK(db.value()->Write([&](Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query("SELECT twice($1)", {int64_t{21}}));
    written = rows.at(0).Int(0);
    return Status::Ok();
  }));
  ASSERT_OK(db.value()->Read([&](Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query("SELECT twice(twice($1))", {int64_t{5}}));
    read = rows.at(0).Int(0);
    return Status::Ok();
  }));
  EXPECT_EQ(written, 42);
  EXPECT_EQ(read, 20);
  EXPECT_EQ(opened.load(), 2);
}

TEST_F(SqliteDbTest, ReadConnectionsRefuseToWrite) {
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open({.path = (dir_ / "thidua.db").string()});
  ASSERT_OK(db);
  Status status = db.value()->Read([](Conn& conn) { return conn.ExecScript("CREATE TABLE t (id INTEGER)"); });
  EXPECT_FALSE(status.ok());
}

TEST(RowTest, AccessorsAreLenientAboutTheEngineRepresentation) {
  Row row({std::string("42"), int64_t{7}, 2.5, Null(), std::string("1.5e3")});
  EXPECT_EQ(row.Int(0), 42);
  EXPECT_EQ(row.Text(1), "7");
  EXPECT_EQ(row.Text(2), "2.5");
  EXPECT_EQ(row.Real(1), 7.0);
  EXPECT_EQ(row.OptInt(3), std::nullopt);
  EXPECT_EQ(row.OptText(3), std::nullopt);
  EXPECT_EQ(row.Real(4), 1500.0);
  EXPECT_EQ(row.Int(4), 1500);
}

}  // namespace
}  // namespace thidua::store
