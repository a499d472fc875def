// GenerateDemoProvince: a deterministic, realistic demo province for thidua — units with their
// 2025 history, people, memberships, lineage events, demo accounts, and ten years (2016–2025) of
// evaluations, initiatives, disciplines and awards — as import-ready CSV text (the columns of API.md,
// "Imports") plus plain structs.
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
//   * evaluations_csv rates every person for each year of 2016–2025 they had a membership in
//     (ratings persist: about 15% HTXS, 66% HTT, 16% HT, 3% KHT), and every unit with members
//     that exists on 31 December of the year.
//   * initiatives_csv: codes SK-YYYY-NNNNN, unique; one to three authors, co-authors from the
//     same unit; mostly recognised at CO_SO by the author's unit, fewer at TINH by UBND tỉnh,
//     rarely TOAN_QUOC; recognized_by names the decision and its issuer as it was that day.
//   * disciplines_csv: rare (KHIEN_TRACH, CANH_CAO, HA_BAC_LUONG), drawn with poor ratings, and a
//     few pending reviews (pending = 1) opened in the second half of 2025.
//   * awards_csv: decided year by year in order by the rules engine (domain/eligibility.h) on the
//     records made so far, with the shipped rule book — the set in force on 31 December of the
//     year; the years before 01/01/2024, which no shipped set covers, are judged by the earliest
//     set. LDTT goes to everyone eligible, CSTDCS to the best eligible within the CSTDCS quota
//     (Settings{}.cstdcs_quota_percent of the deciding unit's LDTT), CSTD_TINH, BK_TINH, BK_TTG,
//     CSTD_TQ and TTLDXS to a share of the eligible, TTLDTT to every eligible unit. Decisions are
//     dated after the achievement period (early the following year), numbered {n}/QĐ-… in date
//     order per issuer and year, and name the issuer as it was on that date; a person's award is
//     attributed by the import to the unit of their membership on the decision date. Also a few
//     thematic (CHUYEN_DE) and sudden (DOT_XUAT) BK_TINH and GK, and two revoked awards (a CSTDCS
//     of 2023, a BK_TINH of 2021) that later years no longer count on. Never two awards with the
//     same subject, award code and year.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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
  std::string evaluations_csv;  // subject_type,subject_code,year,rating
  std::string initiatives_csv;  // code,title,author_codes,scope,recognized_on,recognized_by
  std::string disciplines_csv;  // person_code,level,from,to,pending
  // subject_type,subject_code,award_code,year,method,decision_no,decision_date,issuer,revoked,
  // period_from,signer,bonus_amount,revoke_reason,unit_code
  std::string awards_csv;
  std::vector<LineageEvent> lineage;
  std::vector<Account> accounts;
};

// CSV text is UTF-8 (NFC, no BOM), RFC 4180: a header row, CRLF line ends, fields quoted only
// when they hold a comma, a quote or a line break; dates are YYYY-MM-DD, empty when absent.
DemoProvince GenerateDemoProvince(DemoSize size, uint64_t seed = 2025);

// "Thanh Lâm", without generating anything (for a demo that restarts on its existing database).
std::string_view DemoProvinceName();

}  // namespace thidua::demo
