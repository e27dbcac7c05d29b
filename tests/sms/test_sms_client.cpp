// KannelClient against in-process HTTP servers that answer as Kannel does, say nothing, or hang up.

#include "scripted_http_server.h"

#include "sms/kannel_client.h"
#include "sms/sendsms_request.h"

#include <QTest>

using namespace hall;
using namespace hall::sms;
using namespace hall::test;
using namespace std::chrono_literals;
using Behaviour = ScriptedHttpServer::Behaviour;

namespace {

KannelConfig configFor(std::uint16_t port) {
    KannelConfig config;
    config.host = "127.0.0.1";
    config.port = port;
    config.username = "hall";
    config.password = "secret";
    config.connectTimeout = 2s;
    config.responseTimeout = 2s;
    return config;
}

const SmsMessage kMessage{"t42-called", "13800138000", "请 A023 号 到 2-07 号窗口办理"};

} // namespace

class TestSmsClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sendsTheBuiltRequest() {
        asio::io_context io;
        ScriptedHttpServer gateway(io, Behaviour::Answer, 202, "0: Accepted for delivery");
        const KannelClient client(configFor(gateway.port()));
        const auto result = runUntilDone(io, client.send(kMessage));
        QVERIFY(result && result->ok());
        const SendResult& answer = result->value();
        QCOMPARE(answer.outcome, SendOutcome::Accepted);
        QCOMPARE(answer.httpStatus, 202u);
        QCOMPARE(answer.gatewayText, std::string("0: Accepted for delivery"));
        QVERIFY(answer.requestWritten);
        QCOMPARE(gateway.requests().size(), std::size_t(1));
        QCOMPARE(gateway.requests()[0].target, makeSendSmsRequest(client.config(), kMessage).value().target);
        QCOMPARE(gateway.requests()[0].host, "127.0.0.1:" + std::to_string(gateway.port()));
    }

    void kannelRefusalsKeepTheirText() {
        asio::io_context io;
        ScriptedHttpServer forbidden(io, Behaviour::Answer, 403, "Authorization failed for sendsms");
        ScriptedHttpServer busy(io, Behaviour::Answer, 503, "Temporal failure, try again later.");
        const KannelClient toForbidden(configFor(forbidden.port()));
        const KannelClient toBusy(configFor(busy.port()));

        const auto refused = runUntilDone(io, toForbidden.send(kMessage));
        QVERIFY(refused && refused->ok());
        QCOMPARE(refused->value(),
                 (SendResult{SendOutcome::PermanentFailure, 403, "Authorization failed for sendsms", true}));

        const auto later = runUntilDone(io, toBusy.send(kMessage));
        QVERIFY(later && later->ok());
        QCOMPARE(later->value(), (SendResult{SendOutcome::TemporaryFailure, 503,
                                             "Temporal failure, try again later.", true}));
    }

    void silentGatewayTimesOut() {
        asio::io_context io;
        ScriptedHttpServer gateway(io, Behaviour::Silent);
        KannelConfig config = configFor(gateway.port());
        config.responseTimeout = 200ms;
        const KannelClient client(config);
        const auto result = runUntilDone(io, client.send(kMessage));
        QVERIFY(result && result->ok());
        const SendResult& answer = result->value();
        QCOMPARE(answer.outcome, SendOutcome::TemporaryFailure);
        QCOMPARE(answer.httpStatus, 0u);
        QCOMPARE(answer.gatewayText,
                 "no answer from 127.0.0.1:" + std::to_string(gateway.port()) + " within 200 ms");
        // The request did arrive: Kannel might have taken it, so a retry may duplicate.
        QVERIFY(answer.requestWritten);
        QCOMPARE(gateway.requests().size(), std::size_t(1));
    }

    void hangUpWithoutAnswer() {
        asio::io_context io;
        ScriptedHttpServer gateway(io, Behaviour::CloseWithoutAnswer);
        const KannelClient client(configFor(gateway.port()));
        const auto result = runUntilDone(io, client.send(kMessage));
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().outcome, SendOutcome::TemporaryFailure);
        QVERIFY(result->value().requestWritten);
        QVERIFY(result->value().gatewayText.starts_with("no answer from 127.0.0.1:"));
    }

    void connectionRefused() {
        asio::io_context io;
        const std::uint16_t port = closedPort();
        const KannelClient client(configFor(port));
        const auto result = runUntilDone(io, client.send(kMessage));
        QVERIFY(result && result->ok());
        QCOMPARE(result->value(),
                 (SendResult{SendOutcome::TemporaryFailure, 0,
                             "connection refused by 127.0.0.1:" + std::to_string(port), false}));
    }

    void malformedNumberNeverReachesTheGateway() {
        asio::io_context io;
        ScriptedHttpServer gateway(io, Behaviour::Answer, 202, "0: Accepted for delivery");
        const KannelClient client(configFor(gateway.port()));
        SmsMessage message = kMessage;
        message.to = "1380013800";
        const auto result = runUntilDone(io, client.send(message));
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error(), (Error{ErrorCode::InvalidArgument, "to: has 10 digits, not 11"}));
        // A valid send afterwards is the only request the gateway ever sees.
        SmsMessage valid = kMessage;
        valid.id = "t43-called";
        const auto sent = runUntilDone(io, client.send(valid));
        QVERIFY(sent && sent->ok());
        QCOMPARE(gateway.connections(), 1);
        QCOMPARE(gateway.requests().size(), std::size_t(1));
        QCOMPARE(gateway.requests()[0].target, makeSendSmsRequest(client.config(), valid).value().target);
    }

    void sendsRunConcurrently() {
        asio::io_context io;
        ScriptedHttpServer gateway(io, Behaviour::Answer, 202, "0: Accepted for delivery");
        const KannelClient client(configFor(gateway.port()));
        std::vector<std::future<std::optional<Result<SendResult>>>> pending;
        for (int i = 0; i < 5; ++i) {
            SmsMessage message = kMessage;
            message.id = "t" + std::to_string(i);
            pending.push_back(spawnFuture(io, client.send(message)));
        }
        QVERIFY(runUntil(io, [&] {
            return std::all_of(pending.begin(), pending.end(),
                               [](auto& f) { return f.wait_for(0s) == std::future_status::ready; });
        }));
        for (auto& future : pending) {
            QCOMPARE(future.get()->value().outcome, SendOutcome::Accepted);
        }
        QCOMPARE(gateway.connections(), 5);
    }
};

QTEST_APPLESS_MAIN(TestSmsClient)
#include "test_sms_client.moc"
