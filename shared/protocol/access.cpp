#include "protocol/access.h"

#include "protocol/events.h"

#include <array>
#include <string>

namespace hall {
namespace {

constexpr std::uint32_t kAnyDevice = deviceBit(DeviceRole::ClerkPc) | deviceBit(DeviceRole::Kiosk) |
                                     deviceBit(DeviceRole::Tablet) | deviceBit(DeviceRole::Display) |
                                     deviceBit(DeviceRole::Admin) | deviceBit(DeviceRole::Bidder);
constexpr std::uint32_t kPeopleDevices =
    deviceBit(DeviceRole::ClerkPc) | deviceBit(DeviceRole::Admin) | deviceBit(DeviceRole::Bidder);
constexpr std::uint32_t kAnyPerson =
    personBit(PersonRole::Clerk) | personBit(PersonRole::Supervisor) | personBit(PersonRole::Administrator) |
    personBit(PersonRole::TradingOfficer) | personBit(PersonRole::CreditOfficer) |
    personBit(PersonRole::BidderAgent);
constexpr std::uint32_t kOversight = personBit(PersonRole::Supervisor) | personBit(PersonRole::Administrator);
// Queue work happens at a numbered window: a clerk PC bound to it, with a clerk (or a supervisor covering).
constexpr std::uint32_t kWindowDevice = deviceBit(DeviceRole::ClerkPc);
constexpr std::uint32_t kWindowStaff = personBit(PersonRole::Clerk) | personBit(PersonRole::Supervisor);

// The role matrix. Every request type a client may send has exactly one row; a test checks that.
constexpr std::array kRules{
    AccessRule{MessageType::Hello, MessageType::HelloOk, false, kAnyDevice, false, 0},
    AccessRule{MessageType::Ping, MessageType::Pong, false, kAnyDevice, false, 0},
    AccessRule{MessageType::Login, MessageType::LoginOk, false, kPeopleDevices, false, 0},
    AccessRule{MessageType::Logout, MessageType::LogoutOk, false, kPeopleDevices, true, kAnyPerson},
    AccessRule{MessageType::Subscribe, MessageType::SubscribeOk, false, kAnyDevice, false, 0},
    AccessRule{MessageType::PostNotice, MessageType::PostNoticeOk, true,
               deviceBit(DeviceRole::ClerkPc) | deviceBit(DeviceRole::Admin), true, kOversight},
    AccessRule{MessageType::ListNotices, MessageType::NoticeList, false, kAnyDevice, false, 0},
    AccessRule{MessageType::GetServerStatus, MessageType::ServerStatus, false, deviceBit(DeviceRole::Admin),
               false, 0},
    AccessRule{MessageType::GetCatalogInfo, MessageType::CatalogInfo, false, kAnyDevice, false, 0},
    AccessRule{MessageType::GetCatalogPart, MessageType::CatalogPart, false, kAnyDevice, false, 0},
    // The queue (docs/queue.md).
    AccessRule{MessageType::IssueTicket, MessageType::IssueTicketOk, true, deviceBit(DeviceRole::Kiosk),
               false, 0},
    AccessRule{MessageType::CallNext, MessageType::TicketOk, true, kWindowDevice, true, kWindowStaff},
    AccessRule{MessageType::Recall, MessageType::TicketOk, true, kWindowDevice, true, kWindowStaff},
    AccessRule{MessageType::MarkNoShow, MessageType::TicketOk, true, kWindowDevice, true, kWindowStaff},
    AccessRule{MessageType::Reactivate, MessageType::TicketOk, true, kWindowDevice, true, kWindowStaff},
    AccessRule{MessageType::BeginService, MessageType::TicketOk, true, kWindowDevice, true, kWindowStaff},
    AccessRule{MessageType::FinishService, MessageType::TicketOk, true, kWindowDevice, true, kWindowStaff},
    AccessRule{MessageType::CancelTicket, MessageType::TicketOk, true, kWindowDevice, true, kOversight},
    AccessRule{MessageType::TransferTicket, MessageType::TicketOk, true, kWindowDevice, true, kWindowStaff},
    AccessRule{MessageType::SetWindowState, MessageType::WindowOk, true, kWindowDevice, true, kWindowStaff},
    AccessRule{MessageType::GetQueueBoard, MessageType::QueueBoard, false, kAnyDevice, false, 0},
    AccessRule{MessageType::GetWindowQueue, MessageType::WindowQueue, false, kWindowDevice, true,
               kWindowStaff},
    AccessRule{MessageType::SubmitRating, MessageType::SubmitRatingOk, true, deviceBit(DeviceRole::Tablet),
               false, 0},
};

} // namespace

const AccessRule* accessRuleFor(MessageType type) {
    for (const auto& rule : kRules)
        if (rule.request == type)
            return &rule;
    return nullptr;
}

std::span<const AccessRule> allAccessRules() {
    return kRules;
}

Status checkAccess(MessageType type, DeviceRole device, std::optional<PersonRole> person) {
    const AccessRule* rule = accessRuleFor(type);
    if (!rule)
        return Error{ErrorCode::UnknownMessage,
                     std::string(messageTypeName(type)) + " is not a request a client may send"};
    if ((rule->deviceRoles & deviceBit(device)) == 0)
        return Error{ErrorCode::Forbidden, std::string("a ") + std::string(deviceRoleName(device)) +
                                               " device may not send " + std::string(messageTypeName(type))};
    if (rule->needsPerson) {
        if (!person)
            return Error{ErrorCode::NotLoggedIn,
                         std::string(messageTypeName(type)) + " needs a person logged in"};
        if ((rule->personRoles & personBit(*person)) == 0)
            return Error{ErrorCode::Forbidden, std::string("the ") + std::string(personRoleName(*person)) +
                                                   " role may not send " +
                                                   std::string(messageTypeName(type))};
    }
    return success();
}

Status checkTopicAccess(std::string_view topic, const DeviceIdentity& device,
                        std::optional<PersonRole> person) {
    if (!isValidTopic(topic))
        return Error{ErrorCode::InvalidArgument, "not a topic: " + std::string(topic)};
    const bool oversight =
        device.role == DeviceRole::Admin ||
        (person && (*person == PersonRole::Supervisor || *person == PersonRole::Administrator));
    if (topic == kTopicHall || topic.starts_with("floor/"))
        return success();
    if (oversight)
        return success();
    if (topic.starts_with("window/")) {
        const bool bound = (device.role == DeviceRole::ClerkPc || device.role == DeviceRole::Tablet) &&
                           !device.window.empty() && topic.substr(7) == device.window;
        if (bound)
            return success();
    } else if (topic.starts_with("role/")) {
        if (person && topic.substr(5) == personRoleName(*person))
            return success();
    }
    return Error{ErrorCode::Forbidden, "this device may not subscribe to " + std::string(topic)};
}

} // namespace hall
