#include "hallctl_test_support.h"

#include "protocol/events.h"
#include "store/accounts.h"
#include "store/journal.h"

#include <QTemporaryDir>

using namespace hallctl;
using namespace hallctl::test;
using hall::store::Database;

namespace {

std::unique_ptr<Database> openDb(const std::string& file, Database::Mode mode = Database::Mode::ReadOnly) {
    auto db = Database::open(file, mode);
    if (!db)
        qFatal("cannot open %s: %s", file.c_str(), db.error().message.c_str());
    return std::move(db).value();
}

} // namespace

class TestHallctlJournal : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_halls = 0;

    std::string tmpPath(const std::string& name) const { return path(QDir(m_tmp.path()), name.c_str()); }

    /// A new hall whose journal holds five events: four devices added, one account created.
    std::string makeHall() {
        const std::string dir = tmpPath("hall-" + std::to_string(++m_halls));
        if (callHallctl({"init", "--data-dir", dir}).code != kExitOk)
            qFatal("init failed");
        for (const char* name : {"K-1F-01", "K-1F-02", "K-2F-01", "K-3F-01"})
            if (callHallctl({"device", "add", "--data-dir", dir, "--role", "kiosk", "--name", name, "--out",
                             dir + "-" + name})
                    .code != kExitOk)
                qFatal("cannot add device %s", name);
        if (callHallctl({"account", "add", "--data-dir", dir, "--username", "sun.li", "--display-name",
                         "孙丽", "--role", "supervisor", "--password-stdin"},
                        "Supervise-The-Hall-1\n")
                .code != kExitOk)
            qFatal("cannot add an account");
        return dir;
    }

    static std::string database(const std::string& dataDir) { return HallLayout(dataDir).database.string(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void auditEventsRoundTrip() {
        const hall::DeviceChanged device{hall::DeviceChange::Revoked,
                                         {hall::DeviceRole::ClerkPc, "clerk-2-07", "2-07", 2},
                                         std::string(64, 'a')};
        QCOMPARE(hall::DeviceChanged::decode(hall::encodeEventBody(device)).value(), device);
        const hall::AccountChanged account{hall::AccountChange::Unlocked, "sun.li",
                                           hall::PersonRole::Supervisor};
        QCOMPARE(hall::AccountChanged::decode(hall::encodeEventBody(account)).value(), account);
        QCOMPARE(hall::eventKindName(hall::EventKind::DeviceChanged), std::string_view("DeviceChanged"));
        QCOMPARE(hall::eventKindFromId(10), std::optional(hall::EventKind::AccountChanged));

        std::string badChange = hall::encodeEventBody(account);
        badChange[0] = 9;
        QVERIFY(!hall::AccountChanged::decode(badChange));
        std::string badRole = hall::encodeEventBody(account);
        badRole.back() = 77;
        QVERIFY(!hall::AccountChanged::decode(badRole));
        QVERIFY(!hall::DeviceChanged::decode(hall::encodeEventBody(device) + "x"));
        QVERIFY(!hall::DeviceChanged::decode(hall::encodeEventBody(device).substr(0, 5)));
    }

    void verifyIntact() {
        const std::string dir = makeHall();
        const Run run = callHallctl({"journal", "verify", "--data-dir", dir});
        HALLCTL_EXPECT(run, kExitOk);
        auto db = openDb(database(dir));
        hall::store::Journal journal(*db);
        QCOMPARE(journal.head(), std::uint64_t(5));
        const std::string head = hall::store::toHex(journal.readAfter(4, 1).front().hash).substr(0, 16);
        QCOMPARE(run.out, "journal intact: 5 events, head " + head + "\n");

        const std::string empty = tmpPath("empty-hall");
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", empty}), kExitOk);
        const Run emptyRun = callHallctl({"journal", "verify", "--data-dir", empty});
        HALLCTL_EXPECT(emptyRun, kExitOk);
        QCOMPARE(emptyRun.out, std::string("journal intact: 0 events\n"));
    }

    void verifyDetectsTampering_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("firstBadSeq");
        QTest::newRow("body edited") << QStringLiteral(
                                            "UPDATE journal SET body = X'00' || body WHERE seq = 3")
                                     << 3;
        QTest::newRow("time edited") << QStringLiteral(
                                            "UPDATE journal SET time_ms = time_ms + 1 WHERE seq = 4")
                                     << 4;
        QTest::newRow("actor edited")
            << QStringLiteral("UPDATE journal SET actor = 'device:K-1F-01' WHERE seq = 1") << 1;
        QTest::newRow("row deleted") << QStringLiteral("DELETE FROM journal WHERE seq = 2") << 2;
        QTest::newRow("bodies swapped")
            << QStringLiteral(
                   "UPDATE journal SET body = CASE seq WHEN 2 THEN (SELECT body FROM journal WHERE seq = 3) "
                   "ELSE (SELECT body FROM journal WHERE seq = 2) END WHERE seq IN (2, 3)")
            << 2;
        QTest::newRow("rows reordered") << QStringLiteral("UPDATE journal SET seq = -seq WHERE seq IN (2, 3);"
                                                          "UPDATE journal SET seq = 3 WHERE seq = -2;"
                                                          "UPDATE journal SET seq = 2 WHERE seq = -3;")
                                        << 2;
        QTest::newRow("last row deleted") << QStringLiteral("DELETE FROM journal WHERE seq = 5") << 5;
    }

    void verifyDetectsTampering() {
        QFETCH(QString, sql);
        QFETCH(int, firstBadSeq);
        const std::string dir = makeHall();
        HALLCTL_EXPECT(callHallctl({"journal", "verify", "--data-dir", dir}), kExitOk);
        QVERIFY(execSql(database(dir), sql.toStdString()));

        const Run run = callHallctl({"journal", "verify", "--data-dir", dir});
        HALLCTL_EXPECT(run, kExitNo);
        QVERIFY2(contains(run.out, "BROKEN at seq " + std::to_string(firstBadSeq) + ": "), run.out.c_str());
    }

    void show() {
        const std::string dir = makeHall();
        const Run all = callHallctl({"journal", "show", "--data-dir", dir});
        HALLCTL_EXPECT(all, kExitOk);
        QVERIFY(contains(all.out, "DeviceChanged"));
        QVERIFY(contains(all.out, "AccountChanged"));
        QVERIFY(contains(all.out, "audit"));
        QVERIFY(!contains(all.out, "BODY"));

        auto db = openDb(database(dir));
        const auto events = hall::store::Journal(*db).readAfter(0, 10);
        QCOMPARE(events.size(), std::size_t(5));
        QVERIFY(!contains(all.out, hall::store::toHex(events[0].body)));

        const Run page =
            callHallctl({"journal", "show", "--data-dir", dir, "--after", "2", "--limit", "2", "--bodies"});
        HALLCTL_EXPECT(page, kExitOk);
        std::istringstream lines(page.out);
        std::string line;
        std::vector<std::string> seqs;
        std::getline(lines, line); // header
        QVERIFY(contains(line, "BODY"));
        while (std::getline(lines, line))
            seqs.push_back(line.substr(0, line.find(' ')));
        QCOMPARE(seqs, (std::vector<std::string>{"3", "4", "..."}));
        QVERIFY(contains(page.out, hall::store::toHex(events[2].body)));
        QVERIFY(contains(page.out, "continue with --after 4"));

        HALLCTL_EXPECT(callHallctl({"journal", "show", "--data-dir", dir, "--after", "x"}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"journal", "show", "--data-dir", dir, "--limit", "0"}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"journal", "show", "--data-dir", dir, "--limit", "-3"}), kExitUsage);
        QVERIFY(
            contains(callHallctl({"journal", "show", "--data-dir", dir, "--after", "5"}).out, "no events"));
    }

    void backupMakesAVerifiableCopy() {
        const std::string dir = makeHall();
        const std::string copy = tmpPath("copy.db");
        const Run run = callHallctl({"backup", "--data-dir", dir, "--out", copy});
        HALLCTL_EXPECT(run, kExitOk);
        QCOMPARE(fileMode(copy), mode_t(0600));
        // One self-contained file: no WAL side files beside it, before or after it is opened.
        QVERIFY(!QFileInfo::exists(QString::fromStdString(copy + "-wal")));
        auto db = openDb(copy);
        const auto check = hall::store::verifyJournal(*db);
        QVERIFY(check.intact);
        QCOMPARE(check.checked, std::uint64_t(5));
        QVERIFY(hall::store::AccountStore(*db).find("sun.li").has_value());
        QCOMPARE(db->metaValue(kMetaHallName), openDb(database(dir))->metaValue(kMetaHallName));
        db.reset();
        QVERIFY(!QFileInfo::exists(QString::fromStdString(copy + "-wal")));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(copy + "-shm")));

        // An existing file is never replaced.
        HALLCTL_EXPECT(callHallctl({"backup", "--data-dir", dir, "--out", copy}), kExitNo);
        QCOMPARE(hall::store::verifyJournal(*openDb(copy)).checked, std::uint64_t(5));
        HALLCTL_EXPECT(callHallctl({"backup", "--data-dir", dir, "--out", tmpPath("no/such/dir/copy.db")}),
                       kExitNo);
        HALLCTL_EXPECT(callHallctl({"backup", "--data-dir", dir}), kExitUsage);
        HALLCTL_EXPECT(
            callHallctl({"backup", "--data-dir", tmpPath("absent"), "--out", tmpPath("absent.db")}), kExitNo);
        QVERIFY(!QFileInfo::exists(QString::fromStdString(tmpPath("absent.db"))));
    }

    void backupIsConsistentBesideAWriter() {
        const std::string dir = makeHall();
        // Another connection, like the running server, is in the middle of a write.
        auto writer = openDb(database(dir), Database::Mode::ReadWrite);
        hall::store::Transaction tx(*writer);
        hall::store::Journal(*writer).append(nowMs(),
                                             static_cast<std::uint16_t>(hall::EventKind::NoticePosted),
                                             "hall", "system", "uncommitted");

        const std::string copy = tmpPath("during-write.db");
        HALLCTL_EXPECT(callHallctl({"backup", "--data-dir", dir, "--out", copy}), kExitOk);
        tx.commit();

        const auto copied = hall::store::verifyJournal(*openDb(copy));
        QVERIFY(copied.intact);
        QCOMPARE(copied.checked, std::uint64_t(5));
        const auto original = hall::store::verifyJournal(*writer);
        QVERIFY(original.intact);
        QCOMPARE(original.checked, std::uint64_t(6));
    }

    void backupRefusesABrokenJournal() {
        const std::string dir = makeHall();
        QVERIFY(execSql(database(dir), "UPDATE journal SET topic = 'hall' WHERE seq = 2"));
        const std::string copy = tmpPath("broken.db");
        const Run run = callHallctl({"backup", "--data-dir", dir, "--out", copy});
        HALLCTL_EXPECT(run, kExitNo);
        QVERIFY(contains(run.err, "seq 2"));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(copy)));
    }
};

QTEST_GUILESS_MAIN(TestHallctlJournal)
#include "tst_hallctl_journal.moc"
