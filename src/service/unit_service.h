// Use cases for units: list, read, tree, create, edit, lineage events, history.
// Every call checks the actor's role and scope; a unit outside the scope is kNotFound.
// Thread-safe (no state beyond the context).
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
#include "store/unit_repo.h"

namespace thidua::service {

struct UnitDetail {
  store::units::UnitRow unit;
  std::vector<store::units::EventRow> events;
  std::vector<store::units::UnitRow> children;
  std::vector<store::people::MembershipRow> members;  // open today, at most 200
};

class UnitService {
 public:
  explicit UnitService(Context ctx) : ctx_(ctx) {}

  Result<store::Page<store::units::UnitRow>> List(const Actor& actor, const ListRequest& request);
  Result<UnitDetail> Get(const Actor& actor, const std::string& code);
  Result<std::vector<store::units::UnitRow>> Tree(const Actor& actor);
  Result<store::units::UnitRow> Create(const Actor& actor, const domain::RawFields& fields);
  // Applies the given fields over the unit's current ones.
  Result<store::units::UnitRow> Update(const Actor& actor, const std::string& code, const domain::RawFields& patch);
  Result<store::units::EventRow> AddEvent(const Actor& actor, const std::string& code, domain::RawFields fields);
  Result<std::vector<store::audit::Entry>> History(const Actor& actor, const std::string& code);

 private:
  Status CheckWritableParent(store::Conn& conn, const Actor& actor, const domain::UnitRecord& unit,
                             std::optional<UnitId>& parent);
  Context ctx_;
};

}  // namespace thidua::service
