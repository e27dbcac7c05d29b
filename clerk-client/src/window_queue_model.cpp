#include "window_queue_model.h"

#include "protocol/queue_events.h"

#include <QDateTime>

#include <algorithm>

namespace clerk {

namespace {

constexpr std::size_t kMaxKeptEvents = 2000;

QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool isAtCounter(hall::TicketState state) {
    return state == hall::TicketState::Called || state == hall::TicketState::Serving;
}

} // namespace

WindowQueueModel::WindowQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

int WindowQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_waiting.size());
}

int WindowQueueModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WindowQueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const hall::TicketView& ticket = m_waiting[std::size_t(index.row())];
    switch (role) {
    case TicketIdRole:
        return QVariant::fromValue<qulonglong>(ticket.ticketId);
    case PriorityRole:
        return int(ticket.priorityClass);
    case Qt::TextAlignmentRole:
        return index.column() == NumberColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                              : QVariant(Qt::AlignCenter);
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return fromUtf8(ticket.number);
        case ClassColumn:
            return priorityClassName(ticket.priorityClass);
        case ArrivalColumn:
            return QDateTime::fromMSecsSinceEpoch(ticket.issuedAtMs)
                .toLocalTime()
                .toString(QStringLiteral("HH:mm"));
        case WaitingColumn: {
            const qint64 minutes = m_nowMs > ticket.issuedAtMs ? (m_nowMs - ticket.issuedAtMs) / 60000 : 0;
            return tr("%n min", nullptr, int(minutes));
        }
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant WindowQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case ClassColumn:
        return tr("Class");
    case ArrivalColumn:
        return tr("Arrived");
    case WaitingColumn:
        return tr("Waiting");
    default:
        return {};
    }
}

QString WindowQueueModel::priorityClassName(std::uint8_t id) const {
    if (auto found = m_classNames.find(id); found != m_classNames.end())
        return found->second;
    if (id == 0)
        return tr("Normal");
    return tr("Class %1").arg(id);
}

void WindowQueueModel::reset(const hall::WindowQueue& queue) {
    beginResetModel();
    m_window = queue.window;
    m_active = queue.active;
    m_waiting = queue.waiting;
    m_served = queue.servedToday;
    m_noShows = queue.noShowToday;
    m_lastSeq = queue.asOfSeq;
    m_loaded = true;
    for (const auto& ticket : m_waiting) {
        m_servedPrefixes.insert(fromUtf8(ticket.queuePrefix));
        remember(ticket);
    }
    if (m_active) {
        m_servedPrefixes.insert(fromUtf8(m_active->queuePrefix));
        remember(*m_active);
    }
    endResetModel();

    // Events that arrived while the answer was on its way, and that it does not contain yet.
    std::vector<hall::Event> kept;
    kept.swap(m_appliedSinceReset);
    for (const auto& event : kept)
        if (event.seq > queue.asOfSeq)
            applyEvent(event);

    Q_EMIT windowChanged();
    Q_EMIT activeChanged();
    Q_EMIT countsChanged();
}

void WindowQueueModel::clear() {
    beginResetModel();
    m_window = {};
    m_active.reset();
    m_waiting.clear();
    m_noShowTickets.clear();
    m_seenByNumber.clear();
    m_appliedSinceReset.clear();
    m_servedPrefixes.clear();
    m_servedFromCatalog = false;
    m_served = m_noShows = 0;
    m_lastSeq = 0;
    m_loaded = false;
    endResetModel();
    Q_EMIT windowChanged();
    Q_EMIT activeChanged();
    Q_EMIT countsChanged();
    Q_EMIT noShowTicketsChanged();
}

void WindowQueueModel::applyEvent(const hall::Event& event) {
    if (m_appliedSinceReset.size() >= kMaxKeptEvents)
        m_appliedSinceReset.erase(m_appliedSinceReset.begin());
    m_appliedSinceReset.push_back(event);
    if (!m_loaded || event.seq <= m_lastSeq)
        return;
    m_lastSeq = event.seq;
    apply(event);
}

void WindowQueueModel::apply(const hall::Event& event) {
    switch (hall::EventKind(event.kind)) {
    case hall::EventKind::TicketIssued:
        if (auto issued = hall::TicketIssued::decode(event.body))
            applyTicketView(issued->ticket, Source::Issued);
        break;
    case hall::EventKind::TicketCalled:
        if (auto called = hall::TicketCalled::decode(event.body))
            applyTicketView(called->ticket, Source::Called);
        break;
    case hall::EventKind::TicketChanged:
        if (auto changed = hall::TicketChanged::decode(event.body))
            applyTicketView(changed->ticket, Source::Changed);
        break;
    case hall::EventKind::WindowChanged:
        if (auto changed = hall::WindowChanged::decode(event.body);
            changed && changed->window.window == m_window.window)
            applyWindow(changed->window);
        break;
    case hall::EventKind::QueueDayClosed:
        // A new business day: numbers and counts start again; fetch the day afresh.
        Q_EMIT refreshNeeded();
        break;
    default:
        break;
    }
}

void WindowQueueModel::applyTicket(const hall::TicketView& ticket) {
    if (m_loaded)
        applyTicketView(ticket, Source::Reply);
}

void WindowQueueModel::applyWindow(const hall::WindowView& window) {
    if (window.window != m_window.window || window == m_window)
        return;
    m_window = window;
    Q_EMIT windowChanged();
}

void WindowQueueModel::setServedQueues(const QSet<QString>& prefixes) {
    m_servedPrefixes = prefixes;
    m_servedFromCatalog = true;
}

void WindowQueueModel::setPriorityClasses(const std::vector<hall::PriorityClassView>& classes) {
    m_classNames.clear();
    for (const auto& entry : classes)
        m_classNames[entry.id] = fromUtf8(entry.name);
    if (!m_waiting.empty())
        Q_EMIT dataChanged(index(0, ClassColumn), index(rowCount() - 1, ClassColumn));
}

void WindowQueueModel::setNow(qint64 nowMs) {
    m_nowMs = nowMs;
    if (!m_waiting.empty())
        Q_EMIT dataChanged(index(0, WaitingColumn), index(rowCount() - 1, WaitingColumn));
}

std::optional<hall::TicketView> WindowQueueModel::findByNumber(const QString& number) const {
    if (auto found = m_seenByNumber.find(number.trimmed().toUpper().toStdString());
        found != m_seenByNumber.end())
        return found->second;
    return std::nullopt;
}

bool WindowQueueModel::belongsHere(const hall::TicketView& ticket) const {
    if (ticket.state != hall::TicketState::Waiting)
        return false;
    if (!ticket.window.empty())
        return ticket.window == m_window.window;
    return ticket.floor == m_window.floor && m_servedPrefixes.contains(fromUtf8(ticket.queuePrefix));
}

void WindowQueueModel::remember(const hall::TicketView& ticket) {
    if (!ticket.number.empty())
        m_seenByNumber[ticket.number] = ticket;
}

void WindowQueueModel::applyTicketView(const hall::TicketView& ticket, Source source) {
    const bool ours = !m_window.window.empty() && ticket.window == m_window.window;
    const bool wasActive = m_active && m_active->ticketId == ticket.ticketId;
    // An issue is always older than any call of the same ticket: a late one changes nothing.
    if (source == Source::Issued && wasActive)
        return;
    remember(ticket);

    if (ours && isAtCounter(ticket.state)) {
        if (!m_active || *m_active != ticket) {
            m_active = ticket;
            Q_EMIT activeChanged();
        }
    } else if (wasActive) {
        m_active.reset();
        Q_EMIT activeChanged();
    }

    // Counts follow the journal only, so an answer and its event never count one ticket twice.
    if (ours && source == Source::Changed) {
        if (ticket.state == hall::TicketState::Finished) {
            ++m_served;
            Q_EMIT countsChanged();
        } else if (ticket.state == hall::TicketState::NoShow) {
            ++m_noShows;
            Q_EMIT countsChanged();
        }
    }

    const auto noShow =
        std::find_if(m_noShowTickets.begin(), m_noShowTickets.end(),
                     [&](const hall::TicketView& t) { return t.ticketId == ticket.ticketId; });
    if (ticket.state == hall::TicketState::NoShow && ours) {
        if (noShow != m_noShowTickets.end())
            m_noShowTickets.erase(noShow);
        m_noShowTickets.insert(m_noShowTickets.begin(), ticket);
        Q_EMIT noShowTicketsChanged();
    } else if (noShow != m_noShowTickets.end() && ticket.state != hall::TicketState::NoShow) {
        m_noShowTickets.erase(noShow);
        Q_EMIT noShowTicketsChanged();
    }

    updateWaiting(ticket, source);
}

int WindowQueueModel::waitingRow(std::uint64_t ticketId) const {
    for (std::size_t row = 0; row < m_waiting.size(); ++row)
        if (m_waiting[row].ticketId == ticketId)
            return int(row);
    return -1;
}

void WindowQueueModel::updateWaiting(const hall::TicketView& ticket, Source source) {
    const int row = waitingRow(ticket.ticketId);
    if (belongsHere(ticket)) {
        if (row >= 0) {
            if (m_waiting[std::size_t(row)].priorityClass != ticket.priorityClass ||
                m_waiting[std::size_t(row)].queuePrefix != ticket.queuePrefix) {
                Q_EMIT refreshNeeded(); // its place in the call order may have moved
            }
            m_waiting[std::size_t(row)] = ticket;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else if (source == Source::Issued && ticket.priorityClass == 0 && ticket.window.empty()) {
            // A normal new ticket comes after everyone already waiting in its queue.
            const int at = rowCount();
            beginInsertRows({}, at, at);
            m_waiting.push_back(ticket);
            endInsertRows();
        } else {
            Q_EMIT refreshNeeded();
        }
        return;
    }
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_waiting.erase(m_waiting.begin() + row);
        endRemoveRows();
        return;
    }
    // A waiting ticket of this floor in a queue the model does not know: it may be served here.
    if (!m_servedFromCatalog && ticket.state == hall::TicketState::Waiting && ticket.window.empty() &&
        ticket.floor == m_window.floor && !m_servedPrefixes.contains(fromUtf8(ticket.queuePrefix)))
        Q_EMIT refreshNeeded();
}

} // namespace clerk
