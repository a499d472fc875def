// Use cases for the records of achievement and conduct — evaluations, initiatives, disciplines and
// awards — and for the award catalogue (DOMAIN.md, "Entities"; issue 3 items 1–2).
//
// Every call checks the actor's role and scope: unit officers and heads read and write the records of
// the people (membership open today) and units of their subtree, the office, its lead and the
// administrator those of the province, council members read. A record outside the scope is kNotFound;
// a person, unit or author named in a write that lies outside it is a field error, as if it did not
// exist. Only the office (and its lead) revokes an award, with a reason; only the administrator adds to
// the catalogue. Writes run in one transaction together with their audit row.
//
// An award to a person is attributed to the unit the person belonged to on the decision date, and
// keeps that unit's name as it was when the award was recorded (later renames do not change it).
//
// Thread-safe (no state beyond the context).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/award_records.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/list_request.h"
#include "store/award_repo.h"
#include "store/person_repo.h"
#include "store/record_repo.h"
#include "store/unit_repo.h"

namespace thidua::service {

// A record list as the HTTP layer asks for it: search, paging and `within_unit` of ListRequest, plus
// the record filters (codes are resolved, and must be visible, else kNotFound).
struct RecordListRequest {
  ListRequest list;
  std::optional<int> year;
  std::string person_code;
  std::string subject_type;  // "" | person | unit | household
  std::string award_code;    // awards only
};

// The result of a write that creates or replaces a record keyed by its natural key.
template <typename Row>
struct Saved {
  Row row;
  bool created = false;
};

// Everything on record about a person, newest first in each list.
struct PersonRecords {
  store::people::PersonRow person;
  std::vector<store::records::EvaluationRow> evaluations;
  std::vector<store::records::InitiativeRow> initiatives;
  std::vector<store::records::DisciplineRow> disciplines;
  std::vector<store::awards::AwardRow> awards;  // revoked ones included (AwardRow::revoked)
};

// A unit's own records, and the awards of people and households attributed to it.
struct UnitRecords {
  store::units::UnitRow unit;
  std::vector<store::records::EvaluationRow> evaluations;
  std::vector<store::awards::AwardRow> awards;
  std::vector<store::awards::AwardRow> member_awards;  // at most 200, newest first
};

class RecordService {
 public:
  explicit RecordService(Context ctx) : ctx_(ctx) {}

  // ---- the award catalogue ----
  Result<std::vector<domain::AwardTypeRecord>> AwardTypes(const Actor& actor);
  // Administrator only. Fields of domain::ParseAwardType; an empty sort_order goes last.
  Result<domain::AwardTypeRecord> AddAwardType(const Actor& actor, const domain::RawFields& fields);

  // ---- evaluations ----
  // Records the rating of a person or unit for a year (fields of the evaluations import); an existing
  // rating for that year is replaced (created = false).
  Result<Saved<store::records::EvaluationRow>> RecordEvaluation(const Actor& actor,
                                                                const domain::RawFields& fields);
  Result<store::records::EvaluationRow> GetEvaluation(const Actor& actor, EvaluationId id);
  Result<store::Page<store::records::EvaluationRow>> ListEvaluations(const Actor& actor,
                                                                     const RecordListRequest& request);

  // ---- initiatives ----
  // Fields of the initiatives import. Every author must exist (and lie in a unit officer's scope).
  Result<store::records::InitiativeRow> CreateInitiative(const Actor& actor, const domain::RawFields& fields);
  Result<store::records::InitiativeRow> GetInitiative(const Actor& actor, const std::string& code);
  Result<store::Page<store::records::InitiativeRow>> ListInitiatives(const Actor& actor,
                                                                     const RecordListRequest& request);

  // ---- disciplines ----
  Result<store::records::DisciplineRow> CreateDiscipline(const Actor& actor, const domain::RawFields& fields);
  Result<store::records::DisciplineRow> GetDiscipline(const Actor& actor, DisciplineId id);
  Result<store::Page<store::records::DisciplineRow>> ListDisciplines(const Actor& actor,
                                                                     const RecordListRequest& request);

  // ---- awards ----
  // Fields of the awards import (see domain::ParseAward). kAlreadyExists when the subject already holds
  // the award for that year. Recording an award as revoked is for the office and the administrator.
  Result<store::awards::AwardRow> CreateAward(const Actor& actor, const domain::RawFields& fields);
  Result<store::awards::AwardRow> GetAward(const Actor& actor, AwardId id);
  Result<store::Page<store::awards::AwardRow>> ListAwards(const Actor& actor,
                                                          const RecordListRequest& request);
  // Applies the given fields over the award's; the subject cannot change. revoked = 1 (with
  // revoke_reason) revokes it, as RevokeAward does; a revoked award cannot be changed (kFailedPrecondition).
  Result<store::awards::AwardRow> UpdateAward(const Actor& actor, AwardId id, const domain::RawFields& patch);
  // Office and office lead only; `reason` is required. kFailedPrecondition if already revoked.
  Result<store::awards::AwardRow> RevokeAward(const Actor& actor, AwardId id, const std::string& reason);
  // A person's awards, newest decision first, revoked ones marked.
  Result<std::vector<store::awards::AwardRow>> AwardsOf(const Actor& actor, const std::string& person_code);

  // ---- histories (the timelines of a person's and a unit's pages) ----
  Result<PersonRecords> PersonHistory(const Actor& actor, const std::string& person_code);
  Result<UnitRecords> UnitHistory(const Actor& actor, const std::string& unit_code);

 private:
  Result<store::records::RecordQuery> ToQuery(store::Conn& conn, const Actor& actor,
                                              const RecordListRequest& request);
  Result<store::awards::AwardRow> VisibleAward(store::Conn& conn, const Actor& actor, AwardId id);
  Result<store::awards::Target> ResolveAwardTarget(store::Conn& conn, const Actor& actor,
                                                   const domain::AwardRecord& award);
  Result<store::awards::AwardRow> Revoke(store::Conn& conn, const Actor& actor,
                                         const store::awards::AwardRow& award, const std::string& reason);
  Context ctx_;
};

// kPermissionDenied unless the actor may revoke awards (office, office lead).
Status CheckRevokeRole(const Actor& actor);

// Shared with the imports:
// True if the actor may record an award that was already revoked (restating history: province roles).
bool MayRecordRevoked(const Actor& actor);
// The membership covering `day` that started last (the unit an award on that day is attributed to).
std::optional<store::people::MembershipRow> MembershipOn(
    const std::vector<store::people::MembershipRow>& memberships, Date day);
// A Vietnamese reason if `unit` had ended before `day` (a dissolved unit cannot be commended).
std::optional<std::string> EndedBefore(const store::units::UnitRow& unit, Date day);

}  // namespace thidua::service
