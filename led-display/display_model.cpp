#include "display_model.h"

#include "protocol/events.h"
#include "protocol/queue_events.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cassert>

Q_LOGGING_CATEGORY(lcDisplayModel, "hall.display.model")

namespace hall::display {
namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

CallEntry entryFor(const TicketView& ticket, qint64 calledAtMs, bool recall, std::uint64_t seq) {
    return CallEntry{ticket.ticketId,
                     text(ticket.number),
                     text(ticket.window),
                     calledAtMs,
                     std::max<int>(1, ticket.callCount),
                     recall,
                     seq};
}

template <typename E> std::optional<E> decodeBody(const Event& event) {
    auto decoded = E::decode(event.body);
    if (!decoded) {
        qCWarning(lcDisplayModel) << "event" << event.seq << "has a body that does not decode:"
                                  << QString::fromStdString(decoded.error().message);
        return std::nullopt;
    }
    return std::move(*decoded);
}

} // namespace

DisplayModel::DisplayModel(Clock hallClock, QObject* parent)
    : QObject(parent), m_clock(std::move(hallClock)) {
    assert(m_clock);
}

void DisplayModel::setRecentLimit(int limit) {
    assert(limit >= 1);
    m_recentLimit = limit;
    if (static_cast<int>(m_calls.size()) > m_recentLimit) {
        m_calls.resize(static_cast<std::size_t>(m_recentLimit));
        Q_EMIT changed();
    }
}

void DisplayModel::resetFromBoard(const QueueBoard& board) {
    m_hasBoard = true;
    m_lastSeq = board.asOfSeq;
    m_serviceDay = text(board.serviceDay);
    m_calls.clear();
    for (const CallView& call : board.recentCalls) {
        if (static_cast<int>(m_calls.size()) >= m_recentLimit)
            break;
        // The board lists a recalled ticket once, but a careless list must still not show it twice.
        const bool seen = std::any_of(m_calls.begin(), m_calls.end(),
                                      [&](const CallEntry& e) { return e.ticketId == call.ticketId; });
        if (seen)
            continue;
        m_calls.push_back(CallEntry{call.ticketId, text(call.number), text(call.window), call.calledAtMs,
                                    std::max<int>(1, call.callCount), call.callCount > 1, 0});
    }
    m_queues.clear();
    for (const QueueView& queue : board.queues)
        m_queues.push_back(QueueCount{text(queue.prefix), text(queue.name), static_cast<int>(queue.waiting)});
    m_windows = board.windows;
    Q_EMIT changed();
}

void DisplayModel::setNotices(const std::vector<Notice>& notices) {
    m_notices.clear();
    for (const Notice& notice : notices)
        addNotice(notice.id, notice.floor, notice.text, notice.expiresAtMs);
    Q_EMIT changed();
}

void DisplayModel::addNotice(std::uint64_t id, std::uint8_t floor, const std::string& body,
                             qint64 expiresAtMs) {
    if (!forThisFloor(floor) || expiresAtMs <= m_clock())
        return;
    const auto same = std::find_if(m_notices.begin(), m_notices.end(),
                                   [id](const NoticeLine& line) { return line.id == id; });
    if (same != m_notices.end())
        return; // listed by ListNotices and replayed as an event
    m_notices.push_back(NoticeLine{id, text(body), expiresAtMs});
}

void DisplayModel::dropExpiredNotices() {
    const qint64 now = m_clock();
    const auto before = m_notices.size();
    std::erase_if(m_notices, [now](const NoticeLine& line) { return line.expiresAtMs <= now; });
    if (m_notices.size() != before)
        Q_EMIT changed();
}

void DisplayModel::setConnected(bool connected) {
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT changed();
}

bool DisplayModel::applyEvent(const Event& event) {
    if (!m_hasBoard || event.seq <= m_lastSeq)
        return false;
    const auto kind = eventKindFromId(event.kind);
    if (!kind)
        return false;
    // The sequence moves on even for kinds the display ignores: they were seen.
    m_lastSeq = event.seq;
    switch (*kind) {
    case EventKind::TicketCalled: {
        const auto called = decodeBody<TicketCalled>(event);
        if (!called)
            return false;
        applyCall(event, *called);
        break;
    }
    case EventKind::TicketIssued: {
        const auto issued = decodeBody<TicketIssued>(event);
        if (!issued)
            return false;
        setWaiting(issued->ticket, issued->waitingInQueue);
        break;
    }
    case EventKind::TicketChanged: {
        const auto change = decodeBody<TicketChanged>(event);
        if (!change)
            return false;
        setWaiting(change->ticket, change->waitingInQueue);
        break;
    }
    case EventKind::WindowChanged: {
        const auto change = decodeBody<WindowChanged>(event);
        if (!change)
            return false;
        upsertWindow(change->window);
        break;
    }
    case EventKind::QueueDayClosed: {
        const auto closed = decodeBody<QueueDayClosed>(event);
        if (!closed)
            return false;
        // Numbering starts again tomorrow: yesterday's calls would only confuse.
        m_calls.clear();
        for (QueueCount& queue : m_queues)
            queue.waiting = 0;
        for (WindowView& window : m_windows) {
            window.currentNumber.clear();
            window.currentTicketId = 0;
        }
        break;
    }
    case EventKind::NoticePosted: {
        const auto notice = decodeBody<NoticePosted>(event);
        if (!notice)
            return false;
        addNotice(notice->noticeId, notice->floor, notice->text, notice->expiresAtMs);
        break;
    }
    default:
        return false;
    }
    Q_EMIT changed();
    return true;
}

void DisplayModel::applyCall(const Event& event, const TicketCalled& called) {
    const TicketView& ticket = called.ticket;
    const qint64 calledAt = ticket.lastCallAtMs != 0 ? ticket.lastCallAtMs : event.timeMs;
    CallEntry entry = entryFor(ticket, calledAt, called.recall, event.seq);

    // A recall moves the ticket to the top instead of listing it twice.
    std::erase_if(m_calls, [&](const CallEntry& e) { return e.ticketId == entry.ticketId; });
    m_calls.insert(m_calls.begin(), entry);
    if (static_cast<int>(m_calls.size()) > m_recentLimit)
        m_calls.resize(static_cast<std::size_t>(m_recentLimit));

    if (QueueCount* queue = findQueue(text(ticket.queuePrefix));
        queue && !called.recall && queue->waiting > 0)
        --queue->waiting; // a first call takes the ticket out of the waiting line
    for (WindowView& window : m_windows) {
        if (window.window == ticket.window) {
            window.currentNumber = ticket.number;
            window.currentTicketId = ticket.ticketId;
        }
    }

    const bool announce = m_clock() - calledAt <= m_announceWindow.count();
    if (!announce)
        qCInfo(lcDisplayModel) << "call of" << entry.number << "to" << entry.window << "is"
                               << (m_clock() - calledAt) / 1000 << "s old: listed, not announced";
    Q_EMIT callMade(entry, announce);
}

QueueCount* DisplayModel::findQueue(const QString& prefix) {
    const auto found = std::find_if(m_queues.begin(), m_queues.end(),
                                    [&](const QueueCount& queue) { return queue.prefix == prefix; });
    return found == m_queues.end() ? nullptr : &*found;
}

void DisplayModel::setWaiting(const TicketView& ticket, std::uint32_t waiting) {
    if (ticket.queuePrefix.empty())
        return;
    const QString key = text(ticket.queuePrefix);
    if (QueueCount* queue = findQueue(key)) {
        queue->waiting = static_cast<int>(waiting);
        return;
    }
    if (!forThisFloor(ticket.floor))
        return; // a transfer published here too, into a queue of another floor
    m_queues.push_back(QueueCount{key, key, static_cast<int>(waiting)});
    std::sort(m_queues.begin(), m_queues.end(),
              [](const QueueCount& a, const QueueCount& b) { return a.prefix < b.prefix; });
}

void DisplayModel::upsertWindow(const WindowView& window) {
    if (!forThisFloor(window.floor))
        return;
    const auto found = std::find_if(m_windows.begin(), m_windows.end(),
                                    [&](const WindowView& w) { return w.window == window.window; });
    if (found == m_windows.end())
        m_windows.push_back(window);
    else
        *found = window;
}

} // namespace hall::display
