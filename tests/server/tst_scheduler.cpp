// The scheduler on a simulated clock: timers fire at their simulated times, in order, without sleeping.
#include "core/clock.h"
#include "core/scheduler.h"

#include <QTest>

using namespace hall::server;

class TestScheduler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firesAtSimulatedTimesInOrder() {
        SimulatedClock clock(1000);
        Scheduler scheduler(clock);
        std::vector<std::pair<std::string, std::int64_t>> fired;
        const auto record = [&](std::string name) {
            return [&fired, &clock, name] {
                fired.emplace_back(name, clock.nowMs());
            };
        };
        scheduler.at(5000, "c", record("c"));
        scheduler.at(2000, "a", record("a"));
        scheduler.at(5000, "d", record("d"));    // same moment as c: fires after it, in setting order
        scheduler.after(2000, "b", record("b")); // due at 3000
        scheduler.at(9000, "late", record("late"));

        QCOMPARE(scheduler.nextDueMs(), std::optional<std::int64_t>(2000));
        QCOMPARE(scheduler.runDue(), std::size_t(0)); // nothing is due at 1000

        QCOMPARE(scheduler.advanceTo(clock, 6000), std::size_t(4));
        const std::vector<std::pair<std::string, std::int64_t>> expected{
            {"a", 2000}, {"b", 3000}, {"c", 5000}, {"d", 5000}};
        QCOMPARE(fired, expected);
        QCOMPARE(clock.nowMs(), std::int64_t(6000));
        QCOMPARE(scheduler.pending(), std::size_t(1));
        QCOMPARE(scheduler.nextDueMs(), std::optional<std::int64_t>(9000));
    }

    void callbacksMaySetAndCancelTimers() {
        SimulatedClock clock(0);
        Scheduler scheduler(clock);
        std::vector<std::int64_t> ticks;
        // A repeating timer, the way the daily reset will re-arm itself.
        std::function<void()> tick = [&] {
            ticks.push_back(clock.nowMs());
            if (ticks.size() < 3)
                scheduler.after(100, "tick", tick);
        };
        scheduler.at(100, "tick", tick);
        const auto doomed = scheduler.at(250, "doomed", [&] { ticks.push_back(-1); });
        scheduler.at(150, "canceller", [&] { QVERIFY(scheduler.cancel(doomed)); });

        scheduler.advanceTo(clock, 1000);
        QCOMPARE(ticks, (std::vector<std::int64_t>{100, 200, 300}));
        QVERIFY(!scheduler.cancel(doomed));
        QCOMPARE(scheduler.pending(), std::size_t(0));
    }

    void aTimerForNowFiresAtOnce() {
        SimulatedClock clock(500);
        Scheduler scheduler(clock);
        int count = 0;
        scheduler.at(400, "overdue", [&] { ++count; });
        scheduler.at(500, "now", [&] { ++count; });
        QCOMPARE(scheduler.runDue(), std::size_t(2));
        QCOMPARE(count, 2);
    }

    void theSimulatedClockNeverGoesBack() {
        SimulatedClock clock(1000);
        QVERIFY(!clock.set(999));
        QCOMPARE(clock.nowMs(), std::int64_t(1000));
        QVERIFY(clock.set(1000));
        clock.advance(5);
        QCOMPARE(clock.nowMs(), std::int64_t(1005));
        QVERIFY(clock.isSimulated());
        QVERIFY(!SystemClock().isSimulated());
    }
};

QTEST_APPLESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
