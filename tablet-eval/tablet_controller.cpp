#include "tablet_controller.h"

#include "rating_outbox.h"
#include "tablet_model.h"

#include "protocol/queue_messages.h"
#include "qtclient/hall_connection.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTablet, "hall.tablet")

namespace tablet {

using hall::qt::HallConnection;

TabletController::TabletController(HallConnection& connection, TabletModel& model, RatingOutbox& outbox,
                                   QObject* parent)
    : QObject(parent), m_connection(connection), m_model(model), m_outbox(outbox) {
    connect(&m_connection, &HallConnection::stateChanged, this, [this](HallConnection::State state) {
        Q_EMIT onlineChanged(state == HallConnection::State::Ready);
        if (state == HallConnection::State::Ready)
            onReady();
    });
    connect(&m_connection, &HallConnection::eventReceived, &m_model, &TabletModel::applyEvent);
    connect(&m_connection, &HallConnection::resyncRequired, this, &TabletController::fetchBoard);
    connect(&m_model, &TabletModel::ratingSubmitted, this, [this](const hall::SubmitRating& rating) {
        if (auto saved = m_outbox.enqueue(rating); !saved)
            qCWarning(lcTablet) << "rating not saved:" << QString::fromStdString(saved.error().message);
    });
}

void TabletController::onReady() {
    const auto device = m_connection.deviceIdentity();
    if (!device)
        return;
    if (auto bound = m_model.setDevice(*device); !bound) {
        Q_EMIT setupProblem(QString::fromStdString(bound.error().message));
        return;
    }
    // Already following the window: the connection renews the subscription from the last event it saw.
    if (m_model.asOfSeq() > 0 && m_connection.topics() == m_model.topics())
        return;
    fetchBoard();
}

void TabletController::fetchBoard() {
    if (!m_model.isBound())
        return;
    m_connection.request(
        hall::GetQueueBoard{m_model.floor()}, this, [this](const hall::Result<hall::QueueBoard>& board) {
            if (!board) {
                qCWarning(lcTablet) << "no queue board:" << QString::fromStdString(board.error().message);
                return;
            }
            if (auto applied = m_model.applyBoard(*board); !applied)
                Q_EMIT setupProblem(QString::fromStdString(applied.error().message));
            if (auto subscribed = m_connection.subscribe(m_model.topics(), board->asOfSeq); !subscribed)
                qCWarning(lcTablet) << "cannot subscribe:"
                                    << QString::fromStdString(subscribed.error().message);
        });
}

} // namespace tablet
