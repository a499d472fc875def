#include "http/handlers/json_io.h"

#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace thidua::http {

std::optional<domain::RawFields> ParseJsonFields(const Request& request, const std::set<std::string>& allowed,
                                                 Response& error, bool scalars) {
  // Media types are case-insensitive (RFC 9110 §8.3.1).
  std::string type = AsciiLower(request.Header("Content-Type"));
  if (type.substr(0, 16) != "application/json") {
    error = ErrorResponse(415, "unsupported_media_type", "Nội dung phải là JSON (Content-Type: application/json).");
    return std::nullopt;
  }
  if (!IsValidUtf8(request.body)) {
    error = ErrorResponse(400, "bad_request", "Nội dung không phải UTF-8 hợp lệ.");
    return std::nullopt;
  }
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    error = ErrorResponse(400, "bad_request", "Nội dung JSON không hợp lệ.");
    return std::nullopt;
  }
  if (!body.is_object()) {
    error = ErrorResponse(400, "bad_request", "Nội dung JSON phải là một đối tượng.");
    return std::nullopt;
  }
  domain::RawFields fields;
  Status invalid = InvalidArgument("Dữ liệu không hợp lệ.");
  for (const auto& [key, value] : body.items()) {
    if (!allowed.count(key)) {
      invalid.WithField(key, "Trường không được hỗ trợ.");
    } else if (value.is_string()) {
      fields[key] = value.get<std::string>();
    } else if (value.is_null()) {
      fields[key] = "";
    } else if (scalars && value.is_number_integer()) {
      fields[key] = value.dump();
    } else if (scalars && value.is_boolean()) {
      fields[key] = value.get<bool>() ? "1" : "0";
    } else {
      invalid.WithField(key, scalars ? "Giá trị phải là chuỗi ký tự, số nguyên hoặc true/false."
                                     : "Giá trị phải là chuỗi ký tự.");
    }
  }
  if (!invalid.fields().empty()) {
    error = ErrorResponse(invalid);
    return std::nullopt;
  }
  return fields;
}

}  // namespace thidua::http
