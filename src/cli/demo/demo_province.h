// GenerateDemoProvince: a deterministic, realistic demo province for thidua — units with their
// 2025 history, people, memberships, lineage events and demo accounts — as import-ready CSV text
// (the columns of API.md, "Imports") plus plain structs.
//
// The province ("Thanh Lâm"), its units, people and every legal act number are fictional. The
// shape is real: two-level local government after 01/07/2025 (districts abolished, communes
// merged), the departments after the mergers of 01/03/2025, a few old districts kept as history.
//
// Output is a pure function of (size, seed): the same bytes on every machine and compiler (own
// PRNG, integer arithmetic only). Nothing here does I/O or reads the clock. Thread-safe: no
// shared state. Generation never fails; the result is self-consistent by construction:
//   * units_csv lists parents before children; units that ended have valid_to, units created
//     by the reforms have valid_from; a unit that survived a reform shows its current parent.
//   * people_csv: unit_code is set only when the person's whole career is one open membership
//     from recruited_on; otherwise it is empty and memberships_csv holds every membership
//     (moves caused by the reforms, transfers, retirement), never overlapping.
//   * Every membership lies inside its unit's validity.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/date.h"

namespace thidua::demo {

enum class DemoSize {
  kSmall,     // ≈ 2,000 people, 25 communes and wards
  kProvince,  // ≈ 100,000 people, 100 communes and wards
};

// One lineage event of a unit (see DOMAIN.md, "Unit"). `date` is the first day of the new
// situation (the day after the old unit's valid_to). Recorded on the unit that ends for
// renamed, merged_into and dissolved (related_unit_code = the successor; "" for dissolved),
// and on the new unit for split_from (related_unit_code = the unit it took a part of).
struct LineageEvent {
  std::string unit_code;
  std::string kind;  // "renamed" | "merged_into" | "split_from" | "dissolved"
  Date date{1970, 1, 1};
  std::string legal_act;
  std::string related_unit_code;  // "" when none
  std::string note;
};

struct Account {
  std::string username;
  std::string role;          // admin | office | office_lead | council | unit_officer | unit_head | editor
  std::string unit_code;     // "" for admin, office and editor
  std::string display_name;  // the full name of a person in people_csv
};

struct DemoProvince {
  std::string province_name;    // "Thanh Lâm"
  std::string units_csv;        // code,name,parent_code,kind,field,valid_from,valid_to
  std::string people_csv;       // code,full_name,gender,birth_date,unit_code,position,recruited_on
  std::string memberships_csv;  // person_code,unit_code,from,to
  std::vector<LineageEvent> lineage;
  std::vector<Account> accounts;
};

// CSV text is UTF-8 (NFC, no BOM), RFC 4180: a header row, CRLF line ends, fields quoted only
// when they hold a comma, a quote or a line break; dates are YYYY-MM-DD, empty when absent.
DemoProvince GenerateDemoProvince(DemoSize size, uint64_t seed = 2025);

}  // namespace thidua::demo
