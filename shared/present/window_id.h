#pragma once

#include "present/language.h"
#include "protocol/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hall::present {

/// A service window as signed in the hall: the floor digit, a dash and a two-digit number ("2-07" is
/// window 7 on the second floor). The same text names the window in device certificates and event topics.
struct WindowId {
    std::uint8_t floor = 1;  ///< 1-9
    std::uint8_t number = 1; ///< 1-99

    /// Fails with InvalidArgument for a floor outside 1-9 or a number outside 1-99.
    static Result<WindowId> make(int floor, int number);

    /// "2-07".
    std::string text() const;

    friend bool operator==(const WindowId&, const WindowId&) = default;
};

/// Reads exactly "F-NN": a floor digit 1-9, a dash, two digits 01-99. "2-7", "02-07" and "2-00" are
/// refused with an InvalidArgument sentence that shows the expected shape.
Result<WindowId> parseWindowId(std::string_view text);

/// The window's name on screens and slips: "2-07号窗口" in Chinese, "Window 2-07" in English.
std::string windowDisplayName(const WindowId& window, Language language);

/// The floor as it is named in a sentence: "2 楼" in Chinese, "floor 2" in English.
std::string floorName(std::uint8_t floor, Language language);

} // namespace hall::present
