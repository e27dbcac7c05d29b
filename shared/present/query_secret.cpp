#include "present/query_secret.h"

#include "present/utf8_text.h"

#include <array>
#include <cerrno>
#include <sys/random.h>

namespace hall::present {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

constexpr std::size_t kAlphabetSize = kQuerySecretAlphabet.size();
// The largest multiple of the alphabet size that fits in a byte; bytes at or above it are drawn again so
// that every character is equally likely.
constexpr unsigned kRejectFrom = 256 / kAlphabetSize * kAlphabetSize;

static_assert(kAlphabetSize == 31);

bool inAlphabet(char c) {
    return kQuerySecretAlphabet.find(c) != std::string_view::npos;
}

// What parseQuerySecret keeps of a typed text: upper-cased, without separators. Never fails; anything
// outside the alphabet stays in and makes the comparison or the parser fail.
std::string normalised(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '\t') {
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        out.push_back(c);
    }
    return out;
}

} // namespace

bool systemRandomBytes(std::span<std::uint8_t> out) {
    std::size_t filled = 0;
    while (filled < out.size()) {
        const ssize_t got = getrandom(out.data() + filled, out.size() - filled, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        filled += static_cast<std::size_t>(got);
    }
    return true;
}

std::string QuerySecret::printed() const {
    const std::size_t half = m_text.size() <= 6 ? 3 : 4;
    return m_text.substr(0, half) + " " + m_text.substr(half);
}

Result<QuerySecret> generateQuerySecret(const RandomSource& random, std::size_t length) {
    if (length < kMinQuerySecretLength || length > kMaxQuerySecretLength) {
        return invalid("query secret length " + std::to_string(length) + " is outside " +
                       std::to_string(kMinQuerySecretLength) + " to " +
                       std::to_string(kMaxQuerySecretLength));
    }
    std::string text;
    std::array<std::uint8_t, 16> buffer{};
    while (text.size() < length) {
        if (!random(buffer)) {
            return Error{ErrorCode::Unavailable, "the random number generator failed"};
        }
        for (std::uint8_t byte : buffer) {
            if (byte < kRejectFrom && text.size() < length) {
                text.push_back(kQuerySecretAlphabet[byte % kAlphabetSize]);
            }
        }
    }
    return QuerySecret(std::move(text));
}

Result<QuerySecret> parseQuerySecret(std::string_view text) {
    const std::string cleaned = normalised(detail::trimSpaces(text));
    if (cleaned.empty()) {
        return invalid("query code is empty");
    }
    for (const detail::Utf8Character& character : detail::splitUtf8(cleaned)) {
        const char32_t c = character.codePoint;
        if (c < 0x80 && inAlphabet(static_cast<char>(c))) {
            continue;
        }
        if (c == U'0' || c == U'1' || c == U'I' || c == U'L' || c == U'O') {
            return invalid("query code contains " + std::string(character.bytes) +
                           "; the code never has 0, 1, I, L or O");
        }
        return invalid("query code contains \"" + std::string(character.bytes) +
                       "\"; it has only the letters and digits printed on the receipt");
    }
    if (cleaned.size() < kMinQuerySecretLength || cleaned.size() > kMaxQuerySecretLength) {
        return invalid("query code has " + std::to_string(cleaned.size()) + " characters, not " +
                       std::to_string(kMinQuerySecretLength) + " to " +
                       std::to_string(kMaxQuerySecretLength));
    }
    return QuerySecret(cleaned);
}

bool verifyQuerySecret(const QuerySecret& expected, std::string_view typed) {
    const std::string candidate = normalised(detail::trimSpaces(typed));
    const std::string& secret = expected.text();
    // Walk the full stored length whatever was typed; a length mismatch only adds to the difference.
    unsigned difference = candidate.size() == secret.size() ? 0U : 1U;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        const char typedChar = i < candidate.size() ? candidate[i] : '\0';
        difference |= static_cast<unsigned char>(typedChar ^ secret[i]);
    }
    // Keep the compiler from turning the loop into an early exit.
    volatile unsigned result = difference;
    return result == 0;
}

} // namespace hall::present
