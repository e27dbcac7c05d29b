#include "outbox/outbox_worker.h"

#include "store/database.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <exception>

namespace hall::outbox {

namespace asio = boost::asio;

namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
// The longest sleep between rounds: a wall clock that jumps, or a simulated one moved without wake(),
// is noticed within this.
constexpr std::chrono::milliseconds kMaxSleep{60'000};
// After a failing SQLite call (the core held the lock past the busy timeout, a full disk), try again soon.
constexpr std::int64_t kStoreRetryMs = 1'000;

// Gateway texts may quote a receiver ("Sent. Denied receivers are: ..."); the log gets no numbers.
std::string withoutNumbers(std::string_view text) {
    std::string out(text);
    std::size_t run = 0;
    for (std::size_t i = 0; i <= out.size(); ++i) {
        if (i < out.size() && std::isdigit(static_cast<unsigned char>(out[i]))) {
            ++run;
            continue;
        }
        if (run >= 7)
            std::fill(out.begin() + static_cast<std::ptrdiff_t>(i - run),
                      out.begin() + static_cast<std::ptrdiff_t>(i), '*');
        run = 0;
    }
    return out;
}

// co_spawn, which the awaitable operators use, needs a default-constructible value; hall::Result is not.
asio::awaitable<std::optional<Result<sms::SendResult>>> sendOptional(const sms::KannelClient& client,
                                                                     sms::SmsMessage message) {
    co_return co_await client.send(std::move(message));
}

std::string describe(const OutboxRow& row) {
    return row.messageId() + " (" + row.key + ", attempt " + std::to_string(row.attempts) + ")";
}

} // namespace

Result<std::shared_ptr<OutboxWorker>>
OutboxWorker::open(asio::io_context& io, const std::string& databasePath, OutboxWorkerOptions options) {
    auto db = store::Database::open(databasePath, store::Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    return create(io, std::move(db).value(), std::move(options));
}

std::shared_ptr<OutboxWorker> OutboxWorker::create(asio::io_context& io, std::unique_ptr<store::Database> db,
                                                   OutboxWorkerOptions options) {
    return std::shared_ptr<OutboxWorker>(new OutboxWorker(io, std::move(db), std::move(options)));
}

OutboxWorker::OutboxWorker(asio::io_context& io, std::unique_ptr<store::Database> db,
                           OutboxWorkerOptions options)
    : m_strand(asio::make_strand(io)), m_db(std::move(db)), m_options(std::move(options)),
      m_store(*m_db, m_options.config), m_client(m_options.config.sms.kannel), m_timer(m_strand),
      m_generator(std::random_device{}()), m_abortTimer(m_strand) {
    assert(m_options.clock);
    m_abortTimer.expires_at(std::chrono::steady_clock::time_point::max());
}

OutboxWorker::~OutboxWorker() = default;

void OutboxWorker::start() {
    asio::post(m_strand, [self = shared_from_this()] {
        assert(!self->m_started);
        self->m_started = true;
        asio::co_spawn(self->m_strand, self->loop(), asio::detached);
    });
}

void OutboxWorker::wake() {
    asio::post(m_strand, [self = shared_from_this()] { self->notify(); });
}

void OutboxWorker::stop(std::chrono::milliseconds grace) {
    asio::post(m_strand, [self = shared_from_this(), grace] {
        if (self->m_stopping)
            return;
        self->m_stopping = true;
        self->m_stopDeadline = std::chrono::steady_clock::now() + grace;
        if (!self->m_started)
            self->m_finished.store(true, std::memory_order_release);
        self->notify();
    });
}

OutboxWorkerStats OutboxWorker::stats() const {
    OutboxWorkerStats s;
    s.attempts = m_attempts.load();
    s.sent = m_sent.load();
    s.retries = m_retries.load();
    s.failed = m_failed.load();
    s.storeErrors = m_storeErrors.load();
    s.inFlight = m_inFlight.load();
    return s;
}

void OutboxWorker::notify() {
    m_wakeRequested = true;
    m_timer.cancel();
}

void OutboxWorker::log(LogLevel level, const std::string& message) const {
    if (m_options.log)
        m_options.log(level, message);
}

double OutboxWorker::unitRandom() {
    if (m_options.random)
        return m_options.random();
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_generator);
}

asio::awaitable<void> OutboxWorker::loop() {
    const auto self = shared_from_this();
    if (!m_options.config.sms.enabled) {
        log(LogLevel::Info, "sms.enabled is off: the outbox sends nothing");
    } else {
        try {
            if (const int released = m_store.releaseClaims(now()); released > 0)
                log(LogLevel::Warning, std::to_string(released) +
                                           " outbox rows were in flight when the last run ended; sending "
                                           "them again (Kannel may already have some)");
        } catch (const store::StoreError& e) {
            ++m_storeErrors;
            log(LogLevel::Error, std::string("outbox: cannot release old claims: ") + e.what());
        }
    }

    while (!m_stopping) {
        m_wakeRequested = false;
        std::optional<std::int64_t> nextDue;
        if (m_options.config.sms.enabled)
            claimAndSpawn(nextDue);
        if (m_wakeRequested || m_stopping)
            continue;
        std::chrono::milliseconds wait = kMaxSleep;
        if (nextDue && m_sends < m_options.config.concurrency)
            wait = std::clamp(std::chrono::milliseconds(*nextDue - now()), std::chrono::milliseconds(0),
                              kMaxSleep);
        m_timer.expires_after(wait);
        co_await m_timer.async_wait(kNoThrow);
    }

    while (m_sends > 0) {
        if (!m_aborting && std::chrono::steady_clock::now() >= m_stopDeadline) {
            log(LogLevel::Warning, "outbox: abandoning " + std::to_string(m_sends) + " sends at shutdown");
            m_aborting = true;
            m_abortTimer.cancel();
        }
        if (m_aborting)
            m_timer.expires_at(std::chrono::steady_clock::time_point::max());
        else
            m_timer.expires_at(m_stopDeadline);
        co_await m_timer.async_wait(kNoThrow);
    }
    m_finished.store(true, std::memory_order_release);
}

void OutboxWorker::claimAndSpawn(std::optional<std::int64_t>& nextDue) {
    const std::size_t limit = m_options.config.concurrency;
    try {
        if (m_sends < limit) {
            std::vector<OutboxRow> rows = m_store.claimDue(now(), static_cast<int>(limit - m_sends));
            if (!rows.empty() && m_options.afterClaim)
                m_options.afterClaim(rows);
            for (OutboxRow& row : rows) {
                ++m_sends;
                ++m_inFlight;
                ++m_attempts;
                asio::co_spawn(m_strand, sendOne(std::move(row)), asio::detached);
            }
        }
        nextDue = m_store.nextDueMs();
    } catch (const store::StoreError& e) {
        ++m_storeErrors;
        log(LogLevel::Error, std::string("outbox: ") + e.what());
        nextDue = now() + kStoreRetryMs;
    }
}

asio::awaitable<void> OutboxWorker::sendOne(OutboxRow row) {
    const auto self = shared_from_this();
    // g++ 12 destroys a by-value argument built inside a co_await expression twice: build it first.
    sms::SmsMessage message{row.messageId(), row.receiver, row.text};
    Result<sms::SendResult> answer =
        sms::SendResult{sms::SendOutcome::TemporaryFailure, 0, "abandoned at shutdown before sending", false};
    if (!m_aborting) {
        using namespace asio::experimental::awaitable_operators;
        try {
            auto sending = sendOptional(m_client, std::move(message));
            auto aborted = abortWait();
            auto first = co_await (std::move(sending) || std::move(aborted));
            if (first.index() == 0 && std::get<0>(first))
                answer = std::move(*std::get<0>(first));
            else
                // The request may have been written before the abort: count it as possibly taken.
                answer =
                    sms::SendResult{sms::SendOutcome::TemporaryFailure, 0, "abandoned at shutdown", true};
        } catch (const std::exception& e) {
            answer = sms::SendResult{sms::SendOutcome::TemporaryFailure, 0,
                                     std::string("send failed: ") + e.what(), true};
        }
    }
    record(row, answer);
    --m_sends;
    --m_inFlight;
    notify();
}

asio::awaitable<void> OutboxWorker::abortWait() {
    co_await m_abortTimer.async_wait(kNoThrow);
}

void OutboxWorker::record(const OutboxRow& row, const Result<sms::SendResult>& answer) {
    const std::int64_t t = now();
    try {
        if (!answer) {
            m_store.markRefused(row.id, answer.error(), t);
            ++m_failed;
            log(LogLevel::Warning, "outbox: " + describe(row) +
                                       " refused before sending: " + withoutNumbers(answer.error().message));
            return;
        }
        const sms::RetryDecision decision =
            m_options.config.sms.retry.decide(row.attempts, *answer, unitRandom());
        const std::string said = std::string(sms::sendOutcomeName(answer->outcome)) + " (HTTP " +
                                 std::to_string(answer->httpStatus) + ": " +
                                 withoutNumbers(answer->gatewayText) + ")";
        switch (decision.action) {
        case sms::RetryDecision::Action::Done:
            m_store.markSent(row.id, *answer, t);
            ++m_sent;
            log(LogLevel::Debug, "outbox: " + describe(row) + " " + said);
            break;
        case sms::RetryDecision::Action::RetryLater:
            m_store.markRetry(row.id, *answer, t + decision.delay.count(), t);
            ++m_retries;
            log(LogLevel::Info, "outbox: " + describe(row) + " " + said + "; next attempt in " +
                                    std::to_string(decision.delay.count()) + " ms");
            break;
        case sms::RetryDecision::Action::GiveUp:
            m_store.markFailed(row.id, *answer, t);
            ++m_failed;
            // A wrong password or route fails every message: loud, so an operator fixes it and requeues.
            log(LogLevel::Error, "outbox: " + describe(row) + " failed for good: " + said);
            break;
        }
    } catch (const store::StoreError& e) {
        // The row stays claimed; the next start releases it and sends it again.
        ++m_storeErrors;
        log(LogLevel::Error, "outbox: cannot record the answer for " + describe(row) + ": " + e.what());
    }
}

} // namespace hall::outbox
