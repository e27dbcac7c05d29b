#include "store/request_log.h"

#include "store/database.h"

namespace hall::store {

RequestLog::RequestLog(Database& db)
    : m_find(std::make_unique<Statement>(
          db, "SELECT reply_type, reply_body FROM request_log WHERE device = :device AND request_id = :id")),
      m_store(std::make_unique<Statement>(
          db, "INSERT INTO request_log(device, request_id, reply_type, reply_body, "
              "time_ms) VALUES(:device, :id, :type, :body, :time)")) {}

RequestLog::~RequestLog() = default;

std::optional<StoredReply> RequestLog::find(std::string_view device, std::uint64_t requestId) {
    m_find->reset();
    // Request ids are unsigned 64-bit on the wire; SQLite keeps the same bits as a signed integer.
    m_find->bind(":device", device).bind(":id", static_cast<std::int64_t>(requestId));
    std::optional<StoredReply> out;
    if (m_find->step())
        out = StoredReply{static_cast<std::uint16_t>(m_find->int64(0)), m_find->blob(1)};
    m_find->reset();
    return out;
}

void RequestLog::store(std::string_view device, std::uint64_t requestId, std::uint16_t type,
                       std::string_view body, std::int64_t timeMs) {
    m_store->reset();
    m_store->bind(":device", device)
        .bind(":id", static_cast<std::int64_t>(requestId))
        .bind(":type", static_cast<std::int64_t>(type))
        .bindBlob(":body", body)
        .bind(":time", timeMs)
        .run();
}

} // namespace hall::store
