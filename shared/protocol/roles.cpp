#include "protocol/roles.h"

#include <array>
#include <utility>

namespace hall {
namespace {

constexpr std::array<std::pair<DeviceRole, std::string_view>, 6> kDeviceRoles{{
    {DeviceRole::ClerkPc, "clerk-pc"},
    {DeviceRole::Kiosk, "kiosk"},
    {DeviceRole::Tablet, "tablet"},
    {DeviceRole::Display, "display"},
    {DeviceRole::Admin, "admin"},
    {DeviceRole::Bidder, "bidder"},
}};

constexpr std::array<std::pair<PersonRole, std::string_view>, 6> kPersonRoles{{
    {PersonRole::Clerk, "clerk"},
    {PersonRole::Supervisor, "supervisor"},
    {PersonRole::Administrator, "admin"},
    {PersonRole::TradingOfficer, "trading-officer"},
    {PersonRole::CreditOfficer, "credit-officer"},
    {PersonRole::BidderAgent, "bidder-agent"},
}};

template <typename Role, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Role, std::string_view>, N>& table, Role role) {
    for (const auto& [value, name] : table)
        if (value == role)
            return name;
    return "unknown";
}

template <typename Role, std::size_t N>
std::optional<Role> fromName(const std::array<std::pair<Role, std::string_view>, N>& table,
                             std::string_view wanted) {
    for (const auto& [value, name] : table)
        if (name == wanted)
            return value;
    return std::nullopt;
}

template <typename Role, std::size_t N>
std::optional<Role> fromId(const std::array<std::pair<Role, std::string_view>, N>& table, std::uint8_t id) {
    for (const auto& entry : table)
        if (static_cast<std::uint8_t>(entry.first) == id)
            return entry.first;
    return std::nullopt;
}

} // namespace

std::string_view deviceRoleName(DeviceRole role) {
    return nameOf(kDeviceRoles, role);
}
std::optional<DeviceRole> deviceRoleFromName(std::string_view name) {
    return fromName(kDeviceRoles, name);
}
std::optional<DeviceRole> deviceRoleFromId(std::uint8_t id) {
    return fromId(kDeviceRoles, id);
}

std::string_view personRoleName(PersonRole role) {
    return nameOf(kPersonRoles, role);
}
std::optional<PersonRole> personRoleFromName(std::string_view name) {
    return fromName(kPersonRoles, name);
}
std::optional<PersonRole> personRoleFromId(std::uint8_t id) {
    return fromId(kPersonRoles, id);
}

} // namespace hall
