#pragma once

#include "protocol/error.h"

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace hall {

/// A value or a typed Error: how recoverable failures travel through the project. A small stand-in for
/// C++23 std::expected, which g++ 12 offers only in C++23 mode.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}
    Result(ErrorCode code, std::string message) : Result(Error{code, std::move(message)}) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(m_state);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

/// Success without a value.
struct Ok {
    friend bool operator==(Ok, Ok) = default;
};
using Status = Result<Ok>;

inline Status success() {
    return Ok{};
}

} // namespace hall
