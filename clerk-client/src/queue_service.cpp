#include "queue_service.h"

#include "qtclient/hall_connection.h"

namespace clerk {

namespace {

template <typename Request, typename Reply>
void send(hall::qt::HallConnection& connection, const Request& request, const QObject* context,
          QueueService::Callback<Reply> done) {
    connection.request(request, context,
                       [done = std::move(done)](const hall::Result<Reply>& result) { done(result); });
}

template <typename Action> Action ticketAction(std::uint64_t ticketId) {
    Action action;
    action.ticketId = ticketId;
    return action;
}

} // namespace

void ConnectionQueueService::callNext(const QObject* context, Callback<hall::TicketOk> done) {
    send(m_connection, hall::CallNext{}, context, std::move(done));
}

void ConnectionQueueService::recall(std::uint64_t ticketId, const QObject* context,
                                    Callback<hall::TicketOk> done) {
    send(m_connection, ticketAction<hall::Recall>(ticketId), context, std::move(done));
}

void ConnectionQueueService::beginService(std::uint64_t ticketId, const QObject* context,
                                          Callback<hall::TicketOk> done) {
    send(m_connection, ticketAction<hall::BeginService>(ticketId), context, std::move(done));
}

void ConnectionQueueService::finishService(std::uint64_t ticketId, const QObject* context,
                                           Callback<hall::TicketOk> done) {
    send(m_connection, ticketAction<hall::FinishService>(ticketId), context, std::move(done));
}

void ConnectionQueueService::markNoShow(std::uint64_t ticketId, const QObject* context,
                                        Callback<hall::TicketOk> done) {
    send(m_connection, ticketAction<hall::MarkNoShow>(ticketId), context, std::move(done));
}

void ConnectionQueueService::reactivate(std::uint64_t ticketId, const QObject* context,
                                        Callback<hall::TicketOk> done) {
    send(m_connection, ticketAction<hall::Reactivate>(ticketId), context, std::move(done));
}

void ConnectionQueueService::transfer(const hall::TransferTicket& request, const QObject* context,
                                      Callback<hall::TicketOk> done) {
    send(m_connection, request, context, std::move(done));
}

void ConnectionQueueService::setWindowState(const hall::SetWindowState& request, const QObject* context,
                                            Callback<hall::WindowOk> done) {
    send(m_connection, request, context, std::move(done));
}

void ConnectionQueueService::windowQueue(const QObject* context, Callback<hall::WindowQueue> done) {
    send(m_connection, hall::GetWindowQueue{}, context, std::move(done));
}

void ConnectionQueueService::queueBoard(std::uint8_t floor, const QObject* context,
                                        Callback<hall::QueueBoard> done) {
    send(m_connection, hall::GetQueueBoard{floor}, context, std::move(done));
}

} // namespace clerk
