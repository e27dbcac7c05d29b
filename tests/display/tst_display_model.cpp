#include "display_model.h"
#include "event_builders.h"

#include <QSignalSpy>
#include <QTest>

using namespace displaytest;
using namespace Qt::StringLiterals;
using hall::display::CallEntry;
using hall::display::DisplayModel;

namespace {

constexpr qint64 kNow = 1'796'284'800'000; // 2026-12-03 08:00 UTC

QStringList numbers(const DisplayModel& model) {
    QStringList out;
    for (const CallEntry& call : model.recentCalls())
        out << call.number;
    return out;
}

int waiting(const DisplayModel& model, const QString& prefix) {
    for (const auto& queue : model.queues())
        if (queue.prefix == prefix)
            return queue.waiting;
    return -1;
}

} // namespace

class TestDisplayModel : public QObject {
    Q_OBJECT

    qint64 m_now = kNow;
    std::unique_ptr<DisplayModel> m_model;

private Q_SLOTS:
    void init() {
        m_now = kNow;
        m_model = std::make_unique<DisplayModel>([this] { return m_now; });
        m_model->setFloor(2);
        m_model->resetFromBoard(board(100, kNow));
    }

    void boardFillsTheState() {
        QCOMPARE(m_model->lastSeq(), 100u);
        QCOMPARE(numbers(*m_model), (QStringList{u"A002"_s, u"B001"_s}));
        QCOMPARE(m_model->currentCall()->window, u"2-05"_s);
        QCOMPARE(waiting(*m_model, u"A"_s), 4);
        QCOMPARE(waiting(*m_model, u"B"_s), 2);
        QCOMPARE(m_model->windows().size(), 2u);
        QCOMPARE(m_model->serviceDay(), u"2026-12-03"_s);
    }

    void eventsApplyInOrder() {
        QSignalSpy calls(m_model.get(), &DisplayModel::callMade);
        QVERIFY(m_model->applyEvent(issued(101, m_now, 10, "A005", 5)));
        QCOMPARE(waiting(*m_model, u"A"_s), 5);
        QVERIFY(m_model->applyEvent(called(102, m_now, 3, "A003", "2-07")));
        QVERIFY(m_model->applyEvent(called(103, m_now, 5, "B002", "2-05")));
        QCOMPARE(numbers(*m_model), (QStringList{u"B002"_s, u"A003"_s, u"A002"_s, u"B001"_s}));
        QCOMPARE(m_model->currentCall()->number, u"B002"_s);
        QCOMPARE(waiting(*m_model, u"A"_s), 4); // A003 left the line
        QCOMPARE(waiting(*m_model, u"B"_s), 1);
        QCOMPARE(m_model->windows().at(1).currentNumber, std::string("A003"));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).at(0).value<CallEntry>().number, u"A003"_s);
        QCOMPARE(calls.at(1).at(0).value<CallEntry>().number, u"B002"_s);
        QVERIFY(calls.at(1).at(1).toBool());
    }

    void recallMovesTheTicketToTheTop() {
        QSignalSpy calls(m_model.get(), &DisplayModel::callMade);
        QVERIFY(m_model->applyEvent(called(101, m_now, 3, "A003", "2-07")));
        QVERIFY(m_model->applyEvent(called(102, m_now, 5, "B002", "2-05")));
        QVERIFY(m_model->applyEvent(called(103, m_now, 3, "A003", "2-07", true, 2)));
        QCOMPARE(numbers(*m_model), (QStringList{u"A003"_s, u"B002"_s, u"A002"_s, u"B001"_s}));
        QVERIFY(m_model->currentCall()->recall);
        QCOMPARE(m_model->currentCall()->callCount, 2);
        QCOMPARE(waiting(*m_model, u"A"_s), 3); // the recall took nobody else out of the line
        QCOMPARE(calls.size(), 3);
        QVERIFY(calls.at(2).at(0).value<CallEntry>().recall);
    }

    void recentListIsBounded() {
        m_model->setRecentLimit(3);
        for (std::uint64_t i = 0; i < 6; ++i)
            QVERIFY(
                m_model->applyEvent(called(101 + i, m_now, 20 + i, "C00" + std::to_string(i + 1), "2-07")));
        QCOMPARE(numbers(*m_model), (QStringList{u"C006"_s, u"C005"_s, u"C004"_s}));
    }

    void reconnectReplayDropsWhatWasSeen() {
        QSignalSpy calls(m_model.get(), &DisplayModel::callMade);
        QVERIFY(m_model->applyEvent(called(101, m_now, 3, "A003", "2-07")));
        QVERIFY(m_model->applyEvent(called(102, m_now, 5, "B002", "2-05")));
        // The replay overlaps the board and what was already applied; only 103 and 104 are new.
        m_now += 30'000;
        const std::vector<hall::Event> replay = {
            called(100, kNow, 2, "A002", "2-05"), called(101, kNow, 3, "A003", "2-07"),
            called(102, kNow, 5, "B002", "2-05"), called(103, kNow + 20'000, 6, "A004", "2-05"),
            called(104, kNow + 25'000, 7, "B003", "2-07")};
        QList<bool> applied;
        for (const auto& event : replay)
            applied << m_model->applyEvent(event);
        QCOMPARE(applied, (QList<bool>{false, false, false, true, true}));
        QCOMPARE(numbers(*m_model),
                 (QStringList{u"B003"_s, u"A004"_s, u"B002"_s, u"A003"_s, u"A002"_s, u"B001"_s}));
        QCOMPARE(calls.size(), 4);
        QStringList order;
        for (const auto& call : calls)
            order << call.at(0).value<CallEntry>().number;
        QCOMPARE(order, (QStringList{u"A003"_s, u"B002"_s, u"A004"_s, u"B003"_s}));
        QCOMPARE(m_model->lastSeq(), 104u);
    }

    void oldCallsAreListedNotAnnounced() {
        QSignalSpy calls(m_model.get(), &DisplayModel::callMade);
        m_model->setAnnounceWindow(std::chrono::minutes(2));
        m_now = kNow + 10 * 60'000; // the display was away for ten minutes
        QVERIFY(m_model->applyEvent(called(101, kNow + 60'000, 3, "A003", "2-07")));
        QVERIFY(m_model->applyEvent(called(102, m_now - 2 * 60'000, 4, "A004", "2-07")));
        QVERIFY(m_model->applyEvent(called(103, m_now - 2 * 60'000 - 1, 5, "A005", "2-05")));
        QVERIFY(m_model->applyEvent(called(104, m_now - 5'000, 6, "A006", "2-05")));
        QCOMPARE(calls.size(), 4);
        QCOMPARE(calls.at(0).at(1).toBool(), false);
        QCOMPARE(calls.at(1).at(1).toBool(), true); // exactly at the threshold still speaks
        QCOMPARE(calls.at(2).at(1).toBool(), false);
        QCOMPARE(calls.at(3).at(1).toBool(), true);
        QCOMPARE(numbers(*m_model).mid(0, 4), (QStringList{u"A006"_s, u"A005"_s, u"A004"_s, u"A003"_s}));
    }

    void boardCallsAreNeverAnnounced() {
        QSignalSpy calls(m_model.get(), &DisplayModel::callMade);
        m_model->resetFromBoard(board(200, m_now));
        QCOMPARE(calls.size(), 0);
        QCOMPARE(m_model->lastSeq(), 200u);
        QVERIFY(!m_model->applyEvent(called(150, m_now, 9, "A009", "2-07")));
    }

    void noticesFollowTheHallClock() {
        const std::vector<hall::Notice> notices = {{1, 0, "全厅通知", kNow - 1000, kNow + 60'000, "大厅"},
                                                   {2, 3, "三楼通知", kNow - 1000, kNow + 60'000, "三楼"},
                                                   {3, 2, "已过期", kNow - 9000, kNow - 1, "二楼"},
                                                   {4, 2, "二楼通知", kNow - 1000, kNow + 120'000, "二楼"}};
        m_model->setNotices(notices);
        QCOMPARE(m_model->notices().size(), 2u);
        // A notice listed and then replayed as an event is shown once; a new one is added.
        QVERIFY(m_model->applyEvent(
            journalEvent(101, kNow, hall::NoticePosted{4, 2, "二楼通知", kNow + 120'000, "二楼"})));
        QVERIFY(m_model->applyEvent(
            journalEvent(102, kNow, hall::NoticePosted{5, 2, "新通知", kNow + 30'000, "二楼"})));
        QCOMPARE(m_model->notices().size(), 3u);
        m_now = kNow + 61'000;
        m_model->dropExpiredNotices();
        QCOMPARE(m_model->notices().size(), 1u);
        QCOMPARE(m_model->notices().front().text, u"二楼通知"_s);
    }

    void dayCloseClearsTheCalls() {
        QVERIFY(m_model->applyEvent(journalEvent(101, kNow, hall::QueueDayClosed{"2026-12-03", 6})));
        QVERIFY(m_model->recentCalls().empty());
        QCOMPARE(waiting(*m_model, u"A"_s), 0);
        QVERIFY(m_model->windows().front().currentNumber.empty());
    }

    void windowChangesAndBadBodies() {
        hall::WindowView paused{"2-07", 2, hall::WindowState::Paused, "孙伟", "", "", 0};
        QVERIFY(m_model->applyEvent(journalEvent(101, kNow, hall::WindowChanged{paused, "午休"})));
        QCOMPARE(m_model->windows().at(1).state, hall::WindowState::Paused);
        hall::Event broken = called(102, kNow, 3, "A003", "2-07");
        broken.body.resize(3);
        QVERIFY(!m_model->applyEvent(broken));
        QCOMPARE(numbers(*m_model), (QStringList{u"A002"_s, u"B001"_s}));
    }

    void nothingBeforeTheBoard() {
        DisplayModel fresh([this] { return m_now; });
        QVERIFY(!fresh.applyEvent(called(1, kNow, 3, "A003", "2-07")));
        QVERIFY(fresh.recentCalls().empty());
    }
};

QTEST_GUILESS_MAIN(TestDisplayModel)
#include "tst_display_model.moc"
