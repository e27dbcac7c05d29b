// The hall core's commands: what each request does inside its batch (or between batches).
#include "core/clock.h"
#include "core/hall_core.h"
#include "core/logger.h"
#include "core/login_verifier.h"
#include "protocol/access.h"
#include "protocol/events.h"
#include "store/database.h"
#include "store/journal.h"
#include "store/request_log.h"

#include <set>

namespace hall::server {
namespace {
constexpr auto kCore = Logger::Component::Core;
constexpr auto kStore = Logger::Component::Store;
constexpr std::size_t kReplayPage = 1000;
/// A subscriber further behind than this many multiples of replayMax is told to resync without a scan.
constexpr std::uint64_t kReplayScanFactor = 10;

std::optional<PersonRole> personRoleOf(const Caller& caller) {
    if (!caller.person)
        return std::nullopt;
    return caller.person->role;
}
} // namespace

template <typename M> HallCore::Outcome HallCore::answer(std::uint64_t requestId, const M& message) {
    Outcome outcome;
    outcome.replyType = M::kType;
    outcome.replyBody = encodeBody(message);
    outcome.reply.frame = makeFrame(encodeFrame(M::kType, requestId, outcome.replyBody));
    return outcome;
}

HallCore::Outcome HallCore::executeRequest(const Request& request) {
    const auto failed = [&](const Error& error) {
        Outcome outcome;
        outcome.reply = errorReply(request.requestId, error);
        return outcome;
    };
    if (const Status access =
            checkAccess(request.type, request.caller.device.role, personRoleOf(request.caller));
        !access)
        return failed(access.error());
    const AccessRule* rule = accessRuleFor(request.type);
    if (rule->mutating) {
        if (request.requestId == 0)
            return failed(
                {ErrorCode::RequestIdRequired, std::string(messageTypeName(request.type)) +
                                                   " changes the hall and needs a non-zero request id"});
        if (const auto stored = m_requestLog->find(request.caller.device.name, request.requestId)) {
            // A retry: the first answer again, and nothing changes.
            const auto type = messageTypeFromId(stored->type);
            if (!type)
                return failed({ErrorCode::Internal, "the stored answer has an unknown type"});
            Outcome outcome;
            outcome.reply.frame = makeFrame(encodeFrame(*type, request.requestId, stored->body));
            m_logger.debug(kCore, "answered a retry of request " + std::to_string(request.requestId) +
                                      " from " + request.caller.device.name);
            return outcome;
        }
    }
    switch (request.type) {
    case MessageType::PostNotice:
        return postNotice(request);
    case MessageType::ListNotices:
        return listNotices(request);
    case MessageType::GetServerStatus:
        return serverStatus(request);
    case MessageType::Logout:
        return logout(request);
    default:
        for (auto& module : m_modules)
            if (module->handles(request.type))
                return module->execute(
                    ModuleRequest{request.caller, request.type, request.requestId, request.body}, *this);
        return failed({ErrorCode::UnknownMessage,
                       std::string(messageTypeName(request.type)) + " is not handled by the hall core"});
    }
}

HallCore::Outcome HallCore::postNotice(const Request& request) {
    auto decoded = PostNotice::decode(request.body);
    if (!decoded) {
        Outcome outcome;
        outcome.reply = errorReply(request.requestId, decoded.error());
        return outcome;
    }
    const PostNotice& post = *decoded;
    const std::int64_t now = m_clock.nowMs();
    Status valid = validateNotice(post, now);
    if (valid && m_notices.countInForce(now) >= kMaxNoticesInForce)
        valid = Error{ErrorCode::Conflict, "too many notices are in force; wait for some to expire"};
    if (!valid) {
        Outcome outcome;
        outcome.reply = errorReply(request.requestId, valid.error());
        return outcome;
    }

    // checkAccess guaranteed a person for PostNotice.
    const std::string author = request.caller.person->displayName;
    const Notice notice = m_noticeStore->insert(post.floor, post.text, now, post.expiresAtMs, author);
    NoticePosted event{notice.id, notice.floor, notice.text, notice.expiresAtMs, author};
    store::JournalEvent appended =
        appendEvent(static_cast<std::uint16_t>(EventKind::NoticePosted), topicForFloor(notice.floor),
                    actorFor(request.caller), encodeEventBody(event));

    Outcome outcome = answer(request.requestId, PostNoticeOk{notice.id, appended.seq});
    outcome.remember = true;
    outcome.events.push_back(std::move(appended));
    outcome.apply = [this, notice] {
        m_notices.add(notice);
        scheduleExpiry(notice);
        m_logger.info(kCore, "notice " + std::to_string(notice.id) + " posted for floor " +
                                 std::to_string(notice.floor));
    };
    return outcome;
}

HallCore::Outcome HallCore::listNotices(const Request& request) {
    auto decoded = ListNotices::decode(request.body);
    if (!decoded || decoded->floor > kMaxNoticeFloor) {
        Outcome outcome;
        outcome.reply = errorReply(request.requestId, decoded ? Error{ErrorCode::InvalidArgument,
                                                                      "floor: must be 0 (every floor) to 5"}
                                                              : decoded.error());
        return outcome;
    }
    NoticeList list;
    list.notices = m_notices.inForce(decoded->floor, m_clock.nowMs());
    return answer(request.requestId, list);
}

HallCore::Outcome HallCore::serverStatus(const Request& request) {
    if (auto decoded = GetServerStatus::decode(request.body); !decoded) {
        Outcome outcome;
        outcome.reply = errorReply(request.requestId, decoded.error());
        return outcome;
    }
    ServerStatus status;
    status.serverVersion = m_options.serverVersion;
    status.sessions = m_options.sessionCount ? m_options.sessionCount() : 0;
    status.journalHead = publishedHead();
    status.startedAtMs = m_startedAtMs;
    status.nowMs = m_clock.nowMs();
    status.simulatedClock = m_clock.isSimulated();
    return answer(request.requestId, status);
}

HallCore::Outcome HallCore::logout(const Request& request) {
    if (auto decoded = Logout::decode(request.body); !decoded) {
        Outcome outcome;
        outcome.reply = errorReply(request.requestId, decoded.error());
        return outcome;
    }
    Outcome outcome = answer(request.requestId, LogoutOk{});
    outcome.reply.change = SessionChange::LoggedOut;
    outcome.apply = [this, peer = request.peer, device = request.caller.device] {
        retainPermittedTopics(peer, device, std::nullopt);
    };
    for (auto& module : m_modules)
        module->loggingOut(request.caller, *this, outcome);
    m_logger.info(kCore, request.caller.person->username + " logged out on " + request.caller.device.name);
    return outcome;
}

// ---- login: the account is read here, the password checked off the thread, the outcome applied in a batch

void HallCore::beginLogin(Request request) {
    const auto refuse = [&](const Error& error) {
        if (request.done)
            request.done(errorReply(request.requestId, error));
    };
    if (const Status access =
            checkAccess(request.type, request.caller.device.role, personRoleOf(request.caller));
        !access)
        return refuse(access.error());
    auto login = Login::decode(request.body);
    if (!login)
        return refuse(login.error());

    auto account = store::guarded<std::optional<store::Account>>(
        [&]() -> Result<std::optional<store::Account>> { return m_accounts->find(login->username); });
    if (!account) {
        m_logger.error(kStore, "account lookup failed: " + account.error().message);
        return refuse({ErrorCode::Unavailable, "the account store is not available"});
    }

    LoginVerified verified;
    verified.username = login->username;
    // Unknown and disabled accounts are checked against nothing (a dummy hash): same time, same answer.
    const bool usable = account->has_value() && !(*account)->disabled;
    if (usable)
        verified.checkedHash = (*account)->passwordHash;
    verified.request = std::move(request);
    verified.request.body.clear(); // the password is not kept in the queue

    if (usable && (*account)->lockedUntilMs > m_clock.nowMs()) {
        // Locked: no check at all; the decision (still locked) is made in the batch.
        Task task;
        task.kind = Task::Kind::LoginVerified;
        task.login = std::move(verified);
        enqueue(std::move(task));
        return;
    }

    {
        std::lock_guard lock(m_mutex);
        ++m_loginsInFlight;
    }
    auto shared = std::make_shared<LoginVerified>(std::move(verified));
    m_verifier->verify(std::move(login->password), shared->checkedHash, [this, shared](bool matches) {
        shared->matches = matches;
        Task task;
        task.kind = Task::Kind::LoginVerified;
        task.login = std::move(*shared);
        bool queued = false;
        {
            // Queue the result and drop the in-flight count in one step, so the core never sees neither.
            std::lock_guard lock(m_mutex);
            --m_loginsInFlight;
            if (!m_stopped) {
                m_queue.push_back(std::move(task));
                queued = true;
            }
        }
        m_wake.notify_all();
        if (!queued && task.login->request.done)
            task.login->request.done(errorReply(task.login->request.requestId,
                                                {ErrorCode::Unavailable, "the server is shutting down"}));
    });
}

HallCore::Outcome HallCore::finishLogin(const LoginVerified& login) {
    const Request& request = login.request;
    const Error badCredentials{ErrorCode::BadCredentials, "unknown user or wrong password"};
    Outcome outcome;
    // Read again inside the transaction: another device may have changed the counters meanwhile.
    const auto account = m_accounts->find(login.username);
    if (!account || account->disabled || login.checkedHash.empty() ||
        account->passwordHash != login.checkedHash) {
        outcome.reply = errorReply(request.requestId, badCredentials);
        m_logger.info(kCore, "login refused on " + request.caller.device.name);
        return outcome;
    }

    const std::int64_t now = m_clock.nowMs();
    const store::LoginOutcome decision = store::decideLogin(*account, login.matches, now, m_options.lockout);
    m_accounts->setLoginState(account->username, decision.failedCount, decision.lockedUntilMs);
    LoginRecorded event{account->username, request.caller.device.name, decision.succeeded,
                        decision.failedCount, decision.lockedUntilMs};
    outcome.events.push_back(appendEvent(static_cast<std::uint16_t>(EventKind::LoginRecorded),
                                         std::string(kTopicAudit), "device:" + request.caller.device.name,
                                         encodeEventBody(event)));

    if (decision.succeeded) {
        LoginOk ok{account->username, account->displayName, account->role, account->department,
                   account->staffNumber};
        Outcome done = answer(request.requestId, ok);
        done.events = std::move(outcome.events);
        done.reply.change = SessionChange::LoggedIn;
        done.reply.person = Person{account->username, account->displayName, account->role};
        done.apply = [this, peer = request.peer, device = request.caller.device, role = account->role] {
            retainPermittedTopics(peer, device, role);
        };
        m_logger.info(kCore, account->username + " logged in on " + request.caller.device.name);
        return done;
    }
    if (decision.locked) {
        outcome.reply = errorReply(request.requestId,
                                   {ErrorCode::AccountLocked, "too many failed logins; try again later"});
        m_logger.warning(kCore, "login to locked account " + account->username + " on " +
                                    request.caller.device.name);
    } else {
        outcome.reply = errorReply(request.requestId, badCredentials);
        m_logger.info(kCore, "failed login for " + account->username + " on " + request.caller.device.name);
    }
    return outcome;
}

void HallCore::retainPermittedTopics(const std::weak_ptr<Peer>& peer, const DeviceIdentity& device,
                                     std::optional<PersonRole> person) {
    // Runs after the commit, on the core's thread, before anything later is published: the topics the
    // new person may still follow carry on without a gap or a repeat.
    if (const auto alive = peer.lock())
        m_broadcaster.retainTopics(alive.get(), [&](const std::string& topic) {
            return checkTopicAccess(topic, device, person).ok();
        });
}

// ---- subscribe: between batches, so replay and live events meet exactly
// ------------------------------------

void HallCore::subscribe(const Request& request) {
    const auto reply = [&](CoreReply answer) {
        if (request.done)
            request.done(std::move(answer));
    };
    const auto refuse = [&](const Error& error) {
        reply(errorReply(request.requestId, error));
    };

    if (const Status access =
            checkAccess(request.type, request.caller.device.role, personRoleOf(request.caller));
        !access)
        return refuse(access.error());
    auto decoded = Subscribe::decode(request.body);
    if (!decoded)
        return refuse(decoded.error());
    const std::set<std::string> topics(decoded->topics.begin(), decoded->topics.end());
    for (const auto& topic : topics)
        if (const Status allowed =
                checkTopicAccess(topic, request.caller.device, personRoleOf(request.caller));
            !allowed)
            return refuse(allowed.error());

    auto peer = request.peer.lock();
    if (!peer)
        return; // the session went away while this waited in the queue

    std::vector<store::JournalEvent> missed;
    Status read = store::guarded<Ok>([&]() -> Result<Ok> {
        publishExternalEvents(m_journal->head());
        const std::uint64_t head = publishedHead();
        const std::uint64_t after = decoded->afterSeq;
        if (after > head)
            return Error{ErrorCode::ResyncRequired,
                         "afterSeq lies beyond the journal head; fetch the state afresh"};
        if (head - after > kReplayScanFactor * m_options.replayMax)
            return Error{ErrorCode::ResyncRequired, "too many events missed; fetch the state afresh"};
        std::uint64_t cursor = after;
        while (cursor < head) {
            const auto page = m_journal->readAfter(cursor, kReplayPage);
            if (page.empty())
                break;
            for (auto& event : page) {
                if (event.seq > head)
                    break;
                cursor = event.seq;
                if (!topics.contains(event.topic))
                    continue;
                if (missed.size() >= m_options.replayMax)
                    return Error{ErrorCode::ResyncRequired, "too many events missed; fetch the state afresh"};
                missed.push_back(event);
            }
            if (page.back().seq >= head)
                break;
        }
        return Ok{};
    });
    if (!read) {
        if (read.error().code == ErrorCode::Unavailable)
            m_logger.error(kStore, "replay failed: " + read.error().message);
        return refuse(read.error());
    }

    for (const auto& event : missed) {
        Event message{event.seq, event.timeMs, event.kind, event.topic, event.body};
        peer->deliver(makeFrame(encodeMessage(message, 0)));
    }
    m_broadcaster.subscribe(peer, std::vector<std::string>(topics.begin(), topics.end()));
    SubscribeOk ok{publishedHead(), static_cast<std::uint32_t>(missed.size())};
    CoreReply answer;
    answer.frame = makeFrame(encodeMessage(ok, request.requestId));
    m_logger.debug(kCore, request.caller.device.name + " subscribed to " + std::to_string(topics.size()) +
                              " topics, replayed " + std::to_string(missed.size()));
    reply(std::move(answer));
}

} // namespace hall::server
