#include "clip_player.h"

#include "present/voice_clips.h"

#include <QAudioOutput>
#include <QLoggingCategory>
#include <QMediaPlayer>
#include <QUrl>

Q_LOGGING_CATEGORY(lcClipPlayer, "hall.display.audio")

namespace hall::display {

MediaClipPlayer::MediaClipPlayer(QObject* parent)
    : ClipPlayer(parent), m_player(new QMediaPlayer(this)), m_output(new QAudioOutput(this)) {
    m_player->setAudioOutput(m_output);
    m_guard.setSingleShot(true);
    connect(&m_guard, &QTimer::timeout, this, [this] {
        qCWarning(lcClipPlayer) << "clip did not report its end in time; going on";
        m_player->stop();
        finish(false);
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::EndOfMedia)
            finish(true);
        else if (status == QMediaPlayer::InvalidMedia)
            finish(false);
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString& message) {
                qCWarning(lcClipPlayer) << "cannot play clip:" << message;
                finish(false);
            });
}

MediaClipPlayer::~MediaClipPlayer() {
    m_guard.stop();
}

void MediaClipPlayer::setVolume(float volume) {
    m_output->setVolume(volume);
}

void MediaClipPlayer::play(const QString& file) {
    Q_ASSERT(!m_busy);
    m_busy = true;
    std::chrono::milliseconds length{3000};
    if (const auto info = present::readWavInfo(file.toStdString()))
        length = info->duration();
    m_guard.start(length + std::chrono::milliseconds(3000));
    m_player->setSource(QUrl::fromLocalFile(file));
    m_player->play();
}

void MediaClipPlayer::finish(bool played) {
    if (!m_busy)
        return; // the backend reports an error and an invalid status for the same failure
    m_busy = false;
    m_guard.stop();
    // Reported from the event loop so the announcer's next play() never runs inside a player callback.
    QMetaObject::invokeMethod(
        this, [this, played] { Q_EMIT finished(played); }, Qt::QueuedConnection);
}

} // namespace hall::display
