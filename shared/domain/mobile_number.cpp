#include "domain/mobile_number.h"

#include "domain/identifier_text.h"

namespace hall::domain {

namespace {

Error invalid(std::string reason) {
    return Error{ErrorCode::InvalidArgument, std::move(reason)};
}

} // namespace

Result<std::string> checkMobileNumber(std::string_view text) {
    const std::string_view trimmed = detail::trimSpaces(text);
    if (trimmed.empty()) {
        return invalid("is empty");
    }
    const std::vector<detail::TextCharacter> characters = detail::splitCharacters(trimmed);
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < characters.size(); ++i) {
        const char32_t c = characters[i].codePoint;
        if (c >= '0' && c <= '9') {
            digits.push_back(static_cast<char>(c));
        } else if (c == ' ' || c == '-') {
            continue;
        } else if (c == '+' && i == 0) {
            plus = true;
        } else {
            return invalid(detail::notAllowedReason(characters[i], i + 1));
        }
    }

    if (digits.empty()) {
        return invalid("has no digits");
    }
    if (plus) {
        if (digits.rfind("86", 0) != 0) {
            return invalid("has a country code other than mainland China's +86");
        }
        digits.erase(0, 2);
    } else if (digits.size() > 11 && digits.rfind("0086", 0) == 0) {
        digits.erase(0, 4);
    }

    if (digits.size() != 11) {
        return invalid("has " + std::to_string(digits.size()) + " digits, not 11");
    }
    if (digits[0] != '1') {
        return invalid(std::string("should start with 1, not ") + digits[0]);
    }
    if (digits[1] < '3') {
        return invalid(std::string("second digit should be 3 to 9, not ") + digits[1]);
    }
    return digits;
}

} // namespace hall::domain
