#include "service/record_service.h"

#include <algorithm>

#include "service/access.h"
#include "service/audit_trail.h"

namespace thidua::service {
namespace {

using store::awards::AwardRow;
using store::records::DisciplineRow;
using store::records::EvaluationRow;
using store::records::InitiativeRow;
using store::records::Subject;

std::string InScopeSuffix(const Actor& actor) { return ScopeRoot(actor) ? " trong phạm vi của bạn" : ""; }

// In a write, a person or unit that cannot be found is a mistake in the field that names it.
template <typename T>
Result<T> AsFieldError(Result<T> result, const Actor& actor, const char* field, const std::string& what) {
  if (result.ok() || result.status().code() != Code::kNotFound) return result;
  std::string message = "Không tìm thấy " + what + InScopeSuffix(actor) + ".";
  return Status(InvalidArgument(message)).WithField(field, message);
}

Result<Subject> WritableSubject(store::Conn& conn, const Actor& actor, const std::string& type,
                                const std::string& code, Date today) {
  if (type == "person") {
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow person,
                            AsFieldError(VisiblePerson(conn, actor, code, today), actor, "subject_code",
                                         "cá nhân \"" + code + "\""));
    return Subject::Of(person.id);
  }
  THIDUA_ASSIGN_OR_RETURN(
      store::units::UnitRow unit,
      AsFieldError(VisibleUnit(conn, actor, code), actor, "subject_code", "đơn vị \"" + code + "\""));
  return Subject::Of(unit.id);
}

Result<bool> SubjectVisible(store::Conn& conn, const Actor& actor, const Subject& subject, Date today) {
  if (subject.person) return PersonInScope(conn, actor, *subject.person, today);
  return UnitInScope(conn, actor, *subject.unit);
}

Status AwardNotFound() { return NotFound("Không tìm thấy khen thưởng."); }

// Runs a read and returns what `fn` stored in `out`.
template <typename T, typename F>
Result<T> ReadInto(Context ctx, F fn) {
  T out{};
  Status status = ctx.db.Read([&](store::Conn& conn) -> Status { return fn(conn, out); });
  if (!status.ok()) return status;
  return out;
}

}  // namespace

bool MayRecordRevoked(const Actor& actor) {
  return actor.role == Role::kAdmin || actor.role == Role::kOffice || actor.role == Role::kOfficeLead;
}

std::optional<store::people::MembershipRow> MembershipOn(
    const std::vector<store::people::MembershipRow>& memberships, Date day) {
  std::optional<store::people::MembershipRow> found;
  for (const auto& m : memberships) {
    if (m.from <= day && (!m.to || *m.to >= day) && (!found || m.from > found->from)) found = m;
  }
  return found;
}

// DOMAIN.md: a dissolved unit cannot be commended.
std::optional<std::string> EndedBefore(const store::units::UnitRow& unit, Date day) {
  if (!unit.valid_to || *unit.valid_to >= day) return std::nullopt;
  return "Đơn vị đã hết hiệu lực từ " + unit.valid_to->AddDays(1).Vietnamese() + ", trước ngày quyết định.";
}

Status CheckRevokeRole(const Actor& actor) {
  if (actor.role == Role::kOffice || actor.role == Role::kOfficeLead) return Status::Ok();
  return PermissionDenied("Chỉ Ban Thi đua – Khen thưởng được thu hồi khen thưởng.");
}

// ---- the award catalogue ----

Result<std::vector<domain::AwardTypeRecord>> RecordService::AwardTypes(const Actor& actor) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<std::vector<domain::AwardTypeRecord>>(ctx_, [](store::Conn& conn, auto& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(out, store::awards::Types(conn));
    return Status::Ok();
  });
}

Result<domain::AwardTypeRecord> RecordService::AddAwardType(const Actor& actor,
                                                            const domain::RawFields& fields) {
  if (actor.role != Role::kAdmin)
    return PermissionDenied("Chỉ quản trị hệ thống được thêm vào danh mục khen thưởng.");
  THIDUA_ASSIGN_OR_RETURN(domain::AwardTypeRecord type, domain::ParseAwardType(fields));
  auto order = fields.find("sort_order");
  bool last = order == fields.end() || order->second.empty();
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    if (last) {
      THIDUA_ASSIGN_OR_RETURN(std::vector<domain::AwardTypeRecord> types, store::awards::Types(conn));
      for (const auto& t : types) type.sort_order = std::max(type.sort_order, t.sort_order + 10);
    }
    THIDUA_RETURN_IF_ERROR(store::awards::InsertType(conn, type));
    return RecordAudit(conn, ctx_, actor, "award_type.create", "award_type", type.code, std::nullopt,
                       domain::ToRaw(type));
  });
  if (!status.ok()) return status;
  return type;
}

Result<store::records::RecordQuery> RecordService::ToQuery(store::Conn& conn, const Actor& actor,
                                                           const RecordListRequest& request) {
  Date today = ctx_.clock.Today();
  store::records::RecordQuery query;
  query.list = ToListQuery(request.list, today);
  query.list.scope = ScopeRoot(actor);
  if (!request.list.within_unit.empty()) {
    THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow unit, VisibleUnit(conn, actor, request.list.within_unit));
    query.list.within = unit.id;
  }
  if (!request.person_code.empty()) {
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow person,
                            VisiblePerson(conn, actor, request.person_code, today));
    query.person = person.id;
  }
  if (!request.subject_type.empty() && domain::Rank(domain::SubjectTypes(), request.subject_type) < 0) {
    return Status(InvalidArgument("Dữ liệu không hợp lệ."))
        .WithField("subject_type", "Đối tượng phải là person, unit hoặc household.");
  }
  query.year = request.year;
  query.subject_type = request.subject_type;
  query.award_code = request.award_code;
  return query;
}

// ---- evaluations ----

Result<Saved<EvaluationRow>> RecordService::RecordEvaluation(const Actor& actor,
                                                             const domain::RawFields& fields) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  Date today = ctx_.clock.Today();
  THIDUA_ASSIGN_OR_RETURN(domain::EvaluationRecord evaluation, domain::ParseEvaluation(fields, today));
  Saved<EvaluationRow> saved;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(Subject subject, WritableSubject(conn, actor, evaluation.subject_type,
                                                             evaluation.subject_code, today));
    THIDUA_ASSIGN_OR_RETURN(std::optional<EvaluationRow> existing,
                            store::records::FindEvaluation(conn, subject, evaluation.year));
    int64_t now = ctx_.clock.NowMillis();
    EvaluationId id;
    if (existing) {
      id = existing->id;
      if (existing->rating != evaluation.rating) {
        THIDUA_RETURN_IF_ERROR(store::records::UpdateEvaluationRating(conn, id, evaluation.rating, now));
        THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "evaluation.update", evaluation.subject_type,
                                           evaluation.subject_code, domain::ToRaw(existing->ToRecord()),
                                           domain::ToRaw(evaluation)));
      }
    } else {
      THIDUA_ASSIGN_OR_RETURN(
          id, store::records::InsertEvaluation(conn, subject, evaluation.year, evaluation.rating, now));
      THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "evaluation.create", evaluation.subject_type,
                                         evaluation.subject_code, std::nullopt, domain::ToRaw(evaluation)));
      saved.created = true;
    }
    THIDUA_ASSIGN_OR_RETURN(std::optional<EvaluationRow> row, store::records::FindEvaluationById(conn, id));
    saved.row = std::move(*row);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return saved;
}

Result<EvaluationRow> RecordService::GetEvaluation(const Actor& actor, EvaluationId id) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  Date today = ctx_.clock.Today();
  return ReadInto<EvaluationRow>(ctx_, [&](store::Conn& conn, EvaluationRow& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(std::optional<EvaluationRow> row, store::records::FindEvaluationById(conn, id));
    if (!row) return NotFound("Không tìm thấy xếp loại.");
    THIDUA_ASSIGN_OR_RETURN(bool visible, SubjectVisible(conn, actor, {row->person, row->unit}, today));
    if (!visible) return NotFound("Không tìm thấy xếp loại.");
    out = std::move(*row);
    return Status::Ok();
  });
}

Result<store::Page<EvaluationRow>> RecordService::ListEvaluations(const Actor& actor,
                                                                  const RecordListRequest& request) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<store::Page<EvaluationRow>>(ctx_, [&](store::Conn& conn, auto& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::records::RecordQuery query, ToQuery(conn, actor, request));
    THIDUA_ASSIGN_OR_RETURN(out, store::records::ListEvaluations(conn, query));
    return Status::Ok();
  });
}

// ---- initiatives ----

Result<InitiativeRow> RecordService::CreateInitiative(const Actor& actor, const domain::RawFields& fields) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  Date today = ctx_.clock.Today();
  THIDUA_ASSIGN_OR_RETURN(domain::InitiativeRecord initiative, domain::ParseInitiative(fields, today));
  InitiativeRow created;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    std::vector<PersonId> authors;
    std::string missing;
    for (const std::string& code : initiative.author_codes) {
      Result<store::people::PersonRow> person = VisiblePerson(conn, actor, code, today);
      if (person.ok())
        authors.push_back(person->id);
      else if (person.status().code() == Code::kNotFound)
        missing += (missing.empty() ? "" : ", ") + code;
      else
        return person.status();
    }
    if (!missing.empty()) {
      std::string message = "Không tìm thấy tác giả" + InScopeSuffix(actor) + ": " + missing + ".";
      return Status(InvalidArgument(message)).WithField("author_codes", message);
    }
    THIDUA_RETURN_IF_ERROR(
        store::records::InsertInitiative(conn, initiative, authors, ctx_.clock.NowMillis()).status());
    THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "initiative.create", "initiative", initiative.code,
                                       std::nullopt, domain::ToRaw(initiative)));
    THIDUA_ASSIGN_OR_RETURN(std::optional<InitiativeRow> row,
                            store::records::FindInitiative(conn, initiative.code));
    created = std::move(*row);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return created;
}

Result<InitiativeRow> RecordService::GetInitiative(const Actor& actor, const std::string& code) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  Date today = ctx_.clock.Today();
  return ReadInto<InitiativeRow>(ctx_, [&](store::Conn& conn, InitiativeRow& out) -> Status {
    Status missing = NotFound("Không tìm thấy sáng kiến \"" + code + "\".");
    THIDUA_ASSIGN_OR_RETURN(std::optional<InitiativeRow> row, store::records::FindInitiative(conn, code));
    if (!row) return missing;
    bool visible = false;
    for (const auto& author : row->authors) {
      THIDUA_ASSIGN_OR_RETURN(visible, PersonInScope(conn, actor, author.id, today));
      if (visible) break;
    }
    if (!visible) return missing;
    out = std::move(*row);
    return Status::Ok();
  });
}

Result<store::Page<InitiativeRow>> RecordService::ListInitiatives(const Actor& actor,
                                                                  const RecordListRequest& request) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<store::Page<InitiativeRow>>(ctx_, [&](store::Conn& conn, auto& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::records::RecordQuery query, ToQuery(conn, actor, request));
    THIDUA_ASSIGN_OR_RETURN(out, store::records::ListInitiatives(conn, query));
    return Status::Ok();
  });
}

// ---- disciplines ----

Result<DisciplineRow> RecordService::CreateDiscipline(const Actor& actor, const domain::RawFields& fields) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  Date today = ctx_.clock.Today();
  THIDUA_ASSIGN_OR_RETURN(domain::DisciplineRecord discipline, domain::ParseDiscipline(fields, today));
  DisciplineRow created;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow person,
                            AsFieldError(VisiblePerson(conn, actor, discipline.person_code, today), actor,
                                         "person_code", "cá nhân \"" + discipline.person_code + "\""));
    THIDUA_ASSIGN_OR_RETURN(DisciplineId id, store::records::InsertDiscipline(conn, person.id, discipline,
                                                                              ctx_.clock.NowMillis()));
    THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "discipline.create", "person", person.code,
                                       std::nullopt, domain::ToRaw(discipline)));
    THIDUA_ASSIGN_OR_RETURN(std::optional<DisciplineRow> row, store::records::FindDisciplineById(conn, id));
    created = std::move(*row);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return created;
}

Result<DisciplineRow> RecordService::GetDiscipline(const Actor& actor, DisciplineId id) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  Date today = ctx_.clock.Today();
  return ReadInto<DisciplineRow>(ctx_, [&](store::Conn& conn, DisciplineRow& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(std::optional<DisciplineRow> row, store::records::FindDisciplineById(conn, id));
    if (!row) return NotFound("Không tìm thấy kỷ luật.");
    THIDUA_ASSIGN_OR_RETURN(bool visible, PersonInScope(conn, actor, row->person, today));
    if (!visible) return NotFound("Không tìm thấy kỷ luật.");
    out = std::move(*row);
    return Status::Ok();
  });
}

Result<store::Page<DisciplineRow>> RecordService::ListDisciplines(const Actor& actor,
                                                                  const RecordListRequest& request) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<store::Page<DisciplineRow>>(ctx_, [&](store::Conn& conn, auto& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::records::RecordQuery query, ToQuery(conn, actor, request));
    THIDUA_ASSIGN_OR_RETURN(out, store::records::ListDisciplines(conn, query));
    return Status::Ok();
  });
}

// ---- awards ----

Result<store::awards::Target> RecordService::ResolveAwardTarget(store::Conn& conn, const Actor& actor,
                                                                const domain::AwardRecord& award) {
  Date today = ctx_.clock.Today();
  store::awards::Target target;
  if (award.subject_type == "person") {
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow person,
                            AsFieldError(VisiblePerson(conn, actor, award.subject_code, today), actor,
                                         "subject_code", "cá nhân \"" + award.subject_code + "\""));
    target.person = person.id;
    target.subject_name = person.full_name;
    THIDUA_ASSIGN_OR_RETURN(std::vector<store::people::MembershipRow> memberships,
                            store::people::Memberships(conn, person.id));
    // DOMAIN.md: an award is attributed to the unit the person belonged to on the decision date.
    if (std::optional<store::people::MembershipRow> m = MembershipOn(memberships, award.decision_date)) {
      target.unit = m->unit;
      target.unit_name = m->unit_name;
    }
    return target;
  }
  bool household = award.subject_type == "household";
  const std::string& code = household ? award.unit_code : award.subject_code;
  const char* field = household ? "unit_code" : "subject_code";
  if (household && code.empty()) {
    if (!ScopeRoot(actor)) return target;
    return Status(InvalidArgument("Dữ liệu không hợp lệ."))
        .WithField("unit_code", "Bắt buộc nhập đơn vị (xã, phường) của hộ gia đình thuộc phạm vi của bạn.");
  }
  THIDUA_ASSIGN_OR_RETURN(store::units::UnitRow unit, AsFieldError(VisibleUnit(conn, actor, code), actor,
                                                                   field, "đơn vị \"" + code + "\""));
  if (std::optional<std::string> ended = EndedBefore(unit, award.decision_date); ended && !household) {
    return Status(InvalidArgument(*ended)).WithField("subject_code", *ended);
  }
  target.unit = unit.id;
  target.unit_name = unit.name;
  target.subject_name = unit.name;
  return target;
}

Result<AwardRow> RecordService::VisibleAward(store::Conn& conn, const Actor& actor, AwardId id) {
  THIDUA_ASSIGN_OR_RETURN(std::optional<AwardRow> award, store::awards::FindById(conn, id));
  if (!award) return AwardNotFound();
  std::optional<UnitId> root = ScopeRoot(actor);
  if (!root) return *award;
  bool visible = false;
  if (award->unit) {
    THIDUA_ASSIGN_OR_RETURN(visible, store::units::InSubtree(conn, *root, *award->unit));
  }
  if (!visible && award->person) {
    THIDUA_ASSIGN_OR_RETURN(visible, PersonInScope(conn, actor, *award->person, ctx_.clock.Today()));
  }
  if (!visible) return AwardNotFound();
  return *award;
}

Result<AwardRow> RecordService::CreateAward(const Actor& actor, const domain::RawFields& fields) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  AwardRow created;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(std::vector<domain::AwardTypeRecord> types, store::awards::Types(conn));
    THIDUA_ASSIGN_OR_RETURN(domain::AwardRecord award, domain::ParseAward(fields, types, ctx_.clock.Today()));
    if (award.revoked && !MayRecordRevoked(actor)) {
      return PermissionDenied("Chỉ Ban Thi đua – Khen thưởng được ghi nhận khen thưởng đã bị thu hồi.");
    }
    THIDUA_ASSIGN_OR_RETURN(store::awards::Target target, ResolveAwardTarget(conn, actor, award));
    THIDUA_ASSIGN_OR_RETURN(AwardId id, store::awards::Insert(conn, award, target, ctx_.clock.NowMillis()));
    THIDUA_ASSIGN_OR_RETURN(std::optional<AwardRow> row, store::awards::FindById(conn, id));
    created = std::move(*row);
    return RecordAudit(conn, ctx_, actor, "award.create", "award", std::to_string(id.value()), std::nullopt,
                       domain::ToRaw(created.ToRecord()));
  });
  if (!status.ok()) return status;
  return created;
}

Result<AwardRow> RecordService::GetAward(const Actor& actor, AwardId id) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<AwardRow>(ctx_, [&](store::Conn& conn, AwardRow& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(out, VisibleAward(conn, actor, id));
    return Status::Ok();
  });
}

Result<store::Page<AwardRow>> RecordService::ListAwards(const Actor& actor,
                                                        const RecordListRequest& request) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<store::Page<AwardRow>>(ctx_, [&](store::Conn& conn, auto& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::records::RecordQuery query, ToQuery(conn, actor, request));
    THIDUA_ASSIGN_OR_RETURN(out, store::awards::List(conn, query));
    return Status::Ok();
  });
}

Result<AwardRow> RecordService::UpdateAward(const Actor& actor, AwardId id, const domain::RawFields& patch) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kWrite));
  AwardRow updated;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(AwardRow existing, VisibleAward(conn, actor, id));
    if (existing.revoked) return FailedPrecondition("Khen thưởng đã bị thu hồi, không thể sửa.");
    domain::AwardRecord before = existing.ToRecord();
    domain::RawFields raw = domain::ToRaw(before);
    for (const auto& [key, value] : patch) {
      if ((key == "subject_type" || key == "subject_code") && value != raw[key]) {
        return Status(InvalidArgument("Dữ liệu không hợp lệ."))
            .WithField(key, "Không thể đổi đối tượng được khen thưởng.");
      }
      if (key != "unit_code" || existing.subject_type == "household") raw[key] = value;
    }
    THIDUA_ASSIGN_OR_RETURN(std::vector<domain::AwardTypeRecord> types, store::awards::Types(conn));
    THIDUA_ASSIGN_OR_RETURN(domain::AwardRecord award, domain::ParseAward(raw, types, ctx_.clock.Today()));
    if (award.revoked) {
      // A patch that revokes does only that: the reason is all it records.
      THIDUA_ASSIGN_OR_RETURN(updated, Revoke(conn, actor, existing, award.revoke_reason));
      return Status::Ok();
    }
    store::awards::Target target{existing.person, existing.unit, existing.unit_name, existing.subject_name};
    // The attribution follows the decision date; otherwise the names stay as they were recorded.
    if (award.decision_date != before.decision_date || award.unit_code != before.unit_code) {
      THIDUA_ASSIGN_OR_RETURN(target, ResolveAwardTarget(conn, actor, award));
    }
    THIDUA_RETURN_IF_ERROR(store::awards::Update(conn, id, award, target, ctx_.clock.NowMillis()));
    THIDUA_ASSIGN_OR_RETURN(std::optional<AwardRow> row, store::awards::FindById(conn, id));
    updated = std::move(*row);
    return RecordAudit(conn, ctx_, actor, "award.update", "award", std::to_string(id.value()),
                       domain::ToRaw(before), domain::ToRaw(updated.ToRecord()));
  });
  if (!status.ok()) return status;
  return updated;
}

Result<AwardRow> RecordService::Revoke(store::Conn& conn, const Actor& actor, const AwardRow& award,
                                       const std::string& reason) {
  THIDUA_RETURN_IF_ERROR(CheckRevokeRole(actor));
  THIDUA_RETURN_IF_ERROR(domain::CheckRevokeReason(reason));
  if (award.revoked) return FailedPrecondition("Khen thưởng này đã bị thu hồi.");
  THIDUA_RETURN_IF_ERROR(store::awards::Revoke(conn, award.id, std::string(reason), ctx_.clock.NowMillis()));
  THIDUA_ASSIGN_OR_RETURN(std::optional<AwardRow> row, store::awards::FindById(conn, award.id));
  THIDUA_RETURN_IF_ERROR(RecordAudit(conn, ctx_, actor, "award.revoke", "award",
                                     std::to_string(award.id.value()), domain::ToRaw(award.ToRecord()),
                                     domain::ToRaw(row->ToRecord())));
  return std::move(*row);
}

Result<AwardRow> RecordService::RevokeAward(const Actor& actor, AwardId id, const std::string& reason) {
  THIDUA_RETURN_IF_ERROR(CheckRevokeRole(actor));
  THIDUA_RETURN_IF_ERROR(domain::CheckRevokeReason(reason));
  AwardRow revoked;
  Status status = ctx_.db.Write([&](store::Conn& conn) -> Status {
    THIDUA_ASSIGN_OR_RETURN(AwardRow existing, VisibleAward(conn, actor, id));
    THIDUA_ASSIGN_OR_RETURN(revoked, Revoke(conn, actor, existing, reason));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return revoked;
}

Result<std::vector<AwardRow>> RecordService::AwardsOf(const Actor& actor, const std::string& person_code) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<std::vector<AwardRow>>(ctx_, [&](store::Conn& conn, auto& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(store::people::PersonRow person,
                            VisiblePerson(conn, actor, person_code, ctx_.clock.Today()));
    THIDUA_ASSIGN_OR_RETURN(out, store::awards::Of(conn, Subject::Of(person.id)));
    return Status::Ok();
  });
}

// ---- histories ----

Result<PersonRecords> RecordService::PersonHistory(const Actor& actor, const std::string& person_code) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<PersonRecords>(ctx_, [&](store::Conn& conn, PersonRecords& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(out.person, VisiblePerson(conn, actor, person_code, ctx_.clock.Today()));
    Subject subject = Subject::Of(out.person.id);
    THIDUA_ASSIGN_OR_RETURN(out.evaluations, store::records::EvaluationsOf(conn, subject));
    THIDUA_ASSIGN_OR_RETURN(out.initiatives, store::records::InitiativesOf(conn, out.person.id));
    THIDUA_ASSIGN_OR_RETURN(out.disciplines, store::records::DisciplinesOf(conn, out.person.id));
    THIDUA_ASSIGN_OR_RETURN(out.awards, store::awards::Of(conn, subject));
    return Status::Ok();
  });
}

Result<UnitRecords> RecordService::UnitHistory(const Actor& actor, const std::string& unit_code) {
  THIDUA_RETURN_IF_ERROR(CheckRecordsRole(actor, Access::kRead));
  return ReadInto<UnitRecords>(ctx_, [&](store::Conn& conn, UnitRecords& out) -> Status {
    THIDUA_ASSIGN_OR_RETURN(out.unit, VisibleUnit(conn, actor, unit_code));
    Subject subject = Subject::Of(out.unit.id);
    THIDUA_ASSIGN_OR_RETURN(out.evaluations, store::records::EvaluationsOf(conn, subject));
    THIDUA_ASSIGN_OR_RETURN(out.awards, store::awards::Of(conn, subject));
    THIDUA_ASSIGN_OR_RETURN(out.member_awards, store::awards::AttributedTo(conn, out.unit.id, 200));
    return Status::Ok();
  });
}

}  // namespace thidua::service
