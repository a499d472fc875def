// Histories for the eligibility scan: every record that the rules read, for many people (or units) at
// once, in one query per table, as compact rows ordered by subject id — so that the eligibility
// service can walk them in step and fill the rules engine's histories without a query per person.
//
// Query shapes (both engines; the indexes of migrations/*/002_records.sql):
//   people        people p [JOIN the members set]                           ORDER BY p.id
//   memberships   memberships WHERE person in set                          ORDER BY person_id, from_date
//   evaluations   WHERE person_id in set AND year BETWEEN from AND to       (covering index
//                 evaluations_person_history, migration 005: person order, no table, no sort)
//   initiatives   initiative_authors JOIN initiatives WHERE recognized_on in the years (initiatives_year)
//   disciplines   every discipline of the set (few rows; pending ones matter whatever their date)
//   awards        WHERE person_id in set AND period_to <= to (earlier awards gate later titles; covering
//                 index awards_person_history, migration 005)
// where "the set" is every person, one person, or the people with a membership in a unit's subtree that
// overlaps the years (memberships_unit). No authorisation here: the service passes the caller's scope.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/rows.h"

namespace thidua::store::history {

struct Scope {
  int from_year = 0;  // the years whose evaluations, initiatives and memberships are loaded
  int to_year = 0;
  std::optional<UnitId> unit;      // only people (units) of this subtree; nullopt: the province
  std::optional<PersonId> person;  // only this person
  bool unit_only = false;          // people: a membership in `unit` itself, not its subtree
};

struct PersonFacts {
  PersonId id;
  std::string code;
  std::string full_name;
  std::optional<Date> recruited_on;
};

struct MembershipFact {
  PersonId person;
  UnitId unit;
  Date from{1970, 1, 1};
  std::optional<Date> to;
};

// `subject` is a person's id in PeopleHistories and a unit's in UnitHistories.
struct EvaluationFact {
  int64_t subject = 0;
  int year = 0;
  std::string rating;  // HTXS | HTT | HT | KHT
};

struct InitiativeFact {
  PersonId person;  // one row per author
  std::string code;
  std::string scope;  // CO_SO | TINH | TOAN_QUOC
  Date recognized_on{1970, 1, 1};
};

struct DisciplineFact {
  PersonId person;
  std::string level;  // KHIEN_TRACH … (upper case), "" for a pending review without one
  Date from{1970, 1, 1};
  std::optional<Date> to;
  bool pending = false;
};

struct AwardFact {
  int64_t subject = 0;
  std::string award_code;
  std::string method;
  int period_from = 0;
  int period_to = 0;
  Date decision_date{1970, 1, 1};
  std::string decision_no;
  bool revoked = false;
};

struct PeopleHistories {
  std::vector<PersonFacts> people;          // by id
  std::vector<MembershipFact> memberships;  // by person, then start
  std::vector<EvaluationFact> evaluations;  // by person, then year
  std::vector<InitiativeFact> initiatives;  // by person, then recognition date
  std::vector<DisciplineFact> disciplines;  // by person, then start
  std::vector<AwardFact> awards;            // by person, then period_to (revoked ones included, marked)
};

struct UnitHistories {
  std::vector<EvaluationFact> evaluations;  // by unit, then year
  std::vector<AwardFact> awards;            // the units' own awards, by unit, then period_to
};

// Receives what LoadPeople reads one row at a time, table after table — people, memberships,
// evaluations, initiatives, disciplines, awards — each in the order of PeopleHistories. Nothing is kept
// by the repository, so a province's whole history is held once, in whatever form the sink builds (the
// eligibility service builds the rules engine's histories directly). An error stops the load.
class PeopleSink {
 public:
  virtual ~PeopleSink() = default;
  virtual Status OnPerson(PersonFacts&& person) = 0;
  virtual Status OnMembership(const MembershipFact& membership) = 0;
  virtual Status OnEvaluation(const EvaluationFact& evaluation) = 0;
  virtual Status OnInitiative(InitiativeFact&& initiative) = 0;
  virtual Status OnDiscipline(DisciplineFact&& discipline) = 0;
  virtual Status OnAward(AwardFact&& award) = 0;
};

Status LoadPeople(Conn& conn, const Scope& scope, PeopleSink& sink);
// The same, collected into vectors.
Result<PeopleHistories> LoadPeople(Conn& conn, const Scope& scope);
Result<UnitHistories> LoadUnits(Conn& conn, const Scope& scope);

}  // namespace thidua::store::history
