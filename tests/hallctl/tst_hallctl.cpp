#include "hallctl_test_support.h"
#include "qtclient/connection_settings.h"

#include "pki/certificate_info.h"
#include "pki/pem_file.h"
#include "protocol/events.h"
#include "store/accounts.h"
#include "store/devices.h"
#include "store/journal.h"
#include "store/migrations.h"
#include "store/password.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <set>

using namespace hallctl;
using namespace hallctl::test;
using hall::store::Database;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

std::unique_ptr<Database> openDb(const std::string& dataDir, Database::Mode mode = Database::Mode::ReadOnly) {
    auto db = Database::open(HallLayout(dataDir).database.string(), mode);
    if (!db)
        qFatal("cannot open the hall database: %s", db.error().message.c_str());
    return std::move(db).value();
}

std::uint64_t journalHead(const std::string& dataDir) {
    auto db = openDb(dataDir);
    return hall::store::Journal(*db).head();
}

std::vector<hall::store::JournalEvent> journalEvents(const std::string& dataDir) {
    auto db = openDb(dataDir);
    return hall::store::Journal(*db).readAfter(0, 1000);
}

std::size_t deviceCount(const std::string& dataDir) {
    auto db = openDb(dataDir);
    return hall::store::DeviceRegistry(*db).list().size();
}

std::set<std::string> entriesOf(const QString& dir) {
    std::set<std::string> names;
    for (const QString& name : QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        names.insert(name.toStdString());
    return names;
}

} // namespace

class TestHallctl : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::string m_hall; ///< a hall made once by initTestCase, shared by the device and account tests

    std::string tmpPath(const char* name) const { return path(QDir(m_tmp.path()), name); }

    std::vector<std::string> deviceArgs(std::vector<std::string> extra) const {
        std::vector<std::string> args{"device", "add", "--data-dir", m_hall};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_hall = tmpPath("hall");
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", m_hall, "--hall-name", "Puyang Sunshine Building",
                                    "--server-name", "hall.puyang.example", "--server-ip", "10.20.0.5"}),
                       kExitOk);
    }

    void initCreatesAWorkingHall() {
        const HallLayout layout(m_hall);
        for (const auto& file : {layout.database, layout.config, layout.caCertificate, layout.caKey,
                                 layout.serverCertificate, layout.serverKey})
            QVERIFY2(std::filesystem::is_regular_file(file), file.c_str());
        QVERIFY(std::filesystem::is_directory(layout.logsDir));
        QCOMPARE(fileMode(layout.caKey.string()), mode_t(0600));
        QCOMPARE(fileMode(layout.serverKey.string()), mode_t(0600));
        QCOMPARE(fileMode(layout.database.string()), mode_t(0600));
        QCOMPARE(fileMode(layout.root.string()), mode_t(0700));
        QCOMPARE(fileMode(layout.pkiDir.string()), mode_t(0700));
        QCOMPARE(fileMode(layout.caCertificate.string()), mode_t(0644));

        // Only the hall itself appears beside it: the staging directory was renamed, not left behind.
        for (const std::string& entry : entriesOf(m_tmp.path()))
            QVERIFY2(!contains(entry, ".init-"), entry.c_str());

        auto db = openDb(m_hall);
        QCOMPARE(db->schemaVersion(), hall::store::latestSchemaVersion());
        QCOMPARE(db->metaValue(kMetaHallName).value_or(""), std::string("Puyang Sunshine Building"));
        const std::string caPem = hall::pki::readSmallFile(layout.caCertificate.string()).value();
        QCOMPARE(db->metaValue(kMetaCaFingerprint).value_or(""),
                 hall::pki::certificateFingerprint(caPem).value());

        const std::string serverPem = hall::pki::readSmallFile(layout.serverCertificate.string()).value();
        QVERIFY(hall::pki::verifyIssuedBy(serverPem, caPem).ok());
        const auto server = hall::pki::readCertificate(serverPem).value();
        QCOMPARE(server.dnsNames, (std::vector<std::string>{"localhost", "hall.puyang.example"}));
        QCOMPARE(server.ipAddresses, (std::vector<std::string>{"127.0.0.1", "10.20.0.5"}));
        QCOMPARE(hall::pki::readCertificate(caPem).value().commonName,
                 std::string("Sunshine Hall CA \u2014 Puyang Sunshine Building"));

        // hall.conf: every setting present but commented out, so the defaults rule until someone edits it.
        const std::string conf = hall::pki::readSmallFile(layout.config.string()).value();
        std::istringstream lines(conf);
        std::string line;
        int settings = 0;
        while (std::getline(lines, line)) {
            QVERIFY2(line.empty() || line.front() == '#', line.c_str());
            if (contains(line, " = "))
                ++settings;
        }
        QVERIFY(settings >= 8);
        QVERIFY(contains(conf, "# port = 7443"));
        QCOMPARE(configuredPort(layout).value(), kDefaultPort);
        QCOMPARE(journalHead(m_hall), std::uint64_t(0));
    }

    void initRefusesAnExistingHallAndBadInput() {
        const std::string busy = tmpPath("busy");
        QVERIFY(QDir().mkpath(qs(busy)));
        QVERIFY(hall::pki::writeNewFile(busy + "/notes.txt", "keep me", 0644).ok());
        const Run refused = callHallctl({"init", "--data-dir", busy});
        HALLCTL_EXPECT(refused, kExitNo);
        QVERIFY(contains(refused.err, "not empty"));
        QCOMPARE(entriesOf(qs(busy)), (std::set<std::string>{"notes.txt"}));
        QCOMPARE(hall::pki::readSmallFile(busy + "/notes.txt").value(), std::string("keep me"));

        // Re-running init on a working hall changes nothing in it.
        const auto caBefore = hall::pki::readSmallFile(HallLayout(m_hall).caCertificate.string()).value();
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", m_hall}), kExitNo);
        QCOMPARE(hall::pki::readSmallFile(HallLayout(m_hall).caCertificate.string()).value(), caBefore);

        // An empty directory is fine.
        const std::string empty = tmpPath("empty");
        QVERIFY(QDir().mkpath(qs(empty)));
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", empty}), kExitOk);
        QVERIFY(std::filesystem::exists(HallLayout(empty).database));

        const auto before = entriesOf(m_tmp.path());
        const std::string fresh = tmpPath("fresh");
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", fresh, "--server-ip", "300.1.2.3"}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", fresh, "--server-name", "bad,name"}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", fresh, "--hall-name", ""}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", fresh, "--hall-name", std::string(46, 'x')}),
                       kExitUsage);
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", fresh, "--bogus"}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir"}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"init"}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", tmpPath("no/such/parent/hall")}), kExitNo);
        QCOMPARE(entriesOf(m_tmp.path()), before);
    }

    void deviceAddWritesEverything() {
        const std::string out = tmpPath("tablet-2-07");
        const Run run = callHallctl(deviceArgs({"--role", "tablet", "--name", "tablet-2-07", "--window",
                                                "2-07", "--out", out, "--port", "7500"}));
        HALLCTL_EXPECT(run, kExitOk);
        QCOMPARE(entriesOf(qs(out)),
                 (std::set<std::string>{"ca.pem", "connection.ini", "device.key", "device.pem"}));
        QCOMPARE(fileMode(out + "/device.key"), mode_t(0600));

        const std::string devicePem = hall::pki::readSmallFile(out + "/device.pem").value();
        const std::string caPem = hall::pki::readSmallFile(out + "/ca.pem").value();
        QCOMPARE(caPem, hall::pki::readSmallFile(HallLayout(m_hall).caCertificate.string()).value());
        QVERIFY(hall::pki::verifyIssuedBy(devicePem, caPem).ok());
        const auto info = hall::pki::readCertificate(devicePem).value();
        QCOMPARE(info.commonName, std::string("tablet-2-07"));
        QCOMPARE(info.organizationalUnit, std::string("tablet"));

        // The Qt programs read connection.ini through the shared connection settings.
        hall::qt::ConnectionSettings defaults;
        defaults.clientName = QStringLiteral("tablet-eval");
        const auto settings =
            hall::qt::ConnectionSettings::fromIniFile(qs(out + "/connection.ini"), defaults);
        QVERIFY2(settings.ok(), settings.ok() ? "" : settings.error().message.c_str());
        QCOMPARE(settings->host, QStringLiteral("hall.puyang.example"));
        QCOMPARE(int(settings->port), 7500);
        QCOMPARE(settings->caFile, qs(out + "/ca.pem"));
        QCOMPARE(settings->certFile, qs(out + "/device.pem"));
        QCOMPARE(settings->keyFile, qs(out + "/device.key"));

        auto db = openDb(m_hall);
        const auto record = hall::store::DeviceRegistry(*db).findByFingerprint(info.fingerprint);
        QVERIFY(record.has_value());
        QCOMPARE(record->identity,
                 (hall::DeviceIdentity{hall::DeviceRole::Tablet, "tablet-2-07", "2-07", 2}));
        QCOMPARE(record->serial, info.serial);
        QCOMPARE(record->revokedAtMs, std::int64_t(0));

        const auto events = hall::store::Journal(*db).readAfter(0, 100);
        QVERIFY(!events.empty());
        const auto& last = events.back();
        QCOMPARE(last.kind, static_cast<std::uint16_t>(hall::EventKind::DeviceChanged));
        QCOMPARE(last.topic, std::string(hall::kTopicAudit));
        const auto changed = hall::DeviceChanged::decode(last.body).value();
        QCOMPARE(changed.change, hall::DeviceChange::Added);
        QCOMPARE(changed.device, record->identity);
        QCOMPARE(changed.fingerprint, info.fingerprint);
    }

    void deviceAddRefusesBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("expected");
        const auto s = [](const char* text) {
            return QString::fromUtf8(text);
        };
        QTest::newRow("unknown role")
            << QStringList{s("--role"), s("printer"), s("--name"), s("p1")} << kExitUsage;
        QTest::newRow("name with a space")
            << QStringList{s("--role"), s("kiosk"), s("--name"), s("K 1")} << kExitUsage;
        QTest::newRow("name too long")
            << QStringList{s("--role"), s("kiosk"), s("--name"), QString(33, u'k')} << kExitUsage;
        QTest::newRow("tablet without window")
            << QStringList{s("--role"), s("tablet"), s("--name"), s("t1")} << kExitUsage;
        QTest::newRow("clerk-pc bad window")
            << QStringList{s("--role"), s("clerk-pc"), s("--name"), s("c1"), s("--window"), s("9-01")}
            << kExitUsage;
        QTest::newRow("window 2-00") << QStringList{s("--role"), s("clerk-pc"), s("--name"),
                                                    s("c1"),     s("--window"), s("2-00")}
                                     << kExitUsage;
        QTest::newRow("kiosk with window")
            << QStringList{s("--role"), s("kiosk"), s("--name"), s("k1"), s("--window"), s("2-07")}
            << kExitUsage;
        QTest::newRow("floor 6") << QStringList{s("--role"), s("display"), s("--name"),
                                                s("d1"),     s("--floor"), s("6")}
                                 << kExitUsage;
        QTest::newRow("floor not a number")
            << QStringList{s("--role"), s("display"), s("--name"), s("d1"), s("--floor"), s("two")}
            << kExitUsage;
        QTest::newRow("floor contradicts window")
            << QStringList{s("--role"),   s("tablet"), s("--name"),  s("t1"),
                           s("--window"), s("2-07"),   s("--floor"), s("3")}
            << kExitUsage;
        QTest::newRow("bad port") << QStringList{s("--role"), s("kiosk"),  s("--name"),
                                                 s("k1"),     s("--port"), s("70000")}
                                  << kExitUsage;
        QTest::newRow("bad host") << QStringList{s("--role"), s("kiosk"),  s("--name"),
                                                 s("k1"),     s("--host"), s("a b")}
                                  << kExitUsage;
        QTest::newRow("stray argument")
            << QStringList{s("--role"), s("kiosk"), s("--name"), s("k1"), s("extra")} << kExitUsage;
        QTest::newRow("name already registered")
            << QStringList{s("--role"), s("kiosk"), s("--name"), s("tablet-2-07")} << kExitNo;
    }

    void deviceAddRefusesBadInput() {
        QFETCH(QStringList, args);
        QFETCH(int, expected);
        const std::string out = tmpPath("refused-device");
        std::vector<std::string> extra{"--out", out};
        for (const QString& arg : args)
            extra.push_back(arg.toStdString());
        const std::size_t devicesBefore = deviceCount(m_hall);
        const std::uint64_t headBefore = journalHead(m_hall);

        const Run run = callHallctl(deviceArgs(extra));
        HALLCTL_EXPECT(run, expected);
        QVERIFY(!run.err.empty());
        QVERIFY(run.out.empty());
        QVERIFY2(!QFileInfo::exists(qs(out)), "nothing may be written for a refused device");
        QCOMPARE(deviceCount(m_hall), devicesBefore);
        QCOMPARE(journalHead(m_hall), headBefore);
    }

    void deviceAddNeverReplacesFilesOrLeavesHalfAResult() {
        // A directory that already holds a device's files is refused before anything is issued.
        const std::string taken = tmpPath("tablet-2-07");
        const std::string keyBefore = hall::pki::readSmallFile(taken + "/device.key").value();
        const std::size_t devicesBefore = deviceCount(m_hall);
        HALLCTL_EXPECT(callHallctl(deviceArgs({"--role", "kiosk", "--name", "K-1F-09", "--out", taken})),
                       kExitNo);
        QCOMPARE(hall::pki::readSmallFile(taken + "/device.key").value(), keyBefore);
        QCOMPARE(deviceCount(m_hall), devicesBefore);

        // No hall at --data-dir: nothing is created there.
        const std::string nowhere = tmpPath("nowhere");
        const Run noHall = callHallctl({"device", "add", "--data-dir", nowhere, "--role", "kiosk", "--name",
                                        "k2", "--out", tmpPath("k2")});
        HALLCTL_EXPECT(noHall, kExitNo);
        QVERIFY(contains(noHall.err, "hallctl init"));
        QVERIFY(!QFileInfo::exists(qs(nowhere)));
        QVERIFY(!QFileInfo::exists(qs(tmpPath("k2"))));

        // The registration fails after the files were written: they are removed again.
        const std::string database = HallLayout(m_hall).database.string();
        QVERIFY(execSql(database, "CREATE TRIGGER refuse_devices BEFORE INSERT ON devices "
                                  "BEGIN SELECT RAISE(ABORT, 'registry refused'); END;"));
        const std::uint64_t headBefore = journalHead(m_hall);
        const std::string out = tmpPath("k3");
        const Run failed = callHallctl(deviceArgs({"--role", "kiosk", "--name", "k3", "--out", out}));
        QVERIFY(execSql(database, "DROP TRIGGER refuse_devices;"));
        HALLCTL_EXPECT(failed, kExitNo);
        QVERIFY(contains(failed.err, "registry refused"));
        QVERIFY(!QFileInfo::exists(qs(out)));
        QCOMPARE(deviceCount(m_hall), devicesBefore);
        QCOMPARE(journalHead(m_hall), headBefore);
    }

    void deviceListAndRevoke() {
        HALLCTL_EXPECT(callHallctl(deviceArgs({"--role", "display", "--name", "LED-2F", "--floor", "2",
                                               "--out", tmpPath("led-2f")})),
                       kExitOk);
        const Run listed = callHallctl({"device", "list", "--data-dir", m_hall});
        HALLCTL_EXPECT(listed, kExitOk);
        QVERIFY(contains(listed.out, "LED-2F"));
        QVERIFY(contains(listed.out, "tablet-2-07"));
        const std::string fingerprint =
            hall::pki::certificateFingerprint(
                hall::pki::readSmallFile(tmpPath("led-2f") + "/device.pem").value())
                .value();
        QVERIFY(contains(listed.out, fingerprint));

        HALLCTL_EXPECT(callHallctl({"device", "revoke", "--data-dir", m_hall, "--name", "LED-2F"}), kExitOk);
        {
            auto db = openDb(m_hall);
            const auto record = hall::store::DeviceRegistry(*db).findByName("LED-2F");
            QVERIFY(record && record->revokedAtMs != 0);
            const auto last = hall::store::Journal(*db).readAfter(hall::store::Journal(*db).head() - 1, 1);
            QCOMPARE(last.size(), std::size_t(1));
            const auto changed = hall::DeviceChanged::decode(last.front().body).value();
            QCOMPARE(changed.change, hall::DeviceChange::Revoked);
            QCOMPARE(changed.device.name, std::string("LED-2F"));
        }
        QVERIFY(contains(callHallctl({"device", "list", "--data-dir", m_hall}).out, "revoked"));

        const std::uint64_t head = journalHead(m_hall);
        HALLCTL_EXPECT(callHallctl({"device", "revoke", "--data-dir", m_hall, "--name", "LED-2F"}), kExitNo);
        HALLCTL_EXPECT(callHallctl({"device", "revoke", "--data-dir", m_hall, "--name", "no-such"}), kExitNo);
        HALLCTL_EXPECT(callHallctl({"device", "revoke", "--data-dir", m_hall, "--name", "bad name"}),
                       kExitUsage);
        HALLCTL_EXPECT(callHallctl({"device", "revoke", "--data-dir", m_hall}), kExitUsage);
        QCOMPARE(journalHead(m_hall), head);
        // A revoked name stays taken.
        HALLCTL_EXPECT(
            callHallctl(deviceArgs({"--role", "display", "--name", "LED-2F", "--out", tmpPath("led-again")})),
            kExitNo);
    }

    void accountAdd() {
        const std::string password = "Correct-Horse-9";
        const Run added = callHallctl({"account", "add", "--data-dir", m_hall, "--username", "zhang.wei",
                                       "--display-name", "张伟", "--role", "clerk", "--department",
                                       "市场监督管理局", "--staff-number", "PY-0207", "--password-stdin"},
                                      password + "\n");
        HALLCTL_EXPECT(added, kExitOk);

        const std::string passwordFile = tmpPath("li-na.pw");
        QVERIFY(hall::pki::writeNewFile(passwordFile, "Another-Secret-7\n", 0600).ok());
        HALLCTL_EXPECT(
            callHallctl({"account", "add", "--data-dir", m_hall, "--username", "li.na", "--display-name",
                         "李娜", "--role", "supervisor", "--password-file", passwordFile}),
            kExitOk);

        auto db = openDb(m_hall);
        hall::store::AccountStore accounts(*db);
        const auto zhang = accounts.find("zhang.wei");
        QVERIFY(zhang.has_value());
        QCOMPARE(zhang->role, hall::PersonRole::Clerk);
        QCOMPARE(zhang->department, std::string("市场监督管理局"));
        QCOMPARE(zhang->staffNumber, std::string("PY-0207"));
        QVERIFY(hall::store::verifyPassword(password, zhang->passwordHash));
        QVERIFY(hall::store::verifyPassword("Another-Secret-7", accounts.find("li.na")->passwordHash));

        const auto last =
            hall::store::Journal(*db).readAfter(hall::store::Journal(*db).head() - 1, 1).front();
        QCOMPARE(last.kind, static_cast<std::uint16_t>(hall::EventKind::AccountChanged));
        QCOMPARE(hall::AccountChanged::decode(last.body).value(),
                 (hall::AccountChanged{hall::AccountChange::Created, "li.na", hall::PersonRole::Supervisor}));
        QVERIFY(!contains(last.body, "Another-Secret-7"));

        const Run listed = callHallctl({"account", "list", "--data-dir", m_hall});
        HALLCTL_EXPECT(listed, kExitOk);
        QVERIFY(contains(listed.out, "zhang.wei"));
        QVERIFY(contains(listed.out, "张伟"));
        QVERIFY(contains(listed.out, "li.na"));
        for (const Run& run : {added, listed}) {
            QVERIFY(!contains(run.out + run.err, password));
            QVERIFY(!contains(run.out + run.err, "pbkdf2"));
            QVERIFY(
                !contains(run.out + run.err, zhang->passwordHash.substr(zhang->passwordHash.rfind('$') + 1)));
        }
    }

    void accountAddRefusesBadInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("expected");
        const auto s = [](const char* text) {
            return QString::fromUtf8(text);
        };
        const QStringList base{s("--display-name"), s("王芳"), s("--role"), s("clerk")};
        QTest::newRow("duplicate") << (QStringList{s("--username"), s("zhang.wei"), s("--password-stdin")} +
                                       base)
                                   << s("Long-Enough-1\n") << kExitNo;
        QTest::newRow("short password")
            << (QStringList{s("--username"), s("wang.fang"), s("--password-stdin")} + base) << s("Short-1\n")
            << kExitUsage;
        QTest::newRow("password is the username")
            << (QStringList{s("--username"), s("wang.fang"), s("--password-stdin")} + base)
            << s("wang.fang\n") << kExitUsage;
        QTest::newRow("no password on stdin")
            << (QStringList{s("--username"), s("wang.fang"), s("--password-stdin")} + base) << QString()
            << kExitUsage;
        QTest::newRow("no password option")
            << (QStringList{s("--username"), s("wang.fang")} + base) << s("Long-Enough-1\n") << kExitUsage;
        QTest::newRow("two password options")
            << (QStringList{s("--username"), s("wang.fang"), s("--password-stdin"), s("--password-file"),
                            s("/dev/null")} +
                base)
            << s("Long-Enough-1\n") << kExitUsage;
        QTest::newRow("missing password file")
            << (QStringList{s("--username"), s("wang.fang"), s("--password-file"), s("/no/such/file")} + base)
            << QString() << kExitNo;
        QTest::newRow("bad username")
            << (QStringList{s("--username"), s("Wang Fang"), s("--password-stdin")} + base)
            << s("Long-Enough-1\n") << kExitUsage;
        QTest::newRow("unknown role")
            << QStringList{s("--username"), s("wang.fang"), s("--password-stdin"), s("--display-name"),
                           s("王芳"),       s("--role"),    s("janitor")}
            << s("Long-Enough-1\n") << kExitUsage;
        QTest::newRow("empty display name")
            << QStringList{s("--username"),      s("wang.fang"), s("--password-stdin"),
                           s("--display-name="), s("--role"),    s("clerk")}
            << s("Long-Enough-1\n") << kExitUsage;
    }

    void accountAddRefusesBadInput() {
        QFETCH(QStringList, args);
        QFETCH(QString, input);
        QFETCH(int, expected);
        std::vector<std::string> command{"account", "add", "--data-dir", m_hall};
        for (const QString& arg : args)
            command.push_back(arg.toStdString());
        const std::uint64_t headBefore = journalHead(m_hall);
        const std::size_t accountsBefore = hall::store::AccountStore(*openDb(m_hall)).list().size();

        const Run run = callHallctl(command, input.toStdString());
        HALLCTL_EXPECT(run, expected);
        QVERIFY(!run.err.empty());
        QVERIFY(run.out.empty());
        // A refused password is never echoed back (the "password is the username" row repeats the username).
        const std::string secret = input.trimmed().toStdString();
        if (!secret.empty() && secret != "wang.fang")
            QVERIFY(!contains(run.err, secret));
        QCOMPARE(hall::store::AccountStore(*openDb(m_hall)).list().size(), accountsBefore);
        QCOMPARE(journalHead(m_hall), headBefore);
    }

    void accountPasswdUnlockDisable() {
        const auto account = [this] {
            return hall::store::AccountStore(*openDb(m_hall)).find("zhang.wei").value();
        };
        const auto run = [this](const char* action, const std::string& input = {}) {
            std::vector<std::string> args{"account", action, "--data-dir", m_hall, "--username", "zhang.wei"};
            if (!input.empty())
                args.push_back("--password-stdin");
            return callHallctl(args, input);
        };

        HALLCTL_EXPECT(run("passwd", "New-Password-2024\n"), kExitOk);
        QVERIFY(hall::store::verifyPassword("New-Password-2024", account().passwordHash));
        QVERIFY(!hall::store::verifyPassword("Correct-Horse-9", account().passwordHash));
        HALLCTL_EXPECT(run("passwd", "tiny\n"), kExitUsage);
        QVERIFY(hall::store::verifyPassword("New-Password-2024", account().passwordHash));

        // Lock the account the way failed logins would.
        {
            auto db = openDb(m_hall, Database::Mode::ReadWrite);
            hall::store::AccountStore(*db).setLoginState("zhang.wei", 5, nowMs() + 3600 * 1000);
        }
        QVERIFY(contains(callHallctl({"account", "list", "--data-dir", m_hall}).out, "locked until"));
        HALLCTL_EXPECT(run("unlock"), kExitOk);
        QCOMPARE(account().failedCount, std::uint32_t(0));
        QCOMPARE(account().lockedUntilMs, std::int64_t(0));
        HALLCTL_EXPECT(run("unlock"), kExitNo);

        HALLCTL_EXPECT(run("disable"), kExitOk);
        QVERIFY(account().disabled);
        QVERIFY(contains(callHallctl({"account", "list", "--data-dir", m_hall}).out, "disabled"));
        HALLCTL_EXPECT(run("disable"), kExitNo);
        HALLCTL_EXPECT(run("enable"), kExitOk);
        QVERIFY(!account().disabled);

        std::vector<hall::AccountChange> changes;
        for (const auto& event : journalEvents(m_hall))
            if (event.kind == static_cast<std::uint16_t>(hall::EventKind::AccountChanged)) {
                const auto decoded = hall::AccountChanged::decode(event.body).value();
                if (decoded.username == "zhang.wei")
                    changes.push_back(decoded.change);
            }
        QCOMPARE(changes, (std::vector<hall::AccountChange>{
                              hall::AccountChange::Created, hall::AccountChange::PasswordChanged,
                              hall::AccountChange::Unlocked, hall::AccountChange::Disabled,
                              hall::AccountChange::Enabled}));

        HALLCTL_EXPECT(callHallctl({"account", "unlock", "--data-dir", m_hall, "--username", "nobody"}),
                       kExitNo);
        HALLCTL_EXPECT(callHallctl({"account", "frobnicate", "--data-dir", m_hall}), kExitUsage);
    }

    void helpListsEveryCommand() {
        const Run help = callHallctl({"--help"});
        HALLCTL_EXPECT(help, kExitOk);
        std::set<std::string_view> names;
        for (const Command* command : commandTable()) {
            QVERIFY2(names.insert(command->name).second, "command names must be unique");
            QVERIFY(contains(help.out, std::string(command->name)));
            QVERIFY(contains(help.out, std::string(command->summary)));
            const Run own = callHallctl({std::string(command->name), "--help"});
            HALLCTL_EXPECT(own, kExitOk);
            QVERIFY(contains(own.out, "Usage: hallctl " + std::string(command->name)));
        }
        for (const char* name : {"init", "device", "account", "backup", "journal"})
            QVERIFY(names.count(name) == 1);
        for (const auto& sub : std::vector<std::vector<std::string>>{{"device", "add", "--help"},
                                                                     {"account", "passwd", "--help"},
                                                                     {"journal", "verify", "--help"}})
            QVERIFY(contains(callHallctl(sub).out, "Options:"));
        HALLCTL_EXPECT(callHallctl({}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"frobnicate"}), kExitUsage);
        HALLCTL_EXPECT(callHallctl({"device"}), kExitUsage);
        QCOMPARE(callHallctl({"help", "device"}).out, callHallctl({"device", "--help"}).out);
    }

    void realBinary() {
        const QString program = QStringLiteral(HALL_BINARY_DIR "/tools/hallctl/hallctl");
        QVERIFY2(QFileInfo::exists(program), qPrintable(program));
        const auto start = [&](const QStringList& args, const QByteArray& input = {}) {
            QProcess process;
            process.start(program, args);
            if (!process.waitForStarted())
                return std::pair<int, QString>{-1, process.errorString()};
            process.write(input);
            process.closeWriteChannel();
            process.waitForFinished(60000);
            return std::pair<int, QString>{
                process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
        };
        const auto help = start({QStringLiteral("--help")});
        QCOMPARE(help.first, kExitOk);
        QVERIFY(help.second.contains(QStringLiteral("journal")));
        QCOMPARE(start({QStringLiteral("frobnicate")}).first, kExitUsage);
        QCOMPARE(start({QStringLiteral("journal"), QStringLiteral("verify")}).first, kExitUsage);
        QCOMPARE(start({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--data-dir"),
                        qs(tmpPath("absent"))})
                     .first,
                 kExitNo);
        QCOMPARE(start({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--data-dir"),
                        qs(m_hall)})
                     .first,
                 kExitOk);
        const auto added =
            start({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--data-dir"), qs(m_hall),
                   QStringLiteral("--username"), QStringLiteral("zhao.lei"), QStringLiteral("--display-name"),
                   QStringLiteral("Zhao Lei"), QStringLiteral("--role"), QStringLiteral("admin"),
                   QStringLiteral("--password-stdin")},
                  "Binary-Secret-42\n");
        QVERIFY2(added.first == kExitOk, qPrintable(added.second));
        QVERIFY(!added.second.contains(QStringLiteral("Binary-Secret-42")));
    }
};

QTEST_GUILESS_MAIN(TestHallctl)
#include "tst_hallctl.moc"
