// The queue module's changes: issuing, calling, ticket actions, transfers, window states and ratings.
#include "catalog/catalog.h"
#include "core/clock.h"
#include "core/logger.h"
#include "core/queue_module.h"
#include "domain/mobile_number.h"
#include "present/sms_text.h"
#include "present/ticket_number.h"
#include "present/window_id.h"
#include "protocol/queue_events.h"
#include "store/accounts.h"
#include "store/database.h"

#include <algorithm>

namespace hall::server {
namespace {
constexpr auto kCore = Logger::Component::Core;
constexpr std::size_t kMaxCommentBytes = 500;
constexpr std::size_t kMaxReasonBytes = 128;

std::uint8_t raw(TicketState state) {
    return static_cast<std::uint8_t>(state);
}

std::string actorOf(const Caller& caller) {
    if (caller.person)
        return "person:" + caller.person->username + "@" + caller.device.name;
    return "device:" + caller.device.name;
}

Error invalidState(std::string message) {
    return Error{ErrorCode::InvalidState, std::move(message)};
}
} // namespace

Result<std::string> QueueModule::callerWindow(const Caller& caller, bool mustHold) const {
    const std::string& id = caller.device.window;
    if (id.empty())
        return Error{ErrorCode::Forbidden, "this device is not bound to a window"};
    if (!m_catalog || !m_catalog->window(id))
        return Error{ErrorCode::NotFound, "window " + id + " is not in the hall's catalog"};
    if (!mustHold)
        return id;
    const auto found = m_windows.find(id);
    if (found == m_windows.end() || found->second.state == WindowState::Closed)
        return invalidState("window " + id + " is closed; open it first");
    if (found->second.device != caller.device.name || !caller.person ||
        found->second.username != caller.person->username)
        return Error{ErrorCode::Conflict, "window " + id + " is held by another clerk"};
    return id;
}

void QueueModule::sendSms(CoreContext& context, QueueSms::Moment moment, const store::TicketRecord& ticket,
                          std::uint32_t ahead, std::uint32_t waitS, const std::string& window) {
    if (ticket.mobile.empty() || !m_sms->enabled())
        return;
    const auto signature = present::SmsSignature::make("阳光大厦", "Sunshine Hall");
    const auto number = present::parseTicketNumber(ticket.number);
    if (!signature || !number)
        return;
    QueueSms sms{moment, ticket.id, ticket.mobile, {}};
    const auto language = present::Language::Chinese;
    switch (moment) {
    case QueueSms::Moment::Issued:
        sms.text =
            present::ticketIssuedSms(*signature, *number, ahead, std::chrono::seconds(waitS), language);
        break;
    case QueueSms::Moment::TurnNear:
        sms.text = present::turnNearSms(*signature, *number, ahead, language);
        break;
    case QueueSms::Moment::Called: {
        const auto id = present::parseWindowId(window);
        if (!id)
            return;
        sms.text = present::ticketCalledSms(*signature, *number, *id, language);
        break;
    }
    }
    m_sms->enqueue(context.db(), sms);
}

void QueueModule::stageTicket(CoreContext& context, CommandOutcome& outcome,
                              const store::TicketRecord& before, const store::TicketRecord& after,
                              const std::string& actor, bool called, bool recall) {
    m_store->update(after);
    const auto beforeState = static_cast<TicketState>(before.state);
    const auto afterState = static_cast<TicketState>(after.state);
    std::uint32_t waiting = waitingIn(after.queue);
    if (beforeState == TicketState::Waiting && before.queue == after.queue && waiting > 0)
        --waiting;
    if (afterState == TicketState::Waiting)
        ++waiting;
    const TicketView view = viewOf(after);
    std::vector<std::uint8_t> floors{after.floor};
    if (before.floor != after.floor)
        floors.push_back(before.floor);
    for (const auto floor : floors) {
        if (called)
            outcome.events.push_back(context.appendEvent(static_cast<std::uint16_t>(EventKind::TicketCalled),
                                                         topicForFloor(floor), actor,
                                                         encodeEventBody(TicketCalled{view, recall})));
        else
            outcome.events.push_back(context.appendEvent(static_cast<std::uint16_t>(EventKind::TicketChanged),
                                                         topicForFloor(floor), actor,
                                                         encodeEventBody(TicketChanged{view, waiting})));
    }
    auto previous = std::move(outcome.apply);
    outcome.apply = [this, before, after, called, previous = std::move(previous)] {
        if (previous)
            previous();
        const auto from = static_cast<TicketState>(before.state);
        const auto to = static_cast<TicketState>(after.state);
        if (from == TicketState::Waiting && m_open.contains(before.id)) {
            removeFromLanes(before);
            if (to == TicketState::Called) {
                auto& lanes = m_lanes[before.queue];
                lanes.normalsSincePriority =
                    isPriority(before.priorityClass) ? 0 : lanes.normalsSincePriority + 1;
            }
        }
        const bool wasActive =
            (from == TicketState::Called || from == TicketState::Serving) && !before.window.empty();
        const bool isActive = to == TicketState::Called || to == TicketState::Serving;
        if (wasActive && (!isActive || after.window != before.window))
            if (auto& window = m_windows[before.window]; window.active == before.id)
                window.active = 0;
        if (isActive)
            m_windows[after.window].active = after.id;
        if (to == TicketState::Finished) {
            m_windows[before.window].served++;
            if (after.startedAtMs > 0) {
                auto& samples = m_stats[after.queue].recentServiceS;
                samples.push_back(static_cast<std::uint32_t>((after.endedAtMs - after.startedAtMs) / 1000));
                while (samples.size() > 20)
                    samples.pop_front();
            }
        } else if (to == TicketState::NoShow) {
            m_windows[before.window].noShow++;
        }
        if (called) {
            m_stats[after.queue].lastCalledNumber = after.number;
            std::erase_if(m_recentCalls, [&](const RecentCall& c) { return c.call.ticketId == after.id; });
            m_recentCalls.push_front(
                {CallView{after.id, after.number, after.window, after.lastCallAtMs, after.callCount},
                 floorOfWindow(after.window)});
            while (m_recentCalls.size() > 20)
                m_recentCalls.pop_back();
        }
        if (to == TicketState::Waiting || isActive) {
            m_open[after.id] = after;
            if (to == TicketState::Waiting)
                addToLanes(after);
        } else {
            m_open.erase(after.id);
        }
    };
}

// ---- issuing -------------------------------------------------------------------------------------------

CommandOutcome QueueModule::issueTicket(const ModuleRequest& request, CoreContext& context) {
    auto decoded = IssueTicket::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    const IssueTicket& issue = *decoded;
    const auto fail = [&](ErrorCode code, std::string message) {
        return failedOutcome(request.requestId, Error{code, std::move(message)});
    };
    if (!m_catalog || m_catalog->queues().empty())
        return fail(ErrorCode::Unavailable, "the hall has no queues: no catalog is in force");
    if (m_closed)
        return fail(ErrorCode::InvalidState,
                    "the hall has closed for today; numbers are issued again tomorrow");

    const catalog::Queue* queue = nullptr;
    if (!issue.queuePrefix.empty()) {
        queue = m_catalog->queue(issue.queuePrefix);
        if (!queue)
            return fail(ErrorCode::NotFound,
                        "queuePrefix: no queue " + issue.queuePrefix + " in the catalog");
    }
    if (!issue.itemCode.empty()) {
        if (!m_catalog->item(issue.itemCode))
            return fail(ErrorCode::NotFound, "itemCode: no item " + issue.itemCode + " in the catalog");
        const auto queues = m_catalog->queuesOfItem(issue.itemCode);
        if (queues.empty())
            return fail(ErrorCode::InvalidArgument,
                        "itemCode: no queue leads to a window handling " + issue.itemCode);
        if (!queue)
            queue = queues.front();
        else if (std::find(queues.begin(), queues.end(), queue) == queues.end())
            return fail(ErrorCode::InvalidArgument,
                        "itemCode: item " + issue.itemCode + " is not handled by queue " + queue->prefix);
    }
    if (!queue)
        return fail(ErrorCode::InvalidArgument, "queuePrefix or itemCode is required");
    if (!m_config.priorityClass(issue.priorityClass))
        return fail(ErrorCode::InvalidArgument, "priorityClass: " + std::to_string(issue.priorityClass) +
                                                    " is not one of the hall's classes");
    std::string mobile;
    if (!issue.mobile.empty()) {
        auto checked = domain::checkMobileNumber(issue.mobile);
        if (!checked)
            return fail(ErrorCode::InvalidArgument, "mobile: " + checked.error().message);
        mobile = *checked;
    }

    const std::int64_t now = context.clock().nowMs();
    const std::uint32_t serial = m_store->nextSerial(queue->prefix, m_day);
    auto number = present::TicketNumber::make(queue->prefix, serial);
    if (!number) // past kMaxTicketSerial: the savepoint undoes the counter step
        throw store::StoreError(0, "queue " + queue->prefix + " has issued every number of the day");

    store::TicketRecord ticket;
    ticket.day = m_day;
    ticket.number = number->text();
    ticket.issueQueue = queue->prefix;
    ticket.serial = serial;
    ticket.queue = queue->prefix;
    ticket.floor = static_cast<std::uint8_t>(queue->floor);
    ticket.priorityClass = issue.priorityClass;
    ticket.state = raw(TicketState::Waiting);
    ticket.issuedAtMs = now;
    ticket.itemCode = issue.itemCode;
    ticket.mobile = mobile;
    ticket.id = m_store->insert(ticket);

    // The order as it will be once this ticket is in its lane.
    addToLanes(ticket);
    m_open.emplace(ticket.id, ticket);
    const std::uint32_t ahead = peopleAhead(ticket);
    const std::uint32_t waiting = waitingIn(ticket.queue);
    m_open.erase(ticket.id);
    removeFromLanes(ticket);

    const std::uint32_t windows = std::max<std::uint32_t>(1, openWindowsServing(queue->prefix));
    const std::uint64_t wait =
        (std::uint64_t{ahead} * averageServiceS(queue->prefix) + windows - 1) / windows;

    IssueTicketOk ok;
    ok.ticket = viewOf(ticket);
    ok.peopleAhead = ahead;
    ok.estimatedWaitS = static_cast<std::uint32_t>(wait);
    ok.windows = queue->windows;
    ok.smsEnabled = !mobile.empty() && m_sms->enabled();
    sendSms(context, QueueSms::Moment::Issued, ticket, ahead, ok.estimatedWaitS, {});

    CommandOutcome outcome = answerOutcome(request.requestId, ok);
    outcome.remember = true;
    outcome.events.push_back(context.appendEvent(static_cast<std::uint16_t>(EventKind::TicketIssued),
                                                 topicForFloor(ticket.floor), actorOf(request.caller),
                                                 encodeEventBody(TicketIssued{ok.ticket, waiting})));
    outcome.apply = [this, ticket] {
        m_open.emplace(ticket.id, ticket);
        addToLanes(ticket);
    };
    return outcome;
}

// ---- windows -------------------------------------------------------------------------------------------

CommandOutcome QueueModule::setWindowState(const ModuleRequest& request, CoreContext& context) {
    auto decoded = SetWindowState::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    if (decoded->reason.size() > kMaxReasonBytes)
        return failedOutcome(request.requestId, {ErrorCode::InvalidArgument, "reason: at most 128 bytes"});
    auto id = callerWindow(request.caller, false);
    if (!id)
        return failedOutcome(request.requestId, id.error());
    const Caller& caller = request.caller;
    const std::string& username = caller.person->username;
    const WindowRuntime current = m_windows[*id];
    const WindowState target = decoded->state;

    if (current.state != WindowState::Closed && current.device != caller.device.name)
        return failedOutcome(request.requestId,
                             {ErrorCode::Conflict, "window " + *id + " is already open on another clerk PC"});
    if (target != WindowState::Closed)
        for (const auto& [other, runtime] : m_windows)
            if (other != *id && runtime.state != WindowState::Closed && runtime.username == username)
                return failedOutcome(request.requestId,
                                     {ErrorCode::Conflict, username + " is already at window " + other});
    if (target == WindowState::Paused && current.state == WindowState::Closed)
        return failedOutcome(request.requestId, invalidState("window " + *id + " is closed; open it first"));
    if (target == WindowState::Closed && current.active != 0)
        return failedOutcome(request.requestId, invalidState("a ticket is active at window " + *id +
                                                             "; finish or mark no-show first"));

    WindowRuntime next = current;
    next.state = target;
    if (target == WindowState::Closed) {
        next.device.clear();
        next.username.clear();
        next.clerkName.clear();
        next.staffNumber.clear();
    } else {
        next.device = caller.device.name;
        next.username = username;
        next.clerkName = caller.person->displayName;
        if (current.username != username) {
            const auto account = store::AccountStore(context.db()).find(username);
            next.staffNumber = account ? account->staffNumber : std::string();
        }
    }
    const bool changed =
        next.state != current.state || next.username != current.username || next.device != current.device;
    m_windows[*id] = next; // for the view; restored below until the savepoint is released
    WindowOk ok{windowView(*id)};
    m_windows[*id] = current;
    CommandOutcome outcome = answerOutcome(request.requestId, ok);
    outcome.remember = true;
    if (!changed)
        return outcome;
    outcome.events.push_back(context.appendEvent(static_cast<std::uint16_t>(EventKind::WindowChanged),
                                                 topicForFloor(ok.window.floor), actorOf(caller),
                                                 encodeEventBody(WindowChanged{ok.window, decoded->reason})));
    outcome.apply = [this, id = *id, next, &context] {
        m_windows[id] = next;
        context.logger().info(kCore,
                              "window " + id + " is now " + std::to_string(static_cast<int>(next.state)));
    };
    return outcome;
}

void QueueModule::loggingOut(const Caller& caller, CoreContext& context, CommandOutcome& outcome) {
    if (!caller.person || caller.device.window.empty())
        return;
    const auto found = m_windows.find(caller.device.window);
    if (found == m_windows.end() || found->second.state == WindowState::Closed ||
        found->second.device != caller.device.name)
        return;
    // The window closes with its clerk; an active ticket stays with the window for whoever opens it next.
    WindowRuntime next = found->second;
    next.state = WindowState::Closed;
    next.device.clear();
    next.username.clear();
    next.clerkName.clear();
    next.staffNumber.clear();
    const WindowRuntime current = found->second;
    found->second = next;
    const WindowView view = windowView(caller.device.window);
    found->second = current;
    outcome.events.push_back(context.appendEvent(static_cast<std::uint16_t>(EventKind::WindowChanged),
                                                 topicForFloor(view.floor), actorOf(caller),
                                                 encodeEventBody(WindowChanged{view, "logged out"})));
    auto previous = std::move(outcome.apply);
    outcome.apply = [this, id = caller.device.window, next, previous = std::move(previous)] {
        if (previous)
            previous();
        m_windows[id] = next;
    };
}

// ---- calling -------------------------------------------------------------------------------------------

void QueueModule::remindNear(CoreContext& context, CommandOutcome& outcome,
                             const std::vector<std::string>& prefixes, std::uint64_t calledId) {
    const int ahead = m_config.smsRemindAhead;
    if (ahead <= 0 || !m_sms->enabled())
        return;
    for (const auto& prefix : prefixes) {
        // The order as it will be after this call: skip the called ticket.
        auto order = callOrder({prefix}, {}, static_cast<std::size_t>(ahead) + 2);
        std::erase(order, calledId);
        if (order.size() <= static_cast<std::size_t>(ahead))
            continue;
        store::TicketRecord ticket = m_open.at(order[static_cast<std::size_t>(ahead)]);
        if (ticket.mobile.empty() || ticket.reminded)
            continue;
        store::TicketRecord after = ticket;
        after.reminded = true;
        m_store->update(after);
        sendSms(context, QueueSms::Moment::TurnNear, ticket, static_cast<std::uint32_t>(ahead), 0, {});
        auto previous = std::move(outcome.apply);
        outcome.apply = [this, id = ticket.id, previous = std::move(previous)] {
            if (previous)
                previous();
            if (auto found = m_open.find(id); found != m_open.end())
                found->second.reminded = true;
        };
    }
}

CommandOutcome QueueModule::callNext(const ModuleRequest& request, CoreContext& context) {
    if (auto decoded = CallNext::decode(request.body); !decoded)
        return failedOutcome(request.requestId, decoded.error());
    auto id = callerWindow(request.caller, true);
    if (!id)
        return failedOutcome(request.requestId, id.error());
    const WindowRuntime& window = m_windows[*id];
    if (window.state != WindowState::Open)
        return failedOutcome(request.requestId,
                             invalidState("window " + *id + " is paused; open it to call"));
    if (window.active != 0) {
        const auto active = m_open.find(window.active);
        return failedOutcome(
            request.requestId,
            invalidState("ticket " + (active != m_open.end() ? active->second.number : std::string()) +
                         " is still active at window " + *id + "; finish or mark no-show first"));
    }
    if (m_closed)
        return failedOutcome(request.requestId, invalidState("the hall has closed for today"));
    const auto prefixes = queuesOfWindow(*id);
    const auto next = callOrder(prefixes, *id, 1);
    if (next.empty())
        return failedOutcome(request.requestId, {ErrorCode::NotFound, "nobody is waiting for window " + *id});

    const store::TicketRecord& before = m_open.at(next.front());
    store::TicketRecord after = before;
    const std::int64_t now = context.clock().nowMs();
    after.state = raw(TicketState::Called);
    after.window = *id;
    after.reserved = false;
    after.callCount = 1;
    after.lastCallAtMs = now;
    after.clerk = request.caller.person->username;
    CommandOutcome outcome = answerOutcome(request.requestId, TicketOk{viewOf(after)});
    outcome.remember = true;
    stageTicket(context, outcome, before, after, actorOf(request.caller), true, false);
    sendSms(context, QueueSms::Moment::Called, after, 0, 0, *id);
    remindNear(context, outcome, {after.queue}, after.id);
    return outcome;
}

CommandOutcome QueueModule::ticketAction(const ModuleRequest& request, CoreContext& context) {
    std::uint64_t ticketId = 0;
    const auto decodeId = [&](auto result) -> Status {
        if (!result)
            return result.error();
        ticketId = result->ticketId;
        return success();
    };
    Status decodedOk = success();
    switch (request.type) {
    case MessageType::Recall:
        decodedOk = decodeId(Recall::decode(request.body));
        break;
    case MessageType::MarkNoShow:
        decodedOk = decodeId(MarkNoShow::decode(request.body));
        break;
    case MessageType::Reactivate:
        decodedOk = decodeId(Reactivate::decode(request.body));
        break;
    case MessageType::BeginService:
        decodedOk = decodeId(BeginService::decode(request.body));
        break;
    case MessageType::FinishService:
        decodedOk = decodeId(FinishService::decode(request.body));
        break;
    case MessageType::CancelTicket:
        decodedOk = decodeId(CancelTicket::decode(request.body));
        break;
    default:
        return failedOutcome(request.requestId, {ErrorCode::UnknownMessage, "not a queue request"});
    }
    if (!decodedOk)
        return failedOutcome(request.requestId, decodedOk.error());
    const auto fail = [&](Error error) {
        return failedOutcome(request.requestId, std::move(error));
    };

    std::optional<store::TicketRecord> found;
    if (const auto open = m_open.find(ticketId); open != m_open.end())
        found = open->second;
    else
        found = m_store->find(ticketId);
    if (!found || found->day != m_day)
        return fail({ErrorCode::NotFound, "no ticket " + std::to_string(ticketId) + " today"});
    const store::TicketRecord before = *found;
    store::TicketRecord after = before;
    const auto state = static_cast<TicketState>(before.state);
    const std::int64_t now = context.clock().nowMs();
    const Caller& caller = request.caller;
    bool called = false;
    bool recall = false;

    // Actions on the ticket at the caller's window.
    const auto atMyWindow = [&](std::initializer_list<TicketState> states) -> Status {
        auto id = callerWindow(caller, true);
        if (!id)
            return id.error();
        if (std::find(states.begin(), states.end(), state) == states.end())
            return invalidState("ticket " + before.number + " is not in a state that allows this");
        if (before.window != *id)
            return Error{ErrorCode::Forbidden, "ticket " + before.number + " is not at window " + *id};
        return success();
    };

    switch (request.type) {
    case MessageType::Recall: {
        if (Status ok = atMyWindow({TicketState::Called}); !ok)
            return fail(ok.error());
        const std::int64_t readyAt = before.lastCallAtMs + std::int64_t{m_config.recallCooldownS} * 1000;
        if (now < readyAt)
            return fail(invalidState("ticket " + before.number + " was called " +
                                     std::to_string((now - before.lastCallAtMs) / 1000) +
                                     " s ago; recall in " + std::to_string((readyAt - now + 999) / 1000) +
                                     " s"));
        after.callCount = static_cast<std::uint16_t>(before.callCount + 1);
        after.lastCallAtMs = now;
        called = recall = true;
        break;
    }
    case MessageType::MarkNoShow:
        if (Status ok = atMyWindow({TicketState::Called}); !ok)
            return fail(ok.error());
        if (before.callCount < m_config.noShowAfterCalls)
            return fail(invalidState("ticket " + before.number + " was called " +
                                     std::to_string(before.callCount) + " times; a no-show needs " +
                                     std::to_string(m_config.noShowAfterCalls)));
        after.state = raw(TicketState::NoShow);
        after.endedAtMs = now;
        break;
    case MessageType::BeginService:
        if (Status ok = atMyWindow({TicketState::Called}); !ok)
            return fail(ok.error());
        after.state = raw(TicketState::Serving);
        after.startedAtMs = now;
        break;
    case MessageType::FinishService:
        if (state == TicketState::Called)
            return fail(invalidState("ticket " + before.number +
                                     " is called, not at the counter: begin service first"));
        if (Status ok = atMyWindow({TicketState::Serving}); !ok)
            return fail(ok.error());
        after.state = raw(TicketState::Finished);
        after.endedAtMs = now;
        break;
    case MessageType::CancelTicket:
        if (state != TicketState::Waiting && state != TicketState::Called && state != TicketState::Serving)
            return fail(invalidState("ticket " + before.number + " is no longer open"));
        after.state = raw(TicketState::Cancelled);
        after.endedAtMs = now;
        break;
    case MessageType::Reactivate: {
        if (state != TicketState::NoShow)
            return fail(
                invalidState("only a no-show ticket can be reactivated; " + before.number + " is not one"));
        if (m_closed)
            return fail(invalidState("the hall has closed for today"));
        const bool oversight = caller.person && caller.person->role == PersonRole::Supervisor;
        const auto served = queuesOfWindow(caller.device.window);
        if (!oversight && std::find(served.begin(), served.end(), before.queue) == served.end())
            return fail({ErrorCode::Forbidden,
                         "window " + caller.device.window + " does not serve queue " + before.queue});
        after.state = raw(TicketState::Waiting);
        after.window.clear();
        after.reserved = false;
        after.callCount = 0;
        after.lastCallAtMs = 0;
        after.endedAtMs = 0;
        break;
    }
    default:
        break;
    }
    CommandOutcome outcome = answerOutcome(request.requestId, TicketOk{viewOf(after)});
    outcome.remember = true;
    stageTicket(context, outcome, before, after, actorOf(caller), called, recall);
    if (recall)
        sendSms(context, QueueSms::Moment::Called, after, 0, 0, after.window);
    return outcome;
}

CommandOutcome QueueModule::transferTicket(const ModuleRequest& request, CoreContext& context) {
    auto decoded = TransferTicket::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    const auto fail = [&](Error error) {
        return failedOutcome(request.requestId, std::move(error));
    };
    const auto open = m_open.find(decoded->ticketId);
    if (open == m_open.end()) {
        const auto stored = m_store->find(decoded->ticketId);
        if (!stored || stored->day != m_day)
            return fail({ErrorCode::NotFound, "no ticket " + std::to_string(decoded->ticketId) + " today"});
        return fail(invalidState("ticket " + stored->number + " is no longer open"));
    }
    const store::TicketRecord before = open->second;
    auto window = callerWindow(request.caller, true);
    if (!window)
        return fail(window.error());
    if (before.state != raw(TicketState::Waiting) && before.window != *window)
        return fail({ErrorCode::Forbidden, "ticket " + before.number + " is active at another window"});
    const catalog::Queue* to = m_catalog->queue(decoded->toQueuePrefix);
    if (!to)
        return fail(
            {ErrorCode::NotFound, "toQueuePrefix: no queue " + decoded->toQueuePrefix + " in the catalog"});
    if (!decoded->toWindow.empty() &&
        std::find(to->windows.begin(), to->windows.end(), decoded->toWindow) == to->windows.end())
        return fail({ErrorCode::InvalidArgument,
                     "toWindow: window " + decoded->toWindow + " does not serve queue " + to->prefix});
    if (to->prefix == before.queue && decoded->toWindow.empty() && before.state == raw(TicketState::Waiting))
        return fail({ErrorCode::InvalidArgument,
                     "ticket " + before.number + " already waits in queue " + to->prefix});
    store::TicketRecord after = before;
    after.queue = to->prefix;
    after.floor = static_cast<std::uint8_t>(to->floor);
    after.state = raw(TicketState::Waiting);
    after.window = decoded->toWindow;
    after.reserved = !decoded->toWindow.empty();
    after.callCount = 0;
    after.lastCallAtMs = 0;
    after.startedAtMs = 0;
    CommandOutcome outcome = answerOutcome(request.requestId, TicketOk{viewOf(after)});
    outcome.remember = true;
    stageTicket(context, outcome, before, after, actorOf(request.caller), false, false);
    return outcome;
}

// ---- ratings -------------------------------------------------------------------------------------------

CommandOutcome QueueModule::submitRating(const ModuleRequest& request, CoreContext& context) {
    auto decoded = SubmitRating::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    const SubmitRating& rating = *decoded;
    const auto fail = [&](ErrorCode code, std::string message) {
        return failedOutcome(request.requestId, Error{code, std::move(message)});
    };
    if (rating.level < 1 || rating.level > 5)
        return fail(ErrorCode::InvalidArgument, "level: must be 1 to 5");
    if (rating.level <= 2 && !ratingReasonFromId(rating.reasonCode))
        return fail(ErrorCode::InvalidArgument, "reasonCode: levels 1 and 2 need a reason");
    if (rating.level >= 3 && rating.reasonCode != 0)
        return fail(ErrorCode::InvalidArgument, "reasonCode: only levels 1 and 2 take a reason");
    if (rating.comment.size() > kMaxCommentBytes)
        return fail(ErrorCode::InvalidArgument, "comment: at most 500 bytes");
    const std::string& window = request.caller.device.window;
    if (window.empty())
        return fail(ErrorCode::Forbidden, "this tablet is not bound to a window");
    const auto ticket = m_store->find(rating.ticketId);
    if (!ticket || ticket->day != m_day)
        return fail(ErrorCode::NotFound, "no ticket " + std::to_string(rating.ticketId) + " today");
    if (ticket->state != raw(TicketState::Finished))
        return fail(ErrorCode::InvalidState, "ticket " + ticket->number + " has not been served");
    if (ticket->window != window)
        return fail(ErrorCode::Forbidden, "ticket " + ticket->number + " was not served at window " + window);
    if (m_store->hasRating(ticket->id))
        return fail(ErrorCode::Conflict, "ticket " + ticket->number + " has already been rated");
    const std::uint64_t id =
        m_store->insertRating(ticket->id, window, ticket->clerk, rating.level, rating.reasonCode,
                              rating.comment, context.clock().nowMs());
    RatingRecorded event{id,           ticket->id,        ticket->number, window, ticket->clerk,
                         rating.level, rating.reasonCode, rating.comment};
    CommandOutcome outcome = answerOutcome(request.requestId, SubmitRatingOk{id});
    outcome.remember = true;
    outcome.events.push_back(context.appendEvent(static_cast<std::uint16_t>(EventKind::RatingRecorded),
                                                 topicForFloor(floorOfWindow(window)),
                                                 actorOf(request.caller), encodeEventBody(event)));
    return outcome;
}

} // namespace hall::server
