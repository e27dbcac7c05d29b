#include "sms/send_result.h"

#include <cstddef>

namespace hall::sms {

namespace {

// Kannel's answers are one short line; anything longer is some other server's page, kept only as a clue.
constexpr std::size_t kMaxGatewayText = 300;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::string clipped(std::string_view text) {
    if (text.size() <= kMaxGatewayText) {
        return std::string(text);
    }
    std::size_t end = kMaxGatewayText;
    // Step back over UTF-8 continuation bytes so the kept text stays valid.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return std::string(text.substr(0, end)) + "...";
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

SendOutcome classify(unsigned status, std::string_view body) {
    if (status >= 200 && status < 300) {
        if (startsWith(body, "0:")) {
            return SendOutcome::Accepted;
        }
        if (startsWith(body, "3:")) {
            return SendOutcome::Queued;
        }
        // smsbox answers "Sent." when configured for immediate replies; with several receivers it can add
        // "Denied receivers are: ...", which for our single receiver means the number was refused.
        if (startsWith(body, "Sent.") && body.find("Denied receivers") == std::string_view::npos) {
            return SendOutcome::Accepted;
        }
        return SendOutcome::PermanentFailure;
    }
    if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
        return SendOutcome::TemporaryFailure;
    }
    if (status >= 300 && status < 500) {
        return SendOutcome::PermanentFailure;
    }
    return SendOutcome::TemporaryFailure;
}

} // namespace

std::string_view sendOutcomeName(SendOutcome outcome) {
    switch (outcome) {
    case SendOutcome::Accepted:
        return "accepted";
    case SendOutcome::Queued:
        return "queued";
    case SendOutcome::PermanentFailure:
        return "permanent-failure";
    case SendOutcome::TemporaryFailure:
        return "temporary-failure";
    }
    return "unknown";
}

SendResult interpretAnswer(unsigned httpStatus, std::string_view body) {
    const std::string_view text = trimmed(body);
    return SendResult{classify(httpStatus, text), httpStatus, clipped(text), true};
}

} // namespace hall::sms
