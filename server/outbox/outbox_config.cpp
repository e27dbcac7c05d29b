#include "outbox/outbox_config.h"

#include <charconv>

namespace hall::outbox {

namespace {

struct EventNames {
    SmsEvent event;
    std::string_view name;
    std::string_view kind;
    std::string_view word;
};

constexpr std::array<EventNames, kSmsEventCount> kEvents{{
    {SmsEvent::TicketIssued, "ticket_issued", "ticket", "issued"},
    {SmsEvent::TicketAhead, "ticket_ahead", "ticket", "ahead"},
    {SmsEvent::TicketCalled, "ticket_called", "ticket", "called"},
    {SmsEvent::CaseAccepted, "case_accepted", "case", "accepted"},
    {SmsEvent::CaseFinished, "case_finished", "case", "finished"},
}};

const EventNames& namesOf(SmsEvent event) {
    return kEvents[static_cast<std::size_t>(event)];
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

Error invalid(std::string_view key, std::string_view reason) {
    return Error{ErrorCode::InvalidArgument, std::string(key) + ": " + std::string(reason)};
}

std::optional<bool> boolean(std::string_view value) {
    if (value == "true" || value == "yes" || value == "on" || value == "1")
        return true;
    if (value == "false" || value == "no" || value == "off" || value == "0")
        return false;
    return std::nullopt;
}

std::optional<long long> integer(std::string_view value) {
    long long number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size())
        return std::nullopt;
    return number;
}

constexpr std::string_view kSwitchPrefix = "on_";
constexpr std::string_view kPrefix = "sms.";

} // namespace

std::string_view smsEventName(SmsEvent event) {
    return namesOf(event).name;
}

std::optional<SmsEvent> smsEventFromName(std::string_view name) {
    for (const EventNames& names : kEvents)
        if (names.name == name)
            return names.event;
    return std::nullopt;
}

std::string_view smsEventSubjectKind(SmsEvent event) {
    return namesOf(event).kind;
}

std::string_view smsEventWord(SmsEvent event) {
    return namesOf(event).word;
}

Status applyOutboxSetting(OutboxConfig& config, std::string_view key, std::string_view rawValue) {
    const std::string_view value = trimmed(rawValue);
    if (key.starts_with(kSwitchPrefix)) {
        const std::optional<SmsEvent> event = smsEventFromName(key.substr(kSwitchPrefix.size()));
        if (!event)
            return invalid(key, "is not a known setting (the events are ticket_issued, ticket_ahead, "
                                "ticket_called, case_accepted, case_finished)");
        const std::optional<bool> on = boolean(value);
        if (!on)
            return invalid(key, "'" + std::string(value) + "' is not true or false");
        config.on[static_cast<std::size_t>(*event)] = *on;
        return success();
    }
    if (key == "max_age_minutes") {
        const std::optional<long long> minutes = integer(value);
        // A week at most: an older reminder about a ticket or a case helps nobody.
        if (!minutes || *minutes < 1 || *minutes > 7 * 24 * 60)
            return invalid(key, "needs a whole number of minutes from 1 to 10080");
        config.maxAge = std::chrono::minutes(*minutes);
        return success();
    }
    if (key == "concurrency") {
        const std::optional<long long> count = integer(value);
        if (!count || *count < 1 || *count > 64)
            return invalid(key, "needs a whole number from 1 to 64");
        config.concurrency = static_cast<unsigned>(*count);
        return success();
    }
    if (key == "signature_zh" || key == "signature_en") {
        OutboxConfig changed = config;
        (key == "signature_zh" ? changed.signatureChinese : changed.signatureEnglish) = std::string(value);
        if (const auto checked = changed.signature(); !checked)
            return invalid(key, checked.error().message);
        config = std::move(changed);
        return success();
    }
    return sms::applySmsSetting(config.sms, key, value);
}

Status validateOutboxConfig(const OutboxConfig& config) {
    if (config.concurrency < 1 || config.concurrency > 64)
        return Error{ErrorCode::InvalidArgument, "concurrency must be 1 to 64"};
    if (config.maxAge.count() < 1)
        return Error{ErrorCode::InvalidArgument, "max_age_minutes must be positive"};
    if (const auto checked = config.signature(); !checked)
        return Error{ErrorCode::InvalidArgument, "signature: " + checked.error().message};
    return sms::validateSmsConfig(config.sms);
}

Result<OutboxConfig> parseOutboxConfig(std::string_view text) {
    OutboxConfig config;
    int lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const std::size_t newline = text.find('\n');
        const std::string_view line = trimmed(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        if (!line.starts_with(kPrefix))
            continue;
        const std::string where = "line " + std::to_string(lineNumber) + ": ";
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            return Error{ErrorCode::InvalidArgument, where + std::string(line) + ": expected key = value"};
        const std::string_view key = trimmed(line.substr(kPrefix.size(), equals - kPrefix.size()));
        const Status applied = applyOutboxSetting(config, key, line.substr(equals + 1));
        if (!applied)
            return Error{ErrorCode::InvalidArgument, where + std::string(kPrefix) + applied.error().message};
    }
    if (const Status valid = validateOutboxConfig(config); !valid)
        return valid.error();
    return config;
}

std::string outboxConfigFileText() {
    const OutboxConfig defaults;
    const sms::KannelConfig& k = defaults.sms.kannel;
    const sms::RetryPolicy& r = defaults.sms.retry;
    std::string text = "# SMS through Kannel (docs/sms.md). Nothing is sent until sms.enabled = true.\n";
    const auto line = [&text](std::string_view key, const std::string& value) {
        text += "# sms.";
        text += key;
        text += " = ";
        text += value;
        text += '\n';
    };
    line("enabled", defaults.sms.enabled ? "true" : "false");
    for (const EventNames& names : kEvents)
        line("on_" + std::string(names.name), defaults.eventEnabled(names.event) ? "true" : "false");
    line("signature_zh", defaults.signatureChinese);
    line("signature_en", defaults.signatureEnglish);
    line("kannel_host", k.host);
    line("kannel_port", std::to_string(k.port));
    line("kannel_path", k.path);
    line("username", "");
    line("password", "");
    line("smsc", "");
    line("sender", "");
    line("dlr_url", "");
    line("dlr_mask", std::to_string(k.dlrMask));
    line("max_parts", std::to_string(k.maxParts));
    line("connect_timeout_ms", std::to_string(k.connectTimeout.count()));
    line("response_timeout_ms", std::to_string(k.responseTimeout.count()));
    line("retry_initial_ms", std::to_string(r.initialDelay.count()));
    line("retry_max_ms", std::to_string(r.maxDelay.count()));
    line("retry_multiplier", "2");
    line("retry_jitter", "0.2");
    line("retry_max_attempts", std::to_string(r.maxAttempts));
    line("max_age_minutes", std::to_string(defaults.maxAge.count()));
    line("concurrency", std::to_string(defaults.concurrency));
    return text;
}

} // namespace hall::outbox
