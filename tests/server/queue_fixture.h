#pragma once

// The queue's in-process tests: a small hall catalog (two floors, four windows, three queues) stored in
// the fixture's database, callers for kiosks, clerk PCs and tablets, and typed helpers.

#include "catalog/catalog.h"
#include "catalog/catalog_json.h"
#include "core/queue_module.h"
#include "core_fixture.h"
#include "protocol/catalog_messages.h"
#include "protocol/queue_events.h"
#include "protocol/queue_messages.h"
#include "small_hall.h"
#include "store/catalogs.h"

#include <map>

namespace hall::test {

inline server::Caller kiosk(std::uint8_t floor = 1) {
    return deviceCaller(DeviceRole::Kiosk, "K-" + std::to_string(floor) + "F-01", {}, floor);
}

inline server::Caller clerkAt(const std::string& window, const std::string& username,
                              PersonRole role = PersonRole::Clerk, const std::string& device = {}) {
    server::Caller caller = deviceCaller(DeviceRole::ClerkPc, device.empty() ? "PC-" + window : device,
                                         window, static_cast<std::uint8_t>(window[0] - '0'));
    caller.person = server::Person{username, "Name " + username, role};
    return caller;
}

inline server::Caller tabletAt(const std::string& window) {
    return deviceCaller(DeviceRole::Tablet, "T-" + window, window,
                        static_cast<std::uint8_t>(window[0] - '0'));
}

/// A core over a hall with smallHall() imported.
class QueueFixture {
public:
    explicit QueueFixture(server::QueueConfig config = {}, std::shared_ptr<server::SmsSink> sms = {})
        : m_core(optionsWith(std::move(config), std::move(sms))) {
        importCatalog(smallHall());
        m_core.reopen();
    }

    CoreFixture& f() { return m_core; }
    server::HallCore& core() { return m_core.core(); }
    server::SimulatedClock& clock() { return m_core.clock(); }

    /// Stores `data` as the next catalog version with its CatalogImported event, as hallctl does.
    std::uint32_t importCatalog(const catalog::CatalogData& data) {
        auto db = m_core.openDb(store::Database::Mode::ReadWrite);
        store::Transaction tx(*db);
        const std::string document = catalog::serializeCatalog(data);
        const std::uint32_t version =
            store::CatalogStore(*db).add(document, m_core.clock().nowMs(), "test.json");
        CatalogImported event{version, store::sha256Hex(document),
                              static_cast<std::uint32_t>(data.items.size()), "test.json"};
        store::Journal(*db).append(m_core.clock().nowMs(),
                                   static_cast<std::uint16_t>(EventKind::CatalogImported),
                                   std::string(kTopicHall), "admin:hallctl", encodeEventBody(event));
        tx.commit();
        return version;
    }

    /// The reply, or the server's error as it came.
    template <typename Reply, typename M> Result<Reply> ask(const server::Caller& caller, const M& message) {
        const std::string frame = m_core.request(caller, message, ++m_requestId);
        if (auto error = decodeAs<ErrorReply>(frame))
            return Error{error->code, error->message};
        return decodeAs<Reply>(frame);
    }
    template <typename M> std::optional<ErrorCode> fails(const server::Caller& caller, const M& message) {
        return errorOf(m_core.request(caller, message, ++m_requestId));
    }

    TicketView issue(const std::string& prefix, std::uint8_t priorityClass = 0,
                     const std::string& mobile = {}) {
        auto ok = ask<IssueTicketOk>(kiosk(), IssueTicket{prefix, {}, priorityClass, mobile, {}});
        if (!ok)
            qFatal("IssueTicket failed: %s", ok.error().message.c_str());
        return ok->ticket;
    }
    void open(const server::Caller& clerk) {
        auto ok = ask<WindowOk>(clerk, SetWindowState{WindowState::Open, {}});
        if (!ok)
            qFatal("opening the window failed: %s", ok.error().message.c_str());
    }
    Result<TicketView> callNext(const server::Caller& clerk) {
        auto ok = ask<TicketOk>(clerk, CallNext{});
        if (!ok)
            return ok.error();
        return ok->ticket;
    }
    /// Calls, begins and finishes the next ticket; its number.
    std::string serveNext(const server::Caller& clerk) {
        auto called = callNext(clerk);
        if (!called)
            qFatal("CallNext failed: %s", called.error().message.c_str());
        BeginService begin;
        begin.ticketId = called->ticketId;
        FinishService finish;
        finish.ticketId = called->ticketId;
        if (!ask<TicketOk>(clerk, begin) || !ask<TicketOk>(clerk, finish))
            qFatal("serving failed");
        return called->number;
    }
    std::vector<std::string> waitingAt(const server::Caller& clerk) {
        std::vector<std::string> numbers;
        auto queue = ask<WindowQueue>(clerk, GetWindowQueue{});
        if (!queue)
            qFatal("GetWindowQueue failed: %s", queue.error().message.c_str());
        for (const auto& t : queue->waiting)
            numbers.push_back(t.number);
        return numbers;
    }
    /// Moves the hall clock (firing timers) and lets the core run.
    void advanceTo(std::int64_t ms) {
        Status moved = Error{ErrorCode::Internal, "not run"};
        core().setSimulatedTime(ms, [&moved](Status s) { moved = std::move(s); });
        if (!core().runUntilIdle(std::chrono::seconds(10)) || !moved)
            qFatal("moving the clock failed");
    }
    void advanceBy(std::int64_t ms) { advanceTo(clock().nowMs() + ms); }

private:
    static server::CoreOptions optionsWith(server::QueueConfig config, std::shared_ptr<server::SmsSink> sms) {
        server::CoreOptions options;
        options.queue = std::move(config);
        options.sms = std::move(sms);
        return options;
    }
    CoreFixture m_core;
    std::uint64_t m_requestId = 1000;
};

template <typename Action> Action actionOn(std::uint64_t ticketId) {
    Action action;
    action.ticketId = ticketId;
    return action;
}

} // namespace hall::test
