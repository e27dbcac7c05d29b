#include "test_pki.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace {

QString runOpenssl(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return QStringLiteral("openssl %1 failed: %2")
            .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAllStandardError()));
    return {};
}

QString writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

QString makeCa(const QString& dir, const QString& name, const QString& commonName) {
    return runOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                       QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                       QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"), QStringLiteral("-keyout"),
                       dir + u'/' + name + QStringLiteral(".key"), QStringLiteral("-out"),
                       dir + u'/' + name + QStringLiteral(".pem")});
}

QString makeLeaf(const QString& dir, const QString& ca, const QString& name, const QString& commonName,
                 const QByteArray& extensions) {
    const QString base = dir + u'/' + name;
    if (QString error = writeText(base + QStringLiteral(".ext"), extensions); !error.isEmpty())
        return error;
    if (QString error = runOpenssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                    QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
                                    QStringLiteral("-keyout"), base + QStringLiteral(".key"),
                                    QStringLiteral("-out"), base + QStringLiteral(".csr")});
        !error.isEmpty())
        return error;
    return runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                       base + QStringLiteral(".csr"), QStringLiteral("-CA"),
                       dir + u'/' + ca + QStringLiteral(".pem"), QStringLiteral("-CAkey"),
                       dir + u'/' + ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                       base + QStringLiteral(".ext"), QStringLiteral("-out"), base + QStringLiteral(".pem")});
}

} // namespace

QString TestPki::generate(const QString& dir) {
    const QByteArray serverExt = "basicConstraints=CA:FALSE\n"
                                 "keyUsage=critical,digitalSignature\n"
                                 "extendedKeyUsage=serverAuth\n"
                                 "subjectAltName=DNS:localhost,IP:127.0.0.1\n";
    const QByteArray clientExt = "basicConstraints=CA:FALSE\n"
                                 "keyUsage=critical,digitalSignature\n"
                                 "extendedKeyUsage=clientAuth\n";
    for (const QString& error :
         {makeCa(dir, QStringLiteral("ca"), QStringLiteral("Test Hall CA")),
          makeLeaf(dir, QStringLiteral("ca"), QStringLiteral("server"), QStringLiteral("localhost"),
                   serverExt),
          makeLeaf(dir, QStringLiteral("ca"), QStringLiteral("client"), clientDeviceName(), clientExt),
          makeCa(dir, QStringLiteral("foreign-ca"), QStringLiteral("Some Other CA")),
          makeLeaf(dir, QStringLiteral("foreign-ca"), QStringLiteral("foreign-server"),
                   QStringLiteral("localhost"), serverExt)})
        if (!error.isEmpty())
            return error;
    caFile = dir + QStringLiteral("/ca.pem");
    serverCert = dir + QStringLiteral("/server.pem");
    serverKey = dir + QStringLiteral("/server.key");
    clientCert = dir + QStringLiteral("/client.pem");
    clientKey = dir + QStringLiteral("/client.key");
    foreignCaFile = dir + QStringLiteral("/foreign-ca.pem");
    foreignServerCert = dir + QStringLiteral("/foreign-server.pem");
    foreignServerKey = dir + QStringLiteral("/foreign-server.key");
    return {};
}
