#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hall {

/// Every message type on the wire, with its stable numeric id. APPEND ONLY: never renumber, never reuse
/// a number; a retired message keeps its line with a comment. The list drives the enum, the name table
/// and the compile-time duplicate check below. docs/protocol.md describes each entry.
///
/// Ranges: 1-99 session and connection, 100-199 hall notices and administration, 200-299 queue,
/// 300-399 cases, 400-499 approval and supervision, 500-599 trading, 600-699 credit and land.
#define HALL_MESSAGE_TYPES(X)                                                                                \
    X(ErrorReply, 1)                                                                                         \
    X(Hello, 2)                                                                                              \
    X(HelloOk, 3)                                                                                            \
    X(Ping, 4)                                                                                               \
    X(Pong, 5)                                                                                               \
    X(Login, 10)                                                                                             \
    X(LoginOk, 11)                                                                                           \
    X(Logout, 12)                                                                                            \
    X(LogoutOk, 13)                                                                                          \
    X(Subscribe, 20)                                                                                         \
    X(SubscribeOk, 21)                                                                                       \
    X(Event, 22)                                                                                             \
    X(PostNotice, 100)                                                                                       \
    X(PostNoticeOk, 101)                                                                                     \
    X(ListNotices, 102)                                                                                      \
    X(NoticeList, 103)                                                                                       \
    X(GetServerStatus, 104)                                                                                  \
    X(ServerStatus, 105)                                                                                     \
    X(GetCatalogInfo, 106)                                                                                   \
    X(CatalogInfo, 107)                                                                                      \
    X(GetCatalogPart, 108)                                                                                   \
    X(CatalogPart, 109)                                                                                      \
    X(IssueTicket, 200)                                                                                      \
    X(IssueTicketOk, 201)                                                                                    \
    X(CallNext, 202)                                                                                         \
    X(TicketOk, 203)                                                                                         \
    X(Recall, 204)                                                                                           \
    X(MarkNoShow, 205)                                                                                       \
    X(Reactivate, 206)                                                                                       \
    X(BeginService, 207)                                                                                     \
    X(FinishService, 208)                                                                                    \
    X(CancelTicket, 209)                                                                                     \
    X(TransferTicket, 210)                                                                                   \
    X(SetWindowState, 211)                                                                                   \
    X(WindowOk, 212)                                                                                         \
    X(GetQueueBoard, 213)                                                                                    \
    X(QueueBoard, 214)                                                                                       \
    X(GetWindowQueue, 215)                                                                                   \
    X(WindowQueue, 216)                                                                                      \
    X(SubmitRating, 217)                                                                                     \
    X(SubmitRatingOk, 218)

enum class MessageType : std::uint16_t {
#define HALL_ENUM_ENTRY(name, id) name = id,
    HALL_MESSAGE_TYPES(HALL_ENUM_ENTRY)
#undef HALL_ENUM_ENTRY
};

namespace detail {
constexpr std::uint16_t kMessageTypeIds[] = {
#define HALL_ID_ENTRY(name, id) id,
    HALL_MESSAGE_TYPES(HALL_ID_ENTRY)
#undef HALL_ID_ENTRY
};

constexpr bool messageTypeIdsAreUnique() {
    constexpr auto count = sizeof(kMessageTypeIds) / sizeof(kMessageTypeIds[0]);
    for (std::size_t i = 0; i < count; ++i) {
        if (kMessageTypeIds[i] == 0)
            return false;
        for (std::size_t j = i + 1; j < count; ++j)
            if (kMessageTypeIds[i] == kMessageTypeIds[j])
                return false;
    }
    return true;
}
static_assert(messageTypeIdsAreUnique(), "HALL_MESSAGE_TYPES: every id must be unique and non-zero");
} // namespace detail

/// All known types, in registry order (for tests that walk the whole registry).
constexpr auto& allMessageTypeIds() {
    return detail::kMessageTypeIds;
}

/// The type for a raw id, or nothing when this build does not know the id.
std::optional<MessageType> messageTypeFromId(std::uint16_t id);

/// The registry name ("PostNotice"); "Unknown" for an id outside the registry.
std::string_view messageTypeName(MessageType type);

} // namespace hall
