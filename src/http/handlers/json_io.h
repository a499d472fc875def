// JSON in and out for the API handlers: strict parsing of request bodies into the raw fields
// the services take, and the JSON shapes of records. Only .cc files include nlohmann/json.
#pragma once

#include <set>
#include <string>

#include "base/result.h"
#include "domain/records.h"
#include "http/request.h"
#include "http/response.h"

namespace thidua::http {

// Parses a JSON object whose members are strings (or null, read as ""). A body that is not
// JSON, not UTF-8 or not an object is a 400; a member of another type or not in `allowed` is a
// 422 naming the field. Requires Content-Type application/json (else 415).
// On failure `error` holds the response to send. With `scalars`, whole numbers (as decimal text)
// and booleans (as "1"/"0") are accepted too.
std::optional<domain::RawFields> ParseJsonFields(const Request& request, const std::set<std::string>& allowed,
                                                 Response& error, bool scalars = false);

}  // namespace thidua::http
