#include "protocol/messages.h"

namespace hall {
namespace {

// Field limits (bytes). They bound what a peer can make us allocate; docs/protocol.md repeats them.
constexpr std::size_t kShortText = 64;
constexpr std::size_t kNameText = 128;
constexpr std::size_t kMessageText = 1024;
constexpr std::size_t kPasswordText = 256;
constexpr std::size_t kNoticeText = 500;
constexpr std::size_t kMaxTopics = 32;
constexpr std::size_t kMaxNotices = 1000;

void writeDevice(WireWriter& w, const DeviceIdentity& d) {
    w.u8(static_cast<std::uint8_t>(d.role));
    w.str(d.name);
    w.str(d.window);
    w.u8(d.floor);
}

DeviceIdentity readDevice(WireReader& r) {
    DeviceIdentity d;
    const auto role = deviceRoleFromId(r.u8("device.role"));
    if (!role)
        r.fail("device.role", "unknown device role");
    else
        d.role = *role;
    d.name = r.str("device.name", kShortText);
    d.window = r.str("device.window", kShortText);
    d.floor = r.u8("device.floor");
    return d;
}

template <typename M> Result<M> emptyBody(std::string_view body) {
    WireReader r(body);
    return r.finish(M{});
}

} // namespace

void ErrorReply::encode(WireWriter& w) const {
    w.u16(static_cast<std::uint16_t>(code));
    w.str(message);
}

Result<ErrorReply> ErrorReply::decode(std::string_view body) {
    WireReader r(body);
    ErrorReply m;
    m.code = static_cast<ErrorCode>(r.u16("code"));
    m.message = r.str("message", kMessageText);
    return r.finish(std::move(m));
}

void Hello::encode(WireWriter& w) const {
    w.u16(protocolVersion);
    w.str(clientName);
    w.str(clientVersion);
}

Result<Hello> Hello::decode(std::string_view body) {
    WireReader r(body);
    Hello m;
    m.protocolVersion = r.u16("protocolVersion");
    m.clientName = r.str("clientName", kShortText);
    m.clientVersion = r.str("clientVersion", kShortText);
    return r.finish(std::move(m));
}

void HelloOk::encode(WireWriter& w) const {
    w.u16(protocolVersion);
    w.str(serverVersion);
    w.str(hallName);
    writeDevice(w, device);
    w.u64(journalHead);
    w.i64(serverTimeMs);
}

Result<HelloOk> HelloOk::decode(std::string_view body) {
    WireReader r(body);
    HelloOk m;
    m.protocolVersion = r.u16("protocolVersion");
    m.serverVersion = r.str("serverVersion", kShortText);
    m.hallName = r.str("hallName", kNameText);
    m.device = readDevice(r);
    m.journalHead = r.u64("journalHead");
    m.serverTimeMs = r.i64("serverTimeMs");
    return r.finish(std::move(m));
}

void Ping::encode(WireWriter& w) const {
    w.u64(nonce);
}

Result<Ping> Ping::decode(std::string_view body) {
    WireReader r(body);
    Ping m;
    m.nonce = r.u64("nonce");
    return r.finish(m);
}

void Pong::encode(WireWriter& w) const {
    w.u64(nonce);
    w.i64(serverTimeMs);
}

Result<Pong> Pong::decode(std::string_view body) {
    WireReader r(body);
    Pong m;
    m.nonce = r.u64("nonce");
    m.serverTimeMs = r.i64("serverTimeMs");
    return r.finish(m);
}

void Login::encode(WireWriter& w) const {
    w.str(username);
    w.str(password);
}

Result<Login> Login::decode(std::string_view body) {
    WireReader r(body);
    Login m;
    m.username = r.str("username", kShortText);
    m.password = r.str("password", kPasswordText);
    return r.finish(std::move(m));
}

void LoginOk::encode(WireWriter& w) const {
    w.str(username);
    w.str(displayName);
    w.u8(static_cast<std::uint8_t>(role));
    w.str(department);
    w.str(staffNumber);
}

Result<LoginOk> LoginOk::decode(std::string_view body) {
    WireReader r(body);
    LoginOk m;
    m.username = r.str("username", kShortText);
    m.displayName = r.str("displayName", kNameText);
    const auto role = personRoleFromId(r.u8("role"));
    if (!role)
        r.fail("role", "unknown person role");
    else
        m.role = *role;
    m.department = r.str("department", kNameText);
    m.staffNumber = r.str("staffNumber", kShortText);
    return r.finish(std::move(m));
}

Result<Logout> Logout::decode(std::string_view body) {
    return emptyBody<Logout>(body);
}
Result<LogoutOk> LogoutOk::decode(std::string_view body) {
    return emptyBody<LogoutOk>(body);
}

void Subscribe::encode(WireWriter& w) const {
    w.list(topics, [](WireWriter& out, const std::string& t) { out.str(t); });
    w.u64(afterSeq);
}

Result<Subscribe> Subscribe::decode(std::string_view body) {
    WireReader r(body);
    Subscribe m;
    m.topics =
        r.list<std::string>("topics", kMaxTopics, [](WireReader& in) { return in.str("topic", kShortText); });
    m.afterSeq = r.u64("afterSeq");
    return r.finish(std::move(m));
}

void SubscribeOk::encode(WireWriter& w) const {
    w.u64(headSeq);
    w.u32(replayedCount);
}

Result<SubscribeOk> SubscribeOk::decode(std::string_view body) {
    WireReader r(body);
    SubscribeOk m;
    m.headSeq = r.u64("headSeq");
    m.replayedCount = r.u32("replayedCount");
    return r.finish(m);
}

void Event::encode(WireWriter& w) const {
    w.u64(seq);
    w.i64(timeMs);
    w.u16(kind);
    w.str(topic);
    w.bytes(body);
}

Result<Event> Event::decode(std::string_view in) {
    WireReader r(in);
    Event m;
    m.seq = r.u64("seq");
    m.timeMs = r.i64("timeMs");
    m.kind = r.u16("kind");
    m.topic = r.str("topic", kShortText);
    m.body = r.bytes("body", kMaxFrameBody);
    return r.finish(std::move(m));
}

void PostNotice::encode(WireWriter& w) const {
    w.u8(floor);
    w.str(text);
    w.i64(expiresAtMs);
}

Result<PostNotice> PostNotice::decode(std::string_view body) {
    WireReader r(body);
    PostNotice m;
    m.floor = r.u8("floor");
    m.text = r.str("text", kNoticeText);
    m.expiresAtMs = r.i64("expiresAtMs");
    return r.finish(std::move(m));
}

void PostNoticeOk::encode(WireWriter& w) const {
    w.u64(noticeId);
    w.u64(seq);
}

Result<PostNoticeOk> PostNoticeOk::decode(std::string_view body) {
    WireReader r(body);
    PostNoticeOk m;
    m.noticeId = r.u64("noticeId");
    m.seq = r.u64("seq");
    return r.finish(m);
}

void ListNotices::encode(WireWriter& w) const {
    w.u8(floor);
}

Result<ListNotices> ListNotices::decode(std::string_view body) {
    WireReader r(body);
    ListNotices m;
    m.floor = r.u8("floor");
    return r.finish(m);
}

void NoticeList::encode(WireWriter& w) const {
    w.list(notices, [](WireWriter& out, const Notice& n) {
        out.u64(n.id);
        out.u8(n.floor);
        out.str(n.text);
        out.i64(n.postedAtMs);
        out.i64(n.expiresAtMs);
        out.str(n.author);
    });
}

Result<NoticeList> NoticeList::decode(std::string_view body) {
    WireReader r(body);
    NoticeList m;
    m.notices = r.list<Notice>("notices", kMaxNotices, [](WireReader& in) {
        Notice n;
        n.id = in.u64("notice.id");
        n.floor = in.u8("notice.floor");
        n.text = in.str("notice.text", kNoticeText);
        n.postedAtMs = in.i64("notice.postedAtMs");
        n.expiresAtMs = in.i64("notice.expiresAtMs");
        n.author = in.str("notice.author", kNameText);
        return n;
    });
    return r.finish(std::move(m));
}

Result<GetServerStatus> GetServerStatus::decode(std::string_view body) {
    return emptyBody<GetServerStatus>(body);
}

void ServerStatus::encode(WireWriter& w) const {
    w.str(serverVersion);
    w.u32(sessions);
    w.u64(journalHead);
    w.i64(startedAtMs);
    w.i64(nowMs);
    w.boolean(simulatedClock);
}

Result<ServerStatus> ServerStatus::decode(std::string_view body) {
    WireReader r(body);
    ServerStatus m;
    m.serverVersion = r.str("serverVersion", kShortText);
    m.sessions = r.u32("sessions");
    m.journalHead = r.u64("journalHead");
    m.startedAtMs = r.i64("startedAtMs");
    m.nowMs = r.i64("nowMs");
    m.simulatedClock = r.boolean("simulatedClock");
    return r.finish(std::move(m));
}

} // namespace hall
