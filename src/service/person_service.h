// Use cases for people and their memberships. Every call checks the actor's role and scope;
// a person outside the scope is kNotFound. Thread-safe (no state beyond the context).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "service/actor.h"
#include "service/context.h"
#include "service/list_request.h"
#include "store/audit_repo.h"
#include "store/person_repo.h"

namespace thidua::service {

struct PersonDetail {
  store::people::PersonRow person;
  std::vector<store::people::MembershipRow> memberships;  // newest first
};

class PersonService {
 public:
  explicit PersonService(Context ctx) : ctx_(ctx) {}

  Result<store::Page<store::people::PersonRow>> List(const Actor& actor, const ListRequest& request);
  Result<PersonDetail> Get(const Actor& actor, const std::string& code);
  // Creates the person and, when unit_code is given, a membership from recruited_on (or the
  // start of time).
  Result<store::people::PersonRow> Create(const Actor& actor, const domain::RawFields& fields);
  // Applies the given fields; a new unit_code closes the open membership yesterday and opens
  // one from today (a transfer).
  Result<store::people::PersonRow> Update(const Actor& actor, const std::string& code,
                                          const domain::RawFields& patch);
  // Fields of the memberships import: person_code, unit_code, from, to.
  Result<store::people::MembershipRow> AddMembership(const Actor& actor, const domain::RawFields& fields);
  Result<std::vector<store::audit::Entry>> History(const Actor& actor, const std::string& code);

 private:
  Result<UnitId> WritableUnit(store::Conn& conn, const Actor& actor, const std::string& unit_code,
                              const char* field);
  Context ctx_;
};

// The first day a membership can start when nothing better is known ("the start of time").
inline constexpr Date kStartOfTime{1900, 1, 1};

}  // namespace thidua::service
