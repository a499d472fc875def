// ZipPackage: read-only access to the parts of a zip archive held in memory, with zip-bomb limits
// (internal to render/; used by the xlsx reader).
//
// Open() refuses input larger than `max_part_bytes`, any entry whose declared uncompressed size exceeds
// `max_part_bytes` and archives whose declared sizes add up to more than 4 × `max_part_bytes`. Read()
// enforces the same bounds on the bytes actually inflated, in case a declared size lies.
// The package does not own `bytes`, which must outlive it. Not thread-safe; movable, not copyable.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

struct zip;

namespace thidua::render {

class ZipPackage {
 public:
  // Errors (kInvalidArgument): not a zip archive, or over the limits above.
  static Result<ZipPackage> Open(std::string_view bytes, size_t max_part_bytes);

  // Returns the unpacked part `name` (matched case-insensitively), or nullopt if absent.
  // Errors (kInvalidArgument): a damaged or encrypted entry, or more bytes than the limits allow.
  Result<std::optional<std::string>> Read(const std::string& name);

 private:
  struct Discard {
    void operator()(struct zip* archive) const;
  };

  ZipPackage(struct zip* archive, size_t max_part_bytes)
      : archive_(archive), max_part_bytes_(max_part_bytes) {}

  std::unique_ptr<struct zip, Discard> archive_;
  size_t max_part_bytes_;
  size_t total_read_ = 0;
};

// The message of every "this is not a usable xlsx file" error.
inline constexpr char kNotXlsxMessage[] = "Tệp không phải bảng tính xlsx hợp lệ.";

}  // namespace thidua::render
