// The province's own settings (domain/province_settings.h): the shipped defaults, overridden by what
// the province stored. Everyone who reads records may read them (verdicts cite them); the admin and
// the head of the Ban TĐKT change them, each change in one transaction with its audit row.
#pragma once

#include "base/result.h"
#include "domain/province_settings.h"
#include "service/actor.h"
#include "service/context.h"
#include "store/db.h"

namespace thidua::service {

// The settings in force, read in the caller's transaction. A stored value that no longer validates
// (written by hand, or by another version) is kInternal naming the key, never silently ignored.
Result<domain::ProvinceSettings> LoadSettings(store::Conn& conn);

// Whether `actor` may change the settings: the admin and the head of the Ban TĐKT.
bool MayChangeSettings(const Actor& actor);

class SettingsService {
 public:
  explicit SettingsService(Context ctx) : ctx_(ctx) {}
  Result<domain::ProvinceSettings> Get(const Actor& actor);
  // Applies `patch` (keys of SettingInfos(); absent keys keep their value). kInvalidArgument with a
  // message per bad field, and nothing written, when any value is wrong.
  Result<domain::ProvinceSettings> Update(const Actor& actor, const domain::RawFields& patch);

 private:
  Context ctx_;
};

}  // namespace thidua::service
