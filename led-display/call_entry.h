#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>

namespace hall::display {

/// One call as the display lists it: the ticket, the window it was called to, and when (hall clock).
struct CallEntry {
    std::uint64_t ticketId = 0;
    QString number; ///< "A023", as the server formatted it
    QString window; ///< "2-07"
    qint64 calledAtMs = 0;
    int callCount = 1;
    bool recall = false;
    std::uint64_t seq = 0; ///< the journal event of this call; 0 when it came with the board

    friend bool operator==(const CallEntry&, const CallEntry&) = default;
};

/// A waiting count of one queue.
struct QueueCount {
    QString prefix;
    QString name;
    int waiting = 0;

    friend bool operator==(const QueueCount&, const QueueCount&) = default;
};

/// A notice on the scrolling line.
struct NoticeLine {
    std::uint64_t id = 0;
    QString text;
    qint64 expiresAtMs = 0;

    friend bool operator==(const NoticeLine&, const NoticeLine&) = default;
};

} // namespace hall::display

Q_DECLARE_METATYPE(hall::display::CallEntry)
