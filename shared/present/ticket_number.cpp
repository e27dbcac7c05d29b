#include "present/ticket_number.h"

#include "present/utf8_text.h"

namespace hall::present {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
}

bool isAsciiLetter(char c) {
    return isAsciiUpper(c) || (c >= 'a' && c <= 'z');
}

std::string padded(std::uint32_t serial, int width) {
    std::string digits = std::to_string(serial);
    if (digits.size() < static_cast<std::size_t>(width)) {
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    }
    return digits;
}

// Quotes what was typed so that a space or an empty text stays visible in the message.
std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

struct TicketParts {
    std::string_view letters;
    std::string_view digits;
};

// Splits "A023" into "A" and "023", or says why the text is not letters followed by digits.
Result<TicketParts> splitTicket(std::string_view text) {
    if (text.empty()) {
        return invalid("ticket number is empty");
    }
    std::size_t i = 0;
    while (i < text.size() && isAsciiLetter(text[i])) {
        ++i;
    }
    const std::size_t letterCount = i;
    while (i < text.size() && isAsciiDigit(text[i])) {
        ++i;
    }
    if (i != text.size()) {
        const std::vector<detail::Utf8Character> rest = detail::splitUtf8(text.substr(i));
        const std::string bad = rest.front().codePoint == ' ' ? "a space" : std::string(rest.front().bytes);
        return invalid("ticket number " + quoted(text) + " contains " + bad +
                       "; it is letters followed by digits, such as A023");
    }
    if (letterCount == 0) {
        return invalid("ticket number " + quoted(text) + " has no queue letter in front");
    }
    if (letterCount == text.size()) {
        return invalid("ticket number " + quoted(text) + " has no digits after the queue letters");
    }
    return TicketParts{text.substr(0, letterCount), text.substr(letterCount)};
}

Result<std::uint32_t> serialFromDigits(std::string_view digits, std::string_view text) {
    // Six digits are already past the maximum; stopping there keeps the arithmetic small.
    if (digits.find_first_not_of('0') != std::string_view::npos &&
        digits.size() - digits.find_first_not_of('0') > 5) {
        return invalid("ticket number " + quoted(text) + " is above the highest number, " +
                       std::to_string(kMaxTicketSerial));
    }
    std::uint32_t serial = 0;
    for (char c : digits) {
        serial = serial * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (serial == 0) {
        return invalid("ticket number " + quoted(text) + " is 0; numbers start at 1");
    }
    return serial;
}

} // namespace

Status checkQueuePrefix(std::string_view prefix) {
    if (prefix.empty()) {
        return invalid("queue prefix is empty; it is one or two letters such as A or VB");
    }
    if (prefix.size() > 2) {
        return invalid("queue prefix " + quoted(prefix) + " is too long; it is one or two letters");
    }
    for (char c : prefix) {
        if (!isAsciiUpper(c)) {
            return invalid("queue prefix " + quoted(prefix) + " may contain only the capital letters A-Z");
        }
        if (c == 'I' || c == 'O') {
            return invalid("queue prefix " + quoted(prefix) + " contains " + std::string(1, c) +
                           ", which is not used because it looks like " + (c == 'I' ? "1" : "0"));
        }
    }
    return success();
}

Status checkTicketWidth(int width) {
    if (width < kMinTicketWidth || width > kMaxTicketWidth) {
        return invalid("ticket width " + std::to_string(width) + " is outside " +
                       std::to_string(kMinTicketWidth) + " to " + std::to_string(kMaxTicketWidth) +
                       " digits");
    }
    return success();
}

Result<TicketNumber> TicketNumber::make(std::string_view prefix, std::uint32_t serial, int width) {
    if (Status status = checkQueuePrefix(prefix); !status) {
        return status.error();
    }
    if (Status status = checkTicketWidth(width); !status) {
        return status.error();
    }
    if (serial < 1 || serial > kMaxTicketSerial) {
        return invalid("ticket serial " + std::to_string(serial) + " is outside 1 to " +
                       std::to_string(kMaxTicketSerial));
    }
    return TicketNumber(std::string(prefix), serial, width);
}

std::string TicketNumber::text() const {
    return m_prefix + digits();
}

std::string TicketNumber::digits() const {
    return padded(m_serial, m_width);
}

Result<TicketNumber> TicketNumber::next() const {
    if (m_serial >= kMaxTicketSerial) {
        return invalid("queue " + m_prefix + " has issued its last number, " + text());
    }
    return TicketNumber(m_prefix, m_serial + 1, m_width);
}

Result<TicketNumber> parseTicketNumber(std::string_view text, int width) {
    if (Status status = checkTicketWidth(width); !status) {
        return status.error();
    }
    Result<TicketParts> parts = splitTicket(text);
    if (!parts) {
        return parts.error();
    }
    Result<std::uint32_t> serial = serialFromDigits(parts->digits, text);
    if (!serial) {
        return serial.error();
    }
    Result<TicketNumber> ticket = TicketNumber::make(parts->letters, *serial, width);
    if (!ticket) {
        return ticket.error();
    }
    if (ticket->text() != text) {
        return invalid("ticket number " + quoted(text) + " should be written " + ticket->text());
    }
    return ticket;
}

Result<TicketNumber> parseTicketNumber(std::string_view text) {
    Result<TicketParts> parts = splitTicket(text);
    if (!parts) {
        return parts.error();
    }
    const int width = static_cast<int>(parts->digits.size());
    if (width > kMaxTicketWidth) {
        // Either too many leading zeros or a number past the maximum; the strict reader says which.
        Result<std::uint32_t> serial = serialFromDigits(parts->digits, text);
        if (!serial) {
            return serial.error();
        }
        return invalid("ticket number " + quoted(text) + " has more than " + std::to_string(kMaxTicketWidth) +
                       " digits");
    }
    return parseTicketNumber(text, width);
}

Result<TicketNumber> readTypedTicketNumber(std::string_view text, int width) {
    if (Status status = checkTicketWidth(width); !status) {
        return status.error();
    }
    const std::string_view trimmed = detail::trimSpaces(text);
    Result<TicketParts> parts = splitTicket(trimmed);
    if (!parts) {
        return parts.error();
    }
    std::string prefix(parts->letters);
    for (char& c : prefix) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    Result<std::uint32_t> serial = serialFromDigits(parts->digits, trimmed);
    if (!serial) {
        return serial.error();
    }
    return TicketNumber::make(prefix, *serial, width);
}

} // namespace hall::present
