#pragma once

#include "protocol/messages.h"
#include "protocol/result.h"
#include "protocol/wire.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

/// The queue: tickets from the kiosk, calls at the windows, the boards the displays show, ratings from
/// the counter tablets. Semantics (numbering, ordering policy, recall and no-show rules, end of day) are
/// in docs/queue.md; this file only fixes the wire shapes.
namespace hall {

enum class TicketState : std::uint8_t {
    Waiting = 1,  ///< in its queue, in call order
    Called = 2,   ///< called to a window, not yet at the counter
    Serving = 3,  ///< at the counter
    Finished = 4, ///< served
    NoShow = 5,   ///< called the required number of times without coming
    Expired = 6,  ///< still waiting when the day closed: not served
    Cancelled = 7 ///< withdrawn by staff
};

enum class WindowState : std::uint8_t {
    Closed = 1, ///< nobody logged in, or closed for the day
    Open = 2,   ///< a clerk is at the window and may call
    Paused = 3  ///< the clerk is on a break; no calls
};

/// One ticket as the protocol shows it. Never carries the mobile number or any other personal data.
struct TicketView {
    std::uint64_t ticketId = 0;
    std::string number;      ///< "A023" (present/ticket_number.h formats it)
    std::string queuePrefix; ///< "A"
    std::uint8_t floor = 0;
    std::uint8_t priorityClass = 0; ///< an id from the hall's priority classes; 0 is normal
    TicketState state = TicketState::Waiting;
    std::int64_t issuedAtMs = 0; ///< arrival; kept across transfers and reactivation
    std::string window;          ///< the window it was called to ("2-07"), or reserved for; empty if none
    std::uint16_t callCount = 0;
    std::int64_t lastCallAtMs = 0;
    std::string itemCode; ///< the service item chosen at the kiosk, if any

    friend bool operator==(const TicketView&, const TicketView&) = default;
};

struct WindowView {
    std::string window; ///< "2-07"
    std::uint8_t floor = 0;
    WindowState state = WindowState::Closed;
    std::string clerkName;   ///< the clerk at the window (a public official's name), empty when closed
    std::string staffNumber; ///< shown on the counter tablet
    std::string currentNumber;
    std::uint64_t currentTicketId = 0;

    friend bool operator==(const WindowView&, const WindowView&) = default;
};

struct QueueView {
    std::string prefix;
    std::string name;
    std::uint8_t floor = 0;
    std::uint32_t waiting = 0;
    std::string lastCalledNumber;
    std::uint32_t averageServiceS = 0; ///< recent average service time, for wait estimates

    friend bool operator==(const QueueView&, const QueueView&) = default;
};

struct CallView {
    std::uint64_t ticketId = 0;
    std::string number;
    std::string window;
    std::int64_t calledAtMs = 0;
    std::uint16_t callCount = 0;

    friend bool operator==(const CallView&, const CallView&) = default;
};

struct PriorityClassView {
    std::uint8_t id = 0;
    std::string name; ///< "老年人", "残疾人", "预约", ... as the hall defines them
    bool priority = false;

    friend bool operator==(const PriorityClassView&, const PriorityClassView&) = default;
};

// ---- requests and replies --------------------------------------------------------------------------

/// Take a number. From a kiosk (no person) or a clerk PC issuing for a walk-in. Idempotent by request id:
/// a double tap or a network retry gives one ticket.
struct IssueTicket {
    static constexpr MessageType kType = MessageType::IssueTicket;
    std::string queuePrefix; ///< the queue, or empty when itemCode decides it
    std::string itemCode;    ///< the service item chosen; optional
    std::uint8_t priorityClass = 0;
    std::string mobile;      ///< for SMS reminders; optional, checked by the server
    std::string citizenCard; ///< a citizen card number swiped instead; optional

    void encode(WireWriter& w) const;
    static Result<IssueTicket> decode(std::string_view body);
    friend bool operator==(const IssueTicket&, const IssueTicket&) = default;
};

struct IssueTicketOk {
    static constexpr MessageType kType = MessageType::IssueTicketOk;
    TicketView ticket;
    std::uint32_t peopleAhead = 0;
    std::uint32_t estimatedWaitS = 0; ///< see docs/queue.md for the formula
    std::vector<std::string> windows; ///< where the queue is served
    bool smsEnabled = false;          ///< whether reminders will be sent to the number given

    void encode(WireWriter& w) const;
    static Result<IssueTicketOk> decode(std::string_view body);
    friend bool operator==(const IssueTicketOk&, const IssueTicketOk&) = default;
};

/// Call the next ticket to the caller's window (the window comes from the device, never the request).
struct CallNext {
    static constexpr MessageType kType = MessageType::CallNext;
    void encode(WireWriter&) const {}
    static Result<CallNext> decode(std::string_view body);
    friend bool operator==(const CallNext&, const CallNext&) = default;
};

/// An action on one ticket: recall, no-show, reactivate, begin or finish service, cancel.
struct TicketAction {
    std::uint64_t ticketId = 0;
    void encode(WireWriter& w) const;
    friend bool operator==(const TicketAction&, const TicketAction&) = default;
};

#define HALL_TICKET_ACTION(Name)                                                                             \
    struct Name : TicketAction {                                                                             \
        static constexpr MessageType kType = MessageType::Name;                                              \
        static Result<Name> decode(std::string_view body);                                                   \
        friend bool operator==(const Name&, const Name&) = default;                                          \
    };
HALL_TICKET_ACTION(Recall)
HALL_TICKET_ACTION(MarkNoShow)
HALL_TICKET_ACTION(Reactivate)
HALL_TICKET_ACTION(BeginService)
HALL_TICKET_ACTION(FinishService)
HALL_TICKET_ACTION(CancelTicket)
#undef HALL_TICKET_ACTION

/// Move a ticket to another queue (and optionally reserve it for one window), keeping its arrival time.
struct TransferTicket {
    static constexpr MessageType kType = MessageType::TransferTicket;
    std::uint64_t ticketId = 0;
    std::string toQueuePrefix;
    std::string toWindow; ///< optional

    void encode(WireWriter& w) const;
    static Result<TransferTicket> decode(std::string_view body);
    friend bool operator==(const TransferTicket&, const TransferTicket&) = default;
};

/// The answer to CallNext and to every ticket action: the ticket as it is now.
struct TicketOk {
    static constexpr MessageType kType = MessageType::TicketOk;
    TicketView ticket;

    void encode(WireWriter& w) const;
    static Result<TicketOk> decode(std::string_view body);
    friend bool operator==(const TicketOk&, const TicketOk&) = default;
};

/// Open, pause or close the caller's window.
struct SetWindowState {
    static constexpr MessageType kType = MessageType::SetWindowState;
    WindowState state = WindowState::Open;
    std::string reason; ///< for a pause or closing ("午休", "培训"); optional

    void encode(WireWriter& w) const;
    static Result<SetWindowState> decode(std::string_view body);
    friend bool operator==(const SetWindowState&, const SetWindowState&) = default;
};

struct WindowOk {
    static constexpr MessageType kType = MessageType::WindowOk;
    WindowView window;

    void encode(WireWriter& w) const;
    static Result<WindowOk> decode(std::string_view body);
    friend bool operator==(const WindowOk&, const WindowOk&) = default;
};

/// What a display or kiosk shows for a floor (0: the whole hall). `asOfSeq` is the journal sequence the
/// board is valid at: subscribe after it and apply the events that follow.
struct GetQueueBoard {
    static constexpr MessageType kType = MessageType::GetQueueBoard;
    std::uint8_t floor = 0;

    void encode(WireWriter& w) const;
    static Result<GetQueueBoard> decode(std::string_view body);
    friend bool operator==(const GetQueueBoard&, const GetQueueBoard&) = default;
};

struct QueueBoard {
    static constexpr MessageType kType = MessageType::QueueBoard;
    std::uint64_t asOfSeq = 0;
    std::string serviceDay; ///< "2026-12-03", the hall's local business day
    std::vector<QueueView> queues;
    std::vector<WindowView> windows;
    std::vector<CallView> recentCalls; ///< newest first, at most 20
    std::vector<PriorityClassView> priorityClasses;

    void encode(WireWriter& w) const;
    static Result<QueueBoard> decode(std::string_view body);
    friend bool operator==(const QueueBoard&, const QueueBoard&) = default;
};

/// The caller's window: its waiting list in call order, its active ticket and today's counts.
struct GetWindowQueue {
    static constexpr MessageType kType = MessageType::GetWindowQueue;
    void encode(WireWriter&) const {}
    static Result<GetWindowQueue> decode(std::string_view body);
    friend bool operator==(const GetWindowQueue&, const GetWindowQueue&) = default;
};

struct WindowQueue {
    static constexpr MessageType kType = MessageType::WindowQueue;
    std::uint64_t asOfSeq = 0;
    WindowView window;
    std::optional<TicketView> active;
    std::vector<TicketView> waiting; ///< in the order CallNext would take them, at most 200
    std::uint32_t servedToday = 0;
    std::uint32_t noShowToday = 0;

    void encode(WireWriter& w) const;
    static Result<WindowQueue> decode(std::string_view body);
    friend bool operator==(const WindowQueue&, const WindowQueue&) = default;
};

/// A citizen's rating of a finished service, from the counter tablet of that window. One per ticket.
struct SubmitRating {
    static constexpr MessageType kType = MessageType::SubmitRating;
    std::uint64_t ticketId = 0;
    std::uint8_t level = 0;      ///< 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意
    std::uint8_t reasonCode = 0; ///< required for levels 1 and 2 (ratingReasonName); 0 otherwise
    std::string comment;         ///< optional, at most 500 bytes

    void encode(WireWriter& w) const;
    static Result<SubmitRating> decode(std::string_view body);
    friend bool operator==(const SubmitRating&, const SubmitRating&) = default;
};

struct SubmitRatingOk {
    static constexpr MessageType kType = MessageType::SubmitRatingOk;
    std::uint64_t ratingId = 0;

    void encode(WireWriter& w) const;
    static Result<SubmitRatingOk> decode(std::string_view body);
    friend bool operator==(const SubmitRatingOk&, const SubmitRatingOk&) = default;
};

/// Reasons a citizen may give for a poor rating (levels 1 and 2). Stored and sent: append only.
enum class RatingReason : std::uint8_t {
    LongWait = 1,
    Attitude = 2,
    UnclearGuidance = 3,
    RepeatedVisits = 4,
    SlowHandling = 5,
    NotAtWindow = 6,
    Other = 9,
};
std::optional<RatingReason> ratingReasonFromId(std::uint8_t id);
/// The Chinese label shown on the tablet ("等候时间太长").
std::string_view ratingReasonLabel(RatingReason reason);

} // namespace hall
