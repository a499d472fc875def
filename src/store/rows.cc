#include "store/rows.h"

namespace thidua::store {

std::optional<Date> ParseDateCell(const Row& row, size_t i) {
  if (row.IsNull(i)) return std::nullopt;
  return Date::Parse(row.Text(i));
}

Value DateValue(const std::optional<Date>& date) {
  if (!date) return Null();
  return date->Iso();
}

std::string SubtreeCte(const std::string& name, int param_index) {
  return name + "(id) AS (SELECT id FROM units WHERE id = $" + std::to_string(param_index) +
         " UNION ALL SELECT u.id FROM units u JOIN " + name + " s ON u.parent_id = s.id)";
}

}  // namespace thidua::store
