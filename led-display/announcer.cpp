#include "announcer.h"

#include "present/voice_clips.h"
#include "present/voice_playlist.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAnnouncer, "hall.display.voice")

namespace hall::display {

Announcer::Announcer(ClipPlayer* player, QObject* parent) : QObject(parent), m_player(player) {
    Q_ASSERT(m_player);
    connect(m_player, &ClipPlayer::finished, this, &Announcer::onClipFinished);
}

QStringList Announcer::playlistFiles(const CallEntry& call) {
    const auto ticket = present::parseTicketNumber(call.number.toStdString());
    const auto window = present::parseWindowId(call.window.toStdString());
    if (!ticket || !window) {
        qCWarning(lcAnnouncer) << "cannot read call" << call.number << call.window;
        return {};
    }
    const auto ids = present::callPlaylist(
        *ticket, *window, call.recall ? present::CallKind::Recall : present::CallKind::First);
    const auto files = present::resolvePlaylist(ids);
    if (!files) {
        qCWarning(lcAnnouncer) << "voice clip missing:" << QString::fromStdString(files.error().message);
        return {};
    }
    QStringList paths;
    for (const auto& file : *files)
        paths << QString::fromStdString(file.string());
    return paths;
}

bool Announcer::announce(const CallEntry& call) {
    QStringList files = playlistFiles(call);
    if (files.isEmpty())
        return false;
    enqueue(Announcement{call, std::move(files)});
    return true;
}

void Announcer::enqueue(Announcement announcement) {
    if (m_muted || announcement.files.isEmpty())
        return;
    m_queue.push_back(std::move(announcement));
    if (!m_current)
        startNext();
}

void Announcer::startNext() {
    if (m_queue.empty()) {
        m_current.reset();
        Q_EMIT idle();
        return;
    }
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    m_nextClip = 0;
    m_complete = true;
    Q_EMIT announcementStarted(m_current->call);
    m_player->play(m_current->files.at(m_nextClip++));
}

void Announcer::onClipFinished(bool played) {
    if (!m_current)
        return;
    if (!played) {
        qCWarning(lcAnnouncer) << "clip" << m_current->files.at(m_nextClip - 1) << "was not played";
        m_complete = false;
    }
    if (m_nextClip < m_current->files.size()) {
        m_player->play(m_current->files.at(m_nextClip++));
        return;
    }
    const CallEntry done = m_current->call;
    const bool complete = m_complete;
    m_current.reset();
    Q_EMIT announcementFinished(done, complete);
    startNext();
}

} // namespace hall::display
