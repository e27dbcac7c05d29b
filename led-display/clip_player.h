#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QAudioOutput;
class QMediaPlayer;

namespace hall::display {

/// Plays one audio file at a time and says when it is over. The announcer sequences clips through this
/// interface, so its ordering rules are tested with a fake player and no sound.
class ClipPlayer : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    /// Starts `file`; exactly one finished() follows, never from inside this call.
    virtual void play(const QString& file) = 0;

Q_SIGNALS:
    /// The clip played to its end (true) or could not be played (false).
    void finished(bool played);
};

/// Plays nothing and finishes each clip at once, unplayed; for a muted display.
class SilentClipPlayer : public ClipPlayer {
    Q_OBJECT

public:
    using ClipPlayer::ClipPlayer;
    void play(const QString&) override {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(false); }, Qt::QueuedConnection);
    }
};

/// The real player: QMediaPlayer with a QAudioOutput on the default device. A guard timer (the clip's
/// length from its WAV header plus a margin) ends a clip whose end the backend never reports, so a
/// stuck backend can delay the queue but never stop it.
class MediaClipPlayer : public ClipPlayer {
    Q_OBJECT

public:
    explicit MediaClipPlayer(QObject* parent = nullptr);
    ~MediaClipPlayer() override;

    void play(const QString& file) override;
    void setVolume(float volume);

private:
    void finish(bool played);

    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_output = nullptr;
    QTimer m_guard;
    bool m_busy = false;
};

} // namespace hall::display
