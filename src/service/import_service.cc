#include "service/import_service.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "domain/records.h"
#include "service/access.h"
#include "service/audit_trail.h"
#include "service/person_service.h"
#include "store/person_repo.h"
#include "store/unit_repo.h"

namespace thidua::service {
namespace {

struct KindColumns {
  std::string_view kind;
  std::vector<std::string> columns;
  size_t required;  // the first `required` columns must be present in the header
};

const std::vector<KindColumns>& Catalogue() {
  static const std::vector<KindColumns> kinds = {
      {"units", {"code", "name", "kind", "parent_code", "field", "valid_from", "valid_to"}, 3},
      {"people", {"code", "full_name", "gender", "birth_date", "unit_code", "position", "recruited_on"}, 3},
      {"memberships", {"person_code", "unit_code", "from", "to"}, 3},
  };
  return kinds;
}

const KindColumns* FindKind(std::string_view kind) {
  for (const KindColumns& k : Catalogue()) {
    if (k.kind == kind) return &k;
  }
  return nullptr;
}

// Checks the header against the kind's columns; columns may come in any order.
void CheckHeader(const KindColumns& kind, const domain::Table& table, ImportReport& report) {
  std::set<std::string> seen;
  for (const std::string& column : table.header) {
    if (std::find(kind.columns.begin(), kind.columns.end(), column) == kind.columns.end()) {
      report.errors.push_back({1, column, "Cột không có trong mẫu nhập \"" + std::string(kind.kind) + "\"."});
    } else if (!seen.insert(column).second) {
      report.errors.push_back({1, column, "Cột bị lặp lại."});
    }
  }
  for (size_t i = 0; i < kind.required; ++i) {
    if (!seen.count(kind.columns[i])) report.errors.push_back({1, kind.columns[i], "Thiếu cột bắt buộc."});
  }
}

domain::RawFields RowFields(const domain::Table& table, size_t i) {
  domain::RawFields fields;
  const auto& row = table.rows[i];
  for (size_t c = 0; c < table.header.size(); ++c) fields[table.header[c]] = c < row.size() ? row[c] : "";
  return fields;
}

void AddFieldErrors(const Status& status, int line, ImportReport& report) {
  if (status.fields().empty()) {
    report.errors.push_back({line, "", status.message()});
    return;
  }
  for (const auto& [field, message] : status.fields()) report.errors.push_back({line, field, message});
}

void Tick(const ImportService::Progress& progress, int64_t done, int64_t total) {
  if (progress && (done % 1000 == 0 || done == total)) progress(done, total);
}

// The ids of the units an actor may import into (empty optional = every unit).
Result<std::optional<std::unordered_set<int64_t>>> WritableUnits(store::Conn& conn, const Actor& actor) {
  std::optional<UnitId> root = ScopeRoot(actor);
  if (!root) return std::optional<std::unordered_set<int64_t>>();
  THIDUA_ASSIGN_OR_RETURN(std::vector<store::units::UnitRow> units, store::units::All(conn, root));
  std::unordered_set<int64_t> ids;
  for (const auto& u : units) ids.insert(u.id.value());
  return std::optional<std::unordered_set<int64_t>>(std::move(ids));
}

ImportReport NewReport(const char* kind, const domain::Table& table) {
  ImportReport report;
  report.kind = kind;
  report.rows = static_cast<int64_t>(table.rows.size());
  return report;
}

// The outcome of an import's write: the report when rows were refused (the transaction was rolled
// back on purpose), the database's error if the write failed, else the report.
Result<ImportReport> Finish(ImportReport report, const Status& written) {
  if (!report.ok()) return report;
  if (!written.ok()) return written;
  return report;
}

// Every unit's id by code, and the ids the actor may import into.
struct UnitIndex {
  std::unordered_map<std::string, UnitId> ids;
  std::optional<std::unordered_set<int64_t>> writable;  // empty: every unit

  // True if `code` names a unit the actor may import into.
  bool Writable(const std::string& code) const {
    auto it = ids.find(code);
    return it != ids.end() && (!writable || writable->count(it->second.value()));
  }
};

Result<UnitIndex> LoadUnitIndex(store::Conn& conn, const Actor& actor) {
  UnitIndex index;
  THIDUA_ASSIGN_OR_RETURN(std::vector<store::units::UnitRow> units, store::units::All(conn, std::nullopt));
  for (const auto& u : units) index.ids[u.code] = u.id;
  THIDUA_ASSIGN_OR_RETURN(index.writable, WritableUnits(conn, actor));
  return index;
}

}  // namespace

const std::vector<std::string>& ImportKinds() {
  static const std::vector<std::string> kinds = {"units", "people", "memberships"};
  return kinds;
}

std::vector<std::string> ImportColumns(std::string_view kind) {
  // The template order is API.md's.
  if (kind == "units") return {"code", "name", "parent_code", "kind", "field", "valid_from", "valid_to"};
  if (kind == "people") return {"code", "full_name", "gender", "birth_date", "unit_code", "position", "recruited_on"};
  if (kind == "memberships") return {"person_code", "unit_code", "from", "to"};
  return {};
}

Status CheckImportRole(const Actor& actor) { return CheckRecordsRole(actor, Access::kWrite); }

Result<ImportReport> ImportService::ImportTable(const Actor& actor, std::string_view kind,
                                                const domain::Table& table, const Progress& progress) {
  THIDUA_RETURN_IF_ERROR(CheckImportRole(actor));
  const KindColumns* columns = FindKind(kind);
  if (!columns) return InvalidArgument("Loại dữ liệu nhập không hợp lệ: \"" + std::string(kind) + "\".");
  ImportReport header_report;
  header_report.kind = std::string(kind);
  header_report.rows = static_cast<int64_t>(table.rows.size());
  CheckHeader(*columns, table, header_report);
  if (!header_report.ok()) return header_report;
  if (kind == "units") return ImportUnits(actor, table, progress);
  if (kind == "people") return ImportPeople(actor, table, progress);
  return ImportMemberships(actor, table, progress);
}

Result<ImportReport> ImportService::ImportUnits(const Actor& actor, const domain::Table& table,
                                                const Progress& progress) {
  ImportReport report = NewReport("units", table);
  if (ScopeRoot(actor)) return PermissionDenied("Chỉ Ban Thi đua – Khen thưởng được nhập danh mục đơn vị.");
  std::vector<domain::UnitRecord> records(table.rows.size());
  std::map<std::string, size_t> in_file;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    Result<domain::UnitRecord> unit = domain::ParseUnit(RowFields(table, i));
    if (!unit.ok()) {
      AddFieldErrors(unit.status(), table.row_lines[i], report);
      continue;
    }
    if (!in_file.emplace(unit->code, i).second) {
      report.errors.push_back({table.row_lines[i], "code", "Mã \"" + unit->code + "\" lặp lại trong tệp."});
    }
    records[i] = std::move(unit).value();
  }
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::units::UnitRow> existing, store::units::All(conn, std::nullopt));
    std::map<std::string, const store::units::UnitRow*> by_code;
    std::map<int64_t, std::string> code_of;
    for (const auto& u : existing) {
      by_code[u.code] = &u;
      code_of[u.id.value()] = u.code;
    }
    // The parent of every code after the import: the file's word wins over the database's.
    std::map<std::string, std::string> parent_of;
    for (const auto& u : existing) parent_of[u.code] = u.parent ? code_of[u.parent->value()] : "";
    for (const auto& [code, i] : in_file) parent_of[code] = records[i].parent_code;
    for (const auto& [code, i] : in_file) {
      const std::string& parent = records[i].parent_code;
      if (!parent.empty() && !parent_of.count(parent)) {
        report.errors.push_back({table.row_lines[i], "parent_code", "Không tìm thấy đơn vị cấp trên \"" + parent + "\"."});
        continue;
      }
      std::string at = parent;
      for (size_t depth = 0; !at.empty() && depth <= parent_of.size(); ++depth) {
        if (at == code) {
          report.errors.push_back({table.row_lines[i], "parent_code", "Đơn vị nằm dưới chính nó (vòng lặp cấp trên)."});
          break;
        }
        at = parent_of[at];
      }
    }
    if (!report.ok()) return FailedPrecondition("import rejected");
    // Insert parents before children: repeat passes until every row is placed.
    std::map<std::string, UnitId> ids;
    for (const auto& u : existing) ids[u.code] = u.id;
    std::vector<bool> placed(records.size(), false);
    int64_t done = 0, total = static_cast<int64_t>(in_file.size());
    for (bool progressed = true; progressed;) {
      progressed = false;
      for (const auto& [code, i] : in_file) {
        const domain::UnitRecord& unit = records[i];
        bool parent_ready = unit.parent_code.empty() || !in_file.count(unit.parent_code) ||
                            placed[in_file.at(unit.parent_code)];
        if (placed[i] || !parent_ready) continue;
        std::optional<UnitId> parent;
        if (!unit.parent_code.empty()) parent = ids.at(unit.parent_code);
        auto found = by_code.find(code);
        int64_t now = ctx_.clock.NowMillis();
        if (found == by_code.end()) {
          THIDUA_ASSIGN_OR_RETURN(ids[code], store::units::Insert(conn, unit, parent, now));
          THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "unit.import", "unit", code, std::nullopt,
                                             domain::ToRaw(unit)));
          ++report.created;
        } else if (domain::ToRaw(found->second->ToRecord()) != domain::ToRaw(unit)) {
          THIDUA_RETURN_IF_ERROR(store::units::Update(conn, found->second->id, unit, parent, now));
          THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "unit.import", "unit", code,
                                             domain::ToRaw(found->second->ToRecord()), domain::ToRaw(unit)));
          ++report.updated;
        } else {
          ++report.unchanged;
        }
        placed[i] = progressed = true;
        Tick(progress, ++done, total);
      }
    }
    return Status::Ok();
  });
  return Finish(std::move(report), status);
}

Result<ImportReport> ImportService::ImportPeople(const Actor& actor, const domain::Table& table,
                                                 const Progress& progress) {
  ImportReport report = NewReport("people", table);
  Date today = ctx_.clock.Today();
  std::vector<domain::PersonRecord> records(table.rows.size());
  std::unordered_map<std::string, size_t> in_file;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    Result<domain::PersonRecord> person = domain::ParsePerson(RowFields(table, i), today);
    if (!person.ok()) {
      AddFieldErrors(person.status(), table.row_lines[i], report);
      continue;
    }
    if (!in_file.emplace(person->code, i).second) {
      report.errors.push_back({table.row_lines[i], "code", "Mã \"" + person->code + "\" lặp lại trong tệp."});
    }
    if (person->unit_code.empty() && ScopeRoot(actor)) {
      report.errors.push_back({table.row_lines[i], "unit_code", "Bắt buộc nhập đơn vị thuộc phạm vi của bạn."});
    }
    records[i] = std::move(person).value();
  }
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(UnitIndex units, LoadUnitIndex(conn, actor));
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::PersonRow> people, store::people::All(conn));
    std::unordered_map<std::string, const store::people::PersonRow*> existing;
    for (const auto& p : people) existing[p.code] = &p;
    for (size_t i = 0; i < records.size(); ++i) {
      const domain::PersonRecord& person = records[i];
      if (person.code.empty()) continue;  // already reported
      if (!person.unit_code.empty() && !units.Writable(person.unit_code)) {
        report.errors.push_back({table.row_lines[i], "unit_code",
                                 "Không tìm thấy đơn vị \"" + person.unit_code + "\" trong phạm vi của bạn."});
      }
      auto found = existing.find(person.code);
      if (found != existing.end() && units.writable) {
        THIDUA_ASSIGN_OR_RETURN(bool visible, PersonInScope(conn, actor, found->second->id, today));
        if (!visible) {
          report.errors.push_back({table.row_lines[i], "code", "Mã cá nhân đã được dùng ngoài phạm vi của bạn."});
        }
      }
    }
    if (!report.ok()) return FailedPrecondition("import rejected");
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::MembershipRow> memberships,
                            store::people::AllMemberships(conn));
    std::set<std::pair<int64_t, int64_t>> member_of;
    for (const auto& m : memberships) member_of.emplace(m.person.value(), m.unit.value());
    int64_t now = ctx_.clock.NowMillis(), total = static_cast<int64_t>(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      const domain::PersonRecord& person = records[i];
      auto found = existing.find(person.code);
      PersonId id;
      if (found == existing.end()) {
        THIDUA_ASSIGN_OR_RETURN(id, store::people::Insert(conn, person, now));
        THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "person.import", "person", person.code, std::nullopt,
                                           domain::ToRaw(person)));
        ++report.created;
      } else {
        id = found->second->id;
        domain::PersonRecord before = found->second->ToRecord();
        before.unit_code = person.unit_code;  // memberships are compared below, not here
        if (domain::ToRaw(before) != domain::ToRaw(person)) {
          THIDUA_RETURN_IF_ERROR(store::people::Update(conn, id, person, now));
          THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "person.import", "person", person.code,
                                             domain::ToRaw(before), domain::ToRaw(person)));
          ++report.updated;
        } else {
          ++report.unchanged;
        }
      }
      if (!person.unit_code.empty()) {
        UnitId unit = units.ids.at(person.unit_code);
        if (member_of.emplace(id.value(), unit.value()).second) {
          THIDUA_RETURN_IF_ERROR(store::people::InsertMembership(conn, id, unit, person.recruited_on.value_or(kStartOfTime),
                                                                 std::nullopt)
                                     .status());
        }
      }
      Tick(progress, static_cast<int64_t>(i + 1), total);
    }
    return Status::Ok();
  });
  return Finish(std::move(report), status);
}

Result<ImportReport> ImportService::ImportMemberships(const Actor& actor, const domain::Table& table,
                                                      const Progress& progress) {
  ImportReport report = NewReport("memberships", table);
  std::vector<domain::MembershipRecord> records(table.rows.size());
  std::vector<bool> parsed(table.rows.size(), false);
  std::set<std::tuple<std::string, std::string, Date>> in_file;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    Result<domain::MembershipRecord> m = domain::ParseMembership(RowFields(table, i));
    if (!m.ok()) {
      AddFieldErrors(m.status(), table.row_lines[i], report);
      continue;
    }
    if (!in_file.emplace(m->person_code, m->unit_code, m->from).second) {
      report.errors.push_back({table.row_lines[i], "from", "Quá trình công tác lặp lại trong tệp."});
    }
    records[i] = std::move(m).value();
    parsed[i] = true;
  }
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(UnitIndex units, LoadUnitIndex(conn, actor));
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::PersonRow> people, store::people::All(conn));
    std::unordered_map<std::string, PersonId> person_ids;
    for (const auto& p : people) person_ids[p.code] = p.id;
    for (size_t i = 0; i < records.size(); ++i) {
      if (!parsed[i]) continue;
      if (!person_ids.count(records[i].person_code)) {
        report.errors.push_back({table.row_lines[i], "person_code",
                                 "Không tìm thấy cá nhân \"" + records[i].person_code + "\"."});
      }
      if (!units.Writable(records[i].unit_code)) {
        report.errors.push_back({table.row_lines[i], "unit_code",
                                 "Không tìm thấy đơn vị \"" + records[i].unit_code + "\" trong phạm vi của bạn."});
      }
    }
    if (!report.ok()) return FailedPrecondition("import rejected");
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::MembershipRow> memberships,
                            store::people::AllMemberships(conn));
    std::map<std::tuple<int64_t, int64_t, Date>, const store::people::MembershipRow*> by_key;
    for (const auto& m : memberships) by_key[{m.person.value(), m.unit.value(), m.from}] = &m;
    int64_t total = static_cast<int64_t>(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      const domain::MembershipRecord& m = records[i];
      PersonId person = person_ids.at(m.person_code);
      UnitId unit = units.ids.at(m.unit_code);
      domain::RawFields after = {{"person_code", m.person_code}, {"unit_code", m.unit_code},
                                 {"from", m.from.Iso()}, {"to", m.to ? m.to->Iso() : ""}};
      auto found = by_key.find({person.value(), unit.value(), m.from});
      if (found == by_key.end()) {
        THIDUA_RETURN_IF_ERROR(store::people::InsertMembership(conn, person, unit, m.from, m.to).status());
        THIDUA_RETURN_IF_ERROR(
            RecordAudit(conn, ctx_, actor, "membership.import", "person", m.person_code, std::nullopt, after));
        ++report.created;
      } else if (found->second->to != m.to) {
        domain::RawFields before = after;
        before["to"] = found->second->to ? found->second->to->Iso() : "";
        THIDUA_RETURN_IF_ERROR(store::people::UpdateMembershipEnd(conn, found->second->id, m.to));
        THIDUA_RETURN_IF_ERROR(
            RecordAudit(conn, ctx_, actor, "membership.import", "person", m.person_code, before, after));
        ++report.updated;
      } else {
        ++report.unchanged;
      }
      Tick(progress, static_cast<int64_t>(i + 1), total);
    }
    return Status::Ok();
  });
  return Finish(std::move(report), status);
}

}  // namespace thidua::service
