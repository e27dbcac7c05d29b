// The window model fed by a WindowQueue answer and journal events, without a server or widgets.

#include "fake_queue_service.h"
#include "window_queue_model.h"

#include "protocol/queue_events.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace clerk;
using namespace clerk::test;
using hall::TicketState;

class TestWindowQueueModel : public QObject {
    Q_OBJECT

private:
    static QStringList numbers(const WindowQueueModel& model) {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.index(row, WindowQueueModel::NumberColumn).data().toString();
        return out;
    }

private Q_SLOTS:
    void resetShowsTheAnswer() {
        WindowQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPriorityClasses({{1, "老年人", true}});
        model.setNow(1764726600000 + 20 * 60000);
        model.reset(windowQueue(40, {ticket(3, "A003", TicketState::Waiting, {}, 1), ticket(1, "A001")},
                                ticket(9, "B001", TicketState::Called, "2-07")));
        QVERIFY(model.isLoaded());
        QCOMPARE(numbers(model), (QStringList{u"A003"_qs, u"A001"_qs}));
        QCOMPARE(model.index(0, WindowQueueModel::ClassColumn).data().toString(), u"老年人"_qs);
        QCOMPARE(model.index(1, WindowQueueModel::ClassColumn).data().toString(), u"Normal"_qs);
        QCOMPARE(model.index(0, WindowQueueModel::WaitingColumn).data().toString(), u"17 min"_qs);
        QCOMPARE(model.active()->number, "B001");
        QCOMPARE(model.servedToday(), 12u);
        QCOMPARE(model.noShowToday(), 1u);
        QCOMPARE(model.asOfSeq(), 40u);
    }

    void eventsKeepTheListCurrent() {
        WindowQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(windowQueue(40, {ticket(1, "A001"), ticket(2, "A002")}));
        QSignalSpy active(&model, &WindowQueueModel::activeChanged);
        QSignalSpy counts(&model, &WindowQueueModel::countsChanged);
        QSignalSpy refresh(&model, &WindowQueueModel::refreshNeeded);

        // A new normal ticket of a queue served here comes last.
        model.applyEvent(journalEvent(41, hall::TicketIssued{ticket(3, "A003"), 3}));
        QCOMPARE(numbers(model), (QStringList{u"A001"_qs, u"A002"_qs, u"A003"_qs}));
        // Another window calls A001: it leaves the list, and is not ours.
        model.applyEvent(
            journalEvent(42, hall::TicketCalled{ticket(1, "A001", TicketState::Called, "2-08"), false}));
        QCOMPARE(numbers(model), (QStringList{u"A002"_qs, u"A003"_qs}));
        QCOMPARE(active.count(), 0);
        // We call A002.
        model.applyEvent(
            journalEvent(43, hall::TicketCalled{ticket(2, "A002", TicketState::Called, "2-07"), false}));
        QCOMPARE(numbers(model), (QStringList{u"A003"_qs}));
        QCOMPARE(active.count(), 1);
        QCOMPARE(model.active()->ticketId, 2u);
        // Finished at our window: the served count follows the journal.
        model.applyEvent(
            journalEvent(44, hall::TicketChanged{ticket(2, "A002", TicketState::Finished, "2-07"), 1}));
        QVERIFY(!model.active());
        QCOMPARE(model.servedToday(), 13u);
        QCOMPARE(counts.count(), 1);
        // Finished at another window: not ours.
        model.applyEvent(
            journalEvent(45, hall::TicketChanged{ticket(1, "A001", TicketState::Finished, "2-08"), 1}));
        QCOMPARE(model.servedToday(), 13u);
        // An old or repeated event changes nothing.
        model.applyEvent(
            journalEvent(44, hall::TicketChanged{ticket(2, "A002", TicketState::Finished, "2-07"), 1}));
        QCOMPARE(model.servedToday(), 13u);
        QCOMPARE(refresh.count(), 0);
    }

    void unknownPlacesAskForAFreshList() {
        WindowQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(windowQueue(10, {ticket(1, "A001")}));
        QSignalSpy refresh(&model, &WindowQueueModel::refreshNeeded);
        // A priority ticket jumps ahead by the hall's policy: the model does not guess its place.
        model.applyEvent(
            journalEvent(11, hall::TicketIssued{ticket(2, "A002", TicketState::Waiting, {}, 1), 2}));
        QCOMPARE(refresh.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        // A queue of this floor not seen yet may be served here.
        model.applyEvent(journalEvent(12, hall::TicketIssued{ticket(3, "C001"), 1}));
        QCOMPARE(refresh.count(), 2);
        // A ticket reserved for another window is not ours, whatever its queue.
        model.applyEvent(
            journalEvent(13, hall::TicketIssued{ticket(4, "A004", TicketState::Waiting, "2-09"), 1}));
        QCOMPARE(refresh.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        // Once the catalog says which queues are served here, other queues are simply not ours...
        model.setServedQueues({u"A"_qs, u"D"_qs});
        model.applyEvent(journalEvent(14, hall::TicketIssued{ticket(5, "C002"), 2}));
        QCOMPARE(refresh.count(), 2);
        // ...and a served queue's first ticket joins the list at once.
        model.applyEvent(journalEvent(15, hall::TicketIssued{ticket(6, "D001"), 1}));
        QCOMPARE(refresh.count(), 2);
        QCOMPARE(numbers(model), (QStringList{u"A001"_qs, u"D001"_qs}));
    }

    void answerAfterEventsKeepsTheNewerOnes() {
        WindowQueueModel model;
        model.reset(windowQueue(10, {ticket(1, "A001")}));
        // Events 11 and 12 arrive while a fresh answer computed at seq 11 is on its way.
        model.applyEvent(journalEvent(11, hall::TicketIssued{ticket(2, "A002"), 2}));
        model.applyEvent(journalEvent(12, hall::TicketIssued{ticket(3, "A003"), 3}));
        model.reset(windowQueue(11, {ticket(1, "A001"), ticket(2, "A002")}));
        QCOMPARE(numbers(model), (QStringList{u"A001"_qs, u"A002"_qs, u"A003"_qs}));
        QCOMPARE(model.asOfSeq(), 12u);
    }

    void noShowsAndReactivation() {
        WindowQueueModel model;
        model.reset(windowQueue(10, {}, ticket(5, "A005", TicketState::Called, "2-07")));
        QSignalSpy noShows(&model, &WindowQueueModel::noShowTicketsChanged);
        model.applyEvent(
            journalEvent(11, hall::TicketChanged{ticket(5, "A005", TicketState::NoShow, "2-07"), 0}));
        QVERIFY(!model.active());
        QCOMPARE(model.noShowToday(), 2u);
        QCOMPARE(model.noShowTickets().size(), 1u);
        QCOMPARE(model.findByNumber(u" a005 "_qs)->ticketId, 5u);
        model.applyEvent(journalEvent(12, hall::TicketChanged{ticket(5, "A005", TicketState::Waiting), 1}));
        QCOMPARE(model.noShowTickets().size(), 0u);
        QCOMPARE(noShows.count(), 2);
    }

    void repliesAndWindowState() {
        WindowQueueModel model;
        model.reset(windowQueue(10, {ticket(1, "A001")}));
        QSignalSpy window(&model, &WindowQueueModel::windowChanged);
        auto called = ticket(1, "A001", TicketState::Called, "2-07");
        called.callCount = 1;
        model.applyTicket(called);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.active()->callCount, 1);
        // The later event of the same call, and a late issue event, change nothing.
        model.applyEvent(journalEvent(11, hall::TicketCalled{called, false}));
        model.applyEvent(journalEvent(12, hall::TicketIssued{ticket(1, "A001"), 1}));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.active()->ticketId, 1u);

        hall::WindowView paused = model.window();
        paused.state = hall::WindowState::Paused;
        model.applyEvent(journalEvent(13, hall::WindowChanged{paused, "午休"}));
        QCOMPARE(model.window().state, hall::WindowState::Paused);
        QCOMPARE(window.count(), 1);
        hall::WindowView other = paused;
        other.window = "2-08";
        other.state = hall::WindowState::Open;
        model.applyEvent(journalEvent(14, hall::WindowChanged{other, {}}));
        QCOMPARE(model.window().state, hall::WindowState::Paused);
    }

    void dayClosedAsksForAFreshList() {
        WindowQueueModel model;
        model.reset(windowQueue(10, {ticket(1, "A001")}));
        QSignalSpy refresh(&model, &WindowQueueModel::refreshNeeded);
        model.applyEvent(journalEvent(11, hall::QueueDayClosed{"2026-12-03", 1}));
        QCOMPARE(refresh.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWindowQueueModel)
#include "tst_window_queue_model.moc"
