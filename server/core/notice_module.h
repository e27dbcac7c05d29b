#pragma once

#include "core/core_module.h"
#include "core/notice_board.h"

#include <memory>

namespace hall::server {

/// Hall notices (PostNotice, ListNotices): the notices in force in memory, each dropped by a timer on the
/// hall clock when it expires. Core thread only.
class NoticeModule final : public CoreModule {
public:
    const char* name() const override { return "notices"; }
    bool handles(MessageType type) const override {
        return type == MessageType::PostNotice || type == MessageType::ListNotices;
    }
    void load(CoreContext& context) override;
    CommandOutcome execute(const ModuleRequest& request, CoreContext& context) override;

    std::size_t countInForce(std::int64_t nowMs) const { return m_notices.countInForce(nowMs); }

private:
    CommandOutcome postNotice(const ModuleRequest& request, CoreContext& context);
    CommandOutcome listNotices(const ModuleRequest& request, CoreContext& context);
    void scheduleExpiry(const Notice& notice, CoreContext& context);

    std::unique_ptr<NoticeStore> m_store;
    NoticeBoard m_notices;
};

} // namespace hall::server
