#include "store/db.h"

#include <cassert>
#include <charconv>
#include <string>
#include <system_error>

namespace thidua::store {
namespace {

// Parses a whole string as T; nullopt if it is not one.
template <typename T>
std::optional<T> Parse(const std::string& text) {
  T value{};
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// The shortest text that reads back as the same double.
std::string FormatReal(double value) {
  char buffer[32];
  auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  assert(ec == std::errc());
  return std::string(buffer, ptr);
}

}  // namespace

const char* EngineName(Engine engine) {
  switch (engine) {
    case Engine::kSqlite:
      return "sqlite";
    case Engine::kPostgres:
      return "postgresql";
  }
  return "unknown";
}

int64_t Row::Int(size_t i) const {
  const Value& cell = cells_.at(i);
  if (const auto* v = std::get_if<int64_t>(&cell)) return *v;
  if (const auto* v = std::get_if<double>(&cell)) return static_cast<int64_t>(*v);
  if (const auto* v = std::get_if<std::string>(&cell)) {
    if (std::optional<int64_t> parsed = Parse<int64_t>(*v)) return *parsed;
    if (std::optional<double> parsed = Parse<double>(*v)) return static_cast<int64_t>(*parsed);
  }
  assert(false && "Row::Int on a cell that holds no number (use OptInt for nullable columns)");
  return 0;
}

double Row::Real(size_t i) const {
  const Value& cell = cells_.at(i);
  if (const auto* v = std::get_if<double>(&cell)) return *v;
  if (const auto* v = std::get_if<int64_t>(&cell)) return static_cast<double>(*v);
  if (const auto* v = std::get_if<std::string>(&cell)) {
    if (std::optional<double> parsed = Parse<double>(*v)) return *parsed;
  }
  assert(false && "Row::Real on a cell that holds no number");
  return 0;
}

std::string Row::Text(size_t i) const {
  const Value& cell = cells_.at(i);
  if (const auto* v = std::get_if<std::string>(&cell)) return *v;
  if (const auto* v = std::get_if<int64_t>(&cell)) return std::to_string(*v);
  if (const auto* v = std::get_if<double>(&cell)) return FormatReal(*v);
  if (const auto* v = std::get_if<Blob>(&cell)) return v->bytes;
  assert(false && "Row::Text on a NULL cell (use OptText for nullable columns)");
  return std::string();
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::string Row::BlobBytes(size_t i) const {
  const Value& cell = cells_.at(i);
  if (const auto* v = std::get_if<Blob>(&cell)) return v->bytes;
  // SQLite hands back whatever storage class was written; a text value is its bytes.
  if (const auto* v = std::get_if<std::string>(&cell)) return *v;
  assert(false && "Row::BlobBytes on a cell that holds no bytes");
  return std::string();
}

}  // namespace thidua::store
