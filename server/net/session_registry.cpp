#include "net/session_registry.h"

#include "net/session.h"

#include <vector>

namespace hall::server {

void SessionRegistry::add(const std::shared_ptr<Session>& session) {
    std::lock_guard lock(m_mutex);
    m_sessions[session->id()] = session;
}

void SessionRegistry::remove(std::uint64_t id) {
    std::function<void()> onEmpty;
    {
        std::lock_guard lock(m_mutex);
        if (m_sessions.erase(id) == 0 || !m_sessions.empty())
            return;
        onEmpty = m_onEmpty;
    }
    if (onEmpty)
        onEmpty();
}

std::size_t SessionRegistry::count() const {
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

void SessionRegistry::setOnEmpty(std::function<void()> callback) {
    std::lock_guard lock(m_mutex);
    m_onEmpty = std::move(callback);
}

namespace {
template <typename F>
void forEach(std::mutex& mutex, const std::map<std::uint64_t, std::weak_ptr<Session>>& sessions, F action) {
    std::vector<std::weak_ptr<Session>> copy;
    {
        std::lock_guard lock(mutex);
        for (const auto& [id, weak] : sessions)
            copy.push_back(weak);
    }
    for (const auto& weak : copy)
        if (auto session = weak.lock())
            action(*session);
}
} // namespace

void SessionRegistry::closeAll() {
    forEach(m_mutex, m_sessions, [](Session& s) { s.requestClose(); });
}

void SessionRegistry::forceAll() {
    forEach(m_mutex, m_sessions, [](Session& s) { s.forceClose(); });
}

} // namespace hall::server
