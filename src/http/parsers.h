// Parsers of outside input that the HTTP layer meets: request targets, query strings,
// urlencoded forms, cookies and multipart/form-data bodies, and the Set-Cookie writer.
//
// All are pure functions without shared state (safe from any thread) and are fuzzed
// (fuzz/query_fuzz.cc, form_fuzz.cc, multipart_fuzz.cc). Errors are kInvalidArgument with a
// Vietnamese message; the server answers a bad target with 400, handlers choose for bodies.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace thidua::http {

using QueryMap = std::multimap<std::string, std::string>;

// A request target split and decoded.
struct Target {
  std::string path;  // percent-decoded, valid UTF-8, starts with '/'
  QueryMap query;
};

// Splits an origin-form ("/a/b?x=1") or absolute-form ("http://host/a?x=1") target. Fails on
// another form, a bad percent escape in the path, a decoded path that is not UTF-8 or holds a
// control character, or a "." or ".." segment. The query is parsed leniently (ParseQuery).
Result<Target> ParseTarget(std::string_view target);

// Decodes a raw path with the rules of ParseTarget. REQUIRES nothing; fails as above.
Result<std::string> DecodePath(std::string_view raw_path);

// Parses "a=1&b=x+y&c" (no leading '?') the way browsers do (WHATWG urlencoded): '+' is a
// space, a '%' not followed by two hex digits is kept as is, bytes that are not UTF-8 become
// U+FFFD, "c" alone gives ("c", ""), empty pairs are skipped. Never fails.
QueryMap ParseQuery(std::string_view query);

// Parses an application/x-www-form-urlencoded body: like ParseQuery but strict. Fails on a bad
// percent escape, a name or value that is not UTF-8, or more than `max_fields` fields.
Result<QueryMap> ParseForm(std::string_view body, size_t max_fields = 1000);

// Parses a Cookie header ("a=1; b=2"). The first occurrence of a name wins; surrounding
// double quotes are removed from a value; pieces without '=' are skipped. No decoding.
std::map<std::string, std::string> ParseCookies(std::string_view header);
// The value of cookie `name` in a Cookie header, without building the map.
std::optional<std::string_view> FindCookie(std::string_view header, std::string_view name);

struct MultipartPart {
  std::string name;          // the form field name (required)
  std::string filename;      // base name only ("C:\x\a.pdf" → "a.pdf"); empty for plain fields
  std::string content_type;  // as sent, empty if absent
  std::string_view data;     // points into the body given to ParseMultipart: keep the body alive
};

struct MultipartLimits {
  size_t max_parts = 100;
  size_t max_part_header_bytes = 8 * 1024;
};

// Parses a multipart/form-data body (RFC 7578). `content_type` is the request's Content-Type
// header; it must be multipart/form-data with a boundary. Fails on a missing boundary, a part
// without a form-data name, a name or filename that is not UTF-8, a missing final delimiter,
// or more parts (or a longer part header) than `limits` allow.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view content_type,
                                                  const MultipartLimits& limits = {});

struct CookieOptions {
  std::optional<std::chrono::seconds> max_age;  // none: a session cookie; <= 0: delete now
  bool http_only = true;
  std::string same_site = "Lax";  // "Lax", "Strict" or "None"; empty to omit
  bool secure = false;
  std::string path = "/";
};

// "name=value; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax" (and "; Secure").
// REQUIRES: `name` is an HTTP token; `value` holds only cookie octets (no space, '"', ',', ';',
// '\', controls) — e.g. hex ids.
std::string SetCookieHeader(std::string_view name, std::string_view value, const CookieOptions& options = {});

}  // namespace thidua::http
