// The province's settings as stored: key → text (service/settings_service.h gives them meaning).
#pragma once

#include <map>
#include <string>

#include "base/result.h"
#include "store/db.h"

namespace thidua::store::settings {

// Every stored key and its value (keys left at their default have no row).
Result<std::map<std::string, std::string>> All(Conn& conn);
// Inserts or replaces one key.
Status Put(Conn& conn, const std::string& key, const std::string& value, int64_t now_ms,
           const std::string& updated_by);

}  // namespace thidua::store::settings
