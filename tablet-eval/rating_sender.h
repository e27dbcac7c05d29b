#pragma once

#include "protocol/queue_messages.h"
#include "protocol/result.h"

#include <QObject>

#include <cstdint>
#include <functional>

namespace hall::qt {
class HallConnection;
}

namespace tablet {

/// How the rating outbox reaches the server. The outbox only sends while isReady(), and sends each
/// rating again (with the same request id) after the next ready() until an answer settles it.
class RatingSender : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(const hall::Result<hall::SubmitRatingOk>&)>;

    using QObject::QObject;

    virtual bool isReady() const = 0;
    /// Sends `rating` under `requestId`; `done` is called exactly once, later, with the answer or the
    /// failure (Disconnected, Timeout or the server's error).
    virtual void send(std::uint64_t requestId, const hall::SubmitRating& rating, Done done) = 0;

Q_SIGNALS:
    /// The line to the server is up (again).
    void ready();
};

/// The real sender: SubmitRating over the hall connection, under the saved request id.
class ConnectionRatingSender : public RatingSender {
    Q_OBJECT

public:
    explicit ConnectionRatingSender(hall::qt::HallConnection& connection, QObject* parent = nullptr);

    bool isReady() const override;
    void send(std::uint64_t requestId, const hall::SubmitRating& rating, Done done) override;

private:
    hall::qt::HallConnection& m_connection;
};

} // namespace tablet
