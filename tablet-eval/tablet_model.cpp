#include "tablet_model.h"

#include "protocol/events.h"
#include "protocol/queue_events.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cassert>

Q_LOGGING_CATEGORY(lcTabletModel, "hall.tablet.model")

namespace tablet {

namespace {
QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace

hall::Status checkRating(const hall::SubmitRating& rating) {
    using hall::Error;
    using hall::ErrorCode;
    if (rating.ticketId == 0)
        return Error{ErrorCode::InvalidArgument, "ticketId: a rating names the ticket that was served"};
    if (rating.level < kLowestLevel || rating.level > kHighestLevel)
        return Error{ErrorCode::InvalidArgument, "level: must be 1 to 5"};
    if (levelNeedsReason(rating.level)) {
        if (rating.reasonCode == 0)
            return Error{ErrorCode::InvalidArgument, "reasonCode: levels 1 and 2 need a reason"};
        if (!hall::ratingReasonFromId(rating.reasonCode))
            return Error{ErrorCode::InvalidArgument, "reasonCode: not a known reason"};
    } else if (rating.reasonCode != 0) {
        return Error{ErrorCode::InvalidArgument, "reasonCode: only levels 1 and 2 take a reason"};
    }
    if (rating.comment.size() > kMaxCommentBytes)
        return Error{ErrorCode::InvalidArgument, "comment: at most 500 bytes"};
    return hall::success();
}

QString surnameOf(const QString& clerkName) {
    const QString trimmed = clerkName.trimmed();
    if (trimmed.isEmpty())
        return {};
    // One user-perceived character: a Han surname is one code point, and a surrogate pair stays whole.
    const qsizetype length = trimmed.at(0).isHighSurrogate() && trimmed.size() > 1 ? 2 : 1;
    return trimmed.left(length);
}

TabletModel::TabletModel(QObject* parent) : QObject(parent) {}

hall::Status TabletModel::setDevice(const hall::DeviceIdentity& device) {
    if (device.role != hall::DeviceRole::Tablet || device.window.empty())
        return hall::Error{hall::ErrorCode::InvalidArgument,
                           "this device is not a counter tablet bound to a window: " + device.name};
    if (device.window == m_window.window)
        return hall::success();
    m_window = {};
    m_window.window = device.window;
    // The window id names its floor ("2-07"); the certificate's floor is the fallback.
    const char first = device.window.front();
    m_window.floor = (first >= '1' && first <= '9') ? static_cast<std::uint8_t>(first - '0') : device.floor;
    m_asOfSeq = 0;
    Q_EMIT windowChanged();
    return hall::success();
}

QStringList TabletModel::topics() const {
    if (!isBound())
        return {};
    return {fromUtf8(hall::topicForFloor(m_window.floor)), fromUtf8(hall::topicForWindow(m_window.window))};
}

hall::Status TabletModel::applyBoard(const hall::QueueBoard& board) {
    if (!isBound())
        return hall::Error{hall::ErrorCode::InvalidState, "the tablet is not bound to a window yet"};
    m_asOfSeq = board.asOfSeq;
    const auto it = std::find_if(board.windows.begin(), board.windows.end(),
                                 [this](const hall::WindowView& w) { return w.window == m_window.window; });
    hall::WindowView next;
    next.window = m_window.window;
    next.floor = m_window.floor;
    if (it != board.windows.end())
        next = *it;
    const bool changed = !(next == m_window);
    m_window = next;
    if (changed)
        Q_EMIT windowChanged();
    if (it == board.windows.end())
        return hall::Error{hall::ErrorCode::NotFound, "the board does not list window " + m_window.window};
    return hall::success();
}

void TabletModel::applyEvent(const hall::Event& event) {
    if (!isBound() || event.seq <= m_asOfSeq)
        return;
    m_asOfSeq = event.seq;
    const auto kind = hall::eventKindFromId(event.kind);
    if (!kind)
        return;
    switch (*kind) {
    case hall::EventKind::TicketCalled:
        if (auto called = hall::TicketCalled::decode(event.body))
            applyTicket(called->ticket, true);
        else
            qCWarning(lcTabletModel) << "undecodable TicketCalled at seq" << event.seq;
        break;
    case hall::EventKind::TicketChanged:
        if (auto changed = hall::TicketChanged::decode(event.body))
            applyTicket(changed->ticket, false);
        else
            qCWarning(lcTabletModel) << "undecodable TicketChanged at seq" << event.seq;
        break;
    case hall::EventKind::WindowChanged:
        if (auto changed = hall::WindowChanged::decode(event.body)) {
            if (changed->window.window == m_window.window && !(changed->window == m_window)) {
                m_window = changed->window;
                Q_EMIT windowChanged();
            }
        } else {
            qCWarning(lcTabletModel) << "undecodable WindowChanged at seq" << event.seq;
        }
        break;
    default:
        break;
    }
}

void TabletModel::applyTicket(const hall::TicketView& ticket, bool called) {
    const bool here = ticket.window == m_window.window;
    const bool isCurrent = ticket.ticketId != 0 && ticket.ticketId == m_window.currentTicketId;
    if (!here && !isCurrent)
        return;

    using hall::TicketState;
    if (here && (called || ticket.state == TicketState::Called || ticket.state == TicketState::Serving)) {
        if (m_window.currentTicketId != ticket.ticketId || m_window.currentNumber != ticket.number) {
            m_window.currentTicketId = ticket.ticketId;
            m_window.currentNumber = ticket.number;
            Q_EMIT windowChanged();
        }
        // The next citizen is at the counter: a prompt nobody answered belongs to someone who left.
        if (ticket.state == TicketState::Serving && m_screen != Screen::Idle && m_screen != Screen::Thanks &&
            ticket.ticketId != m_ratingTicket.ticketId)
            abandon();
        return;
    }
    // Finished, no-show, cancelled, expired or moved away: it is no longer this window's ticket.
    if (isCurrent) {
        m_window.currentTicketId = 0;
        m_window.currentNumber.clear();
        Q_EMIT windowChanged();
    }
    if (here && ticket.state == TicketState::Finished)
        promptForRating(ticket);
}

QString TabletModel::clerkName() const {
    return fromUtf8(m_window.clerkName);
}

QString TabletModel::staffNumber() const {
    return fromUtf8(m_window.staffNumber);
}

QString TabletModel::currentNumber() const {
    return fromUtf8(m_window.currentNumber);
}

QString TabletModel::ratingTicketNumber() const {
    return fromUtf8(m_ratingTicket.number);
}

void TabletModel::promptForRating(const hall::TicketView& ticket) {
    if (ticket.ticketId == 0 || m_rated.contains(ticket.ticketId) || m_prompted.contains(ticket.ticketId))
        return;
    m_prompted.insert(ticket.ticketId);
    m_ratingTicket = ticket;
    m_level = 0;
    m_reason.reset();
    setScreen(Screen::Rating);
}

hall::Status TabletModel::chooseLevel(std::uint8_t level) {
    if (m_screen != Screen::Rating && m_screen != Screen::Reason)
        return hall::Error{hall::ErrorCode::InvalidState, "no rating is being asked for"};
    if (level < kLowestLevel || level > kHighestLevel)
        return hall::Error{hall::ErrorCode::InvalidArgument, "level: must be 1 to 5"};
    if (levelNeedsReason(level)) {
        if (m_level != level)
            m_reason.reset();
        m_level = level;
        setScreen(Screen::Reason);
        return hall::success();
    }
    submit(level, 0);
    return hall::success();
}

hall::Status TabletModel::chooseReason(hall::RatingReason reason) {
    if (m_screen != Screen::Reason)
        return hall::Error{hall::ErrorCode::InvalidState, "no poor rating is being completed"};
    m_reason = reason;
    return hall::success();
}

hall::Status TabletModel::submitWithReason() {
    if (m_screen != Screen::Reason)
        return hall::Error{hall::ErrorCode::InvalidState, "no poor rating is being completed"};
    if (!m_reason)
        return hall::Error{hall::ErrorCode::InvalidArgument, "reasonCode: levels 1 and 2 need a reason"};
    submit(m_level, static_cast<std::uint8_t>(*m_reason));
    return hall::success();
}

void TabletModel::backToLevels() {
    if (m_screen == Screen::Reason)
        setScreen(Screen::Rating);
}

void TabletModel::abandon() {
    if (m_screen == Screen::Idle)
        return;
    m_ratingTicket = {};
    m_level = 0;
    m_reason.reset();
    setScreen(Screen::Idle);
}

void TabletModel::finishThanks() {
    if (m_screen == Screen::Thanks)
        setScreen(Screen::Idle);
}

void TabletModel::submit(std::uint8_t level, std::uint8_t reasonCode) {
    hall::SubmitRating rating;
    rating.ticketId = m_ratingTicket.ticketId;
    rating.level = level;
    rating.reasonCode = reasonCode;
    const hall::Status valid = checkRating(rating);
    assert(valid && "the screens only offer valid ratings");
    if (!valid)
        return;
    m_rated.insert(rating.ticketId);
    m_ratingTicket = {};
    m_level = 0;
    m_reason.reset();
    setScreen(Screen::Thanks);
    Q_EMIT ratingSubmitted(rating);
}

void TabletModel::setScreen(Screen screen) {
    if (m_screen == screen)
        return;
    m_screen = screen;
    Q_EMIT screenChanged(screen);
}

} // namespace tablet
