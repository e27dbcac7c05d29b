#pragma once

#include <atomic>
#include <cstdint>

namespace hall::server {

/// The hall's time: milliseconds since the Unix epoch, UTC. Every rule that depends on time (notice
/// expiry, login lockout, deadlines, the daily reset) asks an injected Clock, never the system directly,
/// so a simulated clock can run a hall day in seconds and tests never sleep. nowMs() is thread-safe.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;
    /// True when time moves only when told to (SimulatedClock).
    virtual bool isSimulated() const = 0;
};

/// The real wall clock.
class SystemClock final : public Clock {
public:
    std::int64_t nowMs() const override;
    bool isSimulated() const override { return false; }
};

/// A clock that stands still until set or advanced. Time never goes backwards: setting an earlier time
/// is ignored and reported as false.
class SimulatedClock final : public Clock {
public:
    explicit SimulatedClock(std::int64_t startMs = 0) : m_now(startMs) {}
    std::int64_t nowMs() const override { return m_now.load(std::memory_order_acquire); }
    bool isSimulated() const override { return true; }

    bool set(std::int64_t ms);
    void advance(std::int64_t deltaMs);

private:
    std::atomic<std::int64_t> m_now;
};

} // namespace hall::server
