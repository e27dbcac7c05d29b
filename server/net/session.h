#pragma once

#include "core/peer.h"
#include "net/rate_limiter.h"
#include "protocol/frame.h"
#include "protocol/result.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace hall::server {

class HallCore;
class Logger;
class SessionRegistry;
struct ServerConfig;

/// What every session shares: the core it talks to, the limits it enforces, the log.
struct SessionContext {
    HallCore& core;
    const ServerConfig& config;
    Logger& logger;
    SessionRegistry& registry;
    std::string serverVersion;
};

/// One TLS connection from a hall device.
///
/// Lifetime: the session owns itself through its coroutines (each holds a shared_ptr), so it lives
/// exactly as long as something is pending on it. Everything below runs on the session's strand (its
/// socket's executor); deliver(), requestClose() and forceClose() may be called from any thread and post
/// there. One coroutine reads and dispatches frames; one writer keeps exactly one write in flight with a
/// bounded queue behind it; a watchdog closes the socket when the current deadline (handshake, hello,
/// idle, closing) passes.
class Session final : public Peer, public std::enable_shared_from_this<Session> {
public:
    Session(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context& tls, SessionContext& context,
            std::uint64_t id);
    ~Session() override;

    void start();
    /// Events from the core (any thread).
    void deliver(SharedFrame frame) override;
    /// Finish what is queued, say goodbye (TLS close_notify), close. Any thread.
    void requestClose();
    /// Close the socket now. Any thread.
    void forceClose();

    std::uint64_t id() const { return m_id; }

private:
    using Clock = std::chrono::steady_clock;

    boost::asio::awaitable<void> run();
    boost::asio::awaitable<void> readLoop();
    boost::asio::awaitable<void> writeLoop();
    boost::asio::awaitable<void> watchdog();
    boost::asio::awaitable<Result<DeviceIdentity>> identify();

    /// Handles one complete frame; false when the connection must close.
    bool handleFrame(const FrameView& frame);
    bool handleHello(const FrameView& frame);
    void handlePing(const FrameView& frame);
    void forward(const FrameView& frame);
    void onReply(CoreReply reply, MessageType type);

    void send(SharedFrame frame);
    void sendError(std::uint64_t requestId, ErrorCode code, std::string message);
    void beginClose(std::string_view reason);
    void closeSocket();
    void setDeadline(std::chrono::steady_clock::duration fromNow);
    /// Moves the deadline only if that makes it sooner.
    void tightenDeadline(std::chrono::steady_clock::duration fromNow);
    std::string label() const;

    boost::asio::ssl::stream<boost::asio::ip::tcp::socket> m_stream;
    SessionContext& m_context;
    const std::uint64_t m_id;
    std::string m_remote;

    boost::asio::steady_timer m_watchdogTimer;
    boost::asio::steady_timer m_writerWake; // cancelled to wake the writer
    boost::asio::steady_timer m_readerWake; // cancelled to wake a reader waiting for its replies
    boost::asio::steady_timer m_writerDone; // cancelled when the writer has finished
    Clock::time_point m_deadline;

    std::deque<SharedFrame> m_queue;
    std::size_t m_queuedBytes = 0;
    bool m_writing = false;
    bool m_writerFinished = false;

    std::optional<DeviceIdentity> m_device;
    std::optional<Person> m_person;
    bool m_helloDone = false;
    bool m_authPending = false; // a Login or Logout is with the core: later requests wait for its answer
    std::size_t m_inFlight = 0;
    RateLimiter m_limiter;

    bool m_closing = false; // no more frames are read; the writer drains and the session closes
    bool m_socketClosed = false;
    bool m_peerGone = false; // the peer closed first: no close_notify exchange
};

} // namespace hall::server
