#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace hall::server {

class Session;

/// The live sessions, for shutdown and for the status count. Sessions add themselves when accepted and
/// remove themselves when they end, from their own strands; the mutex guards the map and the callback.
/// Like the broadcaster, it copies weak references under the lock and acts on them outside it.
class SessionRegistry {
public:
    void add(const std::shared_ptr<Session>& session);
    void remove(std::uint64_t id);
    std::size_t count() const;

    /// Asks every session to finish and close.
    void closeAll();
    /// Closes every session's socket now.
    void forceAll();
    /// Called (on the thread of the last session to leave) whenever the registry becomes empty.
    void setOnEmpty(std::function<void()> callback);

private:
    mutable std::mutex m_mutex;
    std::map<std::uint64_t, std::weak_ptr<Session>> m_sessions;
    std::function<void()> m_onEmpty;
};

} // namespace hall::server
