#include "sms/retry_policy.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hall::sms {

Status RetryPolicy::validate() const {
    if (initialDelay.count() <= 0) {
        return Error{ErrorCode::InvalidArgument, "retry_initial_ms must be positive"};
    }
    if (maxDelay < initialDelay) {
        return Error{ErrorCode::InvalidArgument, "retry_max_ms must not be less than retry_initial_ms"};
    }
    if (!(multiplier >= 1.0 && multiplier <= 100.0)) {
        return Error{ErrorCode::InvalidArgument, "retry_multiplier must lie between 1 and 100"};
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
        return Error{ErrorCode::InvalidArgument, "retry_jitter must lie between 0 and 1"};
    }
    if (maxAttempts < 1 || maxAttempts > 1000) {
        return Error{ErrorCode::InvalidArgument, "retry_max_attempts must lie between 1 and 1000"};
    }
    return success();
}

std::chrono::milliseconds RetryPolicy::delayAfter(int attemptsMade, double unitRandom) const {
    assert(attemptsMade >= 1);
    assert(unitRandom >= 0.0 && unitRandom < 1.0);
    const double cap = static_cast<double>(maxDelay.count());
    // Computed in floating point and capped before converting, so a long run of attempts cannot overflow.
    const double grown = static_cast<double>(initialDelay.count()) * std::pow(multiplier, attemptsMade - 1);
    const double base = std::min(cap, grown);
    const double delay = base * (1.0 - jitter * unitRandom);
    return std::chrono::milliseconds(std::max<long long>(1, std::llround(delay)));
}

RetryDecision RetryPolicy::decide(int attemptsMade, const SendResult& last, double unitRandom) const {
    assert(attemptsMade >= 1);
    if (last.taken()) {
        return RetryDecision{RetryDecision::Action::Done, std::chrono::milliseconds{0}, last};
    }
    if (!last.retryable() || attemptsMade >= maxAttempts) {
        return RetryDecision{RetryDecision::Action::GiveUp, std::chrono::milliseconds{0}, last};
    }
    return RetryDecision{RetryDecision::Action::RetryLater, delayAfter(attemptsMade, unitRandom), last};
}

} // namespace hall::sms
