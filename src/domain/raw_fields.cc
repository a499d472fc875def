#include "domain/raw_fields.h"

#include "base/utf8.h"
#include "domain/text.h"

namespace thidua::domain {

std::string GetField(const RawFields& raw, const char* key) {
  auto it = raw.find(key);
  if (it == raw.end()) return "";
  return std::string(Trim(it->second));
}

// Imports and forms arrive by many doors, so UTF-8 is checked here too.
std::string TextField(const RawFields& raw, const char* key, FieldErrors& errors) {
  std::string value = GetField(raw, key);
  if (!IsValidUtf8(value)) {
    errors.Add(key, "Không phải văn bản UTF-8 hợp lệ.");
    return "";
  }
  return Nfc(value);
}

std::optional<Date> OptionalDateField(const RawFields& raw, const char* key, FieldErrors& errors) {
  std::string value = GetField(raw, key);
  if (value.empty()) return std::nullopt;
  std::optional<Date> date = Date::Parse(value);
  if (!date) errors.Add(key, "Ngày không hợp lệ: \"" + value + "\" (dùng dd/mm/yyyy hoặc yyyy-mm-dd).");
  return date;
}

std::optional<Date> RequiredDateField(const RawFields& raw, const char* key, FieldErrors& errors) {
  if (GetField(raw, key).empty()) {
    errors.Add(key, "Bắt buộc nhập ngày.");
    return std::nullopt;
  }
  return OptionalDateField(raw, key, errors);
}

bool InCatalogue(const std::vector<Option>& catalogue, std::string_view code) {
  for (const Option& o : catalogue) {
    if (o.code == code) return true;
  }
  return false;
}

void RequireCode(const std::string& code, const char* key, FieldErrors& errors) {
  if (code.empty())
    errors.Add(key, "Bắt buộc nhập mã.");
  else if (!IsValidCode(code))
    errors.Add(key,
               "Mã gồm chữ không dấu, số và các ký tự _ . - (bắt đầu bằng chữ hoặc số, tối đa 40 ký tự).");
}

void OptionalCode(const std::string& code, const char* key, FieldErrors& errors) {
  if (!code.empty() && !IsValidCode(code)) errors.Add(key, "Mã không hợp lệ: \"" + code + "\".");
}

void RequireName(const std::string& name, const char* key, FieldErrors& errors) {
  if (name.empty())
    errors.Add(key, "Bắt buộc nhập tên.");
  else if (name.size() > kMaxNameBytes)
    errors.Add(key, "Tên quá dài (tối đa khoảng 200 ký tự).");
}

}  // namespace thidua::domain
