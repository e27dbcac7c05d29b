#include "fake_hall_server.h"
#include "test_pki.h"

#include "protocol/events.h"
#include "qtclient/hall_connection.h"
#include "qtclient/utf8.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hall;
using hall::qt::HallConnection;
using hall::qt::PendingReply;

namespace {

/// What a reply delivered: how often finished() came and the typed result read in that slot.
template <typename R> struct Outcome {
    int calls = 0;
    std::optional<Result<R>> result;
    std::uint64_t requestId = 0;
};

template <typename R> std::shared_ptr<Outcome<R>> watch(PendingReply* reply) {
    auto out = std::make_shared<Outcome<R>>();
    out->requestId = reply->requestId();
    QObject::connect(reply, &PendingReply::finished, reply, [out, reply] {
        ++out->calls;
        out->result = reply->template result<R>();
    });
    return out;
}

template <typename R> ErrorCode errorOf(const std::shared_ptr<Outcome<R>>& out) {
    return out->result && !*out->result ? out->result->error().code : ErrorCode::Internal;
}

QStringList eventTexts(const QList<Event>& events) {
    QStringList texts;
    for (const Event& e : events) {
        auto notice = NoticePosted::decode(e.body);
        texts.append(notice ? qt::toQString(notice->text) : QStringLiteral("<undecodable>"));
    }
    return texts;
}

} // namespace

class TestHallConnection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connectsGreetsAndLogsIn();
    void refusesBadCredentials();
    void correlatesConcurrentReplies();
    void timesOutExactlyOnce();
    void turnsErrorReplyIntoTypedError();
    void stopFailsPendingWithDisconnected();
    void requestWhileStoppedFailsLater();
    void resendsAfterDropWithSameIdAndOneAnswer();
    void logoutIsNotUndoneByReconnect();
    void logoutWhileAwaySucceedsAtOnce();
    void reportsLoginLostAfterReconnect();
    void replaysMissedEventsExactlyOnce();
    void signalsResyncRequired();
    void refusesServerFromForeignCa();
    void survivesMalformedFrames();
    void pingsAndDropsSilentServer();
    void callbackFormDeliversTypedReply();

private:
    qt::ConnectionSettings settingsFor(const FakeHallServer& server) const;
    std::unique_ptr<FakeHallServer> makeServer(bool foreign = false) const;

    QTemporaryDir m_dir;
    TestPki m_pki;
};

void TestHallConnection::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString error = m_pki.generate(m_dir.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

std::unique_ptr<FakeHallServer> TestHallConnection::makeServer(bool foreign) const {
    auto server = foreign ? std::make_unique<FakeHallServer>(m_pki.foreignServerCert, m_pki.foreignServerKey,
                                                             m_pki.caFile)
                          : std::make_unique<FakeHallServer>(m_pki.serverCert, m_pki.serverKey, m_pki.caFile);
    if (!server->listen())
        return nullptr;
    return server;
}

qt::ConnectionSettings TestHallConnection::settingsFor(const FakeHallServer& server) const {
    qt::ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.caFile = m_pki.caFile;
    s.certFile = m_pki.clientCert;
    s.keyFile = m_pki.clientKey;
    s.clientName = QStringLiteral("tst-client");
    s.clientVersion = QStringLiteral("0.1");
    s.requestTimeoutMs = 5000;
    s.connectTimeoutMs = 5000;
    s.pingIntervalMs = 60000;
    s.reconnectInitialMs = 20;
    s.reconnectMaxMs = 200;
    s.reconnectJitter = 0.2;
    return s;
}

void TestHallConnection::connectsGreetsAndLogsIn() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QSignalSpy states(&connection, &HallConnection::stateChanged);
    QSignalSpy loggedIn(&connection, &HallConnection::loggedInChanged);
    QVERIFY(connection.start().ok());
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);

    // Disconnected -> Connecting -> Encrypting -> Greeting -> Ready, each once.
    QList<HallConnection::State> seen;
    for (const auto& args : states)
        seen.append(args.at(0).value<HallConnection::State>());
    QCOMPARE(seen, (QList<HallConnection::State>{
                       HallConnection::State::Connecting, HallConnection::State::Encrypting,
                       HallConnection::State::Greeting, HallConnection::State::Ready}));
    // The server named the device after the client certificate: mutual TLS went through.
    QVERIFY(connection.deviceIdentity());
    QCOMPARE(qt::toQString(connection.deviceIdentity()->name), TestPki::clientDeviceName());
    QCOMPARE(connection.serverHello()->hallName, std::string("Test Hall"));
    QCOMPARE(server->received.size(), 1);
    auto hello = Hello::decode(server->received.first().body);
    QVERIFY(hello);
    QCOMPARE(hello->clientName, std::string("tst-client"));
    QCOMPARE(hello->protocolVersion, kProtocolVersion);

    auto login = watch<LoginOk>(connection.login(QStringLiteral("clerk1"), QStringLiteral("secret")));
    QTRY_COMPARE(login->calls, 1);
    QVERIFY(*login->result);
    QCOMPARE((*login->result)->displayName, std::string("Zhang Wei"));
    QVERIFY(connection.isLoggedIn());
    QCOMPARE(connection.person()->role, PersonRole::Supervisor);
    QCOMPARE(loggedIn.count(), 1);
    QCOMPARE(loggedIn.first().at(0).toBool(), true);
    QVERIFY(login->requestId != 0);
    QCOMPARE(server->received.last().requestId, login->requestId);
}

void TestHallConnection::refusesBadCredentials() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QSignalSpy loggedIn(&connection, &HallConnection::loggedInChanged);
    QVERIFY(connection.start().ok());
    auto login = watch<LoginOk>(connection.login(QStringLiteral("clerk1"), QStringLiteral("wrong")));
    QTRY_COMPARE(login->calls, 1);
    QCOMPARE(errorOf(login), ErrorCode::BadCredentials);
    QVERIFY(!connection.isLoggedIn());
    QCOMPARE(loggedIn.count(), 0);
}

void TestHallConnection::correlatesConcurrentReplies() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QVERIFY(connection.start().ok());
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);

    server->holdReplies = true;
    std::vector<std::shared_ptr<Outcome<NoticeList>>> outcomes;
    for (std::uint8_t floor = 1; floor <= 5; ++floor)
        outcomes.push_back(watch<NoticeList>(connection.request(ListNotices{floor})));
    QTRY_COMPARE(server->countReceived(MessageType::ListNotices), 5);
    server->releaseHeld(true); // answers arrive in the opposite order

    QSet<std::uint64_t> ids;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const auto& out = outcomes[i];
        QTRY_COMPARE(out->calls, 1);
        QVERIFY(*out->result);
        QCOMPARE((*out->result)->notices.size(), std::size_t(1));
        QCOMPARE((*out->result)->notices.front().floor, std::uint8_t(i + 1));
        QVERIFY(out->requestId != 0);
        ids.insert(out->requestId);
    }
    QCOMPARE(ids.size(), 5);
}

void TestHallConnection::timesOutExactlyOnce() {
    auto server = makeServer();
    QVERIFY(server);
    auto settings = settingsFor(*server);
    settings.requestTimeoutMs = 500;
    HallConnection connection(settings);
    QVERIFY(connection.start().ok());
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);

    server->holdReplies = true;
    auto late = watch<NoticeList>(connection.request(ListNotices{1}));
    QTRY_COMPARE(late->calls, 1);
    QCOMPARE(errorOf(late), ErrorCode::Timeout);

    // The answer turns up after all; a second request on the same connection proves it was read.
    server->releaseHeld(false);
    server->holdReplies = false;
    auto next = watch<NoticeList>(connection.request(ListNotices{2}));
    QTRY_COMPARE(next->calls, 1);
    QVERIFY(*next->result);
    QCOMPARE(late->calls, 1);
    QCOMPARE(connection.state(), HallConnection::State::Ready);
}

void TestHallConnection::turnsErrorReplyIntoTypedError() {
    auto server = makeServer();
    QVERIFY(server);
    server->errorFor[MessageType::GetServerStatus] = ErrorReply{ErrorCode::Forbidden, "admin devices only"};
    HallConnection connection(settingsFor(*server));
    QVERIFY(connection.start().ok());
    auto status = watch<ServerStatus>(connection.request(GetServerStatus{}));
    QTRY_COMPARE(status->calls, 1);
    QCOMPARE(errorOf(status), ErrorCode::Forbidden);
    QCOMPARE(status->result->error().message, std::string("admin devices only"));
}

void TestHallConnection::stopFailsPendingWithDisconnected() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QVERIFY(connection.start().ok());
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);
    server->holdReplies = true;
    auto pending = watch<NoticeList>(connection.request(ListNotices{3}));
    QTRY_COMPARE(server->countReceived(MessageType::ListNotices), 1);

    connection.stop();
    QCOMPARE(pending->calls, 1);
    QCOMPARE(errorOf(pending), ErrorCode::Disconnected);
    QCOMPARE(connection.state(), HallConnection::State::Disconnected);
    QVERIFY(!connection.isRunning());
    server->releaseHeld(false);
    // Nothing reconnects after stop(), and the reply is never delivered again.
    QTRY_COMPARE(server->openConnections(), 0);
    QCOMPARE(pending->calls, 1);
    QCOMPARE(server->connectionsAccepted, 1);
}

void TestHallConnection::requestWhileStoppedFailsLater() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    auto early = watch<NoticeList>(connection.request(ListNotices{1}));
    QCOMPARE(early->calls, 0); // never inside the call that made the reply
    QTRY_COMPARE(early->calls, 1);
    QCOMPARE(errorOf(early), ErrorCode::Disconnected);
}

void TestHallConnection::resendsAfterDropWithSameIdAndOneAnswer() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QVERIFY(connection.start().ok());
    auto login = watch<LoginOk>(connection.login(QStringLiteral("clerk1"), QStringLiteral("secret")));
    QTRY_COMPARE(login->calls, 1);

    // The server commits the notice, then the line drops before the answer goes out.
    server->dropAfterApplyingPostNotice = 1;
    const std::int64_t expires = QDateTime::currentMSecsSinceEpoch() + 3600000;
    auto posted =
        watch<PostNoticeOk>(connection.request(PostNotice{2, "Window 2-07 closes at noon", expires}));
    QTRY_COMPARE(posted->calls, 1);
    QVERIFY2(*posted->result, posted->result->ok() ? "" : posted->result->error().message.c_str());
    QCOMPARE((*posted->result)->noticeId, std::uint64_t(1));
    QCOMPARE(server->appliedNotices, 1);
    QCOMPARE(server->connectionsAccepted, 2);

    // The second connection said Hello, logged the person in again, then resent the very same request.
    const auto second = server->receivedOn(2);
    QCOMPARE(second.size(), 3);
    QCOMPARE(second[0].type, MessageType::Hello);
    QCOMPARE(second[1].type, MessageType::Login);
    QCOMPARE(second[2].type, MessageType::PostNotice);
    QCOMPARE(second[2].requestId, posted->requestId);
    QCOMPARE(server->receivedOn(1).last().requestId, posted->requestId);
    QVERIFY(connection.isLoggedIn());
}

void TestHallConnection::logoutIsNotUndoneByReconnect() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QSignalSpy loggedIn(&connection, &HallConnection::loggedInChanged);
    QVERIFY(connection.start().ok());
    auto login = watch<LoginOk>(connection.login(QStringLiteral("clerk1"), QStringLiteral("secret")));
    QTRY_COMPARE(login->calls, 1);
    auto logout = watch<LogoutOk>(connection.logout());
    QTRY_COMPARE(logout->calls, 1);
    QVERIFY(*logout->result);
    QVERIFY(!connection.isLoggedIn());
    QCOMPARE(loggedIn.count(), 2);

    server->dropAll();
    QTRY_COMPARE(server->connectionsAccepted, 2);
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);
    auto status = watch<ServerStatus>(connection.request(GetServerStatus{}));
    QTRY_COMPARE(status->calls, 1);
    for (const auto& r : server->receivedOn(2))
        QVERIFY(r.type != MessageType::Login);
}

void TestHallConnection::logoutWhileAwaySucceedsAtOnce() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QVERIFY(connection.start().ok());
    auto login = watch<LoginOk>(connection.login(QStringLiteral("clerk1"), QStringLiteral("secret")));
    QTRY_COMPARE(login->calls, 1);

    server->pauseAccepting();
    server->dropAll();
    QTRY_VERIFY(connection.state() != HallConnection::State::Ready);
    // The person's server session went with the connection, so there is nothing left to wait for.
    auto logout = watch<LogoutOk>(connection.logout());
    QTRY_COMPARE(logout->calls, 1);
    QVERIFY(*logout->result);
    QVERIFY(!connection.isLoggedIn());

    server->resumeAccepting();
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);
    for (const auto& r : server->receivedOn(2))
        QVERIFY(r.type != MessageType::Login && r.type != MessageType::Logout);
}

void TestHallConnection::reportsLoginLostAfterReconnect() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QSignalSpy lost(&connection, &HallConnection::loginLost);
    QSignalSpy loggedIn(&connection, &HallConnection::loggedInChanged);
    QVERIFY(connection.start().ok());
    auto login = watch<LoginOk>(connection.login(QStringLiteral("clerk1"), QStringLiteral("secret")));
    QTRY_COMPARE(login->calls, 1);

    // The password is changed elsewhere while this device is away.
    server->passwords["clerk1"] = "changed";
    server->dropAll();
    QTRY_COMPARE(lost.count(), 1);
    QCOMPARE(lost.first().at(0).value<Error>().code, ErrorCode::BadCredentials);
    QVERIFY(!connection.isLoggedIn());
    QCOMPARE(loggedIn.count(), 2);
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);

    // Not retried on the next connection either.
    server->dropAll();
    QTRY_COMPARE(server->connectionsAccepted, 3);
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);
    QCOMPARE(server->receivedOn(3).size(), 1);
    QCOMPARE(lost.count(), 1);
}

void TestHallConnection::replaysMissedEventsExactlyOnce() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QList<Event> events;
    connect(&connection, &HallConnection::eventReceived, this,
            [&events](const Event& e) { events.append(e); });
    QSignalSpy subscribed(&connection, &HallConnection::subscribed);
    QVERIFY(connection.subscribe({QStringLiteral("floor/2")}).ok());
    QVERIFY(!connection.subscribe({QStringLiteral("no such topic")}).ok());
    QCOMPARE(connection.topics(), QStringList{QStringLiteral("floor/2")});
    QVERIFY(connection.start().ok());
    QTRY_COMPARE(subscribed.count(), 1);

    server->publish("floor/2", "A001 to window 2-01");
    server->publish("floor/2", "A002 to window 2-02");
    QTRY_COMPARE(events.size(), 2);
    QCOMPARE(connection.lastSeenSeq(), std::uint64_t(2));

    // The line drops; meanwhile the hall goes on. A careless replay also repeats an event already seen.
    server->dropAll();
    server->publish("floor/2", "A003 to window 2-03");
    server->publish("floor/3", "B001 to window 3-01");
    server->publish("floor/2", "A004 to window 2-04");
    server->replayOverlap = 1;
    QTRY_COMPARE(subscribed.count(), 2);
    QCOMPARE(server->subscribeAfterSeqs, (std::vector<std::uint64_t>{0, 2}));
    QCOMPARE(subscribed.last().at(1).toUInt(), 3u); // the fake replayed seq 2, 3 and 5

    server->publish("floor/2", "A005 to window 2-05");
    QTRY_COMPARE(events.size(), 5);
    std::vector<std::uint64_t> seqs;
    for (const Event& e : events)
        seqs.push_back(e.seq);
    QCOMPARE(seqs, (std::vector<std::uint64_t>{1, 2, 3, 5, 6}));
    QCOMPARE(eventTexts(events),
             (QStringList{QStringLiteral("A001 to window 2-01"), QStringLiteral("A002 to window 2-02"),
                          QStringLiteral("A003 to window 2-03"), QStringLiteral("A004 to window 2-04"),
                          QStringLiteral("A005 to window 2-05")}));
    QCOMPARE(connection.lastSeenSeq(), std::uint64_t(6));
}

void TestHallConnection::signalsResyncRequired() {
    auto server = makeServer();
    QVERIFY(server);
    server->resyncOnSubscribe = true;
    HallConnection connection(settingsFor(*server));
    QSignalSpy resync(&connection, &HallConnection::resyncRequired);
    QVERIFY(connection.subscribe({QStringLiteral("hall")}, 40).ok());
    QVERIFY(connection.start().ok());
    QTRY_COMPARE(resync.count(), 1);
    QVERIFY(!connection.isSubscribed());
    QCOMPARE(server->subscribeAfterSeqs, (std::vector<std::uint64_t>{40}));
    QCOMPARE(connection.state(), HallConnection::State::Ready);

    // After fetching the state afresh the program subscribes again from where that state stands.
    server->resyncOnSubscribe = false;
    QSignalSpy subscribed(&connection, &HallConnection::subscribed);
    QVERIFY(connection.subscribe({QStringLiteral("hall")}, 0).ok());
    QTRY_COMPARE(subscribed.count(), 1);
    QVERIFY(connection.isSubscribed());
}

void TestHallConnection::refusesServerFromForeignCa() {
    auto server = makeServer(true);
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QSignalSpy states(&connection, &HallConnection::stateChanged);
    QSignalSpy errors(&connection, &HallConnection::connectionError);
    QVERIFY(connection.start().ok());
    QTRY_VERIFY(errors.count() >= 2); // refused, and refused again on the retry
    for (const auto& args : states)
        QVERIFY(args.at(0).value<HallConnection::State>() != HallConnection::State::Greeting &&
                args.at(0).value<HallConnection::State>() != HallConnection::State::Ready);
    QCOMPARE(server->received.size(), 0);
    QCOMPARE(errors.first().at(0).value<Error>().code, ErrorCode::Disconnected);
    connection.stop();
}

void TestHallConnection::survivesMalformedFrames() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QSignalSpy errors(&connection, &HallConnection::connectionError);
    QVERIFY(connection.start().ok());
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);
    server->holdReplies = true;
    auto pending = watch<NoticeList>(connection.request(ListNotices{4}));
    QTRY_COMPARE(server->countReceived(MessageType::ListNotices), 1);

    // A header announcing a body over the frame limit: the stream can no longer be trusted.
    QByteArray oversized(14, '\0');
    oversized[0] = char(0x7f);
    oversized[5] = char(MessageType::Event);
    server->sendRawToAll(oversized);
    QTRY_COMPARE(server->connectionsAccepted, 2);
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);
    QCOMPARE(errors.first().at(0).value<Error>().code, ErrorCode::MalformedFrame);

    // An event whose body does not decode: same treatment.
    const std::string badEvent = encodeFrame(MessageType::Event, 0, "\x01");
    server->sendRawToAll(QByteArray(badEvent.data(), qsizetype(badEvent.size())));
    QTRY_COMPARE(server->connectionsAccepted, 3);
    QTRY_COMPARE(connection.state(), HallConnection::State::Ready);

    // The waiting request was resent on each new connection and is answered once.
    QTRY_COMPARE(server->countReceived(MessageType::ListNotices), 3);
    server->releaseHeld(false);
    QTRY_COMPARE(pending->calls, 1);
    QVERIFY(*pending->result);
    QCOMPARE((*pending->result)->notices.front().floor, std::uint8_t(4));
}

void TestHallConnection::pingsAndDropsSilentServer() {
    auto server = makeServer();
    QVERIFY(server);
    auto settings = settingsFor(*server);
    settings.pingIntervalMs = 50;
    settings.requestTimeoutMs = 1000;
    HallConnection connection(settings);
    QVERIFY(connection.start().ok());
    QTRY_VERIFY(server->countReceived(MessageType::Ping) >= 2);
    QCOMPARE(server->connectionsAccepted, 1);

    // A server that stops answering is noticed through the unanswered ping, and left for a new connection.
    server->ignored.insert(MessageType::Ping);
    QTRY_COMPARE(server->connectionsAccepted, 2);
    QVERIFY(connection.lastError());
    QCOMPARE(connection.lastError()->code, ErrorCode::Timeout);
}

void TestHallConnection::callbackFormDeliversTypedReply() {
    auto server = makeServer();
    QVERIFY(server);
    HallConnection connection(settingsFor(*server));
    QVERIFY(connection.start().ok());
    int calls = 0;
    std::uint8_t floor = 0;
    connection.request(ListNotices{5}, this, [&](const Result<NoticeList>& result) {
        ++calls;
        if (result && !result->notices.empty())
            floor = result->notices.front().floor;
    });
    QTRY_COMPARE(calls, 1);
    QCOMPARE(floor, std::uint8_t(5));

    // A context that dies first silences the callback.
    auto context = std::make_unique<QObject>();
    bool called = false;
    connection.request(ListNotices{1}, context.get(),
                       [&called](const Result<NoticeList>&) { called = true; });
    context.reset();
    auto after = watch<NoticeList>(connection.request(ListNotices{2}));
    QTRY_COMPARE(after->calls, 1);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestHallConnection)
#include "tst_hall_connection.moc"
