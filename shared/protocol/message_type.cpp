#include "protocol/message_type.h"

namespace hall {

std::optional<MessageType> messageTypeFromId(std::uint16_t id) {
    switch (id) {
#define HALL_CASE_ENTRY(name, value)                                                                         \
    case value:                                                                                              \
        return MessageType::name;
        HALL_MESSAGE_TYPES(HALL_CASE_ENTRY)
#undef HALL_CASE_ENTRY
    default:
        return std::nullopt;
    }
}

std::string_view messageTypeName(MessageType type) {
    switch (type) {
#define HALL_NAME_ENTRY(name, value)                                                                         \
    case MessageType::name:                                                                                  \
        return #name;
        HALL_MESSAGE_TYPES(HALL_NAME_ENTRY)
#undef HALL_NAME_ENTRY
    }
    return "Unknown";
}

} // namespace hall
