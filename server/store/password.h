#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hall::store {

/// PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as
/// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>".
inline constexpr std::uint32_t kDefaultPasswordIterations = 100000;

std::string hashPassword(std::string_view password, std::uint32_t iterations = kDefaultPasswordIterations);

/// Constant-time comparison against a stored hash; false for a malformed stored value.
bool verifyPassword(std::string_view password, std::string_view stored);

} // namespace hall::store
