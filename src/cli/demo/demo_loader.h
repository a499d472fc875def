// LoadDemoProvince: writes a generated demo province into an empty database through the same import
// service users use (units, people, memberships, evaluations, initiatives, disciplines, awards, in
// that order; a kind of more than 900,000 rows or 48 MB in several imports, as the import reads at
// most a million rows and 64 MB at once), then its lineage events and demo accounts (password
// "thidua-demo").
//
// Errors: the first failing step's Status; a rejected import row becomes kInternal naming the kind,
// line and column (the generator is wrong if that happens). Not atomic across kinds: the caller
// removes the database on failure. Not thread-safe (it writes through `services`).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "base/result.h"
#include "cli/demo/demo_province.h"
#include "service/services.h"

namespace thidua::demo {

// Called after each kind is written: its import name ("awards"), the rows written and the seconds taken.
using LoadProgress = std::function<void(std::string_view kind, int64_t rows, double seconds)>;

Status LoadDemoProvince(service::Services& services, const DemoProvince& province,
                        const LoadProgress& progress = {});

}  // namespace thidua::demo
