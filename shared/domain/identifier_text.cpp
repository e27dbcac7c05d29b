#include "domain/identifier_text.h"

namespace hall::domain::detail {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

} // namespace

std::vector<TextCharacter> splitCharacters(std::string_view text) {
    std::vector<TextCharacter> characters;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        char32_t codePoint = lead;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
        } else if (lead >= 0x80) {
            length = 0;
        }
        bool valid = length != 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            valid = isContinuation(byte);
            codePoint = (codePoint << 6) | (byte & 0x3F);
        }
        if (!valid) {
            characters.push_back(TextCharacter{text.substr(i, 1), kReplacement});
            ++i;
            continue;
        }
        characters.push_back(TextCharacter{text.substr(i, length), codePoint});
        i += length;
    }
    return characters;
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

std::string describeCharacter(const TextCharacter& character) {
    const char32_t c = character.codePoint;
    if (c == ' ') {
        return "a space";
    }
    if (c == 0x3000) {
        return "a full-width space";
    }
    if (c < 0x20 || c == 0x7F) {
        return "a control character";
    }
    if (c == kReplacement && character.bytes.size() == 1) {
        return "a byte that is not text";
    }
    // Chinese input methods type full-width digits and letters that look like the ASCII ones.
    if (c >= 0xFF01 && c <= 0xFF5E) {
        return std::string(character.bytes) + " (a full-width character)";
    }
    return std::string(character.bytes);
}

std::string notAllowedReason(const TextCharacter& character, std::size_t position) {
    return "contains " + describeCharacter(character) + " at position " + std::to_string(position) +
           ", which is not allowed";
}

} // namespace hall::domain::detail
