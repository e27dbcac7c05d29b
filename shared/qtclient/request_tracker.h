#pragma once

#include "protocol/message_type.h"
#include "protocol/result.h"
#include "qtclient/frame_buffer.h"

#include <QDeadlineTimer>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace hall::qt {

/// The requests waiting for an answer: their ids, deadlines and encoded frames, kept so that a request
/// can be resent byte for byte (same request id) after a reconnect. Plain book-keeping: HallConnection
/// owns the socket and the timer and decides what to do with what this hands back.
class RequestTracker {
public:
    /// Request: the caller's request; it outlives a dropped connection and is resent on the next one.
    /// Session: the connection's own traffic (Hello, the repeated Login, Subscribe, Ping); it belongs to
    /// one connection and is forgotten with it.
    enum class Scope { Request, Session };

    using Completion = std::function<void(const Result<Frame>&)>;

    struct Entry {
        std::uint64_t id = 0;
        MessageType type = MessageType::Ping;
        Scope scope = Scope::Request;
        std::string frame; ///< the whole encoded frame, for resending
        QDeadlineTimer deadline;
        bool sent = false;       ///< written on the current connection
        std::uint64_t order = 0; ///< creation order, so resends keep the original order
        Completion complete;
    };

    /// `randomId` yields candidate ids; the default draws from the system's secure generator so ids do
    /// not repeat across restarts of the program (the server remembers ids per device).
    explicit RequestTracker(std::function<std::uint64_t()> randomId = {});

    /// A non-zero id that no tracked entry uses.
    std::uint64_t newId();

    /// Tracks `entry` (its id must be fresh) and returns it for the caller to fill in `sent`.
    Entry& add(Entry entry);
    Entry* find(std::uint64_t id);
    std::optional<Entry> take(std::uint64_t id);
    bool empty() const { return m_entries.empty(); }
    std::size_t size() const { return m_entries.size(); }

    /// Entries whose deadline has passed, oldest first, removed from the tracker.
    std::vector<Entry> takeExpired();
    /// Every entry matching `pred`, oldest first, removed from the tracker.
    std::vector<Entry> takeIf(const std::function<bool(const Entry&)>& pred);
    std::vector<Entry> takeAll() {
        return takeIf([](const Entry&) { return true; });
    }

    /// The connection dropped: nothing is on the wire any more.
    void markAllUnsent();
    /// Ids of Request-scope entries not yet written on the current connection, oldest first.
    std::vector<std::uint64_t> unsentInOrder() const;
    /// Milliseconds until the earliest deadline (0 when one has passed), or nothing when idle.
    std::optional<qint64> msUntilNextDeadline() const;

private:
    std::function<std::uint64_t()> m_randomId;
    std::unordered_map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_nextOrder = 0;
};

} // namespace hall::qt
