#pragma once

// A blocking TLS client for integration tests: it speaks the hall protocol to a real hall-server over real
// TLS with Boost.Asio, and every operation gives up after a timeout instead of hanging the test.

#include "protocol/messages.h"
#include "protocol/result.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hall::test {

/// A device's files as `hallctl device add --out` writes them. An empty certificate means "present no
/// client certificate".
struct DeviceFiles {
    std::string certificate; ///< device.pem
    std::string key;         ///< device.key
    std::string ca;          ///< ca.pem: the hall CA the server certificate must chain to
};

/// One frame read off the connection, owning its body.
struct ReceivedFrame {
    MessageType type = MessageType::ErrorReply;
    std::uint64_t requestId = 0;
    std::string body;

    template <typename M> Result<M> as() const { return decodeMessage<M>(FrameView{type, requestId, body}); }
    /// The ErrorReply's code, or nothing for any other frame.
    std::optional<ErrorCode> errorCode() const;
};

class TlsTestClient {
public:
    explicit TlsTestClient(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    ~TlsTestClient();
    TlsTestClient(const TlsTestClient&) = delete;
    TlsTestClient& operator=(const TlsTestClient&) = delete;

    /// TCP connect and TLS handshake, verifying the server against `files.ca` (as "localhost").
    Status connect(std::uint16_t port, const DeviceFiles& files);
    /// TCP only, no TLS: for checking that plaintext is refused.
    Status connectPlain(std::uint16_t port);

    /// connect(), then Hello and its HelloOk.
    Result<HelloOk> connectAndHello(std::uint16_t port, const DeviceFiles& files);

    Status sendRaw(std::string_view bytes);
    template <typename M> Status send(const M& message, std::uint64_t requestId) {
        return sendRaw(encodeMessage(message, requestId));
    }

    /// The next frame; Error{Disconnected} when the server closed, Error{Timeout} when nothing came.
    Result<ReceivedFrame> readFrame();
    /// Sends and reads frames until the one answering `requestId` arrives. Events read on the way are
    /// kept for takeEvents().
    template <typename M> Result<ReceivedFrame> request(const M& message, std::uint64_t requestId) {
        if (Status sent = send(message, requestId); !sent)
            return sent.error();
        return readReply(requestId);
    }
    Result<ReceivedFrame> readReply(std::uint64_t requestId);
    /// Events read while waiting for replies, oldest first; clears the list.
    std::vector<Event> takeEvents();

    /// Reads until the server closes the connection. True when it closed within the timeout; the frames
    /// that came first are appended to `frames` when given.
    bool waitForClose(std::vector<ReceivedFrame>* frames = nullptr);
    /// The raw bytes a plaintext connection received before it closed.
    std::string plainBytesUntilClose(bool* closed);

    void close();
    bool isOpen() const;

private:
    template <typename Start>
    boost::system::error_code runOp(Start start, std::size_t* transferred = nullptr);
    Result<std::size_t> readSome(char* data, std::size_t size);

    std::chrono::milliseconds m_timeout;
    boost::asio::io_context m_io;
    std::unique_ptr<boost::asio::ssl::context> m_tls;
    std::unique_ptr<boost::asio::ssl::stream<boost::asio::ip::tcp::socket>> m_stream;
    std::unique_ptr<boost::asio::ip::tcp::socket> m_plain;
    std::string m_buffer;
    std::vector<Event> m_events;
};

} // namespace hall::test
