#pragma once

#include "protocol/result.h"

#include <boost/asio/ssl/context.hpp>

#include <memory>
#include <string>

typedef struct ssl_st SSL;

namespace hall::server {

/// The hall server's TLS setup: TLS 1.2 at least (1.3 preferred), forward-secret AEAD ciphers only,
/// the server certificate and key from PKI_DIR/server.pem and server.key, and client certificates
/// required and verified against PKI_DIR/ca.pem alone (the hall CA; no system trust store). A peer
/// without a certificate from the hall CA, or one speaking plaintext, fails the handshake.
Result<std::unique_ptr<boost::asio::ssl::context>> makeServerTlsContext(const std::string& pkiDir);

/// Lower-case hex SHA-256 of the peer certificate's DER encoding (as DeviceRegistry stores it); empty
/// when there is no peer certificate.
std::string peerCertificateFingerprint(SSL* ssl);

} // namespace hall::server
