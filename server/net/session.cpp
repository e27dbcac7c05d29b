#include "net/session.h"

#include "core/clock.h"
#include "core/hall_core.h"
#include "core/logger.h"
#include "core/server_config.h"
#include "net/session_registry.h"
#include "net/tls_context.h"
#include "protocol/access.h"
#include "protocol/messages.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>

namespace hall::server {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using asio::awaitable;

namespace {

constexpr auto kNet = Logger::Component::Net;
constexpr auto kWithError = asio::as_tuple(asio::use_awaitable);
/// Requests a session may have with the core at once before it stops reading.
constexpr std::size_t kMaxInFlight = 64;
constexpr std::size_t kReadChunk = 16 * 1024;
/// How long a closing session may take to flush and exchange close_notify.
constexpr std::chrono::seconds kCloseDeadline{5};
constexpr std::chrono::milliseconds kCloseNotifyGrace{500};

/// A normal end of a connection rather than a fault worth a warning.
bool isDisconnect(const boost::system::error_code& ec) {
    return ec == asio::error::eof || ec == ssl::error::stream_truncated ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
           ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor;
}

} // namespace

Session::Session(asio::ip::tcp::socket socket, ssl::context& tls, SessionContext& context, std::uint64_t id)
    : m_stream(std::move(socket), tls), m_context(context), m_id(id),
      m_watchdogTimer(m_stream.get_executor()), m_writerWake(m_stream.get_executor()),
      m_readerWake(m_stream.get_executor()), m_writerDone(m_stream.get_executor()),
      m_deadline(Clock::time_point::max()),
      m_limiter(context.config.ratePerS, context.config.rateBurst, Clock::now()) {
    boost::system::error_code ec;
    const auto remote = m_stream.next_layer().remote_endpoint(ec);
    m_remote =
        ec ? std::string("unknown") : remote.address().to_string() + ":" + std::to_string(remote.port());
    for (auto* timer : {&m_writerWake, &m_readerWake, &m_writerDone})
        timer->expires_at(Clock::time_point::max());
}

Session::~Session() {
    m_context.logger.debug(kNet, label() + " released");
}

void Session::start() {
    auto self = shared_from_this();
    asio::co_spawn(
        m_stream.get_executor(), [self] { return self->run(); }, asio::detached);
}

std::string Session::label() const {
    std::string out = "session " + std::to_string(m_id);
    out += m_device ? " [" + m_device->name + "]" : " [" + m_remote + "]";
    return out;
}

// ---- lifetime --------------------------------------------------------------------------------------------

awaitable<void> Session::run() {
    auto self = shared_from_this();
    const ServerConfig& config = m_context.config;
    setDeadline(std::chrono::seconds(config.handshakeTimeoutS));
    asio::co_spawn(
        m_stream.get_executor(), [self] { return self->watchdog(); }, asio::detached);

    auto [handshakeError] = co_await m_stream.async_handshake(ssl::stream_base::server, kWithError);
    if (handshakeError) {
        // No certificate, a certificate from another CA, plaintext, a timeout: all end here.
        m_context.logger.info(kNet, label() + ": TLS handshake refused: " + handshakeError.message());
        closeSocket();
        m_context.registry.remove(m_id);
        co_return;
    }

    asio::co_spawn(
        m_stream.get_executor(), [self] { return self->writeLoop(); }, asio::detached);
    Result<DeviceIdentity> identity = co_await identify();
    if (!identity) {
        m_context.logger.warning(kNet, label() + ": refused: " + identity.error().message);
        sendError(0, identity.error().code, identity.error().message);
        beginClose("device not admitted");
    } else {
        m_device = *identity;
        m_context.logger.info(kNet, label() + " connected from " + m_remote + " as " +
                                        std::string(deviceRoleName(m_device->role)));
        setDeadline(std::chrono::seconds(config.helloTimeoutS));
        co_await readLoop();
    }

    beginClose("connection ending");
    while (!m_writerFinished)
        co_await m_writerDone.async_wait(kWithError);
    if (!m_socketClosed && !m_peerGone) {
        // Say goodbye properly, but do not wait long for a peer that does not answer.
        tightenDeadline(kCloseNotifyGrace);
        co_await m_stream.async_shutdown(kWithError);
    }
    closeSocket();
    m_context.core.detach(this);
    m_context.registry.remove(m_id);
    m_context.logger.info(kNet, label() + " closed");
}

awaitable<void> Session::watchdog() {
    auto self = shared_from_this();
    while (!m_socketClosed) {
        m_watchdogTimer.expires_at(m_deadline);
        co_await m_watchdogTimer.async_wait(kWithError);
        if (m_socketClosed)
            break;
        if (Clock::now() >= m_deadline) {
            m_context.logger.info(kNet, label() + ": " +
                                            (!m_device      ? "handshake timed out"
                                             : m_closing    ? "close timed out"
                                             : !m_helloDone ? "no hello in time"
                                                            : "idle timeout"));
            closeSocket();
            break;
        }
    }
}

void Session::setDeadline(Clock::duration fromNow) {
    const auto deadline = Clock::now() + fromNow;
    const bool sooner = deadline < m_deadline;
    m_deadline = deadline;
    if (sooner)
        m_watchdogTimer.cancel(); // the watchdog sleeps until the old deadline; wake it to re-arm
}

void Session::tightenDeadline(Clock::duration fromNow) {
    if (Clock::now() + fromNow < m_deadline)
        setDeadline(fromNow);
}

void Session::beginClose(std::string_view reason) {
    if (m_closing)
        return;
    m_closing = true;
    m_context.logger.debug(kNet, label() + ": closing: " + std::string(reason));
    tightenDeadline(kCloseDeadline);
    m_writerWake.cancel();
    m_readerWake.cancel();
}

void Session::closeSocket() {
    if (m_socketClosed)
        return;
    m_socketClosed = true;
    boost::system::error_code ignored;
    m_stream.lowest_layer().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    m_stream.lowest_layer().close(ignored);
    m_watchdogTimer.cancel();
    m_writerWake.cancel();
    m_readerWake.cancel();
}

void Session::requestClose() {
    asio::post(m_stream.get_executor(),
               [self = shared_from_this()] { self->beginClose("the server is stopping"); });
}

void Session::forceClose() {
    asio::post(m_stream.get_executor(), [self = shared_from_this()] { self->closeSocket(); });
}

// ---- writing ---------------------------------------------------------------------------------------------

void Session::deliver(SharedFrame frame) {
    asio::post(m_stream.get_executor(), [self = shared_from_this(), frame = std::move(frame)]() mutable {
        self->send(std::move(frame));
    });
}

void Session::send(SharedFrame frame) {
    if (m_socketClosed)
        return;
    m_queuedBytes += frame->size();
    if (m_queuedBytes > m_context.config.maxWriteQueueBytes) {
        // A client that does not read must not make the server hold its backlog; it resumes by seq.
        m_context.logger.warning(kNet, label() + ": write queue over " +
                                           std::to_string(m_context.config.maxWriteQueueBytes) +
                                           " bytes; disconnecting a client that does not read");
        closeSocket();
        return;
    }
    m_queue.push_back(std::move(frame));
    m_writerWake.cancel();
}

void Session::sendError(std::uint64_t requestId, ErrorCode code, std::string message) {
    send(makeFrame(encodeMessage(ErrorReply{code, std::move(message)}, requestId)));
}

awaitable<void> Session::writeLoop() {
    auto self = shared_from_this();
    for (;;) {
        if (m_socketClosed)
            break;
        if (m_queue.empty()) {
            if (m_closing)
                break;
            co_await m_writerWake.async_wait(kWithError);
            continue;
        }
        const SharedFrame frame = m_queue.front();
        auto [ec, written] = co_await asio::async_write(m_stream, asio::buffer(*frame), kWithError);
        m_queue.pop_front();
        m_queuedBytes -= frame->size();
        if (ec) {
            if (!isDisconnect(ec))
                m_context.logger.warning(kNet, label() + ": write failed: " + ec.message());
            closeSocket();
            break;
        }
    }
    if (!m_socketClosed) {
        // Everything is flushed; a reader still waiting for bytes has nothing more to do.
        boost::system::error_code ignored;
        m_stream.next_layer().cancel(ignored);
    }
    m_writerFinished = true;
    m_writerDone.cancel();
}

// ---- reading ---------------------------------------------------------------------------------------------

awaitable<Result<DeviceIdentity>> Session::identify() {
    const std::string fingerprint = peerCertificateFingerprint(m_stream.native_handle());
    if (fingerprint.empty())
        co_return Error{ErrorCode::Forbidden, "no client certificate"};
    auto self = shared_from_this();
    // A named initiation, not a temporary inside the co_await: g++ 12 destroys such temporaries twice.
    auto initiation = [self, fingerprint](auto handler) {
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        self->m_context.core.identify(fingerprint, [shared](Result<DeviceIdentity> found) {
            // Back onto the session's strand, where the coroutine waits.
            auto executor = asio::get_associated_executor(*shared);
            asio::post(executor, [shared, found = std::move(found)]() mutable {
                std::move (*shared)(std::move(found));
            });
        });
    };
    auto answer = co_await asio::async_initiate<const asio::use_awaitable_t<>&,
                                                void(std::optional<Result<DeviceIdentity>>)>(
        initiation, asio::use_awaitable);
    co_return std::move(*answer);
}

awaitable<void> Session::readLoop() {
    auto self = shared_from_this();
    const ServerConfig& config = m_context.config;
    std::string buffer;
    std::size_t offset = 0;
    std::array<char, kReadChunk> chunk;
    for (;;) {
        while (!m_closing) {
            const std::string_view pending(buffer.data() + offset, buffer.size() - offset);
            const DecodeOutcome out = decodeFrame(pending, config.maxFrameBytes);
            if (out.status == DecodeStatus::NeedMore)
                break;
            if (out.status == DecodeStatus::Malformed && out.consumed == 0) {
                // The framing itself is broken or too large: nothing after it can be trusted.
                sendError(0, ErrorCode::MalformedFrame, out.error.message);
                beginClose("malformed frame: " + out.error.message);
                co_return;
            }
            offset += out.consumed;

            switch (m_limiter.check(Clock::now())) {
            case RateLimiter::Verdict::Serve:
                break;
            case RateLimiter::Verdict::Refuse:
                sendError(out.frame.requestId, ErrorCode::RateLimited, "too many requests; slow down");
                continue;
            case RateLimiter::Verdict::Disconnect:
                sendError(out.frame.requestId, ErrorCode::RateLimited, "too many requests; disconnecting");
                m_context.logger.warning(kNet, label() + ": kept exceeding the rate limit; disconnecting");
                beginClose("rate limit");
                co_return;
            }

            if (out.status == DecodeStatus::Malformed) {
                // An unknown type: the length was sane, so answer and go on.
                sendError(out.frame.requestId, out.error.code, out.error.message);
                continue;
            }
            if (!handleFrame(out.frame))
                co_return;
            if (m_helloDone)
                setDeadline(std::chrono::seconds(config.idleTimeoutS));
            // Wait for a login's answer before reading on: the next request is checked as the new person.
            while (!m_closing && !m_socketClosed && (m_authPending || m_inFlight >= kMaxInFlight))
                co_await m_readerWake.async_wait(kWithError);
        }
        if (m_closing || m_socketClosed)
            co_return;
        if (offset > 0) {
            buffer.erase(0, offset);
            offset = 0;
        }
        auto [ec, n] = co_await m_stream.async_read_some(asio::buffer(chunk), kWithError);
        if (ec) {
            if (isDisconnect(ec)) {
                m_peerGone = ec != asio::error::operation_aborted;
                m_context.logger.debug(kNet, label() + ": read ended: " + ec.message());
            } else {
                m_peerGone = true;
                m_context.logger.info(kNet, label() + ": read failed: " + ec.message());
            }
            co_return;
        }
        buffer.append(chunk.data(), n);
    }
}

bool Session::handleFrame(const FrameView& frame) {
    if (!m_helloDone)
        return handleHello(frame);
    switch (frame.type) {
    case MessageType::Hello:
        sendError(frame.requestId, ErrorCode::InvalidState, "hello was already received");
        return true;
    case MessageType::Ping:
        handlePing(frame);
        return true;
    default:
        forward(frame);
        return true;
    }
}

bool Session::handleHello(const FrameView& frame) {
    if (frame.type != MessageType::Hello) {
        sendError(frame.requestId, ErrorCode::HelloRequired, "the first frame must be Hello");
        beginClose("no hello");
        return false;
    }
    const auto hello = decodeMessage<Hello>(frame);
    if (!hello) {
        sendError(frame.requestId, ErrorCode::MalformedFrame, hello.error().message);
        beginClose("malformed hello");
        return false;
    }
    if (!isCompatibleProtocolVersion(hello->protocolVersion)) {
        sendError(frame.requestId, ErrorCode::UnsupportedVersion,
                  "this server speaks protocol versions " + std::to_string(kOldestCompatibleProtocolVersion) +
                      " to " + std::to_string(kProtocolVersion) + ", the client " +
                      std::to_string(hello->protocolVersion));
        beginClose("incompatible protocol version");
        return false;
    }
    m_helloDone = true;
    HelloOk ok;
    ok.serverVersion = m_context.serverVersion;
    ok.hallName = m_context.core.hallName();
    ok.device = *m_device;
    ok.journalHead = m_context.core.publishedHead();
    ok.serverTimeMs = m_context.core.clock().nowMs();
    send(makeFrame(encodeMessage(ok, frame.requestId)));
    m_context.logger.info(kNet, label() + ": hello from " + hello->clientName + " " + hello->clientVersion);
    return true;
}

void Session::handlePing(const FrameView& frame) {
    const std::optional<PersonRole> person = m_person ? std::optional(m_person->role) : std::nullopt;
    if (const Status access = checkAccess(frame.type, m_device->role, person); !access)
        return sendError(frame.requestId, access.error().code, access.error().message);
    const auto ping = decodeMessage<Ping>(frame);
    if (!ping)
        return sendError(frame.requestId, ErrorCode::MalformedFrame, ping.error().message);
    send(makeFrame(encodeMessage(Pong{ping->nonce, m_context.core.clock().nowMs()}, frame.requestId)));
}

void Session::forward(const FrameView& frame) {
    const MessageType type = frame.type;
    if (type == MessageType::Login || type == MessageType::Logout)
        m_authPending = true;
    ++m_inFlight;
    auto self = shared_from_this();
    auto executor = m_stream.get_executor();
    m_context.core.submit(weak_from_this(), Caller{*m_device, m_person}, type, frame.requestId,
                          std::string(frame.body), [self, executor, type](CoreReply reply) {
                              asio::post(executor, [self, type, reply = std::move(reply)]() mutable {
                                  self->onReply(std::move(reply), type);
                              });
                          });
}

void Session::onReply(CoreReply reply, MessageType type) {
    --m_inFlight;
    if (type == MessageType::Login || type == MessageType::Logout)
        m_authPending = false;
    if (reply.change != SessionChange::None) {
        // Subscriptions were checked against the person before; whoever comes next subscribes afresh.
        m_context.core.detach(this);
        if (reply.change == SessionChange::LoggedIn)
            m_person = reply.person;
        else
            m_person.reset();
    }
    send(std::move(reply.frame));
    m_readerWake.cancel();
}

} // namespace hall::server
