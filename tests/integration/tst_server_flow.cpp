// A real hall-server over real TLS: the role matrix, idempotent retries, and resuming by sequence number.
#include "protocol/events.h"
#include "server_process.h"
#include "tls_test_client.h"

#include <QTest>

using namespace hall;
using namespace hall::test;

namespace {
const QString kSupervisorPassword = QStringLiteral("wang-fang-2026!");
const QString kClerkPassword = QStringLiteral("li-ming-2026!");
} // namespace

class TestServerFlow : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    DeviceFiles m_admin;
    DeviceFiles m_supervisorDesk;
    DeviceFiles m_clerkPc;
    DeviceFiles m_display;
    std::uint64_t m_nextId = 100;

    std::uint64_t nextId() { return m_nextId++; }

    /// A connected, greeted client with `username` logged in.
    void loginAs(TlsTestClient& client, const DeviceFiles& device, const std::string& username,
                 const QString& password) {
        const auto hello = client.connectAndHello(m_server->port(), device);
        QVERIFY2(hello.ok(), hello.ok() ? "" : hello.error().message.c_str());
        const auto reply = client.request(Login{username, password.toStdString()}, nextId());
        QVERIFY(reply.ok());
        QVERIFY2(reply->as<LoginOk>().ok(), "login refused");
    }

    std::uint64_t journalHead() {
        TlsTestClient admin;
        if (!admin.connectAndHello(m_server->port(), m_admin).ok())
            return 0;
        const auto status = admin.request(GetServerStatus{}, 1);
        return status && status->as<ServerStatus>() ? status->as<ServerStatus>()->journalHead : 0;
    }

    std::vector<Notice> notices(std::uint8_t floor) {
        TlsTestClient kiosk;
        if (!kiosk.connectAndHello(m_server->port(), m_display).ok())
            return {};
        const auto list = kiosk.request(ListNotices{floor}, 1);
        return list && list->as<NoticeList>() ? list->as<NoticeList>()->notices : std::vector<Notice>{};
    }

    PostNotice notice(std::uint8_t floor, std::string text) const {
        // Expiry far enough ahead to be in force whatever the machine's clock says.
        return PostNotice{floor, std::move(text), 4102444800000}; // 2100-01-01
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->lastError()));
        auto admin = m_server->addDevice(QStringLiteral("admin"), QStringLiteral("hallctl-admin"));
        auto desk = m_server->addDevice(QStringLiteral("clerk-pc"), QStringLiteral("supervisor-desk"),
                                        QStringLiteral("1-01"));
        auto clerk = m_server->addDevice(QStringLiteral("clerk-pc"), QStringLiteral("clerk-2-07"),
                                         QStringLiteral("2-07"));
        auto display = m_server->addDevice(QStringLiteral("display"), QStringLiteral("led-2f"), {}, 2);
        QVERIFY2(admin && desk && clerk && display, qPrintable(m_server->lastError()));
        m_admin = *admin;
        m_supervisorDesk = *desk;
        m_clerkPc = *clerk;
        m_display = *display;
        QVERIFY(m_server
                    ->addAccount(QStringLiteral("wang.fang"), QStringLiteral("王芳"),
                                 QStringLiteral("supervisor"), kSupervisorPassword)
                    .ok());
        QVERIFY(m_server
                    ->addAccount(QStringLiteral("li.ming"), QStringLiteral("李明"), QStringLiteral("clerk"),
                                 kClerkPassword)
                    .ok());
        const Status started = m_server->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
    }

    void cleanupTestCase() {
        if (!m_server)
            return;
        const int exitCode = m_server->terminate();
        if (exitCode != 0)
            qWarning("hall-server's log:\n%s", m_server->log().constData());
        QCOMPARE(exitCode, 0);
    }

    void aWrongRoleGetsATypedErrorAndNothingChanges() {
        TlsTestClient clerk;
        loginAs(clerk, m_clerkPc, "li.ming", kClerkPassword);
        TlsTestClient display;
        QVERIFY(display.connectAndHello(m_server->port(), m_display).ok());
        TlsTestClient nobody;
        QVERIFY(nobody.connectAndHello(m_server->port(), m_supervisorDesk).ok());

        const std::uint64_t before = journalHead();
        const auto noticesBefore = notices(0).size();
        QCOMPARE(display.request(notice(2, "display posting"), nextId())->errorCode(),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
        QCOMPARE(clerk.request(notice(2, "clerk posting"), nextId())->errorCode(),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
        QCOMPARE(nobody.request(notice(2, "nobody posting"), nextId())->errorCode(),
                 std::optional<ErrorCode>(ErrorCode::NotLoggedIn));
        QCOMPARE(display.request(Login{"li.ming", kClerkPassword.toStdString()}, nextId())->errorCode(),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
        QCOMPARE(display.request(Subscribe{{"audit"}, 0}, nextId())->errorCode(),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
        QCOMPARE(journalHead(), before);
        QCOMPARE(notices(0).size(), noticesBefore);

        // A wrong password: the typed error, and the session stays usable.
        TlsTestClient guess;
        QVERIFY(guess.connectAndHello(m_server->port(), m_clerkPc).ok());
        QCOMPARE(guess.request(Login{"li.ming", "not it"}, nextId())->errorCode(),
                 std::optional<ErrorCode>(ErrorCode::BadCredentials));
        QVERIFY(guess.request(Ping{3}, nextId())->as<Pong>().ok());
    }

    void aRetriedRequestIdGetsTheSameAnswer() {
        TlsTestClient supervisor;
        loginAs(supervisor, m_supervisorDesk, "wang.fang", kSupervisorPassword);
        const std::uint64_t id = 777;
        const PostNotice post = notice(1, "一楼社保窗口今日延时至18:00");
        const auto first = supervisor.request(post, id);
        QVERIFY(first.ok());
        const auto ok = first->as<PostNoticeOk>();
        QVERIFY(ok.ok());
        const auto again = supervisor.request(post, id);
        QVERIFY(again.ok());
        QCOMPARE(again->type, first->type);
        QCOMPARE(again->body, first->body);

        // After a reconnect (the reply was lost, say), the same device gets the same answer again.
        supervisor.close();
        TlsTestClient retry;
        loginAs(retry, m_supervisorDesk, "wang.fang", kSupervisorPassword);
        const auto third = retry.request(post, id);
        QVERIFY(third.ok());
        QCOMPARE(third->body, first->body);

        std::size_t copies = 0;
        for (const auto& n : notices(1))
            copies += n.text == post.text;
        QCOMPARE(copies, std::size_t(1));
    }

    void aReconnectingClientGetsExactlyWhatItMissed() {
        TlsTestClient display;
        const auto hello = display.connectAndHello(m_server->port(), m_display);
        QVERIFY(hello.ok());
        auto subscribed = display.request(Subscribe{{"floor/2", "hall"}, hello->journalHead}, 2);
        QVERIFY(subscribed.ok());
        const auto ok = subscribed->as<SubscribeOk>();
        QVERIFY(ok.ok());
        QCOMPARE(ok->replayedCount, std::uint32_t(0));
        const std::uint64_t lastSeen = ok->headSeq;
        display.close();

        // While the display is away: two for floor 2, one for the whole hall, one elsewhere.
        TlsTestClient supervisor;
        loginAs(supervisor, m_supervisorDesk, "wang.fang", kSupervisorPassword);
        std::vector<std::uint64_t> expected;
        for (const auto& [floor, text] : std::vector<std::pair<int, std::string>>{
                 {2, "二楼 A"}, {3, "三楼"}, {0, "全楼"}, {2, "二楼 B"}}) {
            const auto posted = supervisor.request(notice(std::uint8_t(floor), text), nextId());
            QVERIFY(posted.ok());
            const auto seq = posted->as<PostNoticeOk>()->seq;
            if (floor != 3)
                expected.push_back(seq);
        }

        TlsTestClient back;
        QVERIFY(back.connectAndHello(m_server->port(), m_display).ok());
        subscribed = back.request(Subscribe{{"floor/2", "hall"}, lastSeen}, 2);
        QVERIFY(subscribed.ok());
        QCOMPARE(subscribed->as<SubscribeOk>()->replayedCount, std::uint32_t(3));
        std::vector<std::uint64_t> replayed;
        for (const auto& event : back.takeEvents()) {
            replayed.push_back(event.seq);
            QCOMPARE(event.kind, std::uint16_t(EventKind::NoticePosted));
        }
        QCOMPARE(replayed, expected);

        // And from here on, live.
        const auto live = supervisor.request(notice(2, "二楼 C"), nextId());
        const auto frame = back.readFrame();
        QVERIFY(frame.ok());
        const auto event = frame->as<Event>();
        QVERIFY(event.ok());
        QCOMPARE(event->seq, live->as<PostNoticeOk>()->seq);
        QCOMPARE(NoticePosted::decode(event->body)->text, std::string("二楼 C"));
    }

    void loggingOutEndsPersonalSubscriptions() {
        TlsTestClient supervisor;
        loginAs(supervisor, m_supervisorDesk, "wang.fang", kSupervisorPassword);
        QVERIFY(supervisor.request(Subscribe{{"audit"}, journalHead()}, nextId())->as<SubscribeOk>().ok());
        QVERIFY(supervisor.request(Logout{}, nextId())->as<LogoutOk>().ok());
        // The admin device watches the audit topic too, to know when the event below is out.
        TlsTestClient watcher;
        QVERIFY(watcher.connectAndHello(m_server->port(), m_admin).ok());
        QVERIFY(watcher.request(Subscribe{{"audit"}, journalHead()}, 2)->as<SubscribeOk>().ok());

        // Someone logs in elsewhere: an audit event the logged-out desk must not see.
        TlsTestClient clerk;
        loginAs(clerk, m_clerkPc, "li.ming", kClerkPassword);
        const auto seen = watcher.readFrame();
        QVERIFY(seen.ok());
        QCOMPARE(seen->as<Event>()->kind, std::uint16_t(EventKind::LoginRecorded));
        QVERIFY(supervisor.request(Ping{1}, nextId())->as<Pong>().ok());
        QVERIFY(supervisor.takeEvents().empty());
        QCOMPARE(supervisor.request(Subscribe{{"audit"}, 0}, nextId())->errorCode(),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
    }
};

QTEST_GUILESS_MAIN(TestServerFlow)
#include "tst_server_flow.moc"
