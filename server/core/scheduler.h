#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace hall::server {

class Clock;
class SimulatedClock;

/// Timers on the hall clock: notice expiry now, later the queue's daily reset, case deadline warnings,
/// bid opening. Not thread-safe: it belongs to the hall core's thread, which calls runDue() between
/// batches and sleeps until nextDueMs(). Timers due at the same moment fire in the order they were set.
class Scheduler {
public:
    using TimerId = std::uint64_t;
    using Callback = std::function<void()>;

    explicit Scheduler(const Clock& clock) : m_clock(clock) {}

    /// Fires `callback` once the clock reaches `dueMs`. `label` names the timer in the log.
    TimerId at(std::int64_t dueMs, std::string label, Callback callback);
    TimerId after(std::int64_t delayMs, std::string label, Callback callback);
    /// False when the timer already fired or never existed.
    bool cancel(TimerId id);

    /// When the earliest pending timer is due, if any.
    std::optional<std::int64_t> nextDueMs() const;
    std::size_t pending() const { return m_timers.size(); }

    /// Fires every timer due at the clock's now, earliest first, including timers that callbacks set for
    /// a moment that has already come. Returns how many fired.
    std::size_t runDue();

    /// For a simulated clock: moves time forward to `targetMs` one timer at a time, setting the clock to
    /// each timer's due time before it fires, so every callback sees the moment it asked for. Ends with
    /// the clock at `targetMs` (or later, if it already was). Returns how many fired.
    std::size_t advanceTo(SimulatedClock& clock, std::int64_t targetMs);

private:
    struct Timer {
        std::string label;
        Callback callback;
    };
    // Keyed by (due, id): ids grow, so equal due times keep their setting order.
    using Key = std::pair<std::int64_t, TimerId>;

    const Clock& m_clock;
    std::map<Key, Timer> m_timers;
    std::map<TimerId, std::int64_t> m_dueById;
    TimerId m_nextId = 1;
};

} // namespace hall::server
