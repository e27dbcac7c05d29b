#pragma once

#include "protocol/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hall::sms {

/// The state a delivery report announces; the numbers are Kannel's %d values.
enum class DeliveryState {
    Delivered = 1,     ///< the phone received the message (final)
    Undeliverable = 2, ///< the SMSC gave up on the phone (final)
    Buffered = 4,      ///< the SMSC is still trying (intermediate)
    SmscAccepted = 8,  ///< the SMSC took the message from Kannel (intermediate)
    SmscRejected = 16, ///< the SMSC refused the message (final)
};

/// Stable lower-case name: "delivered", "undeliverable", "buffered", "smsc-accepted", "smsc-rejected".
std::string_view deliveryStateName(DeliveryState state);

/// True for the states after which no further report comes for the message.
bool isFinal(DeliveryState state);

/// One delivery report, as smsbox calls it back on the dlr-url.
struct DeliveryReport {
    std::string messageId; ///< SmsMessage::id of the outbox row
    DeliveryState state = DeliveryState::Delivered;
    std::string smscAnswer;                ///< the SMSC's own words (%A), possibly empty
    std::optional<std::int64_t> timestamp; ///< Unix time of the report (%T), when given
    std::string smscId;                    ///< which SMSC connection reported (%i)

    friend bool operator==(const DeliveryReport&, const DeliveryReport&) = default;
};

/// Query parameter names the request builder appends to the configured dlr url, and the parser reads.
/// `sms_id` is ours; the others are filled by smsbox from its placeholders.
namespace dlr_param {
inline constexpr std::string_view kMessageId = "sms_id"; ///< the outbox row id
inline constexpr std::string_view kStatus = "status";    ///< %d
inline constexpr std::string_view kAnswer = "answer";    ///< %A
inline constexpr std::string_view kTimestamp = "ts";     ///< %T
inline constexpr std::string_view kSmsc = "smsc";        ///< %i
} // namespace dlr_param

/// The query appended to the dlr url: "sms_id=<id>&status=%d&answer=%A&ts=%T&smsc=%i". `messageId` must
/// already be valid (see checkMessageId), so it needs no escaping.
std::string deliveryReportQuery(std::string_view messageId);

/// Parses the request target smsbox calls ("/sms/dlr?hall=2&sms_id=t1-issued&status=1&answer=ACK%2F&ts=...")
/// or its bare query. Other parameters (the configured url's own) are ignored; ours must appear at most
/// once. InvalidArgument names the field when sms_id or status is missing or malformed, or the status is
/// not one of Kannel's five values. Percent escapes and '+' are decoded.
Result<DeliveryReport> parseDeliveryReport(std::string_view target);

/// Checks an outbox message id: 1 to 64 characters from A-Z a-z 0-9 . _ -
Status checkMessageId(std::string_view id);

} // namespace hall::sms
