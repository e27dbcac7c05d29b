#pragma once

#include <QString>

/// Throw-away certificates for the connection tests, made with the openssl command line: a hall CA, a
/// server certificate (SAN DNS:localhost, IP:127.0.0.1) and a device certificate signed by it, plus a
/// second, foreign CA with a server certificate of its own.
struct TestPki {
    QString caFile;
    QString serverCert;
    QString serverKey;
    QString clientCert;
    QString clientKey;
    QString foreignCaFile;
    QString foreignServerCert;
    QString foreignServerKey;

    /// Writes everything into `dir`; returns an empty string or what went wrong.
    QString generate(const QString& dir);

    /// The device name in the client certificate's common name.
    static QString clientDeviceName() { return QStringLiteral("clerk-2-07"); }
};
