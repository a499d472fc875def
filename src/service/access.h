// Role and scope checks shared by the services (DOMAIN.md, "Actors and scopes").
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/date.h"
#include "base/result.h"
#include "service/actor.h"
#include "store/db.h"

namespace thidua::service {

// What a role may do with units and people.
enum class Access { kRead, kWrite };

// kPermissionDenied if the role may never do this with the foundation's records.
Status CheckRecordsRole(const Actor& actor, Access access);
// The root of the actor's scope, or nullopt for the whole province.
std::optional<UnitId> ScopeRoot(const Actor& actor);
// True if the unit lies in the actor's scope.
Result<bool> UnitInScope(store::Conn& conn, const Actor& actor, UnitId unit);
// True if the person has a membership open today in the actor's scope (always for province roles).
Result<bool> PersonInScope(store::Conn& conn, const Actor& actor, PersonId person, Date today);

// kInvalidArgument (field code) if a patch tries to change a record's code.
Status CheckCodeUnchanged(const std::map<std::string, std::string>& patch, const std::string& code);

}  // namespace thidua::service
