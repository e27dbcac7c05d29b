// The counter tablet against the real hall-server over real TLS: the tablet follows its window, asks for a
// rating when the clerk finishes the service, and a rating whose first answer was lost is recorded once.

#include "rating_outbox.h"
#include "rating_sender.h"
#include "tablet_controller.h"
#include "tablet_model.h"

#include "protocol/queue_events.h"
#include "qtclient/hall_connection.h"
#include "server_process.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using hall::qt::HallConnection;
using hall::qt::PendingReply;

namespace {

constexpr int kWaitMs = 15000;

template <typename Reply> hall::Result<Reply> await(PendingReply* reply) {
    QSignalSpy finished(reply, &PendingReply::finished);
    if (!reply->isFinished() && !finished.wait(kWaitMs))
        return hall::Error{hall::ErrorCode::Timeout, "no answer in the test's time"};
    return reply->result<Reply>();
}

} // namespace

class TestTabletRealHall : public QObject {
    Q_OBJECT

private:
    hall::qt::ConnectionSettings settingsFor(const hall::test::DeviceFiles& files) const {
        hall::qt::ConnectionSettings settings;
        settings.port = m_server->port();
        settings.caFile = QString::fromStdString(files.ca);
        settings.certFile = QString::fromStdString(files.certificate);
        settings.keyFile = QString::fromStdString(files.key);
        settings.clientName = u"tst_tablet_real_hall"_s;
        settings.clientVersion = u"0"_s;
        return settings;
    }

    static bool waitReady(HallConnection& connection) {
        if (connection.state() == HallConnection::State::Ready)
            return true;
        QSignalSpy ready(&connection, &HallConnection::stateChanged);
        QDeadlineTimer deadline(kWaitMs);
        while (!deadline.hasExpired()) {
            if (connection.state() == HallConnection::State::Ready)
                return true;
            ready.wait(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
        }
        return connection.state() == HallConnection::State::Ready;
    }

    QTemporaryDir m_files;
    std::unique_ptr<hall::test::ServerProcess> m_server;
    hall::qt::ConnectionSettings m_tablet;
    hall::qt::ConnectionSettings m_clerkPc;
    hall::qt::ConnectionSettings m_kiosk;

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<hall::test::ServerProcess>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->lastError()));
        const QString data = m_server->dataDir();
        const auto imported = hall::test::runTool(
            hall::test::hallctlPath(), {u"catalog"_s, u"import"_s, u"--data-dir"_s, data, u"--file"_s,
                                        QStringLiteral(HALL_SOURCE_DIR) + u"/resources/halls/puyang.json"_s});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.describe()));
        const auto account = hall::test::runTool(
            hall::test::hallctlPath(),
            {u"account"_s, u"add"_s, u"--data-dir"_s, data, u"--username"_s, u"li.ming"_s,
             u"--display-name"_s, u"李明"_s, u"--role"_s, u"clerk"_s, u"--department"_s, u"市场监督管理局"_s,
             u"--staff-number"_s, u"C-0207"_s, u"--password-stdin"_s},
            "clerk-password-1\n");
        QVERIFY2(account.exitCode == 0, qPrintable(account.describe()));
        auto tablet = m_server->addDevice(u"tablet"_s, u"tablet-2-07"_s, u"2-07"_s, 2);
        auto clerkPc = m_server->addDevice(u"clerk-pc"_s, u"clerk-2-07"_s, u"2-07"_s, 2);
        auto kiosk = m_server->addDevice(u"kiosk"_s, u"K-2F-01"_s, {}, 2);
        QVERIFY2(tablet && clerkPc && kiosk, qPrintable(m_server->lastError()));
        // The queue serves only between its day's reset and close: put "now" inside today's hours.
        const QTime now = QDateTime::currentDateTimeUtc().time();
        const auto hhmm = [](QTime t) {
            return t.toString(u"HH:mm"_s);
        };
        QVERIFY(m_server->writeConfig(
            u"queue.utc_offset_minutes = 0\nqueue.reset_time = %1\nqueue.close_time = %2\n"_s.arg(
                hhmm(now.addSecs(-3600)), hhmm(now.addSecs(3 * 3600)))));
        QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
        m_tablet = settingsFor(*tablet);
        m_clerkPc = settingsFor(*clerkPc);
        m_kiosk = settingsFor(*kiosk);
    }

    void cleanupTestCase() {
        if (m_server && m_server->isRunning())
            m_server->terminate();
    }

    void finishedServiceIsRatedOnceEvenWhenTheFirstAnswerIsLost() {
        // The tablet as the program runs it, but without a working line for its first rating.
        HallConnection tabletLine(m_tablet);
        tablet::TabletModel model;
        tablet::ConnectionRatingSender sender(tabletLine);
        const QString outboxPath = m_files.filePath(u"outbox/ratings.sqlite"_s);
        auto outbox = std::make_unique<tablet::RatingOutbox>(outboxPath, nullptr);
        QVERIFY(outbox->open());
        tablet::TabletController controller(tabletLine, model, *outbox);
        QVERIFY(tabletLine.start());
        QVERIFY(waitReady(tabletLine));
        QSignalSpy windowChanged(&model, &tablet::TabletModel::windowChanged);

        // The clerk opens window 2-07, a citizen takes a number, the clerk calls and serves them.
        HallConnection clerk(m_clerkPc);
        HallConnection kiosk(m_kiosk);
        QVERIFY(clerk.start());
        QVERIFY(kiosk.start());
        QVERIFY(waitReady(clerk));
        QVERIFY(waitReady(kiosk));
        QSignalSpy ratings(&kiosk, &HallConnection::eventReceived);
        QVERIFY(kiosk.subscribe({u"floor/2"_s}));
        const auto login = await<hall::LoginOk>(clerk.login(u"li.ming"_s, u"clerk-password-1"_s));
        QVERIFY2(login, login ? "" : login.error().message.c_str());
        const auto opened =
            await<hall::WindowOk>(clerk.request(hall::SetWindowState{hall::WindowState::Open, {}}));
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        QTRY_COMPARE_WITH_TIMEOUT(model.windowState(), hall::WindowState::Open, kWaitMs);
        QCOMPARE(model.clerkName(), u"李明"_s);
        QCOMPARE(model.staffNumber(), u"C-0207"_s);

        hall::IssueTicket issue;
        issue.queuePrefix = "G";
        const auto issued = await<hall::IssueTicketOk>(kiosk.request(issue));
        QVERIFY2(issued, issued ? "" : issued.error().message.c_str());
        const std::uint64_t ticketId = issued->ticket.ticketId;
        const auto called = await<hall::TicketOk>(clerk.request(hall::CallNext{}));
        QVERIFY2(called, called ? "" : called.error().message.c_str());
        QCOMPARE(called->ticket.ticketId, ticketId);
        QTRY_COMPARE_WITH_TIMEOUT(model.currentNumber(), QString::fromStdString(issued->ticket.number),
                                  kWaitMs);
        hall::BeginService begin;
        begin.ticketId = ticketId;
        QVERIFY(await<hall::TicketOk>(clerk.request(begin)));
        hall::FinishService finish;
        finish.ticketId = ticketId;
        QVERIFY(await<hall::TicketOk>(clerk.request(finish)));

        // The finish reaches the tablet as an event and the prompt opens.
        QTRY_COMPARE_WITH_TIMEOUT(model.screen(), tablet::TabletModel::Screen::Rating, kWaitMs);
        QCOMPARE(model.ratingTicketId(), ticketId);
        QVERIFY(model.chooseLevel(2));
        QVERIFY(!model.submitWithReason());
        QVERIFY(model.chooseReason(hall::RatingReason::LongWait));
        QVERIFY(model.submitWithReason());
        QCOMPARE(outbox->pendingCount(), 1); // kept: the outbox had no line yet
        const tablet::PendingRating saved = outbox->pending().front();

        // The first send reaches the server, but its answer is lost on the way back.
        const auto firstAnswer =
            await<hall::SubmitRatingOk>(tabletLine.requestWithId(saved.rating, saved.requestId));
        QVERIFY2(firstAnswer, firstAnswer ? "" : firstAnswer.error().message.c_str());

        // The tablet restarts: a new outbox on the same file, now with its line.
        outbox.reset();
        tablet::RatingOutbox restarted(outboxPath, &sender);
        QVERIFY(restarted.open());
        QCOMPARE(restarted.pendingCount(), 1);
        QSignalSpy delivered(&restarted, &tablet::RatingOutbox::delivered);
        restarted.flush();
        QVERIFY(delivered.wait(kWaitMs));
        QCOMPARE(delivered.at(0).at(1).value<std::uint64_t>(), firstAnswer->ratingId);
        QCOMPARE(restarted.pendingCount(), 0);

        // A second rating of the same service is refused by the server as well.
        hall::SubmitRating again{ticketId, 5, 0, {}};
        const auto second = await<hall::SubmitRatingOk>(tabletLine.request(again));
        QVERIFY(!second);
        QCOMPARE(second.error().code, hall::ErrorCode::Conflict);

        // Exactly one RatingRecorded reached the floor; the board's answer comes after any event the
        // server published before it on this connection.
        const auto countRecorded = [&] {
            int recorded = 0;
            for (const QList<QVariant>& args : ratings) {
                const auto event = args.at(0).value<hall::Event>();
                if (event.kind != static_cast<std::uint16_t>(hall::EventKind::RatingRecorded))
                    continue;
                ++recorded;
                const auto body = hall::RatingRecorded::decode(event.body);
                if (!body || body->ticketId != ticketId || body->level != 2 ||
                    body->reasonCode != static_cast<std::uint8_t>(hall::RatingReason::LongWait))
                    return -1;
            }
            return recorded;
        };
        QTRY_VERIFY_WITH_TIMEOUT(countRecorded() != 0, kWaitMs);
        QVERIFY(await<hall::QueueBoard>(kiosk.request(hall::GetQueueBoard{2})));
        QCOMPARE(countRecorded(), 1);
        clerk.stop();
        kiosk.stop();
        tabletLine.stop();
    }
};

QTEST_GUILESS_MAIN(TestTabletRealHall)
#include "tst_tablet_real_hall.moc"
