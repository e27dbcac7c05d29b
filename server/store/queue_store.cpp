#include "store/queue_store.h"

#include "store/database.h"

namespace hall::store {
namespace {

constexpr const char* kColumns =
    "id, day, number, issue_queue, serial, queue, floor, priority_class, state, issued_at_ms, window, "
    "reserved, "
    "call_count, last_call_at_ms, started_at_ms, ended_at_ms, item_code, mobile, clerk, reminded";

std::string selectSql(const std::string& tail) {
    return std::string("SELECT ") + kColumns + " FROM tickets " + tail;
}

TicketRecord readRow(const Statement& s) {
    TicketRecord t;
    t.id = static_cast<std::uint64_t>(s.int64(0));
    t.day = s.text(1);
    t.number = s.text(2);
    t.issueQueue = s.text(3);
    t.serial = static_cast<std::uint32_t>(s.int64(4));
    t.queue = s.text(5);
    t.floor = static_cast<std::uint8_t>(s.int64(6));
    t.priorityClass = static_cast<std::uint8_t>(s.int64(7));
    t.state = static_cast<std::uint8_t>(s.int64(8));
    t.issuedAtMs = s.int64(9);
    t.window = s.text(10);
    t.reserved = s.int64(11) != 0;
    t.callCount = static_cast<std::uint16_t>(s.int64(12));
    t.lastCallAtMs = s.int64(13);
    t.startedAtMs = s.int64(14);
    t.endedAtMs = s.int64(15);
    t.itemCode = s.text(16);
    t.mobile = s.text(17);
    t.clerk = s.text(18);
    t.reminded = s.int64(19) != 0;
    return t;
}

void bindMutable(Statement& s, const TicketRecord& t) {
    s.bind(":queue", t.queue)
        .bind(":floor", std::int64_t{t.floor})
        .bind(":priority_class", std::int64_t{t.priorityClass})
        .bind(":state", std::int64_t{t.state})
        .bind(":window", t.window)
        .bind(":reserved", std::int64_t{t.reserved ? 1 : 0})
        .bind(":call_count", std::int64_t{t.callCount})
        .bind(":last_call_at_ms", t.lastCallAtMs)
        .bind(":started_at_ms", t.startedAtMs)
        .bind(":ended_at_ms", t.endedAtMs)
        .bind(":clerk", t.clerk)
        .bind(":reminded", std::int64_t{t.reminded ? 1 : 0});
}

} // namespace

QueueStore::QueueStore(Database& db)
    : m_db(db),
      m_next(std::make_unique<Statement>(
          db, "INSERT INTO queue_counters (queue, day, last_serial) VALUES (:queue, :day, 1) "
              "ON CONFLICT (queue, day) DO UPDATE SET last_serial = last_serial + 1 RETURNING last_serial")),
      m_insert(std::make_unique<Statement>(
          db,
          "INSERT INTO tickets (day, number, issue_queue, serial, queue, floor, priority_class, state, "
          "issued_at_ms, window, reserved, call_count, last_call_at_ms, started_at_ms, ended_at_ms, "
          "item_code, mobile, clerk, reminded) VALUES (:day, :number, :issue_queue, :serial, :queue, :floor, "
          ":priority_class, :state, :issued_at_ms, :window, :reserved, :call_count, :last_call_at_ms, "
          ":started_at_ms, :ended_at_ms, :item_code, :mobile, :clerk, :reminded)")),
      m_update(std::make_unique<Statement>(
          db,
          "UPDATE tickets SET queue = :queue, floor = :floor, priority_class = :priority_class, "
          "state = :state, window = :window, reserved = :reserved, call_count = :call_count, "
          "last_call_at_ms = :last_call_at_ms, started_at_ms = :started_at_ms, ended_at_ms = :ended_at_ms, "
          "clerk = :clerk, reminded = :reminded WHERE id = :id")),
      m_find(std::make_unique<Statement>(db, selectSql("WHERE id = :id"))) {}

QueueStore::~QueueStore() = default;

std::uint32_t QueueStore::nextSerial(const std::string& queue, const std::string& day) {
    m_next->reset();
    m_next->bind(":queue", queue).bind(":day", day);
    m_next->step();
    const auto serial = static_cast<std::uint32_t>(m_next->int64(0));
    m_next->reset();
    return serial;
}

std::uint32_t QueueStore::lastSerial(const std::string& queue, const std::string& day) {
    Statement s(m_db, "SELECT last_serial FROM queue_counters WHERE queue = :queue AND day = :day");
    s.bind(":queue", queue).bind(":day", day);
    return s.step() ? static_cast<std::uint32_t>(s.int64(0)) : 0;
}

std::uint64_t QueueStore::insert(const TicketRecord& t) {
    Statement& s = *m_insert;
    s.reset();
    bindMutable(s, t);
    s.bind(":day", t.day)
        .bind(":number", t.number)
        .bind(":issue_queue", t.issueQueue)
        .bind(":serial", std::int64_t{t.serial})
        .bind(":issued_at_ms", t.issuedAtMs)
        .bind(":item_code", t.itemCode)
        .bind(":mobile", t.mobile);
    s.run();
    s.reset();
    Statement id(m_db, "SELECT last_insert_rowid()");
    id.step();
    return static_cast<std::uint64_t>(id.int64(0));
}

void QueueStore::update(const TicketRecord& t) {
    Statement& s = *m_update;
    s.reset();
    bindMutable(s, t);
    s.bind(":id", static_cast<std::int64_t>(t.id));
    s.run();
    s.reset();
}

std::optional<TicketRecord> QueueStore::find(std::uint64_t id) {
    m_find->reset();
    m_find->bind(":id", static_cast<std::int64_t>(id));
    std::optional<TicketRecord> found;
    if (m_find->step())
        found = readRow(*m_find);
    m_find->reset();
    return found;
}

std::vector<TicketRecord> QueueStore::select(Statement& statement) {
    std::vector<TicketRecord> rows;
    while (statement.step())
        rows.push_back(readRow(statement));
    return rows;
}

std::vector<TicketRecord> QueueStore::loadOpen(const std::string& day) {
    Statement s(m_db, selectSql("WHERE day = :day AND state IN (1, 2, 3) ORDER BY id"));
    s.bind(":day", day);
    return select(s);
}

int QueueStore::expireOpenOtherThan(const std::string& day, std::int64_t nowMs) {
    Statement s(m_db,
                "UPDATE tickets SET state = 6, ended_at_ms = :now WHERE state IN (1, 2, 3) AND day <> :day");
    s.bind(":now", nowMs).bind(":day", day);
    s.run();
    return s.changes();
}

std::vector<TicketRecord> QueueStore::recentFinished(const std::string& day, int limit) {
    Statement s(m_db, selectSql("WHERE day = :day AND state = 4 ORDER BY ended_at_ms DESC LIMIT :limit"));
    s.bind(":day", day).bind(":limit", std::int64_t{limit});
    return select(s);
}

std::vector<TicketRecord> QueueStore::recentCalled(const std::string& day, int limit) {
    Statement s(m_db, selectSql("WHERE day = :day AND call_count > 0 ORDER BY last_call_at_ms DESC, id DESC "
                                "LIMIT :limit"));
    s.bind(":day", day).bind(":limit", std::int64_t{limit});
    return select(s);
}

std::vector<QueueStore::WindowCount> QueueStore::windowCounts(const std::string& day) {
    Statement s(m_db, "SELECT window, state, count(*) FROM tickets WHERE day = :day AND state IN (4, 5) "
                      "GROUP BY window, state");
    s.bind(":day", day);
    std::vector<WindowCount> counts;
    while (s.step())
        counts.push_back(
            {s.text(0), static_cast<std::uint8_t>(s.int64(1)), static_cast<std::uint32_t>(s.int64(2))});
    return counts;
}

bool QueueStore::hasRating(std::uint64_t ticketId) {
    Statement s(m_db, "SELECT 1 FROM ratings WHERE ticket_id = :id");
    s.bind(":id", static_cast<std::int64_t>(ticketId));
    return s.step();
}

std::uint64_t QueueStore::insertRating(std::uint64_t ticketId, const std::string& window,
                                       const std::string& clerk, int level, int reason,
                                       const std::string& comment, std::int64_t timeMs) {
    Statement s(m_db,
                "INSERT INTO ratings (ticket_id, window, clerk, level, reason, comment, time_ms) VALUES "
                "(:ticket, :window, :clerk, :level, :reason, :comment, :time)");
    s.bind(":ticket", static_cast<std::int64_t>(ticketId))
        .bind(":window", window)
        .bind(":clerk", clerk)
        .bind(":level", std::int64_t{level})
        .bind(":reason", std::int64_t{reason})
        .bind(":comment", comment)
        .bind(":time", timeMs);
    s.run();
    Statement id(m_db, "SELECT last_insert_rowid()");
    id.step();
    return static_cast<std::uint64_t>(id.int64(0));
}

} // namespace hall::store
