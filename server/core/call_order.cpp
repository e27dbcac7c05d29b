#include "core/call_order.h"

namespace hall::server {

void CallOrder::addQueue(const std::string& prefix, const QueueLanes& lanes) {
    m_cursors.push_back(Cursor{prefix, lanes.normal.begin(), lanes.normal.end(), lanes.priority.begin(),
                               lanes.priority.end(), lanes.normalsSincePriority});
}

void CallOrder::skipIneligible(std::set<LaneKey>::const_iterator& it,
                               std::set<LaneKey>::const_iterator end) const {
    // A skipped ticket stays ineligible for this walk, so the cursor never needs to go back.
    while (it != end && m_eligible && !m_eligible(it->id))
        ++it;
}

std::optional<CallOrder::Pick> CallOrder::next() {
    Cursor* best = nullptr;
    bool bestPriority = false;
    LaneKey bestKey;
    for (auto& cursor : m_cursors) {
        skipIneligible(cursor.normal, cursor.normalEnd);
        skipIneligible(cursor.priority, cursor.priorityEnd);
        const bool hasNormal = cursor.normal != cursor.normalEnd;
        const bool hasPriority = cursor.priority != cursor.priorityEnd;
        if (!hasNormal && !hasPriority)
            continue;
        // The queue's own choice: priority unless the rhythm owes normal tickets a call.
        bool priority = hasPriority;
        if (hasNormal && hasPriority)
            priority = m_everyN == 0 || cursor.normalsSincePriority >= m_everyN;
        const LaneKey key = priority ? *cursor.priority : *cursor.normal;
        // Between queues, the earlier arrival goes first.
        if (!best || key < bestKey) {
            best = &cursor;
            bestPriority = priority;
            bestKey = key;
        }
    }
    if (!best)
        return std::nullopt;
    if (bestPriority) {
        ++best->priority;
        best->normalsSincePriority = 0;
    } else {
        ++best->normal;
        ++best->normalsSincePriority;
    }
    return Pick{best->prefix, bestKey, bestPriority};
}

} // namespace hall::server
