#pragma once

#include "protocol/events.h"
#include "protocol/queue_messages.h"

/// Journal events of the queue. All are published on the ticket's or window's floor topic ("floor/N"),
/// which displays, kiosks, clerk PCs and counter tablets of that floor follow; a transfer to another
/// floor is published on both floors. None carries personal data.
namespace hall {

struct TicketIssued {
    static constexpr EventKind kKind = EventKind::TicketIssued;
    TicketView ticket;
    std::uint32_t waitingInQueue = 0; ///< after this ticket

    void encode(WireWriter& w) const;
    static Result<TicketIssued> decode(std::string_view body);
    friend bool operator==(const TicketIssued&, const TicketIssued&) = default;
};

/// A call (or a recall) to a window: the display shows it and announces it.
struct TicketCalled {
    static constexpr EventKind kKind = EventKind::TicketCalled;
    TicketView ticket;
    bool recall = false;

    void encode(WireWriter& w) const;
    static Result<TicketCalled> decode(std::string_view body);
    friend bool operator==(const TicketCalled&, const TicketCalled&) = default;
};

/// Any other change of a ticket: serving, finished, no-show, reactivated, transferred, cancelled, expired.
struct TicketChanged {
    static constexpr EventKind kKind = EventKind::TicketChanged;
    TicketView ticket;
    std::uint32_t waitingInQueue = 0; ///< the ticket's queue after the change

    void encode(WireWriter& w) const;
    static Result<TicketChanged> decode(std::string_view body);
    friend bool operator==(const TicketChanged&, const TicketChanged&) = default;
};

struct WindowChanged {
    static constexpr EventKind kKind = EventKind::WindowChanged;
    WindowView window;
    std::string reason;

    void encode(WireWriter& w) const;
    static Result<WindowChanged> decode(std::string_view body);
    friend bool operator==(const WindowChanged&, const WindowChanged&) = default;
};

/// A rating from a counter tablet (published on the window's floor and kept for supervision).
struct RatingRecorded {
    static constexpr EventKind kKind = EventKind::RatingRecorded;
    std::uint64_t ratingId = 0;
    std::uint64_t ticketId = 0;
    std::string number;
    std::string window;
    std::string clerkUsername;
    std::uint8_t level = 0;
    std::uint8_t reasonCode = 0;
    std::string comment;

    void encode(WireWriter& w) const;
    static Result<RatingRecorded> decode(std::string_view body);
    friend bool operator==(const RatingRecorded&, const RatingRecorded&) = default;
};

/// The business day closed: waiting tickets expired (not served) and numbering starts again.
struct QueueDayClosed {
    static constexpr EventKind kKind = EventKind::QueueDayClosed;
    std::string serviceDay;
    std::uint32_t expiredCount = 0;

    void encode(WireWriter& w) const;
    static Result<QueueDayClosed> decode(std::string_view body);
    friend bool operator==(const QueueDayClosed&, const QueueDayClosed&) = default;
};

} // namespace hall
