#pragma once

#include "core/queue_config.h"
#include "outbox/outbox_config.h"

#include <atomic>
#include <cstdint>
#include <functional>

namespace hall::server {

/// Sends the queue's SMS through the outbox: each message becomes an outbox row in the same transaction
/// as the ticket change, and the outbox worker is woken once the batch that wrote rows has committed
/// (afterCommit), so it never looks for a row before the row is durable.
///
/// Thread contract: enqueue() and afterCommit() run on the core's thread; the wake callback must be
/// thread-safe (OutboxWorker::wake() is).
class OutboxSmsSink final : public SmsSink {
public:
    OutboxSmsSink(outbox::OutboxConfig config, std::function<std::int64_t()> clock,
                  std::function<void()> wake);

    bool enabled() const override;
    void enqueue(store::Database& db, const QueueSms& sms) override;
    /// Called by the core after every durable commit.
    void afterCommit();
    /// Messages the outbox refused (a number or text Kannel would not take); they are not sent.
    std::uint64_t refusedCount() const { return m_refused.load(); }

private:
    outbox::OutboxConfig m_config;
    std::function<std::int64_t()> m_clock;
    std::function<void()> m_wake;
    bool m_wakePending = false;
    std::atomic<std::uint64_t> m_refused{0};
};

} // namespace hall::server
