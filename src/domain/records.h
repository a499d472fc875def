// The foundation's records — units, lineage events, people, memberships — and the one place
// where raw field values (from a form, a JSON body or an import row, all keyed by the import
// column names of API.md) become typed, validated records.
//
// Every Parse* returns kInvalidArgument listing *every* bad field in Status::fields(), with a
// Vietnamese message for each; nothing here does I/O or reads the clock (today is passed in).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace thidua::domain {

using RawFields = std::map<std::string, std::string>;

struct Option {
  std::string_view code;
  std::string_view label;
};
// The catalogues of unit kinds and fields (lĩnh vực), in display order.
const std::vector<Option>& UnitKinds();
const std::vector<Option>& UnitFields();
const std::vector<Option>& Genders();
const std::vector<Option>& LineageKinds();
// The label of a code in a catalogue, or the code itself when unknown.
std::string_view LabelOf(const std::vector<Option>& catalogue, std::string_view code);

struct UnitRecord {
  std::string code;
  std::string name;
  std::string parent_code;  // empty for a root
  std::string kind;
  std::string field;        // may be empty
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
};
Result<UnitRecord> ParseUnit(const RawFields& raw);
RawFields ToRaw(const UnitRecord& unit);

struct UnitEventRecord {
  std::string unit_code;
  std::string kind;  // renamed | merged_into | split_from | dissolved
  Date date{1970, 1, 1};
  std::string legal_act;
  std::string related_unit_code;  // required for merged_into and split_from
  std::string note;
};
// Fields: unit_code, kind, date, legal_act, related_unit_code, note.
Result<UnitEventRecord> ParseUnitEvent(const RawFields& raw);

struct PersonRecord {
  std::string code;
  std::string full_name;
  std::string gender;  // nam | nu | khac
  std::optional<Date> birth_date;
  std::string unit_code;  // the unit of the membership opened on creation (may be empty)
  std::string position;
  std::optional<Date> recruited_on;
};
Result<PersonRecord> ParsePerson(const RawFields& raw, Date today);
RawFields ToRaw(const PersonRecord& person);

struct MembershipRecord {
  std::string person_code;
  std::string unit_code;
  Date from{1970, 1, 1};
  std::optional<Date> to;
};
// Fields: person_code, unit_code, from, to.
Result<MembershipRecord> ParseMembership(const RawFields& raw);

// True if `code` is a valid record code: 1–40 characters of A–Z a–z 0–9 _ . -, starting with a
// letter or digit (codes are path segments of the API and the screens).
bool IsValidCode(std::string_view code);

// A membership interval [from, to] (to empty = still open).
struct Interval {
  Date from;
  std::optional<Date> to;
};
bool Overlaps(const Interval& a, const Interval& b);

// Returns kInvalidArgument (field parent_code) if making `parent_code` the parent of `code` would
// put the unit under itself or its own descendant. `ancestors_of_parent` lists the new parent's
// ancestors' codes, nearest first.
Status CheckParent(std::string_view code, std::string_view parent_code,
                   const std::vector<std::string>& ancestors_of_parent);

}  // namespace thidua::domain
