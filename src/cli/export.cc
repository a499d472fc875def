#include "cli/export.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>

#include "base/clock.h"
#include "cli/commands.h"
#include "domain/eligibility_codes.h"
#include "http/handlers/eligibility_sheet.h"
#include "http/handlers/list_sheets.h"
#include "service/services.h"

namespace thidua::cli {
namespace {

constexpr const char* kForms[] = {"form-0601", "form-0602", "form-0603", "form-0604"};

// The awards to export for `subject`, in verdict order.
std::vector<std::string> Awards(domain::SubjectType subject, const std::string& only) {
  std::vector<std::string> out;
  for (domain::AwardCode code : domain::AwardsFor(subject)) {
    if (only.empty() || domain::AwardCodeName(code) == only) out.emplace_back(domain::AwardCodeName(code));
  }
  return out;
}

Status WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return InvalidArgument("không ghi được tệp " + path);
  return Status::Ok();
}

// Writes `sheet` (or says why it cannot) to args.out.
int WriteSheet(const ExportArgs& args, const Result<render::Sheet>& sheet) {
  Result<std::string> bytes = sheet.ok() ? render::WriteXlsx(*sheet) : Result<std::string>(sheet.status());
  Status written = bytes.ok() ? WriteFile(args.out, *bytes) : bytes.status();
  if (!written.ok()) {
    std::fprintf(stderr, "thidua export %s: %s\n", args.kind.c_str(), written.message().c_str());
    return kExitRejected;
  }
  std::printf("Đã ghi %zu dòng vào %s\n", sheet->rows.size(), args.out.c_str());
  return kExitOk;
}

// The people and awards lists, as the staff screens export them, for the whole province.
int ExportList(const ExportArgs& args, service::Services& services) {
  service::ListRequest list;
  list.sort = "name";
  list.within_unit = args.unit;
  if (args.kind == "people")
    return WriteSheet(args, http::PeopleSheet(services, service::Actor::System(), list));
  service::RecordListRequest awards;
  awards.list = list;
  awards.list.sort = "";
  awards.year = args.year;
  awards.award_code = args.award;
  return WriteSheet(args, http::AwardsSheet(services, service::Actor::System(), awards));
}

int ExportEligibility(const ExportArgs& args, service::Services& services) {
  render::Sheet sheet =
      http::EligibilitySheet("Xét khen thưởng " + std::to_string(args.year), "Họ tên, tên đơn vị");
  // Every person award, then every unit award; the histories of each kind are loaded once.
  for (domain::SubjectType subject : {domain::SubjectType::kPerson, domain::SubjectType::kUnit}) {
    std::vector<std::string> awards = Awards(subject, args.award);
    if (awards.empty()) continue;
    service::EligibilityQuery query;
    query.year = args.year;
    query.subject = subject;
    if (!args.unit.empty()) query.unit = args.unit;
    auto lists = services.eligibility.EligibleEach(service::Actor::System(), query, awards);
    if (!lists.ok()) {
      std::fprintf(stderr, "thidua export eligibility: %s\n", lists.status().message().c_str());
      return kExitRejected;
    }
    for (const service::EligibilityList& list : *lists) http::AppendEligibilityRows(list, sheet);
  }
  return WriteSheet(args, sheet);
}

}  // namespace

CLI::App* AddExportCommand(CLI::App& app, ExportArgs& args) {
  CLI::App* sub = app.add_subcommand("export", "Xuất dữ liệu ra tệp xlsx");
  sub->add_option("KIND", args.kind,
                  "eligibility | people | awards | form-0601 | form-0602 | form-0603 | form-0604")
      ->required()
      ->check(CLI::IsMember(
          {"eligibility", "people", "awards", "form-0601", "form-0602", "form-0603", "form-0604"}));
  sub->add_option("--year", args.year, "Năm xét")->required()->check(CLI::Range(1900, 9999));
  sub->add_option("--out", args.out, "Tệp .xlsx đích")->required();
  sub->add_option("--award", args.award,
                  "eligibility, awards: chỉ một danh hiệu, hình thức (mã, ví dụ CSTDCS)");
  sub->add_option("--unit", args.unit, "Chỉ đơn vị này và các đơn vị trực thuộc (mã)");
  return sub;
}

int RunExport(const ExportArgs& args, const std::string& db_url, const OpenDb& open) {
  for (const char* form : kForms) {
    if (args.kind == form) {
      std::fprintf(stderr, "thidua export %s: biểu mẫu thống kê chưa được hỗ trợ trong phiên bản này\n",
                   form);
      return kExitUsage;
    }
  }
  if (!args.award.empty() && !domain::ParseAwardCode(args.award)) {
    std::fprintf(stderr, "thidua export: --award: không có danh hiệu, hình thức khen thưởng mã \"%s\"\n",
                 args.award.c_str());
    return kExitUsage;
  }
  std::unique_ptr<store::Db> db = open(db_url);
  if (!db) return kExitRejected;
  SystemClock clock;
  service::Services services(service::Context{*db, clock}, service::AuthOptions{});
  return args.kind == "eligibility" ? ExportEligibility(args, services) : ExportList(args, services);
}

}  // namespace thidua::cli
