#include "present/masking.h"

#include "domain/mobile_number.h"
#include "present/utf8_text.h"

#include <algorithm>
#include <array>

namespace hall::present {

namespace {

// Compound surnames (复姓) common enough to be worth keeping whole; the list follows the Hundred Family
// Surnames and the ones seen in present-day registers.
constexpr std::array<std::string_view, 40> kCompoundSurnames = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门",
    "万俟", "闻人", "澹台", "公冶", "太史", "申屠", "赫连", "呼延", "拓跋", "东郭",
    "百里", "司空", "濮阳", "淳于", "单于", "公羊", "仲孙", "宗政", "左丘", "第五"};

bool isSeparator(char32_t c) {
    return c == U' ' || c == U'·' || c == U'•' || c == U'.' || c == U'-' || c == U'・';
}

std::string stars(std::size_t count) {
    return std::string(count, '*');
}

} // namespace

std::string maskPersonName(std::string_view name) {
    const std::vector<detail::Utf8Character> characters = detail::splitUtf8(detail::trimSpaces(name));
    if (characters.size() <= 1) {
        return characters.empty() ? std::string() : std::string(characters.front().bytes);
    }
    const bool chinese =
        std::any_of(characters.begin(), characters.end(),
                    [](const detail::Utf8Character& c) { return detail::isHan(c.codePoint); });
    std::string out;
    if (chinese) {
        std::size_t keep = 1;
        const std::size_t letters = static_cast<std::size_t>(
            std::count_if(characters.begin(), characters.end(),
                          [](const detail::Utf8Character& c) { return !isSeparator(c.codePoint); }));
        if (letters >= 3) {
            const std::string firstTwo = std::string(characters[0].bytes) + std::string(characters[1].bytes);
            if (std::find(kCompoundSurnames.begin(), kCompoundSurnames.end(), firstTwo) !=
                kCompoundSurnames.end()) {
                keep = 2;
            }
        }
        for (std::size_t i = 0; i < characters.size(); ++i) {
            const bool shown = i < keep || isSeparator(characters[i].codePoint);
            out += shown ? std::string(characters[i].bytes) : "*";
        }
        return out;
    }
    bool wordStart = true;
    for (const detail::Utf8Character& character : characters) {
        if (isSeparator(character.codePoint)) {
            out += character.bytes;
            wordStart = true;
            continue;
        }
        out += wordStart ? std::string(character.bytes) : "*";
        wordStart = false;
    }
    return out;
}

std::string maskIdNumber(std::string_view number) {
    const std::vector<detail::Utf8Character> characters = detail::splitUtf8(detail::trimSpaces(number));
    const std::size_t length = characters.size();
    std::size_t keepFront = 0;
    std::size_t keepBack = 0;
    if (length >= 16) {
        keepFront = 3;
        keepBack = 4;
    } else if (length == 15) {
        // A first-generation number ends its birth date at digit 12; the last four would show part of it.
        keepFront = 3;
        keepBack = 3;
    } else if (length >= 8) {
        keepBack = 4;
    }
    std::string out;
    for (std::size_t i = 0; i < length; ++i) {
        const bool shown = i < keepFront || i >= length - keepBack;
        out += shown ? std::string(characters[i].bytes) : "*";
    }
    return out;
}

std::string maskMobileNumber(std::string_view number) {
    const Result<std::string> digits = domain::checkMobileNumber(number);
    if (!digits) {
        return stars(11);
    }
    return digits->substr(0, 3) + stars(4) + digits->substr(7);
}

std::string publicPartyName(PartyKind kind, std::string_view name) {
    if (kind == PartyKind::Organisation) {
        return std::string(detail::trimSpaces(name));
    }
    return maskPersonName(name);
}

} // namespace hall::present
