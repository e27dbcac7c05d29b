#include "present/case_number.h"

#include "present/utf8_text.h"

namespace hall::present {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

std::string padded(unsigned value, std::size_t width) {
    std::string digits = std::to_string(value);
    if (digits.size() < width) {
        digits.insert(0, width - digits.size(), '0');
    }
    return digits;
}

// ISO 7064 MOD 97-10: the check value makes body followed by it leave 1 modulo 97.
int mod97Check(std::string_view body) {
    int remainder = 0;
    for (char c : body) {
        remainder = (remainder * 10 + (c - '0')) % 97;
    }
    remainder = remainder * 100 % 97;
    return 98 - remainder;
}

std::string bodyDigits(const CaseNumber& number) {
    const int year = static_cast<int>(number.date.year());
    const unsigned month = static_cast<unsigned>(number.date.month());
    const unsigned day = static_cast<unsigned>(number.date.day());
    return padded(static_cast<unsigned>(year), 4) + padded(month, 2) + padded(day, 2) +
           padded(number.serial, 5);
}

} // namespace

Result<CaseNumber> CaseNumber::make(domain::Date date, std::uint32_t serial) {
    if (!date.ok()) {
        return invalid("case date is not a real date");
    }
    const int year = static_cast<int>(date.year());
    if (year < 2000 || year > 2099) {
        return invalid("case date " + domain::formatIsoDate(date) + " is outside the years 2000 to 2099");
    }
    if (serial < 1 || serial > kMaxCaseSerial) {
        return invalid("case serial " + std::to_string(serial) + " is outside 1 to " +
                       std::to_string(kMaxCaseSerial));
    }
    return CaseNumber{date, serial};
}

std::string caseCheckDigits(std::string_view body) {
    return padded(static_cast<unsigned>(mod97Check(body)), 2);
}

std::string CaseNumber::digits() const {
    const std::string body = bodyDigits(*this);
    return body + caseCheckDigits(body);
}

std::string CaseNumber::text() const {
    const std::string all = digits();
    return all.substr(0, 4) + "-" + all.substr(4, 4) + "-" + all.substr(8, 5) + "-" + all.substr(13, 2);
}

Result<CaseNumber> parseCaseNumber(std::string_view text) {
    const std::string_view trimmed = detail::trimSpaces(text);
    if (trimmed.empty()) {
        return invalid("case number is empty");
    }
    std::string digits;
    const std::vector<detail::Utf8Character> characters = detail::splitUtf8(trimmed);
    for (std::size_t i = 0; i < characters.size(); ++i) {
        const char32_t c = characters[i].codePoint;
        if (c >= U'0' && c <= U'9') {
            digits.push_back(static_cast<char>(c));
        } else if (c != U'-' && c != U' ') {
            return invalid("case number contains \"" + std::string(characters[i].bytes) + "\" at position " +
                           std::to_string(i + 1) + "; it has only digits and dashes");
        }
    }
    if (digits.size() != 15) {
        return invalid("case number has " + std::to_string(digits.size()) + " digits, not 15");
    }
    const std::string_view body = std::string_view(digits).substr(0, 13);
    if (caseCheckDigits(body) != std::string_view(digits).substr(13)) {
        return invalid(
            "case number check digits do not match: a digit may be mistyped or two digits swapped");
    }
    const std::string iso = digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
    Result<domain::Date> date = domain::parseIsoDate(iso);
    if (!date) {
        return invalid("case number date " + iso + " does not exist");
    }
    const auto serial = static_cast<std::uint32_t>(std::stoul(digits.substr(8, 5)));
    return CaseNumber::make(*date, serial);
}

} // namespace hall::present
