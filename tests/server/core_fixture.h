#pragma once

// Shared pieces of the hall core's in-process tests: a temporary hall database, a simulated clock, a peer
// that records what it is sent (replies and events in one order), and typed request helpers.

#include "core/clock.h"
#include "core/hall_core.h"
#include "core/logger.h"
#include "protocol/events.h"
#include "protocol/messages.h"
#include "store/accounts.h"
#include "store/database.h"
#include "store/journal.h"
#include "store/password.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hall::test {

/// 2026-03-02 08:30 in Beijing (UTC+8).
inline constexpr std::int64_t kMorningMs = 1772411400000;

/// Records replies and events in the order the core hands them over. Thread-safe.
class RecordingPeer final : public server::Peer {
public:
    void deliver(server::SharedFrame frame) override {
        std::lock_guard lock(m_mutex);
        m_frames.push_back(*frame);
    }
    void record(const server::CoreReply& reply) {
        std::lock_guard lock(m_mutex);
        m_frames.push_back(*reply.frame);
        m_replies.push_back(reply);
    }
    std::vector<std::string> frames() const {
        std::lock_guard lock(m_mutex);
        return m_frames;
    }
    std::vector<server::CoreReply> replies() const {
        std::lock_guard lock(m_mutex);
        return m_replies;
    }
    std::size_t replyCount() const {
        std::lock_guard lock(m_mutex);
        return m_replies.size();
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_frames;
    std::vector<server::CoreReply> m_replies;
};

inline FrameView viewOf(const std::string& frame) {
    const DecodeOutcome out = decodeFrame(frame);
    if (out.status != DecodeStatus::Complete)
        qFatal("a frame from the core does not decode: %s", out.error.message.c_str());
    return out.frame;
}

template <typename M> Result<M> decodeAs(const std::string& frame) {
    return decodeMessage<M>(viewOf(frame));
}

/// The error code of an ErrorReply frame, or nothing when the frame is not an error.
inline std::optional<ErrorCode> errorOf(const std::string& frame) {
    auto error = decodeAs<ErrorReply>(frame);
    if (!error)
        return std::nullopt;
    return error->code;
}

inline server::Caller deviceCaller(DeviceRole role, std::string name, std::string window = {},
                                   std::uint8_t floor = 0) {
    server::Caller caller;
    caller.device = DeviceIdentity{role, std::move(name), std::move(window), floor};
    return caller;
}

inline server::Caller personCaller(DeviceRole role, std::string deviceName, PersonRole personRole,
                                   std::string username) {
    server::Caller caller = deviceCaller(role, std::move(deviceName));
    caller.person = server::Person{username, "Display " + username, personRole};
    return caller;
}

inline server::Caller supervisorAtAdminDesk() {
    return personCaller(DeviceRole::Admin, "admin-desk", PersonRole::Supervisor, "wang.fang");
}

/// A hall database in a temporary directory and a core over it, pumped by the test thread.
class CoreFixture {
public:
    explicit CoreFixture(server::CoreOptions options = {}) : m_clock(kMorningMs) {
        if (!m_dir.isValid())
            qFatal("no temporary directory");
        m_path = m_dir.filePath(QStringLiteral("hall.db")).toStdString();
        m_options = std::move(options);
        open();
    }

    /// A fresh core over the same file, as after a restart.
    void reopen() {
        m_core.reset();
        open();
    }

    server::HallCore& core() { return *m_core; }
    server::SimulatedClock& clock() { return m_clock; }
    const std::string& path() const { return m_path; }

    void addAccount(const std::string& username, PersonRole role, const std::string& password,
                    bool disabled = false) {
        auto db = openDb(store::Database::Mode::ReadWrite);
        store::Account account;
        account.username = username;
        account.displayName = "Display " + username;
        account.role = role;
        account.passwordHash = store::hashPassword(password, 1000);
        account.disabled = disabled;
        account.createdAtMs = kMorningMs;
        store::AccountStore(*db).create(account);
    }

    std::unique_ptr<store::Database> openDb(store::Database::Mode mode = store::Database::Mode::ReadOnly) {
        auto db = store::Database::open(m_path, mode);
        if (!db)
            qFatal("%s", db.error().message.c_str());
        return std::move(db).value();
    }

    std::uint64_t journalHead() {
        auto db = openDb();
        return store::Journal(*db).head();
    }
    std::vector<store::JournalEvent> journal() {
        auto db = openDb();
        return store::Journal(*db).readAfter(0, 100000);
    }
    std::int64_t countRows(const char* table) {
        auto db = openDb();
        store::Statement count(*db, std::string("SELECT count(*) FROM ") + table);
        count.step();
        return count.int64(0);
    }

    /// Queues a typed request whose reply lands in `peer`.
    template <typename M>
    void submit(const std::shared_ptr<RecordingPeer>& peer, const server::Caller& caller, const M& message,
                std::uint64_t requestId) {
        m_core->submit(peer, caller, M::kType, requestId, encodeBody(message),
                       [peer](server::CoreReply reply) { peer->record(reply); });
    }

    /// Submits, runs the core until idle and returns the reply frame.
    template <typename M>
    std::string request(const server::Caller& caller, const M& message, std::uint64_t requestId,
                        std::shared_ptr<RecordingPeer> peer = {}) {
        if (!peer)
            peer = std::make_shared<RecordingPeer>();
        const std::size_t before = peer->replyCount();
        submit(peer, caller, message, requestId);
        if (!m_core->runUntilIdle(std::chrono::seconds(10)))
            qFatal("the core did not become idle");
        const auto replies = peer->replies();
        if (replies.size() != before + 1)
            qFatal("expected exactly one reply");
        return *replies.back().frame;
    }

    PostNotice notice(std::uint8_t floor, std::string text) const {
        return PostNotice{floor, std::move(text), m_clock.nowMs() + 3600 * 1000};
    }

private:
    void open() {
        m_core = std::make_unique<server::HallCore>(openDb(store::Database::Mode::ReadWrite), m_clock,
                                                    m_options, server::Logger::silent());
        const Status loaded = m_core->load();
        if (!loaded)
            qFatal("%s", loaded.error().message.c_str());
    }

    QTemporaryDir m_dir;
    std::string m_path;
    server::SimulatedClock m_clock;
    server::CoreOptions m_options;
    std::unique_ptr<server::HallCore> m_core;
};

} // namespace hall::test
