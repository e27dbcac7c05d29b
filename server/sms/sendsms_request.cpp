#include "sms/sendsms_request.h"

#include "domain/mobile_number.h"
#include "sms/delivery_report.h"

namespace hall::sms {

namespace {

constexpr unsigned kSingleSmsUnits = 70;
constexpr unsigned kConcatenatedPartUnits = 67;

Error invalid(std::string_view field, std::string_view reason) {
    return Error{ErrorCode::InvalidArgument, std::string(field) + ": " + std::string(reason)};
}

// Counts UTF-16 code units while checking the bytes are well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF).
Result<std::size_t> utf16Units(std::string_view text) {
    std::size_t units = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t codePoint = 0;
        if (lead < 0x80) {
            length = 1;
            codePoint = lead;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return Error{ErrorCode::InvalidArgument, "is not valid UTF-8 at byte " + std::to_string(i + 1)};
        }
        if (i + length > text.size()) {
            return Error{ErrorCode::InvalidArgument, "ends inside a UTF-8 character"};
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return Error{ErrorCode::InvalidArgument,
                             "is not valid UTF-8 at byte " + std::to_string(i + k + 1)};
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        const bool overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
        if (overlong || (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF) {
            return Error{ErrorCode::InvalidArgument, "is not valid UTF-8 at byte " + std::to_string(i + 1)};
        }
        units += codePoint >= 0x10000 ? 2 : 1;
        i += length;
    }
    return units;
}

void appendParameter(std::string& target, std::string_view name, std::string_view value) {
    target.push_back(target.find('?') == std::string::npos ? '?' : '&');
    target.append(name).push_back('=');
    target.append(percentEncode(value));
}

std::string dlrUrlFor(const KannelConfig& config, std::string_view messageId) {
    std::string url = config.dlrUrl;
    if (url.find('?') == std::string::npos) {
        url.push_back('?');
    } else if (url.back() != '?' && url.back() != '&') {
        url.push_back('&');
    }
    return url + deliveryReportQuery(messageId);
}

} // namespace

std::string percentEncode(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                                byte == '~';
        if (unreserved) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0F]);
        }
    }
    return out;
}

Result<unsigned> smsPartCount(std::string_view utf8Text) {
    const Result<std::size_t> units = utf16Units(utf8Text);
    if (!units) {
        return units.error();
    }
    if (*units <= kSingleSmsUnits) {
        return 1u;
    }
    return static_cast<unsigned>((*units + kConcatenatedPartUnits - 1) / kConcatenatedPartUnits);
}

Result<SendSmsRequest> makeSendSmsRequest(const KannelConfig& config, const SmsMessage& message) {
    const Status idOk = checkMessageId(message.id);
    if (!idOk) {
        return invalid("id", idOk.error().message);
    }
    Result<std::string> receiver = domain::checkMobileNumber(message.to);
    if (!receiver) {
        return invalid("to", receiver.error().message);
    }
    if (message.text.empty()) {
        return invalid("text", "is empty (Kannel would send an empty SMS)");
    }
    const Result<unsigned> parts = smsPartCount(message.text);
    if (!parts) {
        return invalid("text", parts.error().message);
    }
    if (*parts > config.maxParts) {
        return invalid("text", "needs " + std::to_string(*parts) + " SMS parts, more than the " +
                                   std::to_string(config.maxParts) + " allowed (sms.max_parts)");
    }

    SendSmsRequest request;
    request.receiver = std::move(*receiver);
    request.parts = *parts;
    request.target = config.path;
    appendParameter(request.target, "username", config.username);
    appendParameter(request.target, "password", config.password);
    appendParameter(request.target, "to", request.receiver);
    appendParameter(request.target, "text", message.text);
    // Both are needed: charset tells smsbox how to read the bytes, coding=2 makes it send UCS-2.
    appendParameter(request.target, "charset", "UTF-8");
    appendParameter(request.target, "coding", "2");
    if (!config.sender.empty()) {
        appendParameter(request.target, "from", config.sender);
    }
    if (!config.smscId.empty()) {
        appendParameter(request.target, "smsc", config.smscId);
    }
    if (!config.dlrUrl.empty()) {
        appendParameter(request.target, "dlr-mask", std::to_string(config.dlrMask));
        appendParameter(request.target, "dlr-url", dlrUrlFor(config, message.id));
    }
    return request;
}

Status checkMessage(const KannelConfig& config, const SmsMessage& message) {
    const Result<SendSmsRequest> request = makeSendSmsRequest(config, message);
    if (!request) {
        return request.error();
    }
    return success();
}

} // namespace hall::sms
