#include "http/response.h"

#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "http/ascii.h"

namespace thidua::http {
namespace {

constexpr std::string_view kGenericInternalMessage = "Lỗi hệ thống, vui lòng thử lại.";

struct StandardErrorText {
  unsigned status;
  const char* code;
  const char* message;  // JSON message and HTML paragraph
};

constexpr StandardErrorText kStandardErrors[] = {
    {400, "bad_request", "Yêu cầu không hợp lệ."},
    {401, "unauthenticated", "Vui lòng đăng nhập."},
    {403, "permission_denied", "Bạn không có quyền thực hiện thao tác này."},
    {404, "not_found", "Không tìm thấy."},
    {405, "method_not_allowed", "Phương thức không được hỗ trợ."},
    {408, "request_timeout", "Hết thời gian chờ yêu cầu."},
    {413, "payload_too_large", "Nội dung gửi lên quá lớn."},
    {415, "unsupported_media_type", "Kiểu nội dung không được hỗ trợ."},
    {429, "too_many_requests", "Quá nhiều yêu cầu, vui lòng thử lại sau."},
    {431, "header_too_large", "Phần đầu của yêu cầu quá lớn."},
    {500, "internal", "Lỗi hệ thống, vui lòng thử lại."},
    {503, "unavailable", "Hệ thống đang bận, vui lòng thử lại sau."},
};

const StandardErrorText& StandardTextFor(unsigned status) {
  for (const StandardErrorText& text : kStandardErrors) {
    if (text.status == status) return text;
  }
  return status >= 500 ? kStandardErrors[10] : kStandardErrors[0];
}

const char* HtmlTitleFor(unsigned status) {
  switch (status) {
    case 404:
      return "Không tìm thấy trang";
    case 403:
      return "Không có quyền truy cập";
    case 408:
      return "Hết thời gian chờ";
    case 413:
      return "Nội dung quá lớn";
    case 503:
      return "Hệ thống đang bận";
    default:
      return status >= 500 ? "Lỗi hệ thống" : "Yêu cầu không hợp lệ";
  }
}

void AppendEscapedHtml(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

std::string ErrorJson(std::string_view code, std::string_view message,
                      const std::map<std::string, std::string>& fields) {
  nlohmann::json body = {
      {"error", {{"code", code}, {"message", message}, {"fields", nlohmann::json::object()}}}};
  for (const auto& [name, text] : fields) body["error"]["fields"][name] = text;
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void Response::SetHeader(std::string name, std::string value) {
  if (EqualsIgnoreCase(name, "Content-Type")) {
    content_type = std::move(value);
    return;
  }
  std::erase_if(headers, [&](const auto& field) { return EqualsIgnoreCase(field.first, name); });
  headers.emplace_back(std::move(name), std::move(value));
}

void Response::AddHeader(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (EqualsIgnoreCase(field, name)) return value;
  }
  return {};
}

unsigned HttpStatusFor(Code code) {
  switch (code) {
    case Code::kOk:
      return 200;
    case Code::kInvalidArgument:
      return 422;
    case Code::kNotFound:
      return 404;
    case Code::kAlreadyExists:
      return 409;
    case Code::kFailedPrecondition:
      return 409;
    case Code::kPermissionDenied:
      return 403;
    case Code::kUnauthenticated:
      return 401;
    case Code::kResourceExhausted:
      return 429;
    case Code::kUnavailable:
      return 503;
    case Code::kInternal:
      return 500;
  }
  return 500;
}

Response JsonResponse(unsigned status, std::string json_body) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(json_body);
  return response;
}

Response ErrorResponse(const Status& status) {
  Code code = status.code();
  if (code == Code::kOk || code == Code::kUnavailable || code == Code::kInternal) {
    Code shown = code == Code::kOk ? Code::kInternal : code;
    Response response =
        JsonResponse(HttpStatusFor(shown), ErrorJson(CodeName(shown), kGenericInternalMessage, {}));
    response.internal_message = code == Code::kOk ? "ErrorResponse called with an ok Status"
                                                  : std::string(CodeName(code)) + ": " + status.message();
    return response;
  }
  return JsonResponse(HttpStatusFor(code), ErrorJson(CodeName(code), status.message(), status.fields()));
}

Response ErrorResponse(unsigned http_status, std::string code, std::string message) {
  return JsonResponse(http_status, ErrorJson(code, message, {}));
}

Response HtmlErrorPage(unsigned http_status, std::string_view message) {
  Response response;
  response.status = http_status;
  const char* title = HtmlTitleFor(http_status);
  std::string& html = response.body;
  html.reserve(512);
  html +=
      "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  html += title;
  html += "</title></head>\n<body><main><h1>";
  html += title;
  html += "</h1><p>";
  AppendEscapedHtml(html, IsValidUtf8(message) ? message : std::string_view(kGenericInternalMessage));
  html += "</p><p><a href=\"/\">Về trang chủ</a></p></main></body></html>\n";
  return response;
}

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

Response StandardError(std::string_view path, unsigned http_status) {
  const StandardErrorText& text = StandardTextFor(http_status);
  if (IsApiPath(path)) return ErrorResponse(http_status, text.code, text.message);
  return HtmlErrorPage(http_status, text.message);
}

Response Redirect(std::string location, unsigned status) {
  Response response;
  response.status = status;
  response.content_type.clear();
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

}  // namespace thidua::http
