#include "web/form_view.h"

#include <nlohmann/json.hpp>

namespace thidua::web {
namespace {

using Json = nlohmann::json;

const char* InputType(FieldType type) {
  switch (type) {
    case FieldType::kPassword:
      return "password";
    case FieldType::kNumber:
      return "number";
    case FieldType::kEmail:
      return "email";
    default:
      return "text";
  }
}

}  // namespace

Json FormFieldModel(const FormField& field) {
  std::string id = field.id.empty() ? field.name : field.id;
  bool is_date = field.type == FieldType::kDate;
  bool is_select = field.type == FieldType::kSelect;
  bool is_textarea = field.type == FieldType::kTextarea;
  bool is_file = field.type == FieldType::kFile;
  std::string describedby;
  if (!field.hint.empty() || is_date) describedby = id + "-hint";
  if (!field.error.empty()) describedby += (describedby.empty() ? "" : " ") + id + "-error";

  Json options = Json::array();
  for (const SelectOption& option : field.options) {
    options.push_back(
        {{"value", option.value}, {"label", option.label}, {"selected", option.value == field.value}});
  }
  std::string autocomplete = field.autocomplete;
  if (autocomplete.empty() && is_date) autocomplete = "off";
  return {{"id", id},
          {"name", field.name},
          {"label", field.label},
          {"value", field.value},
          {"required", field.required},
          {"hint", field.hint},
          {"error", field.error},
          {"describedby", describedby},
          {"autocomplete", autocomplete},
          {"accept", field.accept},
          {"wide", field.wide || is_textarea},
          {"is_date", is_date},
          {"is_input", !is_select && !is_textarea && !is_file},
          {"input_type", InputType(field.type)},
          {"inputmode", is_date ? "numeric" : ""},
          {"placeholder", is_date ? "dd/mm/yyyy" : ""},
          {"is_select", is_select},
          {"options", std::move(options)},
          {"is_textarea", is_textarea},
          {"is_file", is_file}};
}

void ApplyFieldErrors(std::vector<FormField>& fields,
                      const std::map<std::string, std::string>& field_errors) {
  for (FormField& field : fields) {
    auto it = field_errors.find(field.name);
    if (it != field_errors.end()) field.error = it->second;
  }
}

Json FormModel(std::string_view action, const std::vector<FormField>& fields) {
  Json by_name = Json::object();
  Json errors = Json::array();
  for (const FormField& field : fields) {
    Json model = FormFieldModel(field);
    if (!field.error.empty()) {
      errors.push_back({{"id", model["id"]}, {"label", field.label}, {"message", field.error}});
    }
    by_name[field.name] = std::move(model);
  }
  return {{"action", action}, {"fields", std::move(by_name)}, {"errors", std::move(errors)}};
}

}  // namespace thidua::web
