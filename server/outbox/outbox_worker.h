#pragma once

#include "outbox/outbox_config.h"
#include "outbox/outbox_store.h"
#include "protocol/result.h"
#include "sms/kannel_client.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace hall::store {
class Database;
}

namespace hall::outbox {

/// Counters for the status line and supervision, readable from any thread.
struct OutboxWorkerStats {
    std::uint64_t attempts = 0; ///< sends started
    std::uint64_t sent = 0;     ///< rows marked sent
    std::uint64_t retries = 0;  ///< temporary failures that will be tried again
    std::uint64_t failed = 0;   ///< rows given up (refused, permanent failure, out of attempts)
    std::uint64_t storeErrors = 0;
    unsigned inFlight = 0;
};

/// How the worker is run. `clock` is the hall's clock (milliseconds since the epoch); `log` receives one
/// line per notable event and never a phone number or a message text.
struct OutboxWorkerOptions {
    enum class LogLevel { Debug, Info, Warning, Error };

    OutboxConfig config;
    std::function<std::int64_t()> clock;
    std::function<void(LogLevel, std::string_view)> log;
    /// Uniform in [0, 1) for the retry jitter; empty: a generator seeded at random.
    std::function<double()> random;
    /// Test seam: called after rows were claimed (attempts counted and committed) and before they are
    /// sent. A test stops the io_context here to play a crash between the two.
    std::function<void(const std::vector<OutboxRow>&)> afterClaim;
};

/// Sends the outbox's pending rows through Kannel, after they were committed, and records each answer.
///
/// Thread contract. The worker runs on one strand of the io_context given to it and owns its own SQLite
/// connection (WAL lets it write beside the hall core's connection; the store's busy timeout makes it
/// wait out the core's commits), so its blocking SQLite calls must not share a thread with latency-bound
/// work: give it an io_context of its own, run by one thread. wake() and stop() may be called from any
/// thread; everything else happens on the strand. The worker keeps itself alive (shared_from_this) while
/// its loop or a send is pending; when stop() has finished, no work is left and io_context::run() returns.
///
/// Each round: rows past sms.max_age_minutes become Expired; up to sms.concurrency due rows are claimed
/// (attempts + 1, committed) and sent concurrently; each answer is recorded in its own commit: Accepted or
/// Queued -> Sent; a temporary failure -> Pending again after RetryPolicy's back-off; a permanent failure,
/// the last attempt, or a message the client refuses -> Failed. The worker then sleeps until the next row
/// is due or wake() is called. At start it releases the claims a dead worker left, so those rows are sent
/// again (at least once toward Kannel; docs/sms.md). One worker per database.
///
/// With sms.enabled off the worker sends nothing: rows written meanwhile are Skipped by the store, and
/// rows already pending stay pending until SMS is enabled again (or they expire).
class OutboxWorker : public std::enable_shared_from_this<OutboxWorker> {
public:
    using LogLevel = OutboxWorkerOptions::LogLevel;

    /// Opens the hall database at `databasePath` on a connection of the worker's own.
    static Result<std::shared_ptr<OutboxWorker>>
    open(boost::asio::io_context& io, const std::string& databasePath, OutboxWorkerOptions options);
    static std::shared_ptr<OutboxWorker>
    create(boost::asio::io_context& io, std::unique_ptr<store::Database> db, OutboxWorkerOptions options);
    ~OutboxWorker();
    OutboxWorker(const OutboxWorker&) = delete;
    OutboxWorker& operator=(const OutboxWorker&) = delete;

    /// Starts the loop on the strand. Once.
    void start();
    /// Thread-safe: look for due rows now (after a commit that enqueued something, or after the hall's
    /// simulated clock moved).
    void wake();
    /// Thread-safe: claims nothing more, lets sends in flight finish for up to `grace`, then cancels them
    /// (their rows are recorded as temporary failures, to be retried after a restart).
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
    /// True once the loop has ended and no send is in flight.
    bool finished() const { return m_finished.load(std::memory_order_acquire); }

    OutboxWorkerStats stats() const;

private:
    OutboxWorker(boost::asio::io_context& io, std::unique_ptr<store::Database> db,
                 OutboxWorkerOptions options);

    boost::asio::awaitable<void> loop();
    boost::asio::awaitable<void> sendOne(OutboxRow row);
    boost::asio::awaitable<void> abortWait();
    void record(const OutboxRow& row, const Result<sms::SendResult>& answer);
    void claimAndSpawn(std::optional<std::int64_t>& nextDue);
    void notify();
    void log(LogLevel level, const std::string& message) const;
    std::int64_t now() const { return m_options.clock(); }
    double unitRandom();

    boost::asio::strand<boost::asio::io_context::executor_type> m_strand;
    std::unique_ptr<store::Database> m_db;
    OutboxWorkerOptions m_options;
    OutboxStore m_store;
    sms::KannelClient m_client;
    boost::asio::steady_timer m_timer;
    std::mt19937_64 m_generator;

    // Strand only.
    bool m_started = false;
    bool m_stopping = false;
    bool m_wakeRequested = false;
    std::chrono::steady_clock::time_point m_stopDeadline;
    bool m_aborting = false;
    std::size_t m_sends = 0; ///< in flight
    /// Never expires by itself; cancelled at the end of the stop grace, which ends every send still waiting.
    boost::asio::steady_timer m_abortTimer;

    std::atomic<bool> m_finished{false};
    std::atomic<std::uint64_t> m_attempts{0};
    std::atomic<std::uint64_t> m_sent{0};
    std::atomic<std::uint64_t> m_retries{0};
    std::atomic<std::uint64_t> m_failed{0};
    std::atomic<std::uint64_t> m_storeErrors{0};
    std::atomic<unsigned> m_inFlight{0};
};

} // namespace hall::outbox
