// Strong ids: a PersonId cannot be passed where a UnitId is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace thidua {

template <typename Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(int64_t value) : value_(value) {}
  constexpr int64_t value() const { return value_; }
  constexpr bool valid() const { return value_ > 0; }
  friend constexpr auto operator<=>(const Id&, const Id&) = default;

 private:
  int64_t value_ = 0;
};

using UnitId = Id<struct UnitTag>;
using PersonId = Id<struct PersonTag>;
using MembershipId = Id<struct MembershipTag>;
using UserId = Id<struct UserTag>;
using LineageEventId = Id<struct LineageEventTag>;
using AuditId = Id<struct AuditTag>;

}  // namespace thidua

template <typename Tag>
struct std::hash<thidua::Id<Tag>> {
  size_t operator()(const thidua::Id<Tag>& id) const noexcept { return std::hash<int64_t>()(id.value()); }
};
