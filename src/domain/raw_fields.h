// Reading RawFields: the helpers every parser in domain/ shares (records.h, award_records.h).
// A parser reads each field once, adds a Vietnamese message per bad field to a FieldErrors, and
// returns FieldErrors::Take() if any was added — so the caller sees every bad field at once.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "base/date.h"
#include "base/status.h"
#include "domain/records.h"

namespace thidua::domain {

inline constexpr size_t kMaxNameBytes = 600;  // ≈ 200 Vietnamese characters

// Collects per-field errors while a record is parsed; the first message for a field wins.
class FieldErrors {
 public:
  void Add(const std::string& field, std::string message) {
    if (!status_.fields().count(field)) status_.WithField(field, std::move(message));
  }
  bool empty() const { return status_.fields().empty(); }
  bool Has(const std::string& field) const { return status_.fields().count(field) > 0; }
  // kInvalidArgument with every field added so far.
  Status Take() { return std::move(status_); }

 private:
  Status status_{Code::kInvalidArgument, "Dữ liệu không hợp lệ, vui lòng kiểm tra các trường được đánh dấu."};
};

// The field's value, trimmed; "" when absent.
std::string GetField(const RawFields& raw, const char* key);
// A text field: valid UTF-8 (else an error and ""), returned in NFC.
std::string TextField(const RawFields& raw, const char* key, FieldErrors& errors);
// An optional date (YYYY-MM-DD or dd/mm/yyyy); an error when present but not a real day.
std::optional<Date> OptionalDateField(const RawFields& raw, const char* key, FieldErrors& errors);
// A required date: an error when absent or malformed.
std::optional<Date> RequiredDateField(const RawFields& raw, const char* key, FieldErrors& errors);

bool InCatalogue(const std::vector<Option>& catalogue, std::string_view code);
// An error unless `code` is non-empty and IsValidCode.
void RequireCode(const std::string& code, const char* key, FieldErrors& errors);
// An error if `code` is non-empty and not IsValidCode.
void OptionalCode(const std::string& code, const char* key, FieldErrors& errors);
// An error unless `name` is non-empty and at most kMaxNameBytes.
void RequireName(const std::string& name, const char* key, FieldErrors& errors);

}  // namespace thidua::domain
