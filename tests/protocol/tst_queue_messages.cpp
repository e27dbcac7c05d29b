#include "protocol/queue_events.h"
#include "protocol/queue_messages.h"

#include <QTest>

using namespace hall;

namespace {
template <typename M> M roundTrip(const M& message) {
    const std::string frame = encodeMessage(message, 7);
    const DecodeOutcome out = decodeFrame(frame);
    if (out.status != DecodeStatus::Complete)
        qFatal("frame did not decode");
    auto decoded = decodeMessage<M>(out.frame);
    if (!decoded.ok())
        qFatal("%s", decoded.error().message.c_str());
    return std::move(decoded).value();
}

template <typename E> E eventRoundTrip(const E& event) {
    auto decoded = E::decode(encodeEventBody(event));
    if (!decoded.ok())
        qFatal("%s", decoded.error().message.c_str());
    return std::move(decoded).value();
}

TicketView sampleTicket() {
    TicketView t;
    t.ticketId = 42;
    t.number = "A023";
    t.queuePrefix = "A";
    t.floor = 1;
    t.priorityClass = 1;
    t.state = TicketState::Called;
    t.issuedAtMs = 1'767'000'000'000;
    t.window = "1-03";
    t.callCount = 2;
    t.lastCallAtMs = 1'767'000'060'000;
    t.itemCode = "512B0359600026";
    return t;
}

WindowView sampleWindow() {
    return WindowView{"2-07", 2, WindowState::Paused, "李明", "C-0207", "B011", 77};
}
} // namespace

class TestQueueMessages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void requestsRoundTrip() {
        const IssueTicket issue{"A", "512B0359600026", 2, "13800138000", ""};
        QCOMPARE(roundTrip(issue), issue);
        QCOMPARE(roundTrip(CallNext{}), CallNext{});
        Recall recall;
        recall.ticketId = 9;
        QCOMPARE(roundTrip(recall).ticketId, std::uint64_t(9));
        FinishService finish;
        finish.ticketId = 10;
        QCOMPARE(roundTrip(finish), finish);
        const TransferTicket transfer{5, "B", "2-08"};
        QCOMPARE(roundTrip(transfer), transfer);
        const SetWindowState pause{WindowState::Paused, "午休"};
        QCOMPARE(roundTrip(pause), pause);
        QCOMPARE(roundTrip(GetQueueBoard{3}), GetQueueBoard{3});
        QCOMPARE(roundTrip(GetWindowQueue{}), GetWindowQueue{});
        const SubmitRating rating{42, 2, 1, "等了一个小时"};
        QCOMPARE(roundTrip(rating), rating);
    }

    void repliesRoundTrip() {
        const IssueTicketOk issued{sampleTicket(), 5, 900, {"1-01", "1-02"}, true};
        QCOMPARE(roundTrip(issued), issued);
        QCOMPARE(roundTrip(TicketOk{sampleTicket()}), TicketOk{sampleTicket()});
        QCOMPARE(roundTrip(WindowOk{sampleWindow()}), WindowOk{sampleWindow()});
        QueueBoard board;
        board.asOfSeq = 99;
        board.serviceDay = "2026-12-03";
        board.queues = {QueueView{"A", "社会保险", 1, 12, "A011", 240}};
        board.windows = {sampleWindow()};
        board.recentCalls = {CallView{42, "A023", "1-03", 5, 1}};
        board.priorityClasses = {PriorityClassView{0, "普通", false}, PriorityClassView{1, "老年人", true}};
        QCOMPARE(roundTrip(board), board);
        WindowQueue queue;
        queue.asOfSeq = 3;
        queue.window = sampleWindow();
        queue.waiting = {sampleTicket(), sampleTicket()};
        queue.servedToday = 31;
        queue.noShowToday = 2;
        QCOMPARE(roundTrip(queue), queue);
        queue.active = sampleTicket();
        QCOMPARE(roundTrip(queue), queue);
        QCOMPARE(roundTrip(SubmitRatingOk{8}), SubmitRatingOk{8});
    }

    void eventsRoundTrip() {
        QCOMPARE(eventRoundTrip(TicketIssued{sampleTicket(), 4}), (TicketIssued{sampleTicket(), 4}));
        QCOMPARE(eventRoundTrip(TicketCalled{sampleTicket(), true}), (TicketCalled{sampleTicket(), true}));
        QCOMPARE(eventRoundTrip(TicketChanged{sampleTicket(), 3}), (TicketChanged{sampleTicket(), 3}));
        QCOMPARE(eventRoundTrip(WindowChanged{sampleWindow(), "午休"}),
                 (WindowChanged{sampleWindow(), "午休"}));
        const RatingRecorded rating{1, 42, "A023", "1-03", "li.ming", 1, 2, "态度差"};
        QCOMPARE(eventRoundTrip(rating), rating);
        QCOMPARE(eventRoundTrip(QueueDayClosed{"2026-12-03", 5}), (QueueDayClosed{"2026-12-03", 5}));
    }

    void badEnumsAreRejected() {
        TicketOk ok{sampleTicket()};
        std::string body = encodeBody(ok);
        // ticketId (8) + number (4+4) + prefix (4+1) + floor (1) + class (1) -> state at offset 23.
        QCOMPARE(static_cast<int>(body[23]), static_cast<int>(TicketState::Called));
        body[23] = 9;
        QVERIFY(!TicketOk::decode(body).ok());
        std::string window = encodeBody(SetWindowState{WindowState::Open, ""});
        window[0] = 0;
        QVERIFY(!SetWindowState::decode(window).ok());
    }

    void limits() {
        SubmitRating rating{1, 1, 1, std::string(501, 'x')};
        QVERIFY(!SubmitRating::decode(encodeBody(rating)).ok());
        WindowQueue tooMany;
        tooMany.waiting.assign(201, sampleTicket());
        QVERIFY(!WindowQueue::decode(encodeBody(tooMany)).ok());
    }

    void ratingReasons() {
        QVERIFY(ratingReasonFromId(1).has_value());
        QVERIFY(ratingReasonFromId(9).has_value());
        QVERIFY(!ratingReasonFromId(0).has_value());
        QVERIFY(!ratingReasonFromId(7).has_value());
        QCOMPARE(ratingReasonLabel(RatingReason::LongWait), std::string_view("等候时间太长"));
    }
};

QTEST_APPLESS_MAIN(TestQueueMessages)
#include "tst_queue_messages.moc"
