#pragma once

#include "protocol/roles.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace hall::server {

/// An encoded frame, built once and shared by everyone it goes to (one event, many subscribers).
using SharedFrame = std::shared_ptr<const std::string>;

inline SharedFrame makeFrame(std::string bytes) {
    return std::make_shared<const std::string>(std::move(bytes));
}

/// A person logged in on a device, as the session remembers them after LoginOk.
struct Person {
    std::string username;
    std::string displayName;
    PersonRole role = PersonRole::Clerk;

    friend bool operator==(const Person&, const Person&) = default;
};

/// Who sent a request: the device its certificate names and, after login, the person.
struct Caller {
    DeviceIdentity device;
    std::optional<Person> person;
};

/// A connected client as the hall core sees it: something that takes pushed frames (events). The
/// session implements it; tests implement it with a recorder. deliver() is called from the core's
/// thread, must not block and must keep the order of calls.
class Peer {
public:
    virtual ~Peer() = default;
    virtual void deliver(SharedFrame frame) = 0;
};

/// What a request did to the session's login state.
enum class SessionChange { None, LoggedIn, LoggedOut };

/// The answer to one request: the reply frame (its request id echoed), and for Login and Logout the
/// session's new person.
struct CoreReply {
    SharedFrame frame;
    SessionChange change = SessionChange::None;
    std::optional<Person> person; ///< with LoggedIn
};

/// Called once per request, on the core's thread (or on the caller's thread when the core refuses work
/// because it is stopping). Frames the core delivers to the same peer before calling this arrive first.
using ReplyHandler = std::function<void(CoreReply)>;

} // namespace hall::server
