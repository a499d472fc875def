#include "http/static_files.h"

#include <cassert>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "http/ascii.h"

namespace thidua::http {
namespace {

constexpr std::string_view kCacheControl = "public, max-age=86400";

struct ExtensionType {
  std::string_view extension;
  std::string_view type;
};

constexpr ExtensionType kTypes[] = {
    {"css", "text/css; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"txt", "text/plain; charset=utf-8"},
    {"csv", "text/csv; charset=utf-8"},
    {"xml", "application/xml"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"avif", "image/avif"},
    {"ico", "image/x-icon"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"pdf", "application/pdf"},
    {"webmanifest", "application/manifest+json"},
    {"wasm", "application/wasm"},
};

// A strong validator: 64-bit FNV-1a of the bytes plus their length.
std::string EtagFor(std::string_view data) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char byte : data) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string etag = "\"";
  for (int shift = 60; shift >= 0; shift -= 4) etag += kHex[(hash >> shift) & 0xF];
  etag += '-';
  etag += std::to_string(data.size());
  etag += '"';
  return etag;
}

// If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    size_t comma = if_none_match.find(',');
    std::string_view candidate = if_none_match.substr(0, comma);
    if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!candidate.empty() && (candidate.front() == ' ' || candidate.front() == '\t'))
      candidate.remove_prefix(1);
    while (!candidate.empty() && (candidate.back() == ' ' || candidate.back() == '\t'))
      candidate.remove_suffix(1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == "*" || candidate == etag) return true;
  }
  return false;
}

}  // namespace

struct StaticFiles::Index {
  struct Entry {
    std::string_view data;
    std::string content_type;
    std::string etag;
  };
  std::string prefix;
  std::unordered_map<std::string_view, Entry> files;
};

StaticFiles::StaticFiles(std::string prefix, const std::vector<EmbeddedFile>& files) {
  assert(prefix.size() >= 2 && prefix.front() == '/' && prefix.back() == '/');
  auto index = std::make_shared<Index>();
  index->prefix = std::move(prefix);
  for (const EmbeddedFile& file : files) {
    index->files.emplace(file.path, Index::Entry{file.data, ContentTypeFor(file.path), EtagFor(file.data)});
  }
  index_ = std::move(index);
}

std::string StaticFiles::ContentTypeFor(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string_view extension = name.substr(dot + 1);
    for (const ExtensionType& type : kTypes) {
      if (EqualsIgnoreCase(type.extension, extension)) return std::string(type.type);
    }
  }
  return "application/octet-stream";
}

void StaticFiles::Mount(Router& router) const {
  router.Add("GET", index_->prefix + "{path...}", AsHandler());
}

Handler StaticFiles::AsHandler() const {
  return [files = *this](Request& request) { return files.Serve(request); };
}

Response StaticFiles::Serve(const Request& request) const {
  const Index& index = *index_;
  std::string_view path = request.path;
  if (!path.starts_with(index.prefix)) return StandardError(request.path, 404);
  auto found = index.files.find(path.substr(index.prefix.size()));
  if (found == index.files.end()) return StandardError(request.path, 404);
  const Index::Entry& entry = found->second;

  Response response;
  response.headers.reserve(2);
  response.headers.emplace_back("ETag", entry.etag);
  response.headers.emplace_back("Cache-Control", kCacheControl);
  std::string_view if_none_match = request.Header("If-None-Match");
  if (!if_none_match.empty() && EtagMatches(if_none_match, entry.etag)) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.content_type = entry.content_type;
  // Also for HEAD: the server takes Content-Length from the body, then drops it.
  response.body.assign(entry.data);
  return response;
}

}  // namespace thidua::http
