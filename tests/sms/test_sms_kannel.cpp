// KannelClient against a real Kannel (bearerbox + smsbox) and Kannel's fake SMSC. Label "kannel".

#include "kannel/kannel_fixture.h"
#include "scripted_http_server.h"

#include "sms/delivery_report.h"
#include "sms/kannel_client.h"
#include "sms/retry_policy.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <memory>

using namespace hall;
using namespace hall::sms;
using namespace hall::test;
using namespace std::chrono_literals;

namespace {

const std::string kCallText = "请 A023 号 到 2-07 号窗口办理";
constexpr auto kArrival = 3s;

KannelConfig configFor(const KannelFixture& kannel) {
    KannelConfig config;
    config.host = "127.0.0.1";
    config.port = kannel.ports().sendsms;
    config.username = KannelFixture::kUsername;
    config.password = KannelFixture::kPassword;
    config.smscId = KannelFixture::kSmscId;
    config.connectTimeout = 2s;
    config.responseTimeout = 5s;
    return config;
}

std::size_t countWithText(const std::vector<FakeSmscMessage>& messages, const std::string& text) {
    return static_cast<std::size_t>(std::count_if(messages.begin(), messages.end(),
                                                  [&](const FakeSmscMessage& m) { return m.text == text; }));
}

} // namespace

class TestSmsKannel : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<KannelFixture> m_kannel;

    // Sends a marker after the message under test and waits for it: the fake SMSC gets messages over one
    // connection in order, so a duplicate of the first would have arrived before the marker. That makes
    // "exactly once" checkable without waiting an arbitrary time.
    bool sendMarkerAndWait(asio::io_context& io, const KannelClient& client, std::size_t expectedTotal) {
        const auto marker = runUntilDone(io, client.send({"marker", "13900139000", "marker"}));
        return marker && marker->ok() && marker->value().outcome == SendOutcome::Accepted &&
               m_kannel->waitForMessages(expectedTotal, kArrival);
    }

private Q_SLOTS:
    void initTestCase() {
        if (!KannelFixture::available()) {
            QSKIP("Kannel (bearerbox, smsbox, fakesmsc) is not installed");
        }
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_kannel = std::make_unique<KannelFixture>(m_dir->path().toStdString());
        const Status started = m_kannel->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());
    }

    void cleanup() {
        if (QTest::currentTestFailed() && m_kannel) {
            qWarning("%s", m_kannel->diagnostics().c_str());
        }
        m_kannel.reset();
        m_dir.reset();
    }

    void chineseTextArrivesOnceWithDeliveryReport() {
        asio::io_context io;
        ScriptedHttpServer dlrReceiver(io, ScriptedHttpServer::Behaviour::Answer, 200, "ok");
        KannelConfig config = configFor(*m_kannel);
        config.dlrUrl = "http://127.0.0.1:" + std::to_string(dlrReceiver.port()) + "/sms/dlr?hall=2";
        config.dlrMask = 1;
        const KannelClient client(config);

        const auto result = runUntilDone(io, client.send({"t42-called", "+86 138 0013 8000", kCallText}));
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().outcome, SendOutcome::Accepted);
        QCOMPARE(result->value().httpStatus, 202u);
        QCOMPARE(result->value().gatewayText, std::string("0: Accepted for delivery"));

        QVERIFY(m_kannel->waitForMessages(1, kArrival));
        const FakeSmscMessage received = m_kannel->receivedMessages().front();
        QCOMPARE(received.kind, std::string("ucs-2"));
        QCOMPARE(received.to, std::string("13800138000"));
        QCOMPARE(received.from, std::string(KannelFixture::kSender));
        QCOMPARE(received.text, kCallText);

        // smsbox calls the dlr url back; the parser finds our id in it.
        QVERIFY(runUntil(
            io, [&] { return !dlrReceiver.requests().empty(); }, kArrival));
        const Result<DeliveryReport> report = parseDeliveryReport(dlrReceiver.requests().front().target);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QCOMPARE(report->messageId, std::string("t42-called"));
        QCOMPARE(report->state, DeliveryState::Delivered);
        QCOMPARE(report->smscId, std::string(KannelFixture::kSmscId));
        QVERIFY(report->timestamp.has_value());

        QVERIFY(sendMarkerAndWait(io, client, 2));
        const auto all = m_kannel->receivedMessages();
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(countWithText(all, kCallText), std::size_t(1));
    }

    void wrongPasswordIsPermanent() {
        asio::io_context io;
        KannelConfig config = configFor(*m_kannel);
        config.password = "not-the-password";
        const KannelClient wrong(config);
        const auto result = runUntilDone(io, wrong.send({"t1-issued", "13800138000", kCallText}));
        QVERIFY(result && result->ok());
        QCOMPARE(result->value(),
                 (SendResult{SendOutcome::PermanentFailure, 403, "Authorization failed for sendsms", true}));
        RetryPolicy policy;
        QCOMPARE(policy.decide(1, result->value(), 0.5).action, RetryDecision::Action::GiveUp);

        const KannelClient right(configFor(*m_kannel));
        QVERIFY(sendMarkerAndWait(io, right, 1));
        QCOMPARE(countWithText(m_kannel->receivedMessages(), kCallText), std::size_t(0));
    }

    void stoppedGatewayThenRetryArrivesOnce() {
        m_kannel->stop(KannelFixture::StopMode::Fast);
        asio::io_context io;
        const KannelClient client(configFor(*m_kannel));
        const SmsMessage message{"t7-called", "13800138000", kCallText};

        const auto first = runUntilDone(io, client.send(message));
        QVERIFY(first && first->ok());
        QCOMPARE(first->value().outcome, SendOutcome::TemporaryFailure);
        QCOMPARE(first->value().httpStatus, 0u);
        QVERIFY(!first->value().requestWritten);
        QCOMPARE(first->value().gatewayText,
                 "connection refused by 127.0.0.1:" + std::to_string(m_kannel->ports().sendsms));

        RetryPolicy policy;
        policy.jitter = 0.0;
        const RetryDecision decision = policy.decide(1, first->value(), 0.0);
        QCOMPARE(decision.action, RetryDecision::Action::RetryLater);
        QCOMPARE(decision.delay, policy.initialDelay);

        // Kannel comes back on the same ports; the outbox worker's retry goes through once.
        const Status restarted = m_kannel->start();
        QVERIFY2(restarted.ok(), restarted.ok() ? "" : restarted.error().message.c_str());
        const auto second = runUntilDone(io, client.send(message));
        QVERIFY(second && second->ok());
        QCOMPARE(second->value().outcome, SendOutcome::Accepted);
        QCOMPARE(policy.decide(2, second->value(), 0.0).action, RetryDecision::Action::Done);

        QVERIFY(m_kannel->waitForMessages(1, kArrival));
        QVERIFY(sendMarkerAndWait(io, client, 2));
        const auto all = m_kannel->receivedMessages();
        QCOMPARE(countWithText(all, kCallText), std::size_t(1));
        QCOMPARE(all.front().text, kCallText);
    }

    void queuedWhileSmscDownThenDelivered() {
        const Status down = m_kannel->killFakeSmsc();
        QVERIFY2(down.ok(), down.ok() ? "" : down.error().message.c_str());
        asio::io_context io;
        const KannelClient client(configFor(*m_kannel));
        const auto result = runUntilDone(io, client.send({"t9-called", "13800138000", kCallText}));
        QVERIFY(result && result->ok());
        QCOMPARE(result->value(),
                 (SendResult{SendOutcome::Queued, 202, "3: Queued for later delivery", true}));
        // Kannel holds it: the outbox is done with the row.
        QCOMPARE(RetryPolicy{}.decide(1, result->value(), 0.0).action, RetryDecision::Action::Done);
        QVERIFY(m_kannel->receivedMessages().empty());

        const Status up = m_kannel->restartFakeSmsc();
        QVERIFY2(up.ok(), up.ok() ? "" : up.error().message.c_str());
        QVERIFY(m_kannel->waitForMessages(1, kArrival));
        QVERIFY(sendMarkerAndWait(io, client, 2));
        const auto all = m_kannel->receivedMessages();
        QCOMPARE(countWithText(all, kCallText), std::size_t(1));
        QCOMPARE(all.front().text, kCallText);
    }

    void stopLeavesNoProcess() {
        const pid_t group = m_kannel->processGroup();
        QVERIFY(group > 0);
        QCOMPARE(::kill(-group, 0), 0);
        m_kannel->stop(KannelFixture::StopMode::Graceful);
        QVERIFY(!m_kannel->running());
        errno = 0;
        QCOMPARE(::kill(-group, 0), -1);
        QCOMPARE(errno, ESRCH);
    }
};

QTEST_GUILESS_MAIN(TestSmsKannel)
#include "test_sms_kannel.moc"
