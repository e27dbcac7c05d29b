#include "latency_samples.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace hall::sim {

void LatencySamples::merge(const LatencySamples& other) {
    m_ms.insert(m_ms.end(), other.m_ms.begin(), other.m_ms.end());
    m_sorted = m_ms.empty();
}

void LatencySamples::sort() const {
    if (!m_sorted)
        std::sort(m_ms.begin(), m_ms.end());
    m_sorted = true;
}

std::optional<double> LatencySamples::percentile(double p) const {
    assert(p > 0 && p <= 100);
    if (m_ms.empty())
        return std::nullopt;
    sort();
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(m_ms.size())));
    return m_ms[std::clamp<std::size_t>(rank, 1, m_ms.size()) - 1];
}

std::optional<double> LatencySamples::max() const {
    if (m_ms.empty())
        return std::nullopt;
    return *std::max_element(m_ms.begin(), m_ms.end());
}

std::optional<double> LatencySamples::mean() const {
    if (m_ms.empty())
        return std::nullopt;
    return std::accumulate(m_ms.begin(), m_ms.end(), 0.0) / static_cast<double>(m_ms.size());
}

} // namespace hall::sim
