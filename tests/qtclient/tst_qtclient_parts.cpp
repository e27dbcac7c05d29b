#include "test_pki.h"

#include "protocol/messages.h"
#include "qtclient/connection_settings.h"
#include "qtclient/frame_buffer.h"
#include "qtclient/reconnect_backoff.h"
#include "qtclient/request_tracker.h"
#include "qtclient/tls_configuration.h"
#include "qtclient/utf8.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace hall;
using namespace hall::qt;

namespace {

bool writeFile(const QString& path, const QByteArray& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class TestQtClientParts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void utf8RoundTrip();
    void frameBufferCutsFramesFromAnyChunking();
    void frameBufferBreaksOnOversizedFrame();
    void frameBufferBreaksOnUnknownType();
    void backoffDoublesUpToCeilingWithJitter();
    void trackerHandsOutFreshNonZeroIds();
    void trackerKeepsOrderForResends();
    void trackerReportsExpiredEntries();
    void settingsLoadFromIni();
    void settingsRefuseBadInput_data();
    void settingsRefuseBadInput();
    void settingsRefuseMissingFile();
    void tlsConfigurationPinsTheHallCa();
    void tlsConfigurationNamesTheMissingFile();
};

void TestQtClientParts::utf8RoundTrip() {
    const std::string text = "阳光大厦 2-07 窗口";
    const QString q = toQString(text);
    QCOMPARE(q.size(), 12);
    QCOMPARE(toStdString(q), text);
    QCOMPARE(toStdStrings(toQStringList({"hall", "floor/2"})), (std::vector<std::string>{"hall", "floor/2"}));
}

void TestQtClientParts::frameBufferCutsFramesFromAnyChunking() {
    const std::string stream =
        encodeMessage(Ping{7}, 11) + encodeMessage(ListNotices{3}, 12) + encodeMessage(Pong{7, 99}, 13);
    for (const std::size_t chunk : {std::size_t(1), std::size_t(5), std::size_t(14), stream.size()}) {
        FrameBuffer buffer;
        std::vector<Frame> frames;
        for (std::size_t at = 0; at < stream.size(); at += chunk) {
            const std::string_view piece = std::string_view(stream).substr(at, chunk);
            buffer.append(QByteArrayView(piece.data(), qsizetype(piece.size())));
            for (;;) {
                auto next = buffer.next();
                QVERIFY(next.ok());
                if (!*next)
                    break;
                frames.push_back(std::move(**next));
            }
        }
        QCOMPARE(frames.size(), std::size_t(3));
        QCOMPARE(frames[0].type, MessageType::Ping);
        QCOMPARE(frames[1].requestId, std::uint64_t(12));
        QCOMPARE(ListNotices::decode(frames[1].body)->floor, std::uint8_t(3));
        QCOMPARE(Pong::decode(frames[2].body)->serverTimeMs, std::int64_t(99));
        QCOMPARE(buffer.bufferedBytes(), std::size_t(0));
    }
}

void TestQtClientParts::frameBufferBreaksOnOversizedFrame() {
    FrameBuffer buffer;
    QByteArray header(int(kFrameHeaderSize), '\0');
    header[0] = char(0x01); // 16 MiB body
    buffer.append(header);
    auto next = buffer.next();
    QVERIFY(!next);
    QCOMPARE(next.error().code, ErrorCode::MalformedFrame);
    // Broken for good, even when good bytes follow.
    const std::string good = encodeMessage(Ping{1}, 1);
    buffer.append(QByteArrayView(good.data(), qsizetype(good.size())));
    QVERIFY(!buffer.next());
    buffer.clear();
    buffer.append(QByteArrayView(good.data(), qsizetype(good.size())));
    QVERIFY(buffer.next().ok());
}

void TestQtClientParts::frameBufferBreaksOnUnknownType() {
    FrameBuffer buffer;
    QByteArray frame(int(kFrameHeaderSize), '\0');
    frame[4] = char(0xff);
    frame[5] = char(0xee);
    buffer.append(frame);
    auto next = buffer.next();
    QVERIFY(!next);
    QCOMPARE(next.error().code, ErrorCode::UnknownMessage);
}

void TestQtClientParts::backoffDoublesUpToCeilingWithJitter() {
    double random = 0.0;
    ReconnectBackoff backoff(100, 1000, 0.5, [&random] { return random; });
    QList<int> delays;
    for (int i = 0; i < 6; ++i)
        delays.append(backoff.nextDelayMs());
    QCOMPARE(delays, (QList<int>{100, 200, 400, 800, 1000, 1000}));
    QCOMPARE(backoff.attempts(), 6);

    // The random share shortens a delay by at most the jitter fraction.
    random = 0.999999;
    const int shortest = backoff.nextDelayMs();
    QVERIFY(shortest >= 500 && shortest < 1000);

    backoff.reset();
    random = 0.0;
    QCOMPARE(backoff.nextDelayMs(), 100);
}

void TestQtClientParts::trackerHandsOutFreshNonZeroIds() {
    QList<std::uint64_t> candidates{0, 5, 5, 0, 7};
    RequestTracker tracker([&candidates] { return candidates.takeFirst(); });
    const std::uint64_t first = tracker.newId();
    QCOMPARE(first, std::uint64_t(5));
    tracker.add(RequestTracker::Entry{
        first, MessageType::Ping, RequestTracker::Scope::Request, {}, {}, false, 0, {}});
    QCOMPARE(tracker.newId(), std::uint64_t(7)); // skipped 5 (taken) and 0 (never valid)
}

void TestQtClientParts::trackerKeepsOrderForResends() {
    std::uint64_t next = 100;
    RequestTracker tracker([&next] { return next--; });
    std::vector<std::uint64_t> ids;
    for (int i = 0; i < 4; ++i) {
        RequestTracker::Entry entry;
        entry.id = tracker.newId();
        entry.scope = i == 1 ? RequestTracker::Scope::Session : RequestTracker::Scope::Request;
        entry.deadline = QDeadlineTimer(QDeadlineTimer::Forever);
        tracker.add(std::move(entry)).sent = true;
        ids.push_back(100 - std::uint64_t(i));
    }
    QVERIFY(tracker.unsentInOrder().empty());
    tracker.markAllUnsent();
    // Session entries are never resent; the rest come back in the order they were made.
    QCOMPARE(tracker.unsentInOrder(), (std::vector<std::uint64_t>{ids[0], ids[2], ids[3]}));
    QVERIFY(!tracker.msUntilNextDeadline());
    QVERIFY(tracker.take(ids[2]));
    QVERIFY(!tracker.take(ids[2]));
    QCOMPARE(tracker.unsentInOrder(), (std::vector<std::uint64_t>{ids[0], ids[3]}));
}

void TestQtClientParts::trackerReportsExpiredEntries() {
    RequestTracker tracker;
    RequestTracker::Entry expired;
    expired.id = tracker.newId();
    expired.deadline = QDeadlineTimer(0);
    tracker.add(std::move(expired));
    RequestTracker::Entry later;
    later.id = tracker.newId();
    later.deadline = QDeadlineTimer(std::chrono::hours(1));
    const std::uint64_t laterId = later.id;
    tracker.add(std::move(later));

    QCOMPARE(tracker.msUntilNextDeadline(), std::optional<qint64>(0));
    const auto taken = tracker.takeExpired();
    QCOMPARE(taken.size(), std::size_t(1));
    QCOMPARE(tracker.size(), std::size_t(1));
    QVERIFY(tracker.find(laterId));
    QVERIFY(*tracker.msUntilNextDeadline() > 0);
}

void TestQtClientParts::settingsLoadFromIni() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("clerk.ini"));
    QVERIFY(writeFile(path, "[connection]\n"
                            "host=hall.example\n"
                            "port=7443\n"
                            "caFile=pki/ca.pem\n"
                            "certFile=/etc/hall/clerk.pem\n"
                            "keyFile=pki/clerk.key\n"
                            "requestTimeoutMs=2500\n"
                            "reconnectJitter=0.5\n"
                            "[display]\n"
                            "fullScreen=true\n"));
    ConnectionSettings defaults;
    defaults.clientName = QStringLiteral("clerk-client");
    defaults.clientVersion = QStringLiteral("1.2");
    auto loaded = ConnectionSettings::fromIniFile(path, defaults);
    QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
    QCOMPARE(loaded->host, QStringLiteral("hall.example"));
    QCOMPARE(loaded->port, quint16(7443));
    QCOMPARE(loaded->caFile, dir.filePath(QStringLiteral("pki/ca.pem"))); // relative to the INI file
    QCOMPARE(loaded->certFile, QStringLiteral("/etc/hall/clerk.pem"));
    QCOMPARE(loaded->requestTimeoutMs, 2500);
    QCOMPARE(loaded->pingIntervalMs, 30000); // untouched default
    QCOMPARE(loaded->reconnectJitter, 0.5);
    QCOMPARE(loaded->clientName, QStringLiteral("clerk-client"));
    QCOMPARE(loaded->clientVersion, QStringLiteral("1.2"));
}

void TestQtClientParts::settingsRefuseBadInput_data() {
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("mentions");
    const QByteArray base = "[connection]\ncaFile=ca.pem\ncertFile=c.pem\nkeyFile=k.pem\n";
    QTest::newRow("port missing") << base << QStringLiteral("port");
    QTest::newRow("port not a number") << base + "port=https\n" << QStringLiteral("port");
    QTest::newRow("port too big") << base + "port=70000\n" << QStringLiteral("port");
    QTest::newRow("misspelt key") << base + "port=7443\nprot=7443\n" << QStringLiteral("prot");
    QTest::newRow("zero timeout") << base + "port=7443\nrequestTimeoutMs=0\n"
                                  << QStringLiteral("requestTimeoutMs");
    QTest::newRow("jitter above one") << base + "port=7443\nreconnectJitter=1.5\n"
                                      << QStringLiteral("reconnectJitter");
    QTest::newRow("ceiling below start") << base + "port=7443\nreconnectInitialMs=900\nreconnectMaxMs=100\n"
                                         << QStringLiteral("reconnectMaxMs");
    QTest::newRow("no key file") << QByteArray("[connection]\nport=1\ncaFile=a\ncertFile=b\n")
                                 << QStringLiteral("keyFile");
}

void TestQtClientParts::settingsRefuseBadInput() {
    QFETCH(QByteArray, ini);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.ini"));
    QVERIFY(writeFile(path, ini));
    ConnectionSettings defaults;
    defaults.clientName = QStringLiteral("kiosk-client");
    auto loaded = ConnectionSettings::fromIniFile(path, defaults);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(toQString(loaded.error().message).contains(mentions), loaded.error().message.c_str());
}

void TestQtClientParts::settingsRefuseMissingFile() {
    auto loaded = ConnectionSettings::fromIniFile(QStringLiteral("/nonexistent/hall.ini"));
    QVERIFY(!loaded);
    QVERIFY(toQString(loaded.error().message).contains(QStringLiteral("/nonexistent/hall.ini")));
}

void TestQtClientParts::tlsConfigurationPinsTheHallCa() {
    QTemporaryDir dir;
    TestPki pki;
    const QString error = pki.generate(dir.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ConnectionSettings s;
    s.port = 1;
    s.caFile = pki.caFile;
    s.certFile = pki.clientCert;
    s.keyFile = pki.clientKey;
    s.clientName = QStringLiteral("t");
    auto config = makeTlsConfiguration(s);
    QVERIFY2(config, config ? "" : config.error().message.c_str());
    QCOMPARE(config->caCertificates().size(), 1);
    QCOMPARE(config->caCertificates().first().subjectInfo(QSslCertificate::CommonName).first(),
             QStringLiteral("Test Hall CA"));
    QCOMPARE(config->localCertificate().subjectInfo(QSslCertificate::CommonName).first(),
             TestPki::clientDeviceName());
    QVERIFY(!config->privateKey().isNull());
    QCOMPARE(config->protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(config->peerVerifyMode(), QSslSocket::VerifyPeer);
}

void TestQtClientParts::tlsConfigurationNamesTheMissingFile() {
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("ca.pem"));
    QVERIFY(writeFile(ca, "not a certificate\n"));
    ConnectionSettings s;
    s.caFile = ca;
    s.certFile = dir.filePath(QStringLiteral("missing.pem"));
    s.keyFile = dir.filePath(QStringLiteral("missing.key"));
    auto config = makeTlsConfiguration(s);
    QVERIFY(!config);
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
    QVERIFY(toQString(config.error().message).contains(ca));
}

QTEST_GUILESS_MAIN(TestQtClientParts)
#include "tst_qtclient_parts.moc"
