// Hashing and randomness from libsodium. Thread-safe; call InitCrypto() once at start.
#pragma once

#include <string>
#include <string_view>

namespace thidua {

// Initialises libsodium; returns false if the library cannot be used.
bool InitCrypto();
// SHA-256 of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);
// `bytes` random bytes from the OS as 2×bytes lowercase hex digits.
std::string RandomHex(size_t bytes);
// Constant-time comparison of two strings of equal length (false if lengths differ).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace thidua
