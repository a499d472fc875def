// Writing and reading the audit trail from services.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "service/actor.h"
#include "service/context.h"
#include "store/audit_repo.h"

namespace thidua::service {

// Appends an audit row for a write in the caller's transaction. `before`/`after` are the
// record's fields (nullopt when the record did not exist / no longer exists).
Status RecordAudit(store::Conn& conn, const Context& ctx, const Actor& actor, std::string action,
                   std::string entity, std::string entity_id, const std::optional<domain::RawFields>& before,
                   const std::optional<domain::RawFields>& after);

// Audit rows gathered during a bulk write and appended together, in the same transaction, by
// Flush (one lock of the chain's head, multi-row inserts). Not thread-safe.
class AuditBatch {
 public:
  AuditBatch(const Context& ctx, const Actor& actor) : ctx_(ctx), actor_(actor) {}
  void Add(std::string action, std::string entity, std::string entity_id,
           const std::optional<domain::RawFields>& before, const std::optional<domain::RawFields>& after);
  Status Flush(store::Conn& conn);

 private:
  const Context& ctx_;
  const Actor& actor_;
  std::vector<store::audit::Entry> entries_;
};

class AuditService {
 public:
  explicit AuditService(Context ctx) : ctx_(ctx) {}
  // The trail of one record, newest first. Office, office lead and admin only.
  Result<std::vector<store::audit::Entry>> Trail(const Actor& actor, const std::string& entity,
                                                 const std::string& entity_id);
  // The latest rows of the whole log. Office, office lead and admin only.
  Result<store::Page<store::audit::Entry>> Recent(const Actor& actor, int64_t limit, int64_t offset);
  // Checks the whole chain (no actor: a local command).
  Result<store::audit::VerifyResult> Verify();

 private:
  Context ctx_;
};

// Role check for the audit log itself.
Status CheckAuditRole(const Actor& actor);

}  // namespace thidua::service
