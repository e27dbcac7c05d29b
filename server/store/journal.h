#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hall::store {

class Database;
class Statement;

/// One journal row. `hash` = SHA-256 over the previous hash and this row's fields (journalHash()), so
/// editing, removing or reordering a row breaks the chain from that row on.
struct JournalEvent {
    std::uint64_t seq = 0;
    std::int64_t timeMs = 0;
    std::uint16_t kind = 0;
    std::string topic;
    std::string actor; ///< who caused it: "device:<name>" or "person:<username>@<device>" or "system"
    std::string body;  ///< the event body, encoded as on the wire
    std::string prevHash;
    std::string hash;
};

/// The hash-chained, append-only journal. Append only inside an open Transaction: the row commits or
/// vanishes with the change it records. The head is read from the table on each append, so another
/// writer process (hallctl) appending between two of ours cannot fork the chain.
class Journal {
public:
    explicit Journal(Database& db);
    ~Journal();

    /// Appends one event after the current head and returns it with its seq and hash. Throws StoreError.
    JournalEvent append(std::int64_t timeMs, std::uint16_t kind, std::string_view topic,
                        std::string_view actor, std::string_view body);
    /// The newest sequence number (0 when empty).
    std::uint64_t head();
    /// Events with seq > afterSeq, oldest first, at most `limit`.
    std::vector<JournalEvent> readAfter(std::uint64_t afterSeq, std::size_t limit);

private:
    Database& m_db;
    std::unique_ptr<Statement> m_head;
    std::unique_ptr<Statement> m_insert;
    std::unique_ptr<Statement> m_after;
    std::unique_ptr<Statement> m_anchor;
};

/// SHA-256 (32 raw bytes) of the previous hash and the row's fields in a fixed binary layout.
std::string journalHash(std::string_view prevHash, std::uint64_t seq, std::int64_t timeMs, std::uint16_t kind,
                        std::string_view topic, std::string_view actor, std::string_view body);

/// The result of walking the whole chain.
struct JournalCheck {
    bool intact = true;
    std::uint64_t checked = 0;     ///< rows read
    std::uint64_t firstBadSeq = 0; ///< the first sequence number where the chain breaks (0 when intact)
    std::string reason;            ///< what was wrong there
};

/// Walks the journal from seq 1: each seq must follow the one before, carry the previous row's hash and
/// hash to its own stored hash; the last row must match the head anchor kept in the meta table (so a
/// removed tail is caught too). Throws StoreError only when the file cannot be read.
JournalCheck verifyJournal(Database& db);

/// Lower-case hex of raw bytes (for printing hashes).
std::string toHex(std::string_view bytes);

} // namespace hall::store
