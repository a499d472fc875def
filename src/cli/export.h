// `thidua export KIND --year YYYY --out FILE [--db URL]` (API.md, "Command line"): writes an xlsx.
//   eligibility  everyone in the province eligible in YYYY for each award the rules engine evaluates —
//                one sheet with an award column (the columns of the staff screen's export,
//                http/handlers/eligibility_sheet.h), person awards first, then unit awards, each in
//                Vietnamese name order; --award CODE and --unit CODE (its subtree) narrow it.
//   people       every person with their current unit — the staff list's export (the year is not used);
//                --unit CODE keeps the people working in its subtree today.
//   awards       the awards list's export filtered by achievement year YYYY (as /quan-ly/khen-thuong?year=);
//                --award and --unit (the unit at the decision date, with its subtree) narrow it.
//   form-0601 … form-0604  the statistical forms: not available yet (usage error, exit 2).
// Exit status (commands.h): 0 written; 1 rejected (no database, no rule set for the year, unknown unit,
// the file cannot be written); 2 usage.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace thidua::store {
class Db;
}

namespace thidua::cli {

struct ExportArgs {
  std::string kind;
  int year = 0;
  std::string out;
  std::string award;  // eligibility, awards: one award code
  std::string unit;   // one unit's subtree
};

// Opens and migrates the database at a URL; prints why and returns null when it cannot.
using OpenDb = std::function<std::unique_ptr<store::Db>(const std::string& url)>;

// Adds the `export` subcommand to `app`; parsing fills `args`. Returns the subcommand.
CLI::App* AddExportCommand(CLI::App& app, ExportArgs& args);
int RunExport(const ExportArgs& args, const std::string& db_url, const OpenDb& open);

}  // namespace thidua::cli
