#include "net/tls_context.h"

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <filesystem>

namespace hall::server {

namespace ssl = boost::asio::ssl;

Result<std::unique_ptr<ssl::context>> makeServerTlsContext(const std::string& pkiDir) {
    const std::filesystem::path dir(pkiDir);
    const std::string certFile = (dir / "server.pem").string();
    const std::string keyFile = (dir / "server.key").string();
    const std::string caFile = (dir / "ca.pem").string();
    for (const auto& file : {certFile, keyFile, caFile})
        if (!std::filesystem::exists(file))
            return Error{ErrorCode::NotFound, "missing " + file + " (run hallctl init first)"};

    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    try {
        context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                             ssl::context::single_dh_use | ssl::context::no_compression);
        SSL_CTX* native = context->native_handle();
        if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
            SSL_CTX_set_cipher_list(native, "ECDHE+AESGCM:ECDHE+CHACHA20") != 1)
            return Error{ErrorCode::Internal, "OpenSSL refused the protocol or cipher settings"};
        context->use_certificate_chain_file(certFile);
        context->use_private_key_file(keyFile, ssl::context::pem);
        if (SSL_CTX_check_private_key(native) != 1)
            return Error{ErrorCode::InvalidArgument, keyFile + " does not belong to " + certFile};
        context->load_verify_file(caFile);
        // Tell clients which CA we accept, so a device with several certificates picks the right one.
        if (STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(caFile.c_str()))
            SSL_CTX_set_client_CA_list(native, names);
        context->set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
        context->set_verify_depth(2);
    } catch (const boost::system::system_error& e) {
        return Error{ErrorCode::InvalidArgument,
                     "cannot load the server's TLS files from " + pkiDir + ": " + e.what()};
    }
    return context;
}

std::string peerCertificateFingerprint(SSL* ssl) {
    X509* cert = SSL_get0_peer_certificate(ssl);
    if (!cert)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(cert, EVP_sha256(), digest, &length) != 1)
        return {};
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kDigits[digest[i] >> 4]);
        hex.push_back(kDigits[digest[i] & 0x0f]);
    }
    return hex;
}

} // namespace hall::server
