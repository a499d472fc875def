// The province's own settings (DOMAIN.md: quotas, thresholds, the TTLDTT discipline level, Giấy
// khen criteria — what legal-basis.md marks UNCONFIRMED or leaves to the province) as text fields:
// how they are stored (one row per key), edited in a form, sent as JSON and written to the audit log.
//
// Keys are the member names of domain::Settings. Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/eligibility.h"
#include "domain/records.h"

namespace thidua::domain {

enum class SettingKind : uint8_t { kInteger, kBoolean, kText, kDisciplineLevel, kCriteria };

struct SettingInfo {
  std::string_view key;    // "cstdcs_quota_percent"
  SettingKind kind;
  std::string_view label;  // Vietnamese, for the form
  std::string_view help;   // what it governs and its legal basis
  int min = 0;             // kInteger only
  int max = 0;
};

// Every setting, in the order of the settings form.
const std::vector<SettingInfo>& SettingInfos();

// The settings with the text the Giấy khen criteria were written in (the parsed conditions cannot be
// turned back into text).
struct ProvinceSettings {
  Settings settings;
  std::string gk_person_criteria;  // TOML `[[condition]]` tables; "" = decided by people
  std::string gk_unit_criteria;
};

// As text fields: integers in decimal, booleans "0"/"1", criteria as written.
RawFields SettingsToFields(const ProvinceSettings& settings);

// `base` with `fields` applied (a patch: absent keys keep their value). Unknown keys, malformed
// numbers, out-of-range values, unknown discipline levels and criteria that do not parse
// (ParseConditionList) are kInvalidArgument with a Vietnamese message per field; nothing is applied
// then.
Result<ProvinceSettings> ApplySettingsFields(ProvinceSettings base, const RawFields& fields);

}  // namespace thidua::domain
