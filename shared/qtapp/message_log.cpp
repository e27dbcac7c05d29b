#include "qtapp/message_log.h"

#include <QFile>
#include <QRegularExpression>

#include <cstdio>
#include <memory>
#include <mutex>

namespace hall::qt {

namespace {

struct LogState {
    std::mutex mutex;
    std::unique_ptr<QFile> file;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

LogState& state() {
    static LogState s;
    return s;
}

const char* levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "unknown";
}

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QByteArray line =
        (formatLogLine(type, context.category, message, QDateTime::currentDateTime()) + u'\n').toUtf8();
    LogState& s = state();
    std::lock_guard lock(s.mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    if (s.file) {
        s.file->write(line);
        s.file->flush();
    }
}

} // namespace

Status installMessageHandler(const QString& logFilePath) {
    std::unique_ptr<QFile> file;
    if (!logFilePath.isEmpty()) {
        file = std::make_unique<QFile>(logFilePath);
        if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            return Error{ErrorCode::InvalidArgument, "cannot open log file " + logFilePath.toStdString() +
                                                         ": " + file->errorString().toStdString()};
        }
    }
    LogState& s = state();
    std::lock_guard lock(s.mutex);
    s.file = std::move(file);
    if (!s.installed) {
        s.previous = qInstallMessageHandler(handleMessage);
        s.installed = true;
    }
    return success();
}

void removeMessageHandler() {
    LogState& s = state();
    std::lock_guard lock(s.mutex);
    if (s.installed) {
        qInstallMessageHandler(s.previous);
        s.previous = nullptr;
        s.installed = false;
    }
    s.file.reset();
}

QString redactPersonalData(const QString& text) {
    // Bounded by anything but letters and digits, so a longer number or a word is left alone.
    static const QRegularExpression idNumber(QStringLiteral("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])"));
    static const QRegularExpression mobile(QStringLiteral("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])"));
    QString result = text;
    result.replace(idNumber, QStringLiteral("[id-number]"));
    result.replace(mobile, QStringLiteral("[mobile]"));
    return result;
}

QString formatLogLine(QtMsgType type, const char* category, const QString& message, const QDateTime& when) {
    const QString cat = category ? QString::fromUtf8(category) : QStringLiteral("default");
    return when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + u' ' +
           QString::fromLatin1(levelName(type)) + u' ' + cat + u": " + redactPersonalData(message);
}

} // namespace hall::qt
