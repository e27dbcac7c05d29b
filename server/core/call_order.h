#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hall::server {

/// A waiting ticket's place: arrival first, then the ticket id (ids grow, so equal times keep issue order).
struct LaneKey {
    std::int64_t issuedAtMs = 0;
    std::uint64_t id = 0;
    auto operator<=>(const LaneKey&) const = default;
};

/// The waiting tickets of one queue: a normal lane and a priority lane, each FIFO by arrival, and the
/// count of normal calls since the last priority call (the priority_every_n rhythm).
struct QueueLanes {
    std::set<LaneKey> normal;
    std::set<LaneKey> priority;
    int normalsSincePriority = 0;
    std::size_t size() const { return normal.size() + priority.size(); }
};

/// Walks the exact order in which CallNext takes waiting tickets from one or more queues (docs/queue.md,
/// "Call order"). next() consumes; nothing of the lanes changes. Cost: O(tickets passed over).
class CallOrder {
public:
    /// `everyN` is queue.priority_every_n; `eligible` says whether a ticket may be taken (a ticket reserved
    /// for another window may not).
    CallOrder(int everyN, std::function<bool(std::uint64_t id)> eligible)
        : m_everyN(everyN), m_eligible(std::move(eligible)) {}
    void addQueue(const std::string& prefix, const QueueLanes& lanes);

    struct Pick {
        std::string prefix;
        LaneKey key;
        bool priority = false;
    };
    std::optional<Pick> next();

private:
    struct Cursor {
        std::string prefix;
        std::set<LaneKey>::const_iterator normal, normalEnd, priority, priorityEnd;
        int normalsSincePriority = 0;
    };
    void skipIneligible(std::set<LaneKey>::const_iterator& it, std::set<LaneKey>::const_iterator end) const;
    int m_everyN;
    std::function<bool(std::uint64_t)> m_eligible;
    std::vector<Cursor> m_cursors;
};

} // namespace hall::server
