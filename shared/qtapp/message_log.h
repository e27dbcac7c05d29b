#pragma once

#include "protocol/result.h"

#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace hall::qt {

/// Routes Qt's log messages (qDebug, qCWarning, …) to stderr and, when a path is given, also appends them
/// to that file. Each line is "time level category: message" with identity-card and mobile numbers masked
/// (see redactPersonalData), so a log file can be handed to support without leaking who came to the hall.
/// The file is opened before the handler is installed: when it cannot be opened the call fails and
/// nothing changes. Safe to call from one thread at a time; the handler itself is thread-safe.
Status installMessageHandler(const QString& logFilePath = {});

/// Restores the handler that was active before installMessageHandler() and closes the log file.
void removeMessageHandler();

/// Masks what looks like a resident identity number (18 characters, the last a digit or X) or a
/// mainland mobile number (11 digits starting 13–19) in free text. A safety net only: code must not log
/// names, addresses or numbers of citizens in the first place.
QString redactPersonalData(const QString& text);

/// One log line without the trailing newline, for example
/// "2026-12-03 09:30:01.250 warning hall.net: connection lost".
QString formatLogLine(QtMsgType type, const char* category, const QString& message, const QDateTime& when);

} // namespace hall::qt
