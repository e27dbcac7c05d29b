// The queue module's transfers and ratings.
#include "catalog/catalog.h"
#include "core/clock.h"
#include "core/queue_module.h"
#include "protocol/queue_events.h"
#include "store/database.h"

#include <algorithm>

namespace hall::server {
namespace {
constexpr std::size_t kMaxCommentBytes = 500;

std::uint8_t raw(TicketState state) {
    return static_cast<std::uint8_t>(state);
}

std::string actorOf(const Caller& caller) {
    if (caller.person)
        return "person:" + caller.person->username + "@" + caller.device.name;
    return "device:" + caller.device.name;
}

Error invalidState(std::string message) {
    return Error{ErrorCode::InvalidState, std::move(message)};
}
} // namespace

CommandOutcome QueueModule::transferTicket(const ModuleRequest& request, CoreContext& context) {
    auto decoded = TransferTicket::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    const auto fail = [&](Error error) {
        return failedOutcome(request.requestId, std::move(error));
    };
    const auto open = m_open.find(decoded->ticketId);
    if (open == m_open.end()) {
        const auto stored = m_store->find(decoded->ticketId);
        if (!stored || stored->day != m_day)
            return fail({ErrorCode::NotFound, "no ticket " + std::to_string(decoded->ticketId) + " today"});
        return fail(invalidState("ticket " + stored->number + " is no longer open"));
    }
    const store::TicketRecord before = open->second;
    auto window = callerWindow(request.caller, true);
    if (!window)
        return fail(window.error());
    if (before.state != raw(TicketState::Waiting) && before.window != *window)
        return fail({ErrorCode::Forbidden, "ticket " + before.number + " is active at another window"});
    const catalog::Queue* to = m_catalog->queue(decoded->toQueuePrefix);
    if (!to)
        return fail(
            {ErrorCode::NotFound, "toQueuePrefix: no queue " + decoded->toQueuePrefix + " in the catalog"});
    if (!decoded->toWindow.empty() &&
        std::find(to->windows.begin(), to->windows.end(), decoded->toWindow) == to->windows.end())
        return fail({ErrorCode::InvalidArgument,
                     "toWindow: window " + decoded->toWindow + " does not serve queue " + to->prefix});
    if (to->prefix == before.queue && decoded->toWindow.empty() && before.state == raw(TicketState::Waiting))
        return fail({ErrorCode::InvalidArgument,
                     "ticket " + before.number + " already waits in queue " + to->prefix});
    store::TicketRecord after = before;
    after.queue = to->prefix;
    after.floor = static_cast<std::uint8_t>(to->floor);
    after.state = raw(TicketState::Waiting);
    after.window = decoded->toWindow;
    after.reserved = !decoded->toWindow.empty();
    after.callCount = 0;
    after.lastCallAtMs = 0;
    after.startedAtMs = 0;
    CommandOutcome outcome = answerOutcome(request.requestId, TicketOk{viewOf(after)});
    outcome.remember = true;
    stageTicket(context, outcome, before, after, actorOf(request.caller), false, false);
    return outcome;
}

// ---- ratings -------------------------------------------------------------------------------------------

CommandOutcome QueueModule::submitRating(const ModuleRequest& request, CoreContext& context) {
    auto decoded = SubmitRating::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    const SubmitRating& rating = *decoded;
    const auto fail = [&](ErrorCode code, std::string message) {
        return failedOutcome(request.requestId, Error{code, std::move(message)});
    };
    if (rating.level < 1 || rating.level > 5)
        return fail(ErrorCode::InvalidArgument, "level: must be 1 to 5");
    if (rating.level <= 2 && !ratingReasonFromId(rating.reasonCode))
        return fail(ErrorCode::InvalidArgument, "reasonCode: levels 1 and 2 need a reason");
    if (rating.level >= 3 && rating.reasonCode != 0)
        return fail(ErrorCode::InvalidArgument, "reasonCode: only levels 1 and 2 take a reason");
    if (rating.comment.size() > kMaxCommentBytes)
        return fail(ErrorCode::InvalidArgument, "comment: at most 500 bytes");
    const std::string& window = request.caller.device.window;
    if (window.empty())
        return fail(ErrorCode::Forbidden, "this tablet is not bound to a window");
    const auto ticket = m_store->find(rating.ticketId);
    if (!ticket || ticket->day != m_day)
        return fail(ErrorCode::NotFound, "no ticket " + std::to_string(rating.ticketId) + " today");
    if (ticket->state != raw(TicketState::Finished))
        return fail(ErrorCode::InvalidState, "ticket " + ticket->number + " has not been served");
    if (ticket->window != window)
        return fail(ErrorCode::Forbidden, "ticket " + ticket->number + " was not served at window " + window);
    if (m_store->hasRating(ticket->id))
        return fail(ErrorCode::Conflict, "ticket " + ticket->number + " has already been rated");
    const std::uint64_t id =
        m_store->insertRating(ticket->id, window, ticket->clerk, rating.level, rating.reasonCode,
                              rating.comment, context.clock().nowMs());
    RatingRecorded event{id,           ticket->id,        ticket->number, window, ticket->clerk,
                         rating.level, rating.reasonCode, rating.comment};
    CommandOutcome outcome = answerOutcome(request.requestId, SubmitRatingOk{id});
    outcome.remember = true;
    outcome.events.push_back(context.appendEvent(static_cast<std::uint16_t>(EventKind::RatingRecorded),
                                                 topicForFloor(floorOfWindow(window)),
                                                 actorOf(request.caller), encodeEventBody(event)));
    return outcome;
}

} // namespace hall::server
