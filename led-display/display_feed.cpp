#include "display_feed.h"

#include "protocol/events.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDisplayFeed, "hall.display.feed")

namespace hall::display {

using hall::qt::HallConnection;

DisplayFeed::DisplayFeed(HallConnection& connection, DisplayModel& model, QObject* parent)
    : QObject(parent), m_connection(connection), m_model(model) {
    m_retry.setSingleShot(true);
    m_retry.setInterval(5000);
    connect(&m_retry, &QTimer::timeout, this, &DisplayFeed::load);
    m_expiry.setInterval(1000);
    connect(&m_expiry, &QTimer::timeout, &m_model, &DisplayModel::dropExpiredNotices);
    m_expiry.start();

    connect(&m_connection, &HallConnection::stateChanged, this, &DisplayFeed::onStateChanged);
    connect(&m_connection, &HallConnection::eventReceived, &m_model,
            [this](const hall::Event& event) { m_model.applyEvent(event); });
    connect(&m_connection, &HallConnection::resyncRequired, this, [this] {
        qCWarning(lcDisplayFeed) << "too many events missed: reading the board again";
        m_needBoard = true;
        load();
    });
    connect(&m_connection, &HallConnection::subscribeFailed, this, [](const hall::Error& error) {
        qCWarning(lcDisplayFeed) << "subscription refused:" << QString::fromStdString(error.message);
    });
    onStateChanged(m_connection.state());
}

QStringList DisplayFeed::topicsFor(std::uint8_t floor) {
    QStringList topics{QString::fromUtf8(kTopicHall.data(), static_cast<qsizetype>(kTopicHall.size()))};
    if (floor != 0) {
        topics << QString::fromStdString(topicForFloor(floor));
        return topics;
    }
    for (std::uint8_t f = 1; f <= 9; ++f)
        topics << QString::fromStdString(topicForFloor(f));
    return topics;
}

void DisplayFeed::onStateChanged(HallConnection::State state) {
    const bool ready = state == HallConnection::State::Ready;
    m_model.setConnected(ready);
    if (ready && m_needBoard)
        load();
}

void DisplayFeed::retryLater() {
    m_loading = false;
    m_retry.start();
}

void DisplayFeed::load() {
    if (m_loading || m_connection.state() != HallConnection::State::Ready)
        return;
    const auto identity = m_connection.deviceIdentity();
    const std::uint8_t floor = identity ? identity->floor : 0;
    m_model.setFloor(floor);
    m_loading = true;
    m_connection.request(GetQueueBoard{floor}, this, [this, floor](const Result<QueueBoard>& board) {
        if (!board) {
            qCWarning(lcDisplayFeed) << "queue board not available:"
                                     << QString::fromStdString(board.error().message);
            retryLater();
            return;
        }
        const QueueBoard snapshot = *board;
        m_connection.request(
            ListNotices{floor}, this, [this, floor, snapshot](const Result<NoticeList>& notices) {
                if (!notices) {
                    qCWarning(lcDisplayFeed)
                        << "notices not available:" << QString::fromStdString(notices.error().message);
                    retryLater();
                    return;
                }
                m_model.resetFromBoard(snapshot);
                m_model.setNotices(notices->notices);
                if (const auto subscribed = m_connection.subscribe(topicsFor(floor), snapshot.asOfSeq);
                    !subscribed) {
                    qCWarning(lcDisplayFeed)
                        << "cannot subscribe:" << QString::fromStdString(subscribed.error().message);
                    retryLater();
                    return;
                }
                m_loading = false;
                m_needBoard = false;
                qCInfo(lcDisplayFeed) << "board of floor" << floor << "loaded at seq" << snapshot.asOfSeq;
                Q_EMIT loaded();
            });
    });
}

} // namespace hall::display
