#pragma once

#include <chrono>

namespace hall::server {

/// A token bucket per connection: `ratePerS` frames a second on average, bursts up to `burst`. Time is
/// passed in, so it is tested without a clock. Not thread-safe (a session uses it on its strand).
class TokenBucket {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    TokenBucket(double ratePerS, double burst, TimePoint now);

    /// Takes one token if there is one.
    bool take(TimePoint now);
    /// True once the bucket has refilled completely: the client has calmed down.
    bool isFull(TimePoint now);

private:
    void refill(TimePoint now);

    double m_rate;
    double m_burst;
    double m_tokens;
    TimePoint m_last;
};

/// What a session does with a frame, given its bucket: serve it, refuse it (RateLimited), or give up on
/// a client that keeps pushing past the limit.
class RateLimiter {
public:
    enum class Verdict { Serve, Refuse, Disconnect };

    /// After this many refusals without the bucket ever refilling, the connection is closed.
    static constexpr int kMaxStrikes = 20;

    RateLimiter(double ratePerS, double burst, TokenBucket::TimePoint now) : m_bucket(ratePerS, burst, now) {}
    Verdict check(TokenBucket::TimePoint now);

private:
    TokenBucket m_bucket;
    int m_strikes = 0;
};

} // namespace hall::server
