#include "domain/calendar_cli.h"
#include "domain/check_cli.h"

#include "../../tools/hallctl/command.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace hallctl {
extern const Command kCalendarCommand;
extern const Command kCheckCommand;
} // namespace hallctl

namespace {

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
};

Run run(int (*command)(const std::vector<std::string>&, std::ostream&, std::ostream&),
        std::vector<std::string> args) {
    std::ostringstream out;
    std::ostringstream err;
    Run result;
    result.exitCode = command(args, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
}

const std::string kHolidays = std::string(HALL_SOURCE_DIR) + "/resources/holidays";

Run calendar(std::vector<std::string> args) {
    args.insert(args.begin(), {"--holidays", kHolidays});
    return run(&hall::domain::runCalendarCli, std::move(args));
}

Run check(std::vector<std::string> args) {
    return run(&hall::domain::runCheckCli, std::move(args));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

class TestDomainCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void addWorkdays() {
        Run r = calendar({"add-workdays", "2025-12-31", "1"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, std::string("2026-01-04\n"));
        QVERIFY(r.err.empty());

        r = calendar({"add-workdays", "2026-02-13", "2"});
        QCOMPARE(r.out, std::string("2026-02-24\n"));
        r = calendar({"add-workdays", "2026-12-25", "5"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, std::string("2027-01-01 provisional\n"));
        r = calendar({"add-workdays", "2026-02-24", "-1"});
        QCOMPARE(r.out, std::string("2026-02-14\n"));
        r = calendar({"add-workdays", "2026-02-13", "+2"});
        QCOMPARE(r.out, std::string("2026-02-24\n"));
        // The option may also follow the command.
        r = run(&hall::domain::runCalendarCli,
                {"add-workdays", "2025-12-31", "1", "--holidays=" + kHolidays});
        QCOMPARE(r.out, std::string("2026-01-04\n"));
    }

    void isWorkday() {
        Run r = calendar({"is-workday", "2026-02-14"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, std::string("yes\n"));
        r = calendar({"is-workday", "2026-02-16"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, std::string("no\n"));
        r = calendar({"is-workday", "2026-02-15"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, std::string("no\n"));
        r = calendar({"is-workday", "2027-01-04"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, std::string("yes provisional\n"));
        r = calendar({"is-workday", "2027-01-03"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, std::string("no provisional\n"));
    }

    void count() {
        Run r = calendar({"count", "2026-02-13", "2026-02-24"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, std::string("2\n"));
        r = calendar({"count", "2026-02-24", "2026-02-13"});
        QCOMPARE(r.out, std::string("-2\n"));
        r = calendar({"count", "2026-12-25", "2027-01-01"});
        QCOMPARE(r.out, std::string("5 provisional\n"));
        r = calendar({"count", "2026-05-05", "2026-05-05"});
        QCOMPARE(r.out, std::string("0\n"));
    }

    void years() {
        const Run r = calendar({"years"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(contains(r.out,
                         "2025 published https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm\n"));
        QVERIFY(contains(r.out, "2027 not published\n"));
    }

    void calendarHelp() {
        for (const char* option : {"--help", "-h"}) {
            const Run r = run(&hall::domain::runCalendarCli, {"add-workdays", option});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(contains(r.out, "Usage: hallctl calendar"));
            QVERIFY(contains(r.out, "provisional"));
            QVERIFY(r.err.empty());
        }
    }

    void calendarUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");

        QTest::newRow("nothing") << QStringList{} << "a command is needed";
        QTest::newRow("unknown command") << QStringList{QStringLiteral("next")} << "unknown command next";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--verbose"), QStringLiteral("years")}
                                        << "unknown option --verbose";
        QTest::newRow("missing N") << QStringList{QStringLiteral("add-workdays"),
                                                  QStringLiteral("2026-01-01")}
                                   << "add-workdays takes 2 arguments, not 1";
        QTest::newRow("bad N") << QStringList{QStringLiteral("add-workdays"), QStringLiteral("2026-01-01"),
                                              QStringLiteral("two")}
                               << "N must be a whole number from -100000 to 100000, not \"two\"";
        QTest::newRow("huge N") << QStringList{QStringLiteral("add-workdays"), QStringLiteral("2026-01-01"),
                                               QStringLiteral("100001")}
                                << "N must be a whole number";
        QTest::newRow("date that does not exist")
            << QStringList{QStringLiteral("is-workday"), QStringLiteral("2026-02-30")}
            << "date 2026-02-30 does not exist";
        QTest::newRow("date of another shape")
            << QStringList{QStringLiteral("count"), QStringLiteral("2026/01/01"),
                           QStringLiteral("2026-02-01")}
            << "\"2026/01/01\" is not a date of the form YYYY-MM-DD";
        QTest::newRow("holidays without folder")
            << QStringList{QStringLiteral("years"), QStringLiteral("--holidays")}
            << "--holidays needs a folder";
        QTest::newRow("holidays twice")
            << QStringList{QStringLiteral("--holidays"), QStringLiteral("/a"),
                           QStringLiteral("--holidays=/b"), QStringLiteral("years")}
            << "--holidays is given twice";
        QTest::newRow("years with argument") << QStringList{QStringLiteral("years"), QStringLiteral("2026")}
                                             << "years takes 0 arguments, not 1";
    }

    void calendarUsageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> arguments;
        for (const QString& arg : args) {
            arguments.push_back(arg.toStdString());
        }
        const Run r = run(&hall::domain::runCalendarCli, arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.empty());
        QVERIFY2(contains(r.err, "hallctl calendar: " + message.toStdString()), r.err.c_str());
        QVERIFY(contains(r.err, "--help"));
    }

    void calendarFileErrors() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path folder{dir.path().toStdString()};
        {
            std::ofstream file(folder / "2026.json");
            file << "{\"year\": 2026, \"days\": [{\"name\": \"x\", \"date\": \"2026-02-30\", \"isOffDay\": "
                    "true}]}";
        }
        Run r =
            run(&hall::domain::runCalendarCli, {"--holidays", folder.string(), "is-workday", "2026-01-05"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.empty());
        QVERIFY2(contains(r.err, (folder / "2026.json").string() +
                                     ": entry 1 of \"days\": date 2026-02-30 does not exist"),
                 r.err.c_str());

        r = run(&hall::domain::runCalendarCli, {"--holidays", (folder / "none").string(), "years"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(contains(r.err, "does not exist"));
    }

    // Without --holidays the folder comes from HALL_RESOURCE_DIR, else from the build's resource folder.
    void calendarDefaultFolder() {
        const QByteArray saved = qgetenv("HALL_RESOURCE_DIR");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path resources{dir.path().toStdString()};
        std::filesystem::create_directory(resources / "holidays");
        {
            std::ofstream file(resources / "holidays" / "2026.json");
            file << "{\"year\": 2026, \"days\": [{\"name\": \"x\", \"date\": \"2026-03-02\", \"isOffDay\": "
                    "true}]}";
        }
        qputenv("HALL_RESOURCE_DIR", dir.path().toLocal8Bit());
        Run r = run(&hall::domain::runCalendarCli, {"is-workday", "2026-03-02"});
        QCOMPARE(r.out, std::string("no\n"));

        qunsetenv("HALL_RESOURCE_DIR");
        r = run(&hall::domain::runCalendarCli, {"is-workday", "2026-03-02"});
        QCOMPARE(r.out, std::string("yes\n"));
        r = run(&hall::domain::runCalendarCli, {"is-workday", "2026-02-16"});
        QCOMPARE(r.out, std::string("no\n"));

        if (!saved.isNull()) {
            qputenv("HALL_RESOURCE_DIR", saved);
        }
    }

    void checkValues() {
        Run r = check({"id", "11010519491231002x"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, std::string("valid\n"));
        QVERIFY(r.err.empty());

        r = check({"id", "110105194912310021"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, std::string("invalid: check character should be X, not 1\n"));

        r = check({"uscc", "91350100M000100Y43"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, std::string("valid\n"));
        r = check({"uscc", "91350100M000100Y44"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, std::string("invalid: check character should be 3, not 4\n"));

        r = check({"mobile", "+86 138 0013 8000"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, std::string("valid\n"));
        r = check({"mobile", "1380013800"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, std::string("invalid: has 10 digits, not 11\n"));
    }

    void checkUsage() {
        Run r = check({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(contains(r.out, "Usage: hallctl check"));
        r = check({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(contains(r.err, "hallctl check: a kind"));
        r = check({"passport", "E12345678"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(contains(r.err, "unknown kind passport"));
        r = check({"mobile", "138", "0013", "8000"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(contains(r.err, "check mobile takes one VALUE, not 3"));
        r = check({"id"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.empty());
    }

    void hallctlCommands() {
        QCOMPARE(hallctl::kCalendarCommand.name, std::string_view("calendar"));
        QCOMPARE(hallctl::kCheckCommand.name, std::string_view("check"));
        QVERIFY(!hallctl::kCalendarCommand.summary.empty());
        QVERIFY(!hallctl::kCheckCommand.summary.empty());

        Run r = run(hallctl::kCalendarCommand.run, {"--holidays", kHolidays, "is-workday", "2026-01-04"});
        QCOMPARE(r.exitCode, hallctl::kExitOk);
        QCOMPARE(r.out, std::string("yes\n"));
        r = run(hallctl::kCheckCommand.run, {"uscc", "91350100M000100Y43"});
        QCOMPARE(r.exitCode, hallctl::kExitOk);
        r = run(hallctl::kCheckCommand.run, {"uscc", "91350100I000100Y43"});
        QCOMPARE(r.exitCode, hallctl::kExitNo);
        r = run(hallctl::kCheckCommand.run, {});
        QCOMPARE(r.exitCode, hallctl::kExitUsage);
    }
};

QTEST_APPLESS_MAIN(TestDomainCli)
#include "test_domain_cli.moc"
