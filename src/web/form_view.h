// Forms: the view-models of the form_field and form_errors_summary partials.
//
// A form page gets  form: {action, fields: {<name>: FormFieldModel(…)}, errors: […]}  and includes each field
// where the page wants it. Fields have every key set, so a missing key never reads a value from an outer
// Mustache context.
//
// All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "web/list_view.h"

namespace thidua::web {

enum class FieldType { kText, kDate, kSelect, kTextarea, kPassword, kFile, kNumber, kEmail };

struct FormField {
  std::string name{};   // the form parameter
  std::string label{};  // Vietnamese, shown in a <label for>
  FieldType type = FieldType::kText;
  std::string value{};                  // as typed or stored (dates as dd/mm/yyyy)
  std::vector<SelectOption> options{};  // kSelect; the one whose value equals `value` is selected
  bool required = false;                // shows "*" and aria-required; the server validates
  std::string hint{};                   // shown under the label; dates get a default hint
  std::string error{};                  // shown beside the field; sets aria-invalid
  std::string id{};                     // element id; empty: the name
  std::string autocomplete{};           // e.g. "username", "current-password", "off"
  std::string accept{};                 // kFile: ".csv,.xlsx"
  bool wide = false;                    // spans the whole form row
};

// The `form_field` partial: {id, name, label, value, required, hint, error, describedby, autocomplete,
// accept, wide, is_input, input_type, inputmode, placeholder, is_select, options[{value,label,selected}],
// is_textarea, is_file}. kDate renders as a text input for dd/mm/yyyy (a native date picker would
// show the browser's locale format and refuse typed dates).
nlohmann::json FormFieldModel(const FormField& field);

// Sets `error` on each field named in `field_errors` (e.g. a Status's fields()).
void ApplyFieldErrors(std::vector<FormField>& fields, const std::map<std::string, std::string>& field_errors);

// {action, fields: {name: FormFieldModel}, errors: [{id, label, message}]} — errors in field order, for
// the `form_errors_summary` partial.
nlohmann::json FormModel(std::string_view action, const std::vector<FormField>& fields);

}  // namespace thidua::web
