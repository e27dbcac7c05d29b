#include "protocol/events.h"

#include "protocol/roles.h"

namespace hall {

std::optional<EventKind> eventKindFromId(std::uint16_t id) {
    switch (id) {
#define HALL_EVENT_CASE(name, value)                                                                         \
    case value:                                                                                              \
        return EventKind::name;
        HALL_EVENT_KINDS(HALL_EVENT_CASE)
#undef HALL_EVENT_CASE
    default:
        return std::nullopt;
    }
}

std::string_view eventKindName(EventKind kind) {
    switch (kind) {
#define HALL_EVENT_NAME(name, value)                                                                         \
    case EventKind::name:                                                                                    \
        return #name;
        HALL_EVENT_KINDS(HALL_EVENT_NAME)
#undef HALL_EVENT_NAME
    }
    return "Unknown";
}

std::string topicForFloor(std::uint8_t floor) {
    return floor == 0 ? std::string(kTopicHall) : "floor/" + std::to_string(floor);
}

std::string topicForWindow(std::string_view window) {
    return "window/" + std::string(window);
}

std::string topicForRole(std::string_view personRoleName) {
    return "role/" + std::string(personRoleName);
}

namespace {
bool isWindowId(std::string_view id) {
    if (id.empty() || id.size() > 16)
        return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-'))
            return false;
    return true;
}
} // namespace

bool isValidTopic(std::string_view topic) {
    if (topic == kTopicHall || topic == kTopicAudit)
        return true;
    if (topic.starts_with("floor/"))
        return topic.size() == 7 && topic[6] >= '1' && topic[6] <= '9';
    if (topic.starts_with("window/"))
        return isWindowId(topic.substr(7));
    if (topic.starts_with("role/"))
        return personRoleFromName(topic.substr(5)).has_value();
    return false;
}

void NoticePosted::encode(WireWriter& w) const {
    w.u64(noticeId);
    w.u8(floor);
    w.str(text);
    w.i64(expiresAtMs);
    w.str(author);
}

Result<NoticePosted> NoticePosted::decode(std::string_view body) {
    WireReader r(body);
    NoticePosted e;
    e.noticeId = r.u64("noticeId");
    e.floor = r.u8("floor");
    e.text = r.str("text", 500);
    e.expiresAtMs = r.i64("expiresAtMs");
    e.author = r.str("author", 128);
    return r.finish(std::move(e));
}

void LoginRecorded::encode(WireWriter& w) const {
    w.str(username);
    w.str(deviceName);
    w.boolean(succeeded);
    w.u32(failedCount);
    w.i64(lockedUntilMs);
}

Result<LoginRecorded> LoginRecorded::decode(std::string_view body) {
    WireReader r(body);
    LoginRecorded e;
    e.username = r.str("username", 64);
    e.deviceName = r.str("deviceName", 64);
    e.succeeded = r.boolean("succeeded");
    e.failedCount = r.u32("failedCount");
    e.lockedUntilMs = r.i64("lockedUntilMs");
    return r.finish(std::move(e));
}

} // namespace hall
