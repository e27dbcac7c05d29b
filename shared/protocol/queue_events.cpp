#include "protocol/queue_events.h"

#include "protocol/queue_wire.h"

namespace hall {

void TicketIssued::encode(WireWriter& w) const {
    writeTicketView(w, ticket);
    w.u32(waitingInQueue);
}

Result<TicketIssued> TicketIssued::decode(std::string_view body) {
    WireReader r(body);
    TicketIssued e;
    e.ticket = readTicketView(r);
    e.waitingInQueue = r.u32("waitingInQueue");
    return r.finish(std::move(e));
}

void TicketCalled::encode(WireWriter& w) const {
    writeTicketView(w, ticket);
    w.boolean(recall);
}

Result<TicketCalled> TicketCalled::decode(std::string_view body) {
    WireReader r(body);
    TicketCalled e;
    e.ticket = readTicketView(r);
    e.recall = r.boolean("recall");
    return r.finish(std::move(e));
}

void TicketChanged::encode(WireWriter& w) const {
    writeTicketView(w, ticket);
    w.u32(waitingInQueue);
}

Result<TicketChanged> TicketChanged::decode(std::string_view body) {
    WireReader r(body);
    TicketChanged e;
    e.ticket = readTicketView(r);
    e.waitingInQueue = r.u32("waitingInQueue");
    return r.finish(std::move(e));
}

void WindowChanged::encode(WireWriter& w) const {
    writeWindowView(w, window);
    w.str(reason);
}

Result<WindowChanged> WindowChanged::decode(std::string_view body) {
    WireReader r(body);
    WindowChanged e;
    e.window = readWindowView(r);
    e.reason = r.str("reason", 128);
    return r.finish(std::move(e));
}

void RatingRecorded::encode(WireWriter& w) const {
    w.u64(ratingId);
    w.u64(ticketId);
    w.str(number);
    w.str(window);
    w.str(clerkUsername);
    w.u8(level);
    w.u8(reasonCode);
    w.str(comment);
}

Result<RatingRecorded> RatingRecorded::decode(std::string_view body) {
    WireReader r(body);
    RatingRecorded e;
    e.ratingId = r.u64("ratingId");
    e.ticketId = r.u64("ticketId");
    e.number = r.str("number", 16);
    e.window = r.str("window", 16);
    e.clerkUsername = r.str("clerkUsername", 64);
    e.level = r.u8("level");
    e.reasonCode = r.u8("reasonCode");
    e.comment = r.str("comment", 500);
    return r.finish(std::move(e));
}

void QueueDayClosed::encode(WireWriter& w) const {
    w.str(serviceDay);
    w.u32(expiredCount);
}

Result<QueueDayClosed> QueueDayClosed::decode(std::string_view body) {
    WireReader r(body);
    QueueDayClosed e;
    e.serviceDay = r.str("serviceDay", 16);
    e.expiredCount = r.u32("expiredCount");
    return r.finish(std::move(e));
}

} // namespace hall
