// A list request as the HTTP layer hands it to a service: the raw search text, sort, paging
// and an optional unit filter by code.
#pragma once

#include <string>

#include "store/rows.h"

namespace thidua::service {

struct ListRequest {
  std::string q;
  std::string sort;
  bool desc = false;
  int64_t page = 1;
  int64_t per_page = 50;
  std::string within_unit;  // unit code filter ("" = none)
};

// Clamps page ≥ 1 and per_page to 1..500, folds q into search words.
store::ListQuery ToListQuery(const ListRequest& request, Date today);

}  // namespace thidua::service
