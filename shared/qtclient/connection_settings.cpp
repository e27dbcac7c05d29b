#include "qtclient/connection_settings.h"

#include "qtclient/utf8.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <limits>
#include <optional>

namespace hall::qt {
namespace {

Error invalid(const QString& message) {
    return Error{ErrorCode::InvalidArgument, toStdString(message)};
}

const QStringList& knownKeys() {
    static const QStringList keys{
        QStringLiteral("host"),
        QStringLiteral("port"),
        QStringLiteral("caFile"),
        QStringLiteral("certFile"),
        QStringLiteral("keyFile"),
        QStringLiteral("clientName"),
        QStringLiteral("clientVersion"),
        QStringLiteral("requestTimeoutMs"),
        QStringLiteral("connectTimeoutMs"),
        QStringLiteral("pingIntervalMs"),
        QStringLiteral("reconnectInitialMs"),
        QStringLiteral("reconnectMaxMs"),
        QStringLiteral("reconnectJitter"),
    };
    return keys;
}

/// Reads typed values from one QSettings group, remembering the first bad one.
class IniReader {
public:
    IniReader(QSettings& ini, QDir baseDir) : m_ini(ini), m_baseDir(std::move(baseDir)) {}

    void text(const QString& key, QString& out) {
        if (m_ini.contains(key))
            out = m_ini.value(key).toString().trimmed();
    }

    void path(const QString& key, QString& out) {
        if (!m_ini.contains(key))
            return;
        const QString value = m_ini.value(key).toString().trimmed();
        out = value.isEmpty() ? value : QDir::cleanPath(m_baseDir.absoluteFilePath(value));
    }

    void integer(const QString& key, int& out, qint64 min, qint64 max) {
        if (!m_ini.contains(key) || m_error)
            return;
        bool ok = false;
        const qint64 value = m_ini.value(key).toString().trimmed().toLongLong(&ok);
        if (!ok || value < min || value > max) {
            m_error = invalid(QStringLiteral("connection/%1 must be a whole number from %2 to %3")
                                  .arg(key)
                                  .arg(min)
                                  .arg(max));
            return;
        }
        out = static_cast<int>(value);
    }

    void fraction(const QString& key, double& out) {
        if (!m_ini.contains(key) || m_error)
            return;
        bool ok = false;
        const double value = m_ini.value(key).toString().trimmed().toDouble(&ok);
        if (!ok || !(value >= 0.0 && value <= 1.0)) {
            m_error = invalid(QStringLiteral("connection/%1 must be a number from 0 to 1").arg(key));
            return;
        }
        out = value;
    }

    const std::optional<Error>& error() const { return m_error; }

private:
    QSettings& m_ini;
    QDir m_baseDir;
    std::optional<Error> m_error;
};

} // namespace

Status ConnectionSettings::validate() const {
    if (host.trimmed().isEmpty())
        return invalid(QStringLiteral("connection/host is empty"));
    if (port == 0)
        return invalid(QStringLiteral("connection/port is missing"));
    if (caFile.isEmpty())
        return invalid(QStringLiteral("connection/caFile is missing"));
    if (certFile.isEmpty())
        return invalid(QStringLiteral("connection/certFile is missing"));
    if (keyFile.isEmpty())
        return invalid(QStringLiteral("connection/keyFile is missing"));
    if (clientName.trimmed().isEmpty())
        return invalid(QStringLiteral("connection/clientName is empty"));
    const std::pair<const char*, int> positive[] = {
        {"requestTimeoutMs", requestTimeoutMs}, {"connectTimeoutMs", connectTimeoutMs},
        {"pingIntervalMs", pingIntervalMs},     {"reconnectInitialMs", reconnectInitialMs},
        {"reconnectMaxMs", reconnectMaxMs},
    };
    for (const auto& [name, value] : positive)
        if (value <= 0)
            return invalid(QStringLiteral("connection/%1 must be positive").arg(QLatin1StringView(name)));
    if (reconnectMaxMs < reconnectInitialMs)
        return invalid(QStringLiteral("connection/reconnectMaxMs is smaller than reconnectInitialMs"));
    if (!(reconnectJitter >= 0.0 && reconnectJitter <= 1.0))
        return invalid(QStringLiteral("connection/reconnectJitter must lie between 0 and 1"));
    return success();
}

Result<ConnectionSettings> ConnectionSettings::fromIniFile(const QString& path, ConnectionSettings defaults) {
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return invalid(QStringLiteral("cannot read the configuration file %1").arg(path));

    QSettings ini(info.absoluteFilePath(), QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return invalid(QStringLiteral("the configuration file %1 is not a valid INI file").arg(path));

    ini.beginGroup(QStringLiteral("connection"));
    for (const QString& key : ini.allKeys())
        if (!knownKeys().contains(key))
            return invalid(QStringLiteral("unknown key connection/%1 in %2").arg(key, path));

    constexpr qint64 kMaxMs = std::numeric_limits<int>::max();
    ConnectionSettings s = std::move(defaults);
    IniReader read(ini, info.absoluteDir());
    read.text(QStringLiteral("host"), s.host);
    int port = s.port;
    read.integer(QStringLiteral("port"), port, 1, 65535);
    s.port = static_cast<quint16>(port);
    read.path(QStringLiteral("caFile"), s.caFile);
    read.path(QStringLiteral("certFile"), s.certFile);
    read.path(QStringLiteral("keyFile"), s.keyFile);
    read.text(QStringLiteral("clientName"), s.clientName);
    read.text(QStringLiteral("clientVersion"), s.clientVersion);
    read.integer(QStringLiteral("requestTimeoutMs"), s.requestTimeoutMs, 1, kMaxMs);
    read.integer(QStringLiteral("connectTimeoutMs"), s.connectTimeoutMs, 1, kMaxMs);
    read.integer(QStringLiteral("pingIntervalMs"), s.pingIntervalMs, 1, kMaxMs);
    read.integer(QStringLiteral("reconnectInitialMs"), s.reconnectInitialMs, 1, kMaxMs);
    read.integer(QStringLiteral("reconnectMaxMs"), s.reconnectMaxMs, 1, kMaxMs);
    read.fraction(QStringLiteral("reconnectJitter"), s.reconnectJitter);
    if (read.error())
        return *read.error();

    if (Status valid = s.validate(); !valid)
        return valid.error();
    return s;
}

Result<ConnectionSettings> ConnectionSettings::fromIniFile(const QString& path) {
    return fromIniFile(path, ConnectionSettings{});
}

} // namespace hall::qt
