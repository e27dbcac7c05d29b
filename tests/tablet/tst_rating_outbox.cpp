// The rating outbox: saved in SQLite, sent when the line is up, resent under the same request id after a
// reconnect and after a restart, removed once the server has answered.

#include "rating_outbox.h"
#include "tablet_fixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tablet;
using namespace tablet::testing;
using namespace Qt::StringLiterals;

namespace {

hall::SubmitRating rating(std::uint64_t ticketId, std::uint8_t level = 4, std::uint8_t reason = 0) {
    return hall::SubmitRating{ticketId, level, reason, {}};
}

hall::Error lineDown() {
    return hall::Error{hall::ErrorCode::Disconnected, "the connection dropped"};
}

} // namespace

class TestRatingOutbox : public QObject {
    Q_OBJECT

private:
    QString path() const { return m_dir.filePath(u"ratings.sqlite"_s); }
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { QFile::remove(path()); }

    void sendsAtOnceWhenOnline() {
        FakeSender sender;
        sender.setReady(true);
        RatingOutbox outbox(path(), &sender);
        QVERIFY(outbox.open());
        QSignalSpy saved(&outbox, &RatingOutbox::saved);
        QSignalSpy delivered(&outbox, &RatingOutbox::delivered);
        const auto requestId = outbox.enqueue(rating(31, 5));
        QVERIFY(requestId);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(1).toBool(), true);
        QCOMPARE(sender.sent.size(), std::size_t{1});
        QCOMPARE(sender.sent[0].requestId, *requestId);
        QCOMPARE(sender.sent[0].rating, rating(31, 5));
        QCOMPARE(outbox.pendingCount(), 1);

        sender.answer(0, hall::SubmitRatingOk{7001});
        QCOMPARE(delivered.count(), 1);
        QCOMPARE(delivered.at(0).at(1).value<std::uint64_t>(), std::uint64_t{7001});
        QCOMPARE(outbox.pendingCount(), 0);
    }

    void refusesBadAndDuplicateRatings() {
        FakeSender sender;
        RatingOutbox outbox(path(), &sender);
        QVERIFY(outbox.open());
        const auto noReason = outbox.enqueue(rating(31, 2, 0));
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().code, hall::ErrorCode::InvalidArgument);
        QCOMPARE(outbox.pendingCount(), 0);

        QVERIFY(outbox.enqueue(rating(31, 2, 1)));
        const auto second = outbox.enqueue(rating(31, 5));
        QVERIFY(!second);
        QCOMPARE(second.error().code, hall::ErrorCode::Conflict);
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(sender.sent.size(), std::size_t{0});
    }

    void offlineRatingSurvivesARestartAndIsSentOnceWithTheSameId() {
        std::uint64_t requestId = 0;
        {
            FakeSender sender; // the server cannot be reached
            RatingOutbox outbox(path(), &sender);
            QVERIFY(outbox.open());
            QSignalSpy saved(&outbox, &RatingOutbox::saved);
            const auto queued =
                outbox.enqueue(rating(31, 1, static_cast<std::uint8_t>(hall::RatingReason::Attitude)));
            QVERIFY(queued);
            requestId = *queued;
            QCOMPARE(saved.at(0).at(1).toBool(), false);
            QCOMPARE(sender.sent.size(), std::size_t{0});
        } // the tablet is switched off

        FakeSender sender;
        RatingOutbox outbox(path(), &sender);
        QVERIFY(outbox.open());
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(outbox.pending().at(0).requestId, requestId);
        QSignalSpy delivered(&outbox, &RatingOutbox::delivered);

        sender.setReady(true); // the line comes back
        QCOMPARE(sender.sent.size(), std::size_t{1});
        QCOMPARE(sender.sent[0].requestId, requestId);
        QCOMPARE(sender.sent[0].rating.reasonCode, static_cast<std::uint8_t>(hall::RatingReason::Attitude));
        // A second ready while the first send is still out does not send it twice.
        sender.setReady(true);
        outbox.flush();
        QCOMPARE(sender.sent.size(), std::size_t{1});

        sender.answer(0, hall::SubmitRatingOk{7002});
        QCOMPARE(delivered.count(), 1);
        QCOMPARE(outbox.pendingCount(), 0);
        sender.setReady(true);
        QCOMPARE(sender.sent.size(), std::size_t{1});
    }

    void aLostAnswerIsAskedAgainUnderTheSameId() {
        FakeSender sender;
        sender.setReady(true);
        RatingOutbox outbox(path(), &sender);
        QVERIFY(outbox.open());
        QSignalSpy delivered(&outbox, &RatingOutbox::delivered);
        const auto requestId = outbox.enqueue(rating(31, 4));
        QVERIFY(requestId);
        // The server may have recorded it, but the answer never arrived.
        sender.answer(0, lineDown());
        QCOMPARE(outbox.pendingCount(), 1);
        QCOMPARE(delivered.count(), 0);

        sender.setReady(true);
        QCOMPARE(sender.sent.size(), std::size_t{2});
        QCOMPARE(sender.sent[1].requestId, *requestId);
        sender.answer(1, hall::SubmitRatingOk{7003}); // the server's first answer, repeated
        QCOMPARE(delivered.count(), 1);
        QCOMPARE(outbox.pendingCount(), 0);
    }

    void aLostAnswerAcrossARestartKeepsTheId() {
        std::uint64_t requestId = 0;
        {
            FakeSender sender;
            sender.setReady(true);
            RatingOutbox outbox(path(), &sender);
            QVERIFY(outbox.open());
            const auto queued = outbox.enqueue(rating(32, 3));
            QVERIFY(queued);
            requestId = *queued;
            QCOMPARE(sender.sent.size(), std::size_t{1});
            // switched off before any answer came
        }
        FakeSender sender;
        sender.setReady(true);
        RatingOutbox outbox(path(), &sender);
        QVERIFY(outbox.open());
        outbox.flush();
        QCOMPARE(sender.sent.size(), std::size_t{1});
        QCOMPARE(sender.sent[0].requestId, requestId);
    }

    void aRefusalIsFinal() {
        FakeSender sender;
        sender.setReady(true);
        RatingOutbox outbox(path(), &sender);
        QVERIFY(outbox.open());
        QSignalSpy rejected(&outbox, &RatingOutbox::rejected);
        QVERIFY(outbox.enqueue(rating(33, 5)));
        sender.answer(0, hall::Error{hall::ErrorCode::Conflict, "ticket 33 is already rated"});
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(outbox.pendingCount(), 0);
        sender.setReady(true);
        QCOMPARE(sender.sent.size(), std::size_t{1});
    }

    void transientErrors() {
        QVERIFY(RatingOutbox::isTransient(hall::ErrorCode::Disconnected));
        QVERIFY(RatingOutbox::isTransient(hall::ErrorCode::Timeout));
        QVERIFY(RatingOutbox::isTransient(hall::ErrorCode::Unavailable));
        QVERIFY(!RatingOutbox::isTransient(hall::ErrorCode::Conflict));
        QVERIFY(!RatingOutbox::isTransient(hall::ErrorCode::InvalidArgument));
        QVERIFY(!RatingOutbox::isTransient(hall::ErrorCode::NotFound));
    }

    void anUnwritablePathIsAnError() {
        RatingOutbox outbox(u"/proc/no-such-dir/ratings.sqlite"_s, nullptr);
        const hall::Status opened = outbox.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, hall::ErrorCode::Unavailable);
        const auto queued = outbox.enqueue(rating(34, 5));
        QVERIFY(!queued);
    }
};

QTEST_GUILESS_MAIN(TestRatingOutbox)
#include "tst_rating_outbox.moc"
