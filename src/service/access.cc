#include "service/access.h"

#include "store/person_repo.h"
#include "store/unit_repo.h"

namespace thidua::service {

Status CheckRecordsRole(const Actor& actor, Access access) {
  switch (actor.role) {
    case Role::kAdmin:
    case Role::kOffice:
    case Role::kOfficeLead:
    case Role::kUnitOfficer:
    case Role::kUnitHead:
      return Status::Ok();
    case Role::kCouncil:
      if (access == Access::kRead) return Status::Ok();
      break;
    case Role::kEditor:
      break;
  }
  return PermissionDenied("Vai trò của bạn không được phép thực hiện thao tác này.");
}

std::optional<UnitId> ScopeRoot(const Actor& actor) {
  switch (actor.role) {
    case Role::kUnitOfficer:
    case Role::kUnitHead:
    case Role::kCouncil:
      // A scoped role without a unit sees nothing: an impossible id keeps the scope empty.
      return actor.unit ? *actor.unit : UnitId(-1);
    default:
      return std::nullopt;
  }
}

Result<bool> UnitInScope(store::Conn& conn, const Actor& actor, UnitId unit) {
  std::optional<UnitId> root = ScopeRoot(actor);
  if (!root) return true;
  return store::units::InSubtree(conn, *root, unit);
}

Result<bool> PersonInScope(store::Conn& conn, const Actor& actor, PersonId person, Date today) {
  std::optional<UnitId> root = ScopeRoot(actor);
  if (!root) return true;
  return store::people::InScope(conn, person, *root, today);
}

Result<store::units::UnitRow> VisibleUnit(store::Conn& conn, const Actor& actor, const std::string& code) {
  Status missing = NotFound("Không tìm thấy đơn vị \"" + code + "\".");
  THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> unit, store::units::FindByCode(conn, code));
  if (!unit) return missing;
  THIDUA_ASSIGN_OR_RETURN(bool visible, UnitInScope(conn, actor, unit->id));
  if (!visible) return missing;
  return *unit;
}

Result<store::people::PersonRow> VisiblePerson(store::Conn& conn, const Actor& actor, const std::string& code,
                                               Date today) {
  Status missing = NotFound("Không tìm thấy cá nhân \"" + code + "\".");
  THIDUA_ASSIGN_OR_RETURN(std::optional<store::people::PersonRow> person,
                          store::people::FindByCode(conn, code, today));
  if (!person) return missing;
  THIDUA_ASSIGN_OR_RETURN(bool visible, PersonInScope(conn, actor, person->id, today));
  if (!visible) return missing;
  return *person;
}

}  // namespace thidua::service

namespace thidua::service {

Status CheckCodeUnchanged(const std::map<std::string, std::string>& patch, const std::string& code) {
  auto it = patch.find("code");
  if (it == patch.end() || it->second == code) return Status::Ok();
  return Status(InvalidArgument("Dữ liệu không hợp lệ.")).WithField("code", "Không thể đổi mã của bản ghi đã có.");
}

}  // namespace thidua::service
