#include "protocol/queue_messages.h"

#include "protocol/queue_wire.h"

namespace hall {
namespace {

constexpr std::size_t kShort = 64;
constexpr std::size_t kName = 128;
constexpr std::size_t kComment = 500;
constexpr std::size_t kMaxBoardItems = 500;
constexpr std::size_t kMaxWaiting = 200;

template <typename M> Result<M> emptyBody(std::string_view body) {
    WireReader r(body);
    return r.finish(M{});
}

template <typename M> Result<M> ticketAction(std::string_view body) {
    WireReader r(body);
    M m;
    m.ticketId = r.u64("ticketId");
    return r.finish(m);
}

} // namespace

void writeTicketView(WireWriter& w, const TicketView& t) {
    w.u64(t.ticketId);
    w.str(t.number);
    w.str(t.queuePrefix);
    w.u8(t.floor);
    w.u8(t.priorityClass);
    w.u8(static_cast<std::uint8_t>(t.state));
    w.i64(t.issuedAtMs);
    w.str(t.window);
    w.u16(t.callCount);
    w.i64(t.lastCallAtMs);
    w.str(t.itemCode);
}

TicketView readTicketView(WireReader& r) {
    TicketView t;
    t.ticketId = r.u64("ticket.ticketId");
    t.number = r.str("ticket.number", 16);
    t.queuePrefix = r.str("ticket.queuePrefix", 8);
    t.floor = r.u8("ticket.floor");
    t.priorityClass = r.u8("ticket.priorityClass");
    const std::uint8_t state = r.u8("ticket.state");
    if (state < static_cast<std::uint8_t>(TicketState::Waiting) ||
        state > static_cast<std::uint8_t>(TicketState::Cancelled))
        r.fail("ticket.state", "unknown ticket state");
    else
        t.state = static_cast<TicketState>(state);
    t.issuedAtMs = r.i64("ticket.issuedAtMs");
    t.window = r.str("ticket.window", 16);
    t.callCount = r.u16("ticket.callCount");
    t.lastCallAtMs = r.i64("ticket.lastCallAtMs");
    t.itemCode = r.str("ticket.itemCode", kName);
    return t;
}

void writeWindowView(WireWriter& w, const WindowView& v) {
    w.str(v.window);
    w.u8(v.floor);
    w.u8(static_cast<std::uint8_t>(v.state));
    w.str(v.clerkName);
    w.str(v.staffNumber);
    w.str(v.currentNumber);
    w.u64(v.currentTicketId);
}

WindowView readWindowView(WireReader& r) {
    WindowView v;
    v.window = r.str("window.window", 16);
    v.floor = r.u8("window.floor");
    const std::uint8_t state = r.u8("window.state");
    if (state < static_cast<std::uint8_t>(WindowState::Closed) ||
        state > static_cast<std::uint8_t>(WindowState::Paused))
        r.fail("window.state", "unknown window state");
    else
        v.state = static_cast<WindowState>(state);
    v.clerkName = r.str("window.clerkName", kName);
    v.staffNumber = r.str("window.staffNumber", kShort);
    v.currentNumber = r.str("window.currentNumber", 16);
    v.currentTicketId = r.u64("window.currentTicketId");
    return v;
}

void IssueTicket::encode(WireWriter& w) const {
    w.str(queuePrefix);
    w.str(itemCode);
    w.u8(priorityClass);
    w.str(mobile);
    w.str(citizenCard);
}

Result<IssueTicket> IssueTicket::decode(std::string_view body) {
    WireReader r(body);
    IssueTicket m;
    m.queuePrefix = r.str("queuePrefix", 8);
    m.itemCode = r.str("itemCode", kName);
    m.priorityClass = r.u8("priorityClass");
    m.mobile = r.str("mobile", 32);
    m.citizenCard = r.str("citizenCard", 32);
    return r.finish(std::move(m));
}

void IssueTicketOk::encode(WireWriter& w) const {
    writeTicketView(w, ticket);
    w.u32(peopleAhead);
    w.u32(estimatedWaitS);
    w.list(windows, [](WireWriter& out, const std::string& s) { out.str(s); });
    w.boolean(smsEnabled);
}

Result<IssueTicketOk> IssueTicketOk::decode(std::string_view body) {
    WireReader r(body);
    IssueTicketOk m;
    m.ticket = readTicketView(r);
    m.peopleAhead = r.u32("peopleAhead");
    m.estimatedWaitS = r.u32("estimatedWaitS");
    m.windows = r.list<std::string>("windows", 100, [](WireReader& in) { return in.str("window", 16); });
    m.smsEnabled = r.boolean("smsEnabled");
    return r.finish(std::move(m));
}

Result<CallNext> CallNext::decode(std::string_view body) {
    return emptyBody<CallNext>(body);
}

void TicketAction::encode(WireWriter& w) const {
    w.u64(ticketId);
}

Result<Recall> Recall::decode(std::string_view body) {
    return ticketAction<Recall>(body);
}
Result<MarkNoShow> MarkNoShow::decode(std::string_view body) {
    return ticketAction<MarkNoShow>(body);
}
Result<Reactivate> Reactivate::decode(std::string_view body) {
    return ticketAction<Reactivate>(body);
}
Result<BeginService> BeginService::decode(std::string_view body) {
    return ticketAction<BeginService>(body);
}
Result<FinishService> FinishService::decode(std::string_view body) {
    return ticketAction<FinishService>(body);
}
Result<CancelTicket> CancelTicket::decode(std::string_view body) {
    return ticketAction<CancelTicket>(body);
}

void TransferTicket::encode(WireWriter& w) const {
    w.u64(ticketId);
    w.str(toQueuePrefix);
    w.str(toWindow);
}

Result<TransferTicket> TransferTicket::decode(std::string_view body) {
    WireReader r(body);
    TransferTicket m;
    m.ticketId = r.u64("ticketId");
    m.toQueuePrefix = r.str("toQueuePrefix", 8);
    m.toWindow = r.str("toWindow", 16);
    return r.finish(std::move(m));
}

void TicketOk::encode(WireWriter& w) const {
    writeTicketView(w, ticket);
}

Result<TicketOk> TicketOk::decode(std::string_view body) {
    WireReader r(body);
    TicketOk m;
    m.ticket = readTicketView(r);
    return r.finish(std::move(m));
}

void SetWindowState::encode(WireWriter& w) const {
    w.u8(static_cast<std::uint8_t>(state));
    w.str(reason);
}

Result<SetWindowState> SetWindowState::decode(std::string_view body) {
    WireReader r(body);
    SetWindowState m;
    const std::uint8_t state = r.u8("state");
    if (state < static_cast<std::uint8_t>(WindowState::Closed) ||
        state > static_cast<std::uint8_t>(WindowState::Paused))
        r.fail("state", "unknown window state");
    else
        m.state = static_cast<WindowState>(state);
    m.reason = r.str("reason", kName);
    return r.finish(std::move(m));
}

void WindowOk::encode(WireWriter& w) const {
    writeWindowView(w, window);
}

Result<WindowOk> WindowOk::decode(std::string_view body) {
    WireReader r(body);
    WindowOk m;
    m.window = readWindowView(r);
    return r.finish(std::move(m));
}

void GetQueueBoard::encode(WireWriter& w) const {
    w.u8(floor);
}

Result<GetQueueBoard> GetQueueBoard::decode(std::string_view body) {
    WireReader r(body);
    GetQueueBoard m;
    m.floor = r.u8("floor");
    return r.finish(m);
}

void QueueBoard::encode(WireWriter& w) const {
    w.u64(asOfSeq);
    w.str(serviceDay);
    w.list(queues, [](WireWriter& out, const QueueView& q) {
        out.str(q.prefix);
        out.str(q.name);
        out.u8(q.floor);
        out.u32(q.waiting);
        out.str(q.lastCalledNumber);
        out.u32(q.averageServiceS);
    });
    w.list(windows, [](WireWriter& out, const WindowView& v) { writeWindowView(out, v); });
    w.list(recentCalls, [](WireWriter& out, const CallView& c) {
        out.u64(c.ticketId);
        out.str(c.number);
        out.str(c.window);
        out.i64(c.calledAtMs);
        out.u16(c.callCount);
    });
    w.list(priorityClasses, [](WireWriter& out, const PriorityClassView& p) {
        out.u8(p.id);
        out.str(p.name);
        out.boolean(p.priority);
    });
}

Result<QueueBoard> QueueBoard::decode(std::string_view body) {
    WireReader r(body);
    QueueBoard m;
    m.asOfSeq = r.u64("asOfSeq");
    m.serviceDay = r.str("serviceDay", 16);
    m.queues = r.list<QueueView>("queues", kMaxBoardItems, [](WireReader& in) {
        QueueView q;
        q.prefix = in.str("queue.prefix", 8);
        q.name = in.str("queue.name", kName);
        q.floor = in.u8("queue.floor");
        q.waiting = in.u32("queue.waiting");
        q.lastCalledNumber = in.str("queue.lastCalledNumber", 16);
        q.averageServiceS = in.u32("queue.averageServiceS");
        return q;
    });
    m.windows =
        r.list<WindowView>("windows", kMaxBoardItems, [](WireReader& in) { return readWindowView(in); });
    m.recentCalls = r.list<CallView>("recentCalls", kMaxBoardItems, [](WireReader& in) {
        CallView c;
        c.ticketId = in.u64("call.ticketId");
        c.number = in.str("call.number", 16);
        c.window = in.str("call.window", 16);
        c.calledAtMs = in.i64("call.calledAtMs");
        c.callCount = in.u16("call.callCount");
        return c;
    });
    m.priorityClasses = r.list<PriorityClassView>("priorityClasses", 32, [](WireReader& in) {
        PriorityClassView p;
        p.id = in.u8("class.id");
        p.name = in.str("class.name", kShort);
        p.priority = in.boolean("class.priority");
        return p;
    });
    return r.finish(std::move(m));
}

Result<GetWindowQueue> GetWindowQueue::decode(std::string_view body) {
    return emptyBody<GetWindowQueue>(body);
}

void WindowQueue::encode(WireWriter& w) const {
    w.u64(asOfSeq);
    writeWindowView(w, window);
    w.boolean(active.has_value());
    if (active)
        writeTicketView(w, *active);
    w.list(waiting, [](WireWriter& out, const TicketView& t) { writeTicketView(out, t); });
    w.u32(servedToday);
    w.u32(noShowToday);
}

Result<WindowQueue> WindowQueue::decode(std::string_view body) {
    WireReader r(body);
    WindowQueue m;
    m.asOfSeq = r.u64("asOfSeq");
    m.window = readWindowView(r);
    if (r.boolean("hasActive"))
        m.active = readTicketView(r);
    m.waiting = r.list<TicketView>("waiting", kMaxWaiting, [](WireReader& in) { return readTicketView(in); });
    m.servedToday = r.u32("servedToday");
    m.noShowToday = r.u32("noShowToday");
    return r.finish(std::move(m));
}

void SubmitRating::encode(WireWriter& w) const {
    w.u64(ticketId);
    w.u8(level);
    w.u8(reasonCode);
    w.str(comment);
}

Result<SubmitRating> SubmitRating::decode(std::string_view body) {
    WireReader r(body);
    SubmitRating m;
    m.ticketId = r.u64("ticketId");
    m.level = r.u8("level");
    m.reasonCode = r.u8("reasonCode");
    m.comment = r.str("comment", kComment);
    return r.finish(std::move(m));
}

void SubmitRatingOk::encode(WireWriter& w) const {
    w.u64(ratingId);
}

Result<SubmitRatingOk> SubmitRatingOk::decode(std::string_view body) {
    WireReader r(body);
    SubmitRatingOk m;
    m.ratingId = r.u64("ratingId");
    return r.finish(m);
}

std::optional<RatingReason> ratingReasonFromId(std::uint8_t id) {
    switch (id) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 9:
        return static_cast<RatingReason>(id);
    default:
        return std::nullopt;
    }
}

std::string_view ratingReasonLabel(RatingReason reason) {
    switch (reason) {
    case RatingReason::LongWait:
        return "等候时间太长";
    case RatingReason::Attitude:
        return "服务态度不好";
    case RatingReason::UnclearGuidance:
        return "告知不清楚";
    case RatingReason::RepeatedVisits:
        return "让我多次跑腿";
    case RatingReason::SlowHandling:
        return "办理效率低";
    case RatingReason::NotAtWindow:
        return "窗口无人或离岗";
    case RatingReason::Other:
        return "其他";
    }
    return "其他";
}

} // namespace hall
