#include "store/record_repo.h"

#include <map>

#include "domain/text.h"

namespace thidua::store::records {
namespace {

Status Duplicate(const Status& status, std::string message, const char* field, std::string field_message) {
  if (status.code() != Code::kAlreadyExists) return status;
  return Status(AlreadyExists(std::move(message))).WithField(field, std::move(field_message));
}

Value SubjectValue(const std::optional<PersonId>& person) { return person ? Value(person->value()) : Null(); }
Value SubjectValue(const std::optional<UnitId>& unit) { return unit ? Value(unit->value()) : Null(); }

// ---- evaluations ----

constexpr const char* kEvaluationSelect =
    "SELECT e.id, e.person_id, e.unit_id, COALESCE(p.code, u.code), COALESCE(p.full_name, u.name), e.year, "
    "e.rating FROM evaluations e LEFT JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = "
    "e.unit_id ";

EvaluationRow EvaluationFromRow(const Row& row) {
  EvaluationRow e;
  e.id = EvaluationId(row.Int(0));
  if (!row.IsNull(1)) e.person = PersonId(row.Int(1));
  if (!row.IsNull(2)) e.unit = UnitId(row.Int(2));
  e.subject_type = e.person ? "person" : "unit";
  e.subject_code = row.OptText(3).value_or("");
  e.subject_name = row.OptText(4).value_or("");
  e.year = static_cast<int>(row.Int(5));
  e.rating = row.Text(6);
  return e;
}

Result<std::vector<EvaluationRow>> SelectEvaluations(Conn& conn, const std::string& tail,
                                                     const std::vector<Value>& params) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query(kEvaluationSelect + tail, params));
  std::vector<EvaluationRow> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(EvaluationFromRow(row));
  return out;
}

// ---- initiatives ----

constexpr const char* kInitiativeSelect =
    "SELECT i.id, i.code, i.title, i.scope, i.recognized_on, i.recognized_by FROM initiatives i ";

InitiativeRow InitiativeFromRow(const Row& row) {
  InitiativeRow i;
  i.id = InitiativeId(row.Int(0));
  i.code = row.Text(1);
  i.title = row.Text(2);
  i.scope = row.Text(3);
  i.recognized_on = ParseDateCell(row, 4).value_or(Date(1970, 1, 1));
  i.recognized_by = row.Text(5);
  return i;
}

// Fills in the authors of `initiatives` (one query for all of them).
Status LoadAuthors(Conn& conn, std::vector<InitiativeRow>& initiatives) {
  if (initiatives.empty()) return Status::Ok();
  std::string ids;
  std::vector<Value> params;
  std::map<int64_t, InitiativeRow*> by_id;
  for (InitiativeRow& i : initiatives) {
    params.push_back(i.id.value());
    ids += (ids.empty() ? "$" : ", $") + std::to_string(params.size());
    by_id[i.id.value()] = &i;
  }
  THIDUA_ASSIGN_OR_RETURN(Rows rows,
                          conn.Query("SELECT a.initiative_id, p.id, p.code, p.full_name "
                                     "FROM initiative_authors a JOIN people p ON p.id = a.person_id "
                                     "WHERE a.initiative_id IN (" +
                                         ids +
                                         ") "
                                         "ORDER BY a.initiative_id, a.position",
                                     params));
  for (const Row& row : rows) {
    by_id.at(row.Int(0))->authors.push_back({PersonId(row.Int(1)), row.Text(2), row.Text(3)});
  }
  return Status::Ok();
}

Result<std::vector<InitiativeRow>> SelectInitiatives(Conn& conn, const std::string& tail,
                                                     const std::vector<Value>& params) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query(kInitiativeSelect + tail, params));
  std::vector<InitiativeRow> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(InitiativeFromRow(row));
  THIDUA_RETURN_IF_ERROR(LoadAuthors(conn, out));
  return out;
}

Status InsertAuthors(Conn& conn, InitiativeId id, const std::vector<PersonId>& authors) {
  for (size_t i = 0; i < authors.size(); ++i) {
    THIDUA_RETURN_IF_ERROR(conn.Exec("INSERT INTO initiative_authors (initiative_id, person_id, position) "
                                     "VALUES ($1, $2, $3)",
                                     {id.value(), authors[i].value(), static_cast<int64_t>(i)})
                               .status());
  }
  return Status::Ok();
}

std::vector<Value> InitiativeValues(const domain::InitiativeRecord& i, int64_t now_ms) {
  return {i.code,          i.title,
          i.scope,         i.recognized_on.Iso(),
          i.recognized_by, domain::SearchKey(i.code + " " + i.title),
          now_ms};
}

// ---- disciplines ----

constexpr const char* kDisciplineSelect =
    "SELECT d.id, d.person_id, p.code, p.full_name, d.level, d.from_date, d.to_date, d.pending "
    "FROM disciplines d JOIN people p ON p.id = d.person_id ";

DisciplineRow DisciplineFromRow(const Row& row) {
  DisciplineRow d;
  d.id = DisciplineId(row.Int(0));
  d.person = PersonId(row.Int(1));
  d.person_code = row.OptText(2).value_or("");
  d.person_name = row.OptText(3).value_or("");
  d.level = row.Text(4);
  d.from = ParseDateCell(row, 5).value_or(Date(1970, 1, 1));
  d.to = ParseDateCell(row, 6);
  d.pending = row.Int(7) != 0;
  return d;
}

Result<std::vector<DisciplineRow>> SelectDisciplines(Conn& conn, const std::string& tail,
                                                     const std::vector<Value>& params) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query(kDisciplineSelect + tail, params));
  std::vector<DisciplineRow> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(DisciplineFromRow(row));
  return out;
}

}  // namespace

// ---- ListSql ----

std::string ListSql::Param(Value value) {
  params_.push_back(std::move(value));
  return "$" + std::to_string(params_.size());
}

void ListSql::Subtree(const std::string& name, UnitId unit) {
  params_.push_back(unit.value());
  ctes_.push_back(SubtreeCte(name, static_cast<int>(params_.size())));
}

std::string ListSql::With() const {
  std::string with;
  for (const std::string& cte : ctes_) with += (with.empty() ? "WITH RECURSIVE " : ", ") + cte;
  return with;
}

std::string ListSql::WhereClause() const {
  std::string where;
  for (const std::string& condition : conditions_) where += (where.empty() ? " WHERE " : " AND ") + condition;
  return where.empty() ? " WHERE 1 = 1" : where;
}

Result<Rows> ListSql::SelectPage(Conn& conn, const std::string& select, const std::string& from,
                                 const std::string& order, const ListQuery& list, int64_t& total) {
  THIDUA_ASSIGN_OR_RETURN(Rows count,
                          conn.Query(With() + " SELECT COUNT(*) " + from + WhereClause(), params_));
  total = count.front().Int(0);
  std::string tail =
      WhereClause() + " ORDER BY " + order + " LIMIT " + Param(list.limit) + " OFFSET " + Param(list.offset);
  return conn.Query(With() + " " + select + tail, params_);
}

std::string ListSql::WordsMatch(Engine engine, const std::string& fts_table, const std::string& id_column,
                               const std::string& key_column, const std::vector<std::string>& words) {
  // Words are folded search keys (domain::SearchWords): ASCII letters and digits only, nothing to escape.
  std::string expression;
  for (const std::string& word : words) {
    if (engine == Engine::kSqlite) {
      expression += (expression.empty() ? "\"" : " \"") + word + "\"*";
    } else {
      expression += (expression.empty() ? "" : " & ") + word + ":*";
    }
  }
  std::string ref = Param(expression);
  if (engine == Engine::kSqlite) {
    return id_column + " IN (SELECT rowid FROM " + fts_table + " WHERE " + fts_table + " MATCH " + ref + ")";
  }
  return "to_tsvector('simple', " + key_column + ") @@ to_tsquery('simple', " + ref + ")";
}

// A set the planner builds once from the memberships index, rather than an EXISTS per row.
std::string ListSql::PersonIn(const std::string& person_column, const std::string& subtree, Date today) {
  std::string day = Param(today.Iso());
  return person_column + " IN (SELECT sm.person_id FROM memberships sm WHERE sm.unit_id IN (SELECT id FROM " +
         subtree + ") AND sm.from_date <= " + day + " AND (sm.to_date IS NULL OR sm.to_date >= " + day + "))";
}

void AddSubtreeFilters(ListSql& sql, const ListQuery& list,
                       const std::function<std::string(ListSql&, const std::string&)>& visible) {
  for (auto [unit, name] : {std::pair{list.scope, "scope"}, std::pair{list.within, "within_unit"}}) {
    if (!unit) continue;
    sql.Subtree(name, *unit);
    sql.Where(visible(sql, name));
  }
}

// ---- evaluations ----

domain::EvaluationRecord EvaluationRow::ToRecord() const {
  return {subject_type, subject_code, year, rating};
}

Result<std::optional<EvaluationRow>> FindEvaluation(Conn& conn, const Subject& subject, int year) {
  std::string where =
      subject.person ? "WHERE e.person_id = $1 AND e.year = $2" : "WHERE e.unit_id = $1 AND e.year = $2";
  Value id = subject.person ? Value(subject.person->value()) : Value(subject.unit->value());
  THIDUA_ASSIGN_OR_RETURN(std::vector<EvaluationRow> rows,
                          SelectEvaluations(conn, where, {id, int64_t{year}}));
  if (rows.empty()) return std::optional<EvaluationRow>();
  return std::optional<EvaluationRow>(std::move(rows.front()));
}

Result<std::optional<EvaluationRow>> FindEvaluationById(Conn& conn, EvaluationId id) {
  THIDUA_ASSIGN_OR_RETURN(std::vector<EvaluationRow> rows,
                          SelectEvaluations(conn, "WHERE e.id = $1", {id.value()}));
  if (rows.empty()) return std::optional<EvaluationRow>();
  return std::optional<EvaluationRow>(std::move(rows.front()));
}

Result<EvaluationId> InsertEvaluation(Conn& conn, const Subject& subject, int year, const std::string& rating,
                                      int64_t now_ms) {
  Result<Rows> rows = conn.Query(
      "INSERT INTO evaluations (person_id, unit_id, year, rating, updated_at) VALUES ($1, $2, $3, $4, $5) "
      "RETURNING id",
      {SubjectValue(subject.person), SubjectValue(subject.unit), int64_t{year}, rating, now_ms});
  if (!rows.ok()) {
    return Duplicate(rows.status(), "Đã có xếp loại năm " + std::to_string(year) + " của đối tượng này.",
                     "year", "Đã có xếp loại năm này.");
  }
  return EvaluationId(rows->front().Int(0));
}

Status UpdateEvaluationRating(Conn& conn, EvaluationId id, const std::string& rating, int64_t now_ms) {
  THIDUA_ASSIGN_OR_RETURN(int64_t changed,
                          conn.Exec("UPDATE evaluations SET rating = $1, updated_at = $2 WHERE id = $3",
                                    {rating, now_ms, id.value()}));
  if (changed == 0) return NotFound("Không tìm thấy xếp loại.");
  return Status::Ok();
}

Result<std::vector<EvaluationRow>> EvaluationsOf(Conn& conn, const Subject& subject) {
  std::string where = subject.person ? "WHERE e.person_id = $1" : "WHERE e.unit_id = $1";
  Value id = subject.person ? Value(subject.person->value()) : Value(subject.unit->value());
  return SelectEvaluations(conn, where + " ORDER BY e.year DESC", {id});
}

Result<Page<EvaluationRow>> ListEvaluations(Conn& conn, const RecordQuery& query) {
  ListSql sql;
  Date today = query.list.today;
  AddSubtreeFilters(sql, query.list, [today](ListSql& s, const std::string& cte) {
    return "(e.unit_id IN (SELECT id FROM " + cte + ") OR " + s.PersonIn("e.person_id", cte, today) + ")";
  });
  if (query.year) sql.Where("e.year = " + sql.Param(int64_t{*query.year}));
  if (query.person) sql.Where("e.person_id = " + sql.Param(query.person->value()));
  if (query.unit) sql.Where("e.unit_id = " + sql.Param(query.unit->value()));
  if (query.subject_type == "person") sql.Where("e.person_id IS NOT NULL");
  if (query.subject_type == "unit") sql.Where("e.unit_id IS NOT NULL");
  for (const std::string& word : query.list.words) {
    sql.Where("COALESCE(p.search_key, u.search_key) LIKE " + sql.Param("%" + word + "%"));
  }
  Page<EvaluationRow> page;
  THIDUA_ASSIGN_OR_RETURN(
      Rows rows,
      sql.SelectPage(
          conn, kEvaluationSelect,
          "FROM evaluations e LEFT JOIN people p ON p.id = e.person_id LEFT JOIN units u ON u.id = e.unit_id",
          "e.year DESC, COALESCE(p.code, u.code), e.id", query.list, page.total));
  for (const Row& row : rows) page.items.push_back(EvaluationFromRow(row));
  return page;
}

Result<std::vector<EvaluationRow>> AllEvaluations(Conn& conn) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query("SELECT id, person_id, unit_id, NULL, NULL, year, rating "
                                                "FROM evaluations ORDER BY id"));
  std::vector<EvaluationRow> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(EvaluationFromRow(row));
  return out;
}

// ---- initiatives ----

domain::InitiativeRecord InitiativeRow::ToRecord() const {
  domain::InitiativeRecord record{code, title, {}, scope, recognized_on, recognized_by};
  for (const Author& a : authors) record.author_codes.push_back(a.code);
  return record;
}

Result<std::optional<InitiativeRow>> FindInitiative(Conn& conn, const std::string& code) {
  THIDUA_ASSIGN_OR_RETURN(std::vector<InitiativeRow> rows,
                          SelectInitiatives(conn, "WHERE i.code = $1", {code}));
  if (rows.empty()) return std::optional<InitiativeRow>();
  return std::optional<InitiativeRow>(std::move(rows.front()));
}

Result<InitiativeId> InsertInitiative(Conn& conn, const domain::InitiativeRecord& initiative,
                                      const std::vector<PersonId>& authors, int64_t now_ms) {
  Result<Rows> rows = conn.Query(
      "INSERT INTO initiatives (code, title, scope, recognized_on, recognized_by, search_key, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      InitiativeValues(initiative, now_ms));
  if (!rows.ok()) {
    return Duplicate(rows.status(), "Mã sáng kiến \"" + initiative.code + "\" đã tồn tại.", "code",
                     "Mã sáng kiến đã tồn tại.");
  }
  InitiativeId id(rows->front().Int(0));
  THIDUA_RETURN_IF_ERROR(InsertAuthors(conn, id, authors));
  return id;
}

Status UpdateInitiative(Conn& conn, InitiativeId id, const domain::InitiativeRecord& initiative,
                        const std::vector<PersonId>& authors, int64_t now_ms) {
  std::vector<Value> values = InitiativeValues(initiative, now_ms);
  values.push_back(id.value());
  THIDUA_ASSIGN_OR_RETURN(
      int64_t changed,
      conn.Exec("UPDATE initiatives SET code = $1, title = $2, scope = $3, recognized_on = $4, "
                "recognized_by = $5, search_key = $6, updated_at = $7 WHERE id = $8",
                values));
  if (changed == 0) return NotFound("Không tìm thấy sáng kiến.");
  THIDUA_RETURN_IF_ERROR(
      conn.Exec("DELETE FROM initiative_authors WHERE initiative_id = $1", {id.value()}).status());
  return InsertAuthors(conn, id, authors);
}

Result<std::vector<InitiativeRow>> InitiativesOf(Conn& conn, PersonId person) {
  return SelectInitiatives(
      conn,
      "WHERE i.id IN (SELECT initiative_id FROM initiative_authors WHERE person_id = $1) "
      "ORDER BY i.recognized_on DESC, i.id DESC",
      {person.value()});
}

Result<Page<InitiativeRow>> ListInitiatives(Conn& conn, const RecordQuery& query) {
  ListSql sql;
  Date today = query.list.today;
  AddSubtreeFilters(sql, query.list, [today](ListSql& s, const std::string& cte) {
    return "EXISTS (SELECT 1 FROM initiative_authors sa WHERE sa.initiative_id = i.id AND " +
           s.PersonIn("sa.person_id", cte, today) + ")";
  });
  if (query.year) {
    sql.Where("i.recognized_on >= " + sql.Param(std::to_string(*query.year) + "-01-01"));
    sql.Where("i.recognized_on <= " + sql.Param(std::to_string(*query.year) + "-12-31"));
  }
  if (query.person) {
    sql.Where("i.id IN (SELECT initiative_id FROM initiative_authors WHERE person_id = " +
              sql.Param(query.person->value()) + ")");
  }
  for (const std::string& word : query.list.words)
    sql.Where("i.search_key LIKE " + sql.Param("%" + word + "%"));
  Page<InitiativeRow> page;
  THIDUA_ASSIGN_OR_RETURN(Rows rows,
                          sql.SelectPage(conn, kInitiativeSelect, "FROM initiatives i",
                                         "i.recognized_on DESC, i.id DESC", query.list, page.total));
  for (const Row& row : rows) page.items.push_back(InitiativeFromRow(row));
  THIDUA_RETURN_IF_ERROR(LoadAuthors(conn, page.items));
  return page;
}

Result<std::vector<InitiativeRow>> AllInitiatives(Conn& conn) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query(std::string(kInitiativeSelect) + "ORDER BY i.id"));
  std::vector<InitiativeRow> out;
  out.reserve(rows.size());
  std::map<int64_t, size_t> index;
  for (const Row& row : rows) {
    index[row.Int(0)] = out.size();
    out.push_back(InitiativeFromRow(row));
  }
  THIDUA_ASSIGN_OR_RETURN(Rows authors, conn.Query("SELECT initiative_id, person_id FROM initiative_authors "
                                                   "ORDER BY initiative_id, position"));
  for (const Row& row : authors) out[index.at(row.Int(0))].authors.push_back({PersonId(row.Int(1)), "", ""});
  return out;
}

// ---- disciplines ----

domain::DisciplineRecord DisciplineRow::ToRecord() const { return {person_code, level, from, to, pending}; }

Result<std::optional<DisciplineRow>> FindDisciplineById(Conn& conn, DisciplineId id) {
  THIDUA_ASSIGN_OR_RETURN(std::vector<DisciplineRow> rows,
                          SelectDisciplines(conn, "WHERE d.id = $1", {id.value()}));
  if (rows.empty()) return std::optional<DisciplineRow>();
  return std::optional<DisciplineRow>(std::move(rows.front()));
}

Result<DisciplineId> InsertDiscipline(Conn& conn, PersonId person, const domain::DisciplineRecord& d,
                                      int64_t now_ms) {
  Result<Rows> rows = conn.Query(
      "INSERT INTO disciplines (person_id, level, from_date, to_date, pending, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {person.value(), d.level, d.from.Iso(), DateValue(d.to), int64_t{d.pending ? 1 : 0}, now_ms});
  if (!rows.ok()) {
    return Duplicate(rows.status(), "Cá nhân đã có kỷ luật bắt đầu ngày " + d.from.Vietnamese() + ".", "from",
                     "Đã có kỷ luật bắt đầu ngày này.");
  }
  return DisciplineId(rows->front().Int(0));
}

Status UpdateDiscipline(Conn& conn, DisciplineId id, const domain::DisciplineRecord& d, int64_t now_ms) {
  THIDUA_ASSIGN_OR_RETURN(
      int64_t changed,
      conn.Exec("UPDATE disciplines SET level = $1, to_date = $2, pending = $3, updated_at = $4 "
                "WHERE id = $5",
                {d.level, DateValue(d.to), int64_t{d.pending ? 1 : 0}, now_ms, id.value()}));
  if (changed == 0) return NotFound("Không tìm thấy kỷ luật.");
  return Status::Ok();
}

Result<std::vector<DisciplineRow>> DisciplinesOf(Conn& conn, PersonId person) {
  return SelectDisciplines(conn, "WHERE d.person_id = $1 ORDER BY d.from_date DESC, d.id DESC",
                           {person.value()});
}

Result<Page<DisciplineRow>> ListDisciplines(Conn& conn, const RecordQuery& query) {
  ListSql sql;
  Date today = query.list.today;
  AddSubtreeFilters(sql, query.list, [today](ListSql& s, const std::string& cte) {
    return s.PersonIn("d.person_id", cte, today);
  });
  if (query.year) {
    sql.Where("d.from_date <= " + sql.Param(std::to_string(*query.year) + "-12-31"));
    sql.Where("(d.to_date IS NULL OR d.to_date >= " + sql.Param(std::to_string(*query.year) + "-01-01") +
              ")");
  }
  if (query.person) sql.Where("d.person_id = " + sql.Param(query.person->value()));
  for (const std::string& word : query.list.words)
    sql.Where("p.search_key LIKE " + sql.Param("%" + word + "%"));
  Page<DisciplineRow> page;
  THIDUA_ASSIGN_OR_RETURN(Rows rows, sql.SelectPage(conn, kDisciplineSelect,
                                                    "FROM disciplines d JOIN people p ON p.id = d.person_id",
                                                    "d.from_date DESC, d.id DESC", query.list, page.total));
  for (const Row& row : rows) page.items.push_back(DisciplineFromRow(row));
  return page;
}

Result<std::vector<DisciplineRow>> AllDisciplines(Conn& conn) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows,
                          conn.Query("SELECT id, person_id, NULL, NULL, level, from_date, to_date, pending "
                                     "FROM disciplines ORDER BY id"));
  std::vector<DisciplineRow> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(DisciplineFromRow(row));
  return out;
}

}  // namespace thidua::store::records
