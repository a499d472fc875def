// Row types the repositories return, and helpers shared by them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/ids.h"
#include "store/db.h"

namespace thidua::store {

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

// A list query shared by list screens and the API: folded search words, sort, paging and
// an optional scope (the subtree of a unit).
struct ListQuery {
  std::vector<std::string> words;  // domain::SearchWords(domain::SearchKey(q))
  std::string sort;                // a column name the repository allows; "" = default
  bool desc = false;
  int64_t limit = 50;
  int64_t offset = 0;
  std::optional<UnitId> scope;     // only records inside this unit's subtree
  std::optional<UnitId> within;    // a filter: only records inside this unit's subtree
  Date today{1970, 1, 1};
  // SQLite: above this many search matches a name-ordered list walks the name index instead of
  // sorting the matches (tests lower it to exercise both plans).
  int64_t index_walk_threshold = 1500;
};

std::optional<Date> ParseDateCell(const Row& row, size_t i);
Value DateValue(const std::optional<Date>& date);

// "WITH RECURSIVE name(id) AS (… subtree of $n …)": the ids of a unit and all its descendants.
std::string SubtreeCte(const std::string& name, int param_index);

}  // namespace thidua::store
