#include "store/award_repo.h"

#include "domain/text.h"

namespace thidua::store::awards {
namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.subject_type, a.person_id, p.code, p.full_name, a.household_name, a.unit_id, u.code, "
    "a.unit_name, a.award_code, t.name, a.period_from, a.period_to, a.method, a.decision_no, "
    "a.decision_date, "
    "a.issuer, a.signer, a.bonus_amount, a.revoked, a.revoke_reason "
    "FROM awards a LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = a.unit_id "
    "JOIN award_types t ON t.code = a.award_code ";
// What List counts: its filters read only the awards' own columns, so the count needs no joins (SQLite
// would otherwise look up a person and a unit for each of hundreds of thousands of rows).
constexpr const char* kFrom = "FROM awards a";
constexpr const char* kNewestFirst = "a.decision_date DESC, a.period_to DESC, a.id DESC";

AwardRow FromRow(const Row& row) {
  AwardRow a;
  a.id = AwardId(row.Int(0));
  a.subject_type = row.Text(1);
  if (!row.IsNull(2)) a.person = PersonId(row.Int(2));
  if (!row.IsNull(6)) a.unit = UnitId(row.Int(6));
  a.unit_code = row.OptText(7).value_or("");
  a.unit_name = row.Text(8);
  if (a.subject_type == "person") {
    a.subject_code = row.OptText(3).value_or("");
    a.subject_name = row.OptText(4).value_or("");
  } else if (a.subject_type == "unit") {
    a.subject_code = a.unit_code;
    a.subject_name = a.unit_name;
  } else {
    a.subject_code = row.OptText(5).value_or("");
    a.subject_name = a.subject_code;
  }
  a.award_code = row.Text(9);
  a.award_name = row.OptText(10).value_or("");
  a.period_from = static_cast<int>(row.Int(11));
  a.period_to = static_cast<int>(row.Int(12));
  a.method = row.Text(13);
  a.decision_no = row.Text(14);
  a.decision_date = ParseDateCell(row, 15).value_or(Date(1970, 1, 1));
  a.issuer = row.Text(16);
  a.signer = row.Text(17);
  a.bonus_amount = row.OptInt(18);
  a.revoked = row.Int(19) != 0;
  a.revoke_reason = row.Text(20);
  return a;
}

Result<std::vector<AwardRow>> Select(Conn& conn, const std::string& tail, const std::vector<Value>& params) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query(kSelect + tail, params));
  std::vector<AwardRow> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(FromRow(row));
  return out;
}

// The values of every column but id, subject_type, person_id and household_name: $1 … $15.
// `more` follows them as $16 ….
std::vector<Value> FieldValues(const domain::AwardRecord& a, const Target& target, int64_t now_ms,
                               std::initializer_list<Value> more) {
  std::vector<Value> values = {
      target.unit ? Value(target.unit->value()) : Null(),
      target.unit_name,
      a.award_code,
      int64_t{a.period_from},
      int64_t{a.period_to},
      a.method,
      a.decision_no,
      a.decision_date.Iso(),
      a.issuer,
      a.signer,
      Opt(a.bonus_amount),
      int64_t{a.revoked ? 1 : 0},
      a.revoke_reason,
      domain::SearchKey(a.subject_code + " " + target.subject_name + " " + a.decision_no),
      now_ms};
  values.insert(values.end(), more.begin(), more.end());
  return values;
}

Status Duplicate(const domain::AwardRecord& award) {
  return Status(AlreadyExists("Đối tượng này đã có khen thưởng " + award.award_code + " cho năm " +
                              std::to_string(award.period_to) + "."))
      .WithField("award_code", "Trùng khen thưởng đã có (cùng đối tượng, hình thức và năm).");
}

}  // namespace

// ---- the catalogue ----

Result<std::vector<domain::AwardTypeRecord>> Types(Conn& conn) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows,
                          conn.Query("SELECT code, name, subjects, decided_by, sort_order, period_years, "
                                     "builtin FROM award_types ORDER BY sort_order, code"));
  std::vector<domain::AwardTypeRecord> types;
  types.reserve(rows.size());
  for (const Row& row : rows) {
    Result<domain::AwardTypeRecord> type = domain::ParseAwardType({{"code", row.Text(0)},
                                                                   {"name", row.Text(1)},
                                                                   {"subjects", row.Text(2)},
                                                                   {"decided_by", row.Text(3)},
                                                                   {"sort_order", row.Text(4)},
                                                                   {"period_years", row.Text(5)}});
    if (!type.ok())
      return Internal("award_types row " + row.Text(0) + " does not parse: " + type.status().message());
    type->builtin = row.Int(6) != 0;
    types.push_back(std::move(type).value());
  }
  return types;
}

Status InsertType(Conn& conn, const domain::AwardTypeRecord& type) {
  Result<int64_t> inserted = conn.Exec(
      "INSERT INTO award_types (code, name, subjects, decided_by, sort_order, period_years, builtin) "
      "VALUES ($1, $2, $3, $4, $5, $6, 0)",
      {type.code, type.name, type.SubjectsText(), type.decided_by, int64_t{type.sort_order},
       int64_t{type.period_years}});
  if (!inserted.ok() && inserted.status().code() == Code::kAlreadyExists) {
    return Status(AlreadyExists("Mã khen thưởng \"" + type.code + "\" đã có trong danh mục."))
        .WithField("code", "Mã đã có trong danh mục.");
  }
  return inserted.status();
}

// ---- awards ----

domain::AwardRecord AwardRow::ToRecord() const {
  domain::AwardRecord r;
  r.subject_type = subject_type;
  r.subject_code = subject_code;
  r.award_code = award_code;
  r.period_from = period_from;
  r.period_to = period_to;
  r.method = method;
  r.decision_no = decision_no;
  r.decision_date = decision_date;
  r.issuer = issuer;
  r.signer = signer;
  r.bonus_amount = bonus_amount;
  r.revoked = revoked;
  r.revoke_reason = revoke_reason;
  r.unit_code = unit_code;
  return r;
}

Result<std::optional<AwardRow>> FindById(Conn& conn, AwardId id) {
  THIDUA_ASSIGN_OR_RETURN(std::vector<AwardRow> rows, Select(conn, "WHERE a.id = $1", {id.value()}));
  if (rows.empty()) return std::optional<AwardRow>();
  return std::optional<AwardRow>(std::move(rows.front()));
}

Result<AwardId> Insert(Conn& conn, const domain::AwardRecord& award, const Target& target, int64_t now_ms) {
  std::vector<Value> values =
      FieldValues(award, target, now_ms,
                  {award.subject_type, target.person ? Value(target.person->value()) : Null(),
                   award.subject_type == "household" ? Value(award.subject_code) : Null()});
  Result<Rows> rows = conn.Query(
      "INSERT INTO awards (unit_id, unit_name, award_code, period_from, period_to, method, decision_no, "
      "decision_date, issuer, signer, bonus_amount, revoked, revoke_reason, search_key, updated_at, "
      "subject_type, "
      "person_id, household_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
      "$16, "
      "$17, $18) RETURNING id",
      values);
  if (!rows.ok()) return rows.status().code() == Code::kAlreadyExists ? Duplicate(award) : rows.status();
  return AwardId(rows->front().Int(0));
}

Status Update(Conn& conn, AwardId id, const domain::AwardRecord& award, const Target& target,
              int64_t now_ms) {
  std::vector<Value> values = FieldValues(award, target, now_ms, {id.value()});
  Result<int64_t> changed = conn.Exec(
      "UPDATE awards SET unit_id = $1, unit_name = $2, award_code = $3, period_from = $4, period_to = $5, "
      "method = $6, decision_no = $7, decision_date = $8, issuer = $9, signer = $10, bonus_amount = $11, "
      "revoked = $12, revoke_reason = $13, search_key = $14, updated_at = $15 WHERE id = $16",
      values);
  if (!changed.ok())
    return changed.status().code() == Code::kAlreadyExists ? Duplicate(award) : changed.status();
  if (*changed == 0) return NotFound("Không tìm thấy khen thưởng.");
  return Status::Ok();
}

Status Revoke(Conn& conn, AwardId id, const std::string& reason, int64_t now_ms) {
  THIDUA_ASSIGN_OR_RETURN(int64_t changed, conn.Exec("UPDATE awards SET revoked = 1, revoke_reason = $1, "
                                                     "updated_at = $2 WHERE id = $3",
                                                     {reason, now_ms, id.value()}));
  if (changed == 0) return NotFound("Không tìm thấy khen thưởng.");
  return Status::Ok();
}

Result<std::vector<AwardRow>> Of(Conn& conn, const records::Subject& subject) {
  if (subject.person) {
    return Select(conn, "WHERE a.person_id = $1 ORDER BY " + std::string(kNewestFirst),
                  {subject.person->value()});
  }
  return Select(conn,
                "WHERE a.subject_type = 'unit' AND a.unit_id = $1 ORDER BY " + std::string(kNewestFirst),
                {subject.unit->value()});
}

Result<std::vector<AwardRow>> AttributedTo(Conn& conn, UnitId unit, int64_t limit) {
  return Select(
      conn,
      "WHERE a.subject_type <> 'unit' AND a.unit_id = $1 ORDER BY " + std::string(kNewestFirst) + " LIMIT $2",
      {unit.value(), limit});
}

Result<Page<AwardRow>> List(Conn& conn, const records::RecordQuery& query) {
  records::ListSql sql;
  Date today = query.list.today;
  records::AddSubtreeFilters(sql, query.list, [today](records::ListSql& s, const std::string& cte) {
    return "(a.unit_id IN (SELECT id FROM " + cte + ") OR (a.person_id IS NOT NULL AND " +
           s.PersonIn("a.person_id", cte, today) + "))";
  });
  if (query.year) sql.Where("a.period_to = " + sql.Param(int64_t{*query.year}));
  if (!query.award_code.empty()) sql.Where("a.award_code = " + sql.Param(query.award_code));
  if (!query.subject_type.empty()) sql.Where("a.subject_type = " + sql.Param(query.subject_type));
  if (query.person) sql.Where("a.person_id = " + sql.Param(query.person->value()));
  if (query.unit) sql.Where("a.subject_type = 'unit' AND a.unit_id = " + sql.Param(query.unit->value()));
  if (!query.list.words.empty()) {
    sql.Where(sql.WordsMatch(conn.engine(), "awards_fts", "a.id", "a.search_key", query.list.words));
  }
  Page<AwardRow> page;
  THIDUA_ASSIGN_OR_RETURN(Rows rows,
                          sql.SelectPage(conn, kSelect, kFrom, kNewestFirst, query.list, page.total));
  page.items.reserve(rows.size());
  for (const Row& row : rows) page.items.push_back(FromRow(row));
  return page;
}

Result<std::vector<AwardRow>> All(Conn& conn) {
  THIDUA_ASSIGN_OR_RETURN(
      Rows rows,
      conn.Query("SELECT a.id, a.subject_type, a.person_id, NULL, NULL, a.household_name, a.unit_id, NULL, "
                 "a.unit_name, a.award_code, NULL, a.period_from, a.period_to, a.method, a.decision_no, "
                 "a.decision_date, a.issuer, a.signer, a.bonus_amount, a.revoked, a.revoke_reason "
                 "FROM awards a ORDER BY a.id"));
  std::vector<AwardRow> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace thidua::store::awards
