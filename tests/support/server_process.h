#pragma once

// A real hall-server for integration tests: a fresh hall made with the real hallctl in a temporary
// directory, the server started on a free port, and stopped (or killed) at the end.

#include "protocol/result.h"
#include "tls_test_client.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>
#include <string>

namespace hall::test {

/// Runs a program to completion; the exit code, with stdout and stderr for messages.
struct ToolRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const;
};
ToolRun runTool(const QString& program, const QStringList& arguments, const QByteArray& input = {},
                int timeoutMs = 30000);

QString hallServerPath();
QString hallctlPath();

class ServerProcess {
public:
    /// Makes the hall (`hallctl init`) in a new temporary directory; isValid() tells whether it worked.
    ServerProcess();
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool isValid() const { return m_valid; }
    QString dataDir() const { return m_dir.path(); }
    /// Why the last step failed.
    QString lastError() const { return m_error; }

    /// `hallctl device add`; the device's certificate, key and CA files.
    Result<DeviceFiles> addDevice(const QString& role, const QString& name, const QString& window = {},
                                  int floor = -1);
    /// `hallctl account add --password-stdin`.
    Status addAccount(const QString& username, const QString& displayName, const QString& role,
                      const QString& password);
    /// Writes DATA_DIR/hall.conf (the server reads it on start).
    Status writeConfig(const QString& text);

    /// Starts hall-server on 127.0.0.1:0 and waits for its `listening on` line.
    Status start(const QStringList& extraArguments = {});
    std::uint16_t port() const { return m_port; }
    bool isRunning() const;
    /// SIGTERM, then waits for the exit; the exit code, or -1 when it crashed or did not stop in time.
    int terminate(int timeoutMs = 10000);
    /// Everything the server wrote to stderr so far (its log).
    QByteArray log();

private:
    QTemporaryDir m_dir;
    bool m_valid = false;
    QString m_error;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stderr;
    std::uint16_t m_port = 0;
};

} // namespace hall::test
