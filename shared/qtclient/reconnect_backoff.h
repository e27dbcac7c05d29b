#pragma once

#include <functional>

namespace hall::qt {

/// Delays between reconnect attempts: they double from `initialMs` up to `maxMs`, and each is shortened
/// by a random share of up to `jitter` so that devices restarted together by a power cut or a server
/// restart do not all knock at the same instant.
class ReconnectBackoff {
public:
    /// `random` yields numbers in [0, 1); the default is Qt's global generator. Tests inject their own.
    /// Out-of-range settings are clamped (ConnectionSettings::validate() reports them first).
    ReconnectBackoff(int initialMs, int maxMs, double jitter, std::function<double()> random = {});

    /// The delay before the next attempt; every call counts as one more failed attempt.
    int nextDelayMs();
    /// After a connection reached Ready: the next failure starts again from the initial delay.
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

private:
    int m_initialMs;
    int m_maxMs;
    double m_jitter;
    std::function<double()> m_random;
    int m_attempts = 0;
};

} // namespace hall::qt
