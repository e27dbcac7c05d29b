#include "protocol/events.h"
#include "protocol/messages.h"

#include <QTest>

using namespace hall;

namespace {
template <typename M> M roundTrip(const M& message) {
    const std::string frame = encodeMessage(message, 99);
    const DecodeOutcome out = decodeFrame(frame);
    if (out.status != DecodeStatus::Complete)
        qFatal("frame did not decode");
    auto decoded = decodeMessage<M>(out.frame);
    if (!decoded.ok())
        qFatal("%s", decoded.error().message.c_str());
    return std::move(decoded).value();
}

template <typename M> bool rejectsTrailingByte(const M& message) {
    std::string body = encodeBody(message);
    body.push_back('\0');
    return !M::decode(body).ok();
}
} // namespace

class TestMessages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMessageRoundTrips() {
        const Hello hello{kProtocolVersion, "clerk-client", "0.1.0"};
        QCOMPARE(roundTrip(hello), hello);
        const HelloOk helloOk{kProtocolVersion,
                              "0.1.0",
                              "濮阳市阳光大厦",
                              DeviceIdentity{DeviceRole::ClerkPc, "clerk-2-07", "2-07", 2},
                              1234,
                              1'767'000'000'000};
        QCOMPARE(roundTrip(helloOk), helloOk);
        QCOMPARE(roundTrip(ErrorReply{ErrorCode::Forbidden, "不可以"}),
                 (ErrorReply{ErrorCode::Forbidden, "不可以"}));
        QCOMPARE(roundTrip(Ping{7}), Ping{7});
        QCOMPARE(roundTrip(Pong{7, -5}), (Pong{7, -5}));
        QCOMPARE(roundTrip(Login{"wang.fang", "secret pass"}), (Login{"wang.fang", "secret pass"}));
        const LoginOk loginOk{"wang.fang", "王芳", PersonRole::Supervisor, "市场监管局", "S-0042"};
        QCOMPARE(roundTrip(loginOk), loginOk);
        QCOMPARE(roundTrip(Logout{}), Logout{});
        QCOMPARE(roundTrip(LogoutOk{}), LogoutOk{});
        const Subscribe sub{{"hall", "floor/2", "window/2-07"}, 17};
        QCOMPARE(roundTrip(sub), sub);
        QCOMPARE(roundTrip(SubscribeOk{40, 3}), (SubscribeOk{40, 3}));
        const Event ev{5, 1000, static_cast<std::uint16_t>(EventKind::NoticePosted), "floor/2",
                       std::string("\0\1\2", 3)};
        QCOMPARE(roundTrip(ev), ev);
        const PostNotice post{2, "二楼午休时间 12:00-13:30", 99};
        QCOMPARE(roundTrip(post), post);
        QCOMPARE(roundTrip(PostNoticeOk{3, 4}), (PostNoticeOk{3, 4}));
        QCOMPARE(roundTrip(ListNotices{2}), ListNotices{2});
        const NoticeList list{{Notice{1, 2, "a", 3, 4, "王芳"}, Notice{2, 0, "b", 5, 6, "李明"}}};
        QCOMPARE(roundTrip(list), list);
        QCOMPARE(roundTrip(GetServerStatus{}), GetServerStatus{});
        const ServerStatus status{"0.1.0", 12, 99, 1, 2, true};
        QCOMPARE(roundTrip(status), status);
    }

    void trailingBytesAreRejected() {
        QVERIFY(rejectsTrailingByte(Ping{1}));
        QVERIFY(rejectsTrailingByte(Logout{}));
        QVERIFY(rejectsTrailingByte(PostNotice{1, "x", 2}));
        QVERIFY(rejectsTrailingByte(NoticeList{}));
    }

    void limitsAreEnforced() {
        Subscribe tooMany;
        for (int i = 0; i < 33; ++i)
            tooMany.topics.push_back("hall");
        QVERIFY(!Subscribe::decode(encodeBody(tooMany)).ok());

        const PostNotice longText{1, std::string(501, 'x'), 1};
        const auto decoded = PostNotice::decode(encodeBody(longText));
        QVERIFY(!decoded.ok());
        QVERIFY(QString::fromStdString(decoded.error().message).startsWith(QStringLiteral("text")));
    }

    void unknownRolesAreRejected() {
        std::string body = encodeBody(LoginOk{"a", "b", PersonRole::Clerk, "", ""});
        // The role byte follows two length-prefixed strings of one byte each.
        body[10] = 99;
        QVERIFY(!LoginOk::decode(body).ok());
    }

    void eventBodiesRoundTrip() {
        const NoticePosted posted{9, 2, "停电通知", 100, "王芳"};
        const auto decoded = NoticePosted::decode(encodeEventBody(posted));
        QVERIFY(decoded.ok());
        QCOMPARE(*decoded, posted);
        const LoginRecorded login{"li.ming", "clerk-2-07", false, 3, 0};
        QCOMPARE(*LoginRecorded::decode(encodeEventBody(login)), login);
    }

    void topicsFollowTheGrammar() {
        QVERIFY(isValidTopic("hall"));
        QVERIFY(isValidTopic("audit"));
        QVERIFY(isValidTopic(topicForFloor(3)));
        QCOMPARE(topicForFloor(0), std::string("hall"));
        QVERIFY(isValidTopic(topicForWindow("2-07")));
        QVERIFY(isValidTopic(topicForRole("supervisor")));
        QVERIFY(!isValidTopic("floor/0"));
        QVERIFY(!isValidTopic("floor/10"));
        QVERIFY(!isValidTopic("window/"));
        QVERIFY(!isValidTopic("window/2 07"));
        QVERIFY(!isValidTopic("role/mayor"));
        QVERIFY(!isValidTopic(""));
    }

    void registriesNameEveryEntry() {
        for (std::uint16_t id : allMessageTypeIds()) {
            const auto type = messageTypeFromId(id);
            QVERIFY(type.has_value());
            QVERIFY(messageTypeName(*type) != "Unknown");
        }
        QVERIFY(!messageTypeFromId(0).has_value());
        QVERIFY(!eventKindFromId(0).has_value());
        QCOMPARE(eventKindName(EventKind::NoticePosted), std::string_view("NoticePosted"));
    }

    void utf8Validation() {
        QVERIFY(isValidUtf8("阳光大厦 A023"));
        QVERIFY(isValidUtf8(""));
        QVERIFY(!isValidUtf8("\xc0\xaf"));         // overlong '/'
        QVERIFY(!isValidUtf8("\xed\xa0\x80"));     // a UTF-16 surrogate
        QVERIFY(!isValidUtf8("\xf4\x90\x80\x80")); // past U+10FFFF
        QVERIFY(!isValidUtf8("\xe9\x98"));         // cut short
    }
};

QTEST_APPLESS_MAIN(TestMessages)
#include "tst_messages.moc"
