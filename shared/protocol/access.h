#pragma once

#include "protocol/message_type.h"
#include "protocol/result.h"
#include "protocol/roles.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace hall {

/// Bit masks over DeviceRole and PersonRole values.
constexpr std::uint32_t deviceBit(DeviceRole r) {
    return 1u << static_cast<unsigned>(r);
}
constexpr std::uint32_t personBit(PersonRole r) {
    return 1u << static_cast<unsigned>(r);
}

/// The role matrix entry for one request type a client may send.
struct AccessRule {
    MessageType request;
    MessageType reply;         ///< the type of a successful answer
    bool mutating;             ///< changes hall state: needs a request id, is journaled and idempotent
    std::uint32_t deviceRoles; ///< which device roles may send it
    bool needsPerson;          ///< a person must be logged in on the device
    std::uint32_t personRoles; ///< which person roles may send it (when needsPerson)
};

/// The rule for a request type, or nullptr for types no client may send (replies, events).
const AccessRule* accessRuleFor(MessageType type);

/// Every rule, for tests that walk the whole matrix and for the protocol docs.
std::span<const AccessRule> allAccessRules();

/// Ok, or NotLoggedIn / Forbidden / UnknownMessage with a readable reason.
Status checkAccess(MessageType type, DeviceRole device, std::optional<PersonRole> person);

/// Whether a device (and the person on it) may subscribe to `topic`: the hall and floors are public;
/// a window's topic belongs to the devices bound to that window and to supervisors; role topics to that
/// role and supervisors; the audit topic to supervisors, administrators and admin devices.
Status checkTopicAccess(std::string_view topic, const DeviceIdentity& device,
                        std::optional<PersonRole> person);

} // namespace hall
