// Units and their lineage events. Functions take the connection of the caller's Read or
// Write, so a service can compose them in one transaction. No authorisation here: the
// service decides what the caller may see.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/records.h"
#include "store/rows.h"

namespace thidua::store::units {

struct UnitRow {
  UnitId id;
  std::string code;
  std::string name;
  std::optional<UnitId> parent;
  std::string parent_code;
  std::string parent_name;
  std::string kind;
  std::string field;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
  int64_t member_count = 0;  // people with a membership open today (List only)

  domain::UnitRecord ToRecord() const;
};

struct EventRow {
  int64_t id = 0;
  std::string unit_code;
  std::string unit_name;
  std::string kind;
  Date date{1970, 1, 1};
  std::string legal_act;
  std::string related_unit_code;
  std::string related_unit_name;
  std::string note;
};

Result<std::optional<UnitRow>> FindByCode(Conn& conn, const std::string& code);
Result<std::optional<UnitRow>> FindById(Conn& conn, UnitId id);
// Inserts or, when `code` exists, returns kAlreadyExists.
Result<UnitId> Insert(Conn& conn, const domain::UnitRecord& unit, std::optional<UnitId> parent, int64_t now_ms);
Status Update(Conn& conn, UnitId id, const domain::UnitRecord& unit, std::optional<UnitId> parent, int64_t now_ms);
// Sort keys: "name" (Vietnamese order), "code", "kind". Filters by words over name and code.
Result<Page<UnitRow>> List(Conn& conn, const ListQuery& query);
// Every unit, parents before children where possible (for the tree); scope limits to a subtree.
Result<std::vector<UnitRow>> All(Conn& conn, std::optional<UnitId> scope);
// Codes of the unit's ancestors, nearest first.
Result<std::vector<std::string>> AncestorCodes(Conn& conn, UnitId id);
// True if `unit` is `root` or one of its descendants.
Result<bool> InSubtree(Conn& conn, UnitId root, UnitId unit);
Result<std::vector<UnitRow>> Children(Conn& conn, UnitId id);

Result<int64_t> InsertEvent(Conn& conn, UnitId unit, const domain::UnitEventRecord& event,
                            std::optional<UnitId> related);
// Events in which the unit is the subject or the related unit, oldest first.
Result<std::vector<EventRow>> Events(Conn& conn, UnitId unit);

}  // namespace thidua::store::units
