// Role and scope checks shared by the services (DOMAIN.md, "Actors and scopes").
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/date.h"
#include "base/result.h"
#include "service/actor.h"
#include "store/db.h"
#include "store/person_repo.h"
#include "store/unit_repo.h"

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

// The unit or person a call names by code: absent or outside the actor's scope is kNotFound ("Không tìm
// thấy đơn vị/cá nhân …"), so that what lies outside a scope looks exactly like what does not exist.
Result<store::units::UnitRow> VisibleUnit(store::Conn& conn, const Actor& actor, const std::string& code);
Result<store::people::PersonRow> VisiblePerson(store::Conn& conn, const Actor& actor, const std::string& code,
                                               Date today);

// kInvalidArgument (field code) if a patch tries to change a record's code.
Status CheckCodeUnchanged(const std::map<std::string, std::string>& patch, const std::string& code);

}  // namespace thidua::service
