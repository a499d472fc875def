// Actor: who is calling a service function, resolved by the HTTP layer (session or bearer
// token) or by the CLI (a local administrator). Every service call checks the actor's role and
// unit scope (DOMAIN.md, "Actors and scopes").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/ids.h"

namespace thidua::service {

enum class Role { kAdmin, kOffice, kOfficeLead, kCouncil, kUnitOfficer, kUnitHead, kEditor };

// "admin", "office", … (the codes of DOMAIN.md).
const char* RoleCode(Role role);
// Vietnamese label for screens: "Quản trị hệ thống", "Chuyên viên Ban TĐKT", …
const char* RoleLabel(Role role);
std::optional<Role> ParseRole(std::string_view code);

struct Actor {
  UserId user;
  std::string username;
  std::string display_name;
  Role role = Role::kUnitOfficer;
  // The unit whose subtree is the actor's scope; empty for admin, office, office_lead, editor.
  std::optional<UnitId> unit;
  std::string unit_code;
  std::string unit_name;

  // True for roles whose scope is the whole province.
  bool HasProvinceScope() const {
    return role == Role::kAdmin || role == Role::kOffice || role == Role::kOfficeLead || role == Role::kEditor ||
           role == Role::kCouncil;
  }
  // The actor used by trusted local commands (thidua import/user/demo on the server's own machine).
  static Actor System();
};

}  // namespace thidua::service
