#pragma once

#include "catalog_fetcher.h"
#include "clerk_actions.h"
#include "queue_service.h"
#include "window_queue_model.h"

#include "protocol/queue_messages.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>
#include <vector>

namespace hall::qt {
class HallConnection;
}

namespace clerk {

/// One clerk PC's session: the person logged in on the device, the window the device is bound to, and
/// the window's queue kept current. After a login (and after every reconnect) it fetches the window's
/// queue, then follows the floor and window topics from the answer's asOfSeq; it fetches again when
/// the model asks, coalescing bursts into one request in flight.
class ClerkSession : public QObject {
    Q_OBJECT

public:
    explicit ClerkSession(hall::qt::HallConnection& connection, QObject* parent = nullptr);
    ~ClerkSession() override;

    hall::qt::HallConnection& connection() { return m_connection; }
    WindowQueueModel& model() { return m_model; }
    ClerkActions& actions() { return *m_actions; }

    /// Sends the login; loginFinished() tells the outcome.
    void login(const QString& username, const QString& password);
    void logout();
    bool isLoggedIn() const;
    bool isLoginInFlight() const { return m_loginInFlight; }

    /// "2-07" from the device's certificate, once the server greeted us; empty before.
    QString windowId() const;
    /// "2-07号窗口" (or "Window 2-07"); empty when the device is not bound to a window.
    QString windowDisplayName() const;
    QString personName() const;
    QString personRoleText() const;
    /// The queues of the hall (for transfers) and its windows, from the latest board.
    const std::vector<hall::QueueView>& queues() const { return m_board.queues; }
    const std::vector<hall::WindowView>& windows() const { return m_board.windows; }
    /// The windows serving each queue, by prefix, from the catalog (empty until it arrived).
    std::map<QString, QStringList> windowsOfQueues() const;
    /// The hall clock now.
    qint64 hallNowMs() const;

Q_SIGNALS:
    void loginFinished(bool ok, const QString& message);
    void loggedInChanged(bool loggedIn);
    /// The connection state as a sentence for the status line, and whether it is a problem.
    void connectionStatusChanged(const QString& text, bool problem);
    void deviceChanged();
    /// The queue board or the catalog arrived: transfer targets and queue names may have changed.
    void boardChanged();

private:
    void onStateChanged();
    void onLoggedIn();
    void fetchWindowQueue();
    void fetchBoard();
    void tick();
    void onCatalogLoaded();
    void onEvent(const hall::Event& event);

    hall::qt::HallConnection& m_connection;
    ConnectionQueueService m_service;
    WindowQueueModel m_model;
    std::unique_ptr<ClerkActions> m_actions;
    CatalogFetcher m_catalog;
    hall::QueueBoard m_board;
    QTimer m_clock;
    bool m_loginInFlight = false;
    bool m_fetchInFlight = false;
    bool m_fetchAgain = false;
    bool m_subscribedOnce = false;
};

} // namespace clerk
