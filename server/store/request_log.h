#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hall::store {

class Database;
class Statement;

/// The first answer to each mutating request, keyed by (device name, request id) and written in the
/// same transaction as the change, so a retry after a crash or a lost reply gets the same answer.
struct StoredReply {
    std::uint16_t type = 0;
    std::string body;
};

class RequestLog {
public:
    explicit RequestLog(Database& db);
    ~RequestLog();
    std::optional<StoredReply> find(std::string_view device, std::uint64_t requestId);
    void store(std::string_view device, std::uint64_t requestId, std::uint16_t type, std::string_view body,
               std::int64_t timeMs);

private:
    std::unique_ptr<Statement> m_find;
    std::unique_ptr<Statement> m_store;
};

} // namespace hall::store
