#include "core/scheduler.h"

#include "core/clock.h"

#include <cassert>

namespace hall::server {

Scheduler::TimerId Scheduler::at(std::int64_t dueMs, std::string label, Callback callback) {
    const TimerId id = m_nextId++;
    m_timers.emplace(Key{dueMs, id}, Timer{std::move(label), std::move(callback)});
    m_dueById.emplace(id, dueMs);
    return id;
}

Scheduler::TimerId Scheduler::after(std::int64_t delayMs, std::string label, Callback callback) {
    return at(m_clock.nowMs() + delayMs, std::move(label), std::move(callback));
}

bool Scheduler::cancel(TimerId id) {
    const auto it = m_dueById.find(id);
    if (it == m_dueById.end())
        return false;
    m_timers.erase(Key{it->second, id});
    m_dueById.erase(it);
    return true;
}

std::optional<std::int64_t> Scheduler::nextDueMs() const {
    if (m_timers.empty())
        return std::nullopt;
    return m_timers.begin()->first.first;
}

std::size_t Scheduler::runDue() {
    std::size_t fired = 0;
    while (!m_timers.empty()) {
        const auto first = m_timers.begin();
        if (first->first.first > m_clock.nowMs())
            break;
        // Detach before calling: the callback may set or cancel timers.
        Callback callback = std::move(first->second.callback);
        m_dueById.erase(first->first.second);
        m_timers.erase(first);
        ++fired;
        if (callback)
            callback();
    }
    return fired;
}

std::size_t Scheduler::advanceTo(SimulatedClock& clock, std::int64_t targetMs) {
    assert(static_cast<const Clock*>(&clock) == &m_clock);
    std::size_t fired = runDue();
    for (;;) {
        const auto next = nextDueMs();
        if (!next || *next > targetMs)
            break;
        clock.set(*next);
        fired += runDue();
    }
    clock.set(targetMs);
    return fired;
}

} // namespace hall::server
