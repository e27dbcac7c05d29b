#pragma once

#include "protocol/result.h"

#include <QString>

namespace hall::qt {

/// Where and how a client program reaches the hall server, and how patient it is. Each program's main
/// fills it with fromIniFile() from `--config FILE` and hands it to HallConnection.
///
/// The INI file keeps these keys in its [connection] group (other groups are left to the program):
///
/// | key                | meaning                                                          | default   |
/// |--------------------|------------------------------------------------------------------|-----------|
/// | host               | server name or address; must match the server certificate's SAN | 127.0.0.1 |
/// | port               | TCP port of the hall server                                      | required  |
/// | caFile             | PEM file with the hall CA, the only CA this client trusts        | required  |
/// | certFile           | PEM file with this device's certificate (then any intermediates) | required  |
/// | keyFile            | PEM file with the device's unencrypted private key               | required  |
/// | clientName         | program name sent in Hello                                       | program's |
/// | clientVersion      | program version sent in Hello                                    | program's |
/// | requestTimeoutMs   | how long a request may wait for its answer, resends included     | 10000     |
/// | connectTimeoutMs   | how long TCP connect plus the TLS handshake may take             | 10000     |
/// | pingIntervalMs     | keep-alive period (the server drops connections idle for ~90 s)  | 30000     |
/// | reconnectInitialMs | first reconnect delay; it doubles after each failed attempt      | 500       |
/// | reconnectMaxMs     | ceiling of the reconnect delay                                   | 30000     |
/// | reconnectJitter    | fraction 0..1 of each delay that is randomised away              | 0.25      |
///
/// Relative file paths are resolved against the folder of the INI file.
struct ConnectionSettings {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString caFile;
    QString certFile;
    QString keyFile;
    QString clientName;
    QString clientVersion;
    int requestTimeoutMs = 10000;
    int connectTimeoutMs = 10000;
    int pingIntervalMs = 30000;
    int reconnectInitialMs = 500;
    int reconnectMaxMs = 30000;
    double reconnectJitter = 0.25;

    /// Ok, or InvalidArgument naming the first field that is missing or out of range.
    Status validate() const;

    /// Reads the [connection] group of an INI file over `defaults` (which carry the program's name and
    /// version) and validates the result. Unknown keys in that group are refused, so a misspelt key is
    /// reported instead of silently ignored.
    static Result<ConnectionSettings> fromIniFile(const QString& path, ConnectionSettings defaults);
    static Result<ConnectionSettings> fromIniFile(const QString& path);
};

} // namespace hall::qt
