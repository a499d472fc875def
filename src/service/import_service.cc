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
#include "service/record_service.h"
#include "store/award_repo.h"
#include "store/record_repo.h"
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
      {"evaluations", {"subject_type", "subject_code", "year", "rating"}, 4},
      {"initiatives", {"code", "title", "author_codes", "scope", "recognized_on", "recognized_by"}, 5},
      {"disciplines", {"person_code", "level", "from", "to", "pending"}, 3},
      {"awards", {"subject_type", "subject_code", "award_code", "year", "method", "decision_no", "decision_date",
                  "issuer", "revoked", "period_from", "signer", "bonus_amount", "revoke_reason", "unit_code"}, 8},
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
  std::unordered_map<int64_t, store::units::UnitRow> rows;  // by id

  // True if `code` names a unit the actor may import into.
  bool Writable(const std::string& code) const {
    auto it = ids.find(code);
    return it != ids.end() && (!writable || writable->count(it->second.value()));
  }
};

Result<UnitIndex> LoadUnitIndex(store::Conn& conn, const Actor& actor) {
  UnitIndex index;
  THIDUA_ASSIGN_OR_RETURN(std::vector<store::units::UnitRow> units, store::units::All(conn, std::nullopt));
  for (const auto& u : units) {
    index.ids[u.code] = u.id;
    index.rows.emplace(u.id.value(), u);
  }
  THIDUA_ASSIGN_OR_RETURN(index.writable, WritableUnits(conn, actor));
  return index;
}

std::string InScope(const Actor& actor) { return ScopeRoot(actor) ? " trong phạm vi của bạn" : ""; }

// Every person's id by code, their memberships, and the people whose records the actor may import
// (a membership open today in a writable unit; PersonInScope for a whole file at once).
struct PeopleIndex {
  std::unordered_map<std::string, PersonId> ids;
  std::unordered_map<int64_t, std::string> names;  // full names by person id (an award's search key)
  std::unordered_map<int64_t, std::vector<store::people::MembershipRow>> memberships;  // by person id
  std::optional<std::unordered_set<int64_t>> in_scope;  // empty: everyone

  std::optional<PersonId> Writable(const std::string& code) const {
    auto it = ids.find(code);
    if (it == ids.end() || (in_scope && !in_scope->count(it->second.value()))) return std::nullopt;
    return it->second;
  }
};

Result<PeopleIndex> LoadPeopleIndex(store::Conn& conn, const UnitIndex& units, Date today) {
  PeopleIndex index;
  THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::PersonRow> people, store::people::All(conn));
  for (auto& p : people) {
    index.ids[p.code] = p.id;
    index.names[p.id.value()] = std::move(p.full_name);
  }
  THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::MembershipRow> memberships, store::people::AllMemberships(conn));
  if (units.writable) index.in_scope.emplace();
  for (auto& m : memberships) {
    bool open = m.from <= today && (!m.to || *m.to >= today);
    if (index.in_scope && open && units.writable->count(m.unit.value())) index.in_scope->insert(m.person.value());
    auto unit = units.rows.find(m.unit.value());
    if (unit != units.rows.end()) {
      m.unit_code = unit->second.code;
      m.unit_name = unit->second.name;
    }
    index.memberships[m.person.value()].push_back(std::move(m));
  }
  return index;
}

// Parses every row with `parse`; bad rows go to the report, rows whose key repeats an earlier row's too.
template <typename Record, typename Parse, typename Key>
std::vector<std::optional<Record>> ParseRows(const domain::Table& table, ImportReport& report, Parse parse, Key key,
                                             const char* key_column) {
  std::vector<std::optional<Record>> records(table.rows.size());
  std::set<decltype(key(std::declval<const Record&>()))> seen;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    Result<Record> record = parse(RowFields(table, i));
    if (!record.ok()) {
      AddFieldErrors(record.status(), table.row_lines[i], report);
      continue;
    }
    if (!seen.insert(key(*record)).second) {
      report.errors.push_back({table.row_lines[i], key_column, "Bản ghi lặp lại trong tệp (trùng với một dòng trên)."});
    }
    records[i] = std::move(record).value();
  }
  return records;
}

// Writes one imported row: `before` is the stored record's fields (nullopt when there is none) and
// `after` the file's. Unchanged rows are only counted; otherwise `write` inserts or updates the row and
// returns the audit row's entity id, and `audit` gathers the row recording the change (the caller
// flushes it in the same transaction).
template <typename Write>
Status WriteRow(AuditBatch& audit, const std::string& action, const std::string& entity,
                const std::optional<domain::RawFields>& before, const domain::RawFields& after, ImportReport& report,
                Write write) {
  if (before && *before == after) {
    ++report.unchanged;
    return Status::Ok();
  }
  THIDUA_ASSIGN_OR_RETURN(std::string entity_id, write());
  audit.Add(action, entity, std::move(entity_id), before, after);
  ++(before ? report.updated : report.created);
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& ImportKinds() {
  static const std::vector<std::string> kinds = {"units",       "people",      "memberships", "evaluations",
                                                 "initiatives", "disciplines", "awards"};
  return kinds;
}

std::vector<std::string> ImportColumns(std::string_view kind) {
  // The template order is API.md's.
  if (kind == "units") return {"code", "name", "parent_code", "kind", "field", "valid_from", "valid_to"};
  if (kind == "people") return {"code", "full_name", "gender", "birth_date", "unit_code", "position", "recruited_on"};
  if (kind == "memberships") return {"person_code", "unit_code", "from", "to"};
  if (kind == "evaluations") return {"subject_type", "subject_code", "year", "rating"};
  if (kind == "initiatives") return {"code", "title", "author_codes", "scope", "recognized_on", "recognized_by"};
  if (kind == "disciplines") return {"person_code", "level", "from", "to", "pending"};
  // API.md's columns, then the optional ones thidua also reads.
  if (kind == "awards") {
    return {"subject_type", "subject_code", "award_code", "year", "method", "decision_no", "decision_date", "issuer",
            "revoked", "period_from", "signer", "bonus_amount", "revoke_reason", "unit_code"};
  }
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
  if (kind == "evaluations") return ImportEvaluations(actor, table, progress);
  if (kind == "initiatives") return ImportInitiatives(actor, table, progress);
  if (kind == "disciplines") return ImportDisciplines(actor, table, progress);
  if (kind == "awards") return ImportAwards(actor, table, progress);
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
    AuditBatch audit(ctx_, actor);
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
          audit.Add("unit.import", "unit", code, std::nullopt,
                                             domain::ToRaw(unit));
          ++report.created;
        } else if (domain::ToRaw(found->second->ToRecord()) != domain::ToRaw(unit)) {
          THIDUA_RETURN_IF_ERROR(store::units::Update(conn, found->second->id, unit, parent, now));
          audit.Add("unit.import", "unit", code,
                                             domain::ToRaw(found->second->ToRecord()), domain::ToRaw(unit));
          ++report.updated;
        } else {
          ++report.unchanged;
        }
        placed[i] = progressed = true;
        Tick(progress, ++done, total);
      }
    }
    return audit.Flush(conn);
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
    AuditBatch audit(ctx_, actor);
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
        audit.Add("person.import", "person", person.code, std::nullopt,
                                           domain::ToRaw(person));
        ++report.created;
      } else {
        id = found->second->id;
        domain::PersonRecord before = found->second->ToRecord();
        before.unit_code = person.unit_code;  // memberships are compared below, not here
        if (domain::ToRaw(before) != domain::ToRaw(person)) {
          THIDUA_RETURN_IF_ERROR(store::people::Update(conn, id, person, now));
          audit.Add("person.import", "person", person.code,
                                             domain::ToRaw(before), domain::ToRaw(person));
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
    return audit.Flush(conn);
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
    AuditBatch audit(ctx_, actor);
    for (size_t i = 0; i < records.size(); ++i) {
      const domain::MembershipRecord& m = records[i];
      PersonId person = person_ids.at(m.person_code);
      UnitId unit = units.ids.at(m.unit_code);
      domain::RawFields after = {{"person_code", m.person_code}, {"unit_code", m.unit_code},
                                 {"from", m.from.Iso()}, {"to", m.to ? m.to->Iso() : ""}};
      auto found = by_key.find({person.value(), unit.value(), m.from});
      std::optional<domain::RawFields> before;
      if (found != by_key.end()) {
        before = after;
        (*before)["to"] = found->second->to ? found->second->to->Iso() : "";
      }
      THIDUA_RETURN_IF_ERROR(WriteRow(audit, "membership.import", "person", before, after, report,
                                      [&]() -> Result<std::string> {
        if (found == by_key.end()) {
          THIDUA_RETURN_IF_ERROR(store::people::InsertMembership(conn, person, unit, m.from, m.to).status());
        } else {
          THIDUA_RETURN_IF_ERROR(store::people::UpdateMembershipEnd(conn, found->second->id, m.to));
        }
        return m.person_code;
      }));
      Tick(progress, static_cast<int64_t>(i + 1), total);
    }
    return audit.Flush(conn);
  });
  return Finish(std::move(report), status);
}

// ---- records ----

Result<ImportReport> ImportService::ImportEvaluations(const Actor& actor, const domain::Table& table,
                                                      const Progress& progress) {
  ImportReport report = NewReport("evaluations", table);
  Date today = ctx_.clock.Today();
  auto records = ParseRows<domain::EvaluationRecord>(
      table, report, [today](const domain::RawFields& raw) { return domain::ParseEvaluation(raw, today); },
      [](const domain::EvaluationRecord& e) { return std::tuple(e.subject_type, e.subject_code, e.year); }, "year");
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(UnitIndex units, LoadUnitIndex(conn, actor));
    THIDUA_ASSIGN_OR_RETURN(PeopleIndex people, LoadPeopleIndex(conn, units, today));
    // The subject of each row, as the evaluations table keys it: ('p' or 'u', id).
    std::vector<std::pair<char, int64_t>> subjects(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      if (!records[i]) continue;
      const domain::EvaluationRecord& e = *records[i];
      if (e.subject_type == "person") {
        std::optional<PersonId> person = people.Writable(e.subject_code);
        if (person) subjects[i] = {'p', person->value()};
      } else if (units.Writable(e.subject_code)) {
        subjects[i] = {'u', units.ids.at(e.subject_code).value()};
      }
      if (subjects[i].second == 0) {
        report.errors.push_back({table.row_lines[i], "subject_code",
                                 "Không tìm thấy " + std::string(e.subject_type == "person" ? "cá nhân" : "đơn vị") +
                                     " \"" + e.subject_code + "\"" + InScope(actor) + "."});
      }
    }
    if (!report.ok()) return FailedPrecondition("import rejected");
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::records::EvaluationRow> existing, store::records::AllEvaluations(conn));
    std::map<std::tuple<char, int64_t, int>, const store::records::EvaluationRow*> by_key;
    for (const auto& e : existing) by_key[{e.person ? 'p' : 'u', e.person ? e.person->value() : e.unit->value(), e.year}] = &e;
    int64_t now = ctx_.clock.NowMillis(), total = static_cast<int64_t>(records.size());
    AuditBatch audit(ctx_, actor);
    for (size_t i = 0; i < records.size(); ++i) {
      const domain::EvaluationRecord& e = *records[i];
      auto [type, id] = subjects[i];
      auto found = by_key.find({type, id, e.year});
      std::optional<domain::RawFields> before;
      if (found != by_key.end()) {
        domain::EvaluationRecord old = e;
        old.rating = found->second->rating;
        before = domain::ToRaw(old);
      }
      THIDUA_RETURN_IF_ERROR(WriteRow(audit, "evaluation.import", e.subject_type, before,
                                      domain::ToRaw(e), report, [&]() -> Result<std::string> {
        if (found != by_key.end()) {
          THIDUA_RETURN_IF_ERROR(store::records::UpdateEvaluationRating(conn, found->second->id, e.rating, now));
          return e.subject_code;
        }
        store::records::Subject subject = type == 'p' ? store::records::Subject::Of(PersonId(id))
                                                      : store::records::Subject::Of(UnitId(id));
        THIDUA_RETURN_IF_ERROR(store::records::InsertEvaluation(conn, subject, e.year, e.rating, now).status());
        return e.subject_code;
      }));
      Tick(progress, static_cast<int64_t>(i + 1), total);
    }
    return audit.Flush(conn);
  });
  return Finish(std::move(report), status);
}

Result<ImportReport> ImportService::ImportInitiatives(const Actor& actor, const domain::Table& table,
                                                      const Progress& progress) {
  ImportReport report = NewReport("initiatives", table);
  Date today = ctx_.clock.Today();
  auto records = ParseRows<domain::InitiativeRecord>(
      table, report, [today](const domain::RawFields& raw) { return domain::ParseInitiative(raw, today); },
      [](const domain::InitiativeRecord& i) { return i.code; }, "code");
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(UnitIndex units, LoadUnitIndex(conn, actor));
    THIDUA_ASSIGN_OR_RETURN(PeopleIndex people, LoadPeopleIndex(conn, units, today));
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::records::InitiativeRow> existing, store::records::AllInitiatives(conn));
    std::unordered_map<std::string, const store::records::InitiativeRow*> by_code;
    for (const auto& i : existing) by_code[i.code] = &i;
    std::vector<std::vector<PersonId>> authors(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      if (!records[i]) continue;
      std::string missing;
      for (const std::string& code : records[i]->author_codes) {
        std::optional<PersonId> person = people.Writable(code);
        if (person) authors[i].push_back(*person);
        else missing += (missing.empty() ? "" : ", ") + code;
      }
      if (!missing.empty()) {
        report.errors.push_back({table.row_lines[i], "author_codes", "Không tìm thấy tác giả" + InScope(actor) + ": " + missing + "."});
      }
      auto found = by_code.find(records[i]->code);
      if (found != by_code.end() && people.in_scope) {
        bool visible = false;
        for (const auto& a : found->second->authors) visible = visible || people.in_scope->count(a.id.value());
        if (!visible) report.errors.push_back({table.row_lines[i], "code", "Mã sáng kiến đã được dùng ngoài phạm vi của bạn."});
      }
    }
    if (!report.ok()) return FailedPrecondition("import rejected");
    std::unordered_map<int64_t, std::string> code_of;
    for (const auto& [code, id] : people.ids) code_of[id.value()] = code;
    int64_t now = ctx_.clock.NowMillis(), total = static_cast<int64_t>(records.size());
    AuditBatch audit(ctx_, actor);
    for (size_t i = 0; i < records.size(); ++i) {
      const domain::InitiativeRecord& initiative = *records[i];
      auto found = by_code.find(initiative.code);
      std::optional<domain::RawFields> before;
      if (found != by_code.end()) {
        domain::InitiativeRecord old = found->second->ToRecord();
        old.author_codes.clear();
        for (const auto& a : found->second->authors) old.author_codes.push_back(code_of[a.id.value()]);
        before = domain::ToRaw(old);
      }
      THIDUA_RETURN_IF_ERROR(WriteRow(audit, "initiative.import", "initiative", before,
                                      domain::ToRaw(initiative), report, [&]() -> Result<std::string> {
        if (found == by_code.end()) {
          THIDUA_RETURN_IF_ERROR(store::records::InsertInitiative(conn, initiative, authors[i], now).status());
        } else {
          THIDUA_RETURN_IF_ERROR(store::records::UpdateInitiative(conn, found->second->id, initiative, authors[i], now));
        }
        return initiative.code;
      }));
      Tick(progress, static_cast<int64_t>(i + 1), total);
    }
    return audit.Flush(conn);
  });
  return Finish(std::move(report), status);
}

Result<ImportReport> ImportService::ImportDisciplines(const Actor& actor, const domain::Table& table,
                                                      const Progress& progress) {
  ImportReport report = NewReport("disciplines", table);
  Date today = ctx_.clock.Today();
  auto records = ParseRows<domain::DisciplineRecord>(
      table, report, [today](const domain::RawFields& raw) { return domain::ParseDiscipline(raw, today); },
      [](const domain::DisciplineRecord& d) { return std::pair(d.person_code, d.from); }, "from");
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(UnitIndex units, LoadUnitIndex(conn, actor));
    THIDUA_ASSIGN_OR_RETURN(PeopleIndex people, LoadPeopleIndex(conn, units, today));
    std::vector<PersonId> persons(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      if (!records[i]) continue;
      std::optional<PersonId> person = people.Writable(records[i]->person_code);
      if (person) persons[i] = *person;
      else report.errors.push_back({table.row_lines[i], "person_code", "Không tìm thấy cá nhân \"" + records[i]->person_code + "\"" + InScope(actor) + "."});
    }
    if (!report.ok()) return FailedPrecondition("import rejected");
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::records::DisciplineRow> existing, store::records::AllDisciplines(conn));
    std::map<std::pair<int64_t, Date>, const store::records::DisciplineRow*> by_key;
    for (const auto& d : existing) by_key[{d.person.value(), d.from}] = &d;
    int64_t now = ctx_.clock.NowMillis(), total = static_cast<int64_t>(records.size());
    AuditBatch audit(ctx_, actor);
    for (size_t i = 0; i < records.size(); ++i) {
      const domain::DisciplineRecord& d = *records[i];
      auto found = by_key.find({persons[i].value(), d.from});
      std::optional<domain::RawFields> before;
      if (found != by_key.end()) {
        domain::DisciplineRecord old = found->second->ToRecord();
        old.person_code = d.person_code;
        before = domain::ToRaw(old);
      }
      THIDUA_RETURN_IF_ERROR(WriteRow(audit, "discipline.import", "person", before, domain::ToRaw(d),
                                      report, [&]() -> Result<std::string> {
        if (found == by_key.end()) {
          THIDUA_RETURN_IF_ERROR(store::records::InsertDiscipline(conn, persons[i], d, now).status());
        } else {
          THIDUA_RETURN_IF_ERROR(store::records::UpdateDiscipline(conn, found->second->id, d, now));
        }
        return d.person_code;
      }));
      Tick(progress, static_cast<int64_t>(i + 1), total);
    }
    return audit.Flush(conn);
  });
  return Finish(std::move(report), status);
}

namespace {

// An award's natural key: subject type, subject (person or unit id, or a household's name), code, year.
using AwardKey = std::tuple<std::string, std::string, std::string, int>;

AwardKey KeyOf(const std::string& type, const std::string& subject, const std::string& code, int year) {
  return {type, subject, code, year};
}

// Resolves the subject of an award row and where it is attributed; an error in `report` otherwise.
std::optional<store::awards::Target> AwardTarget(const domain::AwardRecord& award, const UnitIndex& units,
                                                 const PeopleIndex& people, const Actor& actor, int line,
                                                 ImportReport& report) {
  store::awards::Target target;
  if (award.subject_type == "person") {
    std::optional<PersonId> person = people.Writable(award.subject_code);
    if (!person) {
      report.errors.push_back({line, "subject_code", "Không tìm thấy cá nhân \"" + award.subject_code + "\"" + InScope(actor) + "."});
      return std::nullopt;
    }
    target.person = person;
    if (auto name = people.names.find(person->value()); name != people.names.end()) target.subject_name = name->second;
    auto memberships = people.memberships.find(person->value());
    if (memberships != people.memberships.end()) {
      if (std::optional<store::people::MembershipRow> m = MembershipOn(memberships->second, award.decision_date)) {
        target.unit = m->unit;
        target.unit_name = m->unit_name;
      }
    }
    return target;
  }
  bool household = award.subject_type == "household";
  const std::string& code = household ? award.unit_code : award.subject_code;
  const char* column = household ? "unit_code" : "subject_code";
  if (household && code.empty()) {
    if (!units.writable) return target;
    report.errors.push_back({line, column, "Bắt buộc nhập đơn vị (xã, phường) của hộ gia đình thuộc phạm vi của bạn."});
    return std::nullopt;
  }
  if (!units.Writable(code)) {
    report.errors.push_back({line, column, "Không tìm thấy đơn vị \"" + code + "\"" + InScope(actor) + "."});
    return std::nullopt;
  }
  const store::units::UnitRow& unit = units.rows.at(units.ids.at(code).value());
  if (std::optional<std::string> ended = EndedBefore(unit, award.decision_date); ended && !household) {
    report.errors.push_back({line, column, *ended});
    return std::nullopt;
  }
  target.unit = unit.id;
  target.unit_name = unit.name;
  target.subject_name = unit.name;
  return target;
}

std::string SubjectKey(const domain::AwardRecord& award, const store::awards::Target& target) {
  if (target.person) return std::to_string(target.person->value());
  if (award.subject_type == "unit") return std::to_string(target.unit->value());
  return award.subject_code;
}

}  // namespace

Result<ImportReport> ImportService::ImportAwards(const Actor& actor, const domain::Table& table,
                                                 const Progress& progress) {
  ImportReport report = NewReport("awards", table);
  Date today = ctx_.clock.Today();
  std::vector<domain::AwardTypeRecord> types;
  THIDUA_RETURN_IF_ERROR(ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(types, store::awards::Types(conn));
    return Status::Ok();
  }));
  auto records = ParseRows<domain::AwardRecord>(
      table, report, [&](const domain::RawFields& raw) { return domain::ParseAward(raw, types, today); },
      [](const domain::AwardRecord& a) { return KeyOf(a.subject_type, a.subject_code, a.award_code, a.period_to); },
      "award_code");
  for (size_t i = 0; i < records.size(); ++i) {
    if (records[i] && records[i]->revoked && !MayRecordRevoked(actor)) {
      report.errors.push_back({table.row_lines[i], "revoked", "Chỉ Ban Thi đua – Khen thưởng được ghi nhận khen thưởng đã bị thu hồi."});
    }
  }
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(UnitIndex units, LoadUnitIndex(conn, actor));
    THIDUA_ASSIGN_OR_RETURN(PeopleIndex people, LoadPeopleIndex(conn, units, today));
    std::vector<store::awards::Target> targets(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      if (!records[i]) continue;
      std::optional<store::awards::Target> target = AwardTarget(*records[i], units, people, actor, table.row_lines[i], report);
      if (target) targets[i] = std::move(*target);
    }
    if (!report.ok()) return FailedPrecondition("import rejected");
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::awards::AwardRow> existing, store::awards::All(conn));
    std::map<AwardKey, const store::awards::AwardRow*> by_key;
    for (const auto& a : existing) {
      std::string subject = a.person ? std::to_string(a.person->value())
                            : a.subject_type == "unit" ? std::to_string(a.unit->value()) : a.subject_code;
      by_key[KeyOf(a.subject_type, subject, a.award_code, a.period_to)] = &a;
    }
    int64_t now = ctx_.clock.NowMillis(), total = static_cast<int64_t>(records.size());
    AuditBatch audit(ctx_, actor);
    for (size_t i = 0; i < records.size(); ++i) {
      domain::AwardRecord& award = *records[i];
      store::awards::Target& target = targets[i];
      auto found = by_key.find(KeyOf(award.subject_type, SubjectKey(award, target), award.award_code, award.period_to));
      std::optional<domain::RawFields> before;
      if (found != by_key.end()) {
        const store::awards::AwardRow& old = *found->second;
        // A revocation is a later decision: a file written before it does not undo it.
        if (old.revoked) {
          award.revoked = true;
          award.revoke_reason = old.revoke_reason;
        }
        if (old.decision_date == award.decision_date && award.subject_type != "household") {
          target.unit = old.unit;  // attributed when first recorded; names stay as they were then
          target.unit_name = old.unit_name;
        }
        domain::AwardRecord stored = old.ToRecord();
        stored.subject_code = award.subject_code;
        if (target.unit == old.unit) stored.unit_code = award.unit_code;
        before = domain::ToRaw(stored);
      }
      THIDUA_RETURN_IF_ERROR(WriteRow(audit, "award.import", "award", before, domain::ToRaw(award),
                                      report, [&]() -> Result<std::string> {
        if (found != by_key.end()) {
          THIDUA_RETURN_IF_ERROR(store::awards::Update(conn, found->second->id, award, target, now));
          return std::to_string(found->second->id.value());
        }
        THIDUA_ASSIGN_OR_RETURN(AwardId id, store::awards::Insert(conn, award, target, now));
        return std::to_string(id.value());
      }));
      Tick(progress, static_cast<int64_t>(i + 1), total);
    }
    return audit.Flush(conn);
  });
  return Finish(std::move(report), status);
}

}  // namespace thidua::service
