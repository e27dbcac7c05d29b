#pragma once

#include <QLatin1StringView>
#include <QLoggingCategory>

#include <string_view>

namespace hall::qt {

/// "hall.connection": state changes, reconnects and protocol errors of HallConnection. Never carries
/// passwords, message bodies or other personal data. Enable debug output with
/// QT_LOGGING_RULES="hall.connection.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcConnection)

/// For the protocol's fixed ASCII names (message types, error codes) in log lines.
inline QLatin1StringView logName(std::string_view name) {
    return QLatin1StringView(name.data(), static_cast<qsizetype>(name.size()));
}

} // namespace hall::qt
