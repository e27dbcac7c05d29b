#pragma once

#include "protocol/error.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>
#include <string_view>

namespace hall::pki {

/// Calls an OpenSSL free function; lets every OpenSSL object live in a unique_ptr.
template <auto FreeFunction> struct OpenSslDeleter {
    template <typename T> void operator()(T* object) const { FreeFunction(object); }
};

using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, OpenSslDeleter<X509_NAME_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OpenSslDeleter<X509_STORE_CTX_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, OpenSslDeleter<GENERAL_NAME_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using Asn1StringPtr = std::unique_ptr<ASN1_STRING, OpenSslDeleter<ASN1_STRING_free>>;
using Asn1OctetStringPtr = std::unique_ptr<ASN1_OCTET_STRING, OpenSslDeleter<ASN1_OCTET_STRING_free>>;
using BasicConstraintsPtr = std::unique_ptr<BASIC_CONSTRAINTS, OpenSslDeleter<BASIC_CONSTRAINTS_free>>;

/// Memory allocated by OpenSSL for us (strings from BN_bn2hex, ASN1_STRING_to_UTF8, i2d_*).
struct OpenSslMemoryDeleter {
    void operator()(void* p) const;
};
template <typename T> using OpenSslMemory = std::unique_ptr<T, OpenSslMemoryDeleter>;

/// Drains OpenSSL's error queue into an Error: "<what>: <reason>; <reason>". Call ERR_clear_error()
/// before the operation so older failures do not leak into the message.
Error opensslError(ErrorCode code, std::string_view what);

/// A read-only memory BIO over `bytes` (which must outlive it).
BioPtr memoryBio(std::string_view bytes);
/// Everything written into a memory BIO.
std::string bioContents(BIO* bio);

/// Parses the first PEM certificate in `pem`.
X509Ptr parseCertificatePem(std::string_view pem);
/// Parses a DER certificate; null when `der` is not exactly one certificate.
X509Ptr parseCertificateDer(std::string_view der);
/// Parses an unencrypted PEM private key.
EvpPkeyPtr parsePrivateKeyPem(std::string_view pem);

} // namespace hall::pki
