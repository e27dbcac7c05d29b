// Kannel's answers, the retry policy and the delivery-report parser: pure rules, no network.

#include "sms/delivery_report.h"
#include "sms/retry_policy.h"
#include "sms/send_result.h"

#include <QTest>

#include <map>

using namespace hall;
using namespace hall::sms;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(hall::sms::SendOutcome)

namespace {

SendResult temporary(std::string text = "connection refused by 127.0.0.1:13013") {
    return SendResult{SendOutcome::TemporaryFailure, 0, std::move(text), false};
}

// What smsbox would call back: the query the builder asked for, with Kannel's placeholders filled in.
std::string kannelCallback(std::string_view id, const std::map<std::string, std::string>& values) {
    std::string query = deliveryReportQuery(id);
    for (const auto& [placeholder, value] : values) {
        const std::size_t at = query.find(placeholder);
        if (at != std::string::npos) {
            query.replace(at, placeholder.size(), value);
        }
    }
    return "/sms/dlr?hall=2&" + query;
}

} // namespace

class TestSmsPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kannelAnswers_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<SendOutcome>("outcome");
        QTest::addColumn<QByteArray>("text");
        // The answers smsbox 1.4.5 gives, as seen on the wire or in its source.
        QTest::newRow("accepted") << 202 << QByteArray("0: Accepted for delivery") << SendOutcome::Accepted
                                  << QByteArray("0: Accepted for delivery");
        QTest::newRow("queued") << 202 << QByteArray("3: Queued for later delivery") << SendOutcome::Queued
                                << QByteArray("3: Queued for later delivery");
        QTest::newRow("immediate reply") << 202 << QByteArray("Sent. Message splits: 2")
                                         << SendOutcome::Accepted << QByteArray("Sent. Message splits: 2");
        QTest::newRow("denied receiver")
            << 202 << QByteArray("Sent. Denied receivers are: 13800138000") << SendOutcome::PermanentFailure
            << QByteArray("Sent. Denied receivers are: 13800138000");
        QTest::newRow("auth") << 403 << QByteArray("Authorization failed for sendsms")
                              << SendOutcome::PermanentFailure
                              << QByteArray("Authorization failed for sendsms");
        QTest::newRow("not routable")
            << 403 << QByteArray("Not routable. Do not try again.") << SendOutcome::PermanentFailure
            << QByteArray("Not routable. Do not try again.");
        QTest::newRow("missing to") << 400 << QByteArray("Missing receiver number, rejected")
                                    << SendOutcome::PermanentFailure
                                    << QByteArray("Missing receiver number, rejected");
        QTest::newRow("temporal") << 503 << QByteArray("Temporal failure, try again later.")
                                  << SendOutcome::TemporaryFailure
                                  << QByteArray("Temporal failure, try again later.");
        QTest::newRow("sending failed") << 500 << QByteArray("Sending failed.")
                                        << SendOutcome::TemporaryFailure << QByteArray("Sending failed.");
        QTest::newRow("too many") << 429 << QByteArray() << SendOutcome::TemporaryFailure << QByteArray();
        QTest::newRow("request timeout")
            << 408 << QByteArray() << SendOutcome::TemporaryFailure << QByteArray();
        QTest::newRow("wrong path") << 404 << QByteArray("Not found") << SendOutcome::PermanentFailure
                                    << QByteArray("Not found");
        QTest::newRow("redirect") << 302 << QByteArray() << SendOutcome::PermanentFailure << QByteArray();
        // A 200 page from some other web server must not mark messages sent.
        QTest::newRow("foreign 200") << 200 << QByteArray("<html>It works!</html>")
                                     << SendOutcome::PermanentFailure << QByteArray("<html>It works!</html>");
        QTest::newRow("white space trimmed")
            << 202 << QByteArray("\r\n 0: Accepted for delivery\r\n") << SendOutcome::Accepted
            << QByteArray("0: Accepted for delivery");
    }
    void kannelAnswers() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(SendOutcome, outcome);
        QFETCH(QByteArray, text);
        const SendResult result = interpretAnswer(static_cast<unsigned>(status), body.toStdString());
        QCOMPARE(result.outcome, outcome);
        QCOMPARE(result.httpStatus, static_cast<unsigned>(status));
        QCOMPARE(result.gatewayText, text.toStdString());
        QVERIFY(result.requestWritten);
        QCOMPARE(result.taken(), outcome == SendOutcome::Accepted || outcome == SendOutcome::Queued);
        QCOMPARE(result.retryable(), outcome == SendOutcome::TemporaryFailure);
    }

    void longForeignBodyIsClipped() {
        const std::string page = "<html>" + std::string(1000, 'x') + "</html>";
        const SendResult result = interpretAnswer(200, page);
        QCOMPARE(result.gatewayText.size(), std::size_t(303));
        QVERIFY(result.gatewayText.ends_with("..."));
        // Never cut inside a UTF-8 character.
        std::string chinese;
        for (int i = 0; i < 200; ++i) {
            chinese += "错";
        }
        const SendResult clipped = interpretAnswer(500, chinese);
        QCOMPARE(clipped.gatewayText, chinese.substr(0, 300) + "...");
    }

    void outcomeNames() {
        QCOMPARE(sendOutcomeName(SendOutcome::Accepted), std::string_view("accepted"));
        QCOMPARE(sendOutcomeName(SendOutcome::Queued), std::string_view("queued"));
        QCOMPARE(sendOutcomeName(SendOutcome::PermanentFailure), std::string_view("permanent-failure"));
        QCOMPARE(sendOutcomeName(SendOutcome::TemporaryFailure), std::string_view("temporary-failure"));
    }

    void backOffGrowsToTheCap() {
        RetryPolicy policy;
        policy.initialDelay = 1s;
        policy.maxDelay = 10s;
        policy.multiplier = 2.0;
        policy.jitter = 0.0;
        QVERIFY(policy.validate().ok());
        const std::vector<std::chrono::milliseconds> expected{1s, 2s, 4s, 8s, 10s, 10s};
        for (int attempts = 1; attempts <= 6; ++attempts) {
            QCOMPARE(policy.delayAfter(attempts, 0.7), expected[static_cast<std::size_t>(attempts - 1)]);
        }
        // Far beyond any realistic attempt count the cap holds and nothing overflows.
        QCOMPARE(policy.delayAfter(1000, 0.0), 10000ms);
    }

    void jitterTakesAShareAway() {
        RetryPolicy policy;
        policy.initialDelay = 1000ms;
        policy.maxDelay = 60s;
        policy.jitter = 0.5;
        QCOMPARE(policy.delayAfter(1, 0.0), 1000ms);
        QCOMPARE(policy.delayAfter(1, 0.5), 750ms);
        QCOMPARE(policy.delayAfter(3, 0.5), 3000ms);
        QCOMPARE(policy.delayAfter(1, 0.999999), 500ms);
        // Whatever the random number, the delay stays in [d/2, d].
        for (double u = 0.0; u < 1.0; u += 0.01) {
            const auto delay = policy.delayAfter(2, u);
            QVERIFY(delay >= 1000ms && delay <= 2000ms);
        }
    }

    void decisions() {
        RetryPolicy policy;
        policy.initialDelay = 5s;
        policy.jitter = 0.0;
        policy.maxAttempts = 3;
        const SendResult accepted{SendOutcome::Accepted, 202, "0: Accepted for delivery", true};
        const SendResult queued{SendOutcome::Queued, 202, "3: Queued for later delivery", true};
        const SendResult refused{SendOutcome::PermanentFailure, 403, "Authorization failed for sendsms",
                                 true};

        QCOMPARE(policy.decide(1, accepted, 0.3).action, RetryDecision::Action::Done);
        QCOMPARE(policy.decide(3, queued, 0.3).action, RetryDecision::Action::Done);
        const RetryDecision gaveUpAtOnce = policy.decide(1, refused, 0.3);
        QCOMPARE(gaveUpAtOnce.action, RetryDecision::Action::GiveUp);
        QCOMPARE(gaveUpAtOnce.last, refused);

        const RetryDecision first = policy.decide(1, temporary(), 0.3);
        QCOMPARE(first.action, RetryDecision::Action::RetryLater);
        QCOMPARE(first.delay, 5000ms);
        QCOMPARE(policy.decide(2, temporary(), 0.3).delay, 10000ms);
        // The last allowed attempt failed too: give up, keeping that answer.
        const RetryDecision last =
            policy.decide(3, temporary("no answer from 127.0.0.1:13013 within 10000 ms"), 0.3);
        QCOMPARE(last.action, RetryDecision::Action::GiveUp);
        QCOMPARE(last.last.gatewayText, std::string("no answer from 127.0.0.1:13013 within 10000 ms"));
    }

    void policyValidation() {
        const auto reason = [](RetryPolicy policy) {
            const Status status = policy.validate();
            return status.ok() ? std::string("valid") : status.error().message;
        };
        RetryPolicy p;
        QCOMPARE(reason(p), std::string("valid"));
        p.initialDelay = 0ms;
        QCOMPARE(reason(p), std::string("retry_initial_ms must be positive"));
        p = RetryPolicy{};
        p.multiplier = 0.5;
        QCOMPARE(reason(p), std::string("retry_multiplier must lie between 1 and 100"));
        p = RetryPolicy{};
        p.jitter = -0.1;
        QCOMPARE(reason(p), std::string("retry_jitter must lie between 0 and 1"));
        p = RetryPolicy{};
        p.maxAttempts = 0;
        QCOMPARE(reason(p), std::string("retry_max_attempts must lie between 1 and 1000"));
    }

    void deliveryReportsAsKannelSendsThem() {
        // The two callbacks smsbox made with dlr-mask 31 in the Kannel check (our parameter names).
        const Result<DeliveryReport> smsc = parseDeliveryReport(kannelCallback(
            "t42-called", {{"%d", "8"}, {"%A", "ACK%2F"}, {"%T", "1796314723"}, {"%i", "FAKE"}}));
        QVERIFY2(smsc.ok(), smsc.ok() ? "" : smsc.error().message.c_str());
        QCOMPARE(smsc->messageId, std::string("t42-called"));
        QCOMPARE(smsc->state, DeliveryState::SmscAccepted);
        QVERIFY(!isFinal(smsc->state));
        QCOMPARE(smsc->smscAnswer, std::string("ACK/"));
        QCOMPARE(smsc->timestamp, std::optional<std::int64_t>(1796314723));
        QCOMPARE(smsc->smscId, std::string("FAKE"));

        const Result<DeliveryReport> phone = parseDeliveryReport(
            kannelCallback("t42-called", {{"%d", "1"}, {"%A", ""}, {"%T", "1796314723"}, {"%i", "FAKE"}}));
        QVERIFY(phone.ok());
        QCOMPARE(phone->state, DeliveryState::Delivered);
        QVERIFY(isFinal(phone->state));
        QCOMPARE(phone->smscAnswer, std::string());
    }

    void deliveryReportStates() {
        const std::map<int, std::pair<DeliveryState, bool>> states{{1, {DeliveryState::Delivered, true}},
                                                                   {2, {DeliveryState::Undeliverable, true}},
                                                                   {4, {DeliveryState::Buffered, false}},
                                                                   {8, {DeliveryState::SmscAccepted, false}},
                                                                   {16, {DeliveryState::SmscRejected, true}}};
        for (const auto& [code, expected] : states) {
            const Result<DeliveryReport> report = parseDeliveryReport(
                "sms_id=x&status=" + std::to_string(code) + "&answer=id%3A1+stat%3AUNDELIV");
            QVERIFY(report.ok());
            QCOMPARE(report->state, expected.first);
            QCOMPARE(isFinal(report->state), expected.second);
            QCOMPARE(report->smscAnswer, std::string("id:1 stat:UNDELIV"));
            QCOMPARE(report->timestamp, std::optional<std::int64_t>());
        }
        QCOMPARE(deliveryStateName(DeliveryState::SmscRejected), std::string_view("smsc-rejected"));
    }

    void malformedDeliveryReports_data() {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("no id") << QByteArray("/dlr?status=1") << QByteArray("sms_id is missing");
        QTest::newRow("bad id") << QByteArray("/dlr?sms_id=a%2Fb&status=1")
                                << QByteArray("sms_id: message id may hold only A-Z a-z 0-9 . _ -");
        QTest::newRow("no status") << QByteArray("/dlr?sms_id=a") << QByteArray("status is missing");
        QTest::newRow("placeholder left")
            << QByteArray("/dlr?sms_id=a&status=%d") << QByteArray("status has a broken percent escape");
        QTest::newRow("status text") << QByteArray("/dlr?sms_id=a&status=ok")
                                     << QByteArray("status 'ok' is not a number");
        QTest::newRow("status value")
            << QByteArray("/dlr?sms_id=a&status=3") << QByteArray("status 3 is not one of 1, 2, 4, 8, 16");
        QTest::newRow("twice") << QByteArray("/dlr?sms_id=a&status=1&sms_id=b")
                               << QByteArray("sms_id appears twice");
        QTest::newRow("ts") << QByteArray("/dlr?sms_id=a&status=1&ts=yesterday")
                            << QByteArray("ts 'yesterday' is not a number");
        QTest::newRow("escape") << QByteArray("/dlr?sms_id=a&status=1&answer=%4")
                                << QByteArray("answer has a broken percent escape");
    }
    void malformedDeliveryReports() {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, error);
        const Result<DeliveryReport> report = parseDeliveryReport(target.toStdString());
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QByteArray::fromStdString(report.error().message), error);
    }
};

QTEST_APPLESS_MAIN(TestSmsPolicy)
#include "test_sms_policy.moc"
