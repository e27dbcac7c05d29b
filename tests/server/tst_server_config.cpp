// hall-server's settings: the config file, the command line and the listen address.
#include "core/server_config.h"
#include "protocol/frame.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace hall;
using namespace hall::server;

class TestServerConfig : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string writeFile(const char* name, const std::string& text) {
        const std::string path = m_dir.filePath(QString::fromLatin1(name)).toStdString();
        std::ofstream(path) << text;
        return path;
    }

private Q_SLOTS:
    void defaultsAreTheDocumentedOnes() {
        const ServerConfig c;
        QCOMPARE(c.listenHost, std::string("127.0.0.1"));
        QCOMPARE(c.listenPort, std::uint16_t(7443));
        QCOMPARE(c.handshakeTimeoutS, 10);
        QCOMPARE(c.idleTimeoutS, 90);
        QVERIFY(c.maxFrameBytes <= kMaxFrameBody);
        QVERIFY(!c.simulatedClock);
    }

    void aFileSetsEveryKey() {
        const std::string path = writeFile("all.conf", R"(# a comment
listen = 0.0.0.0:0
hall_name = 濮阳市阳光大厦   # trailing comment
handshake_timeout_s = 3
hello_timeout_s = 4
idle_timeout_s = 30
max_frame_bytes = 4096
rate_per_s = 2.5
rate_burst = 5
max_write_queue_bytes = 65536
group_commit_max = 16
lockout_max_failures = 3
lockout_minutes = 1
clock = simulated
simulated_start = 2026-03-02T08:30:00+08:00
replay_max = 50
shutdown_timeout_s = 1
max_sessions = 7
io_threads = 1
login_threads = 1
log_level = debug
)");
        ServerConfig c;
        const Status loaded = loadConfigFile(path, c);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QCOMPARE(c.listenHost, std::string("0.0.0.0"));
        QCOMPARE(c.listenPort, std::uint16_t(0));
        QCOMPARE(c.hallName, std::string("濮阳市阳光大厦"));
        QCOMPARE(c.handshakeTimeoutS, 3);
        QCOMPARE(c.helloTimeoutS, 4);
        QCOMPARE(c.idleTimeoutS, 30);
        QCOMPARE(c.maxFrameBytes, std::size_t(4096));
        QCOMPARE(c.ratePerS, 2.5);
        QCOMPARE(c.rateBurst, 5.0);
        QCOMPARE(c.maxWriteQueueBytes, std::size_t(65536));
        QCOMPARE(c.groupCommitMax, std::size_t(16));
        QCOMPARE(c.lockoutMaxFailures, std::uint32_t(3));
        QCOMPARE(c.lockoutMinutes, std::int64_t(1));
        QVERIFY(c.simulatedClock);
        QCOMPARE(c.simulatedStartMs, std::int64_t(1772411400000));
        QCOMPARE(c.replayMax, std::size_t(50));
        QCOMPARE(c.shutdownTimeoutS, 1);
        QCOMPARE(c.maxSessions, std::size_t(7));
        QCOMPARE(c.ioThreads, 1);
        QCOMPARE(c.loginThreads, 1);
        QCOMPARE(c.logLevel, Logger::Level::Debug);
    }

    void badLinesNameTheFileAndLine_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key") << QStringLiteral("\nnope = 1\n") << QStringLiteral(":2: nope: unknown");
        QTest::newRow("no equals") << QStringLiteral("listen\n")
                                   << QStringLiteral(":1: expected key = value");
        QTest::newRow("frame too big") << QStringLiteral("max_frame_bytes = 99999999\n")
                                       << QStringLiteral("max_frame_bytes: must lie between");
        QTest::newRow("not a number")
            << QStringLiteral("idle_timeout_s = soon\n") << QStringLiteral("expected a whole number");
        QTest::newRow("bad clock") << QStringLiteral("clock = sundial\n")
                                   << QStringLiteral("system or simulated");
        QTest::newRow("bad start") << QStringLiteral("simulated_start = tomorrow\n")
                                   << QStringLiteral("simulated_start");
        QTest::newRow("bad rate") << QStringLiteral("rate_per_s = -1\n") << QStringLiteral("positive number");
    }

    void badLinesNameTheFileAndLine() {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        ServerConfig c;
        const Status loaded = loadConfigFile(writeFile("bad.conf", text.toStdString()), c);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(loaded.error().message.find(mentions.toStdString()) != std::string::npos,
                 loaded.error().message.c_str());
    }

    void listenAddresses() {
        std::string host;
        std::uint16_t port = 1;
        QVERIFY(parseListenAddress("127.0.0.1:0", host, port).ok());
        QCOMPARE(port, std::uint16_t(0));
        QVERIFY(parseListenAddress("[::1]:7443", host, port).ok());
        QCOMPARE(host, std::string("::1"));
        QVERIFY(!parseListenAddress("::1:7443", host, port).ok());
        QVERIFY(!parseListenAddress("localhost", host, port).ok());
        QVERIFY(!parseListenAddress("localhost:70000", host, port).ok());
        QVERIFY(!parseListenAddress(":80", host, port).ok());
    }

    void timestamps() {
        QCOMPARE(parseTimestampMs("1772411400000").value(), std::int64_t(1772411400000));
        QCOMPARE(parseTimestampMs("2026-03-02T00:30:00Z").value(), std::int64_t(1772411400000));
        QCOMPARE(parseTimestampMs("2026-03-02T00:30").value(), std::int64_t(1772411400000));
        QCOMPARE(parseTimestampMs("1970-01-01T00:00:00-01:00").value(), std::int64_t(3600000));
        QVERIFY(!parseTimestampMs("2026-13-02T00:30").ok());
        QVERIFY(!parseTimestampMs("2026-03-02").ok());
        QVERIFY(!parseTimestampMs("2026-03-02T00:30+8").ok());
    }

    void commandLine() {
        auto ok =
            parseCommandLine({"--data-dir", "/srv/hall", "--listen", "127.0.0.1:0", "--config", "x.conf"});
        QVERIFY(ok.ok());
        QCOMPARE(ok->dataDir, std::string("/srv/hall"));
        QCOMPARE(ok->listen, std::string("127.0.0.1:0"));
        QCOMPARE(ok->configFile, std::string("x.conf"));
        QVERIFY(parseCommandLine({"--help"})->help);

        QVERIFY(!parseCommandLine({}).ok());
        QVERIFY(!parseCommandLine({"--data-dir"}).ok());
        QVERIFY(!parseCommandLine({"--data-dir", "d", "--bogus"}).ok());
        const auto badListen = parseCommandLine({"--data-dir", "d", "--listen", "nowhere"});
        QVERIFY(!badListen.ok());
        QVERIFY(badListen.error().message.find("HOST:PORT") != std::string::npos);
        QVERIFY(usageText().find("--data-dir DIR") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestServerConfig)
#include "tst_server_config.moc"
