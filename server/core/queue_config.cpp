#include "core/queue_config.h"

#include <charconv>

namespace hall::server {
namespace {

Error invalid(std::string_view key, std::string_view what) {
    return Error{ErrorCode::InvalidArgument, "queue." + std::string(key) + ": " + std::string(what)};
}

Status setInt(std::string_view key, std::string_view value, int& out, int min, int max) {
    int parsed = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec != std::errc() || ptr != value.data() + value.size() || value.empty())
        return invalid(key, "expected a whole number, got \"" + std::string(value) + "\"");
    if (parsed < min || parsed > max)
        return invalid(key, "must lie between " + std::to_string(min) + " and " + std::to_string(max));
    out = parsed;
    return success();
}

} // namespace

Result<int> parseClockMinutes(std::string_view text) {
    const auto digit = [](char c) {
        return c >= '0' && c <= '9';
    };
    if (text.size() != 5 || text[2] != ':' || !digit(text[0]) || !digit(text[1]) || !digit(text[3]) ||
        !digit(text[4]))
        return Error{ErrorCode::InvalidArgument, "expected HH:MM, got \"" + std::string(text) + "\""};
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59)
        return Error{ErrorCode::InvalidArgument, "not a time of day: \"" + std::string(text) + "\""};
    return hours * 60 + minutes;
}

Status QueueConfig::set(std::string_view key, std::string_view value) {
    if (key == "reset_time" || key == "close_time") {
        auto minutes = parseClockMinutes(value);
        if (!minutes)
            return invalid(key, minutes.error().message);
        (key == "reset_time" ? resetMinutes : closeMinutes) = *minutes;
        return success();
    }
    if (key == "utc_offset_minutes")
        return setInt(key, value, utcOffsetMinutes, -14 * 60, 14 * 60);
    if (key == "priority_every_n")
        return setInt(key, value, priorityEveryN, 0, 100);
    if (key == "recall_cooldown_s")
        return setInt(key, value, recallCooldownS, 0, 3600);
    if (key == "no_show_after_calls")
        return setInt(key, value, noShowAfterCalls, 1, 20);
    if (key == "sms_remind_ahead")
        return setInt(key, value, smsRemindAhead, 0, 100);
    if (key == "default_service_s")
        return setInt(key, value, defaultServiceS, 10, 7200);
    if (key.starts_with("class.")) {
        // queue.class.N = name[,priority]
        int id = 0;
        if (Status ok = setInt(key, key.substr(6), id, 0, 255); !ok)
            return ok;
        std::string_view name = value;
        bool priority = id != 0;
        if (const auto comma = value.find(','); comma != std::string_view::npos) {
            name = value.substr(0, comma);
            const auto flag = value.substr(comma + 1);
            if (flag != "priority" && flag != "normal")
                return invalid(key, "after the comma: priority or normal");
            priority = flag == "priority";
        }
        if (name.empty() || name.size() > 64)
            return invalid(key, "the class name must be 1 to 64 bytes");
        if (id == 0 && priority)
            return invalid(key, "class 0 is the normal lane");
        for (auto& existing : classes)
            if (existing.id == id) {
                existing = PriorityClass{static_cast<std::uint8_t>(id), std::string(name), priority};
                return success();
            }
        classes.push_back(PriorityClass{static_cast<std::uint8_t>(id), std::string(name), priority});
        return success();
    }
    return invalid(key, "unknown setting");
}

const PriorityClass* QueueConfig::priorityClass(std::uint8_t id) const {
    for (const auto& c : classes)
        if (c.id == id)
            return &c;
    return nullptr;
}

} // namespace hall::server
