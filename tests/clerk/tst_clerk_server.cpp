// The clerk workstation against the real hall-server over real TLS: the Puyang hall imported with hallctl,
// a clerk PC bound to window 2-07, a kiosk of floor 2 taking numbers, and the clerk's session calling them.

#include "calling_page.h"
#include "clerk_session.h"
#include "login_page.h"
#include "main_window.h"
#include "server_process.h"
#include "tls_test_client.h"

#include "protocol/queue_messages.h"
#include "qtapp/language.h"
#include "qtclient/hall_connection.h"
#include "touchui/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace hall::test;
using Action = clerk::ClerkActions::Action;

namespace {
const QString kClerkPassword = QStringLiteral("li-ming-2026!");
const QString kSupervisorPassword = QStringLiteral("wang-fang-2026!");
constexpr int kWaitMs = 10000;
} // namespace

class TestClerkServer : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    DeviceFiles m_clerkPc;
    DeviceFiles m_kiosk;
    std::uint64_t m_nextId = 1000;

    hall::qt::ConnectionSettings settingsFor(const DeviceFiles& files) const {
        hall::qt::ConnectionSettings settings;
        settings.host = QStringLiteral("localhost");
        settings.port = m_server->port();
        settings.caFile = QString::fromStdString(files.ca);
        settings.certFile = QString::fromStdString(files.certificate);
        settings.keyFile = QString::fromStdString(files.key);
        settings.clientName = QStringLiteral("hall-clerk-test");
        settings.clientVersion = QStringLiteral("0");
        settings.reconnectInitialMs = 100;
        return settings;
    }

    /// Whether the server serves the queue protocol yet (it answers UnknownMessage otherwise).
    bool serverHasQueue() {
        TlsTestClient kiosk;
        if (!kiosk.connectAndHello(m_server->port(), m_kiosk).ok())
            return false;
        const auto board = kiosk.request(hall::GetQueueBoard{2}, m_nextId++);
        return board && board->errorCode() != hall::ErrorCode::UnknownMessage;
    }

    std::string issue(TlsTestClient& kiosk, const std::string& prefix, std::uint8_t priority = 0) {
        hall::IssueTicket request;
        request.queuePrefix = prefix;
        request.priorityClass = priority;
        const auto reply = kiosk.request(request, m_nextId++);
        if (!reply) {
            qWarning("IssueTicket: %s", reply.error().message.c_str());
            return {};
        }
        const auto ok = reply->as<hall::IssueTicketOk>();
        if (!ok) {
            const auto refused = reply->as<hall::ErrorReply>();
            qWarning("IssueTicket refused: %s", refused ? refused->message.c_str() : "?");
        }
        return ok ? ok->ticket.number : std::string();
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->lastError()));
        QVERIFY2(m_server->importCatalog(QStringLiteral(HALL_SOURCE_DIR "/resources/halls/puyang.json")).ok(),
                 qPrintable(m_server->lastError()));
        auto clerk = m_server->addDevice(u"clerk-pc"_qs, u"clerk-2-07"_qs, u"2-07"_qs, 2);
        auto kiosk = m_server->addDevice(u"kiosk"_qs, u"K-2F-01"_qs, {}, 2);
        QVERIFY2(clerk && kiosk, qPrintable(m_server->lastError()));
        m_clerkPc = *clerk;
        m_kiosk = *kiosk;
        QVERIFY(m_server->addAccount(u"li.ming"_qs, u"李明"_qs, u"clerk"_qs, kClerkPassword).ok());
        QVERIFY(
            m_server->addAccount(u"wang.fang"_qs, u"王芳"_qs, u"supervisor"_qs, kSupervisorPassword).ok());
        // The service day resets twelve hours from now and has no separate close, so the day the test runs
        // in stays open whatever the time.
        const QString reset =
            QDateTime::currentDateTimeUtc().addSecs(8 * 3600 + 12 * 3600).time().toString(u"HH:mm"_qs);
        QVERIFY(m_server
                    ->writeConfig(
                        u"queue.reset_time = %1\nqueue.close_time = %1\nqueue.recall_cooldown_s = 0\n"_qs.arg(
                            reset))
                    .ok());
        const auto started = m_server->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
    }

    void bindsToTheDevicesWindowAndRefusesBadPasswords() {
        hall::qt::HallConnection connection(settingsFor(m_clerkPc));
        clerk::ClerkSession session(connection);
        QSignalSpy device(&session, &clerk::ClerkSession::deviceChanged);
        QVERIFY(connection.start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(device.count() > 0, kWaitMs);
        QCOMPARE(session.windowId(), u"2-07"_qs);
        QVERIFY(session.windowDisplayName().contains(u"2-07"_qs));

        QSignalSpy finished(&session, &clerk::ClerkSession::loginFinished);
        session.login(u"li.ming"_qs, u"not-the-password"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(),
                 clerk::ClerkActions::errorText({hall::ErrorCode::BadCredentials, {}}));
        QVERIFY(!session.isLoggedIn());

        // A supervisor may work at a window too.
        session.login(u"wang.fang"_qs, kSupervisorPassword);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kWaitMs);
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(1).toString()));
        QCOMPARE(session.personName(), u"王芳"_qs);
        QCOMPARE(session.personRoleText(), clerk::ClerkSession::tr("Supervisor"));
        QSignalSpy loggedIn(&session, &clerk::ClerkSession::loggedInChanged);
        session.logout();
        QCOMPARE(loggedIn.count(), 1);
        QVERIFY(!session.model().isLoaded());
    }

    void callsTheKiosksTickets() {
        if (!serverHasQueue())
            QSKIP("this hall-server does not serve the queue protocol yet");
        TlsTestClient kiosk;
        QVERIFY(kiosk.connectAndHello(m_server->port(), m_kiosk).ok());
        const std::string first = issue(kiosk, "G");
        QVERIFY(!first.empty());

        hall::qt::HallConnection connection(settingsFor(m_clerkPc));
        clerk::ClerkSession session(connection);
        QVERIFY(connection.start().ok());
        QSignalSpy finished(&session, &clerk::ClerkSession::loginFinished);
        session.login(u"li.ming"_qs, kClerkPassword);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        auto& model = session.model();
        auto& actions = session.actions();
        QTRY_VERIFY_WITH_TIMEOUT(model.isLoaded(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(connection.isSubscribed(), kWaitMs);

        // The window opens for the day if it is not open yet.
        QSignalSpy done(&actions, &clerk::ClerkActions::succeeded);
        QSignalSpy failed(&actions, &clerk::ClerkActions::failed);
        if (model.window().state != hall::WindowState::Open) {
            QVERIFY(actions.resume());
            QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 1, kWaitMs);
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(1).toString()));
            done.clear();
        }
        QCOMPARE(model.window().state, hall::WindowState::Open);

        // A ticket taken while the clerk is logged in arrives by event.
        const std::string second = issue(kiosk, "G");
        QVERIFY(!second.empty());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, kWaitMs);
        const quint32 servedBefore = model.servedToday();

        QVERIFY(actions.callNext());
        QVERIFY(!actions.callNext()); // the double press sends nothing
        QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 1, kWaitMs);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(model.active()->number, first);
        QCOMPARE(model.active()->callCount, 1);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kWaitMs);

        // A recall right away may be refused by the cooldown; either way the screen says why.
        QVERIFY(actions.recall());
        QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 2, kWaitMs);
        if (!failed.isEmpty())
            QVERIFY(!failed.at(0).at(1).toString().isEmpty());
        else
            QCOMPARE(model.active()->callCount, 2);

        QVERIFY(actions.beginService());
        QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 3, kWaitMs);
        QCOMPARE(model.active()->state, hall::TicketState::Serving);
        QVERIFY(actions.finishService());
        QTRY_COMPARE_WITH_TIMEOUT(done.count() + failed.count(), 4, kWaitMs);
        QVERIFY(!model.active());
        QTRY_COMPARE_WITH_TIMEOUT(model.servedToday(), servedBefore + 1, kWaitMs);
        QCOMPARE(model.waiting().front().number, second);
    }

    // The whole program as a clerk sees it, in Chinese: the login with a mistyped password, then the
    // calling page with tickets from the kiosk. Saves docs screenshots when CLERK_SCREENSHOT_DIR is set.
    void theWholeWindowAtWork() {
        if (!serverHasQueue())
            QSKIP("this hall-server does not serve the queue protocol yet");
        hall::qt::LanguageManager languages({u"hall"_qs, u"clerk"_qs});
        QVERIFY(languages.setLanguage(hall::qt::Language::SimplifiedChinese));
        hall::touch::Theme::desk().apply(*qApp);
        const QString shots = QString::fromLocal8Bit(qgetenv("CLERK_SCREENSHOT_DIR"));

        hall::qt::HallConnection connection(settingsFor(m_clerkPc));
        clerk::ClerkSession session(connection);
        clerk::MainWindow window(session);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(connection.start().ok());
        auto* login = window.loginPage();
        QTRY_VERIFY_WITH_TIMEOUT(
            login->findChild<QLabel*>(u"windowName"_qs)->text().contains(u"2-07号窗口"_qs), kWaitMs);

        QSignalSpy finished(&session, &clerk::ClerkSession::loginFinished);
        QTest::keyClicks(login->usernameField(), u"li.ming"_qs);
        QTest::keyClicks(login->passwordField(), u"li-ming-2025"_qs);
        QTest::mouseClick(login->loginButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QVERIFY(!session.isLoggedIn());
        if (!shots.isEmpty())
            QVERIFY(window.grab().save(shots + u"/clerk-login.png"_qs));

        login->passwordField()->clear();
        QTest::keyClicks(login->passwordField(), kClerkPassword);
        QTest::keyClick(login->passwordField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kWaitMs);
        QVERIFY(session.isLoggedIn());
        auto& model = session.model();
        QTRY_VERIFY_WITH_TIMEOUT(model.isLoaded() && connection.isSubscribed(), kWaitMs);
        auto* page = window.callingPage();
        QVERIFY(page->isVisible());

        TlsTestClient kiosk;
        QVERIFY(kiosk.connectAndHello(m_server->port(), m_kiosk).ok());
        const std::uint8_t classes[] = {0, 0, 1, 0, 3, 0, 0, 2, 0, 0};
        for (std::uint8_t priority : classes)
            QVERIFY(!issue(kiosk, "G", priority).empty());
        const int waiting = model.rowCount();
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 10, kWaitMs);

        QSignalSpy done(&session.actions(), &clerk::ClerkActions::succeeded);
        if (model.window().state != hall::WindowState::Open) {
            QTest::mouseClick(page->button(Action::Pause), Qt::LeftButton); // F8 opens a closed window
            QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kWaitMs);
            done.clear();
        }
        QTest::mouseClick(page->button(Action::CallNext), Qt::LeftButton);
        QTest::mouseClick(page->button(Action::CallNext), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kWaitMs);
        QVERIFY(model.active());
        QCOMPARE(model.active()->priorityClass, 1); // the elderly go first
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), waiting + 9, kWaitMs);
        QCOMPARE(page->findChild<QLabel*>(u"activeNumber"_qs)->text(),
                 QString::fromStdString(model.active()->number));
        QVERIFY(!page->button(Action::CallNext)->isEnabled());
        if (!shots.isEmpty())
            QVERIFY(window.grab().save(shots + u"/clerk-calling.png"_qs));
        session.logout();
        QVERIFY(login->isVisible());
    }

    void noShowReactivateAndTransfer() {
        if (!serverHasQueue())
            QSKIP("this hall-server does not serve the queue protocol yet");
        TlsTestClient kiosk;
        QVERIFY(kiosk.connectAndHello(m_server->port(), m_kiosk).ok());
        QVERIFY(!issue(kiosk, "G").empty());

        hall::qt::HallConnection connection(settingsFor(m_clerkPc));
        clerk::ClerkSession session(connection);
        QVERIFY(connection.start().ok());
        QSignalSpy finished(&session, &clerk::ClerkSession::loginFinished);
        session.login(u"li.ming"_qs, kClerkPassword);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        auto& model = session.model();
        auto& actions = session.actions();
        QTRY_VERIFY_WITH_TIMEOUT(model.isLoaded() && connection.isSubscribed(), kWaitMs);
        QSignalSpy done(&actions, &clerk::ClerkActions::succeeded);
        QSignalSpy failed(&actions, &clerk::ClerkActions::failed);
        const auto answered = [&] {
            return done.count() + failed.count();
        };
        const auto failure = [&] {
            return failed.isEmpty() ? QString() : failed.last().at(1).toString();
        };

        if (model.window().state != hall::WindowState::Open) {
            QVERIFY(actions.resume());
            QTRY_COMPARE_WITH_TIMEOUT(answered(), 1, kWaitMs);
        }
        if (model.active() && model.active()->state == hall::TicketState::Serving) {
            QVERIFY(actions.finishService());
            QTRY_VERIFY_WITH_TIMEOUT(!model.active(), kWaitMs);
        }
        if (!model.active()) {
            const int before = answered();
            QVERIFY(actions.callNext());
            QTRY_COMPARE_WITH_TIMEOUT(answered(), before + 1, kWaitMs);
            QVERIFY2(model.active(), qPrintable(failure()));
        }
        const std::uint64_t ticketId = model.active()->ticketId;
        const quint32 noShowsBefore = model.noShowToday();

        // Not present after one call: the server wants more calls first, and says so.
        int before = answered();
        if (model.active()->callCount < 2) {
            QVERIFY(actions.markNoShow());
            QTRY_COMPARE_WITH_TIMEOUT(answered(), before + 1, kWaitMs);
            QVERIFY(!failure().isEmpty());
            QCOMPARE(model.active()->ticketId, ticketId);
            before = answered();
            QVERIFY(actions.recall());
            QTRY_COMPARE_WITH_TIMEOUT(answered(), before + 1, kWaitMs);
            QCOMPARE(model.active()->callCount, 2);
            before = answered();
        }
        QVERIFY(actions.markNoShow());
        QTRY_COMPARE_WITH_TIMEOUT(answered(), before + 1, kWaitMs);
        QVERIFY(!model.active());
        QTRY_COMPARE_WITH_TIMEOUT(model.noShowToday(), noShowsBefore + 1, kWaitMs);
        QCOMPARE(model.noShowTickets().front().ticketId, ticketId);

        // Reactivated, it waits again in its original place.
        before = answered();
        QVERIFY(actions.reactivate(ticketId));
        QTRY_COMPARE_WITH_TIMEOUT(answered(), before + 1, kWaitMs);
        QVERIFY2(failed.count() <= 1, qPrintable(failure()));
        const auto inList = [&] {
            for (const auto& t : model.waiting())
                if (t.ticketId == ticketId)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(inList(), kWaitMs);
        QVERIFY(model.noShowTickets().empty() || model.noShowTickets().front().ticketId != ticketId);

        // Called again and transferred to the licences queue (windows 2-08 to 2-13): it leaves this list.
        before = answered();
        QVERIFY(actions.callNext());
        QTRY_COMPARE_WITH_TIMEOUT(answered(), before + 1, kWaitMs);
        QVERIFY(model.active());
        const std::uint64_t moved = model.active()->ticketId;
        before = answered();
        QVERIFY(actions.transfer(u"H"_qs, {}));
        QTRY_COMPARE_WITH_TIMEOUT(answered(), before + 1, kWaitMs);
        QVERIFY2(!model.active(), qPrintable(failure()));
        for (const auto& t : model.waiting())
            QVERIFY(t.ticketId != moved);
    }

    void cleanupTestCase() {
        if (m_server)
            QCOMPARE(m_server->terminate(), 0);
    }
};

QTEST_MAIN(TestClerkServer)
#include "tst_clerk_server.moc"
