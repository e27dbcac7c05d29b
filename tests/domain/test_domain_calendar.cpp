#include "domain/holiday_notice.h"
#include "domain/iso_date.h"
#include "domain/resource_paths.h"
#include "domain/working_calendar.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <optional>

using namespace hall;
using namespace hall::domain;

namespace {

Date date(const char* text) {
    Result<Date> parsed = parseIsoDate(text);
    Q_ASSERT(parsed.ok());
    return *parsed;
}

std::filesystem::path shippedHolidays() {
    return std::filesystem::path{HALL_SOURCE_DIR} / "resources" / "holidays";
}

void writeFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream stream(path, std::ios::binary);
    stream << content;
}

std::string noticeJson(int year, const std::string& days) {
    return "{\"year\": " + std::to_string(year) +
           ", \"papers\": [\"https://example.invalid/notice\"], \"days\": [" + days + "]}";
}

std::string entry(const char* day, bool off, const char* name = "test") {
    return std::string("{\"name\": \"") + name + "\", \"date\": \"" + day +
           "\", \"isOffDay\": " + (off ? "true" : "false") + "}";
}

} // namespace

class TestDomainCalendar : public QObject {
    Q_OBJECT

private:
    std::optional<WorkingCalendar> m_calendar;

    const WorkingCalendar& calendar() const { return *m_calendar; }

private Q_SLOTS:
    void initTestCase() {
        Result<WorkingCalendar> loaded = WorkingCalendar::load(shippedHolidays());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        m_calendar = std::move(loaded).value();
    }

    void isoDates() {
        QCOMPARE(formatIsoDate(date("2024-02-29")), std::string("2024-02-29"));
        QCOMPARE(formatIsoDate(date("0001-01-01")), std::string("0001-01-01"));
        QCOMPARE(parseIsoDate("2025-02-29").error().message, std::string("date 2025-02-29 does not exist"));
        QCOMPARE(parseIsoDate("2025-13-01").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(parseIsoDate("0000-01-01").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(parseIsoDate("2025/01/01").error().message,
                 std::string("\"2025/01/01\" is not a date of the form YYYY-MM-DD"));
        QVERIFY(!parseIsoDate("2025-1-01").ok());
        QVERIFY(!parseIsoDate(" 2025-01-01").ok());
        QVERIFY(!parseIsoDate("").ok());
        QCOMPARE(addDays(date("2025-12-31"), 1), date("2026-01-01"));
        QCOMPARE(addDays(date("2024-03-01"), -1), date("2024-02-29"));
    }

    void publishedYears() {
        for (int year : {2023, 2024, 2025, 2026}) {
            QVERIFY2(calendar().isPublished(year), std::to_string(year).c_str());
        }
        QVERIFY(!calendar().isPublished(2027)); // the file is there, with no days: not out yet
        QVERIFY(!calendar().isPublished(2022)); // no file at all
        const std::vector<NoticeYear> years = calendar().noticeYears();
        QCOMPARE(years.size(), std::size_t{5});
        QCOMPARE(years.front().year, 2023);
        QCOMPARE(years.back().year, 2027);
        QVERIFY(!years.back().published);
        QCOMPARE(years[2].papers,
                 std::vector<std::string>{"https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm"});
    }

    void addWorkdays_data() {
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("due");
        QTest::addColumn<bool>("provisional");

        QTest::newRow("accepted Friday, one day: Monday") << "2025-03-07" << 1 << "2025-03-10" << false;
        QTest::newRow("zero days: the start day") << "2026-02-15" << 0 << "2026-02-15" << false;
        QTest::newRow("lands on make-up Sunday 2026-01-04") << "2025-12-31" << 1 << "2026-01-04" << false;
        QTest::newRow("lands on make-up Saturday 2026-02-14") << "2026-02-13" << 1 << "2026-02-14" << false;
        QTest::newRow("crosses Spring Festival 2026") << "2026-02-13" << 2 << "2026-02-24" << false;
        QTest::newRow("crosses Spring Festival 2025") << "2025-01-24" << 3 << "2025-02-05" << false;
        QTest::newRow("lands on make-up Sunday 2025-09-28") << "2025-09-26" << 1 << "2025-09-28" << false;
        QTest::newRow("crosses National Day 2025") << "2025-09-26" << 4 << "2025-10-09" << false;
        QTest::newRow("lands on make-up Saturday 2025-10-11") << "2025-10-10" << 1 << "2025-10-11" << false;
        QTest::newRow("crosses Labour Day 2026") << "2026-04-30" << 1 << "2026-05-06" << false;
        QTest::newRow("twenty days after Dragon Boat 2025") << "2025-06-03" << 20 << "2025-07-01" << false;
        QTest::newRow("start on a holiday") << "2026-10-03" << 1 << "2026-10-08" << false;
        QTest::newRow("ends 2026-12-31, all published") << "2026-12-24" << 5 << "2026-12-31" << false;
        QTest::newRow("runs into 2027: provisional") << "2026-12-25" << 5 << "2027-01-01" << true;
        QTest::newRow("wholly in 2027: provisional") << "2027-03-01" << 3 << "2027-03-04" << true;
        QTest::newRow("back one from after Spring Festival") << "2026-02-24" << -1 << "2026-02-14" << false;
        QTest::newRow("back one onto make-up Sunday") << "2026-01-05" << -1 << "2026-01-04" << false;
        QTest::newRow("back across New Year 2027") << "2027-01-04" << -1 << "2027-01-01" << true;
        QTest::newRow("back two across New Year 2027") << "2027-01-04" << -2 << "2026-12-31" << true;
    }

    void addWorkdays() {
        QFETCH(QString, start);
        QFETCH(int, n);
        QFETCH(QString, due);
        QFETCH(bool, provisional);
        const DueDate result = calendar().addWorkdays(date(start.toLatin1().constData()), n);
        QCOMPARE(QString::fromStdString(formatIsoDate(result.date)), due);
        QCOMPARE(result.provisional, provisional);
    }

    void isWorkday_data() {
        QTest::addColumn<QString>("day");
        QTest::addColumn<bool>("working");
        QTest::addColumn<bool>("provisional");
        QTest::addColumn<int>("kind");

        QTest::newRow("National Day, a Wednesday") << "2025-10-01" << false << false << int(DayKind::Holiday);
        QTest::newRow("make-up Sunday") << "2025-09-28" << true << false << int(DayKind::MakeupWorkday);
        QTest::newRow("make-up Saturday") << "2025-10-11" << true << false << int(DayKind::MakeupWorkday);
        QTest::newRow("ordinary Sunday") << "2025-10-12" << false << false << int(DayKind::Weekend);
        QTest::newRow("ordinary Saturday") << "2025-10-18" << false << false << int(DayKind::Weekend);
        QTest::newRow("ordinary Monday") << "2025-10-13" << true << false << int(DayKind::Workday);
        QTest::newRow("make-up Sunday 2026-01-04")
            << "2026-01-04" << true << false << int(DayKind::MakeupWorkday);
        QTest::newRow("make-up Saturday 2026-02-14")
            << "2026-02-14" << true << false << int(DayKind::MakeupWorkday);
        QTest::newRow("Spring Festival Monday") << "2026-02-16" << false << false << int(DayKind::Holiday);
        QTest::newRow("Spring Festival Saturday") << "2026-02-21" << false << false << int(DayKind::Holiday);
        QTest::newRow("2027 Monday") << "2027-01-04" << true << true << int(DayKind::Workday);
        QTest::newRow("2027 Saturday") << "2027-01-02" << false << true << int(DayKind::Weekend);
        QTest::newRow("2027 New Year's Day, not guessed")
            << "2027-01-01" << true << true << int(DayKind::Workday);
        QTest::newRow("2022-12-31 from the 2023 notice")
            << "2022-12-31" << false << true << int(DayKind::Holiday);
        QTest::newRow("far future") << "2030-01-01" << true << true << int(DayKind::Workday);
    }

    void isWorkday() {
        QFETCH(QString, day);
        QFETCH(bool, working);
        QFETCH(bool, provisional);
        QFETCH(int, kind);
        const Date d = date(day.toLatin1().constData());
        const WorkdayAnswer answer = calendar().isWorkday(d);
        QCOMPARE(answer.working, working);
        QCOMPARE(answer.provisional, provisional);
        const DayInfo info = calendar().describe(d);
        QCOMPARE(int(info.kind), kind);
        QCOMPARE(info.working, working);
        QCOMPARE(info.provisional, provisional);
        QCOMPARE(info.name.empty(), info.kind == DayKind::Workday || info.kind == DayKind::Weekend);
    }

    void holidayNames() {
        QCOMPARE(calendar().describe(date("2025-10-01")).name, std::string("国庆节、中秋节"));
        QCOMPARE(calendar().describe(date("2026-01-04")).name, std::string("元旦"));
        QCOMPARE(dayKindName(DayKind::MakeupWorkday), std::string_view("make-up workday"));
    }

    void countWorkdays() {
        QCOMPARE(calendar().countWorkdays(date("2025-12-31"), date("2026-01-04")), (WorkdayCount{1, false}));
        QCOMPARE(calendar().countWorkdays(date("2026-02-13"), date("2026-02-24")), (WorkdayCount{2, false}));
        QCOMPARE(calendar().countWorkdays(date("2026-02-24"), date("2026-02-13")), (WorkdayCount{-2, false}));
        QCOMPARE(calendar().countWorkdays(date("2026-02-16"), date("2026-02-16")), (WorkdayCount{0, false}));
        QCOMPARE(calendar().countWorkdays(date("2027-02-16"), date("2027-02-16")), (WorkdayCount{0, false}));
        QCOMPARE(calendar().countWorkdays(date("2026-12-24"), date("2026-12-31")), (WorkdayCount{5, false}));
        QCOMPARE(calendar().countWorkdays(date("2026-12-25"), date("2027-01-01")), (WorkdayCount{5, true}));
        QCOMPARE(calendar().countWorkdays(date("2027-01-01"), date("2026-12-25")), (WorkdayCount{-5, true}));
        // 2026 has 261 weekdays; its notice takes 19 of them off and adds 6 make-up weekend days.
        QCOMPARE(calendar().countWorkdays(date("2025-12-31"), date("2026-12-31")),
                 (WorkdayCount{248, false}));
        // 2025: 261 weekdays, 18 off, 5 make-up days.
        QCOMPARE(calendar().countWorkdays(date("2024-12-31"), date("2025-12-31")),
                 (WorkdayCount{248, false}));
    }

    // count(d, addWorkdays(d, n)) == n, the due date is a working day, and the day before it is still
    // short of n: over every start date from late 2024 into 2027 and many n.
    void countMatchesAddWorkdays() {
        const Date first = date("2024-11-01");
        const Date last = date("2027-02-28");
        int checked = 0;
        for (Date start = first; start <= last; start = addDays(start, 1)) {
            for (int n = 0; n <= 45; ++n) {
                const DueDate due = calendar().addWorkdays(start, n);
                const WorkdayCount count = calendar().countWorkdays(start, due.date);
                QCOMPARE(count.days, n);
                QCOMPARE(count.provisional, due.provisional);
                if (n > 0) {
                    QVERIFY(due.date > start);
                    QVERIFY(calendar().isWorkday(due.date).working);
                    QCOMPARE(calendar().countWorkdays(start, addDays(due.date, -1)).days, n - 1);
                }
                ++checked;
            }
            const DueDate next = calendar().nextWorkday(start);
            QCOMPARE(next, calendar().addWorkdays(start, 1));
            QCOMPARE(calendar().countWorkdays(start, next.date).days, 1);
            const DueDate previous = calendar().previousWorkday(start);
            QVERIFY(previous.date < start);
            QVERIFY(calendar().isWorkday(previous.date).working);
            if (calendar().isWorkday(start).working) {
                for (int n = 1; n <= 30; ++n) {
                    const DueDate back = calendar().addWorkdays(start, -n);
                    QCOMPARE(calendar().countWorkdays(start, back.date).days, -n);
                    QCOMPARE(calendar().addWorkdays(back.date, n).date, start);
                }
            }
        }
        QVERIFY(checked > 30000);
    }

    void touchesUnpublishedYear() {
        QVERIFY(!calendar().touchesUnpublishedYear(date("2023-01-01"), date("2026-12-31")));
        QVERIFY(calendar().touchesUnpublishedYear(date("2026-12-31"), date("2027-01-01")));
        QVERIFY(calendar().touchesUnpublishedYear(date("2027-01-01"), date("2026-12-31")));
        QVERIFY(calendar().touchesUnpublishedYear(date("2022-12-31"), date("2023-01-03")));
    }

    void withoutNotices() {
        const WorkingCalendar bare;
        QCOMPARE(bare.addWorkdays(date("2025-03-07"), 1), (DueDate{date("2025-03-10"), true}));
        QCOMPARE(bare.isWorkday(date("2025-10-01")).working, true);
        QVERIFY(bare.isWorkday(date("2025-10-01")).provisional);
        QVERIFY(bare.noticeYears().empty());
    }

    void addNoticeRefusesContradictions() {
        WorkingCalendar built;
        HolidayNotice first{2025, {}, {NoticeDay{date("2025-12-28"), true, "a"}}, "first"};
        QVERIFY(built.addNotice(first).ok());
        QCOMPARE(built.addNotice(first).error().code, ErrorCode::Conflict);

        HolidayNotice second{
            2026,
            {},
            {NoticeDay{date("2026-01-01"), true, "b"}, NoticeDay{date("2025-12-28"), false, "b"}},
            "second"};
        const Status refused = built.addNotice(second);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(refused.error().message.find("second: entry 2") != std::string::npos);
        QVERIFY(refused.error().message.find("the notice for 2025") != std::string::npos);
        // Nothing of the refused notice was taken.
        QVERIFY(!built.isPublished(2026));
        QVERIFY(built.isWorkday(date("2026-01-01")).working);
        QCOMPARE(built.noticeYears().size(), std::size_t{1});

        // The same fact in two notices is no contradiction.
        HolidayNotice agreeing{2026, {}, {NoticeDay{date("2025-12-28"), true, "b"}}, "agreeing"};
        QVERIFY(built.addNotice(agreeing).ok());
    }

    void malformedFiles_data() {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("expected");

        QTest::newRow("not JSON") << QString::fromStdString("{\"year\": 2025,\n \"days\": [,]}")
                                  << "not valid JSON at line 2";
        QTest::newRow("top level list") << "[1, 2]"
                                        << "the top level is not a JSON object";
        QTest::newRow("no year") << "{\"days\": []}"
                                 << "has no whole-number \"year\"";
        QTest::newRow("year of another file")
            << QString::fromStdString(noticeJson(2024, entry("2024-01-01", true)))
            << "\"year\" is 2024 but the file name says 2025";
        QTest::newRow("year out of range") << "{\"year\": 12345, \"days\": []}"
                                           << "outside 1900-9999";
        QTest::newRow("no days") << "{\"year\": 2025}"
                                 << "has no \"days\" list";
        QTest::newRow("date that does not exist")
            << QString::fromStdString(
                   noticeJson(2025, entry("2025-01-01", true) + "," + entry("2025-02-30", true)))
            << "entry 2 of \"days\": date 2025-02-30 does not exist";
        QTest::newRow("date of another shape")
            << QString::fromStdString(noticeJson(2025, entry("2025/10/01", true)))
            << "entry 1 of \"days\": \"2025/10/01\" is not a date of the form YYYY-MM-DD";
        QTest::newRow("date far from the year")
            << QString::fromStdString(noticeJson(2025, entry("2030-10-01", true)))
            << "entry 1 of \"days\": date 2030-10-01 is too far from the notice's year 2025";
        QTest::newRow("isOffDay missing")
            << QString::fromStdString(noticeJson(2025, "{\"name\": \"x\", \"date\": \"2025-10-01\"}"))
            << "entry 1 of \"days\" (2025-10-01) has no \"isOffDay\" true or false";
        QTest::newRow("isOffDay as text")
            << QString::fromStdString(
                   noticeJson(2025, "{\"name\": \"x\", \"date\": \"2025-10-01\", \"isOffDay\": \"true\"}"))
            << "entry 1 of \"days\" (2025-10-01) has no \"isOffDay\" true or false";
        QTest::newRow("entry not an object") << QString::fromStdString(noticeJson(2025, "\"2025-10-01\""))
                                             << "entry 1 of \"days\" is not an object";
        QTest::newRow("date repeated")
            << QString::fromStdString(noticeJson(2025, entry("2025-10-01", true) + "," +
                                                           entry("2025-10-02", true) + "," +
                                                           entry("2025-10-01", true)))
            << "entry 3 of \"days\" (2025-10-01) repeats entry 1 of \"days\"";
        QTest::newRow("make-up day on a weekday")
            << QString::fromStdString(noticeJson(2025, entry("2025-10-09", false)))
            << "entry 1 of \"days\" (2025-10-09) is a make-up working day on a weekday";
    }

    void malformedFiles() {
        QFETCH(QString, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path folder{dir.path().toStdString()};
        writeFile(folder / "2025.json", content.toStdString());
        writeFile(folder / "2026.json", noticeJson(2026, entry("2026-10-01", true)));

        const Result<WorkingCalendar> loaded = WorkingCalendar::load(folder);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
        const std::string& message = loaded.error().message;
        QVERIFY2(message.find((folder / "2025.json").string() + ": ") == 0, message.c_str());
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
    }

    void contradictingFiles() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path folder{dir.path().toStdString()};
        writeFile(folder / "2025.json", noticeJson(2025, entry("2025-12-28", true)));
        writeFile(folder / "2026.json",
                  noticeJson(2026, entry("2026-01-01", true) + "," + entry("2025-12-28", false)));
        const Result<WorkingCalendar> loaded = WorkingCalendar::load(folder);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().message,
                 (folder / "2026.json").string() +
                     ": entry 2 of \"days\" makes 2025-12-28 a make-up working day, but the "
                     "notice for 2025 makes it a holiday");
    }

    void folderProblems() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path folder{dir.path().toStdString()};

        const Result<WorkingCalendar> missing = WorkingCalendar::load(folder / "nowhere");
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.find("nowhere does not exist") != std::string::npos);

        writeFile(folder / "LICENSE", "not a notice");
        writeFile(folder / "notes.json", "{}");
        const Result<WorkingCalendar> empty = WorkingCalendar::load(folder);
        QCOMPARE(empty.error().code, ErrorCode::NotFound);
        QVERIFY(empty.error().message.find("holds no YYYY.json file") != std::string::npos);

        // A blank year file stands for a notice not yet out, like the shipped 2027.json.
        writeFile(folder / "2026.json", noticeJson(2026, entry("2026-10-01", true)));
        writeFile(folder / "2027.json", "\n");
        const Result<WorkingCalendar> loaded = WorkingCalendar::load(folder);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->isPublished(2026));
        QVERIFY(!loaded->isPublished(2027));
        QCOMPARE(loaded->noticeYears().size(), std::size_t{2});
        QCOMPARE(loaded->isWorkday(date("2026-10-01")).working, false);
    }

    void resourceDirectory() {
        const QByteArray saved = qgetenv("HALL_RESOURCE_DIR");
        qunsetenv("HALL_RESOURCE_DIR");
        QCOMPARE(hallResourceDir(), std::filesystem::path{HALL_DEFAULT_RESOURCE_DIR});
        QCOMPARE(holidayDir(), std::filesystem::path{HALL_DEFAULT_RESOURCE_DIR} / "holidays");
        QVERIFY(std::filesystem::exists(holidayDir() / "2026.json"));
        qputenv("HALL_RESOURCE_DIR", "/srv/hall/resources");
        QCOMPARE(hallResourceDir(), std::filesystem::path{"/srv/hall/resources"});
        QCOMPARE(holidayDir(), std::filesystem::path{"/srv/hall/resources/holidays"});
        qputenv("HALL_RESOURCE_DIR", "");
        QCOMPARE(hallResourceDir(), std::filesystem::path{HALL_DEFAULT_RESOURCE_DIR});
        if (saved.isNull()) {
            qunsetenv("HALL_RESOURCE_DIR");
        } else {
            qputenv("HALL_RESOURCE_DIR", saved);
        }
    }
};

QTEST_APPLESS_MAIN(TestDomainCalendar)
#include "test_domain_calendar.moc"
