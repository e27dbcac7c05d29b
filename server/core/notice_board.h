#pragma once

#include "protocol/messages.h"
#include "protocol/result.h"

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace hall::store {
class Database;
class Statement;
} // namespace hall::store

namespace hall::server {

/// Limits on hall notices, shared by validation and docs/server.md.
inline constexpr std::uint8_t kMaxNoticeFloor = 5;
inline constexpr std::size_t kMaxNoticeTextBytes = 500;
/// More notices in force than this and PostNotice is refused (Conflict): it bounds memory and keeps a
/// NoticeList within what the protocol lets a client decode.
inline constexpr std::size_t kMaxNoticesInForce = 1000;

/// Checks a PostNotice against the rules: floor 0-5, text 1-500 bytes and not blank, expiry after `nowMs`.
Status validateNotice(const PostNotice& notice, std::int64_t nowMs);

/// The notices in force, in memory. Owned by the hall core's thread; expired notices are dropped by a
/// timer and also filtered at read time, so a late timer never shows an expired notice.
class NoticeBoard {
public:
    void clear() { m_notices.clear(); }
    void add(const Notice& notice) { m_notices[notice.id] = notice; }
    void remove(std::uint64_t id) { m_notices.erase(id); }
    /// Notices of `floor` and the hall-wide ones (floor 0 asks for every floor), oldest first.
    std::vector<Notice> inForce(std::uint8_t floor, std::int64_t nowMs) const;
    std::size_t countInForce(std::int64_t nowMs) const;

private:
    std::map<std::uint64_t, Notice> m_notices; // by id: ids grow, so this is oldest first
};

/// The notices table (schema v1): written inside the core's batch transaction, read at startup.
/// Throws store::StoreError like the rest of the store.
class NoticeStore {
public:
    explicit NoticeStore(store::Database& db);
    ~NoticeStore();

    /// Inserts and returns the new notice with its id.
    Notice insert(std::uint8_t floor, std::string_view text, std::int64_t postedAtMs,
                  std::int64_t expiresAtMs, std::string_view author);
    std::vector<Notice> loadInForce(std::int64_t nowMs);

private:
    store::Database& m_db;
    std::unique_ptr<store::Statement> m_insert;
};

} // namespace hall::server
