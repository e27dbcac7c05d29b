#pragma once

#include "present/sms_text.h"
#include "protocol/result.h"
#include "sms/sms_config.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hall::outbox {

/// The events a citizen can be texted about. Each has its own switch in hall.conf (`sms.on_<name>`) and
/// its own word in the outbox key ("ticket:123:called").
enum class SmsEvent {
    TicketIssued, ///< a number was taken (sms.on_ticket_issued)
    TicketAhead,  ///< the reminder position was reached (sms.on_ticket_ahead)
    TicketCalled, ///< the number was called to a window (sms.on_ticket_called)
    CaseAccepted, ///< an application was accepted as a case (sms.on_case_accepted)
    CaseFinished, ///< a case was decided and can be collected (sms.on_case_finished)
};
inline constexpr std::size_t kSmsEventCount = 5;

/// "ticket_issued", "ticket_ahead", ...: the stored name and, after "on_", the switch's key.
std::string_view smsEventName(SmsEvent event);
std::optional<SmsEvent> smsEventFromName(std::string_view name);
/// The subject's kind ("ticket" or "case") and the event's word ("issued", "ahead", ...) in the key.
std::string_view smsEventSubjectKind(SmsEvent event);
std::string_view smsEventWord(SmsEvent event);

/// Everything the outbox is told by hall.conf: the gateway and retry settings of hall::sms, one switch per
/// event, how old a message may grow before it is not worth sending, and how many sends run at once.
struct OutboxConfig {
    sms::SmsConfig sms; ///< sms.enabled, sms.kannel_*, sms.retry_* ... (docs/sms.md)
    std::array<bool, kSmsEventCount> on{true, true, true, true, true}; ///< sms.on_<event>
    std::chrono::minutes maxAge{120}; ///< sms.max_age_minutes: older unsent rows become "expired"
    unsigned concurrency = 4;         ///< sms.concurrency: sends in flight at once, 1 to 64

    /// sms.signature_zh / sms.signature_en: the sender's name every text starts with, as registered with
    /// the carriers (present::SmsSignature checks them).
    std::string signatureChinese = "阳光大厦";
    std::string signatureEnglish = "Sunshine Hall";

    bool eventEnabled(SmsEvent event) const { return on[static_cast<std::size_t>(event)]; }
    /// The checked signature for present::ticketIssuedSms() and the other texts. Valid once
    /// validateOutboxConfig() passed.
    Result<present::SmsSignature> signature() const {
        return present::SmsSignature::make(signatureChinese, signatureEnglish);
    }
};

/// Sets one `sms.` key, given without the prefix ("on_ticket_called", "kannel_port"). The outbox's own
/// keys are handled here; every other one goes to sms::applySmsSetting. InvalidArgument names the key.
Status applyOutboxSetting(OutboxConfig& config, std::string_view key, std::string_view value);

/// sms::validateSmsConfig plus the outbox's own limits. Call once all keys are read.
Status validateOutboxConfig(const OutboxConfig& config);

/// Reads every `sms.` line of a whole hall.conf text (other lines are left alone), then validates. Errors
/// carry the line number.
Result<OutboxConfig> parseOutboxConfig(std::string_view text);

/// The `sms.` block for the hall.conf that `hallctl init` writes: every key, commented out, with its
/// default.
std::string outboxConfigFileText();

} // namespace hall::outbox
