#pragma once

#include "protocol/result.h"
#include "sms/sms_config.h"
#include "sms/sms_message.h"

#include <string>
#include <string_view>

namespace hall::sms {

/// Percent-encoding for a query value (RFC 3986): A-Z a-z 0-9 - . _ ~ stay, every other byte becomes %XX
/// with upper-case hex, space included (never '+').
std::string percentEncode(std::string_view bytes);

/// How many SMS parts a UTF-8 text needs when sent as UCS-2: one part holds 70 UTF-16 units, a
/// concatenated part 67 (characters outside the BMP take two units). InvalidArgument for invalid UTF-8.
Result<unsigned> smsPartCount(std::string_view utf8Text);

/// A checked message turned into the GET request for smsbox.
struct SendSmsRequest {
    std::string target;   ///< path and query, for example "/cgi-bin/sendsms?username=...&coding=2"
    std::string receiver; ///< the 11 digits sent as `to`
    unsigned parts = 1;   ///< SMS parts the text needs

    friend bool operator==(const SendSmsRequest&, const SendSmsRequest&) = default;
};

/// Checks the message and builds the request: username, password, to, text (UTF-8, percent-encoded),
/// charset=UTF-8, coding=2, then from, smsc, dlr-mask and dlr-url when configured. The dlr-url is the
/// configured one with deliveryReportQuery(id) appended, itself percent-encoded as one value.
/// InvalidArgument, prefixed with the field ("to: has 10 digits, not 11"), when the id is malformed, the
/// number is not a mainland mobile number, the text is empty or not UTF-8, or it needs more than
/// config.maxParts parts. Nothing is sent for a refused message.
Result<SendSmsRequest> makeSendSmsRequest(const KannelConfig& config, const SmsMessage& message);

/// The same checks without building anything: for the caller to refuse a message before it enters the
/// outbox.
Status checkMessage(const KannelConfig& config, const SmsMessage& message);

} // namespace hall::sms
