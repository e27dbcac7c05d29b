#pragma once

#include "core/call_order.h"
#include "core/core_module.h"
#include "core/queue_config.h"
#include "protocol/queue_messages.h"
#include "store/queue_store.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace hall::catalog {
class Catalog;
} // namespace hall::catalog

namespace hall::server {

/// The hall's ticket queue (docs/queue.md): issuing numbers, calling them to windows, the windows' states,
/// the boards, ratings and the end of the service day. Holds today's open tickets in memory in per-queue
/// lanes, so no command scans the day's or the history's tickets. Core thread only.
class QueueModule final : public CoreModule {
public:
    QueueModule(QueueConfig config, std::shared_ptr<SmsSink> sms);
    ~QueueModule() override;

    const char* name() const override { return "queue"; }
    bool handles(MessageType type) const override;
    void load(CoreContext& context) override;
    CommandOutcome execute(const ModuleRequest& request, CoreContext& context) override;
    void loggingOut(const Caller& caller, CoreContext& context, CommandOutcome& outcome) override;

    /// A new catalog is in force (null: none): queues and windows follow it.
    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog);

    // ---- for tests and the status line ----
    const std::string& serviceDay() const { return m_day; }
    bool dayClosed() const { return m_closed; }
    std::size_t openTickets() const { return m_open.size(); }

private:
    struct WindowRuntime {
        WindowState state = WindowState::Closed;
        std::string device;   ///< the clerk PC holding it while open or paused
        std::string username; ///< the person at it
        std::string clerkName;
        std::string staffNumber;
        std::uint64_t active = 0; ///< the called or serving ticket
        std::uint32_t served = 0;
        std::uint32_t noShow = 0;
    };
    struct QueueStats {
        std::string lastCalledNumber;
        std::deque<std::uint32_t> recentServiceS; ///< newest last, at most kServiceSamples
    };
    struct RecentCall {
        CallView call;
        std::uint8_t floor = 0;
    };

    // queue_module.cpp: day, state, reads
    void startDay(CoreContext& context);
    void scheduleDayTimers(CoreContext& context);
    CommandOutcome closeDay(CoreContext& context, bool includeServing);
    std::int64_t dayStartMs(std::int64_t nowMs) const;
    std::string dayName(std::int64_t nowMs) const;
    void loadTickets(CoreContext& context);
    void addToLanes(const store::TicketRecord& ticket);
    void removeFromLanes(const store::TicketRecord& ticket);
    bool isPriority(std::uint8_t classId) const;
    std::vector<std::string> queuesOfWindow(const std::string& window) const;
    std::vector<std::uint64_t> callOrder(const std::vector<std::string>& prefixes, const std::string& window,
                                         std::size_t limit) const;
    std::uint32_t peopleAhead(const store::TicketRecord& ticket) const;
    std::uint32_t averageServiceS(const std::string& prefix) const;
    std::uint32_t openWindowsServing(const std::string& prefix) const;
    std::uint32_t waitingIn(const std::string& prefix) const;
    TicketView viewOf(const store::TicketRecord& ticket) const;
    WindowView windowView(const std::string& window) const;
    std::uint8_t floorOfWindow(const std::string& window) const;
    CommandOutcome queueBoard(const ModuleRequest& request, CoreContext& context);
    CommandOutcome windowQueue(const ModuleRequest& request, CoreContext& context);

    // queue_commands.cpp: changes
    CommandOutcome issueTicket(const ModuleRequest& request, CoreContext& context);
    CommandOutcome setWindowState(const ModuleRequest& request, CoreContext& context);
    CommandOutcome callNext(const ModuleRequest& request, CoreContext& context);
    CommandOutcome ticketAction(const ModuleRequest& request, CoreContext& context);
    CommandOutcome transferTicket(const ModuleRequest& request, CoreContext& context);
    CommandOutcome submitRating(const ModuleRequest& request, CoreContext& context);
    /// The caller's window, checked: bound, in the catalog, held by the caller and (when `open`) open.
    Result<std::string> callerWindow(const Caller& caller, bool mustHold) const;
    /// Stages the change of `after` (an open ticket, or one leaving the open set): DB row, event, and the
    /// in-memory change appended to outcome.apply.
    void stageTicket(CoreContext& context, CommandOutcome& outcome, const store::TicketRecord& before,
                     const store::TicketRecord& after, const std::string& actor, bool called, bool recall);
    void remindNear(CoreContext& context, CommandOutcome& outcome, const std::vector<std::string>& prefixes,
                    std::uint64_t calledId);
    void sendSms(CoreContext& context, QueueSms::Moment moment, const store::TicketRecord& ticket,
                 std::uint32_t peopleAhead, std::uint32_t waitS, const std::string& window);

    const QueueConfig m_config;
    std::shared_ptr<SmsSink> m_sms;
    std::shared_ptr<const catalog::Catalog> m_catalog;
    std::unique_ptr<store::QueueStore> m_store;

    std::string m_day;
    std::int64_t m_dayStartMs = 0;
    bool m_closed = false;
    std::uint64_t m_closeTimer = 0;
    std::uint64_t m_resetTimer = 0;

    std::unordered_map<std::uint64_t, store::TicketRecord> m_open; ///< waiting, called, serving
    std::map<std::string, QueueLanes> m_lanes;                     ///< by queue prefix
    std::map<std::string, QueueStats> m_stats;
    std::map<std::string, WindowRuntime> m_windows;
    std::map<std::string, std::vector<std::string>> m_queuesOfWindow; ///< from the catalog
    std::deque<RecentCall> m_recentCalls;                             ///< newest first
};

} // namespace hall::server
