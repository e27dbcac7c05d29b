#include "sms/delivery_report.h"

#include <charconv>
#include <vector>

namespace hall::sms {

namespace {

constexpr std::size_t kMaxMessageId = 64;

Error invalid(std::string reason) {
    return Error{ErrorCode::InvalidArgument, std::move(reason)};
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

Result<std::string> percentDecoded(std::string_view text, std::string_view name) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%') {
            if (i + 2 >= text.size()) {
                return invalid(std::string(name) + " has a broken percent escape");
            }
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high < 0 || low < 0) {
                return invalid(std::string(name) + " has a broken percent escape");
            }
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

struct Field {
    std::string_view name;
    std::optional<std::string> value;
};

} // namespace

std::string_view deliveryStateName(DeliveryState state) {
    switch (state) {
    case DeliveryState::Delivered:
        return "delivered";
    case DeliveryState::Undeliverable:
        return "undeliverable";
    case DeliveryState::Buffered:
        return "buffered";
    case DeliveryState::SmscAccepted:
        return "smsc-accepted";
    case DeliveryState::SmscRejected:
        return "smsc-rejected";
    }
    return "unknown";
}

bool isFinal(DeliveryState state) {
    return state == DeliveryState::Delivered || state == DeliveryState::Undeliverable ||
           state == DeliveryState::SmscRejected;
}

Status checkMessageId(std::string_view id) {
    if (id.empty() || id.size() > kMaxMessageId) {
        return invalid("message id must have 1 to 64 characters, not " + std::to_string(id.size()));
    }
    for (const char c : id) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                             c == '.' || c == '_' || c == '-';
        if (!allowed) {
            return invalid("message id may hold only A-Z a-z 0-9 . _ -");
        }
    }
    return success();
}

std::string deliveryReportQuery(std::string_view messageId) {
    std::string query;
    query.append(dlr_param::kMessageId).append("=").append(messageId);
    query.append("&").append(dlr_param::kStatus).append("=%d");
    query.append("&").append(dlr_param::kAnswer).append("=%A");
    query.append("&").append(dlr_param::kTimestamp).append("=%T");
    query.append("&").append(dlr_param::kSmsc).append("=%i");
    return query;
}

Result<DeliveryReport> parseDeliveryReport(std::string_view target) {
    const std::size_t question = target.find('?');
    std::string_view query = question == std::string_view::npos ? target : target.substr(question + 1);
    query = query.substr(0, query.find('#'));

    Field fields[] = {{dlr_param::kMessageId, {}},
                      {dlr_param::kStatus, {}},
                      {dlr_param::kAnswer, {}},
                      {dlr_param::kTimestamp, {}},
                      {dlr_param::kSmsc, {}}};
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const std::size_t equals = pair.find('=');
        const std::string_view name = pair.substr(0, equals);
        const std::string_view raw =
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
        for (Field& field : fields) {
            if (field.name != name) {
                continue;
            }
            if (field.value) {
                return invalid(std::string(name) + " appears twice");
            }
            Result<std::string> decoded = percentDecoded(raw, name);
            if (!decoded) {
                return decoded.error();
            }
            field.value = std::move(*decoded);
        }
    }

    DeliveryReport report;
    if (!fields[0].value) {
        return invalid("sms_id is missing");
    }
    const Status idOk = checkMessageId(*fields[0].value);
    if (!idOk) {
        return invalid("sms_id: " + idOk.error().message);
    }
    report.messageId = *fields[0].value;

    if (!fields[1].value) {
        return invalid("status is missing");
    }
    const std::string& statusText = *fields[1].value;
    int status = 0;
    const auto [end, ec] = std::from_chars(statusText.data(), statusText.data() + statusText.size(), status);
    if (ec != std::errc{} || end != statusText.data() + statusText.size()) {
        return invalid("status '" + statusText + "' is not a number");
    }
    switch (status) {
    case 1:
    case 2:
    case 4:
    case 8:
    case 16:
        report.state = static_cast<DeliveryState>(status);
        break;
    default:
        return invalid("status " + std::to_string(status) + " is not one of 1, 2, 4, 8, 16");
    }

    report.smscAnswer = fields[2].value.value_or(std::string{});
    if (fields[3].value && !fields[3].value->empty()) {
        const std::string& ts = *fields[3].value;
        std::int64_t seconds = 0;
        const auto [tsEnd, tsEc] = std::from_chars(ts.data(), ts.data() + ts.size(), seconds);
        if (tsEc != std::errc{} || tsEnd != ts.data() + ts.size()) {
            return invalid("ts '" + ts + "' is not a number");
        }
        report.timestamp = seconds;
    }
    report.smscId = fields[4].value.value_or(std::string{});
    return report;
}

} // namespace hall::sms
