#include "store/settings_repo.h"

namespace thidua::store::settings {

Result<std::map<std::string, std::string>> All(Conn& conn) {
  THIDUA_ASSIGN_OR_RETURN(Rows rows, conn.Query("SELECT key, value FROM province_settings ORDER BY key"));
  std::map<std::string, std::string> out;
  for (const Row& row : rows) out[row.Text(0)] = row.Text(1);
  return out;
}

Status Put(Conn& conn, const std::string& key, const std::string& value, int64_t now_ms,
           const std::string& updated_by) {
  Result<int64_t> changed = conn.Exec(
      "INSERT INTO province_settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
      "updated_by = excluded.updated_by",
      {key, value, now_ms, updated_by});
  return changed.status();
}

}  // namespace thidua::store::settings
