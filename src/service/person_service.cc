#include "service/person_service.h"

#include "service/access.h"
#include "service/audit_trail.h"
#include "store/unit_repo.h"

namespace thidua::service {
namespace {

domain::RawFields MembershipFields(const store::people::MembershipRow& m) {
  return {{"person_code", m.person_code}, {"unit_code", m.unit_code}, {"from", m.from.Iso()},
          {"to", m.to ? m.to->Iso() : ""}};
}

}  // namespace

// The unit a write places someone in: it must exist and lie in the actor's scope.
Result<UnitId> PersonService::WritableUnit(store::Conn& conn, const Actor& actor, const std::string& unit_code,
                                           const char* field) {
  THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> unit, store::units::FindByCode(conn, unit_code));
  bool visible = false;
  if (unit) {
    THIDUA_ASSIGN_OR_RETURN(visible, UnitInScope(conn, actor, unit->id));
  }
  if (!visible) {
    return Status(InvalidArgument("Dữ liệu không hợp lệ."))
        .WithField(field, "Không tìm thấy đơn vị \"" + unit_code + "\" trong phạm vi của bạn.");
  }
  return unit->id;
}

Result<store::Page<store::people::PersonRow>> PersonService::List(const Actor& actor, const ListRequest& request) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  store::ListQuery query = ToListQuery(request, ctx_.clock.Today());
  query.scope = ScopeRoot(actor);
  store::Page<store::people::PersonRow> page;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    if (!request.within_unit.empty()) {
      THIDUA_ASSIGN_OR_RETURN(std::optional<store::units::UnitRow> unit,
                              store::units::FindByCode(conn, request.within_unit));
      bool visible = false;
      if (unit) {
        THIDUA_ASSIGN_OR_RETURN(visible, UnitInScope(conn, actor, unit->id));
      }
      if (!visible) return NotFound("Không tìm thấy đơn vị \"" + request.within_unit + "\".");
      query.within = unit->id;
    }
    THIDUA_ASSIGN_OR_RETURN(page, store::people::List(conn, query));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return page;
}

Result<PersonDetail> PersonService::Get(const Actor& actor, const std::string& code) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  PersonDetail detail;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(detail.person, VisiblePerson(conn, actor, code, ctx_.clock.Today()));
    THIDUA_ASSIGN_OR_RETURN(detail.memberships, store::people::Memberships(conn, detail.person.id));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return detail;
}

Result<store::people::PersonRow> PersonService::Create(const Actor& actor, const domain::RawFields& fields) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  Date today = ctx_.clock.Today();
  THIDUA_ASSIGN_OR_RETURN(domain::PersonRecord person, domain::ParsePerson(fields, today));
  if (person.unit_code.empty() && ScopeRoot(actor)) {
    return Status(InvalidArgument("Dữ liệu không hợp lệ."))
        .WithField("unit_code", "Bắt buộc chọn đơn vị công tác thuộc phạm vi của bạn.");
  }
  store::people::PersonRow created;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    std::optional<UnitId> unit;
    if (!person.unit_code.empty()) {
      THIDUA_ASSIGN_OR_RETURN(unit, WritableUnit(conn, actor, person.unit_code, "unit_code"));
    }
    THIDUA_ASSIGN_OR_RETURN(PersonId id, store::people::Insert(conn, person, ctx_.clock.NowMillis()));
    if (unit) {
      THIDUA_RETURN_IF_ERROR(
          store::people::InsertMembership(conn, id, *unit, person.recruited_on.value_or(kStartOfTime), std::nullopt)
              .status());
    }
    THIDUA_RETURN_IF_ERROR(
        RecordAudit(conn, ctx_, actor, "person.create", "person", person.code, std::nullopt, domain::ToRaw(person)));
    THIDUA_ASSIGN_OR_RETURN(std::optional<store::people::PersonRow> row,
                            store::people::FindByCode(conn, person.code, today));
    created = *row;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return created;
}

Result<store::people::PersonRow> PersonService::Update(const Actor& actor, const std::string& code,
                                                       const domain::RawFields& patch) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  Date today = ctx_.clock.Today();
  store::people::PersonRow updated;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow existing, VisiblePerson(conn, actor, code, ctx_.clock.Today()));
    THIDUA_RETURN_IF_ERROR(CheckCodeUnchanged(patch, existing.code));
    domain::RawFields raw = domain::ToRaw(existing.ToRecord());
    for (const auto& [key, value] : patch) raw[key] = value;
    THIDUA_ASSIGN_OR_RETURN(domain::PersonRecord person, domain::ParsePerson(raw, today));
    THIDUA_RETURN_IF_ERROR(store::people::Update(conn, existing.id, person, ctx_.clock.NowMillis()));
    if (person.unit_code != existing.unit_code && !person.unit_code.empty()) {
      THIDUA_ASSIGN_OR_RETURN(UnitId unit, WritableUnit(conn, actor, person.unit_code, "unit_code"));
      THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::MembershipRow> memberships,
                              store::people::Memberships(conn, existing.id));
      for (const auto& m : memberships) {
        if (m.to || m.from > today) continue;
        Date end = m.from < today ? today.AddDays(-1) : today;
        THIDUA_RETURN_IF_ERROR(store::people::UpdateMembershipEnd(conn, m.id, end));
      }
      THIDUA_RETURN_IF_ERROR(store::people::InsertMembership(conn, existing.id, unit, today, std::nullopt).status());
    }
    THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "person.update", "person", existing.code,
                                       domain::ToRaw(existing.ToRecord()), domain::ToRaw(person)));
    THIDUA_ASSIGN_OR_RETURN(std::optional<store::people::PersonRow> row,
                            store::people::FindByCode(conn, existing.code, today));
    updated = *row;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return updated;
}

Result<store::people::MembershipRow> PersonService::AddMembership(const Actor& actor,
                                                                  const domain::RawFields& fields) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  THIDUA_ASSIGN_OR_RETURN(domain::MembershipRecord membership, domain::ParseMembership(fields));
  store::people::MembershipRow added;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow person, VisiblePerson(conn, actor, membership.person_code, ctx_.clock.Today()));
    THIDUA_ASSIGN_OR_RETURN(UnitId unit, WritableUnit(conn, actor, membership.unit_code, "unit_code"));
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::MembershipRow> existing,
                            store::people::Memberships(conn, person.id));
    for (const auto& m : existing) {
      if (m.unit == unit && domain::Overlaps({m.from, m.to}, {membership.from, membership.to})) {
        return Status(InvalidArgument("Quá trình công tác trùng thời gian với một quá trình đã có tại cùng đơn vị."))
            .WithField("from", "Trùng thời gian với quá trình từ " + m.from.Vietnamese() + ".");
      }
    }
    THIDUA_ASSIGN_OR_RETURN(MembershipId id,
                            store::people::InsertMembership(conn, person.id, unit, membership.from, membership.to));
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::MembershipRow> now, store::people::Memberships(conn, person.id));
    for (const auto& m : now) {
      if (m.id == id) added = m;
    }
    return RecordAudit(conn, ctx_, actor, "membership.create", "person", person.code, std::nullopt,
                       MembershipFields(added));
  });
  if (!status.ok()) return status;
  return added;
}

Result<std::vector<store::audit::Entry>> PersonService::History(const Actor& actor, const std::string& code) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  std::vector<store::audit::Entry> entries;
  Status status = ctx_.db.Read([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow person, VisiblePerson(conn, actor, code, ctx_.clock.Today()));
    THIDUA_ASSIGN_OR_RETURN(entries, store::audit::ForEntity(conn, "person", person.code, 200));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return entries;
}

}  // namespace thidua::service
