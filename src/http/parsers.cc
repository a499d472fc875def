#include "http/parsers.h"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <functional>
#include <utility>

#include "base/utf8.h"
#include "http/ascii.h"

namespace thidua::http {
namespace {

enum class Plus { kLiteral, kSpace };

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX (and '+' when asked). Returns false on a '%' without two hex digits.
bool PercentDecodeStrict(std::string_view text, Plus plus, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return false;
      int high = HexValue(text[i + 1]);
      int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return false;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus == Plus::kSpace) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return true;
}

// The length of the well-formed UTF-8 sequence at the start of `s`, or 0.
size_t Utf8SequenceLength(std::string_view s) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length;
  uint32_t code_point;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (s.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i) & 0x3F);
  }
  if (length == 3 && (code_point < 0x800 || (code_point >= 0xD800 && code_point <= 0xDFFF))) return 0;
  if (length == 4 && (code_point < 0x10000 || code_point > 0x10FFFF)) return 0;
  return length;
}

// Replaces every byte that does not start a well-formed sequence by U+FFFD.
void ReplaceInvalidUtf8(std::string& text) {
  if (IsValidUtf8(text)) return;
  std::string out;
  out.reserve(text.size() + 8);
  std::string_view rest = text;
  while (!rest.empty()) {
    size_t length = Utf8SequenceLength(rest);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      length = 1;
    } else {
      out.append(rest.substr(0, length));
    }
    rest.remove_prefix(length);
  }
  text = std::move(out);
}

// WHATWG percent-decode: a bad escape stays as written.
std::string PercentDecodeLenient(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int high = HexValue(text[i + 1]);
      int low = HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += c == '+' ? ' ' : c;
  }
  ReplaceInvalidUtf8(out);
  return out;
}

// Calls `visit(name, value)` for each non-empty '&'-separated piece of an urlencoded string.
template <typename Visit>
bool ForEachPair(std::string_view text, Visit visit) {
  while (!text.empty()) {
    size_t amp = text.find('&');
    std::string_view piece = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (piece.empty()) continue;
    size_t eq = piece.find('=');
    std::string_view name = piece.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
    if (!visit(name, value)) return false;
  }
  return true;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Calls `visit(name, value)` for each cookie of a Cookie header until it returns false.
template <typename Visit>
void ForEachCookie(std::string_view header, Visit visit) {
  while (!header.empty()) {
    size_t semi = header.find(';');
    std::string_view piece = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    size_t eq = piece.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = TrimSpaces(piece.substr(0, eq));
    std::string_view value = TrimSpaces(piece.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (name.empty()) continue;
    if (!visit(name, value)) return;
  }
}

// A header value of the form `type; name=value; name="quoted value"`.
struct HeaderValue {
  std::string_view type;
  std::vector<std::pair<std::string, std::string_view>> params;  // names lower-cased

  std::optional<std::string_view> Param(std::string_view name) const {
    for (const auto& [key, value] : params) {
      if (key == name) return value;
    }
    return std::nullopt;
  }
};

// Quoted values run to the next '"' without backslash escapes: browsers send '"' as %22 in
// form-data names and file names and leave '\' alone (WHATWG, "multipart/form-data encoding").
HeaderValue ParseHeaderValue(std::string_view text) {
  HeaderValue result;
  size_t semi = text.find(';');
  result.type = TrimSpaces(text.substr(0, semi));
  size_t i = semi == std::string_view::npos ? text.size() : semi + 1;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ';')) ++i;
    size_t name_start = i;
    while (i < text.size() && text[i] != '=' && text[i] != ';') ++i;
    std::string_view name = TrimSpaces(text.substr(name_start, i - name_start));
    if (i >= text.size() || text[i] != '=') continue;
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::string_view value;
    if (i < text.size() && text[i] == '"') {
      size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) close = text.size();
      value = text.substr(i + 1, close - i - 1);
      i = close + 1;
      while (i < text.size() && text[i] != ';') ++i;
    } else {
      size_t value_start = i;
      while (i < text.size() && text[i] != ';') ++i;
      value = TrimSpaces(text.substr(value_start, i - value_start));
    }
    if (!name.empty()) result.params.emplace_back(AsciiLower(name), value);
  }
  return result;
}

Status BadMultipart(std::string message) { return InvalidArgument(std::move(message)); }

std::string BaseName(std::string_view filename) {
  size_t slash = filename.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? filename : filename.substr(slash + 1));
}

// Reads the header block of one part into `part`.
Status ParsePartHeaders(std::string_view headers, MultipartPart& part) {
  bool has_disposition = false;
  while (!headers.empty()) {
    size_t end = headers.find("\r\n");
    std::string_view line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return BadMultipart("Phần đầu của một phần multipart không hợp lệ.");
    std::string_view name = TrimSpaces(line.substr(0, colon));
    std::string_view value = TrimSpaces(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "content-type")) {
      part.content_type = std::string(value);
    } else if (EqualsIgnoreCase(name, "content-disposition")) {
      HeaderValue disposition = ParseHeaderValue(value);
      if (!EqualsIgnoreCase(disposition.type, "form-data")) {
        return BadMultipart("Mỗi phần multipart phải là form-data.");
      }
      has_disposition = true;
      part.name = std::string(disposition.Param("name").value_or(""));
      part.filename = BaseName(disposition.Param("filename").value_or(""));
      if (std::optional<std::string_view> extended = disposition.Param("filename*")) {
        // RFC 5987: charset'language'percent-encoded.
        size_t first = extended->find('\'');
        size_t second = first == std::string_view::npos ? first : extended->find('\'', first + 1);
        std::string decoded;
        if (second != std::string_view::npos && EqualsIgnoreCase(extended->substr(0, first), "utf-8") &&
            PercentDecodeStrict(extended->substr(second + 1), Plus::kLiteral, decoded)) {
          part.filename = BaseName(decoded);
        }
      }
    }
  }
  if (!has_disposition || part.name.empty()) return BadMultipart("Một phần multipart thiếu tên trường.");
  if (!IsValidUtf8(part.name) || !IsValidUtf8(part.filename) || !IsValidUtf8(part.content_type)) {
    return BadMultipart("Tên trường hoặc tên tệp không phải UTF-8.");
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> DecodePath(std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/') return InvalidArgument("Đường dẫn không hợp lệ.");
  std::string path;
  if (!PercentDecodeStrict(raw_path, Plus::kLiteral, path)) return InvalidArgument("Đường dẫn không hợp lệ.");
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return InvalidArgument("Đường dẫn không hợp lệ.");
  }
  if (!IsValidUtf8(path)) return InvalidArgument("Đường dẫn không phải UTF-8 hợp lệ.");
  std::string_view rest = std::string_view(path).substr(1);
  while (true) {
    size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment == "." || segment == "..") return InvalidArgument("Đường dẫn không hợp lệ.");
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
  return path;
}

Result<Target> ParseTarget(std::string_view target) {
  std::string_view raw_path;
  std::string_view raw_query;
  if (!target.empty() && target.front() == '/') {
    target = target.substr(0, target.find('#'));
    size_t question = target.find('?');
    raw_path = target.substr(0, question);
    if (question != std::string_view::npos) raw_query = target.substr(question + 1);
    Result<std::string> path = DecodePath(raw_path);
    if (!path.ok()) return path.status();
    return Target{std::move(path).value(), ParseQuery(raw_query)};
  }
  // Absolute form, sent to proxies and accepted from any client (RFC 9112 §3.2.2).
  boost::system::result<boost::urls::url_view> url = boost::urls::parse_absolute_uri(target);
  if (!url) return InvalidArgument("Đường dẫn không hợp lệ.");
  if (url->scheme_id() != boost::urls::scheme::http && url->scheme_id() != boost::urls::scheme::https) {
    return InvalidArgument("Đường dẫn không hợp lệ.");
  }
  std::string_view encoded_path = url->encoded_path();
  Result<std::string> path = DecodePath(encoded_path.empty() ? std::string_view("/") : encoded_path);
  if (!path.ok()) return path.status();
  return Target{std::move(path).value(), ParseQuery(url->encoded_query())};
}

QueryMap ParseQuery(std::string_view query) {
  QueryMap result;
  ForEachPair(query, [&](std::string_view name, std::string_view value) {
    result.emplace(PercentDecodeLenient(name), PercentDecodeLenient(value));
    return true;
  });
  return result;
}

Result<QueryMap> ParseForm(std::string_view body, size_t max_fields) {
  QueryMap result;
  Status error;
  std::string name;
  std::string value;
  ForEachPair(body, [&](std::string_view raw_name, std::string_view raw_value) {
    if (result.size() >= max_fields) {
      error = InvalidArgument("Biểu mẫu có quá nhiều trường.");
    } else if (!PercentDecodeStrict(raw_name, Plus::kSpace, name) ||
               !PercentDecodeStrict(raw_value, Plus::kSpace, value)) {
      error = InvalidArgument("Dữ liệu biểu mẫu không hợp lệ.");
    } else if (!IsValidUtf8(name) || !IsValidUtf8(value)) {
      error = InvalidArgument("Dữ liệu biểu mẫu không phải UTF-8.");
    } else {
      result.emplace(std::move(name), std::move(value));
      return true;
    }
    return false;
  });
  if (!error.ok()) return error;
  return result;
}

std::map<std::string, std::string> ParseCookies(std::string_view header) {
  std::map<std::string, std::string> cookies;
  ForEachCookie(header, [&](std::string_view name, std::string_view value) {
    cookies.emplace(std::string(name), std::string(value));
    return true;
  });
  return cookies;
}

std::optional<std::string_view> FindCookie(std::string_view header, std::string_view name) {
  std::optional<std::string_view> found;
  ForEachCookie(header, [&](std::string_view cookie_name, std::string_view value) {
    if (cookie_name != name) return true;
    found = value;
    return false;
  });
  return found;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view content_type,
                                                  const MultipartLimits& limits) {
  HeaderValue media = ParseHeaderValue(content_type);
  if (!EqualsIgnoreCase(media.type, "multipart/form-data")) {
    return BadMultipart("Nội dung phải có kiểu multipart/form-data.");
  }
  std::string_view boundary = media.Param("boundary").value_or("");
  if (boundary.empty() || boundary.size() > 70) return BadMultipart("Thiếu hoặc sai boundary của multipart.");

  const std::string delimiter = "\r\n--" + std::string(boundary);
  const std::string_view first_delimiter = std::string_view(delimiter).substr(2);
  const std::boyer_moore_horspool_searcher searcher(delimiter.begin(), delimiter.end());
  auto find_delimiter = [&](size_t from) -> size_t {
    auto found = std::search(body.begin() + static_cast<ptrdiff_t>(from), body.end(), searcher);
    return found == body.end() ? std::string_view::npos : static_cast<size_t>(found - body.begin());
  };

  size_t pos;
  if (body.starts_with(first_delimiter)) {
    pos = first_delimiter.size();
  } else {
    size_t found = find_delimiter(0);
    if (found == std::string_view::npos) return BadMultipart("Dữ liệu multipart không đầy đủ.");
    pos = found + delimiter.size();
  }

  std::vector<MultipartPart> parts;
  while (true) {
    // `pos` is just past a delimiter: "--" closes the body, otherwise padding and CRLF.
    if (body.substr(pos, 2) == "--") return parts;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return BadMultipart("Dữ liệu multipart không hợp lệ.");
    pos += 2;
    if (parts.size() >= limits.max_parts) return BadMultipart("Quá nhiều phần trong dữ liệu multipart.");

    std::string_view headers;
    size_t data_start;
    if (body.substr(pos, 2) == "\r\n") {
      data_start = pos + 2;
    } else {
      std::string_view window = body.substr(pos, limits.max_part_header_bytes + 4);
      size_t end = window.find("\r\n\r\n");
      if (end == std::string_view::npos)
        return BadMultipart("Phần đầu của một phần multipart quá dài hoặc thiếu.");
      headers = window.substr(0, end);
      data_start = pos + end + 4;
    }
    size_t data_end = find_delimiter(data_start);
    if (data_end == std::string_view::npos) return BadMultipart("Dữ liệu multipart không đầy đủ.");

    MultipartPart part;
    THIDUA_RETURN_IF_ERROR(ParsePartHeaders(headers, part));
    part.data = body.substr(data_start, data_end - data_start);
    parts.push_back(std::move(part));
    pos = data_end + delimiter.size();
  }
}

std::string SetCookieHeader(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string header;
  header.reserve(name.size() + value.size() + 80);
  header.append(name).append("=").append(value);
  if (!options.path.empty()) header.append("; Path=").append(options.path);
  if (options.max_age) {
    long long seconds = options.max_age->count();
    header.append("; Max-Age=").append(std::to_string(seconds > 0 ? seconds : 0));
  }
  if (options.http_only) header.append("; HttpOnly");
  if (options.secure) header.append("; Secure");
  if (!options.same_site.empty()) header.append("; SameSite=").append(options.same_site);
  return header;
}

}  // namespace thidua::http
