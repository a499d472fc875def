#include "service/actor.h"

namespace thidua::service {

const char* RoleCode(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kOffice: return "office";
    case Role::kOfficeLead: return "office_lead";
    case Role::kCouncil: return "council";
    case Role::kUnitOfficer: return "unit_officer";
    case Role::kUnitHead: return "unit_head";
    case Role::kEditor: return "editor";
  }
  return "unit_officer";
}

const char* RoleLabel(Role role) {
  switch (role) {
    case Role::kAdmin: return "Quản trị hệ thống";
    case Role::kOffice: return "Chuyên viên Ban Thi đua – Khen thưởng";
    case Role::kOfficeLead: return "Lãnh đạo Ban Thi đua – Khen thưởng";
    case Role::kCouncil: return "Thành viên Hội đồng TĐKT";
    case Role::kUnitOfficer: return "Cán bộ TĐKT đơn vị";
    case Role::kUnitHead: return "Thủ trưởng đơn vị";
    case Role::kEditor: return "Biên tập viên cổng thông tin";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view code) {
  for (Role r : {Role::kAdmin, Role::kOffice, Role::kOfficeLead, Role::kCouncil, Role::kUnitOfficer,
                 Role::kUnitHead, Role::kEditor}) {
    if (code == RoleCode(r)) return r;
  }
  return std::nullopt;
}

Actor Actor::System() {
  Actor actor;
  actor.username = "system";
  actor.display_name = "Hệ thống";
  actor.role = Role::kAdmin;
  return actor;
}

}  // namespace thidua::service
