// The queue module: the service day, the in-memory lanes and the read-only requests.
#include "core/queue_module.h"

#include "catalog/catalog.h"
#include "core/clock.h"
#include "core/logger.h"
#include "core/scheduler.h"
#include "protocol/queue_events.h"

#include <algorithm>
#include <cstdio>

namespace hall::server {
namespace {
constexpr auto kCore = Logger::Component::Core;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::size_t kRecentCalls = 20;
constexpr std::size_t kWaitingListMax = 200;
constexpr std::size_t kServiceSamples = 20;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// The civil date of a day number since 1970-01-01 (H. Hinnant's algorithm).
std::string civilDate(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char text[48];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(y + (m <= 2)), m, d);
    return text;
}
} // namespace

QueueModule::QueueModule(QueueConfig config, std::shared_ptr<SmsSink> sms)
    : m_config(std::move(config)), m_sms(sms ? std::move(sms) : std::make_shared<SmsSink>()) {}

QueueModule::~QueueModule() = default;

bool QueueModule::handles(MessageType type) const {
    switch (type) {
    case MessageType::IssueTicket:
    case MessageType::CallNext:
    case MessageType::Recall:
    case MessageType::MarkNoShow:
    case MessageType::Reactivate:
    case MessageType::BeginService:
    case MessageType::FinishService:
    case MessageType::CancelTicket:
    case MessageType::TransferTicket:
    case MessageType::SetWindowState:
    case MessageType::GetQueueBoard:
    case MessageType::GetWindowQueue:
    case MessageType::SubmitRating:
        return true;
    default:
        return false;
    }
}

CommandOutcome QueueModule::execute(const ModuleRequest& request, CoreContext& context) {
    switch (request.type) {
    case MessageType::IssueTicket:
        return issueTicket(request, context);
    case MessageType::CallNext:
        return callNext(request, context);
    case MessageType::TransferTicket:
        return transferTicket(request, context);
    case MessageType::SetWindowState:
        return setWindowState(request, context);
    case MessageType::GetQueueBoard:
        return queueBoard(request, context);
    case MessageType::GetWindowQueue:
        return windowQueue(request, context);
    case MessageType::SubmitRating:
        return submitRating(request, context);
    default:
        return ticketAction(request, context);
    }
}

void QueueModule::setCatalog(std::shared_ptr<const catalog::Catalog> catalog) {
    m_catalog = std::move(catalog);
    m_queuesOfWindow.clear();
    if (!m_catalog)
        return;
    for (const auto& queue : m_catalog->queues())
        for (const auto& window : queue.windows)
            m_queuesOfWindow[window].push_back(queue.prefix);
    for (const auto& window : m_catalog->windows())
        m_windows.try_emplace(window.id);
}

// ---- the service day -----------------------------------------------------------------------------------

std::int64_t QueueModule::dayStartMs(std::int64_t nowMs) const {
    const std::int64_t shift = (std::int64_t{m_config.utcOffsetMinutes} - m_config.resetMinutes) * 60000;
    return floorDiv(nowMs + shift, kDayMs) * kDayMs - shift;
}

std::string QueueModule::dayName(std::int64_t nowMs) const {
    const std::int64_t shift = (std::int64_t{m_config.utcOffsetMinutes} - m_config.resetMinutes) * 60000;
    return civilDate(floorDiv(nowMs + shift, kDayMs));
}

void QueueModule::load(CoreContext& context) {
    m_store = std::make_unique<store::QueueStore>(context.db());
    // A (re)load starts from what the database holds: every window closed until its clerk opens it.
    for (auto& [id, window] : m_windows) {
        (void)id;
        window = WindowRuntime{};
    }
    startDay(context);
}

void QueueModule::startDay(CoreContext& context) {
    const std::int64_t now = context.clock().nowMs();
    m_day = dayName(now);
    m_dayStartMs = dayStartMs(now);
    m_closed = false;
    loadTickets(context);
    scheduleDayTimers(context);
}

void QueueModule::loadTickets(CoreContext& context) {
    const std::int64_t now = context.clock().nowMs();
    m_open.clear();
    m_lanes.clear();
    m_stats.clear();
    m_recentCalls.clear();
    for (auto& [id, window] : m_windows) {
        (void)id;
        window.active = 0;
        window.served = 0;
        window.noShow = 0;
    }
    if (const int stale = m_store->expireOpenOtherThan(m_day, now); stale > 0)
        context.logger().warning(kCore, std::to_string(stale) +
                                            " open tickets of earlier days were found and expired");
    for (auto& ticket : m_store->loadOpen(m_day)) {
        if (ticket.state == static_cast<std::uint8_t>(TicketState::Waiting))
            addToLanes(ticket);
        else if (!ticket.window.empty())
            m_windows[ticket.window].active = ticket.id;
        m_open.emplace(ticket.id, std::move(ticket));
    }
    for (const auto& count : m_store->windowCounts(m_day)) {
        auto& window = m_windows[count.window];
        (count.state == static_cast<std::uint8_t>(TicketState::Finished) ? window.served : window.noShow) =
            count.count;
    }
    for (const auto& ticket : m_store->recentFinished(m_day, 500)) {
        auto& samples = m_stats[ticket.queue].recentServiceS;
        if (samples.size() < kServiceSamples && ticket.startedAtMs > 0)
            samples.push_front(static_cast<std::uint32_t>((ticket.endedAtMs - ticket.startedAtMs) / 1000));
    }
    for (const auto& ticket : m_store->recentCalled(m_day, kRecentCalls)) {
        m_recentCalls.push_back(
            {CallView{ticket.id, ticket.number, ticket.window, ticket.lastCallAtMs, ticket.callCount},
             floorOfWindow(ticket.window)});
        auto& stats = m_stats[ticket.queue];
        if (stats.lastCalledNumber.empty())
            stats.lastCalledNumber = ticket.number;
    }
    for (auto& [prefix, lanes] : m_lanes) {
        (void)prefix;
        lanes.normalsSincePriority = m_config.priorityEveryN;
    }
    context.logger().info(kCore, "queue: service day " + m_day + ", " + std::to_string(m_open.size()) +
                                     " open tickets loaded" + (m_catalog ? "" : " (no catalog: no queues)"));
}

void QueueModule::scheduleDayTimers(CoreContext& context) {
    Scheduler& scheduler = context.scheduler();
    if (m_closeTimer)
        scheduler.cancel(m_closeTimer);
    if (m_resetTimer)
        scheduler.cancel(m_resetTimer);
    const std::int64_t now = context.clock().nowMs();
    const int closeAfter = ((m_config.closeMinutes - m_config.resetMinutes) % 1440 + 1440) % 1440;
    const std::int64_t closeAt = m_dayStartMs + std::int64_t{closeAfter} * 60000;
    const std::int64_t resetAt = m_dayStartMs + kDayMs;
    m_closeTimer = 0;
    if (closeAfter != 0)
        m_closeTimer = scheduler.at(std::max(now, closeAt), "queue close", [this, &context] {
            m_closeTimer = 0;
            context.runInternal("queue close", [this, &context] { return closeDay(context, false); });
        });
    m_resetTimer = scheduler.at(resetAt, "queue reset", [this, &context] {
        m_resetTimer = 0;
        context.runInternal("queue reset", [this, &context] { return closeDay(context, true); });
        startDay(context);
    });
}

CommandOutcome QueueModule::closeDay(CoreContext& context, bool includeServing) {
    const std::int64_t now = context.clock().nowMs();
    std::vector<std::uint64_t> expired;
    for (auto& [id, ticket] : m_open) {
        const auto state = static_cast<TicketState>(ticket.state);
        if (state == TicketState::Serving && !includeServing)
            continue;
        store::TicketRecord after = ticket;
        after.state = static_cast<std::uint8_t>(TicketState::Expired);
        after.endedAtMs = now;
        m_store->update(after);
        expired.push_back(id);
    }
    CommandOutcome outcome;
    if (!m_closed || !expired.empty()) {
        QueueDayClosed event{m_day, static_cast<std::uint32_t>(expired.size())};
        outcome.events.push_back(context.appendEvent(static_cast<std::uint16_t>(EventKind::QueueDayClosed),
                                                     std::string(kTopicHall), "system:queue",
                                                     encodeEventBody(event)));
    }
    outcome.apply = [this, expired, &context] {
        for (const auto id : expired) {
            auto found = m_open.find(id);
            if (found == m_open.end())
                continue;
            removeFromLanes(found->second);
            if (!found->second.window.empty() && !found->second.reserved) {
                auto& window = m_windows[found->second.window];
                if (window.active == id)
                    window.active = 0;
            }
            m_open.erase(found);
        }
        m_closed = true;
        context.logger().info(kCore, "queue: day " + m_day + " closed, " + std::to_string(expired.size()) +
                                         " tickets expired");
    };
    return outcome;
}

// ---- lanes and order -----------------------------------------------------------------------------------

bool QueueModule::isPriority(std::uint8_t classId) const {
    const PriorityClass* found = m_config.priorityClass(classId);
    return found && found->priority;
}

void QueueModule::addToLanes(const store::TicketRecord& ticket) {
    auto [it, inserted] = m_lanes.try_emplace(ticket.queue);
    if (inserted)
        it->second.normalsSincePriority = m_config.priorityEveryN;
    auto& lane = isPriority(ticket.priorityClass) ? it->second.priority : it->second.normal;
    lane.insert(LaneKey{ticket.issuedAtMs, ticket.id});
}

void QueueModule::removeFromLanes(const store::TicketRecord& ticket) {
    auto it = m_lanes.find(ticket.queue);
    if (it == m_lanes.end())
        return;
    const LaneKey key{ticket.issuedAtMs, ticket.id};
    it->second.normal.erase(key);
    it->second.priority.erase(key);
}

std::vector<std::string> QueueModule::queuesOfWindow(const std::string& window) const {
    const auto found = m_queuesOfWindow.find(window);
    return found == m_queuesOfWindow.end() ? std::vector<std::string>{} : found->second;
}

std::vector<std::uint64_t> QueueModule::callOrder(const std::vector<std::string>& prefixes,
                                                  const std::string& window, std::size_t limit) const {
    CallOrder order(m_config.priorityEveryN, [this, &window](std::uint64_t id) {
        const auto found = m_open.find(id);
        if (found == m_open.end())
            return false;
        // A ticket reserved for one window is that window's alone; an empty `window` counts everyone.
        return window.empty() || !found->second.reserved || found->second.window == window;
    });
    for (const auto& prefix : prefixes)
        if (const auto lanes = m_lanes.find(prefix); lanes != m_lanes.end())
            order.addQueue(prefix, lanes->second);
    std::vector<std::uint64_t> ids;
    while (ids.size() < limit) {
        const auto pick = order.next();
        if (!pick)
            break;
        ids.push_back(pick->key.id);
    }
    return ids;
}

std::uint32_t QueueModule::peopleAhead(const store::TicketRecord& ticket) const {
    const auto order = callOrder({ticket.queue}, {}, m_open.size() + 1);
    const auto at = std::find(order.begin(), order.end(), ticket.id);
    return static_cast<std::uint32_t>(at - order.begin());
}

std::uint32_t QueueModule::averageServiceS(const std::string& prefix) const {
    const auto found = m_stats.find(prefix);
    if (found == m_stats.end() || found->second.recentServiceS.empty())
        return static_cast<std::uint32_t>(m_config.defaultServiceS);
    std::uint64_t sum = 0;
    for (const auto s : found->second.recentServiceS)
        sum += s;
    return static_cast<std::uint32_t>(sum / found->second.recentServiceS.size());
}

std::uint32_t QueueModule::openWindowsServing(const std::string& prefix) const {
    std::uint32_t count = 0;
    if (!m_catalog)
        return 0;
    if (const auto* queue = m_catalog->queue(prefix))
        for (const auto& id : queue->windows)
            if (const auto found = m_windows.find(id);
                found != m_windows.end() && found->second.state != WindowState::Closed)
                ++count;
    return count;
}

std::uint32_t QueueModule::waitingIn(const std::string& prefix) const {
    const auto found = m_lanes.find(prefix);
    return found == m_lanes.end() ? 0 : static_cast<std::uint32_t>(found->second.size());
}

// ---- views and reads -----------------------------------------------------------------------------------

TicketView QueueModule::viewOf(const store::TicketRecord& t) const {
    TicketView view;
    view.ticketId = t.id;
    view.number = t.number;
    view.queuePrefix = t.queue;
    view.floor = t.floor;
    view.priorityClass = t.priorityClass;
    view.state = static_cast<TicketState>(t.state);
    view.issuedAtMs = t.issuedAtMs;
    view.window = t.window;
    view.callCount = t.callCount;
    view.lastCallAtMs = t.lastCallAtMs;
    view.itemCode = t.itemCode;
    return view;
}

std::uint8_t QueueModule::floorOfWindow(const std::string& window) const {
    if (m_catalog)
        if (const auto* found = m_catalog->window(window))
            return static_cast<std::uint8_t>(found->floor);
    return 0;
}

WindowView QueueModule::windowView(const std::string& id) const {
    WindowView view;
    view.window = id;
    view.floor = floorOfWindow(id);
    if (const auto found = m_windows.find(id); found != m_windows.end()) {
        const WindowRuntime& w = found->second;
        view.state = w.state;
        view.clerkName = w.clerkName;
        view.staffNumber = w.staffNumber;
        view.currentTicketId = w.active;
        if (const auto active = m_open.find(w.active); w.active != 0 && active != m_open.end())
            view.currentNumber = active->second.number;
    }
    return view;
}

CommandOutcome QueueModule::queueBoard(const ModuleRequest& request, CoreContext& context) {
    auto decoded = GetQueueBoard::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    const std::uint8_t floor = decoded->floor;
    QueueBoard board;
    board.asOfSeq = context.stateSeq();
    board.serviceDay = m_day;
    if (m_catalog) {
        for (const auto& queue : m_catalog->queues()) {
            if (floor != 0 && queue.floor != floor)
                continue;
            QueueView view;
            view.prefix = queue.prefix;
            view.name = queue.name;
            view.floor = static_cast<std::uint8_t>(queue.floor);
            view.waiting = waitingIn(queue.prefix);
            if (const auto stats = m_stats.find(queue.prefix); stats != m_stats.end())
                view.lastCalledNumber = stats->second.lastCalledNumber;
            view.averageServiceS = averageServiceS(queue.prefix);
            board.queues.push_back(std::move(view));
        }
        for (const auto& window : m_catalog->windows())
            if (floor == 0 || window.floor == floor)
                board.windows.push_back(windowView(window.id));
    }
    for (const auto& recent : m_recentCalls) {
        if (board.recentCalls.size() >= kRecentCalls)
            break;
        if (floor == 0 || recent.floor == floor)
            board.recentCalls.push_back(recent.call);
    }
    for (const auto& c : m_config.classes)
        board.priorityClasses.push_back(PriorityClassView{c.id, c.name, c.priority});
    return answerOutcome(request.requestId, board);
}

CommandOutcome QueueModule::windowQueue(const ModuleRequest& request, CoreContext& context) {
    if (auto decoded = GetWindowQueue::decode(request.body); !decoded)
        return failedOutcome(request.requestId, decoded.error());
    auto window = callerWindow(request.caller, false);
    if (!window)
        return failedOutcome(request.requestId, window.error());
    WindowQueue answer;
    answer.asOfSeq = context.stateSeq();
    answer.window = windowView(*window);
    const auto& runtime = m_windows[*window];
    if (const auto active = m_open.find(runtime.active); runtime.active != 0 && active != m_open.end())
        answer.active = viewOf(active->second);
    for (const auto id : callOrder(queuesOfWindow(*window), *window, kWaitingListMax))
        answer.waiting.push_back(viewOf(m_open.at(id)));
    answer.servedToday = runtime.served;
    answer.noShowToday = runtime.noShow;
    return answerOutcome(request.requestId, answer);
}

} // namespace hall::server
