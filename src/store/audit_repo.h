// The audit log: one row per write, chained by SHA-256 so that an edited or deleted row is
// detected. Append must run inside the transaction of the write it records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/rows.h"

namespace thidua::store::audit {

struct Entry {
  int64_t id = 0;
  int64_t at = 0;  // ms since the epoch
  std::string actor;
  std::string action;     // e.g. "person.create"
  std::string entity;     // e.g. "person"
  std::string entity_id;  // the record's code or id
  std::optional<std::string> before;  // JSON of the record before the write
  std::optional<std::string> after;   // JSON after
  std::string prev_hash;
  std::string hash;
};

// The hash of an entry given the previous row's hash: SHA-256 over length-prefixed fields.
std::string ChainHash(const Entry& entry);

// Appends `entry` (its id, prev_hash and hash are assigned here). Locks the chain's head
// row first, so concurrent appenders on PostgreSQL are serialised.
Result<int64_t> Append(Conn& conn, Entry entry);
// Appends many entries in order with one lock of the head and multi-row inserts (bulk imports).
// Returns the id of the last one (0 when `entries` is empty).
Result<int64_t> AppendMany(Conn& conn, std::vector<Entry> entries);

Result<std::vector<Entry>> ForEntity(Conn& conn, const std::string& entity, const std::string& entity_id,
                                     int64_t limit);
// Newest first.
Result<std::vector<Entry>> Recent(Conn& conn, int64_t limit, int64_t offset);
// The number of rows the chain's head records.
Result<int64_t> Count(Conn& conn);

struct VerifyResult {
  bool ok = true;
  int64_t rows = 0;
  int64_t first_bad_id = 0;  // the first row whose hash or link does not hold
  std::string problem;       // Vietnamese
};
// Walks the whole chain in id order (in batches) and checks every hash, every link and the head.
Result<VerifyResult> Verify(Conn& conn);

}  // namespace thidua::store::audit
