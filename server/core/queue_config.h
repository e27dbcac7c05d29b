#pragma once

#include "protocol/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hall::store {
class Database;
} // namespace hall::store

namespace hall::server {

/// One class of citizen the queue may favour. Data, not code: the hall may rename or add classes.
struct PriorityClass {
    std::uint8_t id = 0;
    std::string name;
    bool priority = false; ///< false: the normal lane
};

/// The queue's rules, with the defaults docs/queue.md documents. hall.conf sets them as `queue.*` keys.
struct QueueConfig {
    /// The hall's offset from UTC in minutes (Beijing: +480). Service days and times below are local.
    int utcOffsetMinutes = 8 * 60;
    /// When the service day changes (minutes after local midnight): numbering starts again.
    int resetMinutes = 5 * 60;
    /// When the day closes (minutes after local midnight): waiting and called tickets expire.
    int closeMinutes = 18 * 60;
    /// 0: priority tickets always go first. N > 0: after a priority call, N normal calls come before the
    /// next priority call while normal tickets wait.
    int priorityEveryN = 0;
    int recallCooldownS = 20;
    int noShowAfterCalls = 2;
    /// The "your turn is near" SMS goes when this many people are ahead (0: never).
    int smsRemindAhead = 3;
    /// Assumed service time of a queue without finished tickets today.
    int defaultServiceS = 300;
    std::vector<PriorityClass> classes{
        {0, "普通", false}, {1, "老年人", true}, {2, "残疾人", true}, {3, "预约", true}};

    /// Applies one `queue.*` setting (the key without "queue."). InvalidArgument names the key.
    Status set(std::string_view key, std::string_view value);
    const PriorityClass* priorityClass(std::uint8_t id) const;
};

/// "05:00" -> 300. InvalidArgument for anything else than HH:MM on a 24-hour clock.
Result<int> parseClockMinutes(std::string_view text);

/// One SMS the queue wants sent.
struct QueueSms {
    enum class Moment { Issued, TurnNear, Called };
    Moment moment = Moment::Issued;
    std::uint64_t ticketId = 0;
    std::string mobile; ///< checked, normalised
    std::string text;   ///< made by hall::present
};

/// Where the queue's SMS go. enqueue() runs inside the command's savepoint on the core's thread, so an
/// outbox row written there commits (or rolls back) with the ticket change. The default sends nothing.
class SmsSink {
public:
    virtual ~SmsSink() = default;
    /// Whether messages are sent at all (IssueTicketOk.smsEnabled).
    virtual bool enabled() const { return false; }
    /// May throw store::StoreError.
    virtual void enqueue(store::Database&, const QueueSms&) {}
};

} // namespace hall::server
