#pragma once

// Small builders for the boards and journal events the display tests feed to the model.

#include "protocol/events.h"
#include "protocol/queue_events.h"

#include <string>

namespace displaytest {

inline hall::TicketView ticket(std::uint64_t id, const std::string& number, const std::string& window = {},
                               std::uint16_t callCount = 0, qint64 lastCallAtMs = 0) {
    hall::TicketView t;
    t.ticketId = id;
    t.number = number;
    t.queuePrefix = number.substr(0, 1);
    t.floor = 2;
    t.state = window.empty() ? hall::TicketState::Waiting : hall::TicketState::Called;
    t.window = window;
    t.callCount = callCount;
    t.lastCallAtMs = lastCallAtMs;
    return t;
}

template <typename E> hall::Event journalEvent(std::uint64_t seq, qint64 timeMs, const E& body) {
    return hall::Event{seq, timeMs, static_cast<std::uint16_t>(E::kKind), "floor/2",
                       hall::encodeEventBody(body)};
}

inline hall::Event called(std::uint64_t seq, qint64 atMs, std::uint64_t id, const std::string& number,
                          const std::string& window, bool recall = false, std::uint16_t callCount = 1) {
    return journalEvent(seq, atMs, hall::TicketCalled{ticket(id, number, window, callCount, atMs), recall});
}

inline hall::Event issued(std::uint64_t seq, qint64 atMs, std::uint64_t id, const std::string& number,
                          std::uint32_t waiting) {
    return journalEvent(seq, atMs, hall::TicketIssued{ticket(id, number), waiting});
}

inline hall::QueueBoard board(std::uint64_t asOfSeq, qint64 nowMs) {
    hall::QueueBoard b;
    b.asOfSeq = asOfSeq;
    b.serviceDay = "2026-12-03";
    b.queues = {{"A", "企业登记", 2, 4, "A002", 300}, {"B", "证照办理", 2, 2, "B001", 300}};
    b.windows = {{"2-05", 2, hall::WindowState::Open, "赵敏", "", "A002", 2},
                 {"2-07", 2, hall::WindowState::Open, "孙伟", "", "", 0}};
    b.recentCalls = {{2, "A002", "2-05", nowMs - 60'000, 1}, {1, "B001", "2-07", nowMs - 120'000, 1}};
    return b;
}

} // namespace displaytest
