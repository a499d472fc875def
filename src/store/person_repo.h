// People and their memberships. Functions take the caller's connection; no authorisation here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "store/rows.h"

namespace thidua::store::people {

struct PersonRow {
  PersonId id;
  std::string code;
  std::string full_name;
  std::string gender;
  std::optional<Date> birth_date;
  std::string position;
  std::optional<Date> recruited_on;
  // The unit of the membership open today with the latest start (empty when none).
  std::string unit_code;
  std::string unit_name;

  domain::PersonRecord ToRecord() const;
};

struct MembershipRow {
  MembershipId id;
  PersonId person;
  std::string person_code;
  std::string person_name;
  UnitId unit;
  std::string unit_code;
  std::string unit_name;
  Date from{1970, 1, 1};
  std::optional<Date> to;
};

Result<std::optional<PersonRow>> FindByCode(Conn& conn, const std::string& code, Date today);
Result<PersonId> Insert(Conn& conn, const domain::PersonRecord& person, int64_t now_ms);
Status Update(Conn& conn, PersonId id, const domain::PersonRecord& person, int64_t now_ms);
// Sort keys: "name" (Vietnamese order: given name first), "code", "birth_date".
// Scope and `within` keep people with a membership open on `today` in that subtree.
Result<Page<PersonRow>> List(Conn& conn, const ListQuery& query);
// True if the person has a membership open on `today` in the subtree of `root`.
Result<bool> InScope(Conn& conn, PersonId person, UnitId root, Date today);
// The people InScope holds for, by id (one query, for scans over a scope).
Result<std::vector<PersonId>> IdsInScope(Conn& conn, UnitId root, Date today);

// Every person (without the current unit), for imports.
Result<std::vector<PersonRow>> All(Conn& conn);
// Every membership with ids and dates only (codes and names left empty), for imports.
Result<std::vector<MembershipRow>> AllMemberships(Conn& conn);

Result<std::vector<MembershipRow>> Memberships(Conn& conn, PersonId person);
// People with a membership in `unit` open on `today`.
Result<std::vector<MembershipRow>> Members(Conn& conn, UnitId unit, Date today, int64_t limit);
Result<MembershipId> InsertMembership(Conn& conn, PersonId person, UnitId unit, Date from,
                                      std::optional<Date> to);
// Sets the end of an open or closed membership.
Status UpdateMembershipEnd(Conn& conn, MembershipId id, std::optional<Date> to);

}  // namespace thidua::store::people
