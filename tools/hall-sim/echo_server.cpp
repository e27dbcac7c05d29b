#include "echo_server.h"

#include "protocol/frame.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <openssl/ssl.h>

#include <array>
#include <filesystem>

namespace hall::sim {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using asio::awaitable;
using asio::ip::tcp;

namespace {

constexpr auto kWithError = asio::as_tuple(asio::use_awaitable);

awaitable<void> echoSession(ssl::stream<tcp::socket> stream) {
    auto [handshakeError] = co_await stream.async_handshake(ssl::stream_base::server, kWithError);
    if (handshakeError)
        co_return;
    std::string buffer;
    std::string out;
    std::array<char, 16 * 1024> chunk;
    for (;;) {
        auto [readError, n] = co_await stream.async_read_some(asio::buffer(chunk), kWithError);
        if (readError)
            break;
        buffer.append(chunk.data(), n);
        std::size_t offset = 0;
        for (;;) {
            const DecodeOutcome frame = decodeFrame(std::string_view(buffer).substr(offset));
            if (frame.status == DecodeStatus::NeedMore)
                break;
            if (frame.consumed == 0)
                co_return; // broken framing: nothing after it can be trusted
            out.append(buffer, offset, frame.consumed);
            offset += frame.consumed;
        }
        buffer.erase(0, offset);
        if (out.empty())
            continue;
        auto [writeError, written] = co_await asio::async_write(stream, asio::buffer(out), kWithError);
        out.clear();
        if (writeError)
            break;
    }
    boost::system::error_code ignored;
    stream.lowest_layer().close(ignored);
}

awaitable<void> acceptLoop(asio::io_context& io, tcp::acceptor& acceptor, ssl::context& tls) {
    for (;;) {
        tcp::socket socket(asio::make_strand(io));
        auto [ec] = co_await acceptor.async_accept(socket, kWithError);
        if (ec) {
            if (!acceptor.is_open())
                co_return;
            continue;
        }
        boost::system::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        auto executor = socket.get_executor();
        ssl::stream<tcp::socket> stream(std::move(socket), tls);
        asio::co_spawn(executor, echoSession(std::move(stream)), asio::detached);
    }
}

} // namespace

Result<std::unique_ptr<EchoServer>> EchoServer::start(const std::string& pkiDir, int threads,
                                                      const std::string& address) {
    std::unique_ptr<EchoServer> server(new EchoServer());
    const std::filesystem::path dir(pkiDir);
    server->m_tls = std::make_unique<ssl::context>(ssl::context::tls_server);
    ssl::context& tls = *server->m_tls;
    try {
        tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use |
                        ssl::context::no_compression);
        if (SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION) != 1 ||
            SSL_CTX_set_cipher_list(tls.native_handle(), "ECDHE+AESGCM:ECDHE+CHACHA20") != 1)
            return Error{ErrorCode::Internal, "OpenSSL refused the echo server's TLS settings"};
        tls.use_certificate_chain_file((dir / "server.pem").string());
        tls.use_private_key_file((dir / "server.key").string(), ssl::context::pem);
        tls.load_verify_file((dir / "ca.pem").string());
        tls.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
        tls.set_verify_depth(2);

        server->m_acceptor = std::make_unique<tcp::acceptor>(server->m_io);
        const tcp::endpoint endpoint(asio::ip::make_address(address), 0);
        server->m_acceptor->open(endpoint.protocol());
        server->m_acceptor->set_option(tcp::acceptor::reuse_address(true));
        server->m_acceptor->bind(endpoint);
        server->m_acceptor->listen(asio::socket_base::max_listen_connections);
        server->m_port = server->m_acceptor->local_endpoint().port();
    } catch (const boost::system::system_error& e) {
        return Error{ErrorCode::Unavailable,
                     "cannot start the TLS echo server from " + pkiDir + ": " + e.what()};
    }
    asio::co_spawn(server->m_io, acceptLoop(server->m_io, *server->m_acceptor, tls), asio::detached);
    for (int i = 0; i < std::max(threads, 1); ++i)
        server->m_threads.emplace_back([io = &server->m_io] { io->run(); });
    return server;
}

void EchoServer::stop() {
    if (m_threads.empty())
        return;
    // Sessions end when their peers go; stopping the loop also drops any still open.
    m_io.stop();
    for (auto& thread : m_threads)
        thread.join();
    m_threads.clear();
}

EchoServer::~EchoServer() {
    stop();
}

} // namespace hall::sim
