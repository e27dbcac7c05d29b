// Plays one real call through Qt Multimedia into a private PulseAudio null sink, records the sink's
// monitor with parecord and measures the recording with sox: the whole announcement must come out, not
// just "succeed" silently (which QMediaPlayer does when there is no sound server). Skips when
// pulseaudio, parecord, sox or the generated clips are missing. The sound server is this test's child
// process and is always stopped at the end.

#include "announcer.h"

#include "present/voice_clips.h"
#include "present/voice_playlist.h"

#include <QApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using hall::display::Announcer;
using hall::display::CallEntry;

namespace {

QString runtimeDir() {
    static const QString dir =
        QDir::tempPath() + u"/hall-audio-"_s + QString::number(QCoreApplication::applicationPid());
    return dir;
}

/// Runs a short command; its stdout and stderr together, or nothing when it failed.
std::optional<QString> run(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(15000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return std::nullopt;
    return QString::fromLocal8Bit(process.readAll());
}

double soxValue(const QString& stat, const QString& name) {
    const QRegularExpression line(QRegularExpression::escape(name) + u":\\s*([-0-9.]+)"_s);
    const auto match = line.match(stat);
    return match.hasMatch() ? match.captured(1).toDouble() : -1.0;
}

} // namespace

class TestDisplayAudio : public QObject {
    Q_OBJECT

    std::unique_ptr<QProcess> m_pulse;
    QTemporaryDir m_work;

    void stopPulse() {
        if (!m_pulse)
            return;
        m_pulse->terminate();
        if (!m_pulse->waitForFinished(5000)) {
            m_pulse->kill();
            m_pulse->waitForFinished(5000);
        }
        m_pulse.reset();
    }

private Q_SLOTS:
    void initTestCase() {
        for (const QString& tool : {u"pulseaudio"_s, u"pactl"_s, u"parecord"_s, u"sox"_s})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP(qPrintable(tool + u" is not installed"_s));
        if (!hall::present::resolvePlaylist(hall::present::allClipIds()))
            QSKIP("the voice clips were not generated (espeak-ng and sox at build time)");

        // Foreground, as our child: it cannot outlive the test, and terminate() reaches it.
        m_pulse = std::make_unique<QProcess>();
        m_pulse->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_pulse->start(u"pulseaudio"_s,
                       {u"-n"_s, u"--daemonize=no"_s, u"--exit-idle-time=-1"_s, u"--disallow-exit"_s,
                        u"--use-pid-file=no"_s, u"-L"_s, u"module-native-protocol-unix"_s, u"-L"_s,
                        u"module-null-sink sink_name=hall_null"_s, u"-L"_s, u"module-always-sink"_s});
        if (!m_pulse->waitForStarted(5000)) {
            m_pulse.reset();
            QSKIP("pulseaudio did not start");
        }
        bool up = false;
        for (int i = 0; i < 100 && !up; ++i) {
            up = run(u"pactl"_s, {u"info"_s}).has_value();
            if (!up) {
                if (m_pulse->state() == QProcess::NotRunning)
                    break;
                QTest::qWait(100);
            }
        }
        if (!up) {
            stopPulse();
            QSKIP("pulseaudio did not accept connections");
        }
    }

    void cleanupTestCase() { stopPulse(); }

    void aCallComesOutWhole() {
        // "A100": the same clip twice in a row (digit_0 digit_0), which a player must play twice.
        const CallEntry call{1, u"A100"_s, u"2-07"_s, 0, 1, false, 1};
        const QStringList files = Announcer::playlistFiles(call);
        QVERIFY(!files.isEmpty());
        std::chrono::milliseconds expected{0};
        for (const QString& file : files)
            expected += hall::present::readWavInfo(file.toStdString())->duration();

        const QString recording = m_work.filePath(u"call.wav"_s);
        QProcess recorder;
        recorder.start(u"parecord"_s, {u"--latency-msec=20"_s, u"-d"_s, u"hall_null.monitor"_s,
                                       u"--file-format=wav"_s, recording});
        QVERIFY(recorder.waitForStarted(5000));
        QTest::qWait(500); // parecord needs a moment before its stream records

        hall::display::MediaClipPlayer player;
        Announcer announcer(&player);
        QSignalSpy finished(&announcer, &Announcer::announcementFinished);
        QVERIFY(announcer.announce(call));
        QVERIFY(finished.wait(int(expected.count()) + 30000));
        QVERIFY2(finished.first().at(1).toBool(), "a clip could not be played");
        QTest::qWait(400); // let the last samples reach the monitor
        recorder.terminate();
        QVERIFY(recorder.waitForFinished(5000));

        const auto stat = run(u"sox"_s, {recording, u"-n"_s, u"stat"_s});
        QVERIFY(stat);
        const double peak = soxValue(*stat, u"Maximum amplitude"_s);
        QVERIFY2(peak > 0.1, qPrintable(*stat));

        // The sound from its first to its last audible sample, silence trimmed at both ends.
        const QString trimmed = m_work.filePath(u"trimmed.wav"_s);
        QVERIFY(run(u"sox"_s, {recording, trimmed, u"silence"_s, u"1"_s, u"0.01"_s, u"1%"_s, u"reverse"_s,
                               u"silence"_s, u"1"_s, u"0.01"_s, u"1%"_s, u"reverse"_s}));
        const auto length = run(u"sox"_s, {u"--i"_s, u"-D"_s, trimmed});
        QVERIFY(length);
        const double seconds = length->trimmed().toDouble();
        const double wanted = expected.count() / 1000.0;
        qInfo("clips %.2f s, recorded sound %.2f s, peak %.2f", wanted, seconds, peak);
        // The clips' own padding is partly trimmed; gaps between clips only add time.
        QVERIFY2(seconds > wanted * 0.8, "the announcement was cut short");
        QVERIFY2(seconds < wanted + 0.5 * files.size(), "far more sound than the clips hold");
    }
};

int main(int argc, char* argv[]) {
    // The private sound server's socket lives here; Qt and GStreamer must see it before they start.
    QDir().mkpath(runtimeDir());
    QFile::setPermissions(runtimeDir(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir()));
    qputenv("PULSE_RUNTIME_PATH", QFile::encodeName(runtimeDir() + u"/pulse"_s));
    qputenv("PULSE_SERVER", QFile::encodeName(u"unix:"_s + runtimeDir() + u"/pulse/native"_s));
    qputenv("PULSE_SINK", "hall_null");
    qunsetenv("HALL_VOICE_DIR");
    qunsetenv("QT_MEDIA_BACKEND"); // ffmpeg is unsafe without a device; GStreamer is the default
    QApplication app(argc, argv);
    TestDisplayAudio test;
    const int result = QTest::qExec(&test, argc, argv);
    QDir(runtimeDir()).removeRecursively();
    return result;
}

#include "tst_display_audio.moc"
