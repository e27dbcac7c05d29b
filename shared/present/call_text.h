#pragma once

#include "present/language.h"
#include "present/ticket_number.h"
#include "present/window_id.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace hall::present {

/// Whether a number is called for the first time or called again because nobody came.
enum class CallKind { First, Recall };

/// The call as the LED shows it and the clerk screen echoes it:
///   Chinese  "请 A023 号到 2-07 号窗口办理", a recall "再次呼叫：请 A023 号到 2-07 号窗口办理";
///   English  "Ticket A023, please go to Window 2-07", a recall "Calling again: ticket A023, please go to
///            Window 2-07".
/// Chinese puts a space between Han characters and Latin letters or digits and none between Han
/// characters. No final punctuation: the LED shows it as a line, not a sentence.
std::string callText(const TicketNumber& ticket, const WindowId& window, Language language,
                     CallKind kind = CallKind::First);

/// An estimated wait as shown on the slip, the kiosk and in SMS. The rule, on the estimate in seconds:
///   unknown                -> "暂无法估计" / "not known yet"
///   under 5 minutes        -> "不到 5 分钟" / "less than 5 minutes"
///   5 to 60 minutes        -> nearest 5 minutes, half way rounds up: "约 15 分钟" / "about 15 minutes"
///                             (exactly 60 after rounding reads "约 1 小时" / "about 1 hour")
///   over 1 hour to 3 hours -> nearest half hour, half way rounds up: "约 1 小时 30 分钟" /
///                             "about 1 hour 30 minutes", "约 2 小时" / "about 2 hours"
///   over 3 hours           -> "超过 3 小时" / "more than 3 hours"
/// Rounding to the nearest step, not up, because an estimate that is too long sends people away from
/// the hall and makes them miss their call. A negative estimate is treated as zero.
std::string formatWaitEstimate(std::optional<std::chrono::seconds> wait, Language language);

/// How many people are ahead: "前面还有 12 人" / "12 people ahead of you"; one is "1 person ahead of
/// you"; none is "下一位就是您" / "you are next".
std::string peopleAheadText(std::uint32_t peopleAhead, Language language);

} // namespace hall::present
