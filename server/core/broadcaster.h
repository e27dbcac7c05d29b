#pragma once

#include "core/peer.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace hall::server {

/// Topic -> subscribers. The hall core registers subscriptions and publishes from its thread; sessions
/// remove themselves from theirs when they close. The mutex guards the two maps only: publish() copies
/// the weak references under it and delivers outside it, so a slow peer never holds up the others and
/// a peer's deliver() may call back into the broadcaster.
class Broadcaster {
public:
    /// Replaces `peer`'s topic set (an empty set removes it).
    void subscribe(const std::shared_ptr<Peer>& peer, const std::vector<std::string>& topics);
    void remove(const Peer* peer);
    /// Keeps only those of `peer`'s topics that `allowed` accepts (used when the person on a device
    /// changes: what the new person may not follow is dropped, the rest carries on without a gap).
    void retainTopics(const Peer* peer, const std::function<bool(const std::string&)>& allowed);

    /// Delivers the shared frame to every live subscriber of `topic`; returns how many got it.
    std::size_t publish(const std::string& topic, const SharedFrame& frame);

    std::size_t subscriberCount() const;

private:
    void pruneExpired();

    mutable std::mutex m_mutex;
    std::map<std::string, std::map<const Peer*, std::weak_ptr<Peer>>> m_byTopic;
    std::map<const Peer*, std::set<std::string>> m_topicsByPeer;
};

} // namespace hall::server
