// The hall core in-process: commands, idempotent retries, the role matrix, group commit and its failures.
#include "core_fixture.h"

#include "store/devices.h"

#include <sqlite3.h>

using namespace hall;
using namespace hall::test;

class TestHallCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void postNoticeAnswersJournalsAndPublishes() {
        CoreFixture f;
        auto display = std::make_shared<RecordingPeer>();
        const std::string subscribed = f.request(deviceCaller(DeviceRole::Display, "led-2f", {}, 2),
                                                 Subscribe{{"floor/2"}, 0}, 1, display);
        QVERIFY(decodeAs<SubscribeOk>(subscribed).ok());

        const PostNotice post = f.notice(2, "二楼午间暂停取号 12:00-13:30");
        const std::string reply = f.request(supervisorAtAdminDesk(), post, 41);
        const auto ok = decodeAs<PostNoticeOk>(reply);
        QVERIFY2(ok.ok(), "PostNotice was refused");
        QCOMPARE(ok->seq, std::uint64_t(1));
        QCOMPARE(viewOf(reply).requestId, std::uint64_t(41));

        // The journal row, in the same transaction as the notice row.
        const auto journal = f.journal();
        QCOMPARE(journal.size(), std::size_t(1));
        QCOMPARE(journal[0].kind, std::uint16_t(EventKind::NoticePosted));
        QCOMPARE(journal[0].topic, std::string("floor/2"));
        QCOMPARE(journal[0].actor, std::string("person:wang.fang@admin-desk"));
        QCOMPARE(f.countRows("notices"), std::int64_t(1));
        QCOMPARE(f.countRows("request_log"), std::int64_t(1));

        // The subscriber got the event after its SubscribeOk.
        const auto frames = display->frames();
        QCOMPARE(frames.size(), std::size_t(2));
        const auto event = decodeAs<Event>(frames[1]);
        QVERIFY(event.ok());
        QCOMPARE(event->seq, std::uint64_t(1));
        const auto body = NoticePosted::decode(event->body);
        QVERIFY(body.ok());
        QCOMPARE(body->noticeId, ok->noticeId);
        QCOMPARE(body->text, post.text);
        QCOMPARE(body->author, std::string("Display wang.fang"));

        // And the board shows it, to the floor and to the whole-hall view.
        for (std::uint8_t floor : {std::uint8_t(0), std::uint8_t(2)}) {
            const auto list = decodeAs<NoticeList>(
                f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{floor}, 2));
            QVERIFY(list.ok());
            QCOMPARE(list->notices.size(), std::size_t(1));
            QCOMPARE(list->notices[0].text, post.text);
        }
        const auto otherFloor =
            decodeAs<NoticeList>(f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{3}, 3));
        QVERIFY(otherFloor.ok());
        QVERIFY(otherFloor->notices.empty());
        QCOMPARE(f.core().publishedHead(), std::uint64_t(1));
    }

    void aRetryGetsTheFirstAnswerAndChangesNothing() {
        CoreFixture f;
        const PostNotice post = f.notice(1, "社保窗口今日延时服务");
        const std::string first = f.request(supervisorAtAdminDesk(), post, 7);
        QVERIFY(decodeAs<PostNoticeOk>(first).ok());

        // A retry later, even with a different body, gets the stored first answer.
        f.clock().advance(5000);
        const std::string again = f.request(supervisorAtAdminDesk(), f.notice(3, "another text"), 7);
        QCOMPARE(again, first);

        // Two copies in one batch: the second finds the first's answer inside the same transaction.
        auto peer = std::make_shared<RecordingPeer>();
        f.submit(peer, supervisorAtAdminDesk(), f.notice(1, "公积金窗口调整"), 8);
        f.submit(peer, supervisorAtAdminDesk(), f.notice(1, "公积金窗口调整"), 8);
        QVERIFY(f.core().runUntilIdle(std::chrono::seconds(5)));
        const auto replies = peer->replies();
        QCOMPARE(replies.size(), std::size_t(2));
        QCOMPARE(*replies[0].frame, *replies[1].frame);

        QCOMPARE(f.journalHead(), std::uint64_t(2));
        QCOMPARE(f.countRows("notices"), std::int64_t(2));
        const auto list =
            decodeAs<NoticeList>(f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{0}, 1));
        QCOMPARE(list->notices.size(), std::size_t(2));

        // The same request id from another device is a different request.
        const auto other =
            personCaller(DeviceRole::ClerkPc, "supervisor-desk", PersonRole::Supervisor, "wang.fang");
        QVERIFY(decodeAs<PostNoticeOk>(f.request(other, f.notice(1, "第三条"), 7)).ok());
        QCOMPARE(f.journalHead(), std::uint64_t(3));
    }

    void refusedRequestsChangeNothing_data() {
        QTest::addColumn<int>("deviceRole");
        QTest::addColumn<int>("personRole"); // 0: nobody logged in
        QTest::addColumn<int>("floor");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expiresInMs");
        QTest::addColumn<quint64>("requestId");
        QTest::addColumn<int>("expected");

        const int admin = int(DeviceRole::Admin);
        const int supervisor = int(PersonRole::Supervisor);
        QTest::newRow("display device") << int(DeviceRole::Display) << 0 << 1 << QStringLiteral("x")
                                        << qint64(60000) << quint64(1) << int(ErrorCode::Forbidden);
        QTest::newRow("kiosk device") << int(DeviceRole::Kiosk) << 0 << 1 << QStringLiteral("x")
                                      << qint64(60000) << quint64(1) << int(ErrorCode::Forbidden);
        QTest::newRow("nobody logged in") << admin << 0 << 1 << QStringLiteral("x") << qint64(60000)
                                          << quint64(1) << int(ErrorCode::NotLoggedIn);
        QTest::newRow("clerk") << int(DeviceRole::ClerkPc) << int(PersonRole::Clerk) << 1
                               << QStringLiteral("x") << qint64(60000) << quint64(1)
                               << int(ErrorCode::Forbidden);
        QTest::newRow("request id 0") << admin << supervisor << 1 << QStringLiteral("x") << qint64(60000)
                                      << quint64(0) << int(ErrorCode::RequestIdRequired);
        QTest::newRow("floor 6") << admin << supervisor << 6 << QStringLiteral("x") << qint64(60000)
                                 << quint64(1) << int(ErrorCode::InvalidArgument);
        QTest::newRow("empty text") << admin << supervisor << 1 << QString() << qint64(60000) << quint64(1)
                                    << int(ErrorCode::InvalidArgument);
        QTest::newRow("blank text") << admin << supervisor << 1 << QString::fromUtf8(" \u3000\t")
                                    << qint64(60000) << quint64(1) << int(ErrorCode::InvalidArgument);
        QTest::newRow("expired") << admin << supervisor << 1 << QStringLiteral("x") << qint64(0) << quint64(1)
                                 << int(ErrorCode::InvalidArgument);
        QTest::newRow("terminal escape") << admin << supervisor << 1 << QStringLiteral("\x1b[31mred")
                                         << qint64(60000) << quint64(1) << int(ErrorCode::InvalidArgument);
        QTest::newRow("NUL") << admin << supervisor << 1 << QString::fromUtf8("a\0b", 3) << qint64(60000)
                             << quint64(1) << int(ErrorCode::InvalidArgument);
        QTest::newRow("direction override") << admin << supervisor << 1 << QString::fromUtf8("通知\u202E知通")
                                            << qint64(60000) << quint64(1) << int(ErrorCode::InvalidArgument);
    }

    void refusedRequestsChangeNothing() {
        QFETCH(int, deviceRole);
        QFETCH(int, personRole);
        QFETCH(int, floor);
        QFETCH(QString, text);
        QFETCH(qint64, expiresInMs);
        QFETCH(quint64, requestId);
        QFETCH(int, expected);

        CoreFixture f;
        server::Caller caller = deviceCaller(DeviceRole(deviceRole), "device-1");
        if (personRole != 0)
            caller.person = server::Person{"someone", "Someone", PersonRole(personRole)};
        const PostNotice post{std::uint8_t(floor), text.toStdString(), f.clock().nowMs() + expiresInMs};
        const std::string reply = f.request(caller, post, requestId);
        QCOMPARE(errorOf(reply), std::optional<ErrorCode>(ErrorCode(expected)));

        QCOMPARE(f.journalHead(), std::uint64_t(0));
        QCOMPARE(f.countRows("notices"), std::int64_t(0));
        QCOMPARE(f.countRows("request_log"), std::int64_t(0));
    }

    void aRefusedTextIsStillUtf8Checked() {
        CoreFixture f;
        const std::string reply =
            f.request(supervisorAtAdminDesk(), f.notice(1, std::string("bad \xC3\x28")), 3);
        QCOMPARE(errorOf(reply), std::optional<ErrorCode>(ErrorCode::MalformedFrame));
        QCOMPARE(f.journalHead(), std::uint64_t(0));
    }

    void queuedCommandsShareOneCommit() {
        CoreFixture f;
        auto peer = std::make_shared<RecordingPeer>();
        for (std::uint64_t id = 1; id <= 5; ++id)
            f.submit(peer, supervisorAtAdminDesk(), f.notice(1, "notice " + std::to_string(id)), id);
        f.submit(peer, deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{1}, 6);
        const auto before = f.core().stats();
        QCOMPARE(f.core().runPending(), std::size_t(6));
        const auto after = f.core().stats();
        QCOMPARE(after.commits - before.commits, std::uint64_t(1));
        QCOMPARE(after.batches - before.batches, std::uint64_t(1));

        const auto replies = peer->replies();
        QCOMPARE(replies.size(), std::size_t(6));
        for (std::uint64_t i = 0; i < 5; ++i) {
            const auto ok = decodeAs<PostNoticeOk>(*replies[i].frame);
            QVERIFY(ok.ok());
            QCOMPARE(ok->seq, i + 1);
        }
        // A read in the same batch sees the batch's earlier writes.
        QCOMPARE(decodeAs<NoticeList>(*replies[5].frame)->notices.size(), std::size_t(5));
        QCOMPARE(f.journalHead(), std::uint64_t(5));
    }

    void groupCommitMaxSplitsBatches() {
        server::CoreOptions options;
        options.groupCommitMax = 2;
        CoreFixture f(options);
        auto peer = std::make_shared<RecordingPeer>();
        for (std::uint64_t id = 1; id <= 5; ++id)
            f.submit(peer, supervisorAtAdminDesk(), f.notice(1, "notice"), id);
        f.core().runPending();
        QCOMPARE(f.core().stats().commits, std::uint64_t(3));
        QCOMPARE(f.journalHead(), std::uint64_t(5));
    }

    void aFailingCommandDoesNotUndoTheOthers() {
        CoreFixture f;
        f.core().setTestHooks({[](MessageType, std::uint64_t requestId) {
                                   if (requestId == 2)
                                       throw store::StoreError(SQLITE_IOERR, "disk I/O error (simulated)");
                               },
                               {}});
        auto subscriber = std::make_shared<RecordingPeer>();
        f.request(deviceCaller(DeviceRole::Display, "led-1f", {}, 1), Subscribe{{"floor/1"}, 0}, 9,
                  subscriber);
        auto peer = std::make_shared<RecordingPeer>();
        for (std::uint64_t id = 1; id <= 3; ++id)
            f.submit(peer, supervisorAtAdminDesk(), f.notice(1, "notice " + std::to_string(id)), id);
        f.core().runPending();

        const auto replies = peer->replies();
        QCOMPARE(replies.size(), std::size_t(3));
        QCOMPARE(decodeAs<PostNoticeOk>(*replies[0].frame)->seq, std::uint64_t(1));
        QCOMPARE(errorOf(*replies[1].frame), std::optional<ErrorCode>(ErrorCode::Unavailable));
        QCOMPARE(decodeAs<PostNoticeOk>(*replies[2].frame)->seq, std::uint64_t(2));
        QCOMPARE(f.core().stats().commits, std::uint64_t(1));

        QCOMPARE(f.journalHead(), std::uint64_t(2));
        QCOMPARE(f.countRows("notices"), std::int64_t(2));
        QCOMPARE(f.countRows("request_log"), std::int64_t(2));
        const auto list =
            decodeAs<NoticeList>(f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{1}, 4));
        QCOMPARE(list->notices.size(), std::size_t(2));
        QCOMPARE(list->notices[1].text, std::string("notice 3"));

        // The subscriber saw exactly the two committed events, in order.
        const auto frames = subscriber->frames();
        QCOMPARE(frames.size(), std::size_t(3));
        QCOMPARE(decodeAs<Event>(frames[1])->seq, std::uint64_t(1));
        QCOMPARE(decodeAs<Event>(frames[2])->seq, std::uint64_t(2));

        // The failed request was not remembered: retrying it now succeeds.
        f.core().setTestHooks({});
        QCOMPARE(decodeAs<PostNoticeOk>(f.request(supervisorAtAdminDesk(), f.notice(1, "notice 2"), 2))->seq,
                 std::uint64_t(3));
    }

    void aFailedCommitAnswersUnavailableAndReloads() {
        CoreFixture f;
        QVERIFY(decodeAs<PostNoticeOk>(f.request(supervisorAtAdminDesk(), f.notice(2, "kept"), 1)).ok());
        bool failOnce = true;
        f.core().setTestHooks({{}, [&failOnce] {
                                   if (std::exchange(failOnce, false))
                                       throw store::StoreError(SQLITE_FULL,
                                                               "database or disk is full (simulated)");
                               }});
        auto subscriber = std::make_shared<RecordingPeer>();
        f.request(deviceCaller(DeviceRole::Display, "led-2f", {}, 2), Subscribe{{"floor/2"}, 1}, 9,
                  subscriber);

        auto peer = std::make_shared<RecordingPeer>();
        f.submit(peer, supervisorAtAdminDesk(), f.notice(2, "lost 1"), 2);
        f.submit(peer, supervisorAtAdminDesk(), f.notice(2, "lost 2"), 3);
        f.submit(peer, deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{2}, 4);
        f.core().runPending();
        for (const auto& reply : peer->replies())
            QCOMPARE(errorOf(*reply.frame), std::optional<ErrorCode>(ErrorCode::Unavailable));
        QCOMPARE(peer->replyCount(), std::size_t(3));
        QCOMPARE(f.core().stats().commitFailures, std::uint64_t(1));
        QCOMPARE(subscriber->frames().size(), std::size_t(1)); // only its SubscribeOk: nothing was published

        // Memory was rebuilt from the database: only the committed notice is there.
        const auto list =
            decodeAs<NoticeList>(f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{2}, 5));
        QCOMPARE(list->notices.size(), std::size_t(1));
        QCOMPARE(list->notices[0].text, std::string("kept"));
        QCOMPARE(f.journalHead(), std::uint64_t(1));

        // A retry of a lost request runs afresh and continues the journal without a hole.
        QCOMPARE(decodeAs<PostNoticeOk>(f.request(supervisorAtAdminDesk(), f.notice(2, "lost 1"), 2))->seq,
                 std::uint64_t(2));
        QCOMPARE(decodeAs<Event>(subscriber->frames().back())->seq, std::uint64_t(2));
    }

    void noticesExpireOnTheHallClock() {
        CoreFixture f;
        const std::int64_t now = f.clock().nowMs();
        // The core's own timers (the queue's day, the check for other writers) are there already.
        const std::size_t base = f.core().scheduler().pending();
        QVERIFY(
            decodeAs<PostNoticeOk>(f.request(supervisorAtAdminDesk(), PostNotice{1, "short", now + 60000}, 1))
                .ok());
        QVERIFY(decodeAs<PostNoticeOk>(
                    f.request(supervisorAtAdminDesk(), PostNotice{1, "long", now + 7200000}, 2))
                    .ok());
        QCOMPARE(f.core().scheduler().pending(), base + 2);

        Status moved = Error{ErrorCode::Internal, "not run"};
        f.core().setSimulatedTime(now + 120000, [&moved](Status s) { moved = std::move(s); });
        QVERIFY(f.core().runUntilIdle(std::chrono::seconds(5)));
        QVERIFY(moved.ok());
        QCOMPARE(f.clock().nowMs(), now + 120000);
        QCOMPARE(f.core().scheduler().pending(), base + 1); // the expiry timer fired (the check re-arms)

        const auto list =
            decodeAs<NoticeList>(f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{0}, 3));
        QCOMPARE(list->notices.size(), std::size_t(1));
        QCOMPARE(list->notices[0].text, std::string("long"));

        f.core().setSimulatedTime(now, [&moved](Status s) { moved = std::move(s); });
        QVERIFY(f.core().runUntilIdle(std::chrono::seconds(5)));
        QCOMPARE(moved.error().code, ErrorCode::InvalidArgument);
    }

    void stateSurvivesARestart() {
        CoreFixture f;
        QVERIFY(decodeAs<PostNoticeOk>(f.request(supervisorAtAdminDesk(), f.notice(4, "四楼自助区维护"), 1))
                    .ok());
        const std::string first = f.request(supervisorAtAdminDesk(), f.notice(4, "second"), 2);
        f.reopen();
        QCOMPARE(f.core().publishedHead(), std::uint64_t(2));
        const auto list =
            decodeAs<NoticeList>(f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), ListNotices{4}, 3));
        QCOMPARE(list->notices.size(), std::size_t(2));
        // The request log is durable: a retry after the restart still gets the first answer.
        QCOMPARE(f.request(supervisorAtAdminDesk(), f.notice(4, "second"), 2), first);
        QCOMPARE(f.journalHead(), std::uint64_t(2));
    }

    void serverStatusForAdminDevicesOnly() {
        CoreFixture f;
        const auto status = decodeAs<ServerStatus>(
            f.request(deviceCaller(DeviceRole::Admin, "hallctl-admin"), GetServerStatus{}, 1));
        QVERIFY(status.ok());
        QCOMPARE(status->nowMs, f.clock().nowMs());
        QVERIFY(status->simulatedClock);
        QCOMPARE(errorOf(f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), GetServerStatus{}, 2)),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
    }

    void identifyChecksTheRegistry() {
        CoreFixture f;
        {
            auto db = f.openDb(store::Database::Mode::ReadWrite);
            store::DeviceRegistry registry(*db);
            store::DeviceRecord record;
            record.identity = DeviceIdentity{DeviceRole::Tablet, "tablet-2-07", "2-07", 2};
            record.fingerprint = std::string(64, 'a');
            record.serial = "01";
            registry.add(record);
            record.identity.name = "tablet-old";
            record.fingerprint = std::string(64, 'b');
            registry.add(record);
            registry.revoke("tablet-old", kMorningMs);
        }
        std::vector<Result<DeviceIdentity>> answers;
        for (char c : {'a', 'b', 'c'})
            f.core().identify(std::string(64, c),
                              [&answers](Result<DeviceIdentity> r) { answers.push_back(r); });
        QVERIFY(f.core().runUntilIdle(std::chrono::seconds(5)));
        QCOMPARE(answers.size(), std::size_t(3));
        QVERIFY(answers[0].ok());
        QCOMPARE(answers[0]->name, std::string("tablet-2-07"));
        QCOMPARE(answers[0]->window, std::string("2-07"));
        QCOMPARE(answers[1].error().code, ErrorCode::Forbidden);
        QCOMPARE(answers[2].error().code, ErrorCode::Forbidden);
    }

    void workAfterStopIsAnsweredUnavailable() {
        CoreFixture f;
        f.core().start();
        f.core().stop();
        auto peer = std::make_shared<RecordingPeer>();
        f.submit(peer, supervisorAtAdminDesk(), f.notice(1, "late"), 1);
        QCOMPARE(peer->replyCount(), std::size_t(1));
        QCOMPARE(errorOf(*peer->replies()[0].frame), std::optional<ErrorCode>(ErrorCode::Unavailable));
        std::optional<Result<DeviceIdentity>> identified;
        f.core().identify(std::string(64, 'a'), [&identified](Result<DeviceIdentity> r) { identified = r; });
        QVERIFY(identified.has_value());
        QCOMPARE(identified->error().code, ErrorCode::Unavailable);
    }
};

QTEST_APPLESS_MAIN(TestHallCore)
#include "tst_hall_core.moc"
