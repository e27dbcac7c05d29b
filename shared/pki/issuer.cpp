#include "pki/issuer.h"

#include "pki/openssl_handles.h"
#include "protocol/wire.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <arpa/inet.h>

#include <functional>

namespace hall::pki {
namespace {

/// Backdating notBefore a little keeps a device whose clock runs slightly behind from rejecting a
/// certificate issued a moment ago.
constexpr long kBackdateSeconds = 5 * 60;

std::size_t codePointCount(std::string_view utf8) {
    std::size_t count = 0;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    return count;
}

Result<EvpPkeyPtr> generateKey() {
    EvpPkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return opensslError(ErrorCode::Internal, "cannot generate an EC P-256 key");
    return key;
}

Status addNameEntry(X509_NAME* name, const char* field, std::string_view value) {
    if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(value.data()),
                                   static_cast<int>(value.size()), -1, 0) != 1)
        return opensslError(ErrorCode::InvalidArgument, std::string("cannot set the subject's ") + field);
    return success();
}

Status addExtension(X509* cert, X509V3_CTX& ctx, int nid, const char* value) {
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        return opensslError(ErrorCode::Internal, std::string("cannot add extension ") + OBJ_nid2sn(nid));
    return success();
}

Result<GeneralNamePtr> ia5Name(int type, std::string_view text) {
    Asn1StringPtr value(ASN1_IA5STRING_new());
    if (!value || ASN1_STRING_set(value.get(), text.data(), static_cast<int>(text.size())) != 1)
        return opensslError(ErrorCode::Internal, "cannot build a subject alternative name");
    GeneralNamePtr name(GENERAL_NAME_new());
    if (!name)
        return opensslError(ErrorCode::Internal, "cannot build a subject alternative name");
    GENERAL_NAME_set0_value(name.get(), type, value.release());
    return name;
}

Result<GeneralNamePtr> ipName(const std::string& address) {
    Asn1OctetStringPtr value(a2i_IPADDRESS(address.c_str()));
    if (!value)
        return opensslError(ErrorCode::InvalidArgument, "not an IP address: " + address);
    GeneralNamePtr name(GENERAL_NAME_new());
    if (!name)
        return opensslError(ErrorCode::Internal, "cannot build a subject alternative name");
    GENERAL_NAME_set0_value(name.get(), GEN_IPADD, value.release());
    return name;
}

/// Builds the subjectAltName from typed names directly, so no user-supplied text passes through
/// OpenSSL's configuration-string parser (where a comma would start a new entry).
class AltNames {
public:
    Status add(Result<GeneralNamePtr> name) {
        if (!name)
            return name.error();
        if (sk_GENERAL_NAME_push(m_names.get(), name.value().get()) == 0)
            return opensslError(ErrorCode::Internal, "cannot build a subject alternative name");
        name.value().release();
        return success();
    }
    Status attachTo(X509* cert) {
        if (X509_add1_ext_i2d(cert, NID_subject_alt_name, m_names.get(), 0, X509V3_ADD_DEFAULT) != 1)
            return opensslError(ErrorCode::Internal, "cannot add the subject alternative name");
        return success();
    }

private:
    GeneralNamesPtr m_names{sk_GENERAL_NAME_new_null()};
};

/// The parts every certificate we issue shares. `issuer` null means self-signed.
struct CertificateSpec {
    X509_NAME* subject = nullptr;
    EVP_PKEY* subjectKey = nullptr;
    X509* issuer = nullptr;
    EVP_PKEY* issuerKey = nullptr;
    int validityDays = kLeafValidityDays;
    /// Adds the extensions; `ctx` already knows issuer and subject.
    std::function<Status(X509*, X509V3_CTX&)> extensions;
};

Status setRandomSerial(X509* cert) {
    BignumPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 128, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1 ||
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) == nullptr)
        return opensslError(ErrorCode::Internal, "cannot make a serial number");
    return success();
}

Result<X509Ptr> buildCertificate(const CertificateSpec& spec) {
    X509Ptr cert(X509_new());
    if (!cert)
        return opensslError(ErrorCode::Internal, "cannot allocate a certificate");
    if (X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return opensslError(ErrorCode::Internal, "cannot set the certificate version");
    if (auto serial = setRandomSerial(cert.get()); !serial)
        return serial.error();
    if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) == nullptr ||
        X509_time_adj_ex(X509_getm_notAfter(cert.get()), spec.validityDays, 0, nullptr) == nullptr)
        return opensslError(ErrorCode::Internal, "cannot set the validity period");
    X509_NAME* issuerName = spec.issuer != nullptr ? X509_get_subject_name(spec.issuer) : spec.subject;
    if (X509_set_subject_name(cert.get(), spec.subject) != 1 ||
        X509_set_issuer_name(cert.get(), issuerName) != 1 ||
        X509_set_pubkey(cert.get(), spec.subjectKey) != 1)
        return opensslError(ErrorCode::Internal, "cannot set the certificate's names and key");

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, spec.issuer != nullptr ? spec.issuer : cert.get(), cert.get(), nullptr, nullptr, 0);
    if (auto added = addExtension(cert.get(), ctx, NID_subject_key_identifier, "hash"); !added)
        return added.error();
    if (auto added = addExtension(cert.get(), ctx, NID_authority_key_identifier, "keyid:always"); !added)
        return added.error();
    if (auto added = spec.extensions(cert.get(), ctx); !added)
        return added.error();

    if (X509_sign(cert.get(), spec.issuerKey, EVP_sha256()) <= 0)
        return opensslError(ErrorCode::Internal, "cannot sign the certificate");
    return cert;
}

Result<std::string> certificateToPem(X509* cert) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return opensslError(ErrorCode::Internal, "cannot write the certificate as PEM");
    return bioContents(bio.get());
}

Result<std::string> privateKeyToPem(EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return opensslError(ErrorCode::Internal, "cannot write the private key as PEM");
    return bioContents(bio.get());
}

Result<CertifiedKey> toPem(X509* cert, EVP_PKEY* key) {
    auto certPem = certificateToPem(cert);
    if (!certPem)
        return certPem.error();
    auto keyPem = privateKeyToPem(key);
    if (!keyPem)
        return keyPem.error();
    return CertifiedKey{std::move(certPem).value(), std::move(keyPem).value()};
}

/// The CA's certificate and key, checked to belong together and to be a CA.
struct LoadedCa {
    X509Ptr cert;
    EvpPkeyPtr key;
};

Result<LoadedCa> loadCa(const CertifiedKey& ca) {
    LoadedCa loaded;
    loaded.cert = parseCertificatePem(ca.certificatePem);
    if (!loaded.cert)
        return opensslError(ErrorCode::InvalidArgument, "cannot read the CA certificate");
    loaded.key = parsePrivateKeyPem(ca.privateKeyPem);
    if (!loaded.key)
        return opensslError(ErrorCode::InvalidArgument, "cannot read the CA private key");
    if (X509_check_private_key(loaded.cert.get(), loaded.key.get()) != 1)
        return opensslError(ErrorCode::InvalidArgument,
                            "the CA private key does not match the CA certificate");
    if (X509_check_ca(loaded.cert.get()) == 0)
        return Error{ErrorCode::InvalidArgument, "the CA certificate is not a certificate authority"};
    return loaded;
}

/// Issues a leaf certificate under `ca` for a fresh key.
Result<CertifiedKey> issueLeaf(const CertifiedKey& ca, X509_NAME* subject,
                               const std::function<Status(X509*, X509V3_CTX&)>& extensions) {
    auto loaded = loadCa(ca);
    if (!loaded)
        return loaded.error();
    auto key = generateKey();
    if (!key)
        return key.error();
    CertificateSpec spec;
    spec.subject = subject;
    spec.subjectKey = key.value().get();
    spec.issuer = loaded.value().cert.get();
    spec.issuerKey = loaded.value().key.get();
    spec.validityDays = kLeafValidityDays;
    spec.extensions = extensions;
    auto cert = buildCertificate(spec);
    if (!cert)
        return cert.error();
    return toPem(cert.value().get(), key.value().get());
}

Status addLeafUsage(X509* cert, X509V3_CTX& ctx, const char* extendedUsage) {
    if (auto added = addExtension(cert, ctx, NID_basic_constraints, "critical,CA:FALSE"); !added)
        return added;
    // ECDSA keys sign the TLS handshake; key agreement is ephemeral, so digitalSignature is all they need.
    if (auto added = addExtension(cert, ctx, NID_key_usage, "critical,digitalSignature"); !added)
        return added;
    return addExtension(cert, ctx, NID_ext_key_usage, extendedUsage);
}

} // namespace

bool isValidDeviceName(std::string_view name) {
    if (name.empty() || name.size() > 32)
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

bool isValidDnsName(std::string_view name) {
    if (name.empty() || name.size() > 253)
        return false;
    std::size_t labelStart = 0;
    while (labelStart <= name.size()) {
        const std::size_t dot = name.find('.', labelStart);
        const std::size_t labelEnd = dot == std::string_view::npos ? name.size() : dot;
        const std::string_view label = name.substr(labelStart, labelEnd - labelStart);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (const char c : label) {
            const bool ok =
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok)
                return false;
        }
        if (dot == std::string_view::npos)
            break;
        labelStart = dot + 1;
    }
    return true;
}

bool isValidIpAddress(std::string_view address) {
    const std::string text(address);
    unsigned char buffer[16];
    return inet_pton(AF_INET, text.c_str(), buffer) == 1 || inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

bool isValidHallName(std::string_view hallName) {
    if (hallName.empty() || !isValidUtf8(hallName) || codePointCount(hallName) > 45)
        return false;
    for (const char c : hallName)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return false;
    return true;
}

std::string caCommonName(std::string_view hallName) {
    return "Sunshine Hall CA \u2014 " + std::string(hallName);
}

std::string deviceUri(std::string_view deviceName) {
    return "urn:sunshine-hall:device:" + std::string(deviceName);
}

Result<CertifiedKey> createHallCa(std::string_view hallName) {
    if (!isValidHallName(hallName))
        return Error{ErrorCode::InvalidArgument,
                     "the hall name must be 1-45 characters of UTF-8 without control characters"};
    ERR_clear_error();
    auto key = generateKey();
    if (!key)
        return key.error();
    X509NamePtr subject(X509_NAME_new());
    if (!subject)
        return opensslError(ErrorCode::Internal, "cannot allocate a name");
    if (auto added = addNameEntry(subject.get(), "CN", caCommonName(hallName)); !added)
        return added.error();

    CertificateSpec spec;
    spec.subject = subject.get();
    spec.subjectKey = key.value().get();
    spec.issuerKey = key.value().get();
    spec.validityDays = kCaValidityDays;
    spec.extensions = [](X509* cert, X509V3_CTX& ctx) -> Status {
        // Path length 0: the hall CA signs end-entity certificates only, never another CA.
        if (auto added = addExtension(cert, ctx, NID_basic_constraints, "critical,CA:TRUE,pathlen:0"); !added)
            return added;
        return addExtension(cert, ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    };
    auto cert = buildCertificate(spec);
    if (!cert)
        return cert.error();
    return toPem(cert.value().get(), key.value().get());
}

Result<CertifiedKey> issueServerCertificate(const CertifiedKey& ca, const ServerNames& extra) {
    for (const auto& name : extra.dnsNames)
        if (!isValidDnsName(name))
            return Error{ErrorCode::InvalidArgument, "not a valid DNS name: " + name};
    for (const auto& address : extra.ipAddresses)
        if (!isValidIpAddress(address))
            return Error{ErrorCode::InvalidArgument, "not a valid IP address: " + address};
    ERR_clear_error();
    X509NamePtr subject(X509_NAME_new());
    if (!subject)
        return opensslError(ErrorCode::Internal, "cannot allocate a name");
    if (auto added = addNameEntry(subject.get(), "CN", kServerCommonName); !added)
        return added.error();

    return issueLeaf(ca, subject.get(), [&extra](X509* cert, X509V3_CTX& ctx) -> Status {
        if (auto usage = addLeafUsage(cert, ctx, "serverAuth"); !usage)
            return usage;
        AltNames names;
        if (auto added = names.add(ia5Name(GEN_DNS, "localhost")); !added)
            return added;
        if (auto added = names.add(ipName("127.0.0.1")); !added)
            return added;
        for (const auto& name : extra.dnsNames)
            if (name != "localhost")
                if (auto added = names.add(ia5Name(GEN_DNS, name)); !added)
                    return added;
        for (const auto& address : extra.ipAddresses)
            if (address != "127.0.0.1")
                if (auto added = names.add(ipName(address)); !added)
                    return added;
        return names.attachTo(cert);
    });
}

Result<CertifiedKey> issueDeviceCertificate(const CertifiedKey& ca, const DeviceIdentity& device) {
    if (!isValidDeviceName(device.name))
        return Error{ErrorCode::InvalidArgument,
                     "device names are 1-32 characters of A-Z, a-z, 0-9, '.', '_' and '-': " + device.name};
    const std::string_view roleName = deviceRoleName(device.role);
    if (!deviceRoleFromName(roleName))
        return Error{ErrorCode::InvalidArgument, "unknown device role"};
    ERR_clear_error();
    X509NamePtr subject(X509_NAME_new());
    if (!subject)
        return opensslError(ErrorCode::Internal, "cannot allocate a name");
    if (auto added = addNameEntry(subject.get(), "OU", roleName); !added)
        return added.error();
    if (auto added = addNameEntry(subject.get(), "CN", device.name); !added)
        return added.error();

    const std::string uri = deviceUri(device.name);
    return issueLeaf(ca, subject.get(), [&uri](X509* cert, X509V3_CTX& ctx) -> Status {
        if (auto usage = addLeafUsage(cert, ctx, "clientAuth"); !usage)
            return usage;
        AltNames names;
        if (auto added = names.add(ia5Name(GEN_URI, uri)); !added)
            return added;
        return names.attachTo(cert);
    });
}

} // namespace hall::pki
