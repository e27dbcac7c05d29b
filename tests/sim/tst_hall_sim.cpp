// The hall-sim program against a real hall-server: the scripted check passes on a demo-like hall and fails
// for a device the server refuses; a short load run and an idle run print JSON with every field.
#include "server_process.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hall;

namespace {

QString simPath() {
    return QStringLiteral(HALL_SIM_EXE);
}

QJsonObject parseOneObject(const QByteArray& out, QString& problem) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(out.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        problem = QStringLiteral("not one JSON object: ") + error.errorString() + QStringLiteral(": ") +
                  QString::fromUtf8(out);
    return document.object();
}

} // namespace

class TestHallSim : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::ServerProcess> m_server;

    QStringList hallArguments() const {
        return {QStringLiteral("--data-dir"), m_server->dataDir(), QStringLiteral("--port"),
                QString::number(m_server->port())};
    }

    test::ToolRun sim(const QStringList& arguments) {
        const test::ToolRun run = test::runTool(simPath(), arguments, {}, 120000);
        m_server->log(); // keep the server's stderr pipe drained
        return run;
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<test::ServerProcess>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->lastError()));
        // The demo hall's devices, by the names hall-sim check expects, plus one the server will refuse.
        for (const auto& [role, name, floor] :
             {std::tuple{"admin", "hallctl-admin", 0}, std::tuple{"admin", "supervisor-desk", 0},
              std::tuple{"kiosk", "K-1F-01", 1}, std::tuple{"display", "led-2f", 2},
              std::tuple{"display", "led-revoked", 2}}) {
            const auto added =
                m_server->addDevice(QLatin1StringView(role), QLatin1StringView(name), QString(), floor);
            QVERIFY2(added, qPrintable(m_server->lastError()));
        }
        const QString password = QStringLiteral("Jiancha-2026-sim");
        QVERIFY2(m_server->addAccount(QStringLiteral("wang.fang"), QStringLiteral("王芳"),
                                      QStringLiteral("supervisor"), password),
                 qPrintable(m_server->lastError()));
        QFile accounts(QDir(m_server->dataDir()).filePath(QStringLiteral("DEMO-ACCOUNTS.txt")));
        QVERIFY(accounts.open(QIODevice::WriteOnly));
        accounts.write("wang.fang      supervisor   " + password.toUtf8() + "\n");
        accounts.close();
        const test::ToolRun revoked =
            test::runTool(test::hallctlPath(),
                          {QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--data-dir"),
                           m_server->dataDir(), QStringLiteral("--name"), QStringLiteral("led-revoked")});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.describe()));
        const Status started = m_server->start();
        QVERIFY2(started, started ? "" : started.error().message.c_str());
    }

    void cleanupTestCase() {
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->terminate(), 0);
    }

    void checkPassesOnADemoHall() {
        const test::ToolRun run = sim(QStringList{QStringLiteral("check")} + hallArguments());
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("11 of 11 steps passed"), qPrintable(run.describe()));
        QVERIFY2(!run.out.contains("FAIL"), qPrintable(run.describe()));
        QVERIFY2(run.out.contains("PASS  no second event after the retry"), qPrintable(run.describe()));
    }

    void checkFailsWhenTheServerRefusesTheDevice() {
        const test::ToolRun run =
            sim(QStringList{QStringLiteral("check")} + hallArguments() +
                QStringList{QStringLiteral("--display"), QStringLiteral("led-revoked")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("FAIL  display led-revoked"), qPrintable(run.describe()));
        QVERIFY2(run.out.contains("revoked"), qPrintable(run.describe()));
        QVERIFY2(run.out.contains("FAILED"), qPrintable(run.describe()));
    }

    void checkRejectsBadUsage() {
        const test::ToolRun run =
            sim({QStringLiteral("check"), QStringLiteral("--port"), QStringLiteral("x")});
        QCOMPARE(run.exitCode, 2);
    }

    void shortLoadRunPrintsJson() {
        const test::ToolRun run = sim(
            QStringList{QStringLiteral("load")} + hallArguments() +
            QStringList{QStringLiteral("--clients"), QStringLiteral("3"), QStringLiteral("--displays"),
                        QStringLiteral("2"), QStringLiteral("--seconds"), QStringLiteral("2"),
                        QStringLiteral("--rate"), QStringLiteral("60"), QStringLiteral("--baseline-seconds"),
                        QStringLiteral("0.5"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QString problem;
        const QJsonObject result = parseOneObject(run.out, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const char* field : {"commands_per_s", "durable_commands_per_s", "p50_ms", "p99_ms",
                                  "fanout_p99_ms", "server_rss_mb", "errors", "baseline_tls_echo_per_s",
                                  "baseline_sqlite_commits_per_s", "ratio_to_tls_echo"})
            QVERIFY2(result.value(QLatin1StringView(field)).isDouble(),
                     qPrintable(QStringLiteral("%1 missing or not a number in %2")
                                    .arg(QLatin1StringView(field), QString::fromUtf8(run.out))));
        QCOMPARE(result.value(QStringLiteral("errors")).toInt(), 0);
        QCOMPARE(result.value(QStringLiteral("fanout_missing")).toInt(), 0);
        QVERIFY(result.value(QStringLiteral("commands")).toInt() > 0);
        QVERIFY(result.value(QStringLiteral("fanout_events")).toInt() > 0);
        QVERIFY(result.value(QStringLiteral("server_rss_mb")).toDouble() > 0);
        QCOMPARE(result.value(QStringLiteral("mode")).toString(), QStringLiteral("open"));
        QCOMPARE(result.value(QStringLiteral("baseline_tls_echo_errors")).toInt(), 0);
    }

    void idleConnectionsAreHeld() {
        const test::ToolRun run =
            sim(QStringList{QStringLiteral("idle")} + hallArguments() +
                QStringList{QStringLiteral("--connections"), QStringLiteral("20"),
                            QStringLiteral("--seconds"), QStringLiteral("0.2"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QString problem;
        const QJsonObject result = parseOneObject(run.out, problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(result.value(QStringLiteral("still_open")).toInt(), 20);
        QVERIFY(result.value(QStringLiteral("server_rss_mb")).toDouble() > 0);
        QVERIFY(result.value(QStringLiteral("server_kb_per_connection")).isDouble());
    }
};

QTEST_GUILESS_MAIN(TestHallSim)
#include "tst_hall_sim.moc"
