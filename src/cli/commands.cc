#include "cli/commands.h"

#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/clock.h"
#include "base/crypto.h"
#include "cli/demo/demo_loader.h"
#include "cli/demo/demo_province.h"
#include "cli/export.h"
#include "cli/serve.h"
#include "render/table_reader.h"
#include "service/services.h"
#include "store/user_repo.h"
#include "web/list_view.h"

namespace thidua::cli {
namespace {

std::string DefaultDbUrl(const std::string& env_db) {
  if (!env_db.empty()) return env_db;
  return "sqlite:///" + (std::filesystem::current_path() / "thidua-data" / "thidua.db").string();
}

enum class IfMissing { kCreate, kRefuse };

// Opens the database and applies migrations; prints the reason and returns null on failure.
// With kRefuse, a SQLite file that does not exist is an error (a mistyped path must not pass
// verify-audit or be backed up as an empty database).
std::unique_ptr<store::Db> OpenAndMigrate(const std::string& url, IfMissing if_missing = IfMissing::kCreate) {
  constexpr std::string_view kSqlite = "sqlite://";
  if (if_missing == IfMissing::kRefuse && url.rfind(kSqlite, 0) == 0 &&
      !std::filesystem::exists(url.substr(kSqlite.size()))) {
    std::fprintf(stderr, "thidua: không tìm thấy cơ sở dữ liệu %s\n", url.c_str());
    return nullptr;
  }
  Result<std::unique_ptr<store::Db>> db = store::OpenDb(url);
  if (!db.ok()) {
    std::fprintf(stderr, "thidua: không mở được cơ sở dữ liệu %s: %s\n", url.c_str(), db.status().message().c_str());
    return nullptr;
  }
  Result<int> applied = (*db)->Migrate();
  if (!applied.ok()) {
    std::fprintf(stderr, "thidua: lỗi cập nhật lược đồ: %s\n", applied.status().message().c_str());
    return nullptr;
  }
  return std::move(db).value();
}

void PrintReport(const service::ImportReport& report) {
  std::printf("Nhập %s: %lld dòng — thêm mới %lld, cập nhật %lld, không đổi %lld\n", report.kind.c_str(),
              static_cast<long long>(report.rows), static_cast<long long>(report.created),
              static_cast<long long>(report.updated), static_cast<long long>(report.unchanged));
  for (const auto& e : report.errors) {
    std::fprintf(stderr, "dòng %d, cột %s: %s\n", e.line, e.column.c_str(), e.reason.c_str());
  }
  if (!report.ok()) std::fprintf(stderr, "Có %zu lỗi: chưa ghi dữ liệu nào.\n", report.errors.size());
}

int RunImport(const std::string& url, const std::string& kind, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "thidua: không đọc được tệp %s\n", file.c_str());
    return kExitRejected;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::unique_ptr<store::Db> db = OpenAndMigrate(url);
  if (!db) return kExitRejected;
  SystemClock clock;
  service::Services services(service::Context{*db, clock}, service::AuthOptions{});
  std::string data = bytes.str();
  Result<domain::Table> table = render::ReadTable(data, render::DetectFormat(data));
  if (!table.ok()) {
    std::fprintf(stderr, "thidua: %s: %s\n", file.c_str(), table.status().message().c_str());
    return kExitRejected;
  }
  Result<service::ImportReport> report = services.imports.ImportTable(service::Actor::System(), kind, *table);
  if (!report.ok()) {
    std::fprintf(stderr, "thidua: %s: %s\n", file.c_str(), report.status().message().c_str());
    return kExitRejected;
  }
  PrintReport(*report);
  return report->ok() ? kExitOk : kExitRejected;
}

std::string ReadPassword() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

int RunUserAdd(const std::string& url, service::NewUserRequest request) {
  request.password = ReadPassword();
  std::unique_ptr<store::Db> db = OpenAndMigrate(url);
  if (!db) return kExitRejected;
  SystemClock clock;
  service::Services services(service::Context{*db, clock}, service::AuthOptions{});
  Result<store::users::UserRow> user = services.auth.CreateUser(service::Actor::System(), request);
  if (!user.ok()) {
    std::fprintf(stderr, "thidua: %s\n", user.status().message().c_str());
    for (const auto& [field, message] : user.status().fields()) std::fprintf(stderr, "  %s: %s\n", field.c_str(), message.c_str());
    return kExitRejected;
  }
  std::printf("Đã tạo tài khoản %s (%s)\n", user->username.c_str(), user->role.c_str());
  return kExitOk;
}

int RunInit(const std::string& url) {
  std::unique_ptr<store::Db> db = OpenAndMigrate(url);
  if (!db) return kExitRejected;
  SystemClock clock;
  service::Services services(service::Context{*db, clock}, service::AuthOptions{});
  Result<std::vector<store::users::UserRow>> users = services.auth.Users(service::Actor::System());
  if (!users.ok()) {
    std::fprintf(stderr, "thidua: %s\n", users.status().message().c_str());
    return kExitRejected;
  }
  if (!users->empty()) {
    std::printf("Lược đồ đã cập nhật; đã có %zu tài khoản.\n", users->size());
    return kExitOk;
  }
  std::string password = RandomHex(8);
  Result<store::users::UserRow> admin = services.auth.CreateUser(
      service::Actor::System(), {"admin", "Quản trị hệ thống", "admin", "", password});
  if (!admin.ok()) {
    std::fprintf(stderr, "thidua: %s\n", admin.status().message().c_str());
    return kExitRejected;
  }
  std::printf("Đã tạo lược đồ và tài khoản quản trị: admin / %s (hãy đổi mật khẩu)\n", password.c_str());
  return kExitOk;
}

int RunVerifyAudit(const std::string& url) {
  std::unique_ptr<store::Db> db = OpenAndMigrate(url, IfMissing::kRefuse);
  if (!db) return kExitRejected;
  SystemClock clock;
  service::AuditService audit(service::Context{*db, clock});
  Result<store::audit::VerifyResult> result = audit.Verify();
  if (!result.ok()) {
    std::fprintf(stderr, "thidua: %s\n", result.status().message().c_str());
    return kExitRejected;
  }
  if (!result->ok) {
    std::fprintf(stderr, "Nhật ký KHÔNG toàn vẹn: dòng %lld — %s\n", static_cast<long long>(result->first_bad_id),
                 result->problem.c_str());
    return kExitRejected;
  }
  std::printf("Nhật ký toàn vẹn: %lld dòng, chuỗi băm SHA-256 khớp.\n", static_cast<long long>(result->rows));
  return kExitOk;
}

int RunBackup(const std::string& url, const std::string& out) {
  std::unique_ptr<store::Db> db = OpenAndMigrate(url, IfMissing::kRefuse);
  if (!db) return kExitRejected;
  Status status = db->Backup(out);
  if (!status.ok()) {
    std::fprintf(stderr, "thidua: %s\n", status.message().c_str());
    return kExitRejected;
  }
  std::printf("Đã sao lưu vào %s\n", out.c_str());
  return kExitOk;
}

int RunDemo(const std::string& dir, uint16_t port, const std::string& bind, const std::string& size) {
  std::filesystem::path db_path = std::filesystem::absolute(dir) / "thidua.db";
  bool fresh = !std::filesystem::exists(db_path);
  std::unique_ptr<store::Db> db = OpenAndMigrate("sqlite:///" + db_path.string());
  if (!db) return kExitRejected;
  // The accounts to print: the generated ones on a fresh database, else those the database holds (a
  // restart skips generating the province, seconds of work at province size).
  std::vector<demo::Account> accounts;
  if (fresh) {
    demo::DemoProvince province = demo::GenerateDemoProvince(
        size == "province" ? demo::DemoSize::kProvince : demo::DemoSize::kSmall);
    std::printf("Đang tạo tỉnh demo %s (%s)…\n", province.province_name.c_str(), size.c_str());
    std::fflush(stdout);
    SystemClock clock;
    service::Services services(service::Context{*db, clock}, service::AuthOptions{});
    Status loaded = demo::LoadDemoProvince(services, province, [](std::string_view kind, int64_t rows, double s) {
      static const std::pair<std::string_view, const char*> kLabels[] = {
          {"units", "đơn vị"},      {"people", "cá nhân"},       {"memberships", "quá trình công tác"},
          {"evaluations", "xếp loại"}, {"initiatives", "sáng kiến"}, {"disciplines", "kỷ luật"},
          {"awards", "khen thưởng"}};
      const char* label = kind.data();
      for (auto [code, text] : kLabels) {
        if (code == kind) label = text;
      }
      std::printf("  %10s  %5.1f s  %s\n", web::FormatCount(rows).c_str(), s, label);
      std::fflush(stdout);
    });
    if (!loaded.ok()) {
      std::fprintf(stderr, "thidua: tạo dữ liệu demo thất bại: %s\n", loaded.message().c_str());
      db.reset();
      std::filesystem::remove(db_path);
      return kExitRejected;
    }
    accounts = province.accounts;
  } else {
    Status read = db->Read([&](store::Conn& conn) -> Status {
      THIDUA_ASSIGN_OR_RETURN(std::vector<store::users::UserRow> users, store::users::All(conn));
      for (const auto& u : users) accounts.push_back({u.username, u.role, u.unit_code, u.display_name});
      return Status::Ok();
    });
    if (!read.ok()) {
      std::fprintf(stderr, "thidua: %s\n", read.message().c_str());
      return kExitRejected;
    }
  }
  std::string province_name(demo::DemoProvinceName());
  ServeOptions options;
  options.bind = bind;
  options.port = port;
  options.province = province_name;
  options.on_listening = [&](uint16_t listening) {
    std::printf("\nthidua: tỉnh demo %s — http://%s:%u/\n", province_name.c_str(), bind.c_str(), listening);
    std::printf("Cơ sở dữ liệu: %s\nTài khoản demo (mật khẩu chung: thidua-demo):\n", db_path.c_str());
    for (const demo::Account& a : accounts) {
      std::printf("  %-10s %-13s %s%s%s\n", a.username.c_str(), a.role.c_str(), a.display_name.c_str(),
                  a.unit_code.empty() ? "" : " — đơn vị ", a.unit_code.c_str());
    }
    std::printf("Dừng: Ctrl+C\n");
    std::fflush(stdout);
  };
  return Serve(*db, options);
}

}  // namespace

struct EligibilityArgs {
  int year = 0;
  std::string person, unit, date;
  bool json = false;
};

void PrintVerdictsText(const domain::Verdicts& v) {
  std::printf("%s %s — %s\nNăm %d; %s\n", v.subject_type == "unit" ? "Tập thể" : "Cá nhân", v.code.c_str(),
              v.name.c_str(), v.year, v.rule_set.c_str());
  for (const domain::AwardVerdict& r : v.results) {
    const char* verdict = !r.eligible ? "cần xem xét" : (*r.eligible ? "ĐỦ tiêu chuẩn" : "chưa đủ");
    std::printf("\n%s: %s\n", r.award.c_str(), verdict);
    for (const domain::Condition& c : r.conditions) {
      std::printf("  [%s] %s (%s)\n", c.met ? "x" : " ", c.text.c_str(), c.basis.c_str());
    }
  }
}

int RunEligibility(const std::string& url, const EligibilityArgs& args) {
  std::optional<Date> date;
  if (!args.date.empty()) {
    date = Date::Parse(args.date);
    if (!date) {
      std::fprintf(stderr, "thidua: --date: ngày không hợp lệ \"%s\" (YYYY-MM-DD)\n", args.date.c_str());
      return kExitUsage;
    }
  }
  std::unique_ptr<store::Db> db = OpenAndMigrate(url, IfMissing::kRefuse);
  if (!db) return kExitRejected;
  SystemClock clock;
  service::Services services(service::Context{*db, clock}, service::AuthOptions{});
  service::Actor system = service::Actor::System();
  Result<domain::Verdicts> verdicts = args.person.empty()
                                          ? services.eligibility.ForUnit(system, args.unit, args.year, date)
                                          : services.eligibility.ForPerson(system, args.person, args.year, date);
  if (!verdicts.ok()) {
    std::fprintf(stderr, "thidua: %s\n", verdicts.status().message().c_str());
    return kExitRejected;
  }
  if (args.json) {
    std::printf("%s\n", service::VerdictsJson(*verdicts).c_str());
  } else {
    PrintVerdictsText(*verdicts);
  }
  return kExitOk;
}

int Main(int argc, char** argv, const std::string& env_db) {
  CLI::App app{"thidua — thi đua, khen thưởng của tỉnh (emulation and commendation)", "thidua"};
  app.require_subcommand(1);
  std::string db_url = DefaultDbUrl(env_db);
  auto add_db = [&](CLI::App* sub) { sub->add_option("--db", db_url, "sqlite:///đường/dẫn.db hoặc postgresql://…"); };

  std::string data_dir = "thidua-data", size = "small", bind = "127.0.0.1";
  uint16_t port = 8080;
  CLI::App* demo = app.add_subcommand("demo", "Tạo tỉnh demo (nếu thư mục trống) rồi phục vụ");
  demo->add_option("--data", data_dir, "Thư mục dữ liệu");
  demo->add_option("--port", port, "Cổng HTTP");
  demo->add_option("--bind", bind, "Địa chỉ lắng nghe");
  demo->add_option("--size", size, "small (≈2.000 người) hoặc province (≈100.000)")->check(CLI::IsMember({"small", "province"}));

  CLI::App* serve = app.add_subcommand("serve", "Phục vụ một cơ sở dữ liệu đã có");
  add_db(serve);
  serve->add_option("--port", port, "Cổng HTTP");
  serve->add_option("--bind", bind, "Địa chỉ lắng nghe");

  CLI::App* init = app.add_subcommand("init", "Tạo/cập nhật lược đồ và tài khoản quản trị");
  add_db(init);

  std::string kind, file;
  CLI::App* import = app.add_subcommand("import", "Nhập dữ liệu từ CSV hoặc xlsx");
  import->add_option("KIND", kind, "units | people | memberships | evaluations | initiatives | disciplines | awards")->required();
  import->add_option("FILE", file, "Tệp .csv hoặc .xlsx")->required();
  add_db(import);

  CLI::App* user = app.add_subcommand("user", "Quản lý tài khoản");
  user->require_subcommand(1);
  service::NewUserRequest new_user;
  CLI::App* user_add = user->add_subcommand("add", "Tạo tài khoản (mật khẩu đọc từ đầu vào chuẩn)");
  user_add->add_option("--username", new_user.username)->required();
  user_add->add_option("--role", new_user.role, "admin|office|office_lead|council|unit_officer|unit_head|editor")->required();
  user_add->add_option("--unit", new_user.unit_code, "Mã đơn vị (với vai trò theo đơn vị)");
  user_add->add_option("--display-name", new_user.display_name, "Họ và tên");
  add_db(user_add);

  std::string out;
  CLI::App* backup = app.add_subcommand("backup", "Sao lưu cơ sở dữ liệu SQLite vào một tệp");
  add_db(backup);
  backup->add_option("--out", out, "Tệp đích")->required();

  CLI::App* verify = app.add_subcommand("verify-audit", "Kiểm tra tính toàn vẹn của nhật ký");
  add_db(verify);

  CLI::App* migrate = app.add_subcommand("migrate", "Áp dụng các bản cập nhật lược đồ");
  add_db(migrate);

  EligibilityArgs elig;
  CLI::App* eligibility = app.add_subcommand("eligibility", "Xét đủ tiêu chuẩn thi đua, khen thưởng của một cá nhân hoặc tập thể");
  eligibility->add_option("--year", elig.year, "Năm thành tích cuối cùng được xét")->required();
  auto* person_opt = eligibility->add_option("--person", elig.person, "Mã cá nhân");
  auto* unit_opt = eligibility->add_option("--unit", elig.unit, "Mã đơn vị");
  person_opt->excludes(unit_opt);
  eligibility->add_option("--date", elig.date, "Ngày chọn bộ quy tắc (YYYY-MM-DD)");
  eligibility->add_flag("--json", elig.json, "In JSON như API HTTP");
  add_db(eligibility);

  ExportArgs export_args;
  CLI::App* export_cmd = AddExportCommand(app, export_args);
  add_db(export_cmd);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!InitCrypto()) {
    std::fprintf(stderr, "thidua: libsodium không khởi tạo được\n");
    return kExitRejected;
  }
  if (*demo) return RunDemo(data_dir, port, bind, size);
  if (*serve) {
    std::unique_ptr<store::Db> db = OpenAndMigrate(db_url);
    if (!db) return kExitRejected;
    ServeOptions options;
    options.bind = bind;
    options.port = port;
    options.on_listening = [&](uint16_t listening) {
      std::printf("thidua: http://%s:%u/\n", bind.c_str(), listening);
      std::fflush(stdout);
    };
    return Serve(*db, options);
  }
  if (*init || *migrate) return *init ? RunInit(db_url) : (OpenAndMigrate(db_url) ? kExitOk : kExitRejected);
  if (*import) return RunImport(db_url, kind, file);
  if (*user_add) return RunUserAdd(db_url, new_user);
  if (*backup) return RunBackup(db_url, out);
  if (*verify) return RunVerifyAudit(db_url);
  if (*export_cmd) {
    return RunExport(export_args, db_url, [](const std::string& url) { return OpenAndMigrate(url, IfMissing::kRefuse); });
  }
  if (*eligibility) {
    if (elig.person.empty() == elig.unit.empty()) {
      std::fprintf(stderr, "thidua eligibility: cần đúng một trong --person hoặc --unit\n");
      return kExitUsage;
    }
    return RunEligibility(db_url, elig);
  }
  return kExitUsage;
}

}  // namespace thidua::cli
