#pragma once

// Test helpers: run an awaitable to completion on an io_context, and a tiny HTTP server whose answer the
// test chooses (a gateway that answers, stays silent, or hangs up; or a receiver for delivery reports).

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hall::test {

namespace asio = boost::asio;

/// co_spawn needs a default-constructible value, which hall::Result is not: an optional wrapper is.
template <typename T> asio::awaitable<std::optional<T>> optionally(asio::awaitable<T> op) {
    co_return co_await std::move(op);
}

/// Spawns `op` on `io` and returns a future for its value.
template <typename T> std::future<std::optional<T>> spawnFuture(asio::io_context& io, asio::awaitable<T> op) {
    return asio::co_spawn(io, optionally(std::move(op)), asio::use_future);
}

/// Runs `op` on `io` (other work there, such as a ScriptedHttpServer, runs meanwhile) and returns its
/// value, or nothing when it did not finish within `limit`.
template <typename T>
std::optional<T> runUntilDone(asio::io_context& io, asio::awaitable<T> op,
                              std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    io.restart();
    std::future<std::optional<T>> future = spawnFuture(io, std::move(op));
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        if (std::chrono::steady_clock::now() > deadline) {
            return std::nullopt;
        }
        io.run_one_for(std::chrono::milliseconds(20));
    }
    return future.get();
}

/// Runs `io` until `done()` holds; false when `limit` passed first.
inline bool runUntil(asio::io_context& io, const std::function<bool()>& done,
                     std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    io.restart();
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        io.run_one_for(std::chrono::milliseconds(20));
    }
    return true;
}

/// A one-port HTTP server on 127.0.0.1 with a scripted behaviour, recording every request it reads.
class ScriptedHttpServer {
public:
    enum class Behaviour {
        Answer,             ///< answer every request with the given status and body
        Silent,             ///< read the request, then keep the connection open and say nothing
        CloseWithoutAnswer, ///< read the request, then hang up
    };

    struct Request {
        std::string target;
        std::string host;
    };

    ScriptedHttpServer(asio::io_context& io, Behaviour behaviour, unsigned status = 200,
                       std::string body = {})
        : m_state(std::make_shared<State>(io)) {
        m_state->behaviour = behaviour;
        m_state->status = status;
        m_state->body = std::move(body);
        const asio::ip::tcp::endpoint local(asio::ip::make_address("127.0.0.1"), 0);
        m_state->acceptor.open(local.protocol());
        m_state->acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true));
        m_state->acceptor.bind(local);
        m_state->acceptor.listen();
        asio::co_spawn(io, serve(m_state), asio::detached);
    }

    ~ScriptedHttpServer() {
        boost::system::error_code ignored;
        m_state->acceptor.close(ignored);
        for (auto& socket : m_state->held) {
            socket.close(ignored);
        }
    }

    std::uint16_t port() const { return m_state->acceptor.local_endpoint().port(); }
    int connections() const { return m_state->connections; }
    const std::vector<Request>& requests() const { return m_state->requests; }

private:
    struct State {
        explicit State(asio::io_context& io) : acceptor(io) {}
        asio::ip::tcp::acceptor acceptor;
        Behaviour behaviour = Behaviour::Answer;
        unsigned status = 200;
        std::string body;
        int connections = 0;
        std::vector<Request> requests;
        std::vector<asio::ip::tcp::socket> held;
    };

    static asio::awaitable<void> serve(std::shared_ptr<State> state) {
        constexpr auto noThrow = asio::as_tuple(asio::use_awaitable);
        for (;;) {
            auto [acceptError, socket] = co_await state->acceptor.async_accept(noThrow);
            if (acceptError) {
                co_return;
            }
            ++state->connections;
            asio::co_spawn(state->acceptor.get_executor(), session(state, std::move(socket)), asio::detached);
        }
    }

    static asio::awaitable<void> session(std::shared_ptr<State> state, asio::ip::tcp::socket socket) {
        namespace http = boost::beast::http;
        constexpr auto noThrow = asio::as_tuple(asio::use_awaitable);
        boost::beast::flat_buffer buffer;
        for (;;) {
            http::request<http::string_body> request;
            auto [readError, read] = co_await http::async_read(socket, buffer, request, noThrow);
            (void)read;
            if (readError) {
                co_return;
            }
            state->requests.push_back(
                Request{std::string(request.target()), std::string(request[http::field::host])});
            if (state->behaviour == Behaviour::Silent) {
                state->held.push_back(std::move(socket));
                co_return;
            }
            if (state->behaviour == Behaviour::CloseWithoutAnswer) {
                co_return;
            }
            http::response<http::string_body> response{static_cast<http::status>(state->status), 11};
            response.set(http::field::content_type, "text/html");
            response.body() = state->body;
            response.keep_alive(request.keep_alive());
            response.prepare_payload();
            auto [writeError, written] = co_await http::async_write(socket, response, noThrow);
            (void)written;
            if (writeError || !request.keep_alive()) {
                co_return;
            }
        }
    }

    std::shared_ptr<State> m_state;
};

/// A port on 127.0.0.1 that nobody listens on (bound, then released), for "connection refused".
inline std::uint16_t closedPort() {
    asio::io_context io;
    asio::ip::tcp::acceptor acceptor(io, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    return acceptor.local_endpoint().port();
}

} // namespace hall::test
