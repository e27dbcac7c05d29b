#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hall::store {

class Database;
class Statement;

/// One ticket row (schema v3). States are hall::TicketState values.
struct TicketRecord {
    std::uint64_t id = 0;
    std::string day;        ///< the service day, "2026-03-02"
    std::string number;     ///< "A023"
    std::string issueQueue; ///< the queue whose counter gave the number
    std::uint32_t serial = 0;
    std::string queue; ///< where it waits now
    std::uint8_t floor = 0;
    std::uint8_t priorityClass = 0;
    std::uint8_t state = 1;
    std::int64_t issuedAtMs = 0;
    std::string window; ///< called to, or reserved for when `reserved`
    bool reserved = false;
    std::uint16_t callCount = 0;
    std::int64_t lastCallAtMs = 0;
    std::int64_t startedAtMs = 0; ///< service began
    std::int64_t endedAtMs = 0;   ///< finished, no-show, cancelled or expired
    std::string itemCode;
    std::string mobile;
    std::string clerk; ///< username of the clerk who called it last
    bool reminded = false;
};

/// The queue's tables: counters, tickets and ratings. Written inside the core's transaction; every
/// statement is by key or by an index, never a scan of history. Throws StoreError.
class QueueStore {
public:
    explicit QueueStore(Database& db);
    ~QueueStore();

    /// Takes the next number of `queue` on `day` from its one counter row (1 for the first).
    std::uint32_t nextSerial(const std::string& queue, const std::string& day);
    /// The counter's value without taking one (0 when none was issued).
    std::uint32_t lastSerial(const std::string& queue, const std::string& day);
    /// Inserts and returns the id.
    std::uint64_t insert(const TicketRecord& ticket);
    void update(const TicketRecord& ticket);
    std::optional<TicketRecord> find(std::uint64_t id);
    /// Waiting, called and serving tickets of `day`.
    std::vector<TicketRecord> loadOpen(const std::string& day);
    /// Open tickets of any other day become Expired; returns how many.
    int expireOpenOtherThan(const std::string& day, std::int64_t nowMs);
    /// Finished tickets of `day`, newest first, at most `limit`.
    std::vector<TicketRecord> recentFinished(const std::string& day, int limit);
    /// Tickets of `day` called at least once, newest call first, at most `limit`.
    std::vector<TicketRecord> recentCalled(const std::string& day, int limit);
    /// (window, state, count) of finished and no-show tickets of `day`.
    struct WindowCount {
        std::string window;
        std::uint8_t state = 0;
        std::uint32_t count = 0;
    };
    std::vector<WindowCount> windowCounts(const std::string& day);

    bool hasRating(std::uint64_t ticketId);
    std::uint64_t insertRating(std::uint64_t ticketId, const std::string& window, const std::string& clerk,
                               int level, int reason, const std::string& comment, std::int64_t timeMs);

private:
    std::vector<TicketRecord> select(Statement& statement);
    Database& m_db;
    std::unique_ptr<Statement> m_next;
    std::unique_ptr<Statement> m_insert;
    std::unique_ptr<Statement> m_update;
    std::unique_ptr<Statement> m_find;
};

} // namespace hall::store
