// All services of the application, built once by app/ over one Context.
#pragma once

#include "service/audit_trail.h"
#include "service/auth_service.h"
#include "service/eligibility_service.h"
#include "service/import_service.h"
#include "service/jobs.h"
#include "service/person_service.h"
#include "service/record_service.h"
#include "service/settings_service.h"
#include "service/unit_service.h"

namespace thidua::service {

struct Services {
  Services(Context ctx, AuthOptions auth_options)
      : ctx(ctx), auth(ctx, auth_options), units(ctx), people(ctx), records(ctx), imports(ctx), audit(ctx), settings(ctx), eligibility(ctx) {}
  Context ctx;
  AuthService auth;
  UnitService units;
  PersonService people;
  RecordService records;
  ImportService imports;
  AuditService audit;
  SettingsService settings;
  EligibilityService eligibility;
  JobRunner jobs;
};

}  // namespace thidua::service
