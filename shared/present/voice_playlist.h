#pragma once

#include "present/call_text.h"
#include "present/ticket_number.h"
#include "present/window_id.h"

#include <string>
#include <string_view>
#include <vector>

namespace hall::present {

// The spoken call is a playlist of short clips so that a hall can swap the generated voice for recorded
// ones, clip by clip. Reading rules (docs/presentation.md has the full table):
//   - the queue letters are read one by one, the Chinese way (A as "诶", B as "比");
//   - the ticket digits are read one by one, zeros included, exactly as printed: A023 is "A 零 二 三",
//     never "二十三", so that the spoken number matches the slip digit for digit; 1 is read "一";
//   - the window "2-07" is read "二 杠 零 七": floor digit, the dash as 杠, both window digits;
//   - a recall starts with "再次呼叫".
// Call:   chime 请 A 零 二 三 号 到 二 杠 零 七 号窗口办理
// Recall: chime 再次呼叫 请 A 零 二 三 号 到 二 杠 零 七 号窗口办理

/// Clip ids: also the file names without ".wav".
inline constexpr std::string_view kClipChime = "chime";        ///< two-tone chime before each call
inline constexpr std::string_view kClipPlease = "call_please"; ///< 请
inline constexpr std::string_view kClipNumber = "call_number"; ///< 号
inline constexpr std::string_view kClipTo = "call_to";         ///< 到
inline constexpr std::string_view kClipWindow = "call_window"; ///< 号窗口办理
inline constexpr std::string_view kClipAgain = "call_again";   ///< 再次呼叫
inline constexpr std::string_view kClipDash = "dash";          ///< 杠
/// "letter_a" to "letter_z" and "digit_0" to "digit_9".
std::string letterClip(char upperCaseLetter);
std::string digitClip(char digit);

/// Every clip id there is, in the order of resources/voice/clips.tsv: the chime, the words, the 26
/// letters, the 10 digits. clips.tsv lists the same ids (a test checks it).
const std::vector<std::string>& allClipIds();

/// The clips to play, in order, for calling `ticket` to `window`.
std::vector<std::string> callPlaylist(const TicketNumber& ticket, const WindowId& window,
                                      CallKind kind = CallKind::First);

/// "<id>.wav".
std::string clipFileName(std::string_view id);

} // namespace hall::present
