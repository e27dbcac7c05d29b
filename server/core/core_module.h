#pragma once

#include "core/peer.h"
#include "protocol/messages.h"
#include "store/journal.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hall::store {
class Database;
} // namespace hall::store

namespace hall::server {

class Clock;
class Logger;
class Scheduler;

/// A command's effect, staged inside its savepoint and applied only when the savepoint is released.
struct CommandOutcome {
    CoreReply reply;
    std::vector<store::JournalEvent> events;
    std::function<void()> apply; ///< the in-memory change; must not throw
    bool remember = false;       ///< store the reply in the request log
    MessageType replyType = MessageType::ErrorReply;
    std::string replyBody;
};

/// One request as a module sees it.
struct ModuleRequest {
    const Caller& caller;
    MessageType type;
    std::uint64_t requestId;
    const std::string& body;
};

/// What the core lends a module: the writer connection, the hall clock and scheduler, the journal, and a
/// way to run a change of its own (a timer's work) as one durable transaction. Core thread only.
class CoreContext {
public:
    virtual ~CoreContext() = default;
    virtual store::Database& db() = 0;
    virtual const Clock& clock() const = 0;
    virtual Scheduler& scheduler() = 0;
    virtual Logger& logger() = 0;
    /// Appends a journal event inside the open transaction.
    virtual store::JournalEvent appendEvent(std::uint16_t kind, const std::string& topic,
                                            const std::string& actor, const std::string& body) = 0;
    /// The journal sequence the in-memory state reflects (published, or appended earlier in this batch).
    virtual std::uint64_t stateSeq() const = 0;
    /// Runs `change` in its own transaction, applies it and publishes its events once durable. For
    /// timers; call between batches only (a scheduler callback is).
    virtual void runInternal(const std::string& label, const std::function<CommandOutcome()>& change) = 0;
};

/// A domain module of the hall core: it owns one part of the in-memory state and the commands on it.
/// The core keeps the batching, the request log, the commit and the publishing.
class CoreModule {
public:
    virtual ~CoreModule() = default;
    virtual const char* name() const = 0;
    /// Whether execute() answers this request type.
    virtual bool handles(MessageType type) const = 0;
    /// Loads (or reloads, after a failed commit) the in-memory state. May throw store::StoreError.
    virtual void load(CoreContext& context) = 0;
    /// Runs one request inside its savepoint. May throw store::StoreError (the savepoint rolls back).
    virtual CommandOutcome execute(const ModuleRequest& request, CoreContext& context) = 0;
    /// Events another process (hallctl) wrote, in journal order, just published.
    virtual void externalEvents(const std::vector<store::JournalEvent>&, CoreContext&) {}
    /// A person logs out on a device (inside the Logout's savepoint): the module may add events and chain
    /// its own in-memory change to `outcome.apply`.
    virtual void loggingOut(const Caller&, CoreContext&, CommandOutcome&) {}
};

/// Helpers for modules.
CoreReply errorReplyFrame(std::uint64_t requestId, const Error& error);
CommandOutcome failedOutcome(std::uint64_t requestId, const Error& error);
template <typename M> CommandOutcome answerOutcome(std::uint64_t requestId, const M& message) {
    CommandOutcome outcome;
    outcome.replyType = M::kType;
    outcome.replyBody = encodeBody(message);
    outcome.reply.frame = makeFrame(encodeFrame(M::kType, requestId, outcome.replyBody));
    return outcome;
}

} // namespace hall::server
