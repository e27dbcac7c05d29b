#include "store/journal.h"

#include "protocol/wire.h"
#include "store/database.h"

#include <openssl/evp.h>

#include <array>

namespace hall::store {
namespace {

const std::string kGenesisHash(32, '\0');

// The chain's head is also kept in meta so that a removed tail, which leaves a valid chain behind,
// is still caught by verifyJournal.
constexpr const char* kAnchorSeq = "journal_head_seq";
constexpr const char* kAnchorHash = "journal_head_hash";

} // namespace

std::string journalHash(std::string_view prevHash, std::uint64_t seq, std::int64_t timeMs, std::uint16_t kind,
                        std::string_view topic, std::string_view actor, std::string_view body) {
    // The fields are length-prefixed so that no two different rows share an input.
    WireWriter w;
    w.bytes(prevHash);
    w.u64(seq);
    w.i64(timeMs);
    w.u16(kind);
    w.str(topic);
    w.str(actor);
    w.bytes(body);
    const std::string& input = w.data();
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_sha256(), nullptr);
    return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

std::string toHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(kDigits[c >> 4]);
        out.push_back(kDigits[c & 0x0f]);
    }
    return out;
}

Journal::Journal(Database& db)
    : m_db(db),
      m_head(std::make_unique<Statement>(db, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")),
      m_insert(std::make_unique<Statement>(
          db, "INSERT INTO journal(seq, time_ms, kind, topic, actor, body, prev_hash, hash) "
              "VALUES(:seq, :time, :kind, :topic, :actor, :body, :prev, :hash)")),
      m_after(std::make_unique<Statement>(
          db, "SELECT seq, time_ms, kind, topic, actor, body, prev_hash, hash FROM journal "
              "WHERE seq > :after ORDER BY seq LIMIT :limit")),
      m_anchor(std::make_unique<Statement>(db, "INSERT INTO meta(key, value) VALUES(:key, :value) "
                                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {}

Journal::~Journal() = default;

JournalEvent Journal::append(std::int64_t timeMs, std::uint16_t kind, std::string_view topic,
                             std::string_view actor, std::string_view body) {
    JournalEvent e;
    m_head->reset();
    if (m_head->step()) {
        e.seq = static_cast<std::uint64_t>(m_head->int64(0)) + 1;
        e.prevHash = m_head->blob(1);
    } else {
        e.seq = 1;
        e.prevHash = kGenesisHash;
    }
    m_head->reset();
    e.timeMs = timeMs;
    e.kind = kind;
    e.topic = topic;
    e.actor = actor;
    e.body = body;
    e.hash = journalHash(e.prevHash, e.seq, timeMs, kind, topic, actor, body);

    m_insert->reset();
    m_insert->bind(":seq", static_cast<std::int64_t>(e.seq))
        .bind(":time", timeMs)
        .bind(":kind", static_cast<std::int64_t>(kind))
        .bind(":topic", topic)
        .bind(":actor", actor)
        .bindBlob(":body", body)
        .bindBlob(":prev", e.prevHash)
        .bindBlob(":hash", e.hash)
        .run();
    m_anchor->reset();
    m_anchor->bind(":key", kAnchorSeq).bind(":value", std::to_string(e.seq)).run();
    m_anchor->reset();
    m_anchor->bind(":key", kAnchorHash).bind(":value", toHex(e.hash)).run();
    return e;
}

std::uint64_t Journal::head() {
    m_head->reset();
    const std::uint64_t seq = m_head->step() ? static_cast<std::uint64_t>(m_head->int64(0)) : 0;
    m_head->reset();
    return seq;
}

std::vector<JournalEvent> Journal::readAfter(std::uint64_t afterSeq, std::size_t limit) {
    std::vector<JournalEvent> events;
    m_after->reset();
    m_after->bind(":after", static_cast<std::int64_t>(afterSeq))
        .bind(":limit", static_cast<std::int64_t>(limit));
    while (m_after->step()) {
        JournalEvent e;
        e.seq = static_cast<std::uint64_t>(m_after->int64(0));
        e.timeMs = m_after->int64(1);
        e.kind = static_cast<std::uint16_t>(m_after->int64(2));
        e.topic = m_after->text(3);
        e.actor = m_after->text(4);
        e.body = m_after->blob(5);
        e.prevHash = m_after->blob(6);
        e.hash = m_after->blob(7);
        events.push_back(std::move(e));
    }
    m_after->reset();
    return events;
}

JournalCheck verifyJournal(Database& db) {
    JournalCheck check;
    Statement rows(
        db, "SELECT seq, time_ms, kind, topic, actor, body, prev_hash, hash FROM journal ORDER BY seq");
    std::uint64_t expectedSeq = 1;
    std::string prevHash = kGenesisHash;
    auto broken = [&check](std::uint64_t seq, std::string reason) {
        check.intact = false;
        check.firstBadSeq = seq;
        check.reason = std::move(reason);
        return check;
    };
    while (rows.step()) {
        ++check.checked;
        const auto seq = static_cast<std::uint64_t>(rows.int64(0));
        if (seq != expectedSeq)
            return broken(expectedSeq, "event " + std::to_string(expectedSeq) + " is missing (next is " +
                                           std::to_string(seq) + ")");
        const std::string storedPrev = rows.blob(6);
        if (storedPrev != prevHash)
            return broken(seq, "previous-hash link does not match event " + std::to_string(seq - 1));
        const std::string hash =
            journalHash(storedPrev, seq, rows.int64(1), static_cast<std::uint16_t>(rows.int64(2)),
                        rows.text(3), rows.text(4), rows.blob(5));
        if (hash != rows.blob(7))
            return broken(seq, "contents do not match the stored hash");
        prevHash = hash;
        ++expectedSeq;
    }
    const std::uint64_t lastSeq = expectedSeq - 1;
    const auto anchorSeq = db.metaValue(kAnchorSeq);
    const auto anchorHash = db.metaValue(kAnchorHash);
    const std::uint64_t anchoredSeq = anchorSeq ? std::stoull(*anchorSeq) : 0;
    if (anchoredSeq > lastSeq)
        return broken(lastSeq + 1, "the journal ends at " + std::to_string(lastSeq) + " but its head was " +
                                       std::to_string(anchoredSeq));
    if (anchoredSeq < lastSeq)
        return broken(anchoredSeq + 1, "events after the recorded head " + std::to_string(anchoredSeq) +
                                           " were added outside the server");
    if (lastSeq > 0 && (!anchorHash || *anchorHash != toHex(prevHash)))
        return broken(lastSeq, "the last event does not match the recorded head hash");
    return check;
}

} // namespace hall::store
