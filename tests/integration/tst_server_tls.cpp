// A real hall-server over real TLS: who is admitted, who is refused, and how bad frames are handled.
#include "server_process.h"
#include "tls_test_client.h"

#include <QTest>

using namespace hall;
using namespace hall::test;

namespace {

/// Makes a key and certificate with the openssl command-line tool; `signer` empty means self-signed CA.
bool makeCertificate(const QString& dir, const QString& name, const QString& subject,
                     const QString& caCert = {}, const QString& caKey = {}) {
    const QString key = QString(dir + u'/' + name + QStringLiteral(".key"));
    const QString cert = QString(dir + u'/' + name + QStringLiteral(".pem"));
    const QString openssl = QStringLiteral("openssl");
    if (caCert.isEmpty()) {
        return runTool(openssl,
                       {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), subject,
                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign"),
                        QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert})
                   .exitCode == 0;
    }
    const QString csr = QString(dir + u'/' + name + QStringLiteral(".csr"));
    if (runTool(openssl, {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                          QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                          QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                          QStringLiteral("-subj"), subject, QStringLiteral("-keyout"), key,
                          QStringLiteral("-out"), csr})
            .exitCode != 0)
        return false;
    return runTool(openssl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                             QStringLiteral("-CA"), caCert, QStringLiteral("-CAkey"), caKey,
                             QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                             QStringLiteral("-out"), cert})
               .exitCode == 0;
}

DeviceFiles filesIn(const QString& dir, const QString& name, const std::string& ca) {
    return DeviceFiles{QString(dir + u'/' + name + QStringLiteral(".pem")).toStdString(),
                       QString(dir + u'/' + name + QStringLiteral(".key")).toStdString(), ca};
}

} // namespace

class TestServerTls : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_scratch;
    DeviceFiles m_kiosk;
    DeviceFiles m_display;
    DeviceFiles m_revoked;

    /// The connection must not get as far as a served request: refused in the handshake, or (TLS 1.3,
    /// where the client finishes first) by an alert on the first read.
    void expectRefusedInHandshake(const DeviceFiles& files) {
        TlsTestClient client;
        const Status connected = client.connect(m_server->port(), files);
        if (!connected)
            return;
        (void)client.send(Hello{kProtocolVersion, "intruder", "1"}, 1);
        const auto frame = client.readFrame();
        QVERIFY2(!frame, "a refused client got a frame");
        QCOMPARE(frame.error().code, ErrorCode::Disconnected);
    }

    void expectForbiddenAfterHandshake(const DeviceFiles& files) {
        TlsTestClient client;
        const Status connected = client.connect(m_server->port(), files);
        QVERIFY2(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());
        const auto frame = client.readFrame();
        QVERIFY(frame.ok());
        QCOMPARE(frame->errorCode(), std::optional<ErrorCode>(ErrorCode::Forbidden));
        QVERIFY(client.waitForClose());
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->lastError()));
        auto kiosk = m_server->addDevice(QStringLiteral("kiosk"), QStringLiteral("K-1F-01"), {}, 1);
        auto display = m_server->addDevice(QStringLiteral("display"), QStringLiteral("led-2f"), {}, 2);
        auto revoked = m_server->addDevice(QStringLiteral("kiosk"), QStringLiteral("K-OLD"), {}, 1);
        QVERIFY2(kiosk && display && revoked, qPrintable(m_server->lastError()));
        m_kiosk = *kiosk;
        m_display = *display;
        m_revoked = *revoked;
        const ToolRun revoke = runTool(hallctlPath(), {QStringLiteral("device"), QStringLiteral("revoke"),
                                                       QStringLiteral("--data-dir"), m_server->dataDir(),
                                                       QStringLiteral("--name"), QStringLiteral("K-OLD")});
        QVERIFY2(revoke.exitCode == 0, qPrintable(revoke.describe()));

        // A rogue CA with a device of its own, and a certificate the hall CA signed but nobody registered.
        const QString scratch = m_scratch.path();
        QVERIFY(makeCertificate(scratch, QStringLiteral("rogue-ca"), QStringLiteral("/CN=Rogue CA")));
        QVERIFY(makeCertificate(scratch, QStringLiteral("rogue-device"), QStringLiteral("/CN=K-1F-01"),
                                scratch + QStringLiteral("/rogue-ca.pem"),
                                scratch + QStringLiteral("/rogue-ca.key")));
        const QString pki = m_server->dataDir() + QStringLiteral("/pki");
        QVERIFY(makeCertificate(scratch, QStringLiteral("unregistered"), QStringLiteral("/CN=K-1F-99"),
                                pki + QStringLiteral("/ca.pem"), pki + QStringLiteral("/ca.key")));

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

    void aRegisteredDeviceIsServed() {
        TlsTestClient client;
        const auto hello = client.connectAndHello(m_server->port(), m_kiosk);
        QVERIFY2(hello.ok(), hello.ok() ? "" : hello.error().message.c_str());
        QCOMPARE(hello->device.name, std::string("K-1F-01"));
        QCOMPARE(hello->device.role, DeviceRole::Kiosk);
        QCOMPARE(hello->device.floor, std::uint8_t(1));
        QCOMPARE(hello->hallName, std::string("测试大厅"));
        QCOMPARE(hello->protocolVersion, kProtocolVersion);
        QVERIFY(hello->serverTimeMs > 0);

        const auto pong = client.request(Ping{4242}, 2);
        QVERIFY(pong.ok());
        QCOMPARE(pong->as<Pong>()->nonce, std::uint64_t(4242));
        const auto notices = client.request(ListNotices{1}, 3);
        QVERIFY(notices.ok());
        QVERIFY(notices->as<NoticeList>().ok());
        // A kiosk may not ask for the server's status.
        QCOMPARE(client.request(GetServerStatus{}, 4)->errorCode(),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
    }

    void noClientCertificateIsRefused() { expectRefusedInHandshake(DeviceFiles{{}, {}, m_kiosk.ca}); }

    void aCertificateFromAnotherCaIsRefused() {
        expectRefusedInHandshake(filesIn(m_scratch.path(), QStringLiteral("rogue-device"), m_kiosk.ca));
    }

    void plaintextIsRefused() {
        TlsTestClient client;
        QVERIFY(client.connectPlain(m_server->port()).ok());
        QVERIFY(client.sendRaw(encodeMessage(Hello{kProtocolVersion, "plain", "1"}, 1)).ok());
        bool closed = false;
        const std::string bytes = client.plainBytesUntilClose(&closed);
        QVERIFY(closed);
        // At most a TLS alert came back, never a frame of ours.
        QVERIFY(decodeFrame(bytes).status != DecodeStatus::Complete);
    }

    void anUnregisteredCertificateIsForbidden() {
        expectForbiddenAfterHandshake(filesIn(m_scratch.path(), QStringLiteral("unregistered"), m_kiosk.ca));
    }

    void aRevokedDeviceIsForbidden() { expectForbiddenAfterHandshake(m_revoked); }

    void helloMustComeFirst() {
        TlsTestClient client;
        QVERIFY(client.connect(m_server->port(), m_kiosk).ok());
        QVERIFY(client.send(Ping{1}, 9).ok());
        const auto frame = client.readFrame();
        QVERIFY(frame.ok());
        QCOMPARE(frame->errorCode(), std::optional<ErrorCode>(ErrorCode::HelloRequired));
        QCOMPARE(frame->requestId, std::uint64_t(9));
        QVERIFY(client.waitForClose());
    }

    void anIncompatibleVersionIsRefused() {
        TlsTestClient client;
        QVERIFY(client.connect(m_server->port(), m_kiosk).ok());
        QVERIFY(client.send(Hello{99, "future-client", "9"}, 1).ok());
        const auto frame = client.readFrame();
        QVERIFY(frame.ok());
        QCOMPARE(frame->errorCode(), std::optional<ErrorCode>(ErrorCode::UnsupportedVersion));
        QVERIFY(client.waitForClose());
    }

    void unknownTypesAndBadBodiesAreAnsweredAndTheSessionGoesOn() {
        TlsTestClient client;
        QVERIFY(client.connectAndHello(m_server->port(), m_kiosk).ok());
        QVERIFY(client.sendRaw(encodeFrame(static_cast<MessageType>(999), 5, "whatever")).ok());
        auto reply = client.readReply(5);
        QVERIFY(reply.ok());
        QCOMPARE(reply->errorCode(), std::optional<ErrorCode>(ErrorCode::UnknownMessage));

        QVERIFY(client.sendRaw(encodeFrame(MessageType::Ping, 6, "abc")).ok());
        reply = client.readReply(6);
        QCOMPARE(reply->errorCode(), std::optional<ErrorCode>(ErrorCode::MalformedFrame));
        QVERIFY(client.sendRaw(encodeFrame(MessageType::ListNotices, 7, "")).ok());
        reply = client.readReply(7);
        QCOMPARE(reply->errorCode(), std::optional<ErrorCode>(ErrorCode::MalformedFrame));
        // A reply type sent as a request is no request at all.
        reply = client.request(Pong{1, 2}, 8);
        QCOMPARE(reply->errorCode(), std::optional<ErrorCode>(ErrorCode::UnknownMessage));

        QCOMPARE(client.request(Ping{77}, 10)->as<Pong>()->nonce, std::uint64_t(77));
    }

    void anOversizedFrameClosesOnlyThatConnection() {
        TlsTestClient offender;
        TlsTestClient bystander;
        QVERIFY(offender.connectAndHello(m_server->port(), m_kiosk).ok());
        QVERIFY(bystander.connectAndHello(m_server->port(), m_display).ok());

        // The header alone announces 2 MiB: the server refuses before reading the body.
        WireWriter header;
        header.u32(2 * 1024 * 1024);
        header.u16(static_cast<std::uint16_t>(MessageType::Ping));
        header.u64(3);
        QVERIFY(offender.sendRaw(header.data() + std::string(64, 'x')).ok());
        std::vector<ReceivedFrame> before;
        QVERIFY(offender.waitForClose(&before));
        QCOMPARE(before.size(), std::size_t(1));
        QCOMPARE(before[0].errorCode(), std::optional<ErrorCode>(ErrorCode::MalformedFrame));

        const auto pong = bystander.request(Ping{5}, 2);
        QVERIFY(pong.ok());
        QCOMPARE(pong->as<Pong>()->nonce, std::uint64_t(5));
    }

    void aFloodIsLimitedThenDisconnected() {
        TlsTestClient client;
        QVERIFY(client.connectAndHello(m_server->port(), m_kiosk).ok());
        std::string flood;
        for (std::uint64_t id = 1; id <= 200; ++id)
            flood += encodeMessage(Ping{id}, id);
        QVERIFY(client.sendRaw(flood).ok());
        std::vector<ReceivedFrame> frames;
        QVERIFY(client.waitForClose(&frames));
        std::size_t pongs = 0;
        std::size_t limited = 0;
        for (const auto& frame : frames) {
            pongs += frame.type == MessageType::Pong;
            limited += frame.errorCode() == std::optional<ErrorCode>(ErrorCode::RateLimited);
        }
        QVERIFY2(pongs >= 99, qPrintable(QString::number(pongs))); // the burst (less the hello) is served
        QVERIFY(limited >= 1);
        QCOMPARE(pongs + limited, frames.size());

        // Another connection of the same device is unaffected.
        TlsTestClient again;
        QVERIFY(again.connectAndHello(m_server->port(), m_kiosk).ok());
        QVERIFY(again.request(Ping{1}, 2)->as<Pong>().ok());
    }
};

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_server_tls.moc"
