// The hall core in-process: subscriptions (replay then live, no gap, no duplicate) and login.
#include "core_fixture.h"

#include <condition_variable>
#include <set>
#include <thread>

using namespace hall;
using namespace hall::test;

namespace {

/// The seqs of the Event frames a peer received, and where its SubscribeOk came among them.
struct Received {
    std::vector<std::uint64_t> seqs;
    std::optional<std::size_t> subscribeOkAt; ///< index into seqs: events before it were replayed
    std::optional<SubscribeOk> ok;
};

Received received(const RecordingPeer& peer) {
    Received out;
    for (const auto& frame : peer.frames()) {
        const FrameView view = viewOf(frame);
        if (view.type == MessageType::Event) {
            out.seqs.push_back(decodeMessage<Event>(view)->seq);
        } else if (view.type == MessageType::SubscribeOk) {
            out.subscribeOkAt = out.seqs.size();
            out.ok = *decodeMessage<SubscribeOk>(view);
        }
    }
    return out;
}

server::Caller display(std::uint8_t floor) {
    return deviceCaller(DeviceRole::Display, "led-" + std::to_string(floor) + "f", {}, floor);
}

} // namespace

class TestCoreSubscribeLogin : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replayThenLiveWithoutGapOrDuplicate() {
        CoreFixture f;
        for (std::uint64_t id = 1; id <= 4; ++id) // seqs 1-4 on floors 1, 2, 1, 2
            f.request(supervisorAtAdminDesk(), f.notice(id % 2 ? 1 : 2, "before " + std::to_string(id)), id);

        // One pump holds: a post, the subscription (after seq 1), another post. The subscription runs
        // between the two batches.
        auto peer = std::make_shared<RecordingPeer>();
        auto poster = std::make_shared<RecordingPeer>();
        f.submit(poster, supervisorAtAdminDesk(), f.notice(2, "just before"), 5);
        f.submit(peer, display(2), Subscribe{{"floor/2", "hall"}, 1}, 1);
        f.submit(poster, supervisorAtAdminDesk(), f.notice(0, "just after"), 6);
        f.submit(poster, supervisorAtAdminDesk(), f.notice(1, "elsewhere"), 7);
        f.core().runPending();

        const Received got = received(*peer);
        QVERIFY(got.ok.has_value());
        QCOMPARE(got.ok->headSeq, std::uint64_t(5));
        QCOMPARE(got.ok->replayedCount, std::uint32_t(3));
        QCOMPARE(got.subscribeOkAt, std::optional<std::size_t>(3));
        // seq 2 and 4 (floor 2, after seq 1) and 5 replayed; 6 (the hall) live; nothing from floor 1.
        QCOMPARE(got.seqs, (std::vector<std::uint64_t>{2, 4, 5, 6}));
    }

    void replayCountsOnlyWhatWasSentBeforeTheAnswer() {
        CoreFixture f;
        for (std::uint64_t id = 1; id <= 3; ++id)
            f.request(supervisorAtAdminDesk(), f.notice(3, "n"), id);
        auto peer = std::make_shared<RecordingPeer>();
        f.request(display(3), Subscribe{{"floor/3"}, 0}, 1, peer);
        const Received got = received(*peer);
        QCOMPARE(got.seqs, (std::vector<std::uint64_t>{1, 2, 3}));
        QCOMPARE(got.ok->replayedCount, std::uint32_t(3));

        // Subscribing again replaces the topics: floor 3 no longer arrives.
        f.request(display(3), Subscribe{{"floor/4"}, 3}, 2, peer);
        f.request(supervisorAtAdminDesk(), f.notice(3, "n"), 10);
        QCOMPARE(received(*peer).seqs.size(), std::size_t(3));
        f.request(supervisorAtAdminDesk(), f.notice(4, "n"), 11);
        QCOMPARE(received(*peer).seqs.back(), std::uint64_t(5));
    }

    void tooMuchToReplayAsksForResync() {
        server::CoreOptions options;
        options.replayMax = 3;
        CoreFixture f(options);
        for (std::uint64_t id = 1; id <= 5; ++id)
            f.request(supervisorAtAdminDesk(), f.notice(1, "n"), id);
        auto peer = std::make_shared<RecordingPeer>();
        QCOMPARE(errorOf(f.request(display(1), Subscribe{{"floor/1"}, 0}, 1, peer)),
                 std::optional<ErrorCode>(ErrorCode::ResyncRequired));
        QCOMPARE(peer->frames().size(), std::size_t(1)); // nothing but the error
        QVERIFY(decodeAs<SubscribeOk>(f.request(display(1), Subscribe{{"floor/1"}, 2}, 2, peer)).ok());
        QCOMPARE(errorOf(f.request(display(1), Subscribe{{"floor/1"}, 99}, 3, peer)),
                 std::optional<ErrorCode>(ErrorCode::ResyncRequired));
    }

    void topicsAreChecked() {
        CoreFixture f;
        QCOMPARE(errorOf(f.request(display(1), Subscribe{{"audit"}, 0}, 1)),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
        QCOMPARE(errorOf(f.request(display(1), Subscribe{{"floor/1", "nonsense"}, 0}, 2)),
                 std::optional<ErrorCode>(ErrorCode::InvalidArgument));
        QCOMPARE(errorOf(f.request(deviceCaller(DeviceRole::Tablet, "tablet-2-07", "2-07", 2),
                                   Subscribe{{"window/2-08"}, 0}, 3)),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));
        QVERIFY(decodeAs<SubscribeOk>(f.request(deviceCaller(DeviceRole::Tablet, "tablet-2-07", "2-07", 2),
                                                Subscribe{{"window/2-07"}, 0}, 4))
                    .ok());
    }

    void concurrentPostsReachALateSubscriberExactlyOnce() {
        // The real thread: posts stream in while a display subscribes from an old seq. Whatever the
        // interleaving, it must see every event after its afterSeq exactly once, in order.
        CoreFixture f;
        for (std::uint64_t id = 1; id <= 10; ++id)
            f.request(supervisorAtAdminDesk(), f.notice(1, "early"), id);
        f.core().start();

        std::mutex mutex;
        std::condition_variable done;
        std::size_t answered = 0;
        constexpr std::size_t kPosts = 60;
        const auto count = [&](server::CoreReply) {
            std::lock_guard lock(mutex);
            ++answered;
            done.notify_all();
        };
        std::thread poster([&] {
            for (std::uint64_t id = 100; id < 100 + kPosts; ++id)
                f.core().submit({}, supervisorAtAdminDesk(), MessageType::PostNotice, id,
                                encodeBody(f.notice(1, "live")), count);
        });
        auto peer = std::make_shared<RecordingPeer>();
        f.core().submit(peer, display(1), MessageType::Subscribe, 1, encodeBody(Subscribe{{"floor/1"}, 4}),
                        [peer, &count](server::CoreReply reply) {
                            peer->record(reply);
                            count(reply);
                        });
        poster.join();
        {
            std::unique_lock lock(mutex);
            QVERIFY(done.wait_for(lock, std::chrono::seconds(20), [&] { return answered == kPosts + 1; }));
        }
        f.core().stop();

        const Received got = received(*peer);
        QVERIFY(got.ok.has_value());
        std::vector<std::uint64_t> expected;
        for (std::uint64_t seq = 5; seq <= 10 + kPosts; ++seq)
            expected.push_back(seq);
        QCOMPARE(got.seqs, expected);
        QCOMPARE(std::uint64_t(*got.subscribeOkAt) + 4, got.ok->headSeq);
    }

    void aLogoutKeepsWhatTheDeviceMayStillFollow() {
        CoreFixture f;
        f.addAccount("wang.fang", PersonRole::Supervisor, "right password");
        const server::Caller desk = deviceCaller(DeviceRole::ClerkPc, "supervisor-desk", "0-01", 0);
        server::Caller supervisor = desk;
        supervisor.person = server::Person{"wang.fang", "Display wang.fang", PersonRole::Supervisor};

        auto peer = std::make_shared<RecordingPeer>();
        f.request(desk, Login{"wang.fang", "right password"}, 1, peer);
        QCOMPARE(peer->replies().back().change, server::SessionChange::LoggedIn);
        f.request(supervisor, Subscribe{{"floor/2", "audit"}, f.journalHead()}, 2, peer);
        QVERIFY(decodeAs<SubscribeOk>(*peer->replies().back().frame).ok());

        // Logged in: a notice on floor 2 and the audit record of another login both arrive.
        f.request(supervisor, PostNotice{2, "before", kMorningMs + 60'000}, 3, peer);
        std::size_t events = 0;
        for (const auto& frame : peer->frames())
            events += viewOf(frame).type == MessageType::Event ? 1 : 0;
        QCOMPARE(events, std::size_t(1));

        f.request(supervisor, Logout{}, 4, peer);
        const std::size_t framesAtLogout = peer->frames().size();
        // The floor stays subscribed without a new Subscribe; the audit topic is gone.
        f.request(supervisorAtAdminDesk(), PostNotice{2, "after", kMorningMs + 60'000}, 5);
        f.request(desk, Login{"wang.fang", "wrong password"}, 6);
        const auto frames = peer->frames();
        QCOMPARE(frames.size(), framesAtLogout + 1);
        const auto event = decodeAs<Event>(frames.back());
        QVERIFY(event.ok());
        QCOMPARE(event->topic, std::string("floor/2"));
        QCOMPARE(NoticePosted::decode(event->body)->text, std::string("after"));
    }

    void loginLogoutAndLockout() {
        server::CoreOptions options;
        options.lockout = store::LockoutPolicy{3, 10 * 60 * 1000};
        CoreFixture f(options);
        f.addAccount("li.ming", PersonRole::Clerk, "right password");
        f.addAccount("gone", PersonRole::Clerk, "right password", true);
        const server::Caller clerkPc = deviceCaller(DeviceRole::ClerkPc, "clerk-2-07", "2-07", 2);

        auto audit = std::make_shared<RecordingPeer>();
        f.request(supervisorAtAdminDesk(), Subscribe{{"audit"}, 0}, 1, audit);

        auto peer = std::make_shared<RecordingPeer>();
        f.request(clerkPc, Login{"li.ming", "right password"}, 1, peer);
        auto reply = peer->replies().back();
        const auto ok = decodeAs<LoginOk>(*reply.frame);
        QVERIFY(ok.ok());
        QCOMPARE(ok->role, PersonRole::Clerk);
        QCOMPARE(reply.change, server::SessionChange::LoggedIn);
        QCOMPARE(reply.person->username, std::string("li.ming"));

        const auto audited = decodeAs<Event>(audit->frames().back());
        QCOMPARE(audited->kind, std::uint16_t(EventKind::LoginRecorded));
        QCOMPARE(audited->topic, std::string("audit"));
        QVERIFY(LoginRecorded::decode(audited->body)->succeeded);

        // Unknown, disabled and wrong: one answer, word for word.
        const std::string unknown = f.request(clerkPc, Login{"nobody", "x"}, 2);
        const std::string disabled = f.request(clerkPc, Login{"gone", "right password"}, 2);
        const std::string wrong = f.request(clerkPc, Login{"li.ming", "wrong"}, 2);
        QCOMPARE(errorOf(unknown), std::optional<ErrorCode>(ErrorCode::BadCredentials));
        QCOMPARE(disabled, unknown);
        QCOMPARE(wrong, unknown);

        QCOMPARE(decodeAs<ErrorReply>(f.request(clerkPc, Login{"li.ming", "wrong"}, 3)).value(),
                 decodeAs<ErrorReply>(unknown).value());
        // The third failure locks; while locked even the right password is refused, unchecked.
        QCOMPARE(errorOf(f.request(clerkPc, Login{"li.ming", "wrong"}, 4)),
                 std::optional<ErrorCode>(ErrorCode::AccountLocked));
        QCOMPARE(errorOf(f.request(clerkPc, Login{"li.ming", "right password"}, 5)),
                 std::optional<ErrorCode>(ErrorCode::AccountLocked));
        const auto locked = LoginRecorded::decode(decodeAs<Event>(audit->frames().back())->body);
        QVERIFY(locked->lockedUntilMs > f.clock().nowMs());

        // After the lock runs out on the hall clock, the right password works again.
        f.clock().advance(11 * 60 * 1000);
        QVERIFY(decodeAs<LoginOk>(f.request(clerkPc, Login{"li.ming", "right password"}, 6)).ok());

        server::Caller loggedIn = clerkPc;
        loggedIn.person = server::Person{"li.ming", "Display li.ming", PersonRole::Clerk};
        f.request(loggedIn, Logout{}, 7, peer);
        QVERIFY(decodeAs<LogoutOk>(*peer->replies().back().frame).ok());
        QCOMPARE(peer->replies().back().change, server::SessionChange::LoggedOut);
        // Logout needs someone logged in; kiosks may not log in at all.
        QCOMPARE(errorOf(f.request(clerkPc, Logout{}, 8)), std::optional<ErrorCode>(ErrorCode::NotLoggedIn));
        QCOMPARE(errorOf(f.request(deviceCaller(DeviceRole::Kiosk, "K-1F-01"), Login{"li.ming", "x"}, 9)),
                 std::optional<ErrorCode>(ErrorCode::Forbidden));

        // Every checked attempt on a real account is in the audit trail; unknown names are not.
        std::size_t loginEvents = 0;
        for (const auto& event : f.journal())
            loginEvents += event.kind == std::uint16_t(EventKind::LoginRecorded);
        QCOMPARE(loginEvents, std::size_t(6));
    }
};

QTEST_APPLESS_MAIN(TestCoreSubscribeLogin)
#include "tst_core_subscribe_login.moc"
