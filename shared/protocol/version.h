#pragma once

#include <cstdint>

namespace hall {

/// The protocol version this build speaks. Raise it with every change to a message's fields and record
/// the change in docs/protocol.md.
inline constexpr std::uint16_t kProtocolVersion = 1;

/// The oldest peer version this build still serves.
inline constexpr std::uint16_t kOldestCompatibleProtocolVersion = 1;

/// The one compatibility rule: a peer is served when its version lies between the oldest compatible
/// version and ours. A newer peer is refused too: it may send fields we would misread.
constexpr bool isCompatibleProtocolVersion(std::uint16_t peer) {
    return peer >= kOldestCompatibleProtocolVersion && peer <= kProtocolVersion;
}

} // namespace hall
