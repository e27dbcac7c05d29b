// hall-server as a process: its command line, its deadlines, its log, and a clean stop on SIGTERM.
#include "server_process.h"
#include "tls_test_client.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace hall;
using namespace hall::test;

class TestServerLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badCommandLinesExitWithTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("--data-dir is required");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("x"),
                                                QStringLiteral("--fast")}
                                 << QStringLiteral("unknown argument: --fast");
        QTest::newRow("listen") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("x"),
                                               QStringLiteral("--listen"), QStringLiteral("everywhere")}
                                << QStringLiteral("HOST:PORT");
        QTest::newRow("missing config")
            << QStringList{QStringLiteral("--data-dir"), QStringLiteral("x"), QStringLiteral("--config"),
                           QStringLiteral("/nonexistent.conf")}
            << QStringLiteral("cannot read the config file");
    }

    void badCommandLinesExitWithTwo() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, complaint);
        const ToolRun run = runTool(hallServerPath(), arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(complaint), run.err.constData());
    }

    void helpAndAMissingHall() {
        const ToolRun help = runTool(hallServerPath(), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("usage: hall-server --data-dir DIR"));

        QTemporaryDir empty;
        const ToolRun missing = runTool(hallServerPath(), {QStringLiteral("--data-dir"), empty.path()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("run hallctl init first"), missing.err.constData());
        QVERIFY(!QFile::exists(empty.filePath(QStringLiteral("hall.db")))); // nothing was created
    }

    void aBadConfigFileNamesItsLine() {
        ServerProcess server;
        QVERIFY2(server.isValid(), qPrintable(server.lastError()));
        QVERIFY(server.writeConfig(QStringLiteral("idle_timeout_s = 30\nmax_frame_bytes = lots\n")).ok());
        const ToolRun run = runTool(hallServerPath(), {QStringLiteral("--data-dir"), server.dataDir()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("hall.conf:2: max_frame_bytes"), run.err.constData());
    }

    void sigtermStopsCleanlyAndKeepsWhatWasCommitted() {
        ServerProcess server;
        QVERIFY2(server.isValid(), qPrintable(server.lastError()));
        auto desk = server.addDevice(QStringLiteral("clerk-pc"), QStringLiteral("supervisor-desk"),
                                     QStringLiteral("1-01"));
        auto display = server.addDevice(QStringLiteral("display"), QStringLiteral("led-1f"), {}, 1);
        QVERIFY2(desk && display, qPrintable(server.lastError()));
        const QString password = QStringLiteral("correct horse battery");
        QVERIFY(server
                    .addAccount(QStringLiteral("wang.fang"), QStringLiteral("王芳"),
                                QStringLiteral("supervisor"), password)
                    .ok());
        QVERIFY(server.writeConfig(QStringLiteral("hello_timeout_s = 1\nshutdown_timeout_s = 3\n")).ok());
        const Status started = server.start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().message.c_str());

        // A device that completes TLS but never says hello is dropped at the hello deadline.
        TlsTestClient silent(std::chrono::seconds(5));
        QVERIFY(silent.connect(server.port(), *display).ok());
        QVERIFY(silent.waitForClose());

        TlsTestClient supervisor;
        QVERIFY(supervisor.connectAndHello(server.port(), *desk).ok());
        QVERIFY(supervisor.request(Login{"wang.fang", password.toStdString()}, 2)->as<LoginOk>().ok());
        const std::string text = "三楼联合审批窗口暂停服务";
        QVERIFY(supervisor.request(PostNotice{3, text, 4102444800000}, 3)->as<PostNoticeOk>().ok());

        TlsTestClient watcher;
        const auto hello = watcher.connectAndHello(server.port(), *display);
        QVERIFY(hello.ok());
        QVERIFY(watcher.request(Subscribe{{"floor/1"}, hello->journalHead}, 2)->as<SubscribeOk>().ok());

        QCOMPARE(server.terminate(), 0);
        QVERIFY(!server.isRunning());
        QVERIFY(watcher.waitForClose());
        QVERIFY(supervisor.waitForClose());

        QFile logFile(QDir(server.dataDir()).filePath(QStringLiteral("logs/hall-server.log")));
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const QByteArray log = logFile.readAll();
        QVERIFY(log.contains("stopped cleanly"));
        QVERIFY(log.contains("net: session"));
        QVERIFY(log.contains("core: "));
        // No personal data: neither the password nor the notice's text.
        QVERIFY(!log.contains(password.toUtf8()));
        QVERIFY(!log.contains(QByteArray::fromStdString(text)));

        // What was acknowledged before the stop is there after a restart.
        QVERIFY(server.start().ok());
        TlsTestClient reader;
        QVERIFY(reader.connectAndHello(server.port(), *display).ok());
        const auto list = reader.request(ListNotices{3}, 2);
        QVERIFY(list.ok());
        QCOMPARE(list->as<NoticeList>()->notices.size(), std::size_t(1));
        QCOMPARE(list->as<NoticeList>()->notices[0].text, text);
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerLifecycle)
#include "tst_server_lifecycle.moc"
