#pragma once

#include "core/broadcaster.h"
#include "core/notice_board.h"
#include "core/peer.h"
#include "core/scheduler.h"
#include "protocol/messages.h"
#include "store/accounts.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hall::store {
class Database;
class Journal;
class RequestLog;
class AccountStore;
class DeviceRegistry;
struct JournalEvent;
} // namespace hall::store

namespace hall::server {

class Clock;
class Logger;
class LoginVerifier;

/// How the core behaves; hall-server fills it from ServerConfig.
struct CoreOptions {
    std::string hallName; ///< empty: the "hall_name" meta value, else "Sunshine Hall"
    std::string serverVersion = "0";
    std::size_t groupCommitMax = 256; ///< commands per transaction at most
    std::size_t replayMax = 10000;    ///< events one Subscribe may replay before ResyncRequired
    store::LockoutPolicy lockout;
    int loginThreads = 2;
    /// How many sessions are connected, for GetServerStatus (may be empty).
    std::function<std::uint32_t()> sessionCount;
};

/// Counters a test or the status line can read from any thread.
struct CoreStats {
    std::uint64_t commits = 0;        ///< durable COMMITs
    std::uint64_t commitFailures = 0; ///< batches whose COMMIT (or BEGIN) failed
    std::uint64_t batches = 0;        ///< batches run, with or without a transaction
    std::uint64_t commands = 0;       ///< requests answered inside batches
};

/// Seams for tests that need the store to fail at a chosen point. Each may throw store::StoreError.
struct CoreTestHooks {
    /// Inside a command's savepoint, after its writes.
    std::function<void(MessageType type, std::uint64_t requestId)> insideCommand;
    /// Just before COMMIT.
    std::function<void()> beforeCommit;
};

/// The hall core: the single writer of the hall's state.
///
/// Thread contract. The core owns the writer Database connection, the in-memory state (notices), the
/// Scheduler and everything reached from them; only the core's thread touches them. Other threads talk
/// to it through the thread-safe calls (submit, identify, detach, publishedHead, stats, hallName after
/// load) which queue work and return at once. Answers come back through the handlers given, called on
/// the core's thread; pushed events go to Peer::deliver, also from the core's thread, so a peer sees its
/// replies and events in one order. The core either runs its own thread (start/stop) or, in tests, is
/// pumped by exactly one thread through runPending()/runUntilIdle() — never both.
///
/// Batching and durability. The core takes what is queued and runs consecutive commands as one batch
/// (at most groupCommitMax): one BEGIN IMMEDIATE, a savepoint per command so a failing command does not
/// undo the others, one COMMIT (WAL, synchronous FULL). A mutating command first looks up its
/// (device, request id) in the request log and answers a retry with the stored first answer; otherwise it
/// writes its change and its journal events and stores its reply. Replies are sent and events published
/// only after the COMMIT is durable. If the COMMIT fails, every command of the batch is answered
/// Unavailable and the in-memory state is reloaded from the database. Subscribe and the first half of
/// Login run between batches, so a subscriber's replay and its live events meet without gap or overlap.
class HallCore {
public:
    HallCore(std::unique_ptr<store::Database> db, Clock& clock, CoreOptions options, Logger& logger);
    ~HallCore();
    HallCore(const HallCore&) = delete;
    HallCore& operator=(const HallCore&) = delete;

    /// Loads the in-memory state from the database. Call once, before start() or runPending().
    Status load();
    /// Runs the core on its own thread.
    void start();
    /// Stops taking new work, finishes what is queued (including logins being verified), commits, and
    /// joins the thread. Idempotent. Work submitted afterwards is answered Unavailable.
    void stop();

    // ---- thread-safe ---------------------------------------------------------------------------------

    /// Queues one request. `peer` receives the replayed and live events of a Subscribe.
    void submit(std::weak_ptr<Peer> peer, Caller caller, MessageType type, std::uint64_t requestId,
                std::string body, ReplyHandler done);
    /// Looks a certificate fingerprint up in the device registry: the identity, or Forbidden for an
    /// unknown or revoked device (Unavailable when the store fails).
    void identify(std::string fingerprint, std::function<void(Result<DeviceIdentity>)> done);
    /// For a simulated clock: moves the hall clock to `targetMs`, firing due timers in order. Refused
    /// (InvalidState) on the system clock and (InvalidArgument) for a time in the past.
    void setSimulatedTime(std::int64_t targetMs, std::function<void(Status)> done);
    /// Drops `peer`'s subscriptions (a closing session).
    void detach(const Peer* peer) { m_broadcaster.remove(peer); }

    /// The newest journal sequence number whose event has been published.
    std::uint64_t publishedHead() const { return m_published.load(std::memory_order_acquire); }
    /// Fixed by load().
    const std::string& hallName() const { return m_hallName; }
    std::int64_t startedAtMs() const { return m_startedAtMs; }
    const Clock& clock() const { return m_clock; }
    CoreStats stats() const;
    void setTestHooks(CoreTestHooks hooks);

    // ---- test pumping (never together with start()) --------------------------------------------------

    /// Runs everything queued now, on the calling thread. Returns how many tasks ran.
    std::size_t runPending();
    /// Runs queued work until nothing is queued and no login is being verified, waiting up to `timeout`
    /// for verifications to come back. False on timeout.
    bool runUntilIdle(std::chrono::milliseconds timeout);
    /// The core's scheduler (core thread only).
    Scheduler& scheduler() { return m_scheduler; }

private:
    struct Request {
        std::weak_ptr<Peer> peer;
        Caller caller;
        MessageType type = MessageType::ErrorReply;
        std::uint64_t requestId = 0;
        std::string body;
        ReplyHandler done;
    };
    /// The second half of a Login: the password was checked off the core's thread.
    struct LoginVerified {
        Request request;
        std::string username;
        std::string checkedHash; ///< the stored hash the password was checked against
        bool matches = false;
    };
    struct Task {
        enum class Kind { Request, LoginVerified, Job } kind = Kind::Job;
        Request request;
        std::optional<LoginVerified> login;
        std::function<void()> job;
        std::function<void()> refuse; ///< answers a job's caller when the core has stopped
    };
    /// A command's effect, staged inside its savepoint and applied only when the savepoint is released.
    struct Outcome {
        CoreReply reply;
        std::vector<store::JournalEvent> events;
        std::function<void()> apply; ///< the in-memory change; must not throw
        bool remember = false;       ///< store the reply in the request log
        MessageType replyType = MessageType::ErrorReply;
        std::string replyBody;
    };
    struct PendingReply {
        ReplyHandler done;
        CoreReply reply;
        std::uint64_t requestId = 0;
    };

    void enqueue(Task task);
    void threadMain();
    void process(std::deque<Task>& tasks);
    bool isBatchable(const Task& task) const;
    void runBatch(std::vector<Task>& batch);
    Outcome execute(Task& task);
    void publishCommitted(std::vector<store::JournalEvent>& events);
    void publishEvent(const store::JournalEvent& event);
    void publishExternalEvents();
    void reloadState();
    void scheduleExpiry(const Notice& notice);

    // Commands (hall_core_commands.cpp).
    Outcome executeRequest(const Request& request);
    Outcome postNotice(const Request& request);
    Outcome listNotices(const Request& request);
    Outcome serverStatus(const Request& request);
    Outcome logout(const Request& request);
    Outcome finishLogin(const LoginVerified& login);
    void beginLogin(Request request);
    void subscribe(const Request& request);
    std::string actorFor(const Caller& caller) const;
    store::JournalEvent appendEvent(std::uint16_t kind, const std::string& topic, const std::string& actor,
                                    const std::string& body);

    static CoreReply errorReply(std::uint64_t requestId, const Error& error);
    template <typename M> static Outcome answer(std::uint64_t requestId, const M& message);

    std::unique_ptr<store::Database> m_db;
    Clock& m_clock;
    const CoreOptions m_options;
    Logger& m_logger;
    Scheduler m_scheduler;
    Broadcaster m_broadcaster;

    std::unique_ptr<store::Journal> m_journal;
    std::unique_ptr<store::RequestLog> m_requestLog;
    std::unique_ptr<store::AccountStore> m_accounts;
    std::unique_ptr<store::DeviceRegistry> m_devices;
    std::unique_ptr<NoticeStore> m_noticeStore;
    NoticeBoard m_notices;
    std::unique_ptr<LoginVerifier> m_verifier;
    CoreTestHooks m_hooks;

    std::string m_hallName;
    std::int64_t m_startedAtMs = 0;
    std::atomic<std::uint64_t> m_published{0};

    // m_mutex guards the queue, the flags and the in-flight count; m_wake signals a change to any of them.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    std::size_t m_loginsInFlight = 0;
    bool m_stopping = false;
    bool m_stopped = false;
    std::thread m_thread;

    mutable std::mutex m_statsMutex;
    CoreStats m_stats;
};

} // namespace hall::server
