#pragma once

#include <string>

namespace hall::sms {

/// One text message to one mobile phone, as the outbox hands it to the gateway.
struct SmsMessage {
    /// Stable id of the outbox row (for example "t1234-called"): the same on every retry, so that delivery
    /// reports and duplicate sends can be traced to one row. 1 to 64 characters from A-Z a-z 0-9 . _ -
    std::string id;
    /// The receiver as stored by the caller; checked and reduced to 11 digits before sending (mainland
    /// mobile numbers only, see domain::checkMobileNumber).
    std::string to;
    /// The text in UTF-8. Sent as UCS-2, so any Chinese text arrives as written.
    std::string text;

    friend bool operator==(const SmsMessage&, const SmsMessage&) = default;
};

} // namespace hall::sms
