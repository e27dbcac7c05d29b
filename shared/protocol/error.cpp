#include "protocol/error.h"

namespace hall {

std::string_view errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::MalformedFrame:
        return "malformed-frame";
    case ErrorCode::UnknownMessage:
        return "unknown-message";
    case ErrorCode::UnsupportedVersion:
        return "unsupported-version";
    case ErrorCode::HelloRequired:
        return "hello-required";
    case ErrorCode::NotLoggedIn:
        return "not-logged-in";
    case ErrorCode::Forbidden:
        return "forbidden";
    case ErrorCode::InvalidArgument:
        return "invalid-argument";
    case ErrorCode::NotFound:
        return "not-found";
    case ErrorCode::Conflict:
        return "conflict";
    case ErrorCode::RateLimited:
        return "rate-limited";
    case ErrorCode::BadCredentials:
        return "bad-credentials";
    case ErrorCode::AccountLocked:
        return "account-locked";
    case ErrorCode::ResyncRequired:
        return "resync-required";
    case ErrorCode::Timeout:
        return "timeout";
    case ErrorCode::InvalidState:
        return "invalid-state";
    case ErrorCode::Unavailable:
        return "unavailable";
    case ErrorCode::Internal:
        return "internal";
    case ErrorCode::RequestIdRequired:
        return "request-id-required";
    case ErrorCode::Disconnected:
        return "disconnected";
    }
    return "unknown-error";
}

} // namespace hall
