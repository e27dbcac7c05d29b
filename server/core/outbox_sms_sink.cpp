#include "core/outbox_sms_sink.h"

#include "outbox/outbox_store.h"

#include <string>

namespace hall::server {
namespace {
outbox::SmsEvent eventFor(QueueSms::Moment moment) {
    switch (moment) {
    case QueueSms::Moment::Issued:
        return outbox::SmsEvent::TicketIssued;
    case QueueSms::Moment::TurnNear:
        return outbox::SmsEvent::TicketAhead;
    case QueueSms::Moment::Called:
        return outbox::SmsEvent::TicketCalled;
    }
    return outbox::SmsEvent::TicketIssued;
}
} // namespace

OutboxSmsSink::OutboxSmsSink(outbox::OutboxConfig config, std::function<std::int64_t()> clock,
                             std::function<void()> wake)
    : m_config(std::move(config)), m_clock(std::move(clock)), m_wake(std::move(wake)) {}

bool OutboxSmsSink::enabled() const {
    return m_config.sms.enabled;
}

void OutboxSmsSink::enqueue(store::Database& db, const QueueSms& sms) {
    outbox::OutboxStore store(db, m_config);
    const auto written =
        store.enqueue(eventFor(sms.moment), std::to_string(sms.ticketId), sms.mobile, sms.text, m_clock());
    if (!written) {
        // The queue checked the number already; what is left is a text the gateway would refuse. The
        // ticket matters more than its reminder, so the change goes on without the message.
        ++m_refused;
        return;
    }
    // A recall's "called" message shares the first call's key: the citizen gets one text per event.
    if (*written == outbox::Enqueued::Pending)
        m_wakePending = true;
}

void OutboxSmsSink::afterCommit() {
    if (m_wakePending && m_wake) {
        m_wakePending = false;
        m_wake();
    }
}

} // namespace hall::server
