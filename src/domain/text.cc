#include "domain/text.h"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

namespace thidua::domain {
namespace {

const icu::Normalizer2* NfcNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(status);
}

const icu::Normalizer2* NfdNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(status);
}

icu::Collator& VietnameseCollator() {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    c->setStrength(icu::Collator::TERTIARY);
    return c;
  }();
  return *collator;
}

void AppendHex(std::string& out, const uint8_t* bytes, size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 15]);
  }
}

std::string CollationKeyHex(const icu::UnicodeString& text) {
  icu::Collator& collator = VietnameseCollator();
  uint8_t stack[256];
  int32_t n = collator.getSortKey(text, stack, sizeof stack);
  std::string out;
  if (n <= static_cast<int32_t>(sizeof stack)) {
    // Drop the terminating zero byte so that concatenated keys keep their order.
    AppendHex(out, stack, n > 0 ? n - 1 : 0);
    return out;
  }
  std::string buffer(static_cast<size_t>(n), '\0');
  collator.getSortKey(text, reinterpret_cast<uint8_t*>(buffer.data()), n);
  AppendHex(out, reinterpret_cast<const uint8_t*>(buffer.data()), n - 1);
  return out;
}

}  // namespace

std::string Nfc(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normal = NfcNormalizer()->normalize(u, status);
  std::string out;
  if (U_FAILURE(status)) return std::string(text);
  normal.toUTF8String(out);
  return out;
}

std::string SearchKey(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = NfdNormalizer()->normalize(u, status);
  if (U_FAILURE(status)) decomposed = u;
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    // đ/Đ have no decomposition; fold them explicitly.
    if (c == 0x0111 || c == 0x0110) c = 'd';
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isalnum(c)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      UChar32 lower = u_tolower(c);
      char buf[4];
      int32_t len = 0;
      UBool error = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, lower, error);
      if (!error) out.append(buf, static_cast<size_t>(len));
    } else {
      pending_space = true;
    }
  }
  return out;
}

std::vector<std::string> SearchWords(std::string_view key) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    if (end > start) words.emplace_back(key.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

NameParts SplitName(std::string_view full_name) {
  std::string_view name = full_name;
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  size_t space = name.rfind(' ');
  if (space == std::string_view::npos) return {"", std::string(name)};
  std::string_view family = name.substr(0, space);
  while (!family.empty() && family.back() == ' ') family.remove_suffix(1);
  return {std::string(family), std::string(name.substr(space + 1))};
}

std::string NameSortKey(std::string_view full_name) {
  NameParts parts = SplitName(full_name);
  // "01" cannot occur inside an ICU sort key (level separator is 01 only between levels and
  // keys never contain 00), so given-name keys compare fully before the family names count.
  std::string key = CollationKeyHex(icu::UnicodeString::fromUTF8(parts.given));
  key += "00";
  key += CollationKeyHex(icu::UnicodeString::fromUTF8(parts.family_middle));
  return key;
}

std::string TextSortKey(std::string_view text) {
  return CollationKeyHex(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())));
}

}  // namespace thidua::domain
