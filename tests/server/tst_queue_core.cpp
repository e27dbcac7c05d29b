// The queue's numbering, call order, service day and restarts, in-process on the simulated clock.
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;
using namespace Qt::StringLiterals;

namespace {

/// Records the SMS the queue asks for.
class RecordingSms final : public server::SmsSink {
public:
    bool enabled() const override { return true; }
    void enqueue(store::Database&, const server::QueueSms& sms) override { sent.push_back(sms); }
    std::vector<server::QueueSms> sent;
};

std::vector<std::string> numbersOf(const std::vector<TicketView>& tickets) {
    std::vector<std::string> numbers;
    for (const auto& t : tickets)
        numbers.push_back(t.number);
    return numbers;
}

/// 2026-03-02 at hh:mm in Beijing.
std::int64_t beijing(int hours, int minutes, int dayOffset = 0) {
    return kMorningMs + ((hours - 8) * 60LL + (minutes - 30)) * 60000 + dayOffset * 86400000LL;
}

} // namespace

class TestQueueCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void numbersArePerQueueGapFreeAndNeverReused() {
        QueueFixture q;
        QCOMPARE(q.issue("A").number, std::string("A001"));
        const TicketView second = q.issue("A");
        QCOMPARE(second.number, std::string("A002"));
        QCOMPARE(q.issue("B").number, std::string("B001"));
        // A cancelled number is not given again.
        QVERIFY(q.ask<TicketOk>(clerkAt("1-01", "wang.fang", PersonRole::Supervisor),
                                actionOn<CancelTicket>(second.ticketId)));
        QCOMPARE(q.issue("A").number, std::string("A003"));
        QCOMPARE(q.f().countRows("tickets"), std::int64_t(4));
        QCOMPARE(q.f().countRows("queue_counters"), std::int64_t(2));
    }

    void issueIsIdempotentByRequestId() {
        QueueFixture q;
        const IssueTicket issue{"A", {}, 0, {}, {}};
        const auto first = decodeAs<IssueTicketOk>(q.f().request(kiosk(), issue, 7));
        const auto retry = decodeAs<IssueTicketOk>(q.f().request(kiosk(), issue, 7));
        QVERIFY(first && retry);
        QCOMPARE(retry->ticket, first->ticket);
        QCOMPARE(q.f().countRows("tickets"), std::int64_t(1));
        QCOMPARE(q.issue("A").number, std::string("A002"));
    }

    void issueValidatesAgainstTheCatalog() {
        QueueFixture q;
        const std::uint64_t head = q.f().journalHead();
        const auto badMobile =
            decodeAs<ErrorReply>(q.f().request(kiosk(), IssueTicket{"A", {}, 0, "1380013800", {}}, 1));
        QVERIFY(badMobile);
        QCOMPARE(badMobile->code, ErrorCode::InvalidArgument);
        QVERIFY2(badMobile->message.find("mobile: ") == 0, badMobile->message.c_str());
        QCOMPARE(q.fails(kiosk(), IssueTicket{"Z", {}, 0, {}, {}}), std::optional(ErrorCode::NotFound));
        QCOMPARE(q.fails(kiosk(), IssueTicket{{}, "NO-SUCH", 0, {}, {}}), std::optional(ErrorCode::NotFound));
        QCOMPARE(q.fails(kiosk(), IssueTicket{"B", "IT-1", 0, {}, {}}),
                 std::optional(ErrorCode::InvalidArgument));
        QCOMPARE(q.fails(kiosk(), IssueTicket{{}, {}, 0, {}, {}}), std::optional(ErrorCode::InvalidArgument));
        QCOMPARE(q.fails(kiosk(), IssueTicket{"A", {}, 9, {}, {}}),
                 std::optional(ErrorCode::InvalidArgument));
        // Only kiosks issue.
        QCOMPARE(q.fails(tabletAt("1-01"), IssueTicket{"A", {}, 0, {}, {}}),
                 std::optional(ErrorCode::Forbidden));
        QCOMPARE(q.f().journalHead(), head);
        QCOMPARE(q.f().countRows("tickets"), std::int64_t(0));

        // The item decides the queue; a valid mobile is accepted with spaces.
        auto byItem = q.ask<IssueTicketOk>(kiosk(), IssueTicket{{}, "IT-1", 0, "138 0013 8000", {}});
        QVERIFY(byItem);
        QCOMPARE(byItem->ticket.queuePrefix, std::string("A"));
        QCOMPARE(byItem->ticket.itemCode, std::string("IT-1"));
        QCOMPARE(byItem->windows, (std::vector<std::string>{"1-01", "1-02"}));
        QVERIFY(!byItem->smsEnabled); // the default sink sends nothing
    }

    void peopleAheadAndEstimate() {
        server::QueueConfig config;
        config.defaultServiceS = 600;
        QueueFixture q(config);
        for (int i = 0; i < 3; ++i)
            q.issue("A");
        auto fourth = q.ask<IssueTicketOk>(kiosk(), IssueTicket{"A", {}, 0, {}, {}});
        QCOMPARE(fourth->peopleAhead, std::uint32_t(3));
        QCOMPARE(fourth->estimatedWaitS, std::uint32_t(3 * 600)); // no window open: divided by 1
        q.open(clerkAt("1-01", "li.na"));
        q.open(clerkAt("1-02", "zhao.lei"));
        auto fifth = q.ask<IssueTicketOk>(kiosk(), IssueTicket{"A", {}, 0, {}, {}});
        QCOMPARE(fifth->peopleAhead, std::uint32_t(4));
        QCOMPARE(fifth->estimatedWaitS, std::uint32_t(4 * 600 / 2));
        // A priority ticket goes ahead of every normal one.
        auto priority = q.ask<IssueTicketOk>(kiosk(), IssueTicket{"A", {}, 1, {}, {}});
        QCOMPARE(priority->peopleAhead, std::uint32_t(0));
        // Served tickets teach the queue its pace: 120 s.
        const auto clerk = clerkAt("1-01", "li.na");
        auto called = q.callNext(clerk);
        QVERIFY(q.ask<TicketOk>(clerk, actionOn<BeginService>(called->ticketId)));
        q.advanceBy(120000);
        QVERIFY(q.ask<TicketOk>(clerk, actionOn<FinishService>(called->ticketId)));
        auto board = q.ask<QueueBoard>(kiosk(), GetQueueBoard{1});
        QCOMPARE(board->queues.front().averageServiceS, std::uint32_t(120));
    }

    void priorityGoldenOrder_data() {
        QTest::addColumn<int>("everyN");
        QTest::addColumn<QStringList>("expected");
        // Arrivals: 1 N, 2 N, 3 P, 4 N, 5 P, 6 P, 7 N (A001 ... A007).
        QTest::newRow("priority always first")
            << 0 << QStringList{u"A003"_s, u"A005"_s, u"A006"_s, u"A001"_s, u"A002"_s, u"A004"_s, u"A007"_s};
        QTest::newRow("one priority after every 2 normal")
            << 2 << QStringList{u"A003"_s, u"A001"_s, u"A002"_s, u"A005"_s, u"A004"_s, u"A007"_s, u"A006"_s};
        QTest::newRow("one priority after every normal")
            << 1 << QStringList{u"A003"_s, u"A001"_s, u"A005"_s, u"A002"_s, u"A006"_s, u"A004"_s, u"A007"_s};
    }

    void priorityGoldenOrder() {
        QFETCH(int, everyN);
        QFETCH(QStringList, expected);
        server::QueueConfig config;
        config.priorityEveryN = everyN;
        QueueFixture q(config);
        for (const char kind : std::string("NNPNPPN")) {
            q.issue("A", kind == 'P' ? 1 : 0);
            q.advanceBy(1000);
        }
        std::vector<std::string> want;
        for (const auto& n : expected)
            want.push_back(n.toStdString());
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        // The waiting list shows exactly the order CallNext then takes.
        QCOMPARE(q.waitingAt(clerk), want);
        std::vector<std::string> called;
        for (std::size_t i = 0; i < want.size(); ++i)
            called.push_back(q.serveNext(clerk));
        QCOMPARE(called, want);
        QCOMPARE(q.callNext(clerk).error().code, ErrorCode::NotFound);
    }

    void aWindowTakesTheEarliestArrivalOfItsQueues() {
        QueueFixture q;
        q.issue("A");
        q.advanceBy(1000);
        q.issue("C");
        // 1-01 serves A only, 2-01 serves C only: each sees its own.
        QCOMPARE(q.waitingAt(clerkAt("1-01", "li.na")), std::vector<std::string>{"A001"});
        QCOMPARE(q.waitingAt(clerkAt("2-01", "zhao.lei")), std::vector<std::string>{"C001"});
    }

    void twoWindowsCallingTogetherGetDifferentTickets() {
        QueueFixture q;
        q.issue("A");
        q.issue("A");
        const auto one = clerkAt("1-01", "li.na");
        const auto two = clerkAt("1-02", "zhao.lei");
        q.open(one);
        q.open(two);
        // Both calls in one batch: the single writer still gives out each ticket once.
        auto peer = std::make_shared<RecordingPeer>();
        q.f().submit(peer, one, CallNext{}, 1);
        q.f().submit(peer, two, CallNext{}, 2);
        QVERIFY(q.core().runUntilIdle(std::chrono::seconds(5)));
        const auto replies = peer->replies();
        QCOMPARE(replies.size(), std::size_t(2));
        const auto first = decodeAs<TicketOk>(*replies[0].frame);
        const auto second = decodeAs<TicketOk>(*replies[1].frame);
        QVERIFY(first && second);
        QCOMPARE(first->ticket.number, std::string("A001"));
        QCOMPARE(second->ticket.number, std::string("A002"));
        QCOMPARE(first->ticket.window, std::string("1-01"));
        QCOMPARE(second->ticket.window, std::string("1-02"));
    }

    void theDayClosesAndNumberingStartsAgainAtTheResetTime() {
        QueueFixture q;
        auto subscriber = std::make_shared<RecordingPeer>();
        QVERIFY(decodeAs<SubscribeOk>(q.f().request(kiosk(), Subscribe{{"hall"}, 0}, 1, subscriber)));
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        q.issue("A");
        q.issue("A");
        q.issue("A");
        auto serving = q.callNext(clerk);
        QVERIFY(q.ask<TicketOk>(clerk, actionOn<BeginService>(serving->ticketId)));
        auto board = q.ask<QueueBoard>(kiosk(), GetQueueBoard{0});
        QCOMPARE(board->serviceDay, std::string("2026-03-02"));

        q.advanceTo(beijing(17, 59));
        QVERIFY(!q.core().queueModule().dayClosed());
        q.advanceTo(beijing(18, 0));
        QVERIFY(q.core().queueModule().dayClosed());
        const auto closed = decodeAs<Event>(subscriber->frames().back());
        QCOMPARE(closed->kind, static_cast<std::uint16_t>(EventKind::QueueDayClosed));
        const auto body = QueueDayClosed::decode(closed->body);
        QCOMPARE(body->serviceDay, std::string("2026-03-02"));
        QCOMPARE(body->expiredCount, std::uint32_t(2)); // the serving one finishes normally
        QCOMPARE(q.fails(kiosk(), IssueTicket{"A", {}, 0, {}, {}}), std::optional(ErrorCode::InvalidState));
        QCOMPARE(q.waitingAt(clerk), std::vector<std::string>{});
        QVERIFY(q.ask<TicketOk>(clerk, actionOn<FinishService>(serving->ticketId)));

        // Past midnight it is still the same service day, until 05:00.
        q.advanceTo(beijing(4, 59, 1));
        QCOMPARE(q.ask<QueueBoard>(kiosk(), GetQueueBoard{0})->serviceDay, std::string("2026-03-02"));
        q.advanceTo(beijing(5, 0, 1));
        QCOMPARE(q.ask<QueueBoard>(kiosk(), GetQueueBoard{0})->serviceDay, std::string("2026-03-03"));
        QCOMPARE(q.issue("A").number, std::string("A001"));
        QCOMPARE(q.ask<WindowQueue>(clerk, GetWindowQueue{})->servedToday, std::uint32_t(0));
    }

    void aRestartMidDayContinuesNumberingAndKeepsTheQueue() {
        QueueFixture q;
        const auto clerk = clerkAt("1-01", "li.na");
        q.issue("A");
        q.issue("A", 2);
        q.issue("A");
        q.open(clerk);
        auto called = q.callNext(clerk); // A002, the priority one
        QCOMPARE(called->number, std::string("A002"));
        q.f().reopen();
        QCOMPARE(q.issue("A").number, std::string("A004"));
        // Windows are closed after a restart; the called ticket stays with its window.
        auto window = q.ask<WindowQueue>(clerk, GetWindowQueue{});
        QCOMPARE(window->window.state, WindowState::Closed);
        QVERIFY(window->active);
        QCOMPARE(window->active->number, std::string("A002"));
        QCOMPARE(numbersOf(window->waiting), (std::vector<std::string>{"A001", "A003", "A004"}));
        q.open(clerk);
        QCOMPARE(q.callNext(clerk).error().code, ErrorCode::InvalidState);
    }

    void aRestartAfterTheCloseTimeExpiresWhatIsLeft() {
        QueueFixture q;
        q.issue("A");
        q.f().core().stop();
        q.clock().set(beijing(19, 0));
        q.f().reopen();
        QVERIFY(q.core().runUntilIdle(std::chrono::seconds(5)));
        QVERIFY(q.core().queueModule().dayClosed());
        QCOMPARE(q.waitingAt(clerkAt("1-01", "li.na")), std::vector<std::string>{});
    }

    void boardsReflectTheJournalHead() {
        QueueFixture q;
        q.issue("A");
        q.issue("C");
        auto board = q.ask<QueueBoard>(kiosk(), GetQueueBoard{1});
        QCOMPARE(board->asOfSeq, q.f().journalHead());
        QCOMPARE(board->queues.size(), std::size_t(2)); // A and B on floor 1
        QCOMPARE(board->queues[0].waiting, std::uint32_t(1));
        QCOMPARE(board->windows.size(), std::size_t(3));
        QCOMPARE(board->priorityClasses.size(), std::size_t(4));
        auto hall = q.ask<QueueBoard>(kiosk(), GetQueueBoard{0});
        QCOMPARE(hall->queues.size(), std::size_t(3));
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        QVERIFY(q.callNext(clerk));
        board = q.ask<QueueBoard>(kiosk(), GetQueueBoard{1});
        QCOMPARE(board->recentCalls.size(), std::size_t(1));
        QCOMPARE(board->recentCalls[0].number, std::string("A001"));
        QCOMPARE(board->queues[0].lastCalledNumber, std::string("A001"));
        QCOMPARE(board->windows[0].currentNumber, std::string("A001"));
        QCOMPARE(board->windows[0].clerkName, std::string("Name li.na"));
        QCOMPARE(board->asOfSeq + 1, q.f().journalHead() + 1);
    }

    void smsAtIssueNearTurnAndCall() {
        auto sms = std::make_shared<RecordingSms>();
        server::QueueConfig config;
        config.smsRemindAhead = 1;
        QueueFixture q(config, sms);
        auto first = q.ask<IssueTicketOk>(kiosk(), IssueTicket{"A", {}, 0, {}, {}});
        auto mine = q.ask<IssueTicketOk>(kiosk(), IssueTicket{"A", {}, 0, "13800138000", {}});
        q.issue("A");
        QVERIFY(mine->smsEnabled);
        QVERIFY(!first->smsEnabled);
        QCOMPARE(sms->sent.size(), std::size_t(1));
        QCOMPARE(sms->sent[0].moment, server::QueueSms::Moment::Issued);
        QCOMPARE(sms->sent[0].mobile, std::string("13800138000"));
        QVERIFY(sms->sent[0].text.find("A002") != std::string::npos);
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        q.serveNext(clerk); // A001 called: A003 is the one with 1 ahead, and it gave no mobile
        QCOMPARE(sms->sent.size(), std::size_t(1));
        auto called = q.callNext(clerk);
        QCOMPARE(called->number, std::string("A002"));
        QCOMPARE(sms->sent.size(), std::size_t(2));
        QCOMPARE(sms->sent[1].moment, server::QueueSms::Moment::Called);
    }

    void turnNearReminderGoesOnce() {
        auto sms = std::make_shared<RecordingSms>();
        server::QueueConfig config;
        config.smsRemindAhead = 1;
        QueueFixture q(config, sms);
        q.issue("A");
        q.issue("A");
        q.issue("A", 0, "13800138000");
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        q.serveNext(clerk); // A001 called: A003 has one ahead -> reminded
        QCOMPARE(sms->sent.size(), std::size_t(2));
        QCOMPARE(sms->sent[1].moment, server::QueueSms::Moment::TurnNear);
        q.serveNext(clerk); // A002 called: A003 has none ahead -> no second reminder
        QCOMPARE(sms->sent.size(), std::size_t(2));
        QVERIFY(q.callNext(clerk)); // A003 called
        QCOMPARE(sms->sent.size(), std::size_t(3));
        QCOMPARE(sms->sent[2].moment, server::QueueSms::Moment::Called);
        QVERIFY(sms->sent[2].text.find("1-01") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestQueueCore)
#include "tst_queue_core.moc"
