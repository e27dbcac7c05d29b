#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace hall::sim {

/// Latencies in milliseconds, every sample kept, so the percentiles are exact rather than bucketed.
/// Not thread-safe: each worker fills its own and the driver merges them at the end.
class LatencySamples {
public:
    void add(double ms) {
        m_ms.push_back(static_cast<float>(ms));
        m_sorted = m_ms.size() == 1;
    }
    void merge(const LatencySamples& other);
    std::size_t count() const { return m_ms.size(); }
    bool empty() const { return m_ms.empty(); }

    /// The nearest-rank percentile (0 < p <= 100), or nothing when there are no samples.
    std::optional<double> percentile(double p) const;
    std::optional<double> max() const;
    std::optional<double> mean() const;

private:
    void sort() const;

    mutable std::vector<float> m_ms;
    mutable bool m_sorted = true;
};

} // namespace hall::sim
