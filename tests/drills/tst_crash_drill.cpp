// The crash drill: several writers post notices as fast as the server lets them; the server is killed
// with SIGKILL at a random moment; after a restart every acknowledged change must be there exactly once,
// a retry of every unanswered request (same request id) must not duplicate anything, and the journal must
// verify. Repeated for HALL_DRILL_ROUNDS rounds (3 by default; scripts/crash-drill.sh runs many).
#include "server_process.h"
#include "tls_test_client.h"

#include "protocol/events.h"
#include "protocol/messages.h"
#include "store/database.h"
#include "store/journal.h"

#include <QTest>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

using namespace hall;
using namespace hall::test;

namespace {

constexpr int kWriters = 3;
/// A writer stops after this many notices in a round, and a hall serves this many rounds before the drill
/// moves to a fresh one: together they stay under the server's cap on notices in force (1000).
constexpr int kNoticesPerWriterRound = 60;
constexpr int kRoundsPerHall = 4;
constexpr std::int64_t kFarFutureMs = 4'102'444'800'000; // 2100-01-01

struct Sent {
    std::uint64_t requestId = 0;
    std::string text;
};

/// What one writer learnt: requests the server acknowledged (with the notice id it gave) and the one
/// request whose answer never came because the server died.
struct WriterLog {
    std::map<std::uint64_t, std::pair<std::uint64_t, std::string>>
        acknowledged; ///< request id -> (notice id, text)
    std::vector<Sent> unanswered;
};

int drillRounds() {
    bool ok = false;
    const int rounds = qEnvironmentVariableIntValue("HALL_DRILL_ROUNDS", &ok);
    return ok && rounds > 0 ? rounds : 3;
}

} // namespace

class TestCrashDrill : public QObject {
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_hall;
    std::vector<DeviceFiles> m_devices;

    ServerProcess& server() { return *m_hall; }
    std::string databasePath() { return server().dataDir().toStdString() + "/hall.db"; }

    /// A fresh hall with one admin device and one supervisor account per writer.
    void makeHall() {
        m_hall = std::make_unique<ServerProcess>();
        m_devices.clear();
        QVERIFY2(server().isValid(), qPrintable(server().lastError()));
        for (int w = 0; w < kWriters; ++w) {
            const QString name = QStringLiteral("drill-%1").arg(w);
            auto device = server().addDevice(QStringLiteral("admin"), name);
            QVERIFY2(device.ok(), device.ok() ? "" : device.error().message.c_str());
            m_devices.push_back(*device);
            QVERIFY(server()
                        .addAccount(QStringLiteral("drill%1").arg(w), QStringLiteral("演练 %1").arg(w),
                                    QStringLiteral("supervisor"), QStringLiteral("drill password"))
                        .ok());
        }
        // Writers post as fast as they can: lift the per-connection rate limit for the drill.
        QVERIFY(server().writeConfig(QStringLiteral("rate_per_s = 5000\nrate_burst = 5000\n")).ok());
    }

    Result<HelloOk> loggedIn(TlsTestClient& client, int writer) {
        auto hello = client.connectAndHello(server().port(), m_devices[static_cast<std::size_t>(writer)]);
        if (!hello)
            return hello.error();
        auto login = client.request(Login{"drill" + std::to_string(writer), "drill password"}, 1);
        if (!login)
            return login.error();
        if (!login->as<LoginOk>())
            return Error{ErrorCode::BadCredentials, "drill login refused"};
        return hello;
    }

    /// Posts until the connection dies (or `stop` is set), recording what was acknowledged.
    void write(int writer, int round, std::uint64_t firstRequestId, const std::atomic<bool>& stop,
               WriterLog& log) {
        TlsTestClient client(std::chrono::seconds(3));
        if (!loggedIn(client, writer))
            return;
        std::uint64_t requestId = firstRequestId;
        for (int n = 0; !stop.load() && n < kNoticesPerWriterRound; ++n, ++requestId) {
            const std::string text = "round " + std::to_string(round) + " writer " + std::to_string(writer) +
                                     " notice " + std::to_string(n);
            auto reply = client.request(PostNotice{static_cast<std::uint8_t>(writer + 1), text, kFarFutureMs},
                                        requestId);
            if (!reply) {
                log.unanswered.push_back({requestId, text});
                return;
            }
            if (reply->errorCode() == ErrorCode::RateLimited) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                log.unanswered.push_back({requestId, text}); // refused, never applied: a retry will post it
                continue;
            }
            const auto ok = reply->as<PostNoticeOk>();
            if (!ok)
                qFatal("a drill post was refused: %s",
                       reply->errorCode() ? "error reply" : "unexpected frame");
            log.acknowledged[requestId] = {ok->noticeId, text};
        }
    }

private Q_SLOTS:
    void initTestCase() { makeHall(); }

    void killedMidWriteLosesNothingAcknowledged() {
        std::mt19937 rng(20261203);
        std::map<std::uint64_t, std::pair<std::uint64_t, std::string>> acknowledged; // across all rounds
        std::size_t retried = 0;
        std::size_t total = 0;
        const int rounds = drillRounds();
        for (int round = 0; round < rounds; ++round) {
            if (round > 0 && round % kRoundsPerHall == 0) {
                makeHall();
                acknowledged.clear();
            }
            QVERIFY2(server().start().ok(), server().log().constData());
            std::atomic<bool> stop{false};
            std::vector<WriterLog> logs(kWriters);
            std::vector<std::thread> writers;
            for (int w = 0; w < kWriters; ++w)
                writers.emplace_back([&, w] {
                    write(w, round, (std::uint64_t(round) << 40) | (std::uint64_t(w) << 32) | 1, stop,
                          logs[std::size_t(w)]);
                });
            std::this_thread::sleep_for(std::chrono::milliseconds(150 + rng() % 350));
            server().kill();
            stop = true;
            for (auto& t : writers)
                t.join();

            // Restart; every writer retries what went unanswered with the same request id.
            QVERIFY2(server().start().ok(), server().log().constData());
            for (int w = 0; w < kWriters; ++w) {
                auto& log = logs[std::size_t(w)];
                for (const auto& [id, ack] : log.acknowledged)
                    acknowledged[id] = ack;
                if (log.unanswered.empty())
                    continue;
                TlsTestClient client(std::chrono::seconds(5));
                QVERIFY(loggedIn(client, w).ok());
                for (const Sent& sent : log.unanswered) {
                    auto reply =
                        client.request(PostNotice{static_cast<std::uint8_t>(w + 1), sent.text, kFarFutureMs},
                                       sent.requestId);
                    QVERIFY(reply.ok());
                    const auto ok = reply->as<PostNoticeOk>();
                    QVERIFY2(ok.ok(), "a retried post was refused");
                    acknowledged[sent.requestId] = {ok->noticeId, sent.text};
                    ++retried;
                }
            }

            // Every acknowledged notice is in force exactly once, with its text and its id.
            TlsTestClient reader(std::chrono::seconds(5));
            QVERIFY(loggedIn(reader, 0).ok());
            auto list = reader.request(ListNotices{0}, 2);
            QVERIFY(list.ok());
            const auto notices = list->as<NoticeList>();
            QVERIFY(notices.ok());
            std::map<std::uint64_t, std::string> byId;
            std::map<std::string, int> textCount;
            for (const Notice& n : notices->notices) {
                byId[n.id] = n.text;
                ++textCount[n.text];
            }
            for (const auto& [requestId, ack] : acknowledged) {
                const auto found = byId.find(ack.first);
                QVERIFY2(found != byId.end(), ("acknowledged notice lost: " + ack.second).c_str());
                QCOMPARE(found->second, ack.second);
                QCOMPARE(textCount[ack.second], 1);
            }
            QCOMPARE(notices->notices.size(), acknowledged.size());
            QCOMPARE(server().terminate(), 0);

            // The journal holds one NoticePosted per notice and its chain verifies.
            auto db = store::Database::open(databasePath(), store::Database::Mode::ReadOnly);
            QVERIFY(db.ok());
            const store::JournalCheck check = store::verifyJournal(**db);
            QVERIFY2(check.intact, check.reason.c_str());
            std::size_t posted = 0;
            for (const auto& e : store::Journal(**db).readAfter(0, 1'000'000))
                posted += e.kind == static_cast<std::uint16_t>(EventKind::NoticePosted) ? 1 : 0;
            QCOMPARE(posted, acknowledged.size());
            if (round % kRoundsPerHall == kRoundsPerHall - 1 || round == rounds - 1)
                total += acknowledged.size();
        }
        qInfo("drill: %d rounds, %zu notices acknowledged, %zu unanswered requests retried", rounds, total,
              retried);
        QVERIFY(total > std::size_t(rounds)); // the writers really wrote
    }

    void hallctlCatchesAHandEditedRow() {
        const ToolRun intact = runTool(hallctlPath(), {QStringLiteral("journal"), QStringLiteral("verify"),
                                                       QStringLiteral("--data-dir"), server().dataDir()});
        QVERIFY2(intact.exitCode == 0, qPrintable(intact.describe()));
        {
            auto db = store::Database::open(databasePath());
            QVERIFY(db.ok());
            (*db)->exec("UPDATE journal SET body = CAST('forged' AS BLOB) WHERE seq = 5");
        }
        const ToolRun broken = runTool(hallctlPath(), {QStringLiteral("journal"), QStringLiteral("verify"),
                                                       QStringLiteral("--data-dir"), server().dataDir()});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.out.contains("5") || broken.err.contains("5"), qPrintable(broken.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCrashDrill)
#include "tst_crash_drill.moc"
