#include "cli/demo/demo_loader.h"

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/table_reader.h"

namespace thidua::demo {
namespace {

// The CSV text in pieces of at most `rows` records and about `bytes` bytes, each under the header:
// the import reads a file whole (at most a million rows and 64 MB), and a province's ten years of
// awards are larger. As few pieces as that allows: each import loads the rows already stored.
std::vector<std::string> Pieces(const std::string& csv, size_t rows, size_t bytes) {
  const size_t body = csv.find("\r\n") + 2;
  const std::string_view header = std::string_view(csv).substr(0, body);
  std::vector<std::string> pieces;
  size_t start = body, count = 0;
  bool quoted = false;
  for (size_t i = body; i < csv.size(); ++i) {
    if (csv[i] == '"') quoted = !quoted;
    if (quoted || csv[i] != '\n' || (++count < rows && i + 1 - start < bytes)) continue;
    pieces.push_back(std::string(header) + csv.substr(start, i + 1 - start));
    start = i + 1;
    count = 0;
  }
  if (start < csv.size() || pieces.empty()) pieces.push_back(std::string(header) + csv.substr(start));
  return pieces;
}

}  // namespace

Status LoadDemoProvince(service::Services& services, const DemoProvince& province, const LoadProgress& progress) {
  constexpr size_t kMaxRows = 900'000, kMaxBytes = size_t{48} << 20;
  service::Actor system = service::Actor::System();
  const std::pair<const char*, const std::string*> kinds[] = {
      {"units", &province.units_csv},
      {"people", &province.people_csv},
      {"memberships", &province.memberships_csv},
      {"evaluations", &province.evaluations_csv},
      {"initiatives", &province.initiatives_csv},
      {"disciplines", &province.disciplines_csv},
      {"awards", &province.awards_csv},
  };
  for (auto [kind, csv] : kinds) {
    auto start = std::chrono::steady_clock::now();
    int64_t rows = 0;
    for (const std::string& piece : Pieces(*csv, kMaxRows, kMaxBytes)) {
      Result<domain::Table> table = render::ReadTable(piece, render::FileFormat::kCsv);
      if (!table.ok()) return table.status();
      Result<service::ImportReport> report = services.imports.ImportTable(system, kind, *table);
      if (!report.ok()) return report.status();
      if (!report->ok()) {
        const auto& e = report->errors.front();
        return Internal(std::string("demo ") + kind + " line " + std::to_string(e.line) + " " + e.column +
                        ": " + e.reason);
      }
      rows += static_cast<int64_t>(table->rows.size());
    }
    if (progress) {
      progress(kind, rows, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }
  for (const LineageEvent& event : province.lineage) {
    domain::RawFields fields = {{"kind", event.kind},
                                {"date", event.date.Iso()},
                                {"legal_act", event.legal_act},
                                {"related_unit_code", event.related_unit_code},
                                {"note", event.note}};
    THIDUA_RETURN_IF_ERROR(services.units.AddEvent(system, event.unit_code, fields).status());
  }
  for (const Account& account : province.accounts) {
    THIDUA_RETURN_IF_ERROR(services.auth
                               .CreateUser(system, {account.username, account.display_name, account.role,
                                                    account.unit_code, "thidua-demo"})
                               .status());
  }
  return Status::Ok();
}

}  // namespace thidua::demo
