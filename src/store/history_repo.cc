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
  std::string units;
  if (scope.unit_only) {
    units = "sm.unit_id = " + sql.Param(scope.unit->value());
  } else {
    sql.Subtree("scope", *scope.unit);
    units = "sm.unit_id IN (SELECT id FROM scope)";
  }
  return column + " IN (SELECT sm.person_id FROM memberships sm WHERE " + units +
         " AND sm.from_date <= " + sql.Param(LastDay(scope.to_year)) +
         " AND (sm.to_date IS NULL OR sm.to_date >= " + sql.Param(FirstDay(scope.from_year)) + "))";
}

std::string UnitsIn(records::ListSql& sql, const Scope& scope, const std::string& column) {
  if (!scope.unit) return column + " IS NOT NULL";
  sql.Subtree("scope", *scope.unit);
  return column + " IN (SELECT id FROM scope)";
}

// Runs "SELECT <columns> FROM <from> WHERE <condition> AND <more> ORDER BY <order>" with `sql`'s CTEs,
// handing each row to `fn`.
Status Run(Conn& conn, records::ListSql& sql, const std::string& select, const std::string& condition,
           const std::string& more, const std::string& order, const std::function<Status(const Row&)>& fn) {
  return conn.Each(sql.With() + " " + select + " WHERE " + condition + (more.empty() ? "" : " AND " + more) +
                       " ORDER BY " + order,
                   sql.params(), fn);
}

// `+e.year` keeps the year out of index choice, so that the planner walks the covering index in person
// order (evaluations_person_history) instead of the year index followed by a sort.
Status Evaluations(Conn& conn, const Scope& scope, const char* column, bool people,
                   const std::function<Status(const EvaluationFact&)>& fn) {
  records::ListSql sql;
  std::string condition = people ? PeopleIn(sql, scope, column) : UnitsIn(sql, scope, column);
  std::string years = "+e.year >= " + sql.Param(int64_t{scope.from_year}) +
                      " AND +e.year <= " + sql.Param(int64_t{scope.to_year});
  EvaluationFact fact;
  return Run(conn, sql, std::string("SELECT ") + column + ", e.year, e.rating FROM evaluations e", condition, years,
             std::string(column) + ", e.year", [&](const Row& row) {
               fact.subject = row.Int(0);
               fact.year = static_cast<int>(row.Int(1));
               fact.rating = row.Text(2);
               return fn(fact);
             });
}

// People's awards in (person, period_to, award_code) order — total, since a person holds one award of a
// code per period — which is the covering index's order.
Status Awards(Conn& conn, const Scope& scope, bool people, const std::function<Status(AwardFact&&)>& fn) {
  records::ListSql sql;
  std::string condition = people ? PeopleIn(sql, scope, "a.person_id")
                                 : "a.subject_type = 'unit' AND " + UnitsIn(sql, scope, "a.unit_id");
  const char* subject = people ? "a.person_id" : "a.unit_id";
  return Run(conn, sql,
             std::string("SELECT ") + subject +
                 ", a.award_code, a.method, a.period_from, a.period_to, a.decision_date, a.decision_no, a.revoked "
                 "FROM awards a",
             condition, "a.period_to <= " + sql.Param(int64_t{scope.to_year}),
             std::string(subject) + ", a.period_to, a.award_code", [&](const Row& row) {
               return fn({row.Int(0), row.Text(1), row.Text(2), static_cast<int>(row.Int(3)),
                          static_cast<int>(row.Int(4)), ParseDateCell(row, 5).value_or(Date(1970, 1, 1)),
                          row.Text(6), row.Int(7) != 0});
             });
}

Status LoadPeopleAndMemberships(Conn& conn, const Scope& scope, PeopleSink& sink) {
  records::ListSql people_sql;
  std::string condition = PeopleIn(people_sql, scope, "p.id");
  THIDUA_RETURN_IF_ERROR(Run(conn, people_sql, "SELECT p.id, p.code, p.full_name, p.recruited_on FROM people p",
                             condition, "", "p.id", [&](const Row& row) {
                               return sink.OnPerson(
                                   {PersonId(row.Int(0)), row.Text(1), row.Text(2), ParseDateCell(row, 3)});
                             }));
  records::ListSql sql;
  condition = PeopleIn(sql, scope, "m.person_id");
  std::string years = "m.from_date <= " + sql.Param(LastDay(scope.to_year)) +
                      " AND (m.to_date IS NULL OR m.to_date >= " + sql.Param(FirstDay(scope.from_year)) + ")";
  return Run(conn, sql, "SELECT m.person_id, m.unit_id, m.from_date, m.to_date FROM memberships m", condition,
             years, "m.person_id, m.from_date", [&](const Row& row) {
               return sink.OnMembership({PersonId(row.Int(0)), UnitId(row.Int(1)),
                                         ParseDateCell(row, 2).value_or(Date(1970, 1, 1)), ParseDateCell(row, 3)});
             });
}

Status LoadInitiativesAndDisciplines(Conn& conn, const Scope& scope, PeopleSink& sink) {
  records::ListSql sql;
  std::string condition = PeopleIn(sql, scope, "ia.person_id");
  std::string years = "i.recognized_on >= " + sql.Param(FirstDay(scope.from_year)) +
                      " AND i.recognized_on <= " + sql.Param(LastDay(scope.to_year));
  THIDUA_RETURN_IF_ERROR(Run(conn, sql,
                             "SELECT ia.person_id, i.code, i.scope, i.recognized_on FROM initiative_authors ia "
                             "JOIN initiatives i ON i.id = ia.initiative_id",
                             condition, years, "ia.person_id, i.recognized_on, i.id", [&](const Row& row) {
                               return sink.OnInitiative({PersonId(row.Int(0)), row.Text(1), row.Text(2),
                                                         ParseDateCell(row, 3).value_or(Date(1970, 1, 1))});
                             }));
  records::ListSql discipline_sql;
  condition = PeopleIn(discipline_sql, scope, "d.person_id");
  return Run(conn, discipline_sql,
             "SELECT d.person_id, d.level, d.from_date, d.to_date, d.pending FROM disciplines d", condition, "",
             "d.person_id, d.from_date", [&](const Row& row) {
               return sink.OnDiscipline({PersonId(row.Int(0)), row.Text(1),
                                         ParseDateCell(row, 2).value_or(Date(1970, 1, 1)), ParseDateCell(row, 3),
                                         row.Int(4) != 0});
             });
}

// Collects what LoadPeople reads into PeopleHistories.
class Collector final : public PeopleSink {
 public:
  explicit Collector(PeopleHistories& out) : out_(out) {}
  Status OnPerson(PersonFacts&& p) override { return Add(out_.people, std::move(p)); }
  Status OnMembership(const MembershipFact& m) override { return Add(out_.memberships, MembershipFact(m)); }
  Status OnEvaluation(const EvaluationFact& e) override { return Add(out_.evaluations, EvaluationFact(e)); }
  Status OnInitiative(InitiativeFact&& i) override { return Add(out_.initiatives, std::move(i)); }
  Status OnDiscipline(DisciplineFact&& d) override { return Add(out_.disciplines, std::move(d)); }
  Status OnAward(AwardFact&& a) override { return Add(out_.awards, std::move(a)); }

 private:
  template <typename T>
  static Status Add(std::vector<T>& to, T&& value) {
    to.push_back(std::move(value));
    return Status::Ok();
  }
  PeopleHistories& out_;
};

}  // namespace

Status LoadPeople(Conn& conn, const Scope& scope, PeopleSink& sink) {
  THIDUA_RETURN_IF_ERROR(LoadPeopleAndMemberships(conn, scope, sink));
  THIDUA_RETURN_IF_ERROR(Evaluations(conn, scope, "e.person_id", /*people=*/true,
                                     [&](const EvaluationFact& e) { return sink.OnEvaluation(e); }));
  THIDUA_RETURN_IF_ERROR(LoadInitiativesAndDisciplines(conn, scope, sink));
  return Awards(conn, scope, /*people=*/true, [&](AwardFact&& a) { return sink.OnAward(std::move(a)); });
}

Result<PeopleHistories> LoadPeople(Conn& conn, const Scope& scope) {
  PeopleHistories out;
  Collector collector(out);
  THIDUA_RETURN_IF_ERROR(LoadPeople(conn, scope, collector));
  return out;
}

Result<UnitHistories> LoadUnits(Conn& conn, const Scope& scope) {
  UnitHistories out;
  THIDUA_RETURN_IF_ERROR(Evaluations(conn, scope, "e.unit_id", /*people=*/false, [&](const EvaluationFact& e) {
    out.evaluations.push_back(e);
    return Status::Ok();
  }));
  THIDUA_RETURN_IF_ERROR(Awards(conn, scope, /*people=*/false, [&](AwardFact&& a) {
    out.awards.push_back(std::move(a));
    return Status::Ok();
  }));
  return out;
}

}  // namespace thidua::store::history
