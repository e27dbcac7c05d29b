// The Qt client connection against the real hall-server: a display-like device subscribes, the server is
// killed with SIGKILL and restarted, notices are posted while the device is away, and the connection
// comes back by itself and delivers exactly the missed events, in order, once each.
#include "protocol/events.h"
#include "qtclient/hall_connection.h"
#include "server_process.h"
#include "tls_test_client.h"

#include <QSignalSpy>
#include <QTest>

using namespace hall;
using namespace hall::test;

namespace {
constexpr std::int64_t kFarFutureMs = 4'102'444'800'000;

qt::ConnectionSettings settingsFor(const QString& deviceDir, std::uint16_t port) {
    qt::ConnectionSettings s;
    s.host = QStringLiteral("localhost");
    s.port = port;
    s.caFile = deviceDir + QStringLiteral("/ca.pem");
    s.certFile = deviceDir + QStringLiteral("/device.pem");
    s.keyFile = deviceDir + QStringLiteral("/device.key");
    s.clientName = QStringLiteral("led-display");
    s.clientVersion = QStringLiteral("test");
    // Slow enough that the notices below are posted while the display is still away.
    s.reconnectInitialMs = 1500;
    s.reconnectMaxMs = 3000;
    s.reconnectJitter = 0;
    return s;
}
} // namespace

class TestQtClientLive : public QObject {
    Q_OBJECT

    ServerProcess m_server;
    DeviceFiles m_supervisorDesk;

    void post(const std::string& text, std::uint64_t requestId) {
        TlsTestClient client;
        QVERIFY(client.connectAndHello(m_server.port(), m_supervisorDesk).ok());
        auto login = client.request(Login{"wang.fang", "supervisor password"}, 1);
        QVERIFY(login.ok() && login->as<LoginOk>().ok());
        auto posted = client.request(PostNotice{2, text, kFarFutureMs}, requestId);
        QVERIFY(posted.ok());
        QVERIFY(posted->as<PostNoticeOk>().ok());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_server.isValid(), qPrintable(m_server.lastError()));
        QVERIFY(m_server.addDevice(QStringLiteral("display"), QStringLiteral("led-2f"), {}, 2).ok());
        auto desk = m_server.addDevice(QStringLiteral("admin"), QStringLiteral("supervisor-desk"));
        QVERIFY(desk.ok());
        m_supervisorDesk = *desk;
        QVERIFY(m_server
                    .addAccount(QStringLiteral("wang.fang"), QStringLiteral("王芳"),
                                QStringLiteral("supervisor"), QStringLiteral("supervisor password"))
                    .ok());
        QVERIFY2(m_server.start().ok(), m_server.log().constData());
    }

    void reconnectsAndReceivesExactlyWhatItMissed() {
        qt::HallConnection display(
            settingsFor(m_server.dataDir() + QStringLiteral("/devices/led-2f"), m_server.port()));
        std::vector<Event> events;
        // The hall topic also carries the queue's day events, which depend on the time of day: count notices.
        connect(&display, &qt::HallConnection::eventReceived, this, [&events](const Event& e) {
            if (e.kind == static_cast<std::uint16_t>(EventKind::NoticePosted))
                events.push_back(e);
        });
        QSignalSpy subscribed(&display, &qt::HallConnection::subscribed);
        QVERIFY(display.subscribe({QStringLiteral("floor/2"), QStringLiteral("hall")}).ok());
        QVERIFY(display.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 10000);
        const std::optional<DeviceIdentity> identity = display.deviceIdentity();
        QVERIFY(identity.has_value());
        QCOMPARE(QString::fromStdString(identity->name), QStringLiteral("led-2f"));
        QCOMPARE(int(identity->floor), 2);

        post("停电通知 1", 100);
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), std::size_t(1), 10000);

        // The server dies mid-day and comes back on the same port; three notices are posted before the
        // display reconnects.
        m_server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(display.state() != qt::HallConnection::State::Ready, 10000);
        QVERIFY2(m_server.start().ok(), m_server.log().constData());
        post("停电通知 2", 101);
        post("停电通知 3", 102);
        post("停电通知 4", 103);

        QTRY_COMPARE_WITH_TIMEOUT(events.size(), std::size_t(4), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 2, 10000);
        // The three notices were posted while the display was away: they came as a replay.
        QVERIFY(subscribed.at(1).at(1).toUInt() >= 3u);
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto notice = NoticePosted::decode(events[i].body);
            QVERIFY(notice.ok());
            QCOMPARE(notice->text, "停电通知 " + std::to_string(i + 1));
            if (i > 0)
                QVERIFY(events[i].seq > events[i - 1].seq);
        }
        // Nothing more arrives: no event twice.
        QTest::qWait(300);
        QCOMPARE(events.size(), std::size_t(4));
        display.stop();
    }
};

QTEST_GUILESS_MAIN(TestQtClientLive)
#include "tst_qtclient_live.moc"
