#include "service/unit_service.h"

#include "service/access.h"
#include "service/audit_trail.h"

namespace thidua::service {

Result<store::Page<store::units::UnitRow>> UnitService::List(const Actor& actor, const ListRequest& request) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  store::ListQuery query = ToListQuery(request, ctx_.clock.Today());
  query.scope = ScopeRoot(actor);
  store::Page<store::units::UnitRow> page;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    if (!request.within_unit.empty()) {
      THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow within, VisibleUnit(conn, actor, request.within_unit));
      query.within = within.id;
    }
    THIDUA_ASSIGN_OR_RETURN(page, store::units::List(conn, query));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return page;
}

Result<UnitDetail> UnitService::Get(const Actor& actor, const std::string& code) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  UnitDetail detail;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(detail.unit, VisibleUnit(conn, actor, code));
    THIDUA_ASSIGN_OR_RETURN(detail.events, store::units::Events(conn, detail.unit.id));
    THIDUA_ASSIGN_OR_RETURN(detail.children, store::units::Children(conn, detail.unit.id));
    THIDUA_ASSIGN_OR_RETURN(detail.members, store::people::Members(conn, detail.unit.id, ctx_.clock.Today(), 200));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return detail;
}

Result<std::vector<store::units::UnitRow>> UnitService::Tree(const Actor& actor) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  std::vector<store::units::UnitRow> units;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(units, store::units::All(conn, ScopeRoot(actor)));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return units;
}

// Resolves the parent of a unit being written and checks the actor may place a unit there:
// scoped actors only inside their subtree, and never at the root of the province.
Status UnitService::CheckWritableParent(store::Conn& conn, const Actor& actor, const domain::UnitRecord& unit,
                                        std::optional<UnitId>& parent) {
  parent.reset();
  if (unit.parent_code.empty()) {
    if (ScopeRoot(actor)) {
      return Status(InvalidArgument("Dữ liệu không hợp lệ."))
          .WithField("parent_code", "Bắt buộc chọn đơn vị cấp trên thuộc phạm vi của bạn.");
    }
    return Status::Ok();
  }
  THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> found, store::units::FindByCode(conn, unit.parent_code));
  bool visible = false;
  if (found) {
    THIDUA_ASSIGN_OR_RETURN(visible, UnitInScope(conn, actor, found->id));
  }
  if (!visible) {
    return Status(InvalidArgument("Dữ liệu không hợp lệ."))
        .WithField("parent_code", "Không tìm thấy đơn vị cấp trên \"" + unit.parent_code + "\".");
  }
  THIDUA_ASSIGN_OR_RETURN(std::vector<std::string> ancestors, store::units::AncestorCodes(conn, found->id));
  THIDUA_RETURN_IF_ERROR(domain::CheckParent(unit.code, unit.parent_code, ancestors));
  parent = found->id;
  return Status::Ok();
}

Result<store::units::UnitRow> UnitService::Create(const Actor& actor, const domain::RawFields& fields) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  THIDUA_ASSIGN_OR_RETURN(domain::UnitRecord unit, domain::ParseUnit(fields));
  store::units::UnitRow created;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    std::optional<UnitId> parent;
    THIDUA_RETURN_IF_ERROR(CheckWritableParent(conn, actor, unit, parent));
    THIDUA_ASSIGN_OR_RETURN(UnitId id, store::units::Insert(conn, unit, parent, ctx_.clock.NowMillis()));
    THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "unit.create", "unit", unit.code, std::nullopt,
                                       domain::ToRaw(unit)));
    THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> row, store::units::FindById(conn, id));
    created = *row;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return created;
}

Result<store::units::UnitRow> UnitService::Update(const Actor& actor, const std::string& code,
                                                  const domain::RawFields& patch) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  store::units::UnitRow updated;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow existing, VisibleUnit(conn, actor, code));
    if (ScopeRoot(actor) && actor.unit && *actor.unit == existing.id) {
      return PermissionDenied("Đơn vị gốc trong phạm vi của bạn do Ban Thi đua – Khen thưởng cập nhật.");
    }
    THIDUA_RETURN_IF_ERROR(CheckCodeUnchanged(patch, existing.code));
    domain::RawFields raw = domain::ToRaw(existing.ToRecord());
    for (const auto& [key, value] : patch) raw[key] = value;
    THIDUA_ASSIGN_OR_RETURN(domain::UnitRecord unit, domain::ParseUnit(raw));
    std::optional<UnitId> parent;
    THIDUA_RETURN_IF_ERROR(CheckWritableParent(conn, actor, unit, parent));
    THIDUA_RETURN_IF_ERROR(store::units::Update(conn, existing.id, unit, parent, ctx_.clock.NowMillis()));
    THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "unit.update", "unit", unit.code,
                                       domain::ToRaw(existing.ToRecord()), domain::ToRaw(unit)));
    THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> row, store::units::FindById(conn, existing.id));
    updated = *row;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return updated;
}

Result<store::units::EventRow> UnitService::AddEvent(const Actor& actor, const std::string& code,
                                                     domain::RawFields fields) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  fields["unit_code"] = code;
  THIDUA_ASSIGN_OR_RETURN(domain::UnitEventRecord event, domain::ParseUnitEvent(fields));
  store::units::EventRow added;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow unit, VisibleUnit(conn, actor, code));
    std::optional<UnitId> related;
    if (!event.related_unit_code.empty()) {
      THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> other,
                              store::units::FindByCode(conn, event.related_unit_code));
      if (!other) {
        return Status(InvalidArgument("Dữ liệu không hợp lệ."))
            .WithField("related_unit_code", "Không tìm thấy đơn vị \"" + event.related_unit_code + "\".");
      }
      related = other->id;
    }
    THIDUA_ASSIGN_OR_RETURN(int64_t id, store::units::InsertEvent(conn, unit.id, event, related));
    // A unit that is dissolved or merged away stops being valid the day before.
    if ((event.kind == "dissolved" || event.kind == "merged_into") && !unit.valid_to) {
      domain::UnitRecord record = unit.ToRecord();
      record.valid_to = event.date.AddDays(-1);
      THIDUA_RETURN_IF_ERROR(store::units::Update(conn, unit.id, record, unit.parent, ctx_.clock.NowMillis()));
    }
    domain::RawFields after = {{"kind", event.kind}, {"date", event.date.Iso()}, {"legal_act", event.legal_act},
                               {"related_unit_code", event.related_unit_code}, {"note", event.note}};
    THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "unit.event", "unit", unit.code, std::nullopt, after));
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::units::EventRow> events, store::units::Events(conn, unit.id));
    for (const auto& e : events) {
      if (e.id == id) added = e;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return added;
}

Result<std::vector<store::audit::Entry>> UnitService::History(const Actor& actor, const std::string& code) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  std::vector<store::audit::Entry> entries;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow unit, VisibleUnit(conn, actor, code));
    THIDUA_ASSIGN_OR_RETURN(entries, store::audit::ForEntity(conn, "unit", unit.code, 200));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return entries;
}

}  // namespace thidua::service
