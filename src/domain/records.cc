#include "domain/records.h"

#include "domain/raw_fields.h"

namespace thidua::domain {

const std::vector<Option>& UnitKinds() {
  static const std::vector<Option> kinds = {
      {"ubnd_tinh", "UBND tỉnh"},
      {"so_ban_nganh", "Sở, ban, ngành"},
      {"phong_ban", "Phòng, ban chuyên môn"},
      {"ubnd_xa", "UBND xã"},
      {"ubnd_phuong", "UBND phường"},
      {"ubnd_huyen", "UBND huyện (trước 01/07/2025)"},
      {"don_vi_su_nghiep", "Đơn vị sự nghiệp"},
      {"doanh_nghiep", "Doanh nghiệp"},
      {"co_quan_dang_doan_the", "Cơ quan Đảng, đoàn thể"},
  };
  return kinds;
}

const std::vector<Option>& UnitFields() {
  static const std::vector<Option> fields = {
      {"quan_ly_nha_nuoc", "Quản lý nhà nước"},
      {"giao_duc", "Giáo dục và đào tạo"},
      {"y_te", "Y tế"},
      {"nong_nghiep", "Nông nghiệp và môi trường"},
      {"kinh_te", "Kinh tế, tài chính"},
      {"xay_dung_giao_thong", "Xây dựng, giao thông"},
      {"khoa_hoc_cong_nghe", "Khoa học và công nghệ"},
      {"van_hoa_the_thao", "Văn hóa, thể thao và du lịch"},
      {"quoc_phong_an_ninh", "Quốc phòng, an ninh"},
      {"tu_phap", "Tư pháp"},
      {"xa_hoi", "Lao động, xã hội"},
  };
  return fields;
}

const std::vector<Option>& Genders() {
  static const std::vector<Option> genders = {{"nam", "Nam"}, {"nu", "Nữ"}, {"khac", "Khác"}};
  return genders;
}

const std::vector<Option>& LineageKinds() {
  static const std::vector<Option> kinds = {
      {"renamed", "Đổi tên"},
      {"merged_into", "Sáp nhập vào"},
      {"split_from", "Chia tách từ"},
      {"dissolved", "Giải thể"},
  };
  return kinds;
}

std::string_view LabelOf(const std::vector<Option>& catalogue, std::string_view code) {
  for (const Option& o : catalogue) {
    if (o.code == code) return o.label;
  }
  return code;
}

bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > 40) return false;
  auto alnum = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  // Codes are path segments of the API and the screens: no '/', and never "." or "..".
  if (!alnum(code.front())) return false;
  for (char c : code) {
    if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
  }
  return true;
}

bool Overlaps(const Interval& a, const Interval& b) {
  bool a_before_b = a.to && *a.to < b.from;
  bool b_before_a = b.to && *b.to < a.from;
  return !a_before_b && !b_before_a;
}

Result<UnitRecord> ParseUnit(const RawFields& raw) {
  FieldErrors errors;
  UnitRecord unit;
  unit.code = GetField(raw, "code");
  RequireCode(unit.code, "code", errors);
  unit.name = TextField(raw, "name", errors);
  RequireName(unit.name, "name", errors);
  unit.parent_code = GetField(raw, "parent_code");
  OptionalCode(unit.parent_code, "parent_code", errors);
  if (!unit.parent_code.empty() && unit.parent_code == unit.code) {
    errors.Add("parent_code", "Đơn vị không thể trực thuộc chính nó.");
  }
  unit.kind = GetField(raw, "kind");
  if (unit.kind.empty()) errors.Add("kind", "Bắt buộc chọn loại đơn vị.");
  else if (!InCatalogue(UnitKinds(), unit.kind)) errors.Add("kind", "Loại đơn vị không có trong danh mục: \"" + unit.kind + "\".");
  unit.field = GetField(raw, "field");
  if (!unit.field.empty() && !InCatalogue(UnitFields(), unit.field)) {
    errors.Add("field", "Lĩnh vực không có trong danh mục: \"" + unit.field + "\".");
  }
  unit.valid_from = OptionalDateField(raw, "valid_from", errors);
  unit.valid_to = OptionalDateField(raw, "valid_to", errors);
  if (unit.valid_from && unit.valid_to && *unit.valid_to < *unit.valid_from) {
    errors.Add("valid_to", "Ngày hết hiệu lực phải sau ngày bắt đầu.");
  }
  if (!errors.empty()) return errors.Take();
  return unit;
}

RawFields ToRaw(const UnitRecord& unit) {
  return {{"code", unit.code},
          {"name", unit.name},
          {"parent_code", unit.parent_code},
          {"kind", unit.kind},
          {"field", unit.field},
          {"valid_from", unit.valid_from ? unit.valid_from->Iso() : ""},
          {"valid_to", unit.valid_to ? unit.valid_to->Iso() : ""}};
}

Result<UnitEventRecord> ParseUnitEvent(const RawFields& raw) {
  FieldErrors errors;
  UnitEventRecord event;
  event.unit_code = GetField(raw, "unit_code");
  RequireCode(event.unit_code, "unit_code", errors);
  event.kind = GetField(raw, "kind");
  if (!InCatalogue(LineageKinds(), event.kind)) errors.Add("kind", "Loại sự kiện không hợp lệ.");
  std::optional<Date> date = OptionalDateField(raw, "date", errors);
  if (date) event.date = *date;
  else if (GetField(raw, "date").empty()) errors.Add("date", "Bắt buộc nhập ngày.");
  event.legal_act = TextField(raw, "legal_act", errors);
  if (event.legal_act.empty()) errors.Add("legal_act", "Bắt buộc nêu văn bản pháp lý (số, ngày, cơ quan ban hành).");
  else if (event.legal_act.size() > 1000) errors.Add("legal_act", "Văn bản pháp lý quá dài.");
  event.related_unit_code = GetField(raw, "related_unit_code");
  OptionalCode(event.related_unit_code, "related_unit_code", errors);
  bool needs_related = event.kind == "merged_into" || event.kind == "split_from";
  if (needs_related && event.related_unit_code.empty()) {
    errors.Add("related_unit_code", "Bắt buộc chọn đơn vị liên quan.");
  }
  if (!event.related_unit_code.empty() && event.related_unit_code == event.unit_code) {
    errors.Add("related_unit_code", "Đơn vị liên quan phải khác đơn vị này.");
  }
  event.note = TextField(raw, "note", errors);
  if (!errors.empty()) return errors.Take();
  return event;
}

Result<PersonRecord> ParsePerson(const RawFields& raw, Date today) {
  FieldErrors errors;
  PersonRecord person;
  person.code = GetField(raw, "code");
  RequireCode(person.code, "code", errors);
  person.full_name = TextField(raw, "full_name", errors);
  if (person.full_name.empty()) errors.Add("full_name", "Bắt buộc nhập họ và tên.");
  else if (person.full_name.size() > kMaxNameBytes) errors.Add("full_name", "Họ và tên quá dài.");
  person.gender = GetField(raw, "gender");
  if (person.gender.empty()) errors.Add("gender", "Bắt buộc chọn giới tính (nam, nu, khac).");
  else if (!InCatalogue(Genders(), person.gender)) {
    errors.Add("gender", "Giới tính phải là nam, nu hoặc khac (nhận được \"" + person.gender + "\").");
  }
  person.birth_date = OptionalDateField(raw, "birth_date", errors);
  if (person.birth_date && (*person.birth_date > today || person.birth_date->year() < 1900)) {
    errors.Add("birth_date", "Ngày sinh phải sau năm 1900 và không muộn hơn hôm nay.");
  }
  person.unit_code = GetField(raw, "unit_code");
  OptionalCode(person.unit_code, "unit_code", errors);
  person.position = TextField(raw, "position", errors);
  if (person.position.size() > kMaxNameBytes) errors.Add("position", "Chức vụ quá dài.");
  person.recruited_on = OptionalDateField(raw, "recruited_on", errors);
  if (person.recruited_on && person.birth_date && *person.recruited_on <= *person.birth_date) {
    errors.Add("recruited_on", "Ngày tuyển dụng phải sau ngày sinh.");
  }
  if (!errors.empty()) return errors.Take();
  return person;
}

RawFields ToRaw(const PersonRecord& person) {
  return {{"code", person.code},
          {"full_name", person.full_name},
          {"gender", person.gender},
          {"birth_date", person.birth_date ? person.birth_date->Iso() : ""},
          {"unit_code", person.unit_code},
          {"position", person.position},
          {"recruited_on", person.recruited_on ? person.recruited_on->Iso() : ""}};
}

Result<MembershipRecord> ParseMembership(const RawFields& raw) {
  FieldErrors errors;
  MembershipRecord membership;
  membership.person_code = GetField(raw, "person_code");
  RequireCode(membership.person_code, "person_code", errors);
  membership.unit_code = GetField(raw, "unit_code");
  RequireCode(membership.unit_code, "unit_code", errors);
  std::optional<Date> from = OptionalDateField(raw, "from", errors);
  if (from) membership.from = *from;
  else if (GetField(raw, "from").empty()) errors.Add("from", "Bắt buộc nhập ngày bắt đầu.");
  membership.to = OptionalDateField(raw, "to", errors);
  if (from && membership.to && *membership.to < *from) {
    errors.Add("to", "Ngày kết thúc không được trước ngày bắt đầu.");
  }
  if (!errors.empty()) return errors.Take();
  return membership;
}

Status CheckParent(std::string_view code, std::string_view parent_code,
                   const std::vector<std::string>& ancestors_of_parent) {
  if (parent_code.empty()) return Status::Ok();
  bool cycle = parent_code == code;
  for (const std::string& ancestor : ancestors_of_parent) cycle = cycle || ancestor == code;
  if (!cycle) return Status::Ok();
  Status status = InvalidArgument("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.");
  status.WithField("parent_code", "Đơn vị cấp trên không được là chính đơn vị này hoặc đơn vị cấp dưới của nó.");
  return status;
}

}  // namespace thidua::domain
