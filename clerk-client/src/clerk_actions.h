#pragma once

#include "protocol/error.h"
#include "protocol/queue_messages.h"

#include <QObject>
#include <QString>

#include <optional>

namespace clerk {

class QueueService;
class WindowQueueModel;

/// The clerk's queue actions. One request at a time: while one is on its way every action is
/// unavailable, so a double click or a held key never sends two. The outcome is applied to the model
/// only as the server answered it.
class ClerkActions : public QObject {
    Q_OBJECT

public:
    enum class Action { CallNext, Recall, Begin, Finish, NoShow, Transfer, Pause, Resume, Reactivate };
    Q_ENUM(Action)

    ClerkActions(QueueService& service, WindowQueueModel& model, QObject* parent = nullptr);

    /// Whether the action may be sent now: nothing in flight, logged in, and the window and its active
    /// ticket in a state where the action makes sense. The server has the last word on everything else
    /// (recall cooldown, calls needed before a no-show).
    bool isAvailable(Action action) const;
    bool isBusy() const { return m_inFlight.has_value(); }
    std::optional<Action> inFlight() const { return m_inFlight; }

    /// Each returns false and sends nothing when the action is not available now.
    bool callNext();
    bool recall();
    bool beginService();
    bool finishService();
    bool markNoShow();
    bool transfer(const QString& toQueuePrefix, const QString& toWindow);
    bool pause(const QString& reason);
    /// Opens the window (after a pause, or at the start of the day).
    bool resume();
    bool reactivate(std::uint64_t ticketId);

    /// The sentence the clerk reads for a refused request.
    static QString errorText(const hall::Error& error);

Q_SIGNALS:
    /// Busy state or availability may have changed: update the buttons.
    void availabilityChanged();
    /// The server confirmed the action; `message` says what happened ("A023 called to 2-07").
    void succeeded(clerk::ClerkActions::Action action, const QString& message);
    void failed(clerk::ClerkActions::Action action, const QString& message);

private:
    bool start(Action action);
    void finishTicket(Action action, const hall::Result<hall::TicketOk>& result);
    void finishWindow(Action action, const hall::Result<hall::WindowOk>& result);
    QString successText(Action action, const hall::TicketView& ticket) const;

    QueueService& m_service;
    WindowQueueModel& m_model;
    std::optional<Action> m_inFlight;
};

} // namespace clerk
