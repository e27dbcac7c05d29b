#pragma once

#include "protocol/result.h"
#include "sms/retry_policy.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace hall::sms {

/// Where Kannel's sendsms interface is and what every request carries. The keys that set each field are
/// listed in docs/sms.md (hall.conf: `sms.kannel_host = ...`).
struct KannelConfig {
    std::string host = "127.0.0.1";        ///< sms.kannel_host
    std::uint16_t port = 13013;            ///< sms.kannel_port (smsbox's sendsms-port)
    std::string path = "/cgi-bin/sendsms"; ///< sms.kannel_path (smsbox's sendsms-url)
    std::string username;                  ///< sms.username (a sendsms-user group)
    std::string password;                  ///< sms.password
    std::string smscId;                    ///< sms.smsc: route to this smsc-id; empty lets Kannel choose
    std::string sender;                    ///< sms.sender: the `from` number; empty uses Kannel's default
    /// sms.dlr_url: where smsbox should report delivery (http:// or https://, no '%'); empty asks for no
    /// reports. The message id and Kannel's fields are appended as query parameters (delivery_report.h).
    std::string dlrUrl;
    unsigned dlrMask = 19; ///< sms.dlr_mask: 1 delivered + 2 failed + 16 rejected
    /// sms.max_parts: longest text accepted, in SMS parts (70 UCS-2 characters for one, 67 per part
    /// beyond). Must not exceed the sendsms-user's max-messages in kannel.conf, which otherwise cuts the
    /// text short without saying so.
    unsigned maxParts = 1;
    std::chrono::milliseconds connectTimeout{3'000};   ///< sms.connect_timeout_ms
    std::chrono::milliseconds responseTimeout{10'000}; ///< sms.response_timeout_ms
};

/// Everything the hall server needs to send SMS: the switch, the gateway and the retry policy.
struct SmsConfig {
    bool enabled = false; ///< sms.enabled: without it the server keeps rows in the outbox unsent
    KannelConfig kannel;
    RetryPolicy
        retry; ///< sms.retry_initial_ms, retry_max_ms, retry_multiplier, retry_jitter, retry_max_attempts
};

/// Sets one field from a `key = value` pair. `key` is without the prefix ("kannel_port"). Unknown keys and
/// unreadable values are InvalidArgument naming the key; the config is then unchanged.
Status applySmsSetting(SmsConfig& config, std::string_view key, std::string_view value);

/// Checks the whole config: when enabled, username and password are required; the dlr url must be
/// usable; timeouts and the retry policy must be sensible. Disabled configs are checked too.
Status validateSmsConfig(const SmsConfig& config);

/// Reads `prefix + key = value` lines (for example a whole hall.conf with prefix "sms."), then validates.
/// Lines not starting with the prefix are left to their owners; blank lines and lines starting with '#'
/// or ';' are skipped. The value is the rest of the line, trimmed, so it may contain '#' and '='. Errors
/// carry the line number.
Result<SmsConfig> parseSmsConfig(std::string_view text, std::string_view prefix = "sms.");

} // namespace hall::sms
