#include "service/audit_trail.h"

#include <nlohmann/json.hpp>

namespace thidua::service {
namespace {

std::optional<std::string> ToJson(const std::optional<domain::RawFields>& fields) {
  if (!fields) return std::nullopt;
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : *fields) object[key] = value;
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

store::audit::Entry MakeEntry(const Context& ctx, const Actor& actor, std::string action, std::string entity,
                              std::string entity_id, const std::optional<domain::RawFields>& before,
                              const std::optional<domain::RawFields>& after) {
  store::audit::Entry entry;
  entry.at = ctx.clock.NowMillis();
  entry.actor = actor.username;
  entry.action = std::move(action);
  entry.entity = std::move(entity);
  entry.entity_id = std::move(entity_id);
  entry.before = ToJson(before);
  entry.after = ToJson(after);
  return entry;
}

}  // namespace

Status CheckAuditRole(const Actor& actor) {
  if (actor.role == Role::kAdmin || actor.role == Role::kOffice || actor.role == Role::kOfficeLead) {
    return Status::Ok();
  }
  return PermissionDenied("Chỉ Ban Thi đua – Khen thưởng và quản trị hệ thống được xem nhật ký.");
}

Status RecordAudit(store::Conn& conn, const Context& ctx, const Actor& actor, std::string action,
                   std::string entity, std::string entity_id, const std::optional<domain::RawFields>& before,
                   const std::optional<domain::RawFields>& after) {
  return store::audit::Append(conn, MakeEntry(ctx, actor, std::move(action), std::move(entity), std::move(entity_id),
                                              before, after))
      .status();
}

void AuditBatch::Add(std::string action, std::string entity, std::string entity_id,
                     const std::optional<domain::RawFields>& before, const std::optional<domain::RawFields>& after) {
  entries_.push_back(MakeEntry(ctx_, actor_, std::move(action), std::move(entity), std::move(entity_id), before, after));
}

Status AuditBatch::Flush(store::Conn& conn) {
  Status status = store::audit::AppendMany(conn, std::move(entries_)).status();
  entries_.clear();
  return status;
}

Result<std::vector<store::audit::Entry>> AuditService::Trail(const Actor& actor, const std::string& entity,
                                                             const std::string& entity_id) {
  THIDUA_RETURN_IF_ERROR(CheckAuditRole(actor));
  std::vector<store::audit::Entry> entries;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(entries, store::audit::ForEntity(conn, entity, entity_id, 500));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return entries;
}

Result<store::Page<store::audit::Entry>> AuditService::Recent(const Actor& actor, int64_t limit, int64_t offset) {
  THIDUA_RETURN_IF_ERROR(CheckAuditRole(actor));
  store::Page<store::audit::Entry> page;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(page.items, store::audit::Recent(conn, limit, offset));
    THIDUA_ASSIGN_OR_RETURN(page.total, store::audit::Count(conn));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return page;
}

Result<store::audit::VerifyResult> AuditService::Verify() {
  store::audit::VerifyResult result;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(result, store::audit::Verify(conn));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

}  // namespace thidua::service
