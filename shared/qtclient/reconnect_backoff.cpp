#include "qtclient/reconnect_backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace hall::qt {

ReconnectBackoff::ReconnectBackoff(int initialMs, int maxMs, double jitter, std::function<double()> random)
    : m_initialMs(std::max(1, initialMs)), m_maxMs(std::max(m_initialMs, maxMs)),
      m_jitter(std::clamp(jitter, 0.0, 1.0)), m_random(std::move(random)) {
    if (!m_random)
        m_random = [] {
            return QRandomGenerator::global()->generateDouble();
        };
}

int ReconnectBackoff::nextDelayMs() {
    // Doubling in floating point cannot overflow; the ceiling bounds it long before precision matters.
    double base = m_initialMs;
    for (int i = 0; i < m_attempts && base < m_maxMs; ++i)
        base *= 2.0;
    base = std::min(base, static_cast<double>(m_maxMs));
    ++m_attempts;
    const double shortened = base * (1.0 - m_jitter * std::clamp(m_random(), 0.0, 1.0));
    return std::max(1, static_cast<int>(shortened));
}

} // namespace hall::qt
