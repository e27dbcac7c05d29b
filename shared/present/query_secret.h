#pragma once

#include "protocol/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace hall::present {

/// The characters a query secret is made of: digits and capital letters without 0, 1, I, L and O, which
/// are mistaken for one another on a receipt. 31 characters, so 8 of them carry about 39.6 bits.
inline constexpr std::string_view kQuerySecretAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kMinQuerySecretLength = 6;
inline constexpr std::size_t kMaxQuerySecretLength = 8;
inline constexpr std::size_t kDefaultQuerySecretLength = 8;

/// Fills the span with random bytes from a cryptographically secure generator; false when the generator
/// failed. Production passes systemRandomBytes; tests pass a fixed sequence.
using RandomSource = std::function<bool(std::span<std::uint8_t>)>;

/// The operating system's generator (getrandom(2)).
bool systemRandomBytes(std::span<std::uint8_t> out);

/// The secret printed on an acceptance receipt next to the case number. The kiosk's progress query asks
/// for both, so a case number read off someone else's paper is not enough.
class QuerySecret {
public:
    /// "K7PM3QXA".
    const std::string& text() const { return m_text; }
    /// As printed, in groups of four for reading: "K7PM 3QXA" (a 6-character secret is "K7P M3Q").
    std::string printed() const;

    friend bool operator==(const QuerySecret&, const QuerySecret&) = default;

private:
    friend Result<QuerySecret> generateQuerySecret(const RandomSource&, std::size_t);
    friend Result<QuerySecret> parseQuerySecret(std::string_view);
    explicit QuerySecret(std::string text) : m_text(std::move(text)) {}

    std::string m_text;
};

/// A new secret of `length` characters (kMinQuerySecretLength to kMaxQuerySecretLength) drawn uniformly
/// from kQuerySecretAlphabet by rejection sampling. InvalidArgument for a bad length, Unavailable when
/// the random source fails.
Result<QuerySecret> generateQuerySecret(const RandomSource& random,
                                        std::size_t length = kDefaultQuerySecretLength);

/// Reads a secret as a citizen types it: case does not matter, spaces and dashes between groups are
/// dropped. Characters outside the alphabet are refused with a sentence that says so ("contains O; the
/// code never has O, 0, I, 1 or L").
Result<QuerySecret> parseQuerySecret(std::string_view text);

/// True when `typed`, read as parseQuerySecret reads it, is `expected`. The comparison takes the same
/// time wherever the first difference is, so response times do not reveal a correct prefix.
bool verifyQuerySecret(const QuerySecret& expected, std::string_view typed);

} // namespace hall::present
