#include "present/voice_playlist.h"

#include <cassert>

namespace hall::present {

namespace {

std::vector<std::string> makeAllClipIds() {
    std::vector<std::string> ids = {
        std::string(kClipChime),  std::string(kClipPlease), std::string(kClipNumber), std::string(kClipTo),
        std::string(kClipWindow), std::string(kClipAgain),  std::string(kClipDash)};
    for (char letter = 'A'; letter <= 'Z'; ++letter) {
        ids.push_back(letterClip(letter));
    }
    for (char digit = '0'; digit <= '9'; ++digit) {
        ids.push_back(digitClip(digit));
    }
    return ids;
}

void appendDigits(std::vector<std::string>& playlist, std::string_view digits) {
    for (char digit : digits) {
        playlist.push_back(digitClip(digit));
    }
}

} // namespace

std::string letterClip(char upperCaseLetter) {
    assert(upperCaseLetter >= 'A' && upperCaseLetter <= 'Z');
    return std::string("letter_") + static_cast<char>(upperCaseLetter - 'A' + 'a');
}

std::string digitClip(char digit) {
    assert(digit >= '0' && digit <= '9');
    return std::string("digit_") + digit;
}

const std::vector<std::string>& allClipIds() {
    static const std::vector<std::string> ids = makeAllClipIds();
    return ids;
}

std::vector<std::string> callPlaylist(const TicketNumber& ticket, const WindowId& window, CallKind kind) {
    std::vector<std::string> playlist = {std::string(kClipChime)};
    if (kind == CallKind::Recall) {
        playlist.emplace_back(kClipAgain);
    }
    playlist.emplace_back(kClipPlease);
    for (char letter : ticket.prefix()) {
        playlist.push_back(letterClip(letter));
    }
    appendDigits(playlist, ticket.digits());
    playlist.emplace_back(kClipNumber);
    playlist.emplace_back(kClipTo);
    const std::string windowText = window.text();
    playlist.push_back(digitClip(windowText[0]));
    playlist.emplace_back(kClipDash);
    appendDigits(playlist, std::string_view(windowText).substr(2));
    playlist.emplace_back(kClipWindow);
    return playlist;
}

std::string clipFileName(std::string_view id) {
    return std::string(id) + ".wav";
}

} // namespace hall::present
