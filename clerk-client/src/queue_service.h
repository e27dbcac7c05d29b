#pragma once

#include "protocol/queue_messages.h"
#include "protocol/result.h"

#include <QObject>

#include <functional>

namespace hall::qt {
class HallConnection;
}

namespace clerk {

/// The queue requests the clerk's window sends. An interface so the actions can be tested with answers
/// the test gives, and run on the real connection in the program. Every callback is called exactly once,
/// later, from the event loop, unless `context` is destroyed first.
class QueueService {
public:
    template <typename T> using Callback = std::function<void(const hall::Result<T>&)>;

    virtual ~QueueService() = default;
    virtual void callNext(const QObject* context, Callback<hall::TicketOk> done) = 0;
    virtual void recall(std::uint64_t ticketId, const QObject* context, Callback<hall::TicketOk> done) = 0;
    virtual void beginService(std::uint64_t ticketId, const QObject* context,
                              Callback<hall::TicketOk> done) = 0;
    virtual void finishService(std::uint64_t ticketId, const QObject* context,
                               Callback<hall::TicketOk> done) = 0;
    virtual void markNoShow(std::uint64_t ticketId, const QObject* context,
                            Callback<hall::TicketOk> done) = 0;
    virtual void reactivate(std::uint64_t ticketId, const QObject* context,
                            Callback<hall::TicketOk> done) = 0;
    virtual void transfer(const hall::TransferTicket& request, const QObject* context,
                          Callback<hall::TicketOk> done) = 0;
    virtual void setWindowState(const hall::SetWindowState& request, const QObject* context,
                                Callback<hall::WindowOk> done) = 0;
    virtual void windowQueue(const QObject* context, Callback<hall::WindowQueue> done) = 0;
    virtual void queueBoard(std::uint8_t floor, const QObject* context, Callback<hall::QueueBoard> done) = 0;
};

/// QueueService over the hall connection.
class ConnectionQueueService : public QueueService {
public:
    explicit ConnectionQueueService(hall::qt::HallConnection& connection) : m_connection(connection) {}

    void callNext(const QObject* context, Callback<hall::TicketOk> done) override;
    void recall(std::uint64_t ticketId, const QObject* context, Callback<hall::TicketOk> done) override;
    void beginService(std::uint64_t ticketId, const QObject* context, Callback<hall::TicketOk> done) override;
    void finishService(std::uint64_t ticketId, const QObject* context,
                       Callback<hall::TicketOk> done) override;
    void markNoShow(std::uint64_t ticketId, const QObject* context, Callback<hall::TicketOk> done) override;
    void reactivate(std::uint64_t ticketId, const QObject* context, Callback<hall::TicketOk> done) override;
    void transfer(const hall::TransferTicket& request, const QObject* context,
                  Callback<hall::TicketOk> done) override;
    void setWindowState(const hall::SetWindowState& request, const QObject* context,
                        Callback<hall::WindowOk> done) override;
    void windowQueue(const QObject* context, Callback<hall::WindowQueue> done) override;
    void queueBoard(std::uint8_t floor, const QObject* context, Callback<hall::QueueBoard> done) override;

private:
    hall::qt::HallConnection& m_connection;
};

} // namespace clerk
