#include "core/notice_module.h"

#include "core/clock.h"
#include "core/logger.h"
#include "core/scheduler.h"
#include "protocol/events.h"

namespace hall::server {
namespace {
constexpr auto kCore = Logger::Component::Core;

std::string actorOf(const Caller& caller) {
    if (caller.person)
        return "person:" + caller.person->username + "@" + caller.device.name;
    return "device:" + caller.device.name;
}
} // namespace

void NoticeModule::load(CoreContext& context) {
    m_store = std::make_unique<NoticeStore>(context.db());
    m_notices.clear();
    for (const auto& notice : m_store->loadInForce(context.clock().nowMs())) {
        m_notices.add(notice);
        scheduleExpiry(notice, context);
    }
}

void NoticeModule::scheduleExpiry(const Notice& notice, CoreContext& context) {
    // Removal is idempotent, so a timer left over from before a reload does no harm.
    const std::uint64_t id = notice.id;
    context.scheduler().at(notice.expiresAtMs, "notice expiry", [this, id] { m_notices.remove(id); });
}

CommandOutcome NoticeModule::execute(const ModuleRequest& request, CoreContext& context) {
    return request.type == MessageType::PostNotice ? postNotice(request, context)
                                                   : listNotices(request, context);
}

CommandOutcome NoticeModule::postNotice(const ModuleRequest& request, CoreContext& context) {
    auto decoded = PostNotice::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    const PostNotice& post = *decoded;
    const std::int64_t now = context.clock().nowMs();
    Status valid = validateNotice(post, now);
    if (valid && m_notices.countInForce(now) >= kMaxNoticesInForce)
        valid = Error{ErrorCode::Conflict, "too many notices are in force; wait for some to expire"};
    if (!valid)
        return failedOutcome(request.requestId, valid.error());

    // checkAccess guaranteed a person for PostNotice.
    const std::string author = request.caller.person->displayName;
    const Notice notice = m_store->insert(post.floor, post.text, now, post.expiresAtMs, author);
    NoticePosted event{notice.id, notice.floor, notice.text, notice.expiresAtMs, author};
    store::JournalEvent appended =
        context.appendEvent(static_cast<std::uint16_t>(EventKind::NoticePosted), topicForFloor(notice.floor),
                            actorOf(request.caller), encodeEventBody(event));

    CommandOutcome outcome = answerOutcome(request.requestId, PostNoticeOk{notice.id, appended.seq});
    outcome.remember = true;
    outcome.events.push_back(std::move(appended));
    outcome.apply = [this, notice, &context] {
        m_notices.add(notice);
        scheduleExpiry(notice, context);
        context.logger().info(kCore, "notice " + std::to_string(notice.id) + " posted for floor " +
                                         std::to_string(notice.floor));
    };
    return outcome;
}

CommandOutcome NoticeModule::listNotices(const ModuleRequest& request, CoreContext& context) {
    auto decoded = ListNotices::decode(request.body);
    if (!decoded)
        return failedOutcome(request.requestId, decoded.error());
    if (decoded->floor > kMaxNoticeFloor)
        return failedOutcome(request.requestId,
                             {ErrorCode::InvalidArgument, "floor: must be 0 (every floor) to 5"});
    NoticeList list;
    list.notices = m_notices.inForce(decoded->floor, context.clock().nowMs());
    return answerOutcome(request.requestId, list);
}

} // namespace hall::server
