#pragma once

#include "protocol/result.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace hall::sim {

/// The floor under the hall server for the benchmark: a minimal TLS echo server with the hall's own server
/// certificate and CA and hall-server's TLS settings (TLS 1.2 or newer, ECDHE with AES-GCM or ChaCha20,
/// client certificates from the hall CA required). Each connection is one coroutine that reads, cuts the
/// bytes into frames with decodeFrame and writes every complete frame straight back. No hello, no core,
/// no database: what it costs is TLS, framing and Asio, which is what every hall command pays too.
class EchoServer {
public:
    /// Listens on `address` (a local IP) on a free port and serves on `threads` threads until stop() or
    /// destruction.
    static Result<std::unique_ptr<EchoServer>> start(const std::string& pkiDir, int threads,
                                                     const std::string& address = "127.0.0.1");
    ~EchoServer();
    EchoServer(const EchoServer&) = delete;
    EchoServer& operator=(const EchoServer&) = delete;

    std::uint16_t port() const { return m_port; }
    void stop();

private:
    EchoServer() = default;

    // Declared so that the acceptor goes before the loop and the loop (with its sessions) before the context.
    std::unique_ptr<boost::asio::ssl::context> m_tls;
    boost::asio::io_context m_io;
    std::unique_ptr<boost::asio::ip::tcp::acceptor> m_acceptor;
    std::vector<std::thread> m_threads;
    std::uint16_t m_port = 0;
};

} // namespace hall::sim
