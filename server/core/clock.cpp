#include "core/clock.h"

#include <cassert>
#include <chrono>

namespace hall::server {

std::int64_t SystemClock::nowMs() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool SimulatedClock::set(std::int64_t ms) {
    std::int64_t current = m_now.load(std::memory_order_acquire);
    while (ms >= current) {
        if (m_now.compare_exchange_weak(current, ms, std::memory_order_acq_rel))
            return true;
    }
    return false;
}

void SimulatedClock::advance(std::int64_t deltaMs) {
    assert(deltaMs >= 0);
    m_now.fetch_add(deltaMs, std::memory_order_acq_rel);
}

} // namespace hall::server
