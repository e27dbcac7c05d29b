#include "domain/resident_id_number.h"

#include "domain/identifier_text.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace hall::domain {

namespace {

constexpr std::size_t kLength = 18;

// Province-level codes of GB/T 2260 with 71 Taiwan, 81 Hong Kong and 82 Macao; 83, which residence
// permits for Taiwan residents carry (830000); and 91, which the commonly used tables keep for numbers
// issued abroad.
constexpr std::array<int, 36> kProvinceCodes = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                                35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                                53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91};

Error invalid(std::string reason) {
    return Error{ErrorCode::InvalidArgument, std::move(reason)};
}

int digitsValue(std::string_view digits) {
    int value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

char residentIdCheckCharacter(std::string_view first17) {
    assert(first17.size() == 17);
    // ISO 7064 MOD 11-2: weight 2^(17-i) mod 11 for the i-th digit (counting from 0); the check value c
    // makes sum + c congruent to 1 modulo 11, and 10 is written X.
    static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < first17.size(); ++i) {
        assert(first17[i] >= '0' && first17[i] <= '9');
        sum += (first17[i] - '0') * kWeights[i];
    }
    const int check = (12 - sum % 11) % 11;
    return check == 10 ? 'X' : static_cast<char>('0' + check);
}

std::string_view sexName(Sex sex) {
    return sex == Sex::Male ? "male" : "female";
}

Result<ResidentIdNumber> checkResidentIdNumber(std::string_view text, Date today) {
    const std::string_view trimmed = detail::trimSpaces(text);
    if (trimmed.empty()) {
        return invalid("is empty");
    }
    const std::vector<detail::TextCharacter> characters = detail::splitCharacters(trimmed);
    std::string value;
    for (std::size_t i = 0; i < characters.size(); ++i) {
        const char32_t c = characters[i].codePoint;
        const bool last = i + 1 == characters.size();
        if (c >= '0' && c <= '9') {
            value.push_back(static_cast<char>(c));
        } else if ((c == 'X' || c == 'x') && last) {
            value.push_back('X');
        } else if (c == 'X' || c == 'x') {
            return invalid("contains " + std::string(characters[i].bytes) + " at position " +
                           std::to_string(i + 1) + "; X may only be the last character");
        } else {
            return invalid(detail::notAllowedReason(characters[i], i + 1));
        }
    }
    if (value.size() == 15) {
        return invalid(
            "has 15 characters: the first-generation 15-digit numbers are not accepted, an 18-character "
            "number is needed");
    }
    if (value.size() != kLength) {
        return invalid("has " + std::to_string(value.size()) + " characters, not 18");
    }

    const int province = digitsValue(std::string_view(value).substr(0, 2));
    if (std::find(kProvinceCodes.begin(), kProvinceCodes.end(), province) == kProvinceCodes.end()) {
        return invalid("region code " + value.substr(0, 6) + " does not start with a province code (" +
                       value.substr(0, 2) + " is not one)");
    }

    const std::string birthText = value.substr(6, 4) + "-" + value.substr(10, 2) + "-" + value.substr(12, 2);
    const Date birthDate{
        std::chrono::year{digitsValue(std::string_view(value).substr(6, 4))},
        std::chrono::month{static_cast<unsigned>(digitsValue(std::string_view(value).substr(10, 2)))},
        std::chrono::day{static_cast<unsigned>(digitsValue(std::string_view(value).substr(12, 2)))}};
    if (!birthDate.ok()) {
        return invalid("birth date " + birthText + " does not exist");
    }
    if (birthDate.year() < std::chrono::year{1900}) {
        return invalid("birth date " + birthText + " is before 1900");
    }
    if (birthDate > today) {
        return invalid("birth date " + birthText + " is in the future");
    }

    const char expected = residentIdCheckCharacter(std::string_view(value).substr(0, 17));
    if (value[17] != expected) {
        return invalid(std::string("check character should be ") + expected + ", not " + value[17]);
    }

    const bool odd = (value[16] - '0') % 2 == 1;
    return ResidentIdNumber{value, value.substr(0, 6), birthDate, odd ? Sex::Male : Sex::Female};
}

Result<ResidentIdNumber> checkResidentIdNumber(std::string_view text) {
    return checkResidentIdNumber(text, chinaToday());
}

} // namespace hall::domain
