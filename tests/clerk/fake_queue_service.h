#pragma once
// A QueueService whose answers the test gives: requests are recorded, and the test completes them.

#include "queue_service.h"

#include "protocol/queue_events.h"

#include <QPointer>

#include <functional>
#include <string>
#include <vector>

namespace clerk::test {

class FakeQueueService : public QueueService {
public:
    struct Sent {
        std::string what; ///< "callNext", "recall", ...
        std::uint64_t ticketId = 0;
        std::function<void(const hall::Result<hall::TicketOk>&)> ticketDone;
        std::function<void(const hall::Result<hall::WindowOk>&)> windowDone;
    };
    std::vector<Sent> sent;

    void callNext(const QObject* context, Callback<hall::TicketOk> done) override {
        recordTicket("callNext", 0, context, std::move(done));
    }
    void recall(std::uint64_t id, const QObject* context, Callback<hall::TicketOk> done) override {
        recordTicket("recall", id, context, std::move(done));
    }
    void beginService(std::uint64_t id, const QObject* context, Callback<hall::TicketOk> done) override {
        recordTicket("begin", id, context, std::move(done));
    }
    void finishService(std::uint64_t id, const QObject* context, Callback<hall::TicketOk> done) override {
        recordTicket("finish", id, context, std::move(done));
    }
    void markNoShow(std::uint64_t id, const QObject* context, Callback<hall::TicketOk> done) override {
        recordTicket("noShow", id, context, std::move(done));
    }
    void reactivate(std::uint64_t id, const QObject* context, Callback<hall::TicketOk> done) override {
        recordTicket("reactivate", id, context, std::move(done));
    }
    void transfer(const hall::TransferTicket& request, const QObject* context,
                  Callback<hall::TicketOk> done) override {
        recordTicket("transfer:" + request.toQueuePrefix, request.ticketId, context, std::move(done));
    }
    void setWindowState(const hall::SetWindowState& request, const QObject* context,
                        Callback<hall::WindowOk> done) override {
        Sent entry{"window:" + std::to_string(int(request.state)) + ":" + request.reason, 0, {}, {}};
        QPointer<const QObject> guard(context);
        entry.windowDone = [guard, done = std::move(done)](const hall::Result<hall::WindowOk>& r) {
            if (guard)
                done(r);
        };
        sent.push_back(std::move(entry));
    }
    void windowQueue(const QObject*, Callback<hall::WindowQueue>) override {
        sent.push_back({"windowQueue", 0, {}, {}});
    }
    void queueBoard(std::uint8_t, const QObject*, Callback<hall::QueueBoard>) override {
        sent.push_back({"queueBoard", 0, {}, {}});
    }

private:
    void recordTicket(std::string what, std::uint64_t id, const QObject* context,
                      Callback<hall::TicketOk> done) {
        QPointer<const QObject> guard(context);
        Sent entry{std::move(what), id, {}, {}};
        entry.ticketDone = [guard, done = std::move(done)](const hall::Result<hall::TicketOk>& r) {
            if (guard)
                done(r);
        };
        sent.push_back(std::move(entry));
    }
};

/// Tickets and queues as a server would send them.
inline hall::TicketView ticket(std::uint64_t id, std::string number,
                               hall::TicketState state = hall::TicketState::Waiting, std::string window = {},
                               std::uint8_t priority = 0, std::int64_t issuedAtMs = 0) {
    hall::TicketView t;
    t.ticketId = id;
    t.queuePrefix = number.substr(0, 1);
    t.number = std::move(number);
    t.floor = 2;
    t.priorityClass = priority;
    t.state = state;
    t.issuedAtMs = issuedAtMs ? issuedAtMs : 1764726600000 + std::int64_t(id) * 60000; // 2025-12-03 09:50+
    t.window = std::move(window);
    return t;
}

inline hall::WindowQueue windowQueue(std::uint64_t asOfSeq, std::vector<hall::TicketView> waiting,
                                     std::optional<hall::TicketView> active = std::nullopt,
                                     hall::WindowState state = hall::WindowState::Open) {
    hall::WindowQueue q;
    q.asOfSeq = asOfSeq;
    q.window.window = "2-07";
    q.window.floor = 2;
    q.window.state = state;
    q.active = std::move(active);
    q.waiting = std::move(waiting);
    q.servedToday = 12;
    q.noShowToday = 1;
    return q;
}

template <typename E> hall::Event journalEvent(std::uint64_t seq, const E& body) {
    hall::Event e;
    e.seq = seq;
    e.kind = std::uint16_t(E::kKind);
    e.topic = "floor/2";
    e.body = hall::encodeEventBody(body);
    return e;
}

} // namespace clerk::test
