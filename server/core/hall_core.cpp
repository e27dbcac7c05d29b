#include "core/hall_core.h"

#include "core/clock.h"
#include "core/logger.h"
#include "core/login_verifier.h"
#include "protocol/access.h"
#include "store/database.h"
#include "store/devices.h"
#include "store/journal.h"
#include "store/request_log.h"

#include <cassert>

namespace hall::server {
namespace {
constexpr auto kCore = Logger::Component::Core;
constexpr auto kStore = Logger::Component::Store;
constexpr std::string_view kDefaultHallName = "Sunshine Hall";
} // namespace

HallCore::HallCore(std::unique_ptr<store::Database> db, Clock& clock, CoreOptions options, Logger& logger)
    : m_db(std::move(db)), m_clock(clock), m_options(std::move(options)), m_logger(logger),
      m_scheduler(clock), m_verifier(std::make_unique<LoginVerifier>(m_options.loginThreads)) {
    assert(m_db);
}

HallCore::~HallCore() {
    stop();
    // The verifier joins its threads here; nothing it finishes now reaches a handler.
    m_verifier.reset();
}

Status HallCore::load() {
    return store::guarded<Ok>([this]() -> Result<Ok> {
        m_journal = std::make_unique<store::Journal>(*m_db);
        m_requestLog = std::make_unique<store::RequestLog>(*m_db);
        m_accounts = std::make_unique<store::AccountStore>(*m_db);
        m_devices = std::make_unique<store::DeviceRegistry>(*m_db);
        m_noticeStore = std::make_unique<NoticeStore>(*m_db);

        m_hallName = m_options.hallName;
        if (m_hallName.empty())
            m_hallName = m_db->metaValue("hall_name").value_or(std::string(kDefaultHallName));
        m_startedAtMs = m_clock.nowMs();
        m_published.store(m_journal->head(), std::memory_order_release);
        reloadState();
        m_logger.info(kCore, "loaded: journal head " + std::to_string(publishedHead()) + ", " +
                                 std::to_string(m_notices.countInForce(m_clock.nowMs())) +
                                 " notices in force");
        return Ok{};
    });
}

void HallCore::reloadState() {
    m_notices.clear();
    for (const auto& notice : m_noticeStore->loadInForce(m_clock.nowMs())) {
        m_notices.add(notice);
        scheduleExpiry(notice);
    }
}

void HallCore::scheduleExpiry(const Notice& notice) {
    // Removal is idempotent, so a timer left over from before a reload does no harm.
    const std::uint64_t id = notice.id;
    m_scheduler.at(notice.expiresAtMs, "notice expiry", [this, id] { m_notices.remove(id); });
}

void HallCore::start() {
    assert(!m_thread.joinable());
    m_thread = std::thread([this] { threadMain(); });
}

void HallCore::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_mutex);
    m_stopped = true;
}

CoreStats HallCore::stats() const {
    std::lock_guard lock(m_statsMutex);
    return m_stats;
}

void HallCore::setTestHooks(CoreTestHooks hooks) {
    m_hooks = std::move(hooks);
}

void HallCore::enqueue(Task task) {
    {
        std::unique_lock lock(m_mutex);
        if (!m_stopped) {
            m_queue.push_back(std::move(task));
            lock.unlock();
            m_wake.notify_all();
            return;
        }
    }
    // Too late: the core has stopped. Answer on the caller's thread.
    const Error unavailable{ErrorCode::Unavailable, "the server is shutting down"};
    if (task.kind == Task::Kind::Request && task.request.done)
        task.request.done(errorReply(task.request.requestId, unavailable));
    else if (task.kind == Task::Kind::LoginVerified && task.login->request.done)
        task.login->request.done(errorReply(task.login->request.requestId, unavailable));
    else if (task.kind == Task::Kind::Job && task.refuse)
        task.refuse();
}

void HallCore::submit(std::weak_ptr<Peer> peer, Caller caller, MessageType type, std::uint64_t requestId,
                      std::string body, ReplyHandler done) {
    Task task;
    task.kind = Task::Kind::Request;
    task.request =
        Request{std::move(peer), std::move(caller), type, requestId, std::move(body), std::move(done)};
    enqueue(std::move(task));
}

void HallCore::identify(std::string fingerprint, std::function<void(Result<DeviceIdentity>)> done) {
    auto shared = std::make_shared<std::function<void(Result<DeviceIdentity>)>>(std::move(done));
    Task task;
    task.refuse = [shared] {
        (*shared)(Error{ErrorCode::Unavailable, "the server is shutting down"});
    };
    task.job = [this, fingerprint = std::move(fingerprint), shared] {
        auto found = store::guarded<DeviceIdentity>([&]() -> Result<DeviceIdentity> {
            const auto record = m_devices->findByFingerprint(fingerprint);
            if (!record)
                return Error{ErrorCode::Forbidden, "this device's certificate is not registered in the hall"};
            if (record->revokedAtMs != 0)
                return Error{ErrorCode::Forbidden, "this device's certificate has been revoked"};
            return record->identity;
        });
        if (!found && found.error().code != ErrorCode::Forbidden)
            m_logger.error(kStore, "device lookup failed: " + found.error().message);
        (*shared)(std::move(found));
    };
    enqueue(std::move(task));
}

void HallCore::setSimulatedTime(std::int64_t targetMs, std::function<void(Status)> done) {
    auto shared = std::make_shared<std::function<void(Status)>>(std::move(done));
    Task task;
    task.refuse = [shared] {
        (*shared)(Error{ErrorCode::Unavailable, "the server is shutting down"});
    };
    task.job = [this, targetMs, shared] {
        const auto& done = *shared;
        auto* simulated = dynamic_cast<SimulatedClock*>(&m_clock);
        if (!simulated) {
            done(Error{ErrorCode::InvalidState, "the hall runs on the system clock"});
            return;
        }
        if (targetMs < simulated->nowMs()) {
            done(Error{ErrorCode::InvalidArgument, "the hall clock does not go backwards"});
            return;
        }
        const std::size_t fired = m_scheduler.advanceTo(*simulated, targetMs);
        m_logger.debug(kCore, "simulated clock set; " + std::to_string(fired) + " timers fired");
        done(success());
    };
    enqueue(std::move(task));
}

// ---- the loop ------------------------------------------------------------------------------------------

void HallCore::threadMain() {
    m_logger.info(kCore, "core thread started");
    for (;;) {
        // The scheduler belongs to this thread, so the deadline is computed before taking the lock.
        std::optional<std::chrono::steady_clock::time_point> wakeAt;
        if (!m_clock.isSimulated()) {
            if (const auto due = m_scheduler.nextDueMs()) {
                const auto delay = std::max<std::int64_t>(0, *due - m_clock.nowMs());
                wakeAt = std::chrono::steady_clock::now() + std::chrono::milliseconds(delay);
            }
        }
        std::deque<Task> tasks;
        {
            std::unique_lock lock(m_mutex);
            const auto ready = [this] {
                return !m_queue.empty() || (m_stopping && m_loginsInFlight == 0);
            };
            if (wakeAt)
                m_wake.wait_until(lock, *wakeAt, ready);
            else
                m_wake.wait(lock, ready);
            if (m_queue.empty() && m_stopping && m_loginsInFlight == 0) {
                m_stopped = true;
                break;
            }
            tasks.swap(m_queue);
        }
        m_scheduler.runDue();
        process(tasks);
    }
    m_logger.info(kCore, "core thread stopped");
}

std::size_t HallCore::runPending() {
    std::deque<Task> tasks;
    {
        std::lock_guard lock(m_mutex);
        tasks.swap(m_queue);
    }
    const std::size_t count = tasks.size();
    m_scheduler.runDue();
    process(tasks);
    return count;
}

bool HallCore::runUntilIdle(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        runPending();
        std::unique_lock lock(m_mutex);
        if (m_queue.empty() && m_loginsInFlight == 0)
            return true;
        if (!m_wake.wait_until(lock, deadline, [this] { return !m_queue.empty() || m_loginsInFlight == 0; }))
            return false;
    }
}

bool HallCore::isBatchable(const Task& task) const {
    if (task.kind == Task::Kind::LoginVerified)
        return true;
    if (task.kind == Task::Kind::Job)
        return false;
    return task.request.type != MessageType::Subscribe && task.request.type != MessageType::Login;
}

void HallCore::process(std::deque<Task>& tasks) {
    std::vector<Task> batch;
    const auto flush = [&] {
        if (!batch.empty())
            runBatch(batch);
        batch.clear();
    };
    while (!tasks.empty()) {
        Task task = std::move(tasks.front());
        tasks.pop_front();
        if (isBatchable(task)) {
            batch.push_back(std::move(task));
            if (batch.size() >= m_options.groupCommitMax)
                flush();
            continue;
        }
        // Order matters: what came before this task commits and publishes first.
        flush();
        if (task.kind == Task::Kind::Job)
            task.job();
        else if (task.request.type == MessageType::Subscribe)
            subscribe(task.request);
        else
            beginLogin(std::move(task.request));
    }
    flush();
}

// ---- one batch -------------------------------------------------------------------------------------------

void HallCore::runBatch(std::vector<Task>& batch) {
    bool writes = false;
    for (const auto& task : batch) {
        if (task.kind == Task::Kind::LoginVerified) {
            writes = true;
        } else if (const AccessRule* rule = accessRuleFor(task.request.type); rule && rule->mutating) {
            writes = true;
        }
    }

    std::vector<PendingReply> replies;
    std::vector<store::JournalEvent> events;
    replies.reserve(batch.size());

    const auto requestOf = [](Task& task) -> Request& {
        return task.kind == Task::Kind::LoginVerified ? task.login->request : task.request;
    };

    bool committed = !writes;
    std::string failure;
    try {
        std::optional<store::Transaction> transaction;
        if (writes)
            transaction.emplace(*m_db);
        for (auto& task : batch) {
            Request& request = requestOf(task);
            try {
                std::optional<store::Savepoint> savepoint;
                if (writes)
                    savepoint.emplace(*m_db);
                Outcome outcome = execute(task);
                if (outcome.remember)
                    m_requestLog->store(request.caller.device.name, request.requestId,
                                        static_cast<std::uint16_t>(outcome.replyType), outcome.replyBody,
                                        m_clock.nowMs());
                if (m_hooks.insideCommand)
                    m_hooks.insideCommand(request.type, request.requestId);
                if (savepoint)
                    savepoint->release();
                if (outcome.apply)
                    outcome.apply();
                for (auto& event : outcome.events)
                    events.push_back(std::move(event));
                replies.push_back({std::move(request.done), std::move(outcome.reply), request.requestId});
            } catch (const store::StoreError& e) {
                // The savepoint rolled this command back; the others in the batch stand.
                m_logger.error(kStore, std::string(messageTypeName(request.type)) +
                                           " failed in the store: " + e.what());
                replies.push_back(
                    {std::move(request.done),
                     errorReply(request.requestId, {ErrorCode::Unavailable, "the store refused the write"}),
                     request.requestId});
            }
        }
        if (transaction) {
            if (m_hooks.beforeCommit)
                m_hooks.beforeCommit();
            transaction->commit();
            committed = true;
        }
    } catch (const store::StoreError& e) {
        failure = e.what();
    }

    {
        std::lock_guard lock(m_statsMutex);
        ++m_stats.batches;
        m_stats.commands += batch.size();
        if (writes && committed)
            ++m_stats.commits;
        if (!committed)
            ++m_stats.commitFailures;
    }

    if (!committed) {
        m_logger.error(kStore, "a batch of " + std::to_string(batch.size()) +
                                   " commands failed to commit: " + failure);
        // Commands that never reached execute() still hold their handler in the task.
        for (auto& task : batch) {
            Request& request = requestOf(task);
            if (request.done)
                replies.push_back({std::move(request.done), {}, request.requestId});
        }
        const Error unavailable{ErrorCode::Unavailable, "the change could not be stored; try again"};
        for (auto& pending : replies)
            if (pending.done)
                pending.done(errorReply(pending.requestId, unavailable));
        try {
            reloadState();
        } catch (const store::StoreError& e) {
            m_logger.error(kStore, std::string("reloading the state failed: ") + e.what());
        }
        return;
    }

    for (auto& pending : replies)
        if (pending.done)
            pending.done(std::move(pending.reply));
    publishCommitted(events);
}

HallCore::Outcome HallCore::execute(Task& task) {
    if (task.kind == Task::Kind::LoginVerified)
        return finishLogin(*task.login);
    return executeRequest(task.request);
}

// ---- publishing ----------------------------------------------------------------------------------------

void HallCore::publishEvent(const store::JournalEvent& event) {
    Event message;
    message.seq = event.seq;
    message.timeMs = event.timeMs;
    message.kind = event.kind;
    message.topic = event.topic;
    message.body = event.body;
    const SharedFrame frame = makeFrame(encodeMessage(message, 0));
    m_broadcaster.publish(event.topic, frame);
    m_published.store(event.seq, std::memory_order_release);
}

void HallCore::publishExternalEvents() {
    // Another writer (hallctl) may have appended between our commits; its events go out in order too.
    const std::uint64_t head = m_journal->head();
    std::uint64_t cursor = publishedHead();
    while (cursor < head) {
        const auto page = m_journal->readAfter(cursor, 1000);
        if (page.empty())
            break;
        for (const auto& event : page) {
            if (event.seq > head)
                return;
            publishEvent(event);
            cursor = event.seq;
        }
    }
}

void HallCore::publishCommitted(std::vector<store::JournalEvent>& events) {
    if (events.empty())
        return;
    if (events.front().seq != publishedHead() + 1) {
        try {
            const std::uint64_t ours = events.front().seq;
            std::uint64_t cursor = publishedHead();
            while (cursor + 1 < ours) {
                const auto page =
                    m_journal->readAfter(cursor, std::min<std::uint64_t>(1000, ours - 1 - cursor));
                if (page.empty())
                    break;
                for (const auto& event : page) {
                    publishEvent(event);
                    cursor = event.seq;
                }
            }
        } catch (const store::StoreError& e) {
            m_logger.error(kStore,
                           std::string("reading events written by another process failed: ") + e.what());
        }
    }
    for (const auto& event : events)
        publishEvent(event);
}

// ---- shared helpers ------------------------------------------------------------------------------------

CoreReply HallCore::errorReply(std::uint64_t requestId, const Error& error) {
    CoreReply reply;
    reply.frame = makeFrame(encodeMessage(ErrorReply{error.code, error.message}, requestId));
    return reply;
}

std::string HallCore::actorFor(const Caller& caller) const {
    if (caller.person)
        return "person:" + caller.person->username + "@" + caller.device.name;
    return "device:" + caller.device.name;
}

store::JournalEvent HallCore::appendEvent(std::uint16_t kind, const std::string& topic,
                                          const std::string& actor, const std::string& body) {
    return m_journal->append(m_clock.nowMs(), kind, topic, actor, body);
}

} // namespace hall::server
