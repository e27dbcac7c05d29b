#include "qtclient/tls_configuration.h"

#include "qtclient/logging.h"
#include "qtclient/utf8.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace hall::qt {
namespace {

Error fileError(const QString& what, const QString& path, const QString& problem) {
    return Error{ErrorCode::InvalidArgument,
                 toStdString(QStringLiteral("%1 %2: %3").arg(what, path, problem))};
}

Result<QByteArray> readPem(const QString& what, const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(what, path, file.errorString());
    return file.readAll();
}

Result<QList<QSslCertificate>> readCertificates(const QString& what, const QString& path) {
    auto pem = readPem(what, path);
    if (!pem)
        return pem.error();
    QList<QSslCertificate> certificates = QSslCertificate::fromData(*pem, QSsl::Pem);
    certificates.removeIf([](const QSslCertificate& c) { return c.isNull(); });
    if (certificates.isEmpty())
        return fileError(what, path, QStringLiteral("no PEM certificate found"));
    return certificates;
}

Result<QSslKey> readPrivateKey(const QString& path) {
    const QString what = QStringLiteral("device key");
    auto pem = readPem(what, path);
    if (!pem)
        return pem.error();
    // The PEM header does not always name the algorithm (PKCS#8 "PRIVATE KEY"), so try each in turn.
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        QSslKey key(*pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return fileError(what, path, QStringLiteral("no unencrypted PEM private key found"));
}

} // namespace

Result<QSslConfiguration> makeTlsConfiguration(const ConnectionSettings& settings) {
    if (!QSslSocket::supportsSsl())
        return Error{ErrorCode::Unavailable, "this Qt build has no usable TLS backend"};

    auto ca = readCertificates(QStringLiteral("hall CA"), settings.caFile);
    if (!ca)
        return ca.error();
    auto chain = readCertificates(QStringLiteral("device certificate"), settings.certFile);
    if (!chain)
        return chain.error();
    auto key = readPrivateKey(settings.keyFile);
    if (!key)
        return key.error();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (chain->first().expiryDate() < now)
        qCWarning(lcConnection) << "the device certificate expired on" << chain->first().expiryDate();

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Replacing the CA list also turns off loading system roots on demand: only the hall CA is trusted.
    config.setCaCertificates(*ca);
    config.setLocalCertificateChain(*chain);
    config.setPrivateKey(*key);
    return config;
}

} // namespace hall::qt
