#include "net/rate_limiter.h"

#include <algorithm>

namespace hall::server {

TokenBucket::TokenBucket(double ratePerS, double burst, TimePoint now)
    : m_rate(ratePerS), m_burst(std::max(burst, 1.0)), m_tokens(m_burst), m_last(now) {}

void TokenBucket::refill(TimePoint now) {
    if (now <= m_last)
        return;
    const double seconds = std::chrono::duration<double>(now - m_last).count();
    m_tokens = std::min(m_burst, m_tokens + seconds * m_rate);
    m_last = now;
}

bool TokenBucket::take(TimePoint now) {
    refill(now);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

bool TokenBucket::isFull(TimePoint now) {
    refill(now);
    return m_tokens >= m_burst;
}

RateLimiter::Verdict RateLimiter::check(TokenBucket::TimePoint now) {
    if (m_strikes > 0 && m_bucket.isFull(now))
        m_strikes = 0;
    if (m_bucket.take(now))
        return Verdict::Serve;
    return ++m_strikes >= kMaxStrikes ? Verdict::Disconnect : Verdict::Refuse;
}

} // namespace hall::server
