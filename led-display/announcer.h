#pragma once

#include "call_entry.h"
#include "clip_player.h"

#include <QObject>
#include <QStringList>

#include <deque>
#include <optional>

namespace hall::display {

/// Speaks calls in the order they were made, each one complete: a FIFO of playlists (chime, then the
/// words of present::callPlaylist, resolved to WAV files) played clip after clip through one ClipPlayer.
/// A new call never cuts the one being spoken and is never dropped: it waits its turn. A clip that
/// cannot be played is skipped (logged) so one bad file cannot silence the hall.
class Announcer : public QObject {
    Q_OBJECT

public:
    struct Announcement {
        CallEntry call;
        QStringList files;
    };

    explicit Announcer(ClipPlayer* player, QObject* parent = nullptr);

    /// Queues the call. False (and nothing queued) when its number or window cannot be read or a clip
    /// file is missing; the reason is logged.
    bool announce(const CallEntry& call);
    /// Queues an announcement with its files already resolved.
    void enqueue(Announcement announcement);

    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }
    bool isSpeaking() const { return m_current.has_value(); }
    /// Announcements waiting behind the current one.
    int pendingCount() const { return static_cast<int>(m_queue.size()); }

    /// The clip files for a call, or an empty list when it cannot be announced.
    static QStringList playlistFiles(const CallEntry& call);

Q_SIGNALS:
    void announcementStarted(const hall::display::CallEntry& call);
    /// Every clip was offered to the player; `complete` is false when one of them failed.
    void announcementFinished(const hall::display::CallEntry& call, bool complete);
    void idle();

private:
    void startNext();
    void onClipFinished(bool played);

    ClipPlayer* m_player;
    std::deque<Announcement> m_queue;
    std::optional<Announcement> m_current;
    int m_nextClip = 0;
    bool m_complete = true;
    bool m_muted = false;
};

} // namespace hall::display
