#include "domain/social_credit_code.h"

#include "domain/identifier_text.h"

#include <array>
#include <cassert>

namespace hall::domain {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::size_t kLength = 18;

// Registering authorities and the organisation types each one assigns (GB 32100-2015 and the codes the
// authorities added since: 2 foreign affairs, 3 justice, 4 culture, 6 tourism, 7 religious affairs,
// 8 trade unions, A the military commission's establishment office, N agriculture).
struct Authority {
    char code;
    std::string_view name;
    std::string_view types;
};

constexpr std::array<Authority, 12> kAuthorities = {{
    {'1', "establishment office", "1239"},
    {'2', "foreign affairs", "19"},
    {'3', "justice", "123459"},
    {'4', "culture", "19"},
    {'5', "civil affairs", "1239"},
    {'6', "tourism", "129"},
    {'7', "religious affairs", "129"},
    {'8', "trade unions", "19"},
    {'9', "market regulation", "123"},
    {'A', "military establishment office", "19"},
    {'N', "agriculture", "1239"},
    {'Y', "other authorities", "1"},
}};

const Authority* findAuthority(char code) {
    for (const Authority& authority : kAuthorities) {
        if (authority.code == code) {
            return &authority;
        }
    }
    return nullptr;
}

std::string listOf(std::string_view characters) {
    std::string list;
    for (char c : characters) {
        if (!list.empty()) {
            list += ", ";
        }
        list.push_back(c);
    }
    return list;
}

int alphabetValue(char c) {
    const std::size_t index = kAlphabet.find(c);
    assert(index != std::string_view::npos);
    return static_cast<int>(index);
}

Error invalid(std::string reason) {
    return Error{ErrorCode::InvalidArgument, std::move(reason)};
}

} // namespace

char socialCreditCheckCharacter(std::string_view first17) {
    assert(first17.size() == 17);
    int sum = 0;
    int weight = 1;
    for (char c : first17) {
        sum += alphabetValue(c) * weight;
        weight = weight * 3 % 31;
    }
    return kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

char organisationCodeCheckCharacter(std::string_view body8) {
    assert(body8.size() == 8);
    static constexpr std::array<int, 8> kWeights = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < body8.size(); ++i) {
        const char c = body8[i];
        assert((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'));
        const int value = c <= '9' ? c - '0' : c - 'A' + 10;
        sum += value * kWeights[i];
    }
    const int check = 11 - sum % 11;
    if (check == 10) {
        return 'X';
    }
    return check == 11 ? '0' : static_cast<char>('0' + check);
}

std::string_view registeringAuthorityName(char code) {
    const Authority* authority = findAuthority(code);
    return authority == nullptr ? std::string_view{} : authority->name;
}

Result<SocialCreditCode> checkSocialCreditCode(std::string_view text) {
    const std::string_view trimmed = detail::trimSpaces(text);
    if (trimmed.empty()) {
        return invalid("is empty");
    }
    const std::vector<detail::TextCharacter> characters = detail::splitCharacters(trimmed);
    std::string value;
    for (std::size_t i = 0; i < characters.size(); ++i) {
        char32_t c = characters[i].codePoint;
        if (c >= 'a' && c <= 'z') {
            c = c - 'a' + 'A';
        }
        if (c >= 0x80 || kAlphabet.find(static_cast<char>(c)) == std::string_view::npos) {
            std::string reason = detail::notAllowedReason(characters[i], i + 1);
            if (c == 'I' || c == 'O' || c == 'Z' || c == 'S' || c == 'V') {
                reason += " (the code never uses I, O, Z, S or V)";
            }
            return invalid(std::move(reason));
        }
        value.push_back(static_cast<char>(c));
    }
    if (value.size() != kLength) {
        return invalid("has " + std::to_string(value.size()) + " characters, not 18");
    }

    const Authority* authority = findAuthority(value[0]);
    if (authority == nullptr) {
        return invalid(std::string("registering authority code ") + value[0] +
                       " is not known (known: " + listOf("123456789ANY") + ")");
    }
    if (authority->types.find(value[1]) == std::string_view::npos) {
        return invalid(std::string("organisation type ") + value[1] +
                       " is not used by registering authority " + value[0] + " (" +
                       std::string(authority->name) + "), which uses " + listOf(authority->types));
    }
    for (std::size_t i = 2; i < 8; ++i) {
        if (value[i] < '0' || value[i] > '9') {
            return invalid("region code (positions 3-8) must be digits, but position " +
                           std::to_string(i + 1) + " is " + value[i]);
        }
    }

    const char expected = socialCreditCheckCharacter(std::string_view(value).substr(0, 17));
    if (value[17] != expected) {
        return invalid(std::string("check character should be ") + expected + ", not " + value[17]);
    }
    const char organisationExpected = organisationCodeCheckCharacter(std::string_view(value).substr(8, 8));
    if (value[16] != organisationExpected) {
        return invalid(std::string("organisation code ") + value.substr(8, 9) +
                       ": its check character should be " + organisationExpected + ", not " + value[16]);
    }

    return SocialCreditCode{value, value[0], value[1], value.substr(2, 6), value.substr(8, 9)};
}

} // namespace hall::domain
