#pragma once

#include "protocol/result.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>

#include <cstddef>
#include <exception>
#include <latch>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hall::sim {

namespace detail {
/// co_spawn's completion wants a default-constructible result; a Status is not, so it travels beside.
inline boost::asio::awaitable<void> runInto(boost::asio::awaitable<Status> work,
                                            std::optional<Status>& slot) {
    slot.emplace(co_await std::move(work));
}
} // namespace detail

/// Runs `count` coroutines, at most `batch` at a time, from a thread that is not running their executors
/// (it blocks). `make(i)` returns the pair (executor, awaitable<Status>) for coroutine i. Stops after the
/// first batch with a failure and returns that failure. Used to open thousands of connections without
/// stampeding the server's handshake and hello deadlines.
template <typename Make> Status inBatches(std::size_t count, std::size_t batch, Make make) {
    for (std::size_t begin = 0; begin < count; begin += batch) {
        const std::size_t n = std::min(batch, count - begin);
        std::latch done(static_cast<std::ptrdiff_t>(n));
        std::mutex mutex;
        std::optional<Error> failure;
        std::vector<std::optional<Status>> results(n);
        for (std::size_t i = begin; i < begin + n; ++i) {
            auto [executor, work] = make(i);
            std::optional<Status>& result = results[i - begin];
            boost::asio::co_spawn(
                executor, detail::runInto(std::move(work), result), [&, i](std::exception_ptr thrown) {
                    if (thrown || !result || !*result) {
                        const bool crashed = thrown || !result;
                        std::lock_guard lock(mutex);
                        if (!failure)
                            failure = Error{
                                crashed ? ErrorCode::Internal : result->error().code,
                                "connection " + std::to_string(i + 1) + ": " +
                                    (crashed ? std::string("failed unexpectedly") : result->error().message)};
                    }
                    done.count_down();
                });
        }
        done.wait();
        if (failure)
            return *failure;
    }
    return success();
}

} // namespace hall::sim
