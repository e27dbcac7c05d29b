#pragma once

#include "protocol/result.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace hall::pki {

/// What hallctl and the server read back from a certificate.
struct CertificateInfo {
    std::string commonName;         ///< subject CN ("" when absent)
    std::string organizationalUnit; ///< subject OU: a device's role name ("" when absent)
    std::string issuerCommonName;
    std::string serial;      ///< lower-case hex, no leading zeros
    std::string fingerprint; ///< lower-case hex SHA-256 of the DER encoding
    std::chrono::sys_seconds notBefore{};
    std::chrono::sys_seconds notAfter{};
    bool isCa = false; ///< basicConstraints CA:TRUE
    std::vector<std::string> dnsNames;
    std::vector<std::string> ipAddresses; ///< as text: "127.0.0.1", "::1"
    std::vector<std::string> uris;
};

/// Lower-case hex SHA-256 of a DER certificate: how the device registry names a certificate. Pure:
/// it hashes the bytes as given.
std::string fingerprintOfDer(std::string_view der);

/// The fingerprint of the first certificate in `pem` (of its DER encoding, as `openssl x509
/// -fingerprint -sha256` shows it, without the colons).
Result<std::string> certificateFingerprint(std::string_view pem);

/// The DER bytes of the first certificate in `pem`.
Result<std::string> certificateDer(std::string_view pem);

Result<CertificateInfo> readCertificate(std::string_view pem);
Result<CertificateInfo> readCertificateDer(std::string_view der);

/// Succeeds when `certificatePem` chains to `caPem` as the only trust anchor: signature, validity
/// period, CA constraints. The error carries OpenSSL's verification reason.
Status verifyIssuedBy(std::string_view certificatePem, std::string_view caPem);

} // namespace hall::pki
