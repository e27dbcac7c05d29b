#pragma once

#include <string>
#include <string_view>

namespace hall::sms {

/// What became of one send attempt, seen from the outbox.
enum class SendOutcome {
    Accepted,         ///< Kannel took the message for an SMSC ("0: Accepted for delivery", or "Sent.")
    Queued,           ///< Kannel took the message and holds it until an SMSC connects ("3: Queued ...")
    PermanentFailure, ///< the gateway refused this message; the same request would be refused again
    TemporaryFailure, ///< no answer, or a refusal that may pass; the same message may be sent again later
};

/// Stable lower-case name for logs and the outbox table: "accepted", "queued", "permanent-failure",
/// "temporary-failure".
std::string_view sendOutcomeName(SendOutcome outcome);

/// The gateway's answer to one send attempt, typed.
struct SendResult {
    SendOutcome outcome = SendOutcome::TemporaryFailure;
    /// HTTP status of Kannel's answer; 0 when no answer came (refused connection, timeout).
    unsigned httpStatus = 0;
    /// Kannel's answer body without surrounding white space ("Authorization failed for sendsms"), or, when
    /// no answer came, what went wrong on the way ("connection refused by 127.0.0.1:13013").
    std::string gatewayText;
    /// The whole request reached the gateway's socket. A TemporaryFailure with this set (the answer timed
    /// out or the connection dropped) means Kannel may have taken the message anyway: a retry can then
    /// send it twice. Without it, nothing can have been sent.
    bool requestWritten = false;

    /// Accepted or Queued: the outbox row may be marked sent.
    bool taken() const { return outcome == SendOutcome::Accepted || outcome == SendOutcome::Queued; }
    /// Only temporary failures are worth another attempt.
    bool retryable() const { return outcome == SendOutcome::TemporaryFailure; }

    friend bool operator==(const SendResult&, const SendResult&) = default;
};

/// Classifies an HTTP answer from Kannel's sendsms interface. 2xx with "0:" or "Sent." is Accepted and
/// "3:" is Queued; any other 2xx body is not an answer Kannel gives and counts as a PermanentFailure (a
/// wrong URL path must not mark messages sent). 408, 425, 429 and all 5xx are temporary; every other status
/// (400 missing field, 403 "Authorization failed" or "Not routable", 404 ...) is permanent.
SendResult interpretAnswer(unsigned httpStatus, std::string_view body);

} // namespace hall::sms
