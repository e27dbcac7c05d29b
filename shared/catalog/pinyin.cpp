#include "catalog/pinyin.h"

#include <algorithm>
#include <iterator>

namespace hall::catalog {

namespace {

struct AlternativeInitials {
    char32_t code;
    const char* letters;
};

// The generated table: kInitialsFirst, kInitialsLast, kInitials and kAlternativeInitials.
#include "pinyin_initials.inc"

static_assert(sizeof(kInitials) - 1 == kInitialsLast - kInitialsFirst + 1, "one letter per code point");

char primaryInitial(char32_t c) {
    if (c >= 'A' && c <= 'Z') {
        return static_cast<char>(c - 'A' + 'a');
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        return static_cast<char>(c);
    }
    if (c >= kInitialsFirst && c <= kInitialsLast) {
        const char letter = kInitials[c - kInitialsFirst];
        return letter == '.' ? '\0' : letter;
    }
    return '\0';
}

} // namespace

std::u32string decodeUtf8(std::string_view text) {
    std::u32string result;
    result.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80           ? 1
                             : (lead >> 5) == 0x6  ? 2
                             : (lead >> 4) == 0xE  ? 3
                             : (lead >> 3) == 0x1E ? 4
                                                   : 0;
        if (length == 0 || i + length > text.size()) {
            result.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        char32_t code = length == 1 ? lead : lead & (0x7F >> length);
        bool valid = true;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            valid = valid && (next & 0xC0) == 0x80;
            code = (code << 6) | (next & 0x3F);
        }
        if (!valid) {
            result.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        result.push_back(code);
        i += length;
    }
    return result;
}

std::string pinyinInitials(std::string_view utf8) {
    std::string result;
    for (char32_t c : decodeUtf8(utf8)) {
        if (const char letter = primaryInitial(c)) {
            result.push_back(letter);
        }
    }
    return result;
}

std::string initialsOf(char32_t character) {
    std::string result;
    const char primary = primaryInitial(character);
    if (primary == '\0') {
        return result;
    }
    result.push_back(primary);
    const auto found =
        std::lower_bound(std::begin(kAlternativeInitials), std::end(kAlternativeInitials), character,
                         [](const AlternativeInitials& entry, char32_t c) { return entry.code < c; });
    if (found != std::end(kAlternativeInitials) && found->code == character) {
        result += found->letters;
    }
    return result;
}

} // namespace hall::catalog
