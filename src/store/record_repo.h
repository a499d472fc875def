// Evaluations, initiatives (with their authors) and disciplines. Functions take the connection of the
// caller's Read or Write, so a service can compose them in one transaction. No authorisation here: the
// service decides what the caller may see, and passes it as a RecordQuery's scope.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/award_records.h"
#include "store/rows.h"

namespace thidua::store::records {

// The person or unit a record is about (exactly one is set).
struct Subject {
  std::optional<PersonId> person;
  std::optional<UnitId> unit;
  static Subject Of(PersonId id) { return {id, std::nullopt}; }
  static Subject Of(UnitId id) { return {std::nullopt, id}; }
};

// Filters of the record lists, on top of ListQuery's words, paging, scope and `within`.
// Scope and `within` keep a person's records when the person has a membership open on `today` in
// that subtree, and a unit's records when the unit lies in it (the rule of PersonInScope/UnitInScope).
struct RecordQuery {
  ListQuery list;
  std::optional<int> year;
  std::optional<PersonId> person;
  std::optional<UnitId> unit;  // records whose subject is this unit
  std::string subject_type;    // "" | person | unit | household
  std::string award_code;      // awards only
};

struct EvaluationRow {
  EvaluationId id;
  std::string subject_type;  // person | unit
  std::optional<PersonId> person;
  std::optional<UnitId> unit;
  std::string subject_code;
  std::string subject_name;
  int year = 0;
  std::string rating;

  domain::EvaluationRecord ToRecord() const;
};

Result<std::optional<EvaluationRow>> FindEvaluation(Conn& conn, const Subject& subject, int year);
Result<std::optional<EvaluationRow>> FindEvaluationById(Conn& conn, EvaluationId id);
// kAlreadyExists when the subject already has a rating for the year.
Result<EvaluationId> InsertEvaluation(Conn& conn, const Subject& subject, int year, const std::string& rating,
                                      int64_t now_ms);
Status UpdateEvaluationRating(Conn& conn, EvaluationId id, const std::string& rating, int64_t now_ms);
// The subject's ratings, latest year first.
Result<std::vector<EvaluationRow>> EvaluationsOf(Conn& conn, const Subject& subject);
// Latest year first, then subject code. Words search the subject's code and name.
Result<Page<EvaluationRow>> ListEvaluations(Conn& conn, const RecordQuery& query);
// Every evaluation with ids, year and rating only (codes and names empty), for imports.
Result<std::vector<EvaluationRow>> AllEvaluations(Conn& conn);

struct InitiativeRow {
  InitiativeId id;
  std::string code;
  std::string title;
  std::string scope;
  Date recognized_on{1970, 1, 1};
  std::string recognized_by;
  struct Author {
    PersonId id;
    std::string code;
    std::string name;
  };
  std::vector<Author> authors;  // in order

  domain::InitiativeRecord ToRecord() const;
};

Result<std::optional<InitiativeRow>> FindInitiative(Conn& conn, const std::string& code);
// Inserts the initiative and its authors. kAlreadyExists when the code is taken.
Result<InitiativeId> InsertInitiative(Conn& conn, const domain::InitiativeRecord& initiative,
                                      const std::vector<PersonId>& authors, int64_t now_ms);
// Replaces the initiative's fields and its authors.
Status UpdateInitiative(Conn& conn, InitiativeId id, const domain::InitiativeRecord& initiative,
                        const std::vector<PersonId>& authors, int64_t now_ms);
// The initiatives the person is an author of, latest recognition first.
Result<std::vector<InitiativeRow>> InitiativesOf(Conn& conn, PersonId person);
// Latest recognition first. Scope and `within` keep initiatives with at least one author inside; `person`
// keeps those the person wrote; `year` is the year of recognition. Words search code and title.
Result<Page<InitiativeRow>> ListInitiatives(Conn& conn, const RecordQuery& query);
// Every initiative with its authors' ids (codes and names empty), for imports.
Result<std::vector<InitiativeRow>> AllInitiatives(Conn& conn);

struct DisciplineRow {
  DisciplineId id;
  PersonId person;
  std::string person_code;
  std::string person_name;
  std::string level;
  Date from{1970, 1, 1};
  std::optional<Date> to;
  bool pending = false;

  domain::DisciplineRecord ToRecord() const;
};

Result<std::optional<DisciplineRow>> FindDisciplineById(Conn& conn, DisciplineId id);
// kAlreadyExists when the person already has a discipline starting that day.
Result<DisciplineId> InsertDiscipline(Conn& conn, PersonId person, const domain::DisciplineRecord& discipline,
                                      int64_t now_ms);
Status UpdateDiscipline(Conn& conn, DisciplineId id, const domain::DisciplineRecord& discipline,
                        int64_t now_ms);
// The person's disciplines, latest start first.
Result<std::vector<DisciplineRow>> DisciplinesOf(Conn& conn, PersonId person);
// Latest start first; `year` keeps disciplines in force during that year.
Result<Page<DisciplineRow>> ListDisciplines(Conn& conn, const RecordQuery& query);
// Every discipline with ids and fields (codes and names empty), for imports.
Result<std::vector<DisciplineRow>> AllDisciplines(Conn& conn);

// A list statement under construction, shared by the record repositories: bound parameters, the
// recursive CTEs of subtrees and the conditions of its WHERE clause.
class ListSql {
 public:
  // Binds a value and returns its placeholder ("$3").
  std::string Param(Value value);
  // Adds the CTE `name(id)`: the ids of `unit` and its descendants.
  void Subtree(const std::string& name, UnitId unit);
  void Where(std::string condition) { conditions_.push_back(std::move(condition)); }
  // "WITH RECURSIVE …" (or "") and " WHERE … AND …" (or " WHERE 1 = 1").
  std::string With() const;
  std::string WhereClause() const;
  const std::vector<Value>& params() const { return params_; }

  // Counts the rows of `from` ("FROM t a JOIN …") that meet the conditions into `total`, then runs
  // `select` (a SELECT with the same FROM and aliases) for the page of `list`, ordered by `order`.
  Result<Rows> SelectPage(Conn& conn, const std::string& select, const std::string& from,
                          const std::string& order, const ListQuery& list, int64_t& total);

  // "The person in column `person_column` has a membership open on `today` in CTE `subtree`".
  std::string PersonIn(const std::string& person_column, const std::string& subtree, Date today);

  // "Every word of `words` begins a word of the row's folded search key": `id_column` in the FTS5 table
  // `fts_table` on SQLite, a GIN-indexed tsvector over `key_column` on PostgreSQL (migration 007).
  std::string WordsMatch(Engine engine, const std::string& fts_table, const std::string& id_column,
                         const std::string& key_column, const std::vector<std::string>& words);

 private:
  std::vector<Value> params_;
  std::vector<std::string> ctes_;
  std::vector<std::string> conditions_;
};

// Adds the scope and `within` filters of `list` as the CTEs "scope" and "within_unit" and returns the
// names of those present. `visible(cte)` is the condition a row must meet to lie inside a subtree.
void AddSubtreeFilters(ListSql& sql, const ListQuery& list,
                       const std::function<std::string(ListSql&, const std::string&)>& visible);

}  // namespace thidua::store::records
