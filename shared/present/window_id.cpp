#include "present/window_id.h"

namespace hall::present {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

Result<WindowId> WindowId::make(int floor, int number) {
    if (floor < 1 || floor > 9) {
        return invalid("window floor " + std::to_string(floor) + " is outside 1 to 9");
    }
    if (number < 1 || number > 99) {
        return invalid("window number " + std::to_string(number) + " is outside 1 to 99");
    }
    return WindowId{static_cast<std::uint8_t>(floor), static_cast<std::uint8_t>(number)};
}

std::string WindowId::text() const {
    std::string out;
    out.push_back(static_cast<char>('0' + floor));
    out.push_back('-');
    out.push_back(static_cast<char>('0' + number / 10));
    out.push_back(static_cast<char>('0' + number % 10));
    return out;
}

Result<WindowId> parseWindowId(std::string_view text) {
    const bool shaped = text.size() == 4 && isAsciiDigit(text[0]) && text[1] == '-' &&
                        isAsciiDigit(text[2]) && isAsciiDigit(text[3]);
    if (!shaped) {
        return invalid("window \"" + std::string(text) +
                       "\" is not a floor digit, a dash and a two-digit number, such as 2-07");
    }
    return WindowId::make(text[0] - '0', (text[2] - '0') * 10 + (text[3] - '0'));
}

std::string windowDisplayName(const WindowId& window, Language language) {
    switch (language) {
    case Language::Chinese:
        return window.text() + "号窗口";
    case Language::English:
        return "Window " + window.text();
    }
    return window.text();
}

std::string floorName(std::uint8_t floor, Language language) {
    switch (language) {
    case Language::Chinese:
        return std::to_string(floor) + " 楼";
    case Language::English:
        return "floor " + std::to_string(floor);
    }
    return std::to_string(floor);
}

} // namespace hall::present
