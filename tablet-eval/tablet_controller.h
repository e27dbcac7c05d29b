#pragma once

#include <QObject>

namespace hall::qt {
class HallConnection;
}

namespace tablet {

class RatingOutbox;
class TabletModel;

/// Feeds the model from the hall connection: on every Ready it binds the model to the window in
/// HelloOk, fetches the floor's board and subscribes after the board's asOfSeq; events go to the model;
/// a resync fetches the board again. Submitted ratings go to the outbox.
class TabletController : public QObject {
    Q_OBJECT

public:
    TabletController(hall::qt::HallConnection& connection, TabletModel& model, RatingOutbox& outbox,
                     QObject* parent = nullptr);

Q_SIGNALS:
    /// The connection is (or is no longer) ready.
    void onlineChanged(bool online);
    /// The device is not a tablet bound to a window, or the board does not list it.
    void setupProblem(const QString& reason);

private:
    void onReady();
    void fetchBoard();

    hall::qt::HallConnection& m_connection;
    TabletModel& m_model;
    RatingOutbox& m_outbox;
};

} // namespace tablet
