#pragma once

#include "protocol/frame.h"
#include "protocol/result.h"
#include "protocol/roles.h"
#include "protocol/version.h"
#include "protocol/wire.h"

#include <cstdint>
#include <string>
#include <vector>

/// Typed messages. Each struct names its wire type, encodes itself field by field and decodes with every
/// length checked; nothing else in the code reads fields from raw bytes. Field limits are part of the
/// protocol (docs/protocol.md lists them).
namespace hall {

// ---- session ---------------------------------------------------------------------------------------

struct ErrorReply {
    static constexpr MessageType kType = MessageType::ErrorReply;
    ErrorCode code = ErrorCode::Internal;
    std::string message;

    void encode(WireWriter& w) const;
    static Result<ErrorReply> decode(std::string_view body);
    friend bool operator==(const ErrorReply&, const ErrorReply&) = default;
};

struct Hello {
    static constexpr MessageType kType = MessageType::Hello;
    std::uint16_t protocolVersion = kProtocolVersion;
    std::string clientName;    ///< program name, for the log ("clerk-client")
    std::string clientVersion; ///< program version

    void encode(WireWriter& w) const;
    static Result<Hello> decode(std::string_view body);
    friend bool operator==(const Hello&, const Hello&) = default;
};

struct HelloOk {
    static constexpr MessageType kType = MessageType::HelloOk;
    std::uint16_t protocolVersion = kProtocolVersion;
    std::string serverVersion;
    std::string hallName;
    DeviceIdentity device;         ///< who the server takes this device to be
    std::uint64_t journalHead = 0; ///< sequence number of the newest committed event
    std::int64_t serverTimeMs = 0; ///< the hall clock (ms since the Unix epoch, UTC)

    void encode(WireWriter& w) const;
    static Result<HelloOk> decode(std::string_view body);
    friend bool operator==(const HelloOk&, const HelloOk&) = default;
};

struct Ping {
    static constexpr MessageType kType = MessageType::Ping;
    std::uint64_t nonce = 0;

    void encode(WireWriter& w) const;
    static Result<Ping> decode(std::string_view body);
    friend bool operator==(const Ping&, const Ping&) = default;
};

struct Pong {
    static constexpr MessageType kType = MessageType::Pong;
    std::uint64_t nonce = 0;
    std::int64_t serverTimeMs = 0;

    void encode(WireWriter& w) const;
    static Result<Pong> decode(std::string_view body);
    friend bool operator==(const Pong&, const Pong&) = default;
};

struct Login {
    static constexpr MessageType kType = MessageType::Login;
    std::string username;
    std::string password;

    void encode(WireWriter& w) const;
    static Result<Login> decode(std::string_view body);
    friend bool operator==(const Login&, const Login&) = default;
};

struct LoginOk {
    static constexpr MessageType kType = MessageType::LoginOk;
    std::string username;
    std::string displayName;
    PersonRole role = PersonRole::Clerk;
    std::string department;
    std::string staffNumber;

    void encode(WireWriter& w) const;
    static Result<LoginOk> decode(std::string_view body);
    friend bool operator==(const LoginOk&, const LoginOk&) = default;
};

struct Logout {
    static constexpr MessageType kType = MessageType::Logout;
    void encode(WireWriter&) const {}
    static Result<Logout> decode(std::string_view body);
    friend bool operator==(const Logout&, const Logout&) = default;
};

struct LogoutOk {
    static constexpr MessageType kType = MessageType::LogoutOk;
    void encode(WireWriter&) const {}
    static Result<LogoutOk> decode(std::string_view body);
    friend bool operator==(const LogoutOk&, const LogoutOk&) = default;
};

/// Subscribe to topics (see events.h for their grammar) and receive every event after `afterSeq`
/// on them, then every new one, in journal order. Subscribing again replaces the topic set.
struct Subscribe {
    static constexpr MessageType kType = MessageType::Subscribe;
    std::vector<std::string> topics;
    std::uint64_t afterSeq = 0;

    void encode(WireWriter& w) const;
    static Result<Subscribe> decode(std::string_view body);
    friend bool operator==(const Subscribe&, const Subscribe&) = default;
};

struct SubscribeOk {
    static constexpr MessageType kType = MessageType::SubscribeOk;
    std::uint64_t headSeq = 0;       ///< the journal head when the subscription took effect
    std::uint32_t replayedCount = 0; ///< how many missed events were sent before this reply

    void encode(WireWriter& w) const;
    static Result<SubscribeOk> decode(std::string_view body);
    friend bool operator==(const SubscribeOk&, const SubscribeOk&) = default;
};

/// A committed journal event pushed to a subscriber (request id 0). `body` decodes per `kind`.
struct Event {
    static constexpr MessageType kType = MessageType::Event;
    std::uint64_t seq = 0;
    std::int64_t timeMs = 0;
    std::uint16_t kind = 0; ///< an EventKind id (events.h)
    std::string topic;
    std::string body;

    void encode(WireWriter& w) const;
    static Result<Event> decode(std::string_view body);
    friend bool operator==(const Event&, const Event&) = default;
};

// ---- hall notices and administration ---------------------------------------------------------------

/// A notice for the LED walls and kiosks of one floor (1-5), or of the whole hall (floor 0).
struct PostNotice {
    static constexpr MessageType kType = MessageType::PostNotice;
    std::uint8_t floor = 0;
    std::string text;             ///< 1 to 500 bytes of UTF-8
    std::int64_t expiresAtMs = 0; ///< when it stops showing; must lie after the hall clock's now

    void encode(WireWriter& w) const;
    static Result<PostNotice> decode(std::string_view body);
    friend bool operator==(const PostNotice&, const PostNotice&) = default;
};

struct PostNoticeOk {
    static constexpr MessageType kType = MessageType::PostNoticeOk;
    std::uint64_t noticeId = 0;
    std::uint64_t seq = 0; ///< the journal event that recorded it

    void encode(WireWriter& w) const;
    static Result<PostNoticeOk> decode(std::string_view body);
    friend bool operator==(const PostNoticeOk&, const PostNoticeOk&) = default;
};

struct ListNotices {
    static constexpr MessageType kType = MessageType::ListNotices;
    std::uint8_t floor = 0; ///< 0: every floor's notices

    void encode(WireWriter& w) const;
    static Result<ListNotices> decode(std::string_view body);
    friend bool operator==(const ListNotices&, const ListNotices&) = default;
};

struct Notice {
    std::uint64_t id = 0;
    std::uint8_t floor = 0;
    std::string text;
    std::int64_t postedAtMs = 0;
    std::int64_t expiresAtMs = 0;
    std::string author; ///< display name of the person who posted it

    friend bool operator==(const Notice&, const Notice&) = default;
};

/// The notices still in force at the hall clock's now, oldest first.
struct NoticeList {
    static constexpr MessageType kType = MessageType::NoticeList;
    std::vector<Notice> notices;

    void encode(WireWriter& w) const;
    static Result<NoticeList> decode(std::string_view body);
    friend bool operator==(const NoticeList&, const NoticeList&) = default;
};

struct GetServerStatus {
    static constexpr MessageType kType = MessageType::GetServerStatus;
    void encode(WireWriter&) const {}
    static Result<GetServerStatus> decode(std::string_view body);
    friend bool operator==(const GetServerStatus&, const GetServerStatus&) = default;
};

struct ServerStatus {
    static constexpr MessageType kType = MessageType::ServerStatus;
    std::string serverVersion;
    std::uint32_t sessions = 0;
    std::uint64_t journalHead = 0;
    std::int64_t startedAtMs = 0;
    std::int64_t nowMs = 0;
    bool simulatedClock = false;

    void encode(WireWriter& w) const;
    static Result<ServerStatus> decode(std::string_view body);
    friend bool operator==(const ServerStatus&, const ServerStatus&) = default;
};

// ---- helpers ---------------------------------------------------------------------------------------

template <typename M> std::string encodeBody(const M& message) {
    WireWriter w;
    message.encode(w);
    return std::move(w).take();
}

/// A complete frame for `message`.
template <typename M> std::string encodeMessage(const M& message, std::uint64_t requestId) {
    return encodeFrame(M::kType, requestId, encodeBody(message));
}

/// Decodes a frame's body as M, refusing a frame of another type.
template <typename M> Result<M> decodeMessage(const FrameView& frame) {
    if (frame.type != M::kType)
        return Error{ErrorCode::MalformedFrame, std::string("expected ") +
                                                    std::string(messageTypeName(M::kType)) + ", got " +
                                                    std::string(messageTypeName(frame.type))};
    return M::decode(frame.body);
}

} // namespace hall
