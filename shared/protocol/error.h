#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hall {

/// Stable error codes carried on the wire in ErrorReply. Append only: a number, once given, keeps its
/// meaning forever (old clients read it).
enum class ErrorCode : std::uint16_t {
    MalformedFrame = 1,     ///< the frame or its body could not be decoded
    UnknownMessage = 2,     ///< a message type this server does not know or a client may not send
    UnsupportedVersion = 3, ///< the hello's protocol version is not compatible
    HelloRequired = 4,      ///< anything but Hello sent first
    NotLoggedIn = 5,        ///< the message needs a person logged in on this device
    Forbidden = 6,          ///< the device role or person role may not send this message
    InvalidArgument = 7,    ///< a field is out of range or fails validation; message names the field
    NotFound = 8,           ///< the thing the request names does not exist
    Conflict = 9,           ///< the request contradicts the current state (for example a duplicate)
    RateLimited = 10,       ///< too many frames on this connection; slow down
    BadCredentials = 11,    ///< unknown user or wrong password (never says which)
    AccountLocked = 12,     ///< too many failed logins; try again later
    ResyncRequired = 13,    ///< the events asked for are too many to replay; fetch the state afresh
    Timeout = 14,           ///< the request did not complete in time (client side)
    InvalidState = 15,      ///< the action is not allowed in the object's current state
    Unavailable = 16,       ///< the server is shutting down or the store refused the write
    Internal = 17,          ///< a bug or an unexpected failure; details are in the server log
    RequestIdRequired = 18, ///< a mutating request arrived with request id 0
    Disconnected = 19,      ///< the connection dropped before an answer came (client side)
};

/// The code's stable lower-case name, as used in logs and docs ("invalid-argument").
std::string_view errorCodeName(ErrorCode code);

/// A typed failure: a code a program can act on and a sentence a person can read.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;

    friend bool operator==(const Error&, const Error&) = default;
};

} // namespace hall
