// The queue's rules at the window: window states, recall and no-show, reactivation, transfers, ratings and
// every forbidden transition (a typed error and nothing changed).
#include "queue_fixture.h"

using namespace hall;
using namespace hall::test;

class TestQueueRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void windowStatesGateTheCalls() {
        QueueFixture q;
        q.issue("A");
        const auto clerk = clerkAt("1-01", "li.na");
        QCOMPARE(q.callNext(clerk).error().code, ErrorCode::InvalidState); // closed
        QCOMPARE(q.fails(clerk, SetWindowState{WindowState::Paused, {}}),
                 std::optional(ErrorCode::InvalidState));
        auto opened = q.ask<WindowOk>(clerk, SetWindowState{WindowState::Open, {}});
        QCOMPARE(opened->window.state, WindowState::Open);
        QCOMPARE(opened->window.clerkName, std::string("Name li.na"));
        auto paused = q.ask<WindowOk>(clerk, SetWindowState{WindowState::Paused, "午休"});
        QCOMPARE(paused->window.state, WindowState::Paused);
        QCOMPARE(q.callNext(clerk).error().code, ErrorCode::InvalidState);
        q.open(clerk);
        QVERIFY(q.callNext(clerk));
        // One active ticket per window and clerk.
        QCOMPARE(q.callNext(clerk).error().code, ErrorCode::InvalidState);
        QCOMPARE(q.fails(clerk, SetWindowState{WindowState::Closed, {}}),
                 std::optional(ErrorCode::InvalidState));
        // A window without a catalog entry, and a PC bound to none.
        QCOMPARE(q.fails(clerkAt("3-01", "li.na"), SetWindowState{WindowState::Open, {}}),
                 std::optional(ErrorCode::NotFound));
    }

    void oneClerkPerWindowAndOneWindowPerClerk() {
        QueueFixture q;
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        const std::uint64_t head = q.f().journalHead();
        // Another person on another PC bound to the same window.
        const auto intruder = clerkAt("1-01", "zhao.lei", PersonRole::Clerk, "PC-1-01-spare");
        QCOMPARE(q.fails(intruder, SetWindowState{WindowState::Open, {}}),
                 std::optional(ErrorCode::Conflict));
        QCOMPARE(q.callNext(intruder).error().code, ErrorCode::Conflict);
        // The same person cannot also open a second window.
        QCOMPARE(q.fails(clerkAt("1-02", "li.na"), SetWindowState{WindowState::Open, {}}),
                 std::optional(ErrorCode::Conflict));
        QCOMPARE(q.f().journalHead(), head);
        // Opening twice changes nothing and writes no event.
        q.open(clerk);
        QCOMPARE(q.f().journalHead(), head);
        // Closing frees the window for the other clerk.
        QVERIFY(q.ask<WindowOk>(clerk, SetWindowState{WindowState::Closed, {}}));
        QVERIFY(q.ask<WindowOk>(intruder, SetWindowState{WindowState::Open, {}}));
    }

    void logoutClosesTheWindow() {
        QueueFixture q;
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        QVERIFY(decodeAs<LogoutOk>(q.f().request(clerk, Logout{}, 99)));
        auto board = q.ask<QueueBoard>(kiosk(), GetQueueBoard{1});
        QCOMPARE(board->windows[0].state, WindowState::Closed);
        QVERIFY(q.ask<WindowOk>(clerkAt("1-01", "zhao.lei", PersonRole::Clerk, "PC-other"),
                                SetWindowState{WindowState::Open, {}}));
    }

    void recallCooldownNoShowAndReactivation() {
        QueueFixture q;
        const TicketView first = q.issue("A");
        q.advanceBy(1000);
        q.issue("A");
        q.advanceBy(1000);
        q.issue("A");
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        auto called = q.callNext(clerk);
        QCOMPARE(called->ticketId, first.ticketId);
        QCOMPARE(called->callCount, std::uint16_t(1));
        // Too early for a recall, and one call is not enough for a no-show.
        QCOMPARE(q.fails(clerk, actionOn<Recall>(first.ticketId)), std::optional(ErrorCode::InvalidState));
        QCOMPARE(q.fails(clerk, actionOn<MarkNoShow>(first.ticketId)),
                 std::optional(ErrorCode::InvalidState));
        q.advanceBy(19000);
        QCOMPARE(q.fails(clerk, actionOn<Recall>(first.ticketId)), std::optional(ErrorCode::InvalidState));
        q.advanceBy(1000);
        auto recalled = q.ask<TicketOk>(clerk, actionOn<Recall>(first.ticketId));
        QCOMPARE(recalled->ticket.callCount, std::uint16_t(2));
        QCOMPARE(recalled->ticket.lastCallAtMs, q.clock().nowMs());
        auto noShow = q.ask<TicketOk>(clerk, actionOn<MarkNoShow>(first.ticketId));
        QCOMPARE(noShow->ticket.state, TicketState::NoShow);
        QCOMPARE(q.ask<WindowQueue>(clerk, GetWindowQueue{})->noShowToday, std::uint32_t(1));
        QCOMPARE(q.waitingAt(clerk), (std::vector<std::string>{"A002", "A003"}));
        // Reactivated: back at its original place, visible to every window of the queue.
        auto back = q.ask<TicketOk>(clerkAt("1-02", "zhao.lei"), actionOn<Reactivate>(first.ticketId));
        QCOMPARE(back->ticket.state, TicketState::Waiting);
        QCOMPARE(back->ticket.issuedAtMs, first.issuedAtMs);
        QCOMPARE(q.waitingAt(clerk), (std::vector<std::string>{"A001", "A002", "A003"}));
        QCOMPARE(q.waitingAt(clerkAt("1-02", "zhao.lei")),
                 (std::vector<std::string>{"A001", "A002", "A003"}));
        // A window that does not serve the queue may not reactivate (a supervisor may).
        QCOMPARE(q.callNext(clerk)->number, std::string("A001"));
    }

    void transferKeepsArrivalAndPublishesOnBothFloors() {
        QueueFixture q;
        auto floor1 = std::make_shared<RecordingPeer>();
        auto floor2 = std::make_shared<RecordingPeer>();
        QVERIFY(decodeAs<SubscribeOk>(q.f().request(kiosk(), Subscribe{{"floor/1"}, 0}, 1, floor1)));
        QVERIFY(decodeAs<SubscribeOk>(q.f().request(kiosk(), Subscribe{{"floor/2"}, 0}, 2, floor2)));
        const TicketView early = q.issue("A");
        q.advanceBy(60000);
        q.issue("C");
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        QVERIFY(q.callNext(clerk));
        auto moved = q.ask<TicketOk>(clerk, TransferTicket{early.ticketId, "C", "2-01"});
        QVERIFY(moved);
        QCOMPARE(moved->ticket.queuePrefix, std::string("C"));
        QCOMPARE(moved->ticket.number, std::string("A001"));
        QCOMPARE(moved->ticket.issuedAtMs, early.issuedAtMs);
        QCOMPARE(moved->ticket.window, std::string("2-01"));
        QCOMPARE(moved->ticket.state, TicketState::Waiting);
        const auto last1 = decodeAs<Event>(floor1->frames().back());
        const auto last2 = decodeAs<Event>(floor2->frames().back());
        QCOMPARE(last1->kind, static_cast<std::uint16_t>(EventKind::TicketChanged));
        QCOMPARE(last2->kind, static_cast<std::uint16_t>(EventKind::TicketChanged));
        QCOMPARE(last1->seq, last2->seq + 1); // the new floor first, then the old one
        QCOMPARE(TicketChanged::decode(last1->body)->ticket, moved->ticket);
        // The window is free again, and at 2-01 the transferred ticket comes first by its arrival.
        QCOMPARE(q.ask<WindowQueue>(clerk, GetWindowQueue{})->active.has_value(), false);
        QCOMPARE(q.waitingAt(clerkAt("2-01", "zhao.lei")), (std::vector<std::string>{"A001", "C001"}));
        // Bad targets.
        const TicketView other = q.issue("A");
        QCOMPARE(q.fails(clerk, TransferTicket{other.ticketId, "Z", {}}), std::optional(ErrorCode::NotFound));
        QCOMPARE(q.fails(clerk, TransferTicket{other.ticketId, "C", "1-02"}),
                 std::optional(ErrorCode::InvalidArgument));
        QCOMPARE(q.fails(clerk, TransferTicket{other.ticketId, "A", {}}),
                 std::optional(ErrorCode::InvalidArgument));
        QCOMPARE(q.fails(clerk, TransferTicket{424242, "C", {}}), std::optional(ErrorCode::NotFound));
    }

    void aReservedTicketIsOnlyForItsWindow() {
        QueueFixture q;
        const TicketView t = q.issue("A");
        const auto one = clerkAt("1-01", "li.na");
        const auto two = clerkAt("1-02", "zhao.lei");
        q.open(one);
        QVERIFY(q.ask<TicketOk>(one, TransferTicket{t.ticketId, "A", "1-02"}));
        QCOMPARE(q.waitingAt(one), std::vector<std::string>{});
        QCOMPARE(q.waitingAt(two), std::vector<std::string>{"A001"});
        QCOMPARE(q.callNext(one).error().code, ErrorCode::NotFound);
    }

    void ratingRules() {
        QueueFixture q;
        const auto clerk = clerkAt("1-01", "li.na");
        q.open(clerk);
        const TicketView waiting = q.issue("A");
        const TicketView second = q.issue("A");
        const std::string served = q.serveNext(clerk);
        QCOMPARE(served, waiting.number);
        auto floor1 = std::make_shared<RecordingPeer>();
        QVERIFY(decodeAs<SubscribeOk>(
            q.f().request(tabletAt("1-01"), Subscribe{{"floor/1"}, q.f().journalHead()}, 1, floor1)));

        QCOMPARE(q.fails(tabletAt("1-01"), SubmitRating{waiting.ticketId, 0, 0, {}}),
                 std::optional(ErrorCode::InvalidArgument));
        QCOMPARE(q.fails(tabletAt("1-01"), SubmitRating{waiting.ticketId, 2, 0, {}}),
                 std::optional(ErrorCode::InvalidArgument));
        QCOMPARE(q.fails(tabletAt("1-01"), SubmitRating{waiting.ticketId, 2, 7, {}}),
                 std::optional(ErrorCode::InvalidArgument));
        QCOMPARE(q.fails(tabletAt("1-01"), SubmitRating{waiting.ticketId, 4, 1, {}}),
                 std::optional(ErrorCode::InvalidArgument));
        QCOMPARE(q.fails(tabletAt("1-02"), SubmitRating{waiting.ticketId, 5, 0, {}}),
                 std::optional(ErrorCode::Forbidden));
        QCOMPARE(q.fails(tabletAt("1-01"), SubmitRating{second.ticketId, 5, 0, {}}),
                 std::optional(ErrorCode::InvalidState));
        QCOMPARE(q.fails(tabletAt("1-01"), SubmitRating{777, 5, 0, {}}), std::optional(ErrorCode::NotFound));
        QCOMPARE(q.fails(clerk, SubmitRating{waiting.ticketId, 5, 0, {}}),
                 std::optional(ErrorCode::Forbidden));
        QCOMPARE(q.f().countRows("ratings"), std::int64_t(0));

        auto rated =
            q.ask<SubmitRatingOk>(tabletAt("1-01"), SubmitRating{waiting.ticketId, 1, 1, "等了很久"});
        QVERIFY(rated);
        const auto event = decodeAs<Event>(floor1->frames().back());
        QCOMPARE(event->kind, static_cast<std::uint16_t>(EventKind::RatingRecorded));
        const auto body = RatingRecorded::decode(event->body);
        QCOMPARE(body->clerkUsername, std::string("li.na"));
        QCOMPARE(body->window, std::string("1-01"));
        QCOMPARE(body->level, std::uint8_t(1));
        QCOMPARE(q.fails(tabletAt("1-01"), SubmitRating{waiting.ticketId, 5, 0, {}}),
                 std::optional(ErrorCode::Conflict));
        QCOMPARE(q.f().countRows("ratings"), std::int64_t(1));
    }

    void everyForbiddenTransitionIsATypedErrorAndChangesNothing() {
        QueueFixture q;
        const auto clerk = clerkAt("1-01", "li.na");
        const auto supervisor = clerkAt("1-02", "wang.fang", PersonRole::Supervisor);
        q.open(clerk);
        const TicketView a = q.issue("A");
        const TicketView b = q.issue("A");
        const TicketView c = q.issue("B");
        const std::uint64_t head = q.f().journalHead();
        struct Case {
            const char* what;
            std::optional<ErrorCode> got;
            ErrorCode want;
        };
        std::vector<Case> cases{
            {"begin a waiting ticket", q.fails(clerk, actionOn<BeginService>(a.ticketId)),
             ErrorCode::InvalidState},
            {"finish a waiting ticket", q.fails(clerk, actionOn<FinishService>(a.ticketId)),
             ErrorCode::InvalidState},
            {"recall a waiting ticket", q.fails(clerk, actionOn<Recall>(a.ticketId)),
             ErrorCode::InvalidState},
            {"no-show a waiting ticket", q.fails(clerk, actionOn<MarkNoShow>(a.ticketId)),
             ErrorCode::InvalidState},
            {"reactivate a waiting ticket", q.fails(clerk, actionOn<Reactivate>(a.ticketId)),
             ErrorCode::InvalidState},
            {"a clerk cancels", q.fails(clerk, actionOn<CancelTicket>(a.ticketId)), ErrorCode::Forbidden},
            {"an unknown ticket", q.fails(clerk, actionOn<BeginService>(999)), ErrorCode::NotFound},
            {"a kiosk calls", q.fails(kiosk(), CallNext{}), ErrorCode::Forbidden},
            {"begin without a window open",
             q.fails(clerkAt("1-03", "sun.li"), actionOn<BeginService>(c.ticketId)), ErrorCode::InvalidState},
        };
        for (const auto& test : cases) {
            QVERIFY2(test.got.has_value(), test.what);
            QVERIFY2(*test.got == test.want, test.what);
        }
        QCOMPARE(q.f().journalHead(), head);

        auto called = q.callNext(clerk);
        QCOMPARE(called->ticketId, a.ticketId);
        q.open(supervisor);
        const std::uint64_t afterCall = q.f().journalHead();
        QCOMPARE(q.fails(clerk, actionOn<FinishService>(a.ticketId)), std::optional(ErrorCode::InvalidState));
        QCOMPARE(q.fails(supervisor, actionOn<BeginService>(a.ticketId)),
                 std::optional(ErrorCode::Forbidden));
        QCOMPARE(q.fails(supervisor, TransferTicket{a.ticketId, "B", {}}),
                 std::optional(ErrorCode::Forbidden));
        QCOMPARE(q.f().journalHead(), afterCall);

        // Finished and cancelled tickets are closed for everything.
        q.serveNext(supervisor); // b
        QCOMPARE(q.fails(supervisor, actionOn<CancelTicket>(b.ticketId)),
                 std::optional(ErrorCode::InvalidState));
        QCOMPARE(q.fails(supervisor, actionOn<Reactivate>(b.ticketId)),
                 std::optional(ErrorCode::InvalidState));
        QCOMPARE(q.fails(supervisor, TransferTicket{b.ticketId, "B", {}}),
                 std::optional(ErrorCode::InvalidState));
        QVERIFY(q.ask<TicketOk>(supervisor, actionOn<CancelTicket>(a.ticketId)));
        QCOMPARE(q.fails(clerk, actionOn<BeginService>(a.ticketId)), std::optional(ErrorCode::InvalidState));
        // The window is free after its ticket was cancelled.
        QCOMPARE(q.callNext(clerk).error().code, ErrorCode::NotFound);
    }
};

QTEST_APPLESS_MAIN(TestQueueRules)
#include "tst_queue_rules.moc"
