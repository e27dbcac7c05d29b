#include "present/money.h"

#include "present/utf8_text.h"

#include <array>
#include <cstdlib>

namespace hall::present {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message)};
}

constexpr Fen kFenPerYuan = 100;
// 999,999,999,999 yuan: twelve digits before the dot.
constexpr std::size_t kMaxYuanDigits = 12;

constexpr std::array<std::string_view, 10> kCapitalDigits = {"零", "壹", "贰", "叁", "肆",
                                                             "伍", "陆", "柒", "捌", "玖"};
// Units inside a group of four digits, from the thousands down.
constexpr std::array<std::string_view, 4> kPlaceUnits = {"仟", "佰", "拾", ""};
// Units of the groups of four, from the lowest up.
constexpr std::array<std::string_view, 3> kGroupUnits = {"", "万", "亿"};

// Digits with or without thousands separators: "1,234,567" or "1234567". Returns the digits alone, or why the
// grouping is wrong.
Result<std::string> ungroup(std::string_view integer, std::string_view text) {
    if (integer.find(',') == std::string_view::npos) {
        return std::string(integer);
    }
    std::string digits;
    std::size_t groupStart = 0;
    bool first = true;
    while (true) {
        const std::size_t comma = integer.find(',', groupStart);
        const std::string_view group = integer.substr(
            groupStart, comma == std::string_view::npos ? std::string_view::npos : comma - groupStart);
        const bool sizeOk = first ? (!group.empty() && group.size() <= 3) : group.size() == 3;
        if (!sizeOk) {
            return invalid("amount \"" + std::string(text) +
                           "\" has misplaced thousands separators; write 1,234.00 or 1234.00");
        }
        digits += group;
        if (comma == std::string_view::npos) {
            break;
        }
        groupStart = comma + 1;
        first = false;
    }
    return digits;
}

// The four digits of `group` (0-9999) in capitals, with 零 for the zeros that sit between digits.
std::string capitalGroup(int group) {
    const std::array<int, 4> digits = {group / 1000, group / 100 % 10, group / 10 % 10, group % 10};
    std::string out;
    bool started = false;
    bool zeroPending = false;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (digits[i] == 0) {
            zeroPending = started;
            continue;
        }
        if (zeroPending) {
            out += "零";
            zeroPending = false;
        }
        out += kCapitalDigits[static_cast<std::size_t>(digits[i])];
        out += kPlaceUnits[i];
        started = true;
    }
    return out;
}

// The whole yuan in capitals, without 元. `yuan` > 0.
std::string capitalYuan(std::int64_t yuan) {
    std::array<int, 3> groups{};
    for (int& group : groups) {
        group = static_cast<int>(yuan % 10000);
        yuan /= 10000;
    }
    std::string out;
    bool gap = false; // a zero group since the last written one
    for (std::size_t k = groups.size(); k-- > 0;) {
        const int group = groups[k];
        if (group == 0) {
            gap = gap || !out.empty();
            continue;
        }
        // A group that does not fill its thousands place, or follows an empty group, is read after a 零.
        if (!out.empty() && (gap || group < 1000)) {
            out += "零";
        }
        out += capitalGroup(group);
        out += kGroupUnits[k];
        gap = false;
    }
    return out;
}

std::string plainDigits(Fen absoluteFen, bool grouped) {
    std::string yuan = std::to_string(absoluteFen / kFenPerYuan);
    if (grouped) {
        for (std::size_t i = yuan.size(); i > 3; i -= 3) {
            yuan.insert(i - 3, ",");
        }
    }
    const Fen fraction = absoluteFen % kFenPerYuan;
    return yuan + "." + static_cast<char>('0' + fraction / 10) + static_cast<char>('0' + fraction % 10);
}

} // namespace

Result<Money> Money::fromFen(Fen fen) {
    if (fen > kMaxFen || fen < -kMaxFen) {
        return invalid("amount of " + std::to_string(fen) + " fen is beyond the largest amount, " +
                       formatMoney(Money(kMaxFen)));
    }
    return Money(fen);
}

Result<Money> Money::fromYuan(std::int64_t yuan, int fen) {
    if (yuan < 0 || fen < 0 || fen >= kFenPerYuan) {
        return invalid("amount of " + std::to_string(yuan) + " yuan " + std::to_string(fen) +
                       " fen is not an amount; yuan must not be negative and fen must be 0 to 99");
    }
    if (yuan > kMaxFen / kFenPerYuan) {
        return invalid("amount of " + std::to_string(yuan) + " yuan is beyond the largest amount, " +
                       formatMoney(Money(kMaxFen)));
    }
    return Money(yuan * kFenPerYuan + fen);
}

Result<Money> Money::plus(Money other) const {
    // Both are within ±kMaxFen, so the sum fits in 64 bits before the bound is checked.
    return fromFen(m_fen + other.m_fen);
}

Result<Money> Money::minus(Money other) const {
    return fromFen(m_fen - other.m_fen);
}

Result<Money> Money::times(std::int64_t count) const {
    if (m_fen != 0 &&
        (count > kMaxFen || count < -kMaxFen || std::llabs(count) > kMaxFen / std::llabs(m_fen))) {
        return invalid(formatMoney(*this) + " times " + std::to_string(count) +
                       " is beyond the largest amount, " + formatMoney(Money(kMaxFen)));
    }
    return fromFen(m_fen * count);
}

Result<Money> parseMoney(std::string_view text) {
    std::string_view rest = detail::trimSpaces(text);
    for (std::string_view symbol : {std::string_view("¥"), std::string_view("￥")}) {
        if (rest.starts_with(symbol)) {
            rest = detail::trimSpaces(rest.substr(symbol.size()));
            break;
        }
    }
    if (rest.empty()) {
        return invalid("amount \"" + std::string(text) + "\" has no digits");
    }
    if (rest.front() == '-' || rest.front() == '+') {
        return invalid("amount \"" + std::string(text) + "\" has a sign; amounts are written without one");
    }
    for (const detail::Utf8Character& character : detail::splitUtf8(rest)) {
        const char32_t c = character.codePoint;
        if (!(c >= U'0' && c <= U'9') && c != U',' && c != U'.') {
            return invalid("amount \"" + std::string(text) + "\" contains \"" + std::string(character.bytes) +
                           "\"; write digits, with a dot before the jiao and fen, such as 12.50");
        }
    }

    const std::size_t dot = rest.find('.');
    const std::string_view integerPart = rest.substr(0, dot);
    const std::string_view fractionPart =
        dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    if (dot != std::string_view::npos && (integerPart.empty() || fractionPart.empty())) {
        return invalid("amount \"" + std::string(text) +
                       "\" needs digits on both sides of the dot, such as 0.50");
    }
    if (fractionPart.find_first_of(".,") != std::string_view::npos) {
        return invalid("amount \"" + std::string(text) +
                       "\" has more than one dot or a separator after the dot");
    }
    if (fractionPart.size() > 2) {
        return invalid("amount \"" + std::string(text) +
                       "\" has more than two decimals; the smallest unit is one fen");
    }

    Result<std::string> integerDigits = ungroup(integerPart, text);
    if (!integerDigits) {
        return integerDigits.error();
    }
    if (integerDigits->size() > 1 && integerDigits->front() == '0') {
        return invalid("amount \"" + std::string(text) + "\" starts with a zero");
    }
    if (integerDigits->size() > kMaxYuanDigits) {
        return invalid("amount \"" + std::string(text) + "\" is beyond the largest amount, " +
                       formatMoney(*Money::fromFen(Money::kMaxFen)));
    }

    Fen fen = 0;
    for (char c : *integerDigits) {
        fen = fen * 10 + (c - '0');
    }
    fen *= kFenPerYuan;
    if (!fractionPart.empty()) {
        fen += (fractionPart[0] - '0') * 10;
    }
    if (fractionPart.size() == 2) {
        fen += fractionPart[1] - '0';
    }
    return Money::fromFen(fen);
}

std::string formatMoney(Money money) {
    const Fen fen = money.fen();
    return std::string(fen < 0 ? "-" : "") + "¥" + plainDigits(fen < 0 ? -fen : fen, true);
}

std::string formatMoneyPlain(Money money) {
    const Fen fen = money.fen();
    return std::string(fen < 0 ? "-" : "") + plainDigits(fen < 0 ? -fen : fen, false);
}

std::string chineseUpperCaseAmount(Money money) {
    const Fen absolute = money.fen() < 0 ? -money.fen() : money.fen();
    const std::string sign = money.fen() < 0 ? "负" : "";
    const std::int64_t yuan = absolute / kFenPerYuan;
    const int jiao = static_cast<int>(absolute % kFenPerYuan / 10);
    const int fen = static_cast<int>(absolute % 10);

    if (absolute == 0) {
        return "零元整";
    }
    std::string out = sign;
    if (yuan > 0) {
        out += capitalYuan(yuan);
        out += "元";
        if (jiao == 0 && fen == 0) {
            return out + "整";
        }
        // A zero in the yuan place before the jiao is written, so that nothing can be slipped in there.
        if (yuan % 10 == 0 || jiao == 0) {
            out += "零";
        }
    }
    if (jiao > 0) {
        out += kCapitalDigits[static_cast<std::size_t>(jiao)];
        out += "角";
    }
    if (fen == 0) {
        return out + "整";
    }
    out += kCapitalDigits[static_cast<std::size_t>(fen)];
    out += "分";
    return out;
}

} // namespace hall::present
