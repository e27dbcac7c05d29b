#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hall {

/// What kind of device a client certificate belongs to. The numeric values are stored in the database
/// and sent on the wire: append only.
enum class DeviceRole : std::uint8_t {
    ClerkPc = 1, ///< the PC at a numbered window
    Kiosk = 2,   ///< the touch-screen inquiry and ticket kiosk
    Tablet = 3,  ///< the counter tablet facing the citizen at one window
    Display = 4, ///< an LED or large-screen wall display for a floor or zone
    Admin = 5,   ///< the administration tool (hallctl) and supervisors' desks
    Bidder = 6,  ///< a bidder's workstation for the trading centre
};

/// What a person logged in on a device may do. Stored and sent: append only.
enum class PersonRole : std::uint8_t {
    Clerk = 1,
    Supervisor = 2,
    Administrator = 3,
    TradingOfficer = 4,
    CreditOfficer = 5,
    BidderAgent = 6,
};

/// "clerk-pc", "kiosk", "tablet", "display", "admin", "bidder".
std::string_view deviceRoleName(DeviceRole role);
std::optional<DeviceRole> deviceRoleFromName(std::string_view name);
std::optional<DeviceRole> deviceRoleFromId(std::uint8_t id);

/// "clerk", "supervisor", "admin", "trading-officer", "credit-officer", "bidder-agent".
std::string_view personRoleName(PersonRole role);
std::optional<PersonRole> personRoleFromName(std::string_view name);
std::optional<PersonRole> personRoleFromId(std::uint8_t id);

/// Who a connected device is, as the hall CA certified it and the device registry confirms.
struct DeviceIdentity {
    DeviceRole role = DeviceRole::Kiosk;
    std::string name;       ///< unique device name, for example "K-1F-01" or "clerk-2-07"
    std::string window;     ///< the window it is bound to ("2-07"), empty when none
    std::uint8_t floor = 0; ///< the floor it serves, 0 when the whole hall

    friend bool operator==(const DeviceIdentity&, const DeviceIdentity&) = default;
};

} // namespace hall
