#include "sms/sms_config.h"

#include <charconv>
#include <limits>

namespace hall::sms {

namespace {

Error invalid(std::string_view key, std::string_view reason) {
    return Error{ErrorCode::InvalidArgument, std::string(key) + ": " + std::string(reason)};
}

std::string_view trimmed(std::string_view text) {
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\r';
    };
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

Result<long long> integer(std::string_view key, std::string_view value, long long min, long long max) {
    long long number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size()) {
        return invalid(key, "'" + std::string(value) + "' is not a whole number");
    }
    if (number < min || number > max) {
        return invalid(key, std::to_string(number) + " is outside " + std::to_string(min) + " to " +
                                std::to_string(max));
    }
    return number;
}

Result<double> decimal(std::string_view key, std::string_view value) {
    double number = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size()) {
        return invalid(key, "'" + std::string(value) + "' is not a number");
    }
    return number;
}

Result<bool> boolean(std::string_view key, std::string_view value) {
    if (value == "true" || value == "yes" || value == "on" || value == "1") {
        return true;
    }
    if (value == "false" || value == "no" || value == "off" || value == "0") {
        return false;
    }
    return invalid(key, "'" + std::string(value) + "' is not true or false");
}

Result<std::chrono::milliseconds> millis(std::string_view key, std::string_view value) {
    // Up to a day: longer would be a typo, and it keeps every later sum far from overflow.
    const Result<long long> number = integer(key, value, 1, 86'400'000);
    if (!number) {
        return number.error();
    }
    return std::chrono::milliseconds(*number);
}

bool hasSpaceOrControl(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F) {
            return true;
        }
    }
    return false;
}

template <typename T, typename Apply> Status setFrom(Result<T> parsed, Apply apply) {
    if (!parsed) {
        return parsed.error();
    }
    apply(*parsed);
    return success();
}

} // namespace

Status applySmsSetting(SmsConfig& config, std::string_view key, std::string_view rawValue) {
    const std::string_view value = trimmed(rawValue);
    KannelConfig& k = config.kannel;
    RetryPolicy& r = config.retry;
    if (key == "enabled") {
        return setFrom(boolean(key, value), [&](bool v) { config.enabled = v; });
    }
    if (key == "kannel_host") {
        if (value.empty() || hasSpaceOrControl(value)) {
            return invalid(key, "needs a host name or address without spaces");
        }
        k.host = std::string(value);
        return success();
    }
    if (key == "kannel_port") {
        return setFrom(integer(key, value, 1, 65535),
                       [&](long long v) { k.port = static_cast<std::uint16_t>(v); });
    }
    if (key == "kannel_path") {
        if (value.empty() || value.front() != '/' || hasSpaceOrControl(value) ||
            value.find_first_of("?#%") != std::string_view::npos) {
            return invalid(key, "needs a path starting with '/' and without spaces, '?', '#' or '%'");
        }
        k.path = std::string(value);
        return success();
    }
    if (key == "username") {
        k.username = std::string(value);
        return success();
    }
    if (key == "password") {
        k.password = std::string(value);
        return success();
    }
    if (key == "smsc") {
        k.smscId = std::string(value);
        return success();
    }
    if (key == "sender") {
        k.sender = std::string(value);
        return success();
    }
    if (key == "dlr_url") {
        // smsbox reads every '%' in a dlr-url as one of its own placeholders, so the base must have none.
        if (!value.empty() &&
            ((value.substr(0, 7) != "http://" && value.substr(0, 8) != "https://") ||
             hasSpaceOrControl(value) || value.find_first_of("%#") != std::string_view::npos)) {
            return invalid(key, "needs an http:// or https:// URL without spaces, '%' or '#'");
        }
        k.dlrUrl = std::string(value);
        return success();
    }
    if (key == "dlr_mask") {
        return setFrom(integer(key, value, 1, 31),
                       [&](long long v) { k.dlrMask = static_cast<unsigned>(v); });
    }
    if (key == "max_parts") {
        return setFrom(integer(key, value, 1, 255),
                       [&](long long v) { k.maxParts = static_cast<unsigned>(v); });
    }
    if (key == "connect_timeout_ms") {
        return setFrom(millis(key, value), [&](std::chrono::milliseconds v) { k.connectTimeout = v; });
    }
    if (key == "response_timeout_ms") {
        return setFrom(millis(key, value), [&](std::chrono::milliseconds v) { k.responseTimeout = v; });
    }
    if (key == "retry_initial_ms") {
        return setFrom(millis(key, value), [&](std::chrono::milliseconds v) { r.initialDelay = v; });
    }
    if (key == "retry_max_ms") {
        return setFrom(millis(key, value), [&](std::chrono::milliseconds v) { r.maxDelay = v; });
    }
    if (key == "retry_multiplier") {
        return setFrom(decimal(key, value), [&](double v) { r.multiplier = v; });
    }
    if (key == "retry_jitter") {
        return setFrom(decimal(key, value), [&](double v) { r.jitter = v; });
    }
    if (key == "retry_max_attempts") {
        return setFrom(integer(key, value, 1, 1000),
                       [&](long long v) { r.maxAttempts = static_cast<int>(v); });
    }
    return invalid(key, "is not a known setting");
}

Status validateSmsConfig(const SmsConfig& config) {
    const KannelConfig& k = config.kannel;
    if (config.enabled && (k.username.empty() || k.password.empty())) {
        return Error{ErrorCode::InvalidArgument, "username and password are required when sms is enabled"};
    }
    if (k.host.empty()) {
        return Error{ErrorCode::InvalidArgument, "kannel_host is empty"};
    }
    if (k.port == 0) {
        return Error{ErrorCode::InvalidArgument, "kannel_port is 0"};
    }
    if (k.connectTimeout.count() <= 0 || k.responseTimeout.count() <= 0) {
        return Error{ErrorCode::InvalidArgument, "timeouts must be positive"};
    }
    if (k.maxParts < 1 || k.dlrMask < 1 || k.dlrMask > 31) {
        return Error{ErrorCode::InvalidArgument, "max_parts must be at least 1 and dlr_mask 1 to 31"};
    }
    return config.retry.validate();
}

Result<SmsConfig> parseSmsConfig(std::string_view text, std::string_view prefix) {
    SmsConfig config;
    int lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const std::size_t newline = text.find('\n');
        const std::string_view line = trimmed(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        if (line.empty() || line.front() == '#' || line.front() == ';' ||
            line.substr(0, prefix.size()) != prefix) {
            continue;
        }
        const std::string where = "line " + std::to_string(lineNumber) + ": ";
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos) {
            return Error{ErrorCode::InvalidArgument, where + std::string(line) + ": expected key = value"};
        }
        const std::string_view key = trimmed(line.substr(prefix.size(), equals - prefix.size()));
        const Status applied = applySmsSetting(config, key, line.substr(equals + 1));
        if (!applied) {
            return Error{ErrorCode::InvalidArgument, where + std::string(prefix) + applied.error().message};
        }
    }
    const Status valid = validateSmsConfig(config);
    if (!valid) {
        return valid.error();
    }
    return config;
}

} // namespace hall::sms
