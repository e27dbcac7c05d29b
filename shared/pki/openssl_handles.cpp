#include "pki/openssl_handles.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <climits>

namespace hall::pki {

void OpenSslMemoryDeleter::operator()(void* p) const {
    OPENSSL_free(p);
}

Error opensslError(ErrorCode code, std::string_view what) {
    std::string reasons;
    while (const unsigned long e = ERR_get_error()) {
        const char* reason = ERR_reason_error_string(e);
        std::string text;
        if (reason != nullptr) {
            text = reason;
        } else {
            char buffer[256];
            ERR_error_string_n(e, buffer, sizeof buffer);
            text = buffer;
        }
        if (!reasons.empty())
            reasons += "; ";
        reasons += text;
    }
    std::string message(what);
    if (!reasons.empty())
        message += ": " + reasons;
    return Error{code, std::move(message)};
}

BioPtr memoryBio(std::string_view bytes) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        return nullptr;
    return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

std::string bioContents(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    if (size <= 0 || data == nullptr)
        return {};
    return std::string(data, static_cast<std::size_t>(size));
}

X509Ptr parseCertificatePem(std::string_view pem) {
    BioPtr bio = memoryBio(pem);
    if (!bio)
        return nullptr;
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

X509Ptr parseCertificateDer(std::string_view der) {
    if (der.size() > static_cast<std::size_t>(LONG_MAX))
        return nullptr;
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
    X509Ptr cert(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    // Trailing bytes would mean the fingerprint of `der` is not the fingerprint of this certificate.
    if (cert && cursor != reinterpret_cast<const unsigned char*>(der.data() + der.size()))
        return nullptr;
    return cert;
}

EvpPkeyPtr parsePrivateKeyPem(std::string_view pem) {
    BioPtr bio = memoryBio(pem);
    if (!bio)
        return nullptr;
    // An empty passphrase callback result refuses encrypted keys instead of prompting on the terminal.
    auto noPassphrase = [](char*, int, int, void*) -> int {
        return 0;
    };
    return EvpPkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
}

} // namespace hall::pki
