#pragma once

#include "call_entry.h"

#include "protocol/messages.h"
#include "protocol/queue_events.h"
#include "protocol/queue_messages.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <vector>

namespace hall::display {

/// What a floor's wall display shows, without widgets: the current call, the last calls, the waiting
/// count of each queue, the windows and the notices. Filled from a QueueBoard and the notice list, then
/// kept current by the journal events that follow the board, applied in order and each at most once
/// (an event at or below the last applied sequence number is dropped, so a replay after a reconnect that
/// overlaps what was seen changes nothing).
///
/// Every call (TicketCalled, first call or recall) is reported once through callMade(). A call is
/// marked for announcement when it is at most announceWindow() old on the hall clock: calls replayed
/// after a long absence are listed but not spoken, because a voice reading out numbers from ten minutes
/// ago sends people to windows that have moved on.
///
/// Thread contract: GUI thread only.
class DisplayModel : public QObject {
    Q_OBJECT

public:
    using Clock = std::function<qint64()>; ///< the hall clock, ms since the Unix epoch

    explicit DisplayModel(Clock hallClock, QObject* parent = nullptr);

    void setFloor(std::uint8_t floor) { m_floor = floor; }
    std::uint8_t floor() const { return m_floor; }
    /// How many past calls are kept (the current one included). Default 10.
    void setRecentLimit(int limit);
    int recentLimit() const { return m_recentLimit; }
    /// Calls older than this on the hall clock are listed only. Default 2 minutes.
    void setAnnounceWindow(std::chrono::milliseconds window) { m_announceWindow = window; }
    std::chrono::milliseconds announceWindow() const { return m_announceWindow; }

    /// Replaces the whole state by the board's (calls from a board are never announced).
    void resetFromBoard(const QueueBoard& board);
    /// Replaces the notices (those of other floors and expired ones are left out).
    void setNotices(const std::vector<Notice>& notices);
    /// Applies one journal event. False when it was dropped: already applied, undecodable, of a kind the
    /// display does not show, or before any board.
    bool applyEvent(const Event& event);
    /// Drops notices whose time is up on the hall clock; called by a timer.
    void dropExpiredNotices();

    void setConnected(bool connected);
    bool isConnected() const { return m_connected; }
    bool hasBoard() const { return m_hasBoard; }

    std::uint64_t lastSeq() const { return m_lastSeq; }
    const QString& serviceDay() const { return m_serviceDay; }
    /// Newest first; the first one is the current call.
    const std::vector<CallEntry>& recentCalls() const { return m_calls; }
    const CallEntry* currentCall() const { return m_calls.empty() ? nullptr : &m_calls.front(); }
    const std::vector<QueueCount>& queues() const { return m_queues; }
    const std::vector<WindowView>& windows() const { return m_windows; }
    const std::vector<NoticeLine>& notices() const { return m_notices; }
    qint64 hallNow() const { return m_clock(); }

Q_SIGNALS:
    /// Anything shown changed.
    void changed();
    /// A call arrived through an event (not from a board); `announce` says whether to speak it.
    void callMade(const hall::display::CallEntry& call, bool announce);

private:
    void applyCall(const Event& event, const TicketCalled& called);
    void setWaiting(const TicketView& ticket, std::uint32_t waiting);
    QueueCount* findQueue(const QString& prefix);
    void upsertWindow(const WindowView& window);
    void addNotice(std::uint64_t id, std::uint8_t floor, const std::string& text, qint64 expiresAtMs);
    bool forThisFloor(std::uint8_t floor) const { return m_floor == 0 || floor == 0 || floor == m_floor; }

    Clock m_clock;
    std::uint8_t m_floor = 0;
    int m_recentLimit = 10;
    std::chrono::milliseconds m_announceWindow{std::chrono::minutes(2)};
    bool m_hasBoard = false;
    bool m_connected = false;
    std::uint64_t m_lastSeq = 0;
    QString m_serviceDay;
    std::vector<CallEntry> m_calls;
    std::vector<QueueCount> m_queues;
    std::vector<WindowView> m_windows;
    std::vector<NoticeLine> m_notices;
};

} // namespace hall::display
