// GenerateDemoRecords: ten years (2016–2025) of evaluations, initiatives, disciplines and awards for
// the demo province, internal to GenerateDemoProvince (demo_province.h says what the CSV texts hold).
//
// Records are made year by year in order. Ratings, disciplines and initiatives are drawn; awards are
// decided by the rules engine (domain/eligibility.h) on the records made so far, with the shipped
// rule book: the set in force on 31 December of the year, or for years before 01/01/2024, which no
// shipped set covers, the earliest set. Pure and deterministic (own PRNG, no clock, no I/O);
// thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"

namespace thidua::demo::internal {

inline constexpr int kFirstRecordYear = 2016;
inline constexpr int kLastRecordYear = 2025;

// A unit as the records need it. Indexes refer to the vector the unit is in.
struct UnitView {
  std::string code;
  std::string name;
  std::string kind;   // units.kind ("phong_ban", "ubnd_xa", …)
  std::string field;  // units.field ("giao_duc", …)
  int parent = -1;    // -1: the root (UBND tỉnh)
  std::optional<Date> valid_from, valid_to;
  std::vector<int> preds;  // units its first staff came from (a unit born in a reform)
  int head = -1;           // the person generated as its head, -1 when none
};

struct MembershipView {
  int unit = 0;
  Date from{1970, 1, 1};
  std::optional<Date> to;
};

struct PersonView {
  std::string code;
  std::string full_name;
  Date recruited{1970, 1, 1};
  std::vector<MembershipView> career;  // in date order, never overlapping
};

struct RecordsCsv {
  std::string evaluations;  // subject_type,subject_code,year,rating
  std::string initiatives;  // code,title,author_codes,scope,recognized_on,recognized_by
  std::string disciplines;  // person_code,level,from,to,pending
  std::string awards;       // subject_type,subject_code,award_code,year,method,decision_no,decision_date,
                            // issuer,revoked,period_from,signer,bonus_amount,revoke_reason,unit_code
};

// REQUIRES: units[0] is the root (UBND tỉnh); every membership lies inside its unit's validity.
// `province` selects the counts of the larger size (thematic awards, pending reviews).
RecordsCsv GenerateDemoRecords(const std::vector<UnitView>& units, const std::vector<PersonView>& people,
                               bool province, uint64_t seed);

}  // namespace thidua::demo::internal
