#include "pki/certificate_info.h"
#include "pki/issuer.h"
#include "pki/openssl_handles.h"
#include "pki/pem_file.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/x509v3.h>

#include <sys/stat.h>

using namespace hall;
using namespace hall::pki;
using namespace std::chrono;

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

template <typename T> T take(Result<T> result) {
    if (!result)
        qFatal("unexpected failure: %s", result.error().message.c_str());
    return std::move(result).value();
}

days daysBetween(sys_seconds from, sys_seconds to) {
    return duration_cast<days>(to - from);
}

bool extensionIsCritical(X509* cert, int nid) {
    const int index = X509_get_ext_by_NID(cert, nid, -1);
    return index >= 0 && X509_EXTENSION_get_critical(X509_get_ext(cert, index)) == 1;
}

struct Openssl {
    int exitCode = -1;
    QString output;
};

Openssl runOpenssl(const QStringList& args) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

DeviceIdentity tablet() {
    return DeviceIdentity{DeviceRole::Tablet, "tablet-2-07", "2-07", 2};
}

} // namespace

class TestPki : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        m_ca = take(createHallCa("Puyang Sunshine Building"));
        m_foreignCa = take(createHallCa("Somewhere Else"));
        QVERIFY(m_dir.isValid());
    }

    void caCertificateFields() {
        const CertificateInfo info = take(readCertificate(m_ca.certificatePem));
        QCOMPARE(qs(info.commonName), QStringLiteral("Sunshine Hall CA \u2014 Puyang Sunshine Building"));
        QCOMPARE(info.issuerCommonName, info.commonName);
        QVERIFY(info.isCa);
        QCOMPARE(daysBetween(info.notBefore, info.notAfter).count(), kCaValidityDays);
        const auto now = time_point_cast<seconds>(system_clock::now());
        QVERIFY(info.notBefore <= now);
        QVERIFY(info.notAfter > now + days(kCaValidityDays - 1));

        X509Ptr cert = parseCertificatePem(m_ca.certificatePem);
        QVERIFY(cert);
        QVERIFY(extensionIsCritical(cert.get(), NID_basic_constraints));
        QVERIFY(extensionIsCritical(cert.get(), NID_key_usage));
        QCOMPARE(X509_get_key_usage(cert.get()), std::uint32_t(KU_KEY_CERT_SIGN | KU_CRL_SIGN));
        QVERIFY(X509_check_ca(cert.get()) != 0);
        QCOMPARE(X509_get_signature_nid(cert.get()), NID_ecdsa_with_SHA256);
        EVP_PKEY* key = X509_get0_pubkey(cert.get());
        QVERIFY(EVP_PKEY_is_a(key, "EC"));
        char group[64] = {};
        QVERIFY(EVP_PKEY_get_group_name(key, group, sizeof group, nullptr) == 1);
        QCOMPARE(QLatin1StringView(group), QLatin1StringView("prime256v1"));
    }

    void hallNameIsValidated() {
        for (const std::string_view bad :
             {std::string_view(""), std::string_view("tab\there"), std::string_view("\xff\xfe"),
              std::string_view(std::string(46, 'x'))}) {
            auto ca = createHallCa(bad);
            QVERIFY(!ca);
            QCOMPARE(ca.error().code, ErrorCode::InvalidArgument);
        }
        // 45 Chinese characters fit: the limit counts characters, not bytes.
        std::string wide;
        for (int i = 0; i < 45; ++i)
            wide += "\u9633";
        QVERIFY(createHallCa(wide).ok());
    }

    void serverCertificateFields() {
        ServerNames extra{{"hall.example.gov.cn", "localhost"}, {"10.0.2.15", "::1"}};
        const CertifiedKey server = take(issueServerCertificate(m_ca, extra));
        const CertificateInfo info = take(readCertificate(server.certificatePem));
        QCOMPARE(info.commonName, std::string(kServerCommonName));
        QCOMPARE(qs(info.issuerCommonName),
                 QStringLiteral("Sunshine Hall CA \u2014 Puyang Sunshine Building"));
        QVERIFY(!info.isCa);
        QCOMPARE(info.dnsNames, (std::vector<std::string>{"localhost", "hall.example.gov.cn"}));
        QCOMPARE(info.ipAddresses, (std::vector<std::string>{"127.0.0.1", "10.0.2.15", "::1"}));
        QCOMPARE(daysBetween(info.notBefore, info.notAfter).count(), kLeafValidityDays);

        X509Ptr cert = parseCertificatePem(server.certificatePem);
        QVERIFY(cert);
        QCOMPARE(X509_get_extended_key_usage(cert.get()), std::uint32_t(XKU_SSL_SERVER));
        QVERIFY(X509_check_host(cert.get(), "localhost", 0, 0, nullptr) == 1);
        QVERIFY(X509_check_ip_asc(cert.get(), "127.0.0.1", 0) == 1);
        QVERIFY(X509_check_ip_asc(cert.get(), "10.0.2.15", 0) == 1);
        QVERIFY(X509_check_host(cert.get(), "other.example", 0, 0, nullptr) != 1);
        QVERIFY(verifyIssuedBy(server.certificatePem, m_ca.certificatePem).ok());

        EvpPkeyPtr key = parsePrivateKeyPem(server.privateKeyPem);
        QVERIFY(key);
        QCOMPARE(X509_check_private_key(cert.get(), key.get()), 1);
    }

    void serverNamesAreValidated() {
        for (const auto& names :
             {ServerNames{{"bad,name"}, {}}, ServerNames{{"-leading.example"}, {}}, ServerNames{{""}, {}},
              ServerNames{{}, {"300.1.1.1"}}, ServerNames{{}, {"localhost"}}}) {
            auto server = issueServerCertificate(m_ca, names);
            QVERIFY(!server);
            QCOMPARE(server.error().code, ErrorCode::InvalidArgument);
        }
    }

    void deviceCertificateFields() {
        const CertifiedKey device = take(issueDeviceCertificate(m_ca, tablet()));
        const CertificateInfo info = take(readCertificate(device.certificatePem));
        QCOMPARE(info.commonName, std::string("tablet-2-07"));
        QCOMPARE(info.organizationalUnit, std::string("tablet"));
        QCOMPARE(info.uris, (std::vector<std::string>{"urn:sunshine-hall:device:tablet-2-07"}));
        QVERIFY(info.dnsNames.empty());
        QVERIFY(!info.isCa);
        QCOMPARE(daysBetween(info.notBefore, info.notAfter).count(), kLeafValidityDays);
        // 128 random bits with the top bit set: always 32 hex digits.
        QCOMPARE(info.serial.size(), std::size_t(32));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(qs(info.serial)).hasMatch());

        X509Ptr cert = parseCertificatePem(device.certificatePem);
        QVERIFY(cert);
        QCOMPARE(X509_get_extended_key_usage(cert.get()), std::uint32_t(XKU_SSL_CLIENT));
        QVERIFY(extensionIsCritical(cert.get(), NID_basic_constraints));

        const CertificateInfo again =
            take(readCertificate(take(issueDeviceCertificate(m_ca, tablet())).certificatePem));
        QVERIFY(again.serial != info.serial);
        QVERIFY(again.fingerprint != info.fingerprint);
    }

    void deviceIdentityIsValidated() {
        for (const char* bad : {"", "has space", "slash/name", "x23456789012345678901234567890123", "\xe9"}) {
            auto device = issueDeviceCertificate(m_ca, DeviceIdentity{DeviceRole::Kiosk, bad, {}, 1});
            QVERIFY2(!device, bad);
            QCOMPARE(device.error().code, ErrorCode::InvalidArgument);
        }
        auto unknownRole =
            issueDeviceCertificate(m_ca, DeviceIdentity{static_cast<DeviceRole>(99), "k1", {}, 0});
        QVERIFY(!unknownRole);
        QVERIFY(isValidDeviceName("K-1F-01"));
        QVERIFY(isValidDeviceName("clerk_2.07"));
    }

    void issuingNeedsAMatchingCaKey() {
        CertifiedKey mismatched{m_ca.certificatePem, m_foreignCa.privateKeyPem};
        auto device = issueDeviceCertificate(mismatched, tablet());
        QVERIFY(!device);
        QCOMPARE(device.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(device.error().message.find("does not match") != std::string::npos,
                 device.error().message.c_str());

        const CertifiedKey leaf = take(issueDeviceCertificate(m_ca, tablet()));
        auto fromLeaf = issueDeviceCertificate(leaf, tablet());
        QVERIFY(!fromLeaf);
        QVERIFY(fromLeaf.error().message.find("not a certificate authority") != std::string::npos);
    }

    void garbageIsReportedWithOpensslsReason() {
        auto info = readCertificate("not a certificate");
        QVERIFY(!info);
        QCOMPARE(info.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(info.error().message.find("no start line") != std::string::npos,
                 info.error().message.c_str());

        auto issued = issueDeviceCertificate(CertifiedKey{m_ca.certificatePem, "garbage"}, tablet());
        QVERIFY(!issued);
        QVERIFY2(issued.error().message.find("CA private key") != std::string::npos,
                 issued.error().message.c_str());

        QVERIFY(!readCertificateDer("\x30\x03\x02\x01\x01"));
    }

    void chainVerification() {
        const CertifiedKey device = take(issueDeviceCertificate(m_ca, tablet()));
        QVERIFY(verifyIssuedBy(device.certificatePem, m_ca.certificatePem).ok());
        QVERIFY(verifyIssuedBy(m_ca.certificatePem, m_ca.certificatePem).ok());

        auto foreign = verifyIssuedBy(device.certificatePem, m_foreignCa.certificatePem);
        QVERIFY(!foreign);
        QVERIFY2(foreign.error().message.find("verification failed") != std::string::npos,
                 foreign.error().message.c_str());

        const CertifiedKey foreignDevice = take(issueDeviceCertificate(m_foreignCa, tablet()));
        QVERIFY(!verifyIssuedBy(foreignDevice.certificatePem, m_ca.certificatePem));
        QVERIFY(!verifyIssuedBy(device.certificatePem, "garbage"));
    }

    void fingerprintMatchesOpensslCli() {
        const CertifiedKey device = take(issueDeviceCertificate(m_ca, tablet()));
        const QString path = m_dir.filePath(QStringLiteral("fingerprint.pem"));
        QVERIFY(writeCertificateFile(path.toStdString(), device.certificatePem).ok());

        const Openssl cli =
            runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), path, QStringLiteral("-noout"),
                        QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
        QCOMPARE(cli.exitCode, 0);
        // "sha256 Fingerprint=AB:CD:..." (the label's spelling differs between OpenSSL versions).
        const qsizetype eq = cli.output.indexOf(QLatin1Char('='));
        QVERIFY2(eq > 0, qPrintable(cli.output));
        const QString normalised = cli.output.mid(eq + 1).trimmed().remove(QLatin1Char(':')).toLower();

        const std::string fingerprint = take(certificateFingerprint(device.certificatePem));
        QCOMPARE(qs(fingerprint), normalised);
        QCOMPARE(fingerprint.size(), std::size_t(64));
        QCOMPARE(take(readCertificate(device.certificatePem)).fingerprint, fingerprint);

        const std::string der = take(certificateDer(device.certificatePem));
        QCOMPARE(fingerprintOfDer(der), fingerprint);
        QCOMPARE(take(readCertificateDer(der)).fingerprint, fingerprint);
        QCOMPARE(take(readCertificateDer(der)).commonName, std::string("tablet-2-07"));
    }

    void opensslVerifyAcceptsOurCertificates() {
        const QString caPath = m_dir.filePath(QStringLiteral("verify-ca.pem"));
        const QString devicePath = m_dir.filePath(QStringLiteral("verify-device.pem"));
        const QString serverPath = m_dir.filePath(QStringLiteral("verify-server.pem"));
        const QString foreignPath = m_dir.filePath(QStringLiteral("verify-foreign.pem"));
        QVERIFY(writeCertificateFile(caPath.toStdString(), m_ca.certificatePem).ok());
        QVERIFY(writeCertificateFile(devicePath.toStdString(),
                                     take(issueDeviceCertificate(m_ca, tablet())).certificatePem)
                    .ok());
        QVERIFY(
            writeCertificateFile(serverPath.toStdString(), take(issueServerCertificate(m_ca)).certificatePem)
                .ok());
        QVERIFY(writeCertificateFile(foreignPath.toStdString(), m_foreignCa.certificatePem).ok());

        const Openssl device =
            runOpenssl({QStringLiteral("verify"), QStringLiteral("-x509_strict"), QStringLiteral("-purpose"),
                        QStringLiteral("sslclient"), QStringLiteral("-CAfile"), caPath, devicePath});
        QVERIFY2(device.exitCode == 0, qPrintable(device.output));
        QVERIFY(device.output.contains(QStringLiteral(": OK")));

        const Openssl server =
            runOpenssl({QStringLiteral("verify"), QStringLiteral("-x509_strict"), QStringLiteral("-purpose"),
                        QStringLiteral("sslserver"), QStringLiteral("-CAfile"), caPath, serverPath});
        QVERIFY2(server.exitCode == 0, qPrintable(server.output));

        const Openssl foreign =
            runOpenssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), foreignPath, devicePath});
        QVERIFY(foreign.exitCode != 0);
    }

    void privateKeysAreWrittenOwnerOnly() {
        const std::string path = m_dir.filePath(QStringLiteral("device.key")).toStdString();
        const mode_t previous = ::umask(0);
        const Status written = writePrivateKeyFile(path, m_ca.privateKeyPem);
        ::umask(previous);
        QVERIFY(written.ok());
        struct stat st {};
        QCOMPARE(::stat(path.c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QCOMPARE(take(readSmallFile(path)), m_ca.privateKeyPem);

        // A second write must not replace the key (or loosen its mode).
        const Status again = writePrivateKeyFile(path, "other");
        QVERIFY(!again);
        QVERIFY2(again.error().message.find("refusing to replace") != std::string::npos,
                 again.error().message.c_str());
        QCOMPARE(take(readSmallFile(path)), m_ca.privateKeyPem);

        QVERIFY(!writePrivateKeyFile(m_dir.filePath(QStringLiteral("missing/dir.key")).toStdString(), "x"));
        QVERIFY(!readSmallFile(m_dir.filePath(QStringLiteral("absent")).toStdString()));
    }

private:
    QTemporaryDir m_dir;
    CertifiedKey m_ca;
    CertifiedKey m_foreignCa;
};

QTEST_GUILESS_MAIN(TestPki)
#include "tst_pki.moc"
