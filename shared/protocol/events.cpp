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

std::string_view accountChangeName(AccountChange change) {
    switch (change) {
    case AccountChange::Created:
        return "created";
    case AccountChange::PasswordChanged:
        return "password-changed";
    case AccountChange::Unlocked:
        return "unlocked";
    case AccountChange::Disabled:
        return "disabled";
    case AccountChange::Enabled:
        return "enabled";
    }
    return "unknown";
}

void AccountChanged::encode(WireWriter& w) const {
    w.u8(static_cast<std::uint8_t>(change));
    w.str(username);
    w.u8(static_cast<std::uint8_t>(role));
}

Result<AccountChanged> AccountChanged::decode(std::string_view body) {
    WireReader r(body);
    AccountChanged e;
    const std::uint8_t change = r.u8("change");
    if (!r.failed() && (change < 1 || change > 5))
        r.fail("change", "unknown account change");
    e.change = static_cast<AccountChange>(change);
    e.username = r.str("username", 64);
    const auto role = personRoleFromId(r.u8("role"));
    if (!r.failed() && !role)
        r.fail("role", "unknown person role");
    e.role = role.value_or(PersonRole::Clerk);
    return r.finish(std::move(e));
}

std::string_view deviceChangeName(DeviceChange change) {
    switch (change) {
    case DeviceChange::Added:
        return "added";
    case DeviceChange::Revoked:
        return "revoked";
    }
    return "unknown";
}

void DeviceChanged::encode(WireWriter& w) const {
    w.u8(static_cast<std::uint8_t>(change));
    w.str(device.name);
    w.u8(static_cast<std::uint8_t>(device.role));
    w.str(device.window);
    w.u8(device.floor);
    w.str(fingerprint);
}

Result<DeviceChanged> DeviceChanged::decode(std::string_view body) {
    WireReader r(body);
    DeviceChanged e;
    const std::uint8_t change = r.u8("change");
    if (!r.failed() && (change < 1 || change > 2))
        r.fail("change", "unknown device change");
    e.change = static_cast<DeviceChange>(change);
    e.device.name = r.str("device.name", 64);
    const auto role = deviceRoleFromId(r.u8("device.role"));
    if (!r.failed() && !role)
        r.fail("device.role", "unknown device role");
    e.device.role = role.value_or(DeviceRole::Kiosk);
    e.device.window = r.str("device.window", 16);
    e.device.floor = r.u8("device.floor");
    e.fingerprint = r.str("fingerprint", 64);
    return r.finish(std::move(e));
}

void CatalogImported::encode(WireWriter& w) const {
    w.u32(version);
    w.str(sha256);
    w.u32(items);
    w.str(source);
}

Result<CatalogImported> CatalogImported::decode(std::string_view body) {
    WireReader r(body);
    CatalogImported e;
    e.version = r.u32("version");
    e.sha256 = r.str("sha256", 64);
    e.items = r.u32("items");
    e.source = r.str("source", 256);
    return r.finish(std::move(e));
}

} // namespace hall
