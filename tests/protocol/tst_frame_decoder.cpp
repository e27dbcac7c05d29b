// The frame decoder is the first code that touches bytes from outside: every malformed shape must give
// an error (or "need more"), never a crash or a read past the buffer.
#include "protocol/frame.h"
#include "protocol/messages.h"

#include <QTest>

#include <random>

using namespace hall;

class TestFrameDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void completeFrameRoundTrips() {
        const std::string frame = encodeMessage(Ping{42}, 7);
        const DecodeOutcome out = decodeFrame(frame);
        QCOMPARE(out.status, DecodeStatus::Complete);
        QCOMPARE(out.consumed, frame.size());
        QCOMPARE(out.frame.type, MessageType::Ping);
        QCOMPARE(out.frame.requestId, quint64(7));
        const auto ping = decodeMessage<Ping>(out.frame);
        QVERIFY(ping.ok());
        QCOMPARE(ping->nonce, quint64(42));
    }

    void everyShortPrefixNeedsMore() {
        const std::string frame = encodeMessage(Hello{kProtocolVersion, "kiosk-client", "0.1"}, 1);
        for (std::size_t n = 0; n < frame.size(); ++n) {
            const DecodeOutcome out = decodeFrame(std::string_view(frame).substr(0, n));
            QCOMPARE(out.status, DecodeStatus::NeedMore);
            QCOMPARE(out.consumed, std::size_t(0));
        }
    }

    void twoFramesInOneBufferComeOneAtATime() {
        const std::string a = encodeMessage(Ping{1}, 1);
        const std::string b = encodeMessage(Ping{2}, 2);
        const std::string both = a + b;
        const DecodeOutcome first = decodeFrame(both);
        QCOMPARE(first.status, DecodeStatus::Complete);
        QCOMPARE(first.consumed, a.size());
        const DecodeOutcome second = decodeFrame(std::string_view(both).substr(first.consumed));
        QCOMPARE(second.status, DecodeStatus::Complete);
        QCOMPARE(second.frame.requestId, quint64(2));
    }

    void oversizedLengthIsRejectedBeforeTheBodyArrives() {
        WireWriter w;
        w.u32(static_cast<std::uint32_t>(kMaxFrameBody + 1));
        w.u16(static_cast<std::uint16_t>(MessageType::Ping));
        w.u64(1);
        const DecodeOutcome out = decodeFrame(w.data());
        QCOMPARE(out.status, DecodeStatus::Malformed);
        QCOMPARE(out.error.code, ErrorCode::MalformedFrame);
        QCOMPARE(out.consumed, std::size_t(0)); // the stream cannot be trusted any more
    }

    void aLowerPerConnectionLimitApplies() {
        const std::string frame = encodeMessage(PostNotice{1, std::string(300, 'x'), 1}, 9);
        QCOMPARE(decodeFrame(frame, 100).status, DecodeStatus::Malformed);
        QCOMPARE(decodeFrame(frame, 1000).status, DecodeStatus::Complete);
    }

    void maximumLengthWordIsRejected() {
        const std::string header("\xff\xff\xff\xff\x00\x04\x00\x00\x00\x00\x00\x00\x00\x01", 14);
        QCOMPARE(decodeFrame(header).status, DecodeStatus::Malformed);
    }

    void unknownTypeKeepsTheStreamInStep() {
        const std::string frame = encodeFrame(static_cast<MessageType>(0x7777), 5, "abc");
        const DecodeOutcome out = decodeFrame(frame);
        QCOMPARE(out.status, DecodeStatus::Malformed);
        QCOMPARE(out.error.code, ErrorCode::UnknownMessage);
        QCOMPARE(out.consumed, frame.size());
        QCOMPARE(out.frame.requestId, quint64(5));
    }

    void typeZeroIsUnknown() {
        const std::string frame = encodeFrame(static_cast<MessageType>(0), 5, "");
        QCOMPARE(decodeFrame(frame).error.code, ErrorCode::UnknownMessage);
    }

    void badBodiesAreTypedErrors() {
        // A Ping body must be exactly 8 bytes.
        for (const std::string& body : {std::string(), std::string(7, '\0'), std::string(9, '\0')}) {
            const std::string frame = encodeFrame(MessageType::Ping, 1, body);
            const DecodeOutcome out = decodeFrame(frame);
            QCOMPARE(out.status, DecodeStatus::Complete);
            const auto ping = decodeMessage<Ping>(out.frame);
            QVERIFY(!ping.ok());
            QCOMPARE(ping.error().code, ErrorCode::MalformedFrame);
        }
    }

    void stringLengthLargerThanTheBodyIsRejected() {
        WireWriter w;
        w.u16(kProtocolVersion);
        w.u32(1000); // claims 1000 bytes of client name
        w.u8('a');
        const auto hello = Hello::decode(w.data());
        QVERIFY(!hello.ok());
        QVERIFY(QString::fromStdString(hello.error().message).contains(QStringLiteral("clientName")));
    }

    void invalidUtf8IsRejected() {
        WireWriter w;
        w.u8(1);
        w.str("\xc3\x28"); // a broken two-byte sequence
        w.i64(1);
        const auto notice = PostNotice::decode(w.data());
        QVERIFY(!notice.ok());
        QVERIFY(QString::fromStdString(notice.error().message).contains(QStringLiteral("UTF-8")));
    }

    void decodeMessageRefusesTheWrongType() {
        const std::string frame = encodeMessage(Ping{1}, 1);
        const auto pong = decodeMessage<Pong>(decodeFrame(frame).frame);
        QVERIFY(!pong.ok());
    }

    void randomBytesNeverCrash() {
        // A cheap in-suite cousin of the fuzz target: random buffers, with and without a sane header.
        std::mt19937 rng(1234);
        std::uniform_int_distribution<int> byte(0, 255);
        for (int round = 0; round < 20000; ++round) {
            std::string buf(static_cast<std::size_t>(rng() % 64), '\0');
            for (char& c : buf)
                c = static_cast<char>(byte(rng));
            if (round % 2 == 0 && buf.size() >= kFrameHeaderSize) {
                buf[0] = buf[1] = 0; // keep the length small so bodies get decoded too
                buf[4] = 0;
                buf[5] = static_cast<char>(allMessageTypeIds()[rng() % std::size(allMessageTypeIds())]);
            }
            const DecodeOutcome out = decodeFrame(buf);
            QVERIFY(out.consumed <= buf.size());
            if (out.status == DecodeStatus::Complete) {
                QVERIFY(out.frame.body.size() + kFrameHeaderSize == out.consumed);
                (void)Hello::decode(out.frame.body);
                (void)NoticeList::decode(out.frame.body);
                (void)Subscribe::decode(out.frame.body);
                (void)Event::decode(out.frame.body);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestFrameDecoder)
#include "tst_frame_decoder.moc"
