#include "present/utf8_text.h"

namespace hall::present::detail {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

} // namespace

std::vector<Utf8Character> splitUtf8(std::string_view text) {
    std::vector<Utf8Character> characters;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        char32_t codePoint = lead;
        char32_t minimum = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
            minimum = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
            minimum = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
            minimum = 0x10000;
        } else if (lead >= 0x80) {
            length = 0;
        }
        bool valid = length != 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            valid = isContinuation(byte);
            codePoint = (codePoint << 6) | (byte & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not text either.
        if (valid &&
            (codePoint < minimum || (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF)) {
            valid = false;
        }
        if (!valid) {
            characters.push_back(Utf8Character{text.substr(i, 1), kReplacement});
            ++i;
            continue;
        }
        characters.push_back(Utf8Character{text.substr(i, length), codePoint});
        i += length;
    }
    return characters;
}

bool isValidUtf8(std::string_view text) {
    for (const Utf8Character& character : splitUtf8(text)) {
        if (character.codePoint == kReplacement && character.bytes != "\xEF\xBF\xBD") {
            return false;
        }
    }
    return true;
}

std::string_view trimSpaces(std::string_view text) {
    constexpr std::string_view kSpaces = " \t\r\n";
    const std::size_t first = text.find_first_not_of(kSpaces);
    if (first == std::string_view::npos) {
        return {};
    }
    const std::size_t last = text.find_last_not_of(kSpaces);
    return text.substr(first, last - first + 1);
}

bool isHan(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3134F);
}

} // namespace hall::present::detail
