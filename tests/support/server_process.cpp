#include "server_process.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>

namespace hall::test {

QString ToolRun::describe() const {
    return QStringLiteral("exit %1; stdout: %2; stderr: %3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out), QString::fromUtf8(err));
}

ToolRun runTool(const QString& program, const QStringList& arguments, const QByteArray& input,
                int timeoutMs) {
    ToolRun run;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

QString hallServerPath() {
    return QStringLiteral(HALL_SERVER_EXE);
}
QString hallctlPath() {
    return QStringLiteral(HALL_HALLCTL_EXE);
}

ServerProcess::ServerProcess() {
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    const ToolRun init =
        runTool(hallctlPath(), {QStringLiteral("init"), QStringLiteral("--data-dir"), dataDir(),
                                QStringLiteral("--hall-name"), QStringLiteral("测试大厅")});
    m_valid = init.exitCode == 0;
    if (!m_valid)
        m_error = QStringLiteral("hallctl init: ") + init.describe();
}

ServerProcess::~ServerProcess() {
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

Result<DeviceFiles> ServerProcess::addDevice(const QString& role, const QString& name, const QString& window,
                                             int floor) {
    const QString out = m_dir.filePath(QStringLiteral("devices/") + name);
    QDir().mkpath(m_dir.filePath(QStringLiteral("devices")));
    QStringList args{QStringLiteral("device"),     QStringLiteral("add"),
                     QStringLiteral("--data-dir"), dataDir(),
                     QStringLiteral("--role"),     role,
                     QStringLiteral("--name"),     name,
                     QStringLiteral("--out"),      out};
    if (!window.isEmpty())
        args << QStringLiteral("--window") << window;
    if (floor >= 0)
        args << QStringLiteral("--floor") << QString::number(floor);
    const ToolRun run = runTool(hallctlPath(), args);
    if (run.exitCode != 0) {
        m_error = QStringLiteral("hallctl device add: ") + run.describe();
        return Error{ErrorCode::Internal, m_error.toStdString()};
    }
    const auto file = [&out](const char* name) {
        return QDir(out).filePath(QLatin1StringView(name)).toStdString();
    };
    return DeviceFiles{file("device.pem"), file("device.key"), file("ca.pem")};
}

Status ServerProcess::addAccount(const QString& username, const QString& displayName, const QString& role,
                                 const QString& password) {
    const ToolRun run =
        runTool(hallctlPath(),
                {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--data-dir"), dataDir(),
                 QStringLiteral("--username"), username, QStringLiteral("--display-name"), displayName,
                 QStringLiteral("--role"), role, QStringLiteral("--password-stdin")},
                password.toUtf8() + '\n');
    if (run.exitCode != 0) {
        m_error = QStringLiteral("hallctl account add: ") + run.describe();
        return Error{ErrorCode::Internal, m_error.toStdString()};
    }
    return success();
}

Status ServerProcess::writeConfig(const QString& text) {
    QFile file(QDir(dataDir()).filePath(QStringLiteral("hall.conf")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        return Error{ErrorCode::Internal, "cannot write hall.conf"};
    return success();
}

Status ServerProcess::start(const QStringList& extraArguments) {
    m_process = std::make_unique<QProcess>();
    m_stderr.clear();
    m_process->start(hallServerPath(),
                     QStringList{QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0")} +
                         extraArguments);
    if (!m_process->waitForStarted(10000))
        return Error{ErrorCode::Internal,
                     "hall-server did not start: " + m_process->errorString().toStdString()};

    const QDeadlineTimer deadline(10000);
    QByteArray out;
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine().trimmed();
            const QByteArray prefix = "listening on 127.0.0.1:";
            if (line.startsWith(prefix)) {
                m_port = static_cast<std::uint16_t>(line.mid(prefix.size()).toUInt());
                return success();
            }
            out += line + '\n';
            continue;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
    }
    m_process->kill();
    m_process->waitForFinished(5000);
    return Error{ErrorCode::Internal, "hall-server did not say it was listening; stdout: " +
                                          out.toStdString() + "; log: " + log().toStdString()};
}

bool ServerProcess::isRunning() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

int ServerProcess::terminate(int timeoutMs) {
    if (!isRunning())
        return -1;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QByteArray ServerProcess::log() {
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return m_stderr;
}

} // namespace hall::test
