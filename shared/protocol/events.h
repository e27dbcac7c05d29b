#pragma once

#include "protocol/result.h"
#include "protocol/roles.h"
#include "protocol/wire.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hall {

/// Kinds of journal events, with stable ids. APPEND ONLY, like the message registry. Every change to the
/// hall's state is one journal event; subscribers receive them in journal order.
#define HALL_EVENT_KINDS(X)                                                                                  \
    X(NoticePosted, 1)                                                                                       \
    X(LoginRecorded, 2)                                                                                      \
    X(AccountChanged, 10)                                                                                    \
    X(DeviceChanged, 11)                                                                                     \
    X(CatalogImported, 12)                                                                                   \
    X(TicketIssued, 30)                                                                                      \
    X(TicketCalled, 31)                                                                                      \
    X(TicketChanged, 32)                                                                                     \
    X(WindowChanged, 33)                                                                                     \
    X(RatingRecorded, 34)                                                                                    \
    X(QueueDayClosed, 35)

enum class EventKind : std::uint16_t {
#define HALL_EVENT_ENUM(name, id) name = id,
    HALL_EVENT_KINDS(HALL_EVENT_ENUM)
#undef HALL_EVENT_ENUM
};

namespace detail {
constexpr std::uint16_t kEventKindIds[] = {
#define HALL_EVENT_ID(name, id) id,
    HALL_EVENT_KINDS(HALL_EVENT_ID)
#undef HALL_EVENT_ID
};
constexpr bool eventKindIdsAreUnique() {
    constexpr auto count = sizeof(kEventKindIds) / sizeof(kEventKindIds[0]);
    for (std::size_t i = 0; i < count; ++i) {
        if (kEventKindIds[i] == 0)
            return false;
        for (std::size_t j = i + 1; j < count; ++j)
            if (kEventKindIds[i] == kEventKindIds[j])
                return false;
    }
    return true;
}
static_assert(eventKindIdsAreUnique(), "HALL_EVENT_KINDS: every id must be unique and non-zero");
} // namespace detail

/// All known kinds, in registry order (for tests and docs that walk the registry).
constexpr auto& allEventKindIds() {
    return detail::kEventKindIds;
}

std::optional<EventKind> eventKindFromId(std::uint16_t id);
std::string_view eventKindName(EventKind kind);

// ---- topics ----------------------------------------------------------------------------------------
// Grammar: "hall" | "floor/<1-9>" | "window/<window id>" | "role/<person role name>" | "audit".
// An event is published on exactly one topic; a subscriber names the topics it wants.

inline constexpr std::string_view kTopicHall = "hall";
inline constexpr std::string_view kTopicAudit = "audit";

/// "hall" for floor 0, "floor/N" otherwise.
std::string topicForFloor(std::uint8_t floor);
std::string topicForWindow(std::string_view window);
std::string topicForRole(std::string_view personRoleName);
/// True when `topic` follows the grammar above.
bool isValidTopic(std::string_view topic);

// ---- event bodies ----------------------------------------------------------------------------------

struct NoticePosted {
    static constexpr EventKind kKind = EventKind::NoticePosted;
    std::uint64_t noticeId = 0;
    std::uint8_t floor = 0;
    std::string text;
    std::int64_t expiresAtMs = 0;
    std::string author;

    void encode(WireWriter& w) const;
    static Result<NoticePosted> decode(std::string_view body);
    friend bool operator==(const NoticePosted&, const NoticePosted&) = default;
};

/// A login attempt on a device, successful or not (published on the audit topic only).
struct LoginRecorded {
    static constexpr EventKind kKind = EventKind::LoginRecorded;
    std::string username;
    std::string deviceName;
    bool succeeded = false;
    std::uint32_t failedCount = 0;  ///< consecutive failures after this attempt
    std::int64_t lockedUntilMs = 0; ///< 0 when not locked

    void encode(WireWriter& w) const;
    static Result<LoginRecorded> decode(std::string_view body);
    friend bool operator==(const LoginRecorded&, const LoginRecorded&) = default;
};

/// What an administrator did to an account (published on the audit topic only; never carries a password
/// or its hash).
enum class AccountChange : std::uint8_t {
    Created = 1,
    PasswordChanged = 2,
    Unlocked = 3,
    Disabled = 4,
    Enabled = 5,
};
std::string_view accountChangeName(AccountChange change);

struct AccountChanged {
    static constexpr EventKind kKind = EventKind::AccountChanged;
    AccountChange change = AccountChange::Created;
    std::string username;
    PersonRole role = PersonRole::Clerk;

    void encode(WireWriter& w) const;
    static Result<AccountChanged> decode(std::string_view body);
    friend bool operator==(const AccountChanged&, const AccountChanged&) = default;
};

/// A device registered under the hall CA, or revoked (published on the audit topic only).
enum class DeviceChange : std::uint8_t {
    Added = 1,
    Revoked = 2,
};
std::string_view deviceChangeName(DeviceChange change);

struct DeviceChanged {
    static constexpr EventKind kKind = EventKind::DeviceChanged;
    DeviceChange change = DeviceChange::Added;
    DeviceIdentity device;
    std::string fingerprint; ///< lower-case hex SHA-256 of the device certificate's DER

    void encode(WireWriter& w) const;
    static Result<DeviceChanged> decode(std::string_view body);
    friend bool operator==(const DeviceChanged&, const DeviceChanged&) = default;
};

/// A new catalog version is in force (published on the hall topic, so kiosks and clerk PCs refresh).
struct CatalogImported {
    static constexpr EventKind kKind = EventKind::CatalogImported;
    std::uint32_t version = 0;
    std::string sha256;
    std::uint32_t items = 0;
    std::string source;

    void encode(WireWriter& w) const;
    static Result<CatalogImported> decode(std::string_view body);
    friend bool operator==(const CatalogImported&, const CatalogImported&) = default;
};

template <typename E> std::string encodeEventBody(const E& event) {
    WireWriter w;
    event.encode(w);
    return std::move(w).take();
}

} // namespace hall
