// The counter tablet's model fed with a board and events as the server sends them.

#include "tablet_fixtures.h"
#include "tablet_model.h"

#include <QSignalSpy>
#include <QTest>

using namespace tablet;
using namespace Qt::StringLiterals;
using namespace tablet::testing;
using hall::TicketState;

class TestTabletModel : public QObject {
    Q_OBJECT

private:
    /// A model bound to window 2-07 with its board applied at seq 100.
    static void bind(TabletModel& model) {
        QVERIFY(model.setDevice(tabletDevice()));
        QVERIFY(model.applyBoard(boardWith({openWindow("2-06"), openWindow("2-07")})));
    }

private Q_SLOTS:
    void bindsToTheCertifiedWindow() {
        TabletModel model;
        QVERIFY(!model.isBound());
        hall::DeviceIdentity kiosk{hall::DeviceRole::Kiosk, "K-1F-01", "", 1};
        const hall::Status refused = model.setDevice(kiosk);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, hall::ErrorCode::InvalidArgument);
        QVERIFY(!model.isBound());

        QVERIFY(model.setDevice(tabletDevice("3-12")));
        QCOMPARE(model.floor(), std::uint8_t{3});
        QCOMPARE(model.topics(), (QStringList{u"floor/3"_s, u"window/3-12"_s}));
    }

    void showsTheClerkFromTheBoard() {
        TabletModel model;
        QVERIFY(model.setDevice(tabletDevice()));
        QSignalSpy changedSpy(&model, &TabletModel::windowChanged);
        hall::WindowView mine = openWindow();
        mine.currentNumber = "A023";
        mine.currentTicketId = 23;
        QVERIFY(model.applyBoard(boardWith({openWindow("2-06"), mine}, 250)));
        QCOMPARE(changedSpy.count(), 1);
        QCOMPARE(model.clerkName(), u"王丽华"_s);
        QCOMPARE(model.staffNumber(), u"0207"_s);
        QCOMPARE(model.windowState(), hall::WindowState::Open);
        QCOMPARE(model.currentNumber(), u"A023"_s);
        QCOMPARE(model.asOfSeq(), std::uint64_t{250});
        QCOMPARE(surnameOf(model.clerkName()), u"王"_s);
    }

    void aBoardWithoutTheWindowShowsItClosed() {
        TabletModel model;
        QVERIFY(model.setDevice(tabletDevice()));
        const hall::Status missing = model.applyBoard(boardWith({openWindow("2-06")}));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, hall::ErrorCode::NotFound);
        QCOMPARE(model.windowState(), hall::WindowState::Closed);
        QVERIFY(model.clerkName().isEmpty());
    }

    void followsCallsAndWindowChanges() {
        TabletModel model;
        bind(model);
        model.applyEvent(called(101, ticket(31, "A031", "2-07", TicketState::Called)));
        QCOMPARE(model.currentNumber(), u"A031"_s);
        // A call at the next window is not ours.
        model.applyEvent(called(102, ticket(32, "A032", "2-06", TicketState::Called)));
        QCOMPARE(model.currentNumber(), u"A031"_s);

        hall::WindowView paused = openWindow();
        paused.state = hall::WindowState::Paused;
        paused.currentNumber = "A031";
        paused.currentTicketId = 31;
        model.applyEvent(makeEvent(103, hall::WindowChanged{paused, "午休"}));
        QCOMPARE(model.windowState(), hall::WindowState::Paused);

        hall::WindowView otherClerk = openWindow("2-06");
        otherClerk.clerkName = "李强";
        model.applyEvent(makeEvent(104, hall::WindowChanged{otherClerk, {}}));
        QCOMPARE(model.clerkName(), u"王丽华"_s);
    }

    void aFinishHereAsksForARating() {
        TabletModel model;
        bind(model);
        QSignalSpy screens(&model, &TabletModel::screenChanged);
        model.applyEvent(called(101, ticket(31, "A031", "2-07", TicketState::Called)));
        model.applyEvent(changed(102, ticket(31, "A031", "2-07", TicketState::Serving)));
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);
        model.applyEvent(changed(103, ticket(31, "A031", "2-07", TicketState::Finished)));
        QCOMPARE(model.screen(), TabletModel::Screen::Rating);
        QCOMPARE(screens.count(), 1);
        QCOMPARE(model.ratingTicketId(), std::uint64_t{31});
        QCOMPARE(model.ratingTicketNumber(), u"A031"_s);
        QVERIFY(model.currentNumber().isEmpty());
    }

    void aFinishElsewhereDoesNot() {
        TabletModel model;
        bind(model);
        QSignalSpy screens(&model, &TabletModel::screenChanged);
        model.applyEvent(changed(101, ticket(40, "B040", "2-06", TicketState::Finished)));
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);
        QCOMPARE(screens.count(), 0);
        // Nor do other endings at this window: a no-show or a cancelled ticket was not served.
        model.applyEvent(changed(102, ticket(41, "A041", "2-07", TicketState::NoShow)));
        model.applyEvent(changed(103, ticket(42, "A042", "2-07", TicketState::Cancelled)));
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);
    }

    void eventsBeforeTheBoardAndRepeatsAreIgnored() {
        TabletModel model;
        bind(model);
        // seq 90 is older than the board (100): already part of it.
        model.applyEvent(changed(90, ticket(31, "A031", "2-07", TicketState::Finished)));
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);
        const hall::Event finish = changed(101, ticket(32, "A032", "2-07", TicketState::Finished));
        model.applyEvent(finish);
        QCOMPARE(model.screen(), TabletModel::Screen::Rating);
        model.abandon();
        model.applyEvent(finish);
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);
    }

    void topLevelsSubmitAtOnce() {
        TabletModel model;
        bind(model);
        QSignalSpy submitted(&model, &TabletModel::ratingSubmitted);
        model.applyEvent(changed(101, ticket(31, "A031", "2-07", TicketState::Finished)));
        QVERIFY(model.chooseLevel(5));
        QCOMPARE(model.screen(), TabletModel::Screen::Thanks);
        QCOMPARE(submitted.count(), 1);
        const auto rating = submitted.at(0).at(0).value<hall::SubmitRating>();
        QCOMPARE(rating.ticketId, std::uint64_t{31});
        QCOMPARE(rating.level, std::uint8_t{5});
        QCOMPARE(rating.reasonCode, std::uint8_t{0});
        QVERIFY(model.hasRated(31));
        model.finishThanks();
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);

        // One rating per service: the same ticket finishing again (a replay) asks nothing.
        model.promptForRating(ticket(31, "A031", "2-07", TicketState::Finished));
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);
        const hall::Status noPrompt = model.chooseLevel(4);
        QCOMPARE(noPrompt.error().code, hall::ErrorCode::InvalidState);
        QCOMPARE(submitted.count(), 1);
    }

    void lowLevelsNeedAReason_data() {
        QTest::addColumn<int>("level");
        QTest::newRow("不满意") << 2;
        QTest::newRow("非常不满意") << 1;
    }

    void lowLevelsNeedAReason() {
        QFETCH(int, level);
        TabletModel model;
        bind(model);
        QSignalSpy submitted(&model, &TabletModel::ratingSubmitted);
        model.applyEvent(changed(101, ticket(31, "A031", "2-07", TicketState::Finished)));
        QVERIFY(model.chooseLevel(static_cast<std::uint8_t>(level)));
        QCOMPARE(model.screen(), TabletModel::Screen::Reason);
        const hall::Status withoutReason = model.submitWithReason();
        QVERIFY(!withoutReason);
        QCOMPARE(withoutReason.error().code, hall::ErrorCode::InvalidArgument);
        QCOMPARE(submitted.count(), 0);
        QCOMPARE(model.screen(), TabletModel::Screen::Reason);

        QVERIFY(model.chooseReason(hall::RatingReason::LongWait));
        QVERIFY(model.chooseReason(hall::RatingReason::SlowHandling)); // the second tap replaces the first
        QVERIFY(model.submitWithReason());
        QCOMPARE(submitted.count(), 1);
        const auto rating = submitted.at(0).at(0).value<hall::SubmitRating>();
        QCOMPARE(rating.level, static_cast<std::uint8_t>(level));
        QCOMPARE(rating.reasonCode, static_cast<std::uint8_t>(hall::RatingReason::SlowHandling));
        QVERIFY(checkRating(rating));
    }

    void backFromTheReasonsKeepsThePrompt() {
        TabletModel model;
        bind(model);
        model.applyEvent(changed(101, ticket(31, "A031", "2-07", TicketState::Finished)));
        QVERIFY(model.chooseLevel(1));
        QVERIFY(model.chooseReason(hall::RatingReason::Attitude));
        model.backToLevels();
        QCOMPARE(model.screen(), TabletModel::Screen::Rating);
        QCOMPARE(model.ratingTicketId(), std::uint64_t{31});
        QVERIFY(model.chooseLevel(3));
        QCOMPARE(model.screen(), TabletModel::Screen::Thanks);
    }

    void leavingWithoutRatingSendsNothing() {
        TabletModel model;
        bind(model);
        QSignalSpy submitted(&model, &TabletModel::ratingSubmitted);
        model.applyEvent(changed(101, ticket(31, "A031", "2-07", TicketState::Finished)));
        QVERIFY(model.chooseLevel(2));
        model.abandon();
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);
        QCOMPARE(submitted.count(), 0);
        QVERIFY(!model.hasRated(31));
    }

    void theNextServiceDropsAnUnansweredPrompt() {
        TabletModel model;
        bind(model);
        model.applyEvent(changed(101, ticket(31, "A031", "2-07", TicketState::Finished)));
        // The next number is only called: the citizen may still be rating.
        model.applyEvent(called(102, ticket(32, "A032", "2-07", TicketState::Called)));
        QCOMPARE(model.screen(), TabletModel::Screen::Rating);
        model.applyEvent(changed(103, ticket(32, "A032", "2-07", TicketState::Serving)));
        QCOMPARE(model.screen(), TabletModel::Screen::Idle);
        QCOMPARE(model.currentNumber(), u"A032"_s);
    }

    void checkRatingRules_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("reason");
        QTest::addColumn<int>("commentBytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("5 without reason") << 5 << 0 << 0 << true;
        QTest::newRow("3 with reason") << 3 << 1 << 0 << false;
        QTest::newRow("2 without reason") << 2 << 0 << 0 << false;
        QTest::newRow("1 with reason") << 1 << 9 << 0 << true;
        QTest::newRow("1 unknown reason") << 1 << 8 << 0 << false;
        QTest::newRow("level 0") << 0 << 0 << 0 << false;
        QTest::newRow("level 6") << 6 << 0 << 0 << false;
        QTest::newRow("comment at limit") << 4 << 0 << 500 << true;
        QTest::newRow("comment too long") << 4 << 0 << 501 << false;
    }

    void checkRatingRules() {
        QFETCH(int, level);
        QFETCH(int, reason);
        QFETCH(int, commentBytes);
        QFETCH(bool, valid);
        hall::SubmitRating rating{31, static_cast<std::uint8_t>(level), static_cast<std::uint8_t>(reason),
                                  std::string(static_cast<std::size_t>(commentBytes), 'x')};
        const hall::Status checked = checkRating(rating);
        QCOMPARE(bool(checked), valid);
        if (!valid)
            QCOMPARE(checked.error().code, hall::ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestTabletModel)
#include "tst_tablet_model.moc"
