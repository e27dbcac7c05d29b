#pragma once

#include "outbox/outbox_config.h"
#include "protocol/result.h"
#include "sms/delivery_report.h"
#include "sms/send_result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::store {
class Database;
}

namespace hall::outbox {

/// Where a row stands. Only Pending rows are ever sent.
enum class OutboxStatus {
    Pending, ///< waiting for its first or next attempt (or in flight: claimedAtMs != 0)
    Sent,    ///< Kannel took it (Accepted or Queued)
    Failed,  ///< given up: refused, a permanent gateway failure, or out of attempts
    Skipped, ///< never to be sent: SMS or the event's switch was off when it was written
    Expired, ///< not sent in time (sms.max_age_minutes); sending it late would mislead
};
std::string_view outboxStatusName(OutboxStatus status);

/// One message the hall meant to send, as stored in sms_outbox.
struct OutboxRow {
    std::int64_t id = 0;
    std::string key; ///< "ticket:123:called"
    SmsEvent event = SmsEvent::TicketIssued;
    std::string receiver; ///< the 11 digits
    std::string text;
    OutboxStatus status = OutboxStatus::Pending;
    int attempts = 0; ///< attempts started, the one in flight included
    std::int64_t createdAtMs = 0;
    std::int64_t expiresAtMs = 0;
    std::int64_t nextAttemptAtMs = 0;
    std::int64_t claimedAtMs = 0; ///< non-zero while an attempt is in flight
    std::int64_t sentAtMs = 0;
    std::int64_t closedAtMs = 0; ///< when it became Failed, Skipped or Expired
    std::string outcome;         ///< sms::sendOutcomeName of the last answer, "refused", or why skipped
    unsigned httpStatus = 0;
    std::string gatewayText;
    int deliveryState = 0; ///< sms::DeliveryState's number of the most advanced report, 0 for none
    int finalReports = 0;  ///< final delivery reports received; more than one hints at a duplicate send

    /// The stable id given to Kannel and returned in delivery reports: "sms-<id>".
    std::string messageId() const;
};

/// Rows per status, for supervision.
struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t inFlight = 0; ///< of the pending ones
    std::int64_t sent = 0;
    std::int64_t failed = 0;
    std::int64_t skipped = 0;
    std::int64_t expired = 0;
};

/// What enqueue() did.
enum class Enqueued {
    Pending,   ///< a new row waits for the worker: call OutboxWorker::wake() after the commit
    Skipped,   ///< a new row, kept as Skipped: sms.enabled or the event's switch is off
    Duplicate, ///< a row with this key exists already; nothing changed
};

/// The sms_outbox table. Two users, each on its own connection:
///  - the hall core calls enqueue() inside the transaction of the change that causes the message, so the
///    row commits or rolls back with it;
///  - the OutboxWorker calls the rest, each in its own short transaction.
/// SQLite failures throw store::StoreError, as everywhere in the store layer; the caller's boundary
/// (store::guarded or the worker's loop) turns them into values. Not thread-safe: one per connection.
class OutboxStore {
public:
    OutboxStore(store::Database& db, const OutboxConfig& config);

    /// Writes the row for (`event`, `subject`) with key "<kind>:<subject>:<word>". Must run inside an open
    /// transaction (asserted). `subject` is the ticket's or case's id: 1 to 64 of A-Z a-z 0-9 . _ -.
    /// InvalidArgument, with nothing written, for a bad subject, a number that is not a mainland mobile
    /// number, or a text Kannel would refuse (empty, not UTF-8, longer than sms.max_parts allows) — the
    /// same check the client applies before sending.
    Result<Enqueued> enqueue(SmsEvent event, std::string_view subject, std::string_view to,
                             std::string_view text, std::int64_t nowMs);

    static std::string keyFor(SmsEvent event, std::string_view subject);

    std::optional<OutboxRow> find(std::string_view key);
    std::optional<OutboxRow> findById(std::int64_t id);
    /// The row id in a message id ("sms-42" -> 42).
    static std::optional<std::int64_t> idFromMessageId(std::string_view messageId);

    // ---- the worker's side (each call is its own transaction) ----------------------------------------

    /// At start-up: rows left claimed by a worker that died mid-send become due now. Returns how many.
    int releaseClaims(std::int64_t nowMs);
    /// Marks unsent rows past their expiry Expired, then claims up to `limit` due rows (Pending, not
    /// claimed, next attempt reached), oldest due first: attempts + 1 and claimedAtMs = now, committed
    /// before anything is sent. Returns them with the new attempt count.
    std::vector<OutboxRow> claimDue(std::int64_t nowMs, int limit);
    /// The earliest next attempt among unclaimed pending rows.
    std::optional<std::int64_t> nextDueMs();

    /// Kannel took the row (Accepted or Queued).
    void markSent(std::int64_t id, const sms::SendResult& answer, std::int64_t nowMs);
    /// A temporary failure: pending again from `nextAttemptAtMs`.
    void markRetry(std::int64_t id, const sms::SendResult& answer, std::int64_t nextAttemptAtMs,
                   std::int64_t nowMs);
    /// Given up after the gateway's answer (permanent, or the last attempt).
    void markFailed(std::int64_t id, const sms::SendResult& answer, std::int64_t nowMs);
    /// Refused before anything was sent (the client's Error): will never succeed.
    void markRefused(std::int64_t id, const Error& error, std::int64_t nowMs);

    /// Operator's repair after a wrong password or route was fixed: Failed rows not yet expired become
    /// Pending with a fresh attempt count. Returns how many.
    int requeueFailed(std::int64_t nowMs);

    /// Records a delivery report for a row that Kannel took. Reports only move a row forward (buffered /
    /// SMSC accepted, then a final state); a later final report only raises finalReports. NotFound when
    /// the message id names no row.
    Status recordDeliveryReport(const sms::DeliveryReport& report, std::int64_t nowMs);

    OutboxCounts counts();

private:
    store::Database& m_db;
    OutboxConfig m_config;
};

} // namespace hall::outbox
