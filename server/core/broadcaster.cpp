#include "core/broadcaster.h"

namespace hall::server {

void Broadcaster::subscribe(const std::shared_ptr<Peer>& peer, const std::vector<std::string>& topics) {
    std::lock_guard lock(m_mutex);
    const Peer* key = peer.get();
    if (const auto old = m_topicsByPeer.find(key); old != m_topicsByPeer.end()) {
        for (const auto& topic : old->second) {
            auto& subscribers = m_byTopic[topic];
            subscribers.erase(key);
            if (subscribers.empty())
                m_byTopic.erase(topic);
        }
        m_topicsByPeer.erase(old);
    }
    if (topics.empty())
        return;
    auto& mine = m_topicsByPeer[key];
    for (const auto& topic : topics) {
        mine.insert(topic);
        m_byTopic[topic][key] = peer;
    }
}

void Broadcaster::remove(const Peer* peer) {
    std::lock_guard lock(m_mutex);
    const auto it = m_topicsByPeer.find(peer);
    if (it == m_topicsByPeer.end())
        return;
    for (const auto& topic : it->second) {
        auto& subscribers = m_byTopic[topic];
        subscribers.erase(peer);
        if (subscribers.empty())
            m_byTopic.erase(topic);
    }
    m_topicsByPeer.erase(it);
}

void Broadcaster::retainTopics(const Peer* peer, const std::function<bool(const std::string&)>& allowed) {
    std::lock_guard lock(m_mutex);
    const auto it = m_topicsByPeer.find(peer);
    if (it == m_topicsByPeer.end())
        return;
    for (auto topic = it->second.begin(); topic != it->second.end();) {
        if (allowed(*topic)) {
            ++topic;
            continue;
        }
        auto& subscribers = m_byTopic[*topic];
        subscribers.erase(peer);
        if (subscribers.empty())
            m_byTopic.erase(*topic);
        topic = it->second.erase(topic);
    }
    if (it->second.empty())
        m_topicsByPeer.erase(it);
}

std::size_t Broadcaster::publish(const std::string& topic, const SharedFrame& frame) {
    std::vector<std::weak_ptr<Peer>> targets;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_byTopic.find(topic);
        if (it == m_byTopic.end())
            return 0;
        targets.reserve(it->second.size());
        for (const auto& [key, weak] : it->second)
            targets.push_back(weak);
    }
    std::size_t delivered = 0;
    bool sawExpired = false;
    for (const auto& weak : targets) {
        if (auto peer = weak.lock()) {
            peer->deliver(frame);
            ++delivered;
        } else {
            sawExpired = true;
        }
    }
    if (sawExpired)
        pruneExpired();
    return delivered;
}

void Broadcaster::pruneExpired() {
    // A peer that went away without remove() (it should not, but a crash in a test might) is dropped here.
    std::lock_guard lock(m_mutex);
    for (auto peerIt = m_topicsByPeer.begin(); peerIt != m_topicsByPeer.end();) {
        // Every topic of a peer holds the same weak reference: looking at one is enough.
        bool expired = true;
        if (const auto topicIt = m_byTopic.find(*peerIt->second.begin()); topicIt != m_byTopic.end()) {
            const auto it = topicIt->second.find(peerIt->first);
            expired = it == topicIt->second.end() || it->second.expired();
        }
        if (!expired) {
            ++peerIt;
            continue;
        }
        for (const auto& topic : peerIt->second) {
            auto& subscribers = m_byTopic[topic];
            subscribers.erase(peerIt->first);
            if (subscribers.empty())
                m_byTopic.erase(topic);
        }
        peerIt = m_topicsByPeer.erase(peerIt);
    }
}

std::size_t Broadcaster::subscriberCount() const {
    std::lock_guard lock(m_mutex);
    return m_topicsByPeer.size();
}

} // namespace hall::server
