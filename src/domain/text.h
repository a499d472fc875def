// Text rules for Vietnamese: normalisation, search keys and name ordering. Pure functions
// over ICU data; thread-safe (collators are per-thread).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace thidua::domain {

// Returns `text` in Unicode NFC. REQUIRES: valid UTF-8.
std::string Nfc(std::string_view text);

// The search key of a text: lower case, diacritics removed, đ/Đ → d, every run of
// non-alphanumerics collapsed to one space, trimmed. "Nguyễn Văn Đức" → "nguyen van duc".
// Both engines search these keys, so "thi dua" finds "Thi Đua" on SQLite and PostgreSQL alike.
std::string SearchKey(std::string_view text);

// Splits a folded search key into words.
std::vector<std::string> SearchWords(std::string_view key);

// Splits a Vietnamese full name into (family and middle names, given name):
// "Nguyễn Thị Minh Khai" → ("Nguyễn Thị Minh", "Khai").
struct NameParts {
  std::string family_middle;
  std::string given;
};
NameParts SplitName(std::string_view full_name);

// A byte string whose bytewise order is Vietnamese name order: given name first, then family
// and middle names, each compared by ICU's "vi" collator. Returned as lowercase hex so it can
// be stored in a TEXT column and ordered with plain (binary) comparison on both engines.
std::string NameSortKey(std::string_view full_name);

// The same collation for any text (unit names, titles): ICU "vi" order as hex.
std::string TextSortKey(std::string_view text);

}  // namespace thidua::domain
