#include "outbox/outbox_store.h"

#include "sms/sendsms_request.h"
#include "store/database.h"

#include <sqlite3.h>

#include <cassert>
#include <charconv>

namespace hall::outbox {

namespace {

constexpr std::string_view kMessageIdPrefix = "sms-";

constexpr const char* kRowColumns =
    "id, key, event, receiver, text, status, attempts, created_at_ms, expires_at_ms, next_attempt_at_ms, "
    "claimed_at_ms, sent_at_ms, closed_at_ms, outcome, http_status, gateway_text, dlr_state, "
    "dlr_final_reports";

OutboxStatus statusFromName(std::string_view name) {
    if (name == "sent")
        return OutboxStatus::Sent;
    if (name == "failed")
        return OutboxStatus::Failed;
    if (name == "skipped")
        return OutboxStatus::Skipped;
    if (name == "expired")
        return OutboxStatus::Expired;
    return OutboxStatus::Pending;
}

OutboxRow readRow(const store::Statement& st) {
    OutboxRow row;
    row.id = st.int64(0);
    row.key = st.text(1);
    row.event = smsEventFromName(st.text(2)).value_or(SmsEvent::TicketIssued);
    row.receiver = st.text(3);
    row.text = st.text(4);
    row.status = statusFromName(st.text(5));
    row.attempts = static_cast<int>(st.int64(6));
    row.createdAtMs = st.int64(7);
    row.expiresAtMs = st.int64(8);
    row.nextAttemptAtMs = st.int64(9);
    row.claimedAtMs = st.int64(10);
    row.sentAtMs = st.int64(11);
    row.closedAtMs = st.int64(12);
    row.outcome = st.text(13);
    row.httpStatus = static_cast<unsigned>(st.int64(14));
    row.gatewayText = st.text(15);
    row.deliveryState = static_cast<int>(st.int64(16));
    row.finalReports = static_cast<int>(st.int64(17));
    return row;
}

// How far along a delivery report is: reports arrive in any order and more than once, and must only
// move a row forward.
int deliveryRank(int state) {
    switch (state) {
    case 0:
        return 0;
    case static_cast<int>(sms::DeliveryState::Buffered):
        return 1;
    case static_cast<int>(sms::DeliveryState::SmscAccepted):
        return 2;
    default:
        return 3; // Delivered, Undeliverable, SmscRejected: final
    }
}

void recordAnswer(store::Database& db, std::int64_t id, std::string_view status, std::string_view outcome,
                  unsigned httpStatus, std::string_view text, std::int64_t nextAttemptAtMs,
                  std::int64_t sentAtMs, std::int64_t closedAtMs) {
    store::Statement st(db, "UPDATE sms_outbox SET status = :status, outcome = :outcome, "
                            "http_status = :http, gateway_text = :text, claimed_at_ms = 0, "
                            "next_attempt_at_ms = :next, sent_at_ms = :sent, closed_at_ms = :closed "
                            "WHERE id = :id AND status = 'pending'");
    st.bind(":status", status)
        .bind(":outcome", outcome)
        .bind(":http", static_cast<std::int64_t>(httpStatus))
        .bind(":text", text)
        .bind(":next", nextAttemptAtMs)
        .bind(":sent", sentAtMs)
        .bind(":closed", closedAtMs)
        .bind(":id", id)
        .run();
}

} // namespace

std::string_view outboxStatusName(OutboxStatus status) {
    switch (status) {
    case OutboxStatus::Pending:
        return "pending";
    case OutboxStatus::Sent:
        return "sent";
    case OutboxStatus::Failed:
        return "failed";
    case OutboxStatus::Skipped:
        return "skipped";
    case OutboxStatus::Expired:
        return "expired";
    }
    return "pending";
}

std::string OutboxRow::messageId() const {
    return std::string(kMessageIdPrefix) + std::to_string(id);
}

OutboxStore::OutboxStore(store::Database& db, const OutboxConfig& config) : m_db(db), m_config(config) {}

std::string OutboxStore::keyFor(SmsEvent event, std::string_view subject) {
    std::string key(smsEventSubjectKind(event));
    key += ':';
    key += subject;
    key += ':';
    key += smsEventWord(event);
    return key;
}

Result<Enqueued> OutboxStore::enqueue(SmsEvent event, std::string_view subject, std::string_view to,
                                      std::string_view text, std::int64_t nowMs) {
    // The row must share the transaction of the change that causes it; alone it could outlive a rollback.
    assert(sqlite3_get_autocommit(m_db.handle()) == 0);
    if (const Status id = sms::checkMessageId(subject); !id)
        return Error{ErrorCode::InvalidArgument,
                     "subject: needs 1 to 64 of A-Z a-z 0-9 . _ - (" + std::string(subject) + ")"};
    // The same checks the client makes before sending, with a stand-in id: a row that could never be sent
    // is refused now, while the caller can still tell the citizen.
    const Result<sms::SendSmsRequest> request = sms::makeSendSmsRequest(
        m_config.sms.kannel, sms::SmsMessage{"sms-0", std::string(to), std::string(text)});
    if (!request)
        return request.error();

    std::string skipReason;
    if (!m_config.sms.enabled)
        skipReason = "sms.enabled is off";
    else if (!m_config.eventEnabled(event))
        skipReason = "sms.on_" + std::string(smsEventName(event)) + " is off";
    const bool skipped = !skipReason.empty();

    store::Statement st(m_db,
                        "INSERT INTO sms_outbox(key, event, receiver, text, status, created_at_ms, "
                        "expires_at_ms, next_attempt_at_ms, outcome, closed_at_ms) "
                        "VALUES(:key, :event, :receiver, :text, :status, :now, :expires, :now, :outcome, "
                        ":closed) ON CONFLICT(key) DO NOTHING");
    const std::int64_t maxAgeMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_config.maxAge).count();
    st.bind(":key", keyFor(event, subject))
        .bind(":event", smsEventName(event))
        .bind(":receiver", request->receiver)
        .bind(":text", text)
        .bind(":status", skipped ? "skipped" : "pending")
        .bind(":now", nowMs)
        .bind(":expires", nowMs + maxAgeMs)
        .bind(":outcome", skipReason)
        .bind(":closed", skipped ? nowMs : 0)
        .run();
    if (st.changes() == 0)
        return Enqueued::Duplicate;
    return skipped ? Enqueued::Skipped : Enqueued::Pending;
}

std::optional<OutboxRow> OutboxStore::find(std::string_view key) {
    store::Statement st(m_db, std::string("SELECT ") + kRowColumns + " FROM sms_outbox WHERE key = :key");
    st.bind(":key", key);
    if (!st.step())
        return std::nullopt;
    return readRow(st);
}

std::optional<OutboxRow> OutboxStore::findById(std::int64_t id) {
    store::Statement st(m_db, std::string("SELECT ") + kRowColumns + " FROM sms_outbox WHERE id = :id");
    st.bind(":id", id);
    if (!st.step())
        return std::nullopt;
    return readRow(st);
}

std::optional<std::int64_t> OutboxStore::idFromMessageId(std::string_view messageId) {
    if (!messageId.starts_with(kMessageIdPrefix))
        return std::nullopt;
    const std::string_view digits = messageId.substr(kMessageIdPrefix.size());
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || id <= 0)
        return std::nullopt;
    return id;
}

int OutboxStore::releaseClaims(std::int64_t nowMs) {
    store::Transaction tx(m_db);
    store::Statement st(m_db, "UPDATE sms_outbox SET claimed_at_ms = 0, "
                              "next_attempt_at_ms = min(next_attempt_at_ms, :now) "
                              "WHERE status = 'pending' AND claimed_at_ms != 0");
    st.bind(":now", nowMs).run();
    const int released = st.changes();
    tx.commit();
    return released;
}

std::vector<OutboxRow> OutboxStore::claimDue(std::int64_t nowMs, int limit) {
    std::vector<OutboxRow> rows;
    store::Transaction tx(m_db);
    store::Statement expire(m_db, "UPDATE sms_outbox SET status = 'expired', closed_at_ms = :now "
                                  "WHERE status = 'pending' AND claimed_at_ms = 0 AND expires_at_ms <= :now");
    expire.bind(":now", nowMs).run();
    {
        store::Statement due(m_db, std::string("SELECT ") + kRowColumns +
                                       " FROM sms_outbox WHERE status = 'pending' AND claimed_at_ms = 0 "
                                       "AND next_attempt_at_ms <= :now ORDER BY next_attempt_at_ms, id "
                                       "LIMIT :limit");
        due.bind(":now", nowMs).bind(":limit", static_cast<std::int64_t>(limit));
        while (due.step())
            rows.push_back(readRow(due));
    }
    store::Statement claim(m_db, "UPDATE sms_outbox SET attempts = attempts + 1, claimed_at_ms = :now, "
                                 "last_attempt_at_ms = :now WHERE id = :id");
    for (OutboxRow& row : rows) {
        claim.reset();
        claim.bind(":now", nowMs).bind(":id", row.id).run();
        ++row.attempts;
        row.claimedAtMs = nowMs;
    }
    tx.commit();
    return rows;
}

std::optional<std::int64_t> OutboxStore::nextDueMs() {
    store::Statement st(m_db, "SELECT min(next_attempt_at_ms) FROM sms_outbox "
                              "WHERE status = 'pending' AND claimed_at_ms = 0");
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return st.int64(0);
}

void OutboxStore::markSent(std::int64_t id, const sms::SendResult& answer, std::int64_t nowMs) {
    recordAnswer(m_db, id, "sent", sms::sendOutcomeName(answer.outcome), answer.httpStatus,
                 answer.gatewayText, 0, nowMs, 0);
}

void OutboxStore::markRetry(std::int64_t id, const sms::SendResult& answer, std::int64_t nextAttemptAtMs,
                            std::int64_t nowMs) {
    (void)nowMs;
    recordAnswer(m_db, id, "pending", sms::sendOutcomeName(answer.outcome), answer.httpStatus,
                 answer.gatewayText, nextAttemptAtMs, 0, 0);
}

void OutboxStore::markFailed(std::int64_t id, const sms::SendResult& answer, std::int64_t nowMs) {
    recordAnswer(m_db, id, "failed", sms::sendOutcomeName(answer.outcome), answer.httpStatus,
                 answer.gatewayText, 0, 0, nowMs);
}

void OutboxStore::markRefused(std::int64_t id, const Error& error, std::int64_t nowMs) {
    recordAnswer(m_db, id, "failed", "refused", 0, error.message, 0, 0, nowMs);
}

int OutboxStore::requeueFailed(std::int64_t nowMs) {
    store::Statement st(m_db, "UPDATE sms_outbox SET status = 'pending', attempts = 0, claimed_at_ms = 0, "
                              "next_attempt_at_ms = :now, closed_at_ms = 0 "
                              "WHERE status = 'failed' AND expires_at_ms > :now");
    st.bind(":now", nowMs).run();
    return st.changes();
}

Status OutboxStore::recordDeliveryReport(const sms::DeliveryReport& report, std::int64_t nowMs) {
    const std::optional<std::int64_t> id = idFromMessageId(report.messageId);
    if (!id)
        return Error{ErrorCode::NotFound, "no outbox row for message id " + report.messageId};
    store::Transaction tx(m_db);
    store::Statement current(m_db, "SELECT dlr_state FROM sms_outbox WHERE id = :id");
    current.bind(":id", *id);
    if (!current.step())
        return Error{ErrorCode::NotFound, "no outbox row for message id " + report.messageId};
    const int before = static_cast<int>(current.int64(0));
    const int state = static_cast<int>(report.state);
    const bool final = sms::isFinal(report.state);
    const bool forward = deliveryRank(state) > deliveryRank(before);
    store::Statement update(m_db, "UPDATE sms_outbox SET dlr_state = :state, dlr_at_ms = :now, "
                                  "dlr_final_reports = dlr_final_reports + :final WHERE id = :id");
    update.bind(":state", static_cast<std::int64_t>(forward ? state : before))
        .bind(":now", nowMs)
        .bind(":final", std::int64_t(final ? 1 : 0))
        .bind(":id", *id)
        .run();
    tx.commit();
    return success();
}

OutboxCounts OutboxStore::counts() {
    OutboxCounts counts;
    store::Statement st(m_db,
                        "SELECT status, count(*), sum(claimed_at_ms != 0) FROM sms_outbox GROUP BY status");
    while (st.step()) {
        const std::int64_t n = st.int64(1);
        switch (statusFromName(st.text(0))) {
        case OutboxStatus::Pending:
            counts.pending = n;
            counts.inFlight = st.int64(2);
            break;
        case OutboxStatus::Sent:
            counts.sent = n;
            break;
        case OutboxStatus::Failed:
            counts.failed = n;
            break;
        case OutboxStatus::Skipped:
            counts.skipped = n;
            break;
        case OutboxStatus::Expired:
            counts.expired = n;
            break;
        }
    }
    return counts;
}

} // namespace hall::outbox
