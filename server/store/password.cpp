#include "store/password.h"

#include "store/journal.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <stdexcept>
#include <vector>

namespace hall::store {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::string derive(std::string_view password, std::string_view salt, std::uint32_t iterations) {
    std::string out(kHashBytes, '\0');
    const int ok =
        PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                          static_cast<int>(iterations), EVP_sha256(), static_cast<int>(out.size()),
                          reinterpret_cast<unsigned char*>(out.data()));
    if (ok != 1)
        throw std::runtime_error("PBKDF2 failed");
    return out;
}

bool fromHex(std::string_view hex, std::string& out) {
    if (hex.size() % 2 != 0)
        return false;
    out.clear();
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        unsigned value = 0;
        const auto [ptr, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
        if (ec != std::errc() || ptr != hex.data() + i + 2)
            return false;
        out.push_back(static_cast<char>(value));
    }
    return true;
}

} // namespace

std::string hashPassword(std::string_view password, std::uint32_t iterations) {
    std::string salt(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) != 1)
        throw std::runtime_error("no random bytes for a password salt");
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + toHex(salt) + "$" +
           toHex(derive(password, salt, iterations));
}

bool verifyPassword(std::string_view password, std::string_view stored) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t pos = stored.find('$'); pos != std::string_view::npos; pos = stored.find('$', start)) {
        parts.push_back(stored.substr(start, pos - start));
        start = pos + 1;
    }
    parts.push_back(stored.substr(start));
    if (parts.size() != 4 || parts[0] != kScheme)
        return false;
    std::uint32_t iterations = 0;
    const auto [ptr, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
    if (ec != std::errc() || ptr != parts[1].data() + parts[1].size() || iterations == 0 ||
        iterations > 10'000'000)
        return false;
    std::string salt;
    std::string expected;
    if (!fromHex(parts[2], salt) || !fromHex(parts[3], expected) || expected.size() != kHashBytes)
        return false;
    const std::string actual = derive(password, salt, iterations);
    return CRYPTO_memcmp(actual.data(), expected.data(), kHashBytes) == 0;
}

} // namespace hall::store
