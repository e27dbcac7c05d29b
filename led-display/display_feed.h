#pragma once

#include "display_model.h"

#include "qtclient/hall_connection.h"

#include <QObject>
#include <QTimer>

namespace hall::display {

/// Keeps a DisplayModel in step with the hall: on the first Ready (and after resyncRequired) it reads
/// the board and the notices of the device's floor (from the HelloOk identity), then subscribes to the
/// floor and hall topics after the board's asOfSeq. After a lost connection HallConnection resumes the
/// subscription from the last event seen, so the calls made meanwhile arrive as replayed events and are
/// shown (and, when recent, announced) in order.
class DisplayFeed : public QObject {
    Q_OBJECT

public:
    DisplayFeed(hall::qt::HallConnection& connection, DisplayModel& model, QObject* parent = nullptr);

    /// The topics a display of `floor` follows: "hall" and "floor/N" (every floor for floor 0).
    static QStringList topicsFor(std::uint8_t floor);

Q_SIGNALS:
    /// The board and notices are loaded and the subscription is asked for.
    void loaded();

private:
    void onStateChanged(hall::qt::HallConnection::State state);
    void load();
    void retryLater();

    hall::qt::HallConnection& m_connection;
    DisplayModel& m_model;
    QTimer m_retry;
    QTimer m_expiry;
    bool m_loading = false;
    bool m_needBoard = true;
};

} // namespace hall::display
