// A ticket with a mobile number, end to end: the kiosk takes it, a clerk calls it, and exactly one text
// per event reaches Kannel's fake SMSC; with the gateway down for a while, the text arrives once when it
// is back.
#include "kannel/kannel_fixture.h"
#include "server_process.h"
#include "tls_test_client.h"

#include "protocol/queue_messages.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace hall;
using namespace hall::test;

class TestQueueSms : public QObject {
    Q_OBJECT

    QTemporaryDir m_kannelDir;
    std::unique_ptr<KannelFixture> m_kannel;
    ServerProcess m_server;
    DeviceFiles m_kiosk;
    DeviceFiles m_clerk;

    Result<IssueTicketOk> issue(const std::string& mobile, std::uint64_t requestId) {
        TlsTestClient kiosk;
        if (auto hello = kiosk.connectAndHello(m_server.port(), m_kiosk); !hello)
            return hello.error();
        auto reply = kiosk.request(IssueTicket{"A", "", 0, mobile, ""}, requestId);
        if (!reply)
            return reply.error();
        return reply->as<IssueTicketOk>();
    }

private Q_SLOTS:
    void initTestCase() {
        if (!KannelFixture::available())
            QSKIP("Kannel is not installed");
        QVERIFY(m_kannelDir.isValid());
        m_kannel = std::make_unique<KannelFixture>(m_kannelDir.path().toStdString());
        const Status kannel = m_kannel->start();
        QVERIFY2(kannel.ok(), kannel.ok() ? "" : kannel.error().message.c_str());

        QVERIFY2(m_server.isValid(), qPrintable(m_server.lastError()));
        const ToolRun imported = runTool(
            hallctlPath(), {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("--data-dir"),
                            m_server.dataDir(), QStringLiteral("--file"),
                            QStringLiteral(HALL_SOURCE_DIR "/resources/halls/puyang.json")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.describe()));
        auto kiosk = m_server.addDevice(QStringLiteral("kiosk"), QStringLiteral("K-1F-01"), {}, 1);
        auto clerk = m_server.addDevice(QStringLiteral("clerk-pc"), QStringLiteral("clerk-1-01"),
                                        QStringLiteral("1-01"), 1);
        QVERIFY(kiosk.ok() && clerk.ok());
        m_kiosk = *kiosk;
        m_clerk = *clerk;
        QVERIFY(m_server
                    .addAccount(QStringLiteral("zhao.lei"), QStringLiteral("赵磊"), QStringLiteral("clerk"),
                                QStringLiteral("clerk password"))
                    .ok());
        const auto& ports = m_kannel->ports();
        // The day never closes on its own here, so the test runs at any hour; retries come quickly.
        QVERIFY(m_server
                    .writeConfig(
                        QStringLiteral("queue.reset_time = 05:00\nqueue.close_time = 05:00\n"
                                       "sms.enabled = true\nsms.kannel_host = 127.0.0.1\n"
                                       "sms.kannel_port = %1\nsms.username = %2\nsms.password = %3\n"
                                       "sms.smsc = %4\nsms.retry_initial_ms = 200\nsms.retry_max_ms = 1000\n")
                            .arg(ports.sendsms)
                            .arg(QString::fromLatin1(KannelFixture::kUsername),
                                 QString::fromLatin1(KannelFixture::kPassword),
                                 QString::fromLatin1(KannelFixture::kSmscId)))
                    .ok());
        QVERIFY2(m_server.start().ok(), m_server.log().constData());
    }

    void oneTextPerEvent() {
        const auto issued = issue("138-0013-8000", 11);
        QVERIFY2(issued.ok(), issued.ok() ? "" : issued.error().message.c_str());
        QVERIFY(issued->smsEnabled);
        // A network retry of the same press: the same ticket, and no second text.
        const auto again = issue("138-0013-8000", 11);
        QVERIFY(again.ok());
        QCOMPARE(again->ticket.ticketId, issued->ticket.ticketId);

        QVERIFY2(m_kannel->waitForMessages(1, std::chrono::seconds(10)), m_kannel->diagnostics().c_str());
        auto messages = m_kannel->receivedMessages();
        QCOMPARE(messages.front().to, std::string("13800138000"));
        QVERIFY2(messages.front().text.find(issued->ticket.number) != std::string::npos,
                 messages.front().text.c_str());

        TlsTestClient clerk;
        QVERIFY(clerk.connectAndHello(m_server.port(), m_clerk).ok());
        QVERIFY(clerk.request(Login{"zhao.lei", "clerk password"}, 1)->as<LoginOk>().ok());
        QVERIFY(clerk.request(SetWindowState{WindowState::Open, ""}, 2)->as<WindowOk>().ok());
        const auto called = clerk.request(CallNext{}, 3);
        QVERIFY(called.ok());
        QCOMPARE(called->as<TicketOk>()->ticket.ticketId, issued->ticket.ticketId);

        QVERIFY2(m_kannel->waitForMessages(2, std::chrono::seconds(10)), m_kannel->diagnostics().c_str());
        messages = m_kannel->receivedMessages();
        QVERIFY(messages[1].text.find("1-01") != std::string::npos);
        // Nothing else is on its way: a third text would have to come before this marker ticket's.
        QVERIFY(issue("13900139000", 12).ok());
        QVERIFY(m_kannel->waitForMessages(3, std::chrono::seconds(10)));
        messages = m_kannel->receivedMessages();
        QCOMPARE(messages.size(), std::size_t(3));
        QCOMPARE(messages[2].to, std::string("13900139000"));
    }

    void aGatewayOutageDelaysButDoesNotLoseOrRepeat() {
        m_kannel->stop();
        const auto issued = issue("13700137000", 21);
        QVERIFY(issued.ok());
        std::this_thread::sleep_for(std::chrono::milliseconds(800)); // at least one refused attempt
        QVERIFY(m_kannel->start().ok());
        QVERIFY2(m_kannel->waitForMessages(4, std::chrono::seconds(15)), m_kannel->diagnostics().c_str());
        QVERIFY(issue("13600136000", 22).ok());
        QVERIFY(m_kannel->waitForMessages(5, std::chrono::seconds(10)));
        const auto messages = m_kannel->receivedMessages();
        QCOMPARE(messages.size(), std::size_t(5));
        QCOMPARE(messages[3].to, std::string("13700137000"));
        QCOMPARE(messages[4].to, std::string("13600136000"));
    }

    void cleanupTestCase() {
        if (m_server.isRunning())
            QCOMPARE(m_server.terminate(), 0);
        if (m_kannel)
            m_kannel->stop();
    }
};

QTEST_GUILESS_MAIN(TestQueueSms)
#include "tst_queue_sms.moc"
