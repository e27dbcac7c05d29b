#include "present/call_text.h"

#include <algorithm>

namespace hall::present {

namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 60 * kMinute;

// `value` rounded to the nearest multiple of `step`, a tie going up.
std::int64_t roundToStep(std::int64_t value, std::int64_t step) {
    return (value + step / 2) / step * step;
}

std::string hoursAndMinutes(std::int64_t minutes, Language language) {
    const std::int64_t hours = minutes / 60;
    const std::int64_t rest = minutes % 60;
    std::string out;
    if (language == Language::Chinese) {
        out = "约 " + std::to_string(hours) + " 小时";
        if (rest != 0) {
            out += " " + std::to_string(rest) + " 分钟";
        }
        return out;
    }
    out = "about " + std::to_string(hours) + (hours == 1 ? " hour" : " hours");
    if (rest != 0) {
        out += " " + std::to_string(rest) + " minutes";
    }
    return out;
}

} // namespace

std::string callText(const TicketNumber& ticket, const WindowId& window, Language language, CallKind kind) {
    if (language == Language::Chinese) {
        std::string out = kind == CallKind::Recall ? "再次呼叫：" : "";
        out += "请 " + ticket.text() + " 号到 " + window.text() + " 号窗口办理";
        return out;
    }
    const std::string body = ticket.text() + ", please go to " + windowDisplayName(window, Language::English);
    return kind == CallKind::Recall ? "Calling again: ticket " + body : "Ticket " + body;
}

std::string formatWaitEstimate(std::optional<std::chrono::seconds> wait, Language language) {
    const bool chinese = language == Language::Chinese;
    if (!wait) {
        return chinese ? "暂无法估计" : "not known yet";
    }
    const std::int64_t seconds = std::max<std::int64_t>(wait->count(), 0);
    if (seconds < 5 * kMinute) {
        return chinese ? "不到 5 分钟" : "less than 5 minutes";
    }
    if (seconds <= kHour) {
        const std::int64_t minutes = roundToStep(seconds, 5 * kMinute) / kMinute;
        if (minutes == 60) {
            return hoursAndMinutes(minutes, language);
        }
        return chinese ? "约 " + std::to_string(minutes) + " 分钟"
                       : "about " + std::to_string(minutes) + " minutes";
    }
    if (seconds <= 3 * kHour) {
        return hoursAndMinutes(roundToStep(seconds, 30 * kMinute) / kMinute, language);
    }
    return chinese ? "超过 3 小时" : "more than 3 hours";
}

std::string peopleAheadText(std::uint32_t peopleAhead, Language language) {
    if (language == Language::Chinese) {
        return peopleAhead == 0 ? "下一位就是您" : "前面还有 " + std::to_string(peopleAhead) + " 人";
    }
    if (peopleAhead == 0) {
        return "you are next";
    }
    return std::to_string(peopleAhead) + (peopleAhead == 1 ? " person" : " people") + " ahead of you";
}

} // namespace hall::present
