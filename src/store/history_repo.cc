#include "store/history_repo.h"

#include "store/record_repo.h"

namespace thidua::store::history {
namespace {

std::string FirstDay(int year) { return Date(year, 1, 1).Iso(); }
std::string LastDay(int year) { return Date(year, 12, 31).Iso(); }

// Starts a statement over the people of `scope`: the condition that `column` (a person id) is one of them.
std::string PeopleIn(records::ListSql& sql, const Scope& scope, const std::string& column) {
  if (scope.person) return column + " = " + sql.Param(scope.person->value());
  if (!scope.unit) return column + " IS NOT NULL";
  sql.Subtree("scope", *scope.unit);
  return column + " IN (SELECT sm.person_id FROM memberships sm WHERE sm.unit_id IN (SELECT id FROM scope)" +
         " AND sm.from_date <= " + sql.Param(LastDay(scope.to_year)) +
         " AND (sm.to_date IS NULL OR sm.to_date >= " + sql.Param(FirstDay(scope.from_year)) + "))";
}

std::string UnitsIn(records::ListSql& sql, const Scope& scope, const std::string& column) {
  if (!scope.unit) return column + " IS NOT NULL";
  sql.Subtree("scope", *scope.unit);
  return column + " IN (SELECT id FROM scope)";
}

// Runs "SELECT <columns> FROM <from> WHERE <condition> AND <more> ORDER BY <order>" with `sql`'s CTEs.
Result<Rows> Run(Conn& conn, records::ListSql& sql, const std::string& select, const std::string& condition,
                 const std::string& more, const std::string& order) {
  return conn.Query(sql.With() + " " + select + " WHERE " + condition + (more.empty() ? "" : " AND " + more) +
                        " ORDER BY " + order,
                    sql.params());
}

Result<std::vector<EvaluationFact>> Evaluations(Conn& conn, const Scope& scope, const char* column,
                                                bool people) {
  records::ListSql sql;
  std::string condition = people ? PeopleIn(sql, scope, column) : UnitsIn(sql, scope, column);
  std::string years = "e.year >= " + sql.Param(int64_t{scope.from_year}) +
                      " AND e.year <= " + sql.Param(int64_t{scope.to_year});
  THIDUA_ASSIGN_OR_RETURN(
      Rows rows, Run(conn, sql, std::string("SELECT ") + column + ", e.year, e.rating FROM evaluations e",
                     condition, years, std::string(column) + ", e.year"));
  std::vector<EvaluationFact> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back({row.Int(0), static_cast<int>(row.Int(1)), row.Text(2)});
  return out;
}

Result<std::vector<AwardFact>> Awards(Conn& conn, const Scope& scope, bool people) {
  records::ListSql sql;
  std::string condition = people ? PeopleIn(sql, scope, "a.person_id")
                                 : "a.subject_type = 'unit' AND " + UnitsIn(sql, scope, "a.unit_id");
  const char* subject = people ? "a.person_id" : "a.unit_id";
  THIDUA_ASSIGN_OR_RETURN(Rows rows, Run(conn, sql,
                                         std::string("SELECT ") + subject +
                                             ", a.award_code, a.method, a.period_from, a.period_to, "
                                             "a.decision_date, a.decision_no, a.revoked FROM awards a",
                                         condition, "a.period_to <= " + sql.Param(int64_t{scope.to_year}),
                                         std::string(subject) + ", a.period_to, a.id"));
  std::vector<AwardFact> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    out.push_back({row.Int(0), row.Text(1), row.Text(2), static_cast<int>(row.Int(3)),
                   static_cast<int>(row.Int(4)), ParseDateCell(row, 5).value_or(Date(1970, 1, 1)),
                   row.Text(6), row.Int(7) != 0});
  }
  return out;
}

Status LoadPeopleAndMemberships(Conn& conn, const Scope& scope, PeopleHistories& out) {
  records::ListSql people_sql;
  std::string condition = PeopleIn(people_sql, scope, "p.id");
  THIDUA_ASSIGN_OR_RETURN(
      Rows people, Run(conn, people_sql, "SELECT p.id, p.code, p.full_name, p.recruited_on FROM people p",
                       condition, "", "p.id"));
  out.people.reserve(people.size());
  for (const Row& row : people) {
    out.people.push_back({PersonId(row.Int(0)), row.Text(1), row.Text(2), ParseDateCell(row, 3)});
  }
  records::ListSql sql;
  condition = PeopleIn(sql, scope, "m.person_id");
  std::string years = "m.from_date <= " + sql.Param(LastDay(scope.to_year)) +
                      " AND (m.to_date IS NULL OR m.to_date >= " + sql.Param(FirstDay(scope.from_year)) + ")";
  THIDUA_ASSIGN_OR_RETURN(
      Rows rows, Run(conn, sql, "SELECT m.person_id, m.unit_id, m.from_date, m.to_date FROM memberships m",
                     condition, years, "m.person_id, m.from_date"));
  out.memberships.reserve(rows.size());
  for (const Row& row : rows) {
    out.memberships.push_back({PersonId(row.Int(0)), UnitId(row.Int(1)),
                               ParseDateCell(row, 2).value_or(Date(1970, 1, 1)), ParseDateCell(row, 3)});
  }
  return Status::Ok();
}

Status LoadInitiativesAndDisciplines(Conn& conn, const Scope& scope, PeopleHistories& out) {
  records::ListSql sql;
  std::string condition = PeopleIn(sql, scope, "ia.person_id");
  std::string years = "i.recognized_on >= " + sql.Param(FirstDay(scope.from_year)) +
                      " AND i.recognized_on <= " + sql.Param(LastDay(scope.to_year));
  THIDUA_ASSIGN_OR_RETURN(
      Rows rows, Run(conn, sql,
                     "SELECT ia.person_id, i.code, i.scope, i.recognized_on FROM initiative_authors ia "
                     "JOIN initiatives i ON i.id = ia.initiative_id",
                     condition, years, "ia.person_id, i.recognized_on, i.id"));
  out.initiatives.reserve(rows.size());
  for (const Row& row : rows) {
    out.initiatives.push_back(
        {PersonId(row.Int(0)), row.Text(1), row.Text(2), ParseDateCell(row, 3).value_or(Date(1970, 1, 1))});
  }
  records::ListSql discipline_sql;
  condition = PeopleIn(discipline_sql, scope, "d.person_id");
  THIDUA_ASSIGN_OR_RETURN(
      Rows disciplines,
      Run(conn, discipline_sql,
          "SELECT d.person_id, d.level, d.from_date, d.to_date, d.pending FROM disciplines d", condition, "",
          "d.person_id, d.from_date"));
  out.disciplines.reserve(disciplines.size());
  for (const Row& row : disciplines) {
    out.disciplines.push_back({PersonId(row.Int(0)), row.Text(1),
                               ParseDateCell(row, 2).value_or(Date(1970, 1, 1)), ParseDateCell(row, 3),
                               row.Int(4) != 0});
  }
  return Status::Ok();
}

}  // namespace

Result<PeopleHistories> LoadPeople(Conn& conn, const Scope& scope) {
  PeopleHistories out;
  THIDUA_RETURN_IF_ERROR(LoadPeopleAndMemberships(conn, scope, out));
  THIDUA_ASSIGN_OR_RETURN(out.evaluations, Evaluations(conn, scope, "e.person_id", /*people=*/true));
  THIDUA_RETURN_IF_ERROR(LoadInitiativesAndDisciplines(conn, scope, out));
  THIDUA_ASSIGN_OR_RETURN(out.awards, Awards(conn, scope, /*people=*/true));
  return out;
}

Result<UnitHistories> LoadUnits(Conn& conn, const Scope& scope) {
  UnitHistories out;
  THIDUA_ASSIGN_OR_RETURN(out.evaluations, Evaluations(conn, scope, "e.unit_id", /*people=*/false));
  THIDUA_ASSIGN_OR_RETURN(out.awards, Awards(conn, scope, /*people=*/false));
  return out;
}

}  // namespace thidua::store::history
