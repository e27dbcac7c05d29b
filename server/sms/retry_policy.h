#pragma once

#include "protocol/result.h"
#include "sms/send_result.h"

#include <chrono>

namespace hall::sms {

/// What the outbox does with a row after an attempt.
struct RetryDecision {
    enum class Action {
        Done,       ///< the gateway took the message: mark the row sent
        RetryLater, ///< send again after `delay`
        GiveUp,     ///< mark the row failed for good; `last` says why
    };
    Action action = Action::GiveUp;
    std::chrono::milliseconds delay{0}; ///< only for RetryLater
    SendResult last;                    ///< the answer that led here, kept for the outbox row

    friend bool operator==(const RetryDecision&, const RetryDecision&) = default;
};

/// Exponential back-off with jitter and a cap, and a limit on attempts. Pure: the caller passes the attempt
/// count it stored and a random number, so the worker can be restarted and the policy tested without a
/// clock.
struct RetryPolicy {
    std::chrono::milliseconds initialDelay{10'000}; ///< delay after the first failed attempt
    std::chrono::milliseconds maxDelay{600'000};    ///< no delay is longer than this
    double multiplier = 2.0;                        ///< each further delay is this many times the last
    /// Share of each delay taken away at random (0 to 1), so that rows failing together do not all come
    /// back in the same instant: the delay lies in [d * (1 - jitter), d].
    double jitter = 0.2;
    int maxAttempts = 8; ///< attempts in all, the first included

    /// InvalidArgument naming the field when a value makes no sense (a negative delay, jitter above 1 ...).
    Status validate() const;

    /// The pause before attempt `attemptsMade + 1`, given `attemptsMade` (>= 1) attempts so far and
    /// `unitRandom` in [0, 1): min(maxDelay, initialDelay * multiplier^(attemptsMade - 1)), less up to the
    /// jitter share.
    std::chrono::milliseconds delayAfter(int attemptsMade, double unitRandom) const;

    /// Done when the gateway took the message; GiveUp on a permanent failure or when `attemptsMade`
    /// reached maxAttempts; RetryLater with delayAfter() otherwise.
    RetryDecision decide(int attemptsMade, const SendResult& last, double unitRandom) const;
};

} // namespace hall::sms
