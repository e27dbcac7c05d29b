#include "clerk_actions.h"

#include "queue_service.h"
#include "window_queue_model.h"

namespace clerk {

namespace {

QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

ClerkActions::ClerkActions(QueueService& service, WindowQueueModel& model, QObject* parent)
    : QObject(parent), m_service(service), m_model(model) {
    connect(&m_model, &WindowQueueModel::activeChanged, this, &ClerkActions::availabilityChanged);
    connect(&m_model, &WindowQueueModel::windowChanged, this, &ClerkActions::availabilityChanged);
    connect(&m_model, &WindowQueueModel::noShowTicketsChanged, this, &ClerkActions::availabilityChanged);
    connect(&m_model, &WindowQueueModel::modelReset, this, &ClerkActions::availabilityChanged);
}

bool ClerkActions::isAvailable(Action action) const {
    if (m_inFlight || !m_model.isLoaded())
        return false;
    const auto& active = m_model.active();
    const auto windowState = m_model.window().state;
    const bool called = active && active->state == hall::TicketState::Called;
    const bool serving = active && active->state == hall::TicketState::Serving;
    switch (action) {
    case Action::CallNext:
        return windowState == hall::WindowState::Open && !active;
    case Action::Recall:
    case Action::Begin:
    case Action::NoShow:
        return called;
    case Action::Finish:
    case Action::Transfer:
        return called || serving;
    case Action::Pause:
        return windowState == hall::WindowState::Open && !active;
    case Action::Resume:
        return windowState != hall::WindowState::Open;
    case Action::Reactivate:
        return true;
    }
    return false;
}

bool ClerkActions::start(Action action) {
    if (!isAvailable(action))
        return false;
    m_inFlight = action;
    Q_EMIT availabilityChanged();
    return true;
}

bool ClerkActions::callNext() {
    if (!start(Action::CallNext))
        return false;
    m_service.callNext(this,
                       [this](const hall::Result<hall::TicketOk>& r) { finishTicket(Action::CallNext, r); });
    return true;
}

bool ClerkActions::recall() {
    if (!start(Action::Recall))
        return false;
    m_service.recall(m_model.active()->ticketId, this,
                     [this](const hall::Result<hall::TicketOk>& r) { finishTicket(Action::Recall, r); });
    return true;
}

bool ClerkActions::beginService() {
    if (!start(Action::Begin))
        return false;
    m_service.beginService(m_model.active()->ticketId, this,
                           [this](const hall::Result<hall::TicketOk>& r) { finishTicket(Action::Begin, r); });
    return true;
}

bool ClerkActions::finishService() {
    if (!start(Action::Finish))
        return false;
    m_service.finishService(m_model.active()->ticketId, this, [this](const hall::Result<hall::TicketOk>& r) {
        finishTicket(Action::Finish, r);
    });
    return true;
}

bool ClerkActions::markNoShow() {
    if (!start(Action::NoShow))
        return false;
    m_service.markNoShow(m_model.active()->ticketId, this,
                         [this](const hall::Result<hall::TicketOk>& r) { finishTicket(Action::NoShow, r); });
    return true;
}

bool ClerkActions::transfer(const QString& toQueuePrefix, const QString& toWindow) {
    if (toQueuePrefix.isEmpty() || !start(Action::Transfer))
        return false;
    hall::TransferTicket request;
    request.ticketId = m_model.active()->ticketId;
    request.toQueuePrefix = toQueuePrefix.toStdString();
    request.toWindow = toWindow.toStdString();
    m_service.transfer(request, this,
                       [this](const hall::Result<hall::TicketOk>& r) { finishTicket(Action::Transfer, r); });
    return true;
}

bool ClerkActions::pause(const QString& reason) {
    if (!start(Action::Pause))
        return false;
    m_service.setWindowState(
        hall::SetWindowState{hall::WindowState::Paused, reason.trimmed().toStdString()}, this,
        [this](const hall::Result<hall::WindowOk>& r) { finishWindow(Action::Pause, r); });
    return true;
}

bool ClerkActions::resume() {
    if (!start(Action::Resume))
        return false;
    m_service.setWindowState(
        hall::SetWindowState{hall::WindowState::Open, {}}, this,
        [this](const hall::Result<hall::WindowOk>& r) { finishWindow(Action::Resume, r); });
    return true;
}

bool ClerkActions::reactivate(std::uint64_t ticketId) {
    if (ticketId == 0 || !start(Action::Reactivate))
        return false;
    m_service.reactivate(ticketId, this, [this](const hall::Result<hall::TicketOk>& r) {
        finishTicket(Action::Reactivate, r);
    });
    return true;
}

void ClerkActions::finishTicket(Action action, const hall::Result<hall::TicketOk>& result) {
    m_inFlight.reset();
    if (result) {
        m_model.applyTicket(result->ticket);
        Q_EMIT succeeded(action, successText(action, result->ticket));
    } else {
        Q_EMIT failed(action, errorText(result.error()));
    }
    Q_EMIT availabilityChanged();
}

void ClerkActions::finishWindow(Action action, const hall::Result<hall::WindowOk>& result) {
    m_inFlight.reset();
    if (result) {
        m_model.applyWindow(result->window);
        Q_EMIT succeeded(action, action == Action::Pause ? tr("The window is paused. Press F8 to resume.")
                                                         : tr("The window is open."));
    } else {
        Q_EMIT failed(action, errorText(result.error()));
    }
    Q_EMIT availabilityChanged();
}

QString ClerkActions::successText(Action action, const hall::TicketView& ticket) const {
    const QString number = fromUtf8(ticket.number);
    switch (action) {
    case Action::CallNext:
        return tr("%1 called.").arg(number);
    case Action::Recall:
        return tr("%1 called again (call %2).").arg(number).arg(ticket.callCount);
    case Action::Begin:
        return tr("Serving %1.").arg(number);
    case Action::Finish:
        return tr("%1 finished.").arg(number);
    case Action::NoShow:
        return tr("%1 marked as not present.").arg(number);
    case Action::Transfer:
        return tr("%1 transferred to queue %2.").arg(number, fromUtf8(ticket.queuePrefix));
    case Action::Reactivate:
        return tr("%1 is waiting again.").arg(number);
    case Action::Pause:
    case Action::Resume:
        break;
    }
    return number;
}

QString ClerkActions::errorText(const hall::Error& error) {
    const QString detail = fromUtf8(error.message);
    QString summary;
    switch (error.code) {
    case hall::ErrorCode::BadCredentials:
        return tr("Wrong username or password.");
    case hall::ErrorCode::AccountLocked:
        summary = tr("This account is locked after too many failed logins.");
        break;
    case hall::ErrorCode::Timeout:
    case hall::ErrorCode::Disconnected:
    case hall::ErrorCode::Unavailable:
        summary = tr("The hall server cannot be reached. Check the network and try again.");
        break;
    case hall::ErrorCode::NotLoggedIn:
        summary = tr("You are not logged in.");
        break;
    case hall::ErrorCode::Forbidden:
        summary = tr("You may not do this on this workstation.");
        break;
    case hall::ErrorCode::NotFound:
        summary = tr("No such ticket or queue.");
        break;
    case hall::ErrorCode::InvalidState:
    case hall::ErrorCode::Conflict:
        summary = tr("Not possible now.");
        break;
    case hall::ErrorCode::RateLimited:
        summary = tr("Too fast: wait a moment.");
        break;
    case hall::ErrorCode::InvalidArgument:
        summary = tr("Invalid input.");
        break;
    default:
        summary = tr("The server refused the request.");
        break;
    }
    return detail.isEmpty() ? summary : tr("%1 (%2)").arg(summary, detail);
}

} // namespace clerk
