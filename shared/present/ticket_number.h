#pragma once

#include "protocol/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hall::present {

/// Digits a queue pads its numbers to when the hall does not say otherwise ("A023").
inline constexpr int kDefaultTicketWidth = 3;
inline constexpr int kMinTicketWidth = 1;
inline constexpr int kMaxTicketWidth = 5;
/// The highest number a queue issues in one day. Keeps every ticket at 7 characters or fewer, which the
/// one-segment SMS and the LED's fixed columns rely on.
inline constexpr std::uint32_t kMaxTicketSerial = 99999;

/// Checks a queue prefix: one or two upper-case letters A-Z, never I or O (on a slip and on an LED they
/// pass for 1 and 0). Errors are InvalidArgument naming the offending letter.
Status checkQueuePrefix(std::string_view prefix);

/// Checks a queue's padding width: kMinTicketWidth to kMaxTicketWidth digits.
Status checkTicketWidth(int width);

/// A ticket number as the citizen reads it: the queue prefix, then the day's serial number padded with
/// zeros to the queue's width ("A023"). A serial wider than the width keeps all its digits ("A1000" in a
/// queue of width 3). The kiosk slip, the LED, the voice, the SMS and the clerk screen all print it through
/// text(). Two numbers are equal when prefix, serial and width are.
class TicketNumber {
public:
    /// Fails with InvalidArgument for a bad prefix or width, and for a serial outside 1..kMaxTicketSerial.
    static Result<TicketNumber> make(std::string_view prefix, std::uint32_t serial,
                                     int width = kDefaultTicketWidth);

    const std::string& prefix() const { return m_prefix; }
    std::uint32_t serial() const { return m_serial; }
    int width() const { return m_width; }

    /// "A023".
    std::string text() const;
    /// The digits of text() without the prefix ("023").
    std::string digits() const;

    /// The number issued after this one in the same queue; InvalidArgument past kMaxTicketSerial.
    Result<TicketNumber> next() const;

    friend bool operator==(const TicketNumber&, const TicketNumber&) = default;

private:
    TicketNumber(std::string prefix, std::uint32_t serial, int width)
        : m_prefix(std::move(prefix)), m_serial(serial), m_width(width) {}

    std::string m_prefix;
    std::uint32_t m_serial = 0;
    int m_width = kDefaultTicketWidth;
};

/// Reads a ticket number exactly as text() prints it for a queue of `width` digits: "A023" but not
/// "A23", "a023", "A0023" or " A023". Errors are InvalidArgument with a sentence such as
/// "ticket number A23 should be written A023".
Result<TicketNumber> parseTicketNumber(std::string_view text, int width);

/// Reads a printed ticket number whose queue width is not known: the width is taken from the digits
/// ("A023" is width 3, "A1000" width 4), so text() gives back the same text.
Result<TicketNumber> parseTicketNumber(std::string_view text);

/// Reads a ticket number as a clerk types it into a "call this number" box: surrounding spaces are
/// ignored, letters may be lower case and leading zeros may be left out ("a23" is A023 in a queue of
/// width 3). Still refuses anything that is not a prefix followed by digits.
Result<TicketNumber> readTypedTicketNumber(std::string_view text, int width);

} // namespace hall::present
