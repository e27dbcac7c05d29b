#include "rating_sender.h"

#include "qtclient/hall_connection.h"

namespace tablet {

ConnectionRatingSender::ConnectionRatingSender(hall::qt::HallConnection& connection, QObject* parent)
    : RatingSender(parent), m_connection(connection) {
    connect(&m_connection, &hall::qt::HallConnection::stateChanged, this,
            [this](hall::qt::HallConnection::State state) {
                if (state == hall::qt::HallConnection::State::Ready)
                    Q_EMIT ready();
            });
}

bool ConnectionRatingSender::isReady() const {
    return m_connection.state() == hall::qt::HallConnection::State::Ready;
}

void ConnectionRatingSender::send(std::uint64_t requestId, const hall::SubmitRating& rating, Done done) {
    hall::qt::PendingReply* reply = m_connection.requestWithId(rating, requestId);
    connect(reply, &hall::qt::PendingReply::finished, this,
            [reply, done = std::move(done)] { done(reply->result<hall::SubmitRatingOk>()); });
}

} // namespace tablet
