#pragma once

#include "protocol/result.h"
#include "protocol/roles.h"

#include <string>
#include <string_view>
#include <vector>

namespace hall::pki {

/// A certificate and its private key, both PEM. The key is unencrypted PKCS#8: keep it in a 0600 file
/// (see pem_file.h).
struct CertifiedKey {
    std::string certificatePem;
    std::string privateKeyPem;
};

inline constexpr int kCaValidityDays = 3650;  ///< the hall CA: ten years
inline constexpr int kLeafValidityDays = 730; ///< server and device certificates: two years

/// The server certificate's common name; clients verify the host against its SANs, not this.
inline constexpr std::string_view kServerCommonName = "hall-server";

/// Extra names for the server certificate, on top of DNS:localhost and IP:127.0.0.1.
struct ServerNames {
    std::vector<std::string> dnsNames;    ///< host names such as "hall.example.gov.cn"
    std::vector<std::string> ipAddresses; ///< IPv4 or IPv6 literals
};

/// Device names: 1-32 characters of A-Z, a-z, 0-9, '.', '_' and '-'.
bool isValidDeviceName(std::string_view name);
/// A DNS host name: dot-separated labels of letters, digits and inner hyphens, 253 characters at most.
bool isValidDnsName(std::string_view name);
/// An IPv4 or IPv6 address literal.
bool isValidIpAddress(std::string_view address);
/// Hall names: 1-45 characters of UTF-8 without control characters (the CA's common name must fit
/// in X.509's 64 characters).
bool isValidHallName(std::string_view hallName);

/// "Sunshine Hall CA — <hall name>".
std::string caCommonName(std::string_view hallName);
/// "urn:sunshine-hall:device:<name>": the URI SAN that names a device.
std::string deviceUri(std::string_view deviceName);

/// Creates the hall's self-signed CA: EC P-256, basicConstraints critical CA:TRUE (path length 0),
/// keyUsage critical keyCertSign and cRLSign, ten years.
Result<CertifiedKey> createHallCa(std::string_view hallName);

/// Issues the hall server's TLS certificate (CN hall-server, SAN DNS:localhost, IP:127.0.0.1 and the
/// extra names, EKU serverAuth, two years), signed by `ca`. Refuses malformed names.
Result<CertifiedKey> issueServerCertificate(const CertifiedKey& ca, const ServerNames& extra = {});

/// Issues a device's client certificate: CN the device name, OU its role name, SAN
/// urn:sunshine-hall:device:<name>, EKU clientAuth, a random 128-bit serial, two years.
Result<CertifiedKey> issueDeviceCertificate(const CertifiedKey& ca, const DeviceIdentity& device);

} // namespace hall::pki
