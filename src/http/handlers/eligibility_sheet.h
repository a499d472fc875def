// The spreadsheet of "who qualifies in year Y for award X": one row per eligible subject, with the
// conditions it meets and their legal basis as text. The staff screen's export
// (/quan-ly/xet-khen-thuong/xuat.xlsx, one award) and `thidua export eligibility` (every award, one
// sheet with an award column) both write it. Pure; thread-safe.
#pragma once

#include <string>

#include "render/xlsx_writer.h"
#include "service/eligibility_service.h"

namespace thidua::http {

// An empty sheet with the header row: STT, Mã, `name_label`, Đơn vị, Lĩnh vực, Danh hiệu, Năm, Bộ quy tắc,
// Căn cứ, điều kiện.
render::Sheet EligibilitySheet(std::string title, std::string name_label);
// Appends `list.items` (numbered on from the rows already there).
void AppendEligibilityRows(const service::EligibilityList& list, render::Sheet& sheet);
// The award as people read it: "Chiến sĩ thi đua cơ sở", with "(cá nhân)"/"(tập thể)" for an award of both.
std::string AwardTitle(const std::string& award, domain::SubjectType subject);
// A verdict's conditions as lines: "Đạt: text (facts) — Căn cứ: basis".
std::string ConditionsText(const domain::AwardVerdict& verdict);

}  // namespace thidua::http
