#include "tls_test_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/write.hpp>

#include <openssl/ssl.h>

namespace hall::test {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using boost::system::error_code;

std::optional<ErrorCode> ReceivedFrame::errorCode() const {
    if (type != MessageType::ErrorReply)
        return std::nullopt;
    auto reply = as<ErrorReply>();
    if (!reply)
        return std::nullopt;
    return reply->code;
}

TlsTestClient::TlsTestClient(std::chrono::milliseconds timeout) : m_timeout(timeout) {}

TlsTestClient::~TlsTestClient() {
    close();
}

template <typename Start> error_code TlsTestClient::runOp(Start start, std::size_t* transferred) {
    std::optional<error_code> result;
    std::size_t bytes = 0;
    start([&](error_code ec, auto... rest) {
        result = ec;
        if constexpr (sizeof...(rest) == 1)
            bytes = (rest, ...);
    });
    m_io.restart();
    m_io.run_for(m_timeout);
    if (!result) {
        // Too slow: cancel and let the operation finish with an error before giving up on it.
        error_code ignored;
        if (m_stream)
            m_stream->lowest_layer().cancel(ignored);
        if (m_plain)
            m_plain->cancel(ignored);
        m_io.restart();
        m_io.run();
        return asio::error::timed_out;
    }
    if (transferred)
        *transferred = bytes;
    return *result;
}

Status TlsTestClient::connect(std::uint16_t port, const DeviceFiles& files) {
    close();
    m_tls = std::make_unique<ssl::context>(ssl::context::tls_client);
    try {
        m_tls->set_verify_mode(ssl::verify_peer);
        m_tls->load_verify_file(files.ca);
        if (!files.certificate.empty()) {
            m_tls->use_certificate_chain_file(files.certificate);
            m_tls->use_private_key_file(files.key, ssl::context::pem);
        }
    } catch (const boost::system::system_error& e) {
        return Error{ErrorCode::InvalidArgument, std::string("client TLS files: ") + e.what()};
    }
    m_stream = std::make_unique<ssl::stream<asio::ip::tcp::socket>>(m_io, *m_tls);
    m_stream->set_verify_callback(ssl::host_name_verification("localhost"));
    SSL_set_tlsext_host_name(m_stream->native_handle(), "localhost");
    m_buffer.clear();

    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    if (const auto ec =
            runOp([&](auto handler) { m_stream->lowest_layer().async_connect(endpoint, handler); }))
        return Error{ErrorCode::Disconnected, "connect: " + ec.message()};
    if (const auto ec =
            runOp([&](auto handler) { m_stream->async_handshake(ssl::stream_base::client, handler); }))
        return Error{ErrorCode::Disconnected, "TLS handshake: " + ec.message()};
    return success();
}

Status TlsTestClient::connectPlain(std::uint16_t port) {
    close();
    m_plain = std::make_unique<asio::ip::tcp::socket>(m_io);
    m_buffer.clear();
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    if (const auto ec = runOp([&](auto handler) { m_plain->async_connect(endpoint, handler); }))
        return Error{ErrorCode::Disconnected, "connect: " + ec.message()};
    return success();
}

Result<HelloOk> TlsTestClient::connectAndHello(std::uint16_t port, const DeviceFiles& files) {
    if (Status connected = connect(port, files); !connected)
        return connected.error();
    auto reply = request(Hello{kProtocolVersion, "integration-test", "1"}, 1);
    if (!reply)
        return reply.error();
    if (auto code = reply->errorCode())
        return Error{*code, reply->as<ErrorReply>()->message};
    return reply->as<HelloOk>();
}

Status TlsTestClient::sendRaw(std::string_view bytes) {
    if (!isOpen())
        return Error{ErrorCode::Disconnected, "not connected"};
    const auto buffer = asio::buffer(bytes.data(), bytes.size());
    const error_code ec = m_stream
                              ? runOp([&](auto handler) { asio::async_write(*m_stream, buffer, handler); })
                              : runOp([&](auto handler) { asio::async_write(*m_plain, buffer, handler); });
    if (ec)
        return Error{ErrorCode::Disconnected, "write: " + ec.message()};
    return success();
}

Result<std::size_t> TlsTestClient::readSome(char* data, std::size_t size) {
    if (!isOpen())
        return Error{ErrorCode::Disconnected, "not connected"};
    std::size_t n = 0;
    const auto buffer = asio::buffer(data, size);
    const error_code ec = m_stream
                              ? runOp([&](auto handler) { m_stream->async_read_some(buffer, handler); }, &n)
                              : runOp([&](auto handler) { m_plain->async_read_some(buffer, handler); }, &n);
    if (ec == asio::error::timed_out)
        return Error{ErrorCode::Timeout, "nothing arrived in time"};
    if (ec)
        return Error{ErrorCode::Disconnected, ec.message()};
    return n;
}

Result<ReceivedFrame> TlsTestClient::readFrame() {
    for (;;) {
        const DecodeOutcome out = decodeFrame(m_buffer);
        if (out.status == DecodeStatus::Complete) {
            ReceivedFrame frame{out.frame.type, out.frame.requestId, std::string(out.frame.body)};
            m_buffer.erase(0, out.consumed);
            return frame;
        }
        if (out.status == DecodeStatus::Malformed)
            return out.error;
        char chunk[16384];
        auto n = readSome(chunk, sizeof chunk);
        if (!n)
            return n.error();
        m_buffer.append(chunk, *n);
    }
}

Result<ReceivedFrame> TlsTestClient::readReply(std::uint64_t requestId) {
    for (;;) {
        auto frame = readFrame();
        if (!frame)
            return frame;
        if (frame->type == MessageType::Event) {
            auto event = frame->as<Event>();
            if (!event)
                return event.error();
            m_events.push_back(std::move(event).value());
            continue;
        }
        if (frame->requestId != requestId)
            return Error{ErrorCode::Internal, "a reply to request " + std::to_string(frame->requestId) +
                                                  " came while waiting for " + std::to_string(requestId)};
        return frame;
    }
}

std::vector<Event> TlsTestClient::takeEvents() {
    return std::exchange(m_events, {});
}

bool TlsTestClient::waitForClose(std::vector<ReceivedFrame>* frames) {
    for (;;) {
        auto frame = readFrame();
        if (!frame)
            return frame.error().code == ErrorCode::Disconnected;
        if (frames)
            frames->push_back(std::move(frame).value());
    }
}

std::string TlsTestClient::plainBytesUntilClose(bool* closed) {
    std::string received;
    for (;;) {
        char chunk[4096];
        auto n = readSome(chunk, sizeof chunk);
        if (!n) {
            *closed = n.error().code == ErrorCode::Disconnected;
            return received;
        }
        received.append(chunk, *n);
    }
}

void TlsTestClient::close() {
    error_code ignored;
    if (m_stream) {
        m_stream->lowest_layer().close(ignored);
        m_stream.reset();
    }
    if (m_plain) {
        m_plain->close(ignored);
        m_plain.reset();
    }
    m_tls.reset();
    m_buffer.clear();
}

bool TlsTestClient::isOpen() const {
    return (m_stream && m_stream->lowest_layer().is_open()) || (m_plain && m_plain->is_open());
}

} // namespace hall::test
