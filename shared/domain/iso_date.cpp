#include "domain/iso_date.h"

#include <cassert>
#include <cstdio>

namespace hall::domain {

namespace {

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int digitsValue(std::string_view text) {
    int value = 0;
    for (char c : text) {
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

Result<Date> parseIsoDate(std::string_view text) {
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                        allDigits(text.substr(0, 4)) && allDigits(text.substr(5, 2)) &&
                        allDigits(text.substr(8, 2));
    if (!shaped) {
        return Error{ErrorCode::InvalidArgument,
                     "\"" + std::string(text) + "\" is not a date of the form YYYY-MM-DD"};
    }
    const int year = digitsValue(text.substr(0, 4));
    const Date date{std::chrono::year{year},
                    std::chrono::month{static_cast<unsigned>(digitsValue(text.substr(5, 2)))},
                    std::chrono::day{static_cast<unsigned>(digitsValue(text.substr(8, 2)))}};
    if (year == 0 || !date.ok()) {
        return Error{ErrorCode::InvalidArgument, "date " + std::string(text) + " does not exist"};
    }
    return date;
}

std::string formatIsoDate(Date date) {
    assert(date.ok());
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

Date addDays(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

Date chinaToday() {
    const auto chinaNow = std::chrono::system_clock::now() + std::chrono::hours{8};
    return Date{std::chrono::floor<std::chrono::days>(chinaNow)};
}

} // namespace hall::domain
