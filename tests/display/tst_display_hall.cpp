// The display against a real hall: the real hall-server over TLS with the Puyang catalog imported by the
// real hallctl, a clerk PC calling at window 2-01 and a kiosk issuing tickets. The display must receive
// every call in order, a recall once (moved to the top), and after a lost connection the calls made
// while it was away, each once.

#include "display_feed.h"
#include "display_model.h"

#include "protocol/queue_messages.h"
#include "qtclient/hall_connection.h"
#include "server_process.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTime>

using namespace Qt::StringLiterals;
using hall::display::CallEntry;
using hall::display::DisplayFeed;
using hall::display::DisplayModel;
using hall::qt::HallConnection;
using hall::test::ServerProcess;

namespace {

hall::qt::ConnectionSettings settingsFor(const hall::test::DeviceFiles& files, quint16 port) {
    hall::qt::ConnectionSettings settings;
    settings.port = port;
    settings.caFile = QString::fromStdString(files.ca);
    settings.certFile = QString::fromStdString(files.certificate);
    settings.keyFile = QString::fromStdString(files.key);
    settings.clientName = u"tst_display_hall"_s;
    settings.clientVersion = u"0"_s;
    settings.reconnectInitialMs = 100;
    return settings;
}

/// Sends a request and waits for its answer.
template <typename R, typename M> hall::Result<R> ask(HallConnection& connection, const M& message) {
    std::optional<hall::Result<R>> answer;
    connection.request(message, &connection, [&answer](const hall::Result<R>& r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000) || !answer)
        return hall::Error{hall::ErrorCode::Timeout, "no answer"};
    return *answer;
}

QStringList numbers(const DisplayModel& model) {
    QStringList out;
    for (const CallEntry& call : model.recentCalls())
        out << call.number;
    return out;
}

} // namespace

class TestDisplayHall : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    hall::test::DeviceFiles m_display, m_clerk, m_kiosk;

    /// Calls the next ticket at the clerk's window and serves it, so the window is free again.
    QString callAndServe(HallConnection& clerk, bool recallFirst = false) {
        const auto called = ask<hall::TicketOk>(clerk, hall::CallNext{});
        if (!called)
            return u"call failed: "_s + QString::fromStdString(called.error().message);
        const auto id = called->ticket.ticketId;
        if (recallFirst) {
            const auto recalled = ask<hall::TicketOk>(clerk, hall::Recall{{id}});
            if (!recalled)
                return u"recall failed: "_s + QString::fromStdString(recalled.error().message);
        }
        if (!ask<hall::TicketOk>(clerk, hall::BeginService{{id}}) ||
            !ask<hall::TicketOk>(clerk, hall::FinishService{{id}}))
            return u"serving failed"_s;
        return QString::fromStdString(called->ticket.number);
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->lastError()));
        const auto import =
            hall::test::runTool(hall::test::hallctlPath(),
                                {u"catalog"_s, u"import"_s, u"--data-dir"_s, m_server->dataDir(), u"--file"_s,
                                 QStringLiteral(HALL_SOURCE_DIR "/resources/halls/puyang.json")});
        QVERIFY2(import.exitCode == 0, qPrintable(import.describe()));
        auto display = m_server->addDevice(u"display"_s, u"led-2f"_s, {}, 2);
        auto clerk = m_server->addDevice(u"clerk-pc"_s, u"clerk-2-01"_s, u"2-01"_s);
        auto kiosk = m_server->addDevice(u"kiosk"_s, u"K-2F-01"_s, {}, 2);
        QVERIFY2(display && clerk && kiosk, qPrintable(m_server->lastError()));
        m_display = *display;
        m_clerk = *clerk;
        m_kiosk = *kiosk;
        QVERIFY(m_server->addAccount(u"li.ming"_s, u"李明"_s, u"clerk"_s, u"Clerk-pass-1"_s).ok());
        // Recalls without waiting for the cooldown, and a hall whose local time is about noon whenever
        // the test runs, so the service day is open.
        const QTime utc = QDateTime::currentDateTimeUtc().time();
        const int offset = 12 * 60 - (utc.hour() * 60 + utc.minute());
        QFile conf(m_server->dataDir() + u"/hall.conf"_s);
        QVERIFY(conf.open(QIODevice::Append));
        conf.write("\nqueue.recall_cooldown_s = 0\nqueue.utc_offset_minutes = " + QByteArray::number(offset) +
                   "\n");
        conf.close();
        const auto started = m_server->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
    }

    void everyCallInOrderAcrossAReconnect() {
        HallConnection kiosk(settingsFor(m_kiosk, m_server->port()));
        HallConnection clerk(settingsFor(m_clerk, m_server->port()));
        QVERIFY(kiosk.start().ok());
        QVERIFY(clerk.start().ok());
        std::optional<bool> loggedIn;
        auto* login = clerk.login(u"li.ming"_s, u"Clerk-pass-1"_s);
        connect(login, &hall::qt::PendingReply::finished, this, [&] { loggedIn = login->status().ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(loggedIn.has_value(), 15000);
        QVERIFY(*loggedIn);
        const auto opened = ask<hall::WindowOk>(clerk, hall::SetWindowState{hall::WindowState::Open, {}});
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        for (int i = 0; i < 6; ++i) {
            const auto issued = ask<hall::IssueTicketOk>(kiosk, hall::IssueTicket{"G", {}, 0, {}, {}});
            QVERIFY2(issued.ok(), issued.ok() ? "" : issued.error().message.c_str());
        }

        HallConnection link(settingsFor(m_display, m_server->port()));
        DisplayModel model(
            [&link] { return QDateTime::currentMSecsSinceEpoch() + link.serverClockOffsetMs(); });
        DisplayFeed feed(link, model);
        QSignalSpy loaded(&feed, &DisplayFeed::loaded);
        QSignalSpy calls(&model, &DisplayModel::callMade);
        QVERIFY(link.start().ok());
        QVERIFY(loaded.wait(15000));
        QCOMPARE(model.floor(), 2);
        const auto waitingG = [&] {
            for (const auto& q : model.queues())
                if (q.prefix == u"G"_s)
                    return q.waiting;
            return -1;
        };
        QCOMPARE(waitingG(), 6);

        // Live: two calls, the second recalled once.
        const QString first = callAndServe(clerk);
        const QString second = callAndServe(clerk, true);
        QTRY_COMPARE_WITH_TIMEOUT(calls.size(), 3, 10000);
        QCOMPARE(numbers(model), (QStringList{second, first}));
        QVERIFY(model.currentCall()->recall);
        QCOMPARE(waitingG(), 4);

        // Away: the display drops off; two calls happen; it comes back and gets both, in order, once.
        link.stop();
        model.setConnected(false);
        const QString third = callAndServe(clerk);
        const QString fourth = callAndServe(clerk);
        QVERIFY(link.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(calls.size(), 5, 15000);
        QCOMPARE(numbers(model), (QStringList{fourth, third, second, first}));
        QStringList order;
        for (const auto& call : calls)
            order << call.at(0).value<CallEntry>().number;
        QCOMPARE(order, (QStringList{first, second, second, third, fourth}));
        for (const auto& call : calls)
            QVERIFY(call.at(1).toBool()); // all recent: all announced
        QCOMPARE(waitingG(), 2);
        QTRY_VERIFY(model.isConnected());
        QCOMPARE(loaded.size(), 1); // resumed, not reloaded
    }
};

QTEST_GUILESS_MAIN(TestDisplayHall)
#include "tst_display_hall.moc"
