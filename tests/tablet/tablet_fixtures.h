#pragma once

// Boards, events and a sender for the counter tablet's tests: what the server would send, built from
// the protocol's own types and encoders.

#include "protocol/events.h"
#include "protocol/queue_events.h"
#include "protocol/queue_messages.h"
#include "rating_sender.h"

#include <QTimer>

#include <functional>
#include <utility>
#include <vector>

namespace tablet::testing {

inline hall::DeviceIdentity tabletDevice(const std::string& window = "2-07") {
    return {hall::DeviceRole::Tablet, "tablet-" + window, window, 2};
}

inline hall::WindowView openWindow(const std::string& window = "2-07") {
    hall::WindowView view;
    view.window = window;
    view.floor = 2;
    view.state = hall::WindowState::Open;
    view.clerkName = "王丽华";
    view.staffNumber = "0207";
    return view;
}

inline hall::QueueBoard boardWith(std::vector<hall::WindowView> windows, std::uint64_t asOfSeq = 100) {
    hall::QueueBoard board;
    board.asOfSeq = asOfSeq;
    board.serviceDay = "2026-12-03";
    board.windows = std::move(windows);
    return board;
}

inline hall::TicketView ticket(std::uint64_t id, const std::string& number, const std::string& window,
                               hall::TicketState state) {
    hall::TicketView view;
    view.ticketId = id;
    view.number = number;
    view.queuePrefix = number.substr(0, 1);
    view.floor = 2;
    view.state = state;
    view.window = window;
    view.callCount = 1;
    return view;
}

template <typename E> hall::Event makeEvent(std::uint64_t seq, const E& body) {
    hall::Event e;
    e.seq = seq;
    e.timeMs = 1'764'748'800'000 + static_cast<std::int64_t>(seq);
    e.kind = static_cast<std::uint16_t>(E::kKind);
    e.topic = "floor/2";
    e.body = hall::encodeEventBody(body);
    return e;
}

inline hall::Event called(std::uint64_t seq, const hall::TicketView& t) {
    return makeEvent(seq, hall::TicketCalled{t, false});
}

inline hall::Event changed(std::uint64_t seq, const hall::TicketView& t) {
    return makeEvent(seq, hall::TicketChanged{t, 0});
}

/// A sender the test drives: it records every send and answers when told to.
class FakeSender : public RatingSender {
public:
    struct Sent {
        std::uint64_t requestId;
        hall::SubmitRating rating;
        Done done;
    };

    using RatingSender::RatingSender;

    bool isReady() const override { return m_ready; }
    void send(std::uint64_t requestId, const hall::SubmitRating& rating, Done done) override {
        sent.push_back({requestId, rating, std::move(done)});
    }

    void setReady(bool ready) {
        m_ready = ready;
        if (ready)
            Q_EMIT this->ready();
    }

    /// Answers the send at `index` (the callback runs once; later answers are ignored).
    void answer(std::size_t index, const hall::Result<hall::SubmitRatingOk>& result) {
        Done done = std::exchange(sent.at(index).done, {});
        if (done)
            done(result);
    }

    std::vector<Sent> sent;

private:
    bool m_ready = false;
};

} // namespace tablet::testing
