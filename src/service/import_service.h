// Imports of units, people, memberships, evaluations, initiatives, disciplines and awards from CSV or
// xlsx (columns of API.md, "Imports"; awards also read period_from, signer, bonus_amount, revoke_reason
// and unit_code).
//
// All or nothing: every row is validated first; if any row is bad, nothing is written and
// the report lists each bad row with its line, column and reason. Otherwise everything is
// written in one transaction, with one audit row per record created or changed. Re-importing
// the same file changes nothing (rows are keyed by code; records without one by their natural key:
// memberships by person, unit and start; evaluations by subject and year; disciplines by person and
// start; awards by subject, award code and year). Records of people and units follow the scope rules
// of RecordService; an award already revoked stays revoked when a file says otherwise.
// Thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/table.h"
#include "service/actor.h"
#include "service/context.h"

namespace thidua::service {

struct ImportError {
  int line = 0;
  std::string column;
  std::string reason;  // Vietnamese
};

struct ImportReport {
  std::string kind;
  int64_t rows = 0;
  int64_t created = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  std::vector<ImportError> errors;
  bool ok() const { return errors.empty(); }
};

// The kinds this service imports, and their columns (required ones first).
const std::vector<std::string>& ImportKinds();
// The header row of a kind's template (API.md column order), or empty for an unknown kind.
std::vector<std::string> ImportColumns(std::string_view kind);

class ImportService {
 public:
  using Progress = std::function<void(int64_t done, int64_t total)>;
  explicit ImportService(Context ctx) : ctx_(ctx) {}

  // Imports a table read from a file (render::ReadTable). The Result fails only when the kind is
  // unknown or the actor may not import; row problems are in the report.
  Result<ImportReport> ImportTable(const Actor& actor, std::string_view kind, const domain::Table& table,
                                   const Progress& progress = nullptr);

 private:
  Result<ImportReport> ImportUnits(const Actor& actor, const domain::Table& table, const Progress& progress);
  Result<ImportReport> ImportPeople(const Actor& actor, const domain::Table& table, const Progress& progress);
  Result<ImportReport> ImportMemberships(const Actor& actor, const domain::Table& table, const Progress& progress);
  Result<ImportReport> ImportEvaluations(const Actor& actor, const domain::Table& table, const Progress& progress);
  Result<ImportReport> ImportInitiatives(const Actor& actor, const domain::Table& table, const Progress& progress);
  Result<ImportReport> ImportDisciplines(const Actor& actor, const domain::Table& table, const Progress& progress);
  Result<ImportReport> ImportAwards(const Actor& actor, const domain::Table& table, const Progress& progress);
  Context ctx_;
};

// kPermissionDenied unless the actor may import at all (checked before a file is even read).
Status CheckImportRole(const Actor& actor);

}  // namespace thidua::service
