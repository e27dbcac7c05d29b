#include "qtclient/request_tracker.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cassert>

namespace hall::qt {
namespace {

void sortByOrder(std::vector<RequestTracker::Entry>& entries) {
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
}

} // namespace

RequestTracker::RequestTracker(std::function<std::uint64_t()> randomId) : m_randomId(std::move(randomId)) {
    if (!m_randomId)
        m_randomId = [] {
            return QRandomGenerator::system()->generate64();
        };
}

std::uint64_t RequestTracker::newId() {
    for (;;) {
        const std::uint64_t id = m_randomId();
        if (id != 0 && !m_entries.contains(id))
            return id;
    }
}

RequestTracker::Entry& RequestTracker::add(Entry entry) {
    assert(entry.id != 0 && !m_entries.contains(entry.id));
    entry.order = m_nextOrder++;
    const std::uint64_t id = entry.id;
    return m_entries.emplace(id, std::move(entry)).first->second;
}

RequestTracker::Entry* RequestTracker::find(std::uint64_t id) {
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : &it->second;
}

std::optional<RequestTracker::Entry> RequestTracker::take(std::uint64_t id) {
    auto node = m_entries.extract(id);
    if (node.empty())
        return std::nullopt;
    return std::move(node.mapped());
}

std::vector<RequestTracker::Entry> RequestTracker::takeExpired() {
    return takeIf([](const Entry& e) { return e.deadline.hasExpired(); });
}

std::vector<RequestTracker::Entry> RequestTracker::takeIf(const std::function<bool(const Entry&)>& pred) {
    std::vector<Entry> taken;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (pred(it->second)) {
            taken.push_back(std::move(it->second));
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    sortByOrder(taken);
    return taken;
}

void RequestTracker::markAllUnsent() {
    for (auto& [id, entry] : m_entries)
        entry.sent = false;
}

std::vector<std::uint64_t> RequestTracker::unsentInOrder() const {
    std::vector<const Entry*> unsent;
    for (const auto& [id, entry] : m_entries)
        if (entry.scope == Scope::Request && !entry.sent)
            unsent.push_back(&entry);
    std::sort(unsent.begin(), unsent.end(),
              [](const Entry* a, const Entry* b) { return a->order < b->order; });
    std::vector<std::uint64_t> ids;
    ids.reserve(unsent.size());
    for (const Entry* entry : unsent)
        ids.push_back(entry->id);
    return ids;
}

std::optional<qint64> RequestTracker::msUntilNextDeadline() const {
    std::optional<qint64> earliest;
    for (const auto& [id, entry] : m_entries) {
        const qint64 left = entry.deadline.remainingTime();
        if (left < 0) // a deadline that never expires
            continue;
        if (!earliest || left < *earliest)
            earliest = left;
    }
    return earliest;
}

} // namespace hall::qt
