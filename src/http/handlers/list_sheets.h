// The spreadsheets of the people and awards lists: what the staff screens export
// (/quan-ly/ca-nhan/xuat.xlsx, /quan-ly/khen-thuong/xuat.xlsx) and `thidua export people|awards` write.
// Every page of the list request (at most 200,000 rows), in its order; the caller's scope applies.
// Errors: those of PersonService::List and RecordService::ListAwards.
#pragma once

#include "render/xlsx_writer.h"
#include "service/services.h"

namespace thidua::http {

Result<render::Sheet> PeopleSheet(service::Services& services, const service::Actor& actor,
                                  service::ListRequest list);
Result<render::Sheet> AwardsSheet(service::Services& services, const service::Actor& actor,
                                  service::RecordListRequest list);

}  // namespace thidua::http
