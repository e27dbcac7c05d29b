#include "rating_outbox.h"

#include "rating_sender.h"
#include "tablet_model.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

Q_LOGGING_CATEGORY(lcOutbox, "hall.tablet.outbox")

using namespace Qt::StringLiterals;

namespace tablet {

namespace {

hall::Error sqlError(const QString& what, const QSqlError& error) {
    return hall::Error{hall::ErrorCode::Unavailable, QString(what + u": "_s + error.text()).toStdString()};
}

/// A request id the server has never seen from this device: 63 random bits, so it fits SQLite's signed
/// integer and never repeats across restarts in practice.
std::uint64_t freshRequestId() {
    std::uint64_t id = 0;
    while (id == 0)
        id = QRandomGenerator::system()->generate64() & 0x7fff'ffff'ffff'ffffULL;
    return id;
}

} // namespace

RatingOutbox::RatingOutbox(QString databasePath, RatingSender* sender, QObject* parent)
    : QObject(parent), m_path(std::move(databasePath)),
      m_connectionName(u"tablet-outbox-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    setSender(sender);
}

RatingOutbox::~RatingOutbox() {
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

hall::Status RatingOutbox::open() {
    if (m_open)
        return hall::success();
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return hall::Error{hall::ErrorCode::Unavailable,
                           "cannot create the folder of " + m_path.toStdString()};
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open())
        return sqlError(u"cannot open "_s + m_path, db.lastError());
    QSqlQuery query(db);
    // The ticket is unique: one rating per service, even if the screen were to offer a second.
    for (const QString& statement :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
          u"CREATE TABLE IF NOT EXISTS pending_rating ("
          "request_id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL UNIQUE, level INTEGER NOT NULL, "
          "reason_code INTEGER NOT NULL, comment TEXT NOT NULL, saved_at_ms INTEGER NOT NULL)"_s}) {
        if (!query.exec(statement))
            return sqlError(u"cannot prepare "_s + m_path, query.lastError());
    }
    m_open = true;
    Q_EMIT pendingCountChanged(pendingCount());
    return hall::success();
}

void RatingOutbox::setSender(RatingSender* sender) {
    if (m_sender)
        disconnect(m_sender, nullptr, this, nullptr);
    m_sender = sender;
    if (m_sender)
        connect(m_sender, &RatingSender::ready, this, &RatingOutbox::flush);
}

hall::Result<std::uint64_t> RatingOutbox::enqueue(const hall::SubmitRating& rating) {
    if (const hall::Status valid = checkRating(rating); !valid)
        return valid.error();
    if (!m_open)
        return hall::Error{hall::ErrorCode::InvalidState, "the rating outbox is not open"};
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery exists(db);
    exists.prepare(u"SELECT 1 FROM pending_rating WHERE ticket_id = :ticket"_s);
    exists.bindValue(u":ticket"_s, static_cast<qint64>(rating.ticketId));
    if (!exists.exec())
        return sqlError(u"cannot read the outbox"_s, exists.lastError());
    if (exists.next())
        return hall::Error{hall::ErrorCode::Conflict, "this service already has a rating waiting to be sent"};

    const std::uint64_t requestId = freshRequestId();
    QSqlQuery insert(db);
    insert.prepare(
        u"INSERT INTO pending_rating (request_id, ticket_id, level, reason_code, comment, saved_at_ms) "
        "VALUES (:request, :ticket, :level, :reason, :comment, :saved)"_s);
    insert.bindValue(u":request"_s, static_cast<qint64>(requestId));
    insert.bindValue(u":ticket"_s, static_cast<qint64>(rating.ticketId));
    insert.bindValue(u":level"_s, rating.level);
    insert.bindValue(u":reason"_s, rating.reasonCode);
    insert.bindValue(u":comment"_s, QString::fromStdString(rating.comment));
    insert.bindValue(u":saved"_s, QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec())
        return sqlError(u"cannot save the rating"_s, insert.lastError());

    const bool sendNow = m_sender && m_sender->isReady();
    Q_EMIT saved(rating.ticketId, sendNow);
    Q_EMIT pendingCountChanged(pendingCount());
    if (sendNow)
        sendOne(PendingRating{requestId, rating, 0});
    return requestId;
}

void RatingOutbox::flush() {
    if (!m_open || !m_sender || !m_sender->isReady())
        return;
    for (const PendingRating& waiting : pending())
        if (!m_inFlight.contains(waiting.requestId))
            sendOne(waiting);
}

void RatingOutbox::sendOne(const PendingRating& waiting) {
    m_inFlight.insert(waiting.requestId);
    qCInfo(lcOutbox) << "sending rating, request" << waiting.requestId;
    m_sender->send(waiting.requestId, waiting.rating,
                   [guard = QPointer<RatingOutbox>(this), requestId = waiting.requestId,
                    ticketId = waiting.rating.ticketId](const hall::Result<hall::SubmitRatingOk>& answer) {
                       if (guard)
                           guard->onAnswer(requestId, ticketId, answer);
                   });
}

void RatingOutbox::onAnswer(std::uint64_t requestId, std::uint64_t ticketId,
                            const hall::Result<hall::SubmitRatingOk>& answer) {
    m_inFlight.erase(requestId);
    if (answer) {
        remove(requestId);
        qCInfo(lcOutbox) << "rating delivered, request" << requestId;
        Q_EMIT delivered(ticketId, answer->ratingId);
        return;
    }
    if (isTransient(answer.error().code)) {
        qCInfo(lcOutbox) << "rating kept for later, request" << requestId << "reason"
                         << QString::fromStdString(answer.error().message);
        return;
    }
    remove(requestId);
    qCWarning(lcOutbox) << "rating refused by the server, request" << requestId << "reason"
                        << QString::fromStdString(answer.error().message);
    Q_EMIT rejected(ticketId, answer.error());
}

bool RatingOutbox::remove(std::uint64_t requestId) {
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"DELETE FROM pending_rating WHERE request_id = :request"_s);
    query.bindValue(u":request"_s, static_cast<qint64>(requestId));
    if (!query.exec()) {
        // The row stays and is sent again later; the server answers the same id with its first answer.
        qCWarning(lcOutbox) << "cannot remove a delivered rating:" << query.lastError().text();
        return false;
    }
    Q_EMIT pendingCountChanged(pendingCount());
    return true;
}

std::vector<PendingRating> RatingOutbox::pending() const {
    std::vector<PendingRating> result;
    if (!m_open)
        return result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT request_id, ticket_id, level, reason_code, comment, saved_at_ms "
                    "FROM pending_rating ORDER BY saved_at_ms, request_id"_s)) {
        qCWarning(lcOutbox) << "cannot read the outbox:" << query.lastError().text();
        return result;
    }
    while (query.next()) {
        PendingRating row;
        row.requestId = static_cast<std::uint64_t>(query.value(0).toLongLong());
        row.rating.ticketId = static_cast<std::uint64_t>(query.value(1).toLongLong());
        row.rating.level = static_cast<std::uint8_t>(query.value(2).toUInt());
        row.rating.reasonCode = static_cast<std::uint8_t>(query.value(3).toUInt());
        row.rating.comment = query.value(4).toString().toStdString();
        row.savedAtMs = query.value(5).toLongLong();
        result.push_back(std::move(row));
    }
    return result;
}

int RatingOutbox::pendingCount() const {
    return static_cast<int>(pending().size());
}

bool RatingOutbox::isTransient(hall::ErrorCode code) {
    using hall::ErrorCode;
    return code == ErrorCode::Disconnected || code == ErrorCode::Timeout || code == ErrorCode::Unavailable ||
           code == ErrorCode::RateLimited || code == ErrorCode::NotLoggedIn || code == ErrorCode::Internal;
}

} // namespace tablet
