#include "present/sms_text.h"

#include "present/utf8_text.h"

#include <algorithm>
#include <array>

namespace hall::present {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

// GSM 03.38: the characters of the basic table outside printable ASCII.
constexpr std::array<char32_t, 41> kGsmBasicExtra = {
    U'\n', U'\r', U'£', U'¥', U'è', U'é', U'ù', U'ì', U'ò', U'Ç', U'Ø', U'ø', U'Å', U'å',
    U'Δ',  U'Φ',  U'Γ', U'Λ', U'Ω', U'Π', U'Ψ', U'Σ', U'Θ', U'Ξ', U'Æ', U'æ', U'ß', U'É',
    U'¤',  U'¡',  U'Ä', U'Ö', U'Ñ', U'Ü', U'§', U'¿', U'ä', U'ö', U'ñ', U'ü', U'à'};
// The extension table: each costs an escape septet plus its own.
constexpr std::array<char32_t, 10> kGsmExtension = {U'\f', U'^', U'{', U'}', U'\\',
                                                    U'[',  U'~', U']', U'|', U'€'};

template <std::size_t N> bool contains(const std::array<char32_t, N>& table, char32_t c) {
    return std::find(table.begin(), table.end(), c) != table.end();
}

// Septets a character takes in GSM 7-bit, or 0 when the alphabet does not have it.
std::size_t gsmSeptets(char32_t c) {
    if (contains(kGsmExtension, c)) {
        return 2;
    }
    if ((c >= 0x20 && c <= 0x7E && c != U'`') || contains(kGsmBasicExtra, c)) {
        return 1;
    }
    return 0;
}

std::size_t segmentsFor(std::size_t units, std::size_t single, std::size_t part) {
    if (units <= single) {
        return 1;
    }
    return (units + part - 1) / part;
}

bool isAsciiAlnum(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}

} // namespace

SmsLength measureSms(std::string_view text) {
    const std::vector<detail::Utf8Character> characters = detail::splitUtf8(text);
    std::size_t septets = 0;
    bool gsm = true;
    std::size_t utf16Units = 0;
    for (const detail::Utf8Character& character : characters) {
        const std::size_t cost = gsmSeptets(character.codePoint);
        gsm = gsm && cost != 0;
        septets += cost;
        utf16Units += character.codePoint > 0xFFFF ? 2 : 1;
    }
    if (gsm) {
        return SmsLength{SmsEncoding::Gsm7, septets,
                         segmentsFor(septets, kSmsGsm7SingleLimit, kSmsGsm7PartLimit)};
    }
    return SmsLength{SmsEncoding::Ucs2, utf16Units,
                     segmentsFor(utf16Units, kSmsUcs2SingleLimit, kSmsUcs2PartLimit)};
}

Result<SmsSignature> SmsSignature::make(std::string_view chinese, std::string_view english) {
    const std::vector<detail::Utf8Character> han = detail::splitUtf8(chinese);
    if (han.size() < 2 || han.size() > 8) {
        return invalid("Chinese SMS signature \"" + std::string(chinese) + "\" has " +
                       std::to_string(han.size()) + " characters; it needs 2 to 8");
    }
    for (const detail::Utf8Character& character : han) {
        if (!detail::isHan(character.codePoint) && !isAsciiAlnum(character.codePoint)) {
            return invalid("Chinese SMS signature \"" + std::string(chinese) + "\" contains \"" +
                           std::string(character.bytes) +
                           "\"; only Han characters, letters and digits are allowed");
        }
    }
    if (english.size() < 2 || english.size() > 20) {
        return invalid("English SMS signature \"" + std::string(english) + "\" has " +
                       std::to_string(english.size()) + " characters; it needs 2 to 20");
    }
    for (std::size_t i = 0; i < english.size(); ++i) {
        const char c = english[i];
        const bool innerSpace = c == ' ' && i > 0 && i + 1 < english.size() && english[i - 1] != ' ';
        if (!isAsciiAlnum(static_cast<unsigned char>(c)) && !innerSpace) {
            return invalid("English SMS signature \"" + std::string(english) +
                           "\" may contain only letters, digits and single spaces between words");
        }
    }
    return SmsSignature(std::string(chinese), std::string(english));
}

std::string SmsSignature::text(Language language) const {
    return language == Language::Chinese ? "【" + m_chinese + "】" : "[" + m_english + "] ";
}

std::string ticketIssuedSms(const SmsSignature& signature, const TicketNumber& ticket,
                            std::uint32_t peopleAhead, std::optional<std::chrono::seconds> wait,
                            Language language) {
    std::string out = signature.text(language);
    if (language == Language::Chinese) {
        out += "您的号码 " + ticket.text() + "，" + peopleAheadText(peopleAhead, language);
        if (wait) {
            out += "，预计等候" + formatWaitEstimate(wait, language);
        }
        out += "，请留意叫号。";
        return out;
    }
    const std::string ahead =
        peopleAhead == 0 ? std::string("You are next") : peopleAheadText(peopleAhead, language);
    out += "Your ticket is " + ticket.text() + ". " + ahead;
    if (wait) {
        out += ", estimated wait " + formatWaitEstimate(wait, language);
    }
    out += ". Please watch the display.";
    return out;
}

std::string turnNearSms(const SmsSignature& signature, const TicketNumber& ticket, std::uint32_t peopleAhead,
                        Language language) {
    std::string out = signature.text(language);
    if (language == Language::Chinese) {
        out += ticket.text() + " 号";
        out += peopleAhead == 0 ? "即将叫到" : peopleAheadText(peopleAhead, language);
        out += "，请回到大厅留意叫号。";
        return out;
    }
    out += "Ticket " + ticket.text() + ": " + peopleAheadText(peopleAhead, language) +
           ". Please return to the hall and watch the display.";
    return out;
}

std::string ticketCalledSms(const SmsSignature& signature, const TicketNumber& ticket, const WindowId& window,
                            Language language) {
    std::string out = signature.text(language);
    if (language == Language::Chinese) {
        out += "请 " + ticket.text() + " 号到 " + floorName(window.floor, language) + " " + window.text() +
               " 号窗口办理。";
        return out;
    }
    out += "Ticket " + ticket.text() + ", please go to " + windowDisplayName(window, language) + " on " +
           floorName(window.floor, language) + " now.";
    return out;
}

} // namespace hall::present
