#pragma once

#include "present/call_text.h"
#include "present/language.h"
#include "present/ticket_number.h"
#include "present/window_id.h"
#include "protocol/result.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hall::present {

/// Characters in one SMS segment: 70 in UCS-2 (any Chinese text), 160 septets in the GSM 7-bit alphabet.
/// A longer text is split into segments of 67 and 153 because each part carries a joining header.
inline constexpr std::size_t kSmsUcs2SingleLimit = 70;
inline constexpr std::size_t kSmsUcs2PartLimit = 67;
inline constexpr std::size_t kSmsGsm7SingleLimit = 160;
inline constexpr std::size_t kSmsGsm7PartLimit = 153;

/// The coding a gateway will pick for a text.
enum class SmsEncoding { Gsm7, Ucs2 };

/// How long a text is on the air: its coding, its length in that coding's units (septets for GSM 7-bit,
/// where the extension characters such as [ ] € count two; UTF-16 code units for UCS-2) and the number
/// of segments it is sent in.
struct SmsLength {
    SmsEncoding encoding = SmsEncoding::Gsm7;
    std::size_t units = 0;
    std::size_t segments = 0;
};

/// Measures `text` (UTF-8) as an SMS gateway would.
SmsLength measureSms(std::string_view text);

/// The sender's name every SMS starts with, as registered with the carriers: "【阳光大厦】" in Chinese,
/// "[Sunshine Hall] " in English.
class SmsSignature {
public:
    /// `chinese`: 2 to 8 characters, Han characters, letters or digits. `english`: 2 to 20 characters,
    /// ASCII letters, digits and single spaces inside. Errors are InvalidArgument.
    static Result<SmsSignature> make(std::string_view chinese, std::string_view english);

    /// The signature with its brackets, ready to be put in front of a message.
    std::string text(Language language) const;

private:
    SmsSignature(std::string chinese, std::string english)
        : m_chinese(std::move(chinese)), m_english(std::move(english)) {}

    std::string m_chinese;
    std::string m_english;
};

// The three texts a waiting citizen receives. They carry no personal data, only the ticket, the window,
// counts and the estimate, and each fits one segment for every input (a test checks the worst cases).

/// After taking a number:
///   "【阳光大厦】您的号码 A023，前面还有 12 人，预计等候约 15 分钟，请留意叫号。"
///   "[Sunshine Hall] Your ticket is A023. 12 people ahead of you, estimated wait about 15 minutes.
///    Please watch the display."
/// The wait clause is left out when the estimate is unknown.
std::string ticketIssuedSms(const SmsSignature& signature, const TicketNumber& ticket,
                            std::uint32_t peopleAhead, std::optional<std::chrono::seconds> wait,
                            Language language);

/// When the hall's reminder position is reached:
///   "【阳光大厦】A023 号前面还有 3 人，请回到大厅留意叫号。" ("A023 号即将叫到" when none are left)
///   "[Sunshine Hall] Ticket A023: 3 people ahead of you. Please return to the hall and watch the display."
std::string turnNearSms(const SmsSignature& signature, const TicketNumber& ticket, std::uint32_t peopleAhead,
                        Language language);

/// When the number is called:
///   "【阳光大厦】请 A023 号到 2 楼 2-07 号窗口办理。"
///   "[Sunshine Hall] Ticket A023, please go to Window 2-07 on floor 2 now."
std::string ticketCalledSms(const SmsSignature& signature, const TicketNumber& ticket, const WindowId& window,
                            Language language);

} // namespace hall::present
