#include "store/unit_repo.h"

#include "domain/text.h"

namespace thidua::store::units {
namespace {

constexpr const char* kSelect =
    "SELECT u.id, u.code, u.name, u.parent_id, p.code, p.name, u.kind, u.field, u.valid_from, u.valid_to "
    "FROM units u LEFT JOIN units p ON p.id = u.parent_id ";

UnitRow FromRow(const Row& row) {
  UnitRow unit;
  unit.id = UnitId(row.Int(0));
  unit.code = row.Text(1);
  unit.name = row.Text(2);
  if (!row.IsNull(3)) unit.parent = UnitId(row.Int(3));
  unit.parent_code = row.OptText(4).value_or("");
  unit.parent_name = row.OptText(5).value_or("");
  unit.kind = row.Text(6);
  unit.field = row.Text(7);
  unit.valid_from = ParseDateCell(row, 8);
  unit.valid_to = ParseDateCell(row, 9);
  return unit;
}

Result<std::optional<UnitRow>> FindOne(Conn& conn, const std::string& where, const Value& key) {
  Result<Rows> rows = conn.Query(kSelect + where, {key});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<UnitRow>();
  return std::optional<UnitRow>(FromRow(rows->front()));
}

std::vector<Value> UnitValues(const domain::UnitRecord& unit, std::optional<UnitId> parent, int64_t now_ms) {
  return {unit.code,
          unit.name,
          parent ? Value(parent->value()) : Null(),
          unit.kind,
          unit.field,
          DateValue(unit.valid_from),
          DateValue(unit.valid_to),
          domain::SearchKey(unit.code + " " + unit.name),
          domain::TextSortKey(unit.name),
          now_ms};
}

}  // namespace

domain::UnitRecord UnitRow::ToRecord() const {
  return {code, name, parent_code, kind, field, valid_from, valid_to};
}

Result<std::optional<UnitRow>> FindByCode(Conn& conn, const std::string& code) {
  return FindOne(conn, "WHERE u.code = $1", code);
}

Result<std::optional<UnitRow>> FindById(Conn& conn, UnitId id) {
  return FindOne(conn, "WHERE u.id = $1", id.value());
}

Result<UnitId> Insert(Conn& conn, const domain::UnitRecord& unit, std::optional<UnitId> parent, int64_t now_ms) {
  Result<Rows> rows = conn.Query(
      "INSERT INTO units (code, name, parent_id, kind, field, valid_from, valid_to, search_key, sort_key, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      UnitValues(unit, parent, now_ms));
  if (!rows.ok()) {
    if (rows.status().code() == Code::kAlreadyExists) {
      Status status = AlreadyExists("Mã đơn vị \"" + unit.code + "\" đã tồn tại.");
      status.WithField("code", "Mã đơn vị đã tồn tại.");
      return status;
    }
    return rows.status();
  }
  return UnitId(rows->front().Int(0));
}

Status Update(Conn& conn, UnitId id, const domain::UnitRecord& unit, std::optional<UnitId> parent, int64_t now_ms) {
  std::vector<Value> values = UnitValues(unit, parent, now_ms);
  values.push_back(id.value());
  Result<int64_t> changed = conn.Exec(
      "UPDATE units SET code = $1, name = $2, parent_id = $3, kind = $4, field = $5, valid_from = $6, "
      "valid_to = $7, search_key = $8, sort_key = $9, updated_at = $10 WHERE id = $11",
      values);
  if (!changed.ok()) return changed.status();
  if (*changed == 0) return NotFound("Không tìm thấy đơn vị.");
  return Status::Ok();
}

Result<Page<UnitRow>> List(Conn& conn, const ListQuery& query) {
  std::vector<Value> params;
  std::string with;
  std::string where = " WHERE 1 = 1";
  auto add = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (query.scope) {
    with = "WITH RECURSIVE " + SubtreeCte("scope", static_cast<int>(params.size() + 1));
    params.push_back(query.scope->value());
    where += " AND u.id IN (SELECT id FROM scope)";
  }
  if (query.within) {
    with += (with.empty() ? "WITH RECURSIVE " : ", ") + SubtreeCte("within_unit", static_cast<int>(params.size() + 1));
    params.push_back(query.within->value());
    where += " AND u.id IN (SELECT id FROM within_unit)";
  }
  for (const std::string& word : query.words) {
    where += " AND u.search_key LIKE " + add("%" + word + "%");
  }
  Result<Rows> count = conn.Query(with + " SELECT COUNT(*) FROM units u" + where, params);
  if (!count.ok()) return count.status();
  std::string order = "u.sort_key";
  if (query.sort == "code") order = "u.code";
  else if (query.sort == "kind") order = "u.kind";
  order += query.desc ? " DESC" : " ASC";
  std::string today = add(query.today.Iso());
  std::string sql = with + " SELECT u.id, u.code, u.name, u.parent_id, p.code, p.name, u.kind, u.field, u.valid_from, "
               "u.valid_to, (SELECT COUNT(*) FROM memberships m WHERE m.unit_id = u.id AND m.from_date <= " +
        today + " AND (m.to_date IS NULL OR m.to_date >= " + today +
        ")) FROM units u LEFT JOIN units p ON p.id = u.parent_id" + where + " ORDER BY " + order + ", u.id LIMIT " +
        add(query.limit) + " OFFSET " + add(query.offset);
  Result<Rows> rows = conn.Query(sql, params);
  if (!rows.ok()) return rows.status();
  Page<UnitRow> page;
  page.total = count->front().Int(0);
  for (const Row& row : *rows) {
    UnitRow unit = FromRow(row);
    unit.member_count = row.Int(10);
    page.items.push_back(std::move(unit));
  }
  return page;
}

Result<std::vector<UnitRow>> All(Conn& conn, std::optional<UnitId> scope) {
  Result<Rows> rows = scope ? conn.Query("WITH RECURSIVE " + SubtreeCte("scope", 1) + " " + kSelect +
                                             "WHERE u.id IN (SELECT id FROM scope) ORDER BY u.sort_key, u.id",
                                         {scope->value()})
                            : conn.Query(std::string(kSelect) + "ORDER BY u.sort_key, u.id");
  if (!rows.ok()) return rows.status();
  std::vector<UnitRow> units;
  units.reserve(rows->size());
  for (const Row& row : *rows) units.push_back(FromRow(row));
  return units;
}

Result<std::vector<std::string>> AncestorCodes(Conn& conn, UnitId id) {
  Result<Rows> rows = conn.Query(
      "WITH RECURSIVE up(id, parent_id, code, depth) AS ("
      " SELECT u.id, u.parent_id, u.code, 0 FROM units u WHERE u.id = $1"
      " UNION ALL SELECT p.id, p.parent_id, p.code, up.depth + 1 FROM units p JOIN up ON p.id = up.parent_id"
      " WHERE up.depth < 100) SELECT code FROM up WHERE depth > 0 ORDER BY depth",
      {id.value()});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> codes;
  for (const Row& row : *rows) codes.push_back(row.Text(0));
  return codes;
}

Result<bool> InSubtree(Conn& conn, UnitId root, UnitId unit) {
  if (root == unit) return true;
  Result<Rows> rows = conn.Query(
      "WITH RECURSIVE up(id, parent_id, depth) AS ("
      " SELECT u.id, u.parent_id, 0 FROM units u WHERE u.id = $1"
      " UNION ALL SELECT p.id, p.parent_id, up.depth + 1 FROM units p JOIN up ON p.id = up.parent_id"
      " WHERE up.depth < 100) SELECT COUNT(*) FROM up WHERE id = $2",
      {unit.value(), root.value()});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0) > 0;
}

Result<std::vector<UnitRow>> Children(Conn& conn, UnitId id) {
  Result<Rows> rows = conn.Query(std::string(kSelect) + "WHERE u.parent_id = $1 ORDER BY u.sort_key", {id.value()});
  if (!rows.ok()) return rows.status();
  std::vector<UnitRow> units;
  for (const Row& row : *rows) units.push_back(FromRow(row));
  return units;
}

Result<int64_t> InsertEvent(Conn& conn, UnitId unit, const domain::UnitEventRecord& event,
                            std::optional<UnitId> related) {
  Result<Rows> rows = conn.Query(
      "INSERT INTO unit_events (unit_id, kind, event_date, legal_act, related_unit_id, note) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {unit.value(), event.kind, event.date.Iso(), event.legal_act, related ? Value(related->value()) : Null(),
       event.note});
  if (!rows.ok()) {
    if (rows.status().code() == Code::kAlreadyExists) {
      return AlreadyExists("Đơn vị đã có sự kiện cùng loại vào ngày " + event.date.Vietnamese() + ".");
    }
    return rows.status();
  }
  return rows->front().Int(0);
}

Result<std::vector<EventRow>> Events(Conn& conn, UnitId unit) {
  Result<Rows> rows = conn.Query(
      "SELECT e.id, u.code, u.name, e.kind, e.event_date, e.legal_act, r.code, r.name, e.note "
      "FROM unit_events e JOIN units u ON u.id = e.unit_id LEFT JOIN units r ON r.id = e.related_unit_id "
      "WHERE e.unit_id = $1 OR e.related_unit_id = $1 ORDER BY e.event_date, e.id",
      {unit.value()});
  if (!rows.ok()) return rows.status();
  std::vector<EventRow> events;
  for (const Row& row : *rows) {
    EventRow e;
    e.id = row.Int(0);
    e.unit_code = row.Text(1);
    e.unit_name = row.Text(2);
    e.kind = row.Text(3);
    e.date = ParseDateCell(row, 4).value_or(Date(1970, 1, 1));
    e.legal_act = row.Text(5);
    e.related_unit_code = row.OptText(6).value_or("");
    e.related_unit_name = row.OptText(7).value_or("");
    e.note = row.Text(8);
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace thidua::store::units
