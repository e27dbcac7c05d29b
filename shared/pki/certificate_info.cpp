#include "pki/certificate_info.h"

#include "pki/openssl_handles.h"

#include <openssl/err.h>
#include <openssl/sha.h>

#include <arpa/inet.h>

#include <cctype>
#include <ctime>

namespace hall::pki {
namespace {

std::string lowerHex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(kDigits[bytes[i] >> 4]);
        out.push_back(kDigits[bytes[i] & 0x0F]);
    }
    return out;
}

std::string nameEntry(const X509_NAME* name, int nid) {
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char* utf8 = nullptr;
    const int size = ASN1_STRING_to_UTF8(&utf8, data);
    if (size < 0)
        return {};
    OpenSslMemory<unsigned char> owned(utf8);
    return std::string(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(size));
}

Result<std::string> serialHex(const X509* cert) {
    BignumPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
    if (!serial)
        return opensslError(ErrorCode::InvalidArgument, "cannot read the serial number");
    OpenSslMemory<char> hex(BN_bn2hex(serial.get()));
    if (!hex)
        return opensslError(ErrorCode::Internal, "cannot format the serial number");
    std::string text(hex.get());
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // BN_bn2hex pads to whole bytes; "0" stays "0".
    const auto firstSignificant = text.find_first_not_of('0');
    if (firstSignificant == std::string::npos)
        return std::string("0");
    return text.substr(firstSignificant);
}

Result<std::chrono::sys_seconds> toSysSeconds(const ASN1_TIME* time, const char* which) {
    std::tm tm{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1)
        return opensslError(ErrorCode::InvalidArgument, std::string("cannot read ") + which);
    return std::chrono::sys_seconds(std::chrono::seconds(timegm(&tm)));
}

std::string ia5Text(const ASN1_IA5STRING* s) {
    return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                       static_cast<std::size_t>(ASN1_STRING_length(s)));
}

std::string ipText(const ASN1_OCTET_STRING* s) {
    const unsigned char* bytes = ASN1_STRING_get0_data(s);
    const int size = ASN1_STRING_length(s);
    char buffer[INET6_ADDRSTRLEN] = {};
    if (size == 4 && inet_ntop(AF_INET, bytes, buffer, sizeof buffer) != nullptr)
        return buffer;
    if (size == 16 && inet_ntop(AF_INET6, bytes, buffer, sizeof buffer) != nullptr)
        return buffer;
    return "(malformed IP address)";
}

void readAltNames(const X509* cert, CertificateInfo& info) {
    GeneralNamesPtr names(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (!names)
        return;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
        switch (name->type) {
        case GEN_DNS:
            info.dnsNames.push_back(ia5Text(name->d.dNSName));
            break;
        case GEN_IPADD:
            info.ipAddresses.push_back(ipText(name->d.iPAddress));
            break;
        case GEN_URI:
            info.uris.push_back(ia5Text(name->d.uniformResourceIdentifier));
            break;
        default:
            break;
        }
    }
}

Result<std::string> derOf(X509* cert) {
    unsigned char* der = nullptr;
    const int size = i2d_X509(cert, &der);
    if (size <= 0)
        return opensslError(ErrorCode::Internal, "cannot encode the certificate as DER");
    OpenSslMemory<unsigned char> owned(der);
    return std::string(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
}

Result<CertificateInfo> describe(X509* cert) {
    CertificateInfo info;
    info.commonName = nameEntry(X509_get_subject_name(cert), NID_commonName);
    info.organizationalUnit = nameEntry(X509_get_subject_name(cert), NID_organizationalUnitName);
    info.issuerCommonName = nameEntry(X509_get_issuer_name(cert), NID_commonName);
    auto serial = serialHex(cert);
    if (!serial)
        return serial.error();
    info.serial = std::move(serial).value();
    auto der = derOf(cert);
    if (!der)
        return der.error();
    info.fingerprint = fingerprintOfDer(der.value());
    auto notBefore = toSysSeconds(X509_get0_notBefore(cert), "the start of the validity period");
    if (!notBefore)
        return notBefore.error();
    auto notAfter = toSysSeconds(X509_get0_notAfter(cert), "the end of the validity period");
    if (!notAfter)
        return notAfter.error();
    info.notBefore = notBefore.value();
    info.notAfter = notAfter.value();
    BasicConstraintsPtr constraints(
        static_cast<BASIC_CONSTRAINTS*>(X509_get_ext_d2i(cert, NID_basic_constraints, nullptr, nullptr)));
    info.isCa = constraints && constraints->ca != 0;
    readAltNames(cert, info);
    return info;
}

} // namespace

std::string fingerprintOfDer(std::string_view der) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(der.data()), der.size(), digest);
    return lowerHex(digest, sizeof digest);
}

Result<std::string> certificateDer(std::string_view pem) {
    ERR_clear_error();
    X509Ptr cert = parseCertificatePem(pem);
    if (!cert)
        return opensslError(ErrorCode::InvalidArgument, "not a PEM certificate");
    return derOf(cert.get());
}

Result<std::string> certificateFingerprint(std::string_view pem) {
    auto der = certificateDer(pem);
    if (!der)
        return der.error();
    return fingerprintOfDer(der.value());
}

Result<CertificateInfo> readCertificate(std::string_view pem) {
    ERR_clear_error();
    X509Ptr cert = parseCertificatePem(pem);
    if (!cert)
        return opensslError(ErrorCode::InvalidArgument, "not a PEM certificate");
    return describe(cert.get());
}

Result<CertificateInfo> readCertificateDer(std::string_view der) {
    ERR_clear_error();
    X509Ptr cert = parseCertificateDer(der);
    if (!cert)
        return opensslError(ErrorCode::InvalidArgument, "not a DER certificate");
    auto info = describe(cert.get());
    // Report the fingerprint of the bytes we were given: the registry knows certificates by those.
    if (info)
        info.value().fingerprint = fingerprintOfDer(der);
    return info;
}

Status verifyIssuedBy(std::string_view certificatePem, std::string_view caPem) {
    ERR_clear_error();
    X509Ptr cert = parseCertificatePem(certificatePem);
    if (!cert)
        return opensslError(ErrorCode::InvalidArgument, "not a PEM certificate");
    X509Ptr ca = parseCertificatePem(caPem);
    if (!ca)
        return opensslError(ErrorCode::InvalidArgument, "not a PEM CA certificate");
    X509StorePtr store(X509_STORE_new());
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_add_cert(store.get(), ca.get()) != 1 ||
        X509_STORE_CTX_init(ctx.get(), store.get(), cert.get(), nullptr) != 1)
        return opensslError(ErrorCode::Internal, "cannot set up certificate verification");
    X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_X509_STRICT);
    if (X509_verify_cert(ctx.get()) != 1) {
        const int code = X509_STORE_CTX_get_error(ctx.get());
        ERR_clear_error();
        return Error{ErrorCode::InvalidArgument,
                     std::string("certificate verification failed: ") + X509_verify_cert_error_string(code)};
    }
    return success();
}

} // namespace hall::pki
