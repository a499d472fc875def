// The codes the rules engine reasons with — award codes, ratings, initiative scopes, award methods,
// discipline levels — as small enums, with their stable text codes (DOMAIN.md, "Award codes"; the
// import columns of API.md) and their Vietnamese labels. Pure functions over constant tables;
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace thidua::domain {

enum class SubjectType : uint8_t { kPerson, kUnit };

// The award codes of DOMAIN.md, in the order verdicts list them.
enum class AwardCode : uint8_t {
  kLdtt,
  kCstdcs,
  kCstdTinh,
  kCstdTq,
  kTtldtt,
  kTtldxs,
  kCoTinh,
  kCoCp,
  kGk,
  kBkTinh,
  kBkTtg,
  kHcld3,
  kHcld2,
  kHcld1,
};
inline constexpr int kAwardCodeCount = 14;

// Best first: kHtxs is the highest rating.
enum class Rating : uint8_t { kHtxs, kHtt, kHt, kKht };

// Narrowest first: kCoSo < kTinh < kToanQuoc.
enum class InitiativeScope : uint8_t { kCoSo, kTinh, kToanQuoc };

enum class AwardMethod : uint8_t { kThuongXuyen, kChuyenDe, kDotXuat, kCongHien, kNienHan, kDoiNgoai };

// "LDTT" ↔ AwardCode::kLdtt, etc. Parsing is exact (upper case); nullopt for anything else — an
// award of a code outside DOMAIN.md's list plays no part in any rule.
std::optional<AwardCode> ParseAwardCode(std::string_view code);
std::string_view AwardCodeName(AwardCode code);
std::string_view AwardLabel(AwardCode code);  // "Chiến sĩ thi đua cơ sở"
// The award codes that apply to a subject type, in verdict order (DOMAIN.md's table).
std::span<const AwardCode> AwardsFor(SubjectType subject);
bool AppliesTo(AwardCode code, SubjectType subject);

std::optional<SubjectType> ParseSubjectType(std::string_view text);  // "person" | "unit"
std::string_view SubjectTypeName(SubjectType subject);

std::optional<Rating> ParseRating(std::string_view code);  // "HTXS" | "HTT" | "HT" | "KHT"
std::string_view RatingName(Rating rating);
std::string_view RatingLabel(Rating rating);  // "Hoàn thành xuất sắc nhiệm vụ"
// True if `rating` is `least` or better.
inline bool AtLeast(Rating rating, Rating least) {
  return static_cast<int>(rating) <= static_cast<int>(least);
}

std::optional<InitiativeScope> ParseInitiativeScope(std::string_view code);  // "CO_SO" | "TINH" | "TOAN_QUOC"
std::string_view InitiativeScopeName(InitiativeScope scope);
std::string_view InitiativeScopeLabel(InitiativeScope scope);  // "cấp cơ sở"
inline bool AtLeast(InitiativeScope scope, InitiativeScope least) {
  return static_cast<int>(scope) >= static_cast<int>(least);
}

std::optional<AwardMethod> ParseAwardMethod(std::string_view code);  // "THUONG_XUYEN", …
std::string_view AwardMethodName(AwardMethod method);
std::string_view AwardMethodLabel(AwardMethod method);  // "chuyên đề"

// Discipline levels (Decree 112/2020 for civil servants), mildest first: khien_trach, canh_cao,
// ha_bac_luong, giang_chuc, cach_chuc, bai_nhiem, buoc_thoi_viec. Codes compare ignoring ASCII case
// (the record catalogue stores them upper case). Severity 1 (khiển trách) … 6; an unknown level is
// treated as the most severe, so that no rule is passed because a level was misspelt.
int DisciplineSeverity(std::string_view level);
bool IsKnownDisciplineLevel(std::string_view level);
std::string_view DisciplineLabel(std::string_view level);  // "cảnh cáo"; the code itself when unknown

}  // namespace thidua::domain
