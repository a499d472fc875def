#include "service/settings_service.h"

#include "service/access.h"
#include "service/audit_trail.h"
#include "store/settings_repo.h"

namespace thidua::service {

Result<domain::ProvinceSettings> LoadSettings(store::Conn& conn) {
  THIDUA_ASSIGN_OR_RETURN(auto stored, store::settings::All(conn));
  if (stored.empty()) return domain::ProvinceSettings{};
  Result<domain::ProvinceSettings> settings = domain::ApplySettingsFields({}, stored);
  if (!settings.ok()) {
    std::string keys;
    for (const auto& [key, message] : settings.status().fields()) keys += (keys.empty() ? "" : ", ") + key;
    return Internal("Cấu hình tỉnh đã lưu không hợp lệ (" + keys + "): " + settings.status().message());
  }
  return settings;
}

bool MayChangeSettings(const Actor& actor) {
  return actor.role == Role::kAdmin || actor.role == Role::kOfficeLead;
}

Result<domain::ProvinceSettings> SettingsService::Get(const Actor& actor) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  domain::ProvinceSettings out;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(out, LoadSettings(conn));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

Result<domain::ProvinceSettings> SettingsService::Update(const Actor& actor, const domain::RawFields& patch) {
  if (!MayChangeSettings(actor)) {
    return PermissionDenied("Chỉ quản trị hệ thống và lãnh đạo Ban Thi đua – Khen thưởng được sửa cấu hình.");
  }
  domain::ProvinceSettings out;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(domain::ProvinceSettings current, LoadSettings(conn));
    THIDUA_ASSIGN_OR_RETURN(out, domain::ApplySettingsFields(current, patch));
    domain::RawFields before = domain::SettingsToFields(current);
    domain::RawFields after = domain::SettingsToFields(out);
    bool changed = false;
    for (const auto& [key, value] : after) {
      if (before[key] == value) continue;
      changed = true;
      THIDUA_RETURN_IF_ERROR(store::settings::Put(conn, key, value, ctx_.clock.NowMillis(), actor.username));
    }
    if (!changed) return Status::Ok();
    return RecordAudit(conn, ctx_, actor, "settings.update", "settings", "province", before, after);
  });
  if (!status.ok()) return status;
  return out;
}

}  // namespace thidua::service
