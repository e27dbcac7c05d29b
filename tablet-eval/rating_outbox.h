#pragma once

#include "protocol/queue_messages.h"
#include "protocol/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <set>
#include <vector>

namespace tablet {

class RatingSender;

/// A rating waiting in the outbox, with the request id it was first sent under.
struct PendingRating {
    std::uint64_t requestId = 0;
    hall::SubmitRating rating;
    std::int64_t savedAtMs = 0;
};

/// Ratings on their way to the server, kept in a small SQLite file so that none is lost while the
/// server is unreachable or the tablet restarts, and none is counted twice.
///
/// A rating gets its request id once, when it is saved, and keeps it: every send (after a reconnect,
/// after a restart) uses that id, and the server answers a repeated id with its first answer, so the
/// hall records each rating exactly once even when an earlier answer was lost on the way. A rating
/// leaves the file when the server has answered it: accepted (delivered()) or refused for good
/// (rejected(), for instance a second rating of the same ticket). Disconnected, Timeout, Unavailable
/// and RateLimited keep it for the next ready().
///
/// Thread contract: one thread with an event loop; the database connection is this object's own.
class RatingOutbox : public QObject {
    Q_OBJECT

public:
    /// `sender` may be null (nothing is sent until setSender()).
    RatingOutbox(QString databasePath, RatingSender* sender, QObject* parent = nullptr);
    ~RatingOutbox() override;

    /// Opens (creating when needed) the file. Unavailable with SQLite's reason when it cannot.
    hall::Status open();
    bool isOpen() const { return m_open; }
    const QString& databasePath() const { return m_path; }

    void setSender(RatingSender* sender);

    /// Checks the rating (checkRating), saves it under a fresh request id and tries to send it now.
    /// InvalidArgument for a bad rating, Conflict when this ticket already has a rating waiting,
    /// Unavailable when the file cannot be written. Returns the request id.
    hall::Result<std::uint64_t> enqueue(const hall::SubmitRating& rating);

    /// Sends every waiting rating that is not already on its way (when the sender is ready).
    void flush();

    /// The waiting ratings, oldest first.
    std::vector<PendingRating> pending() const;
    int pendingCount() const;
    /// Ratings sent and not yet answered.
    std::size_t inFlightCount() const { return m_inFlight.size(); }

    /// Whether `code` means "try again later" rather than "the server has decided".
    static bool isTransient(hall::ErrorCode code);

Q_SIGNALS:
    /// Saved in the file; `sentNow` is false when the line is down and it waits.
    void saved(std::uint64_t ticketId, bool sentNow);
    void delivered(std::uint64_t ticketId, std::uint64_t ratingId);
    void rejected(std::uint64_t ticketId, const hall::Error& error);
    void pendingCountChanged(int count);

private:
    void onAnswer(std::uint64_t requestId, std::uint64_t ticketId,
                  const hall::Result<hall::SubmitRatingOk>& answer);
    bool remove(std::uint64_t requestId);
    void sendOne(const PendingRating& pending);

    QString m_path;
    QString m_connectionName;
    QPointer<RatingSender> m_sender;
    bool m_open = false;
    std::set<std::uint64_t> m_inFlight;
};

} // namespace tablet
