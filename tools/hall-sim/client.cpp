#include "client.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <openssl/ssl.h>

#include <array>

namespace hall::sim {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using asio::awaitable;
using asio::ip::tcp;

namespace {
constexpr auto kWithError = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kReadChunk = 16 * 1024;

Error disconnected(const std::string& why) {
    return Error{ErrorCode::Disconnected, why};
}
} // namespace

Result<std::shared_ptr<ssl::context>>
makeClientTlsContext(const std::string& caFile, const std::string& certFile, const std::string& keyFile) {
    auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
    try {
        context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                             ssl::context::no_compression);
        if (SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION) != 1)
            return Error{ErrorCode::Internal, "OpenSSL refused TLS 1.2 as the minimum version"};
        // Only the hall's own CA: a server certificate from anywhere else is refused.
        context->load_verify_file(caFile);
        context->use_certificate_chain_file(certFile);
        context->use_private_key_file(keyFile, ssl::context::pem);
        if (SSL_CTX_check_private_key(context->native_handle()) != 1)
            return Error{ErrorCode::InvalidArgument, keyFile + " does not belong to " + certFile};
    } catch (const boost::system::system_error& e) {
        return Error{ErrorCode::InvalidArgument, "cannot load the device's TLS files (" + caFile + ", " +
                                                     certFile + ", " + keyFile + "): " + e.what()};
    }
    return context;
}

std::shared_ptr<Client> Client::create(asio::any_io_executor executor, std::shared_ptr<ssl::context> tls,
                                       ClientOptions options) {
    return std::shared_ptr<Client>(new Client(std::move(executor), std::move(tls), std::move(options)));
}

Client::Client(asio::any_io_executor executor, std::shared_ptr<ssl::context> tls, ClientOptions options)
    : m_executor(std::move(executor)), m_tls(std::move(tls)), m_options(std::move(options)),
      m_stream(m_executor, *m_tls), m_random(std::random_device{}()), m_eventWake(m_executor) {}

Client::~Client() = default;

awaitable<Status> Client::connect(std::string host, std::uint16_t port) {
    auto self = shared_from_this();
    tcp::resolver resolver(m_executor);
    auto [resolveError, endpoints] = co_await resolver.async_resolve(host, std::to_string(port), kWithError);
    if (resolveError)
        co_return Error{ErrorCode::Unavailable, "cannot resolve " + host + ": " + resolveError.message()};

    // One deadline for connect and handshake: when it passes, the socket is closed under them.
    auto timedOut = std::make_shared<bool>(false);
    asio::steady_timer deadline(m_executor, m_options.connectTimeout);
    deadline.async_wait([self, timedOut](boost::system::error_code ec) {
        if (ec)
            return;
        *timedOut = true;
        boost::system::error_code ignored;
        self->m_stream.lowest_layer().close(ignored);
    });

    const std::string where = host + ":" + std::to_string(port);
    auto [connectError, endpoint] =
        co_await asio::async_connect(m_stream.lowest_layer(), endpoints, kWithError);
    if (connectError) {
        deadline.cancel();
        co_return Error{*timedOut ? ErrorCode::Timeout : ErrorCode::Unavailable,
                        "cannot connect to " + where + ": " + connectError.message()};
    }
    boost::system::error_code ignored;
    // Requests are small and latency matters more than packet count.
    m_stream.lowest_layer().set_option(tcp::no_delay(true), ignored);

    m_stream.set_verify_mode(ssl::verify_peer);
    m_stream.set_verify_callback(ssl::host_name_verification(host));
    auto [handshakeError] = co_await m_stream.async_handshake(ssl::stream_base::client, kWithError);
    deadline.cancel();
    if (handshakeError) {
        m_stream.lowest_layer().close(ignored);
        co_return Error{*timedOut ? ErrorCode::Timeout : ErrorCode::Unavailable,
                        "TLS handshake with " + where + " failed: " + handshakeError.message()};
    }

    m_open = true;
    asio::co_spawn(
        m_executor, [self] { return self->readLoop(); }, asio::detached);
    co_return success();
}

std::string Client::tlsVersion() {
    const char* version = SSL_get_version(m_stream.native_handle());
    return version ? version : "";
}

awaitable<Result<HelloOk>> Client::hello() {
    auto self = shared_from_this();
    Hello hello;
    hello.clientName = m_options.clientName;
    hello.clientVersion = m_options.clientVersion;
    auto answer = co_await request(hello);
    if (answer)
        m_helloOk = *answer;
    co_return answer;
}

awaitable<Result<LoginOk>> Client::login(std::string username, std::string password) {
    auto self = shared_from_this();
    // GCC 12 may destroy a temporary in a co_await expression twice: every argument is a named local.
    const Login message{std::move(username), std::move(password)};
    auto answer = co_await request(message);
    co_return answer;
}

awaitable<Result<SubscribeOk>> Client::subscribe(std::vector<std::string> topics, std::uint64_t afterSeq) {
    auto self = shared_from_this();
    const Subscribe message{std::move(topics), afterSeq};
    auto answer = co_await request(message);
    co_return answer;
}

awaitable<Result<Pong>> Client::ping() {
    auto self = shared_from_this();
    const Ping message{m_random()};
    auto answer = co_await request(message);
    co_return answer;
}

bool Client::isMutating(MessageType type) {
    const AccessRule* rule = accessRuleFor(type);
    return rule && rule->mutating;
}

std::uint64_t Client::newRequestId(bool mutating) {
    std::uint64_t id = 0;
    do {
        if (mutating) {
            id = m_random();
        } else {
            id = m_nextReadId++;
            if (m_nextReadId == 0)
                m_nextReadId = 1;
        }
    } while (id == 0 || m_pending.contains(id));
    return id;
}

awaitable<Result<ReceivedFrame>> Client::callFrame(std::string frame, std::uint64_t requestId) {
    auto self = shared_from_this();
    if (!m_open)
        co_return m_closeError ? *m_closeError : disconnected("the connection is closed");
    if (requestId == 0)
        co_return Error{ErrorCode::InvalidArgument, "request id 0 is reserved for events"};
    auto pending = std::make_shared<Pending>(m_executor);
    if (!m_pending.emplace(requestId, pending).second)
        co_return Error{ErrorCode::InvalidArgument,
                        "request id " + std::to_string(requestId) + " is already in flight"};
    pending->timer.expires_after(m_options.requestTimeout);
    send(std::move(frame));
    while (!pending->answer) {
        auto [ec] = co_await pending->timer.async_wait(kWithError);
        if (!ec)
            break; // the deadline passed
    }
    if (!pending->answer) {
        m_pending.erase(requestId);
        co_return Error{ErrorCode::Timeout, "no answer to request " + std::to_string(requestId) + " within " +
                                                std::to_string(m_options.requestTimeout.count()) + " ms"};
    }
    co_return std::move(*pending->answer);
}

awaitable<Result<ReceivedEvent>> Client::nextEvent(std::chrono::milliseconds timeout) {
    auto self = shared_from_this();
    if (m_events.empty() && m_open) {
        m_eventWake.expires_after(timeout);
        co_await m_eventWake.async_wait(kWithError);
    }
    if (!m_events.empty()) {
        ReceivedEvent event = std::move(m_events.front());
        m_events.pop_front();
        co_return event;
    }
    if (!m_open)
        co_return m_closeError ? *m_closeError : disconnected("the connection is closed");
    co_return Error{ErrorCode::Timeout, "no event within " + std::to_string(timeout.count()) + " ms"};
}

void Client::close() {
    fail(disconnected("closed by the client"));
}

// ---- writing ---------------------------------------------------------------------------------------------

void Client::send(std::string frame) {
    m_outbox += frame;
    if (m_writing)
        return;
    m_writing = true;
    asio::co_spawn(
        m_executor, [self = shared_from_this()] { return self->writeLoop(); }, asio::detached);
}

awaitable<void> Client::writeLoop() {
    auto self = shared_from_this();
    std::string sending;
    // Everything queued while a write was in flight goes out together in the next one.
    while (m_open && !m_outbox.empty()) {
        sending.swap(m_outbox);
        m_outbox.clear();
        auto [ec, written] = co_await asio::async_write(m_stream, asio::buffer(sending), kWithError);
        sending.clear();
        if (ec) {
            fail(disconnected("write failed: " + ec.message()));
            break;
        }
    }
    m_outbox.clear();
    m_writing = false;
}

// ---- reading ---------------------------------------------------------------------------------------------

awaitable<void> Client::readLoop() {
    auto self = shared_from_this();
    std::string buffer;
    std::array<char, kReadChunk> chunk;
    while (m_open) {
        auto [ec, n] = co_await m_stream.async_read_some(asio::buffer(chunk), kWithError);
        if (ec) {
            const bool normal = ec == asio::error::eof || ec == ssl::error::stream_truncated ||
                                ec == asio::error::operation_aborted;
            fail(disconnected(normal ? "the server closed the connection" : "read failed: " + ec.message()));
            co_return;
        }
        const auto arrivedAt = SteadyClock::now();
        buffer.append(chunk.data(), n);
        std::size_t offset = 0;
        while (m_open) {
            const DecodeOutcome out = decodeFrame(std::string_view(buffer).substr(offset));
            if (out.status == DecodeStatus::NeedMore)
                break;
            if (out.status == DecodeStatus::Malformed && out.consumed == 0) {
                fail(
                    Error{ErrorCode::MalformedFrame, "the server sent a broken frame: " + out.error.message});
                co_return;
            }
            offset += out.consumed;
            if (out.status == DecodeStatus::Malformed)
                continue; // a type this build does not know: skip it, the framing is intact
            onFrame(
                ReceivedFrame{out.frame.type, out.frame.requestId, std::string(out.frame.body), arrivedAt});
        }
        buffer.erase(0, offset);
    }
}

void Client::onFrame(ReceivedFrame frame) {
    if (frame.requestId == 0) {
        if (frame.type == MessageType::Event) {
            onEvent(frame);
        } else if (frame.type == MessageType::ErrorReply) {
            // The server speaks on id 0 only to say why it is about to close the connection.
            if (auto error = ErrorReply::decode(frame.body))
                m_closeError = Error{error->code, error->message};
        }
        return;
    }
    const auto it = m_pending.find(frame.requestId);
    if (it == m_pending.end())
        return; // its caller gave up waiting
    const std::shared_ptr<Pending> pending = std::move(it->second);
    m_pending.erase(it);
    pending->answer.emplace(std::move(frame));
    pending->timer.cancel();
}

void Client::onEvent(const ReceivedFrame& frame) {
    auto event = Event::decode(frame.body);
    if (!event)
        return;
    ReceivedEvent received{std::move(event).value(), frame.arrivedAt, std::chrono::system_clock::now()};
    if (m_eventHandler) {
        m_eventHandler(received);
        return;
    }
    if (m_events.size() >= m_options.maxQueuedEvents)
        m_events.pop_front();
    m_events.push_back(std::move(received));
    m_eventWake.cancel();
}

void Client::fail(const Error& error) {
    const Error reason = m_closeError ? *m_closeError : error;
    if (m_open) {
        m_open = false;
        boost::system::error_code ignored;
        m_stream.lowest_layer().close(ignored);
    }
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto& [id, waiter] : pending) {
        waiter->answer.emplace(reason);
        waiter->timer.cancel();
    }
    m_eventWake.cancel();
}

} // namespace hall::sim
