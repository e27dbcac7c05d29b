#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Helpers shared by the identifier checks: splitting typed text into characters and naming a bad one in
// words a clerk can act on. Not part of the library's interface.
namespace hall::domain::detail {

/// One character of the input: its UTF-8 bytes and its code point (U+FFFD when the bytes are not UTF-8).
struct TextCharacter {
    std::string_view bytes;
    char32_t codePoint = 0;
};

/// Splits `text` into characters; an invalid byte becomes a character of its own.
std::vector<TextCharacter> splitCharacters(std::string_view text);

/// `text` without leading and trailing spaces, tabs and line breaks.
std::string_view trimSpaces(std::string_view text);

/// The character as a clerk would name it: "I", "a space", "Ｘ (a full-width character)".
std::string describeCharacter(const TextCharacter& character);

/// "contains I at position 9, which is not allowed" (position counts from 1).
std::string notAllowedReason(const TextCharacter& character, std::size_t position);

} // namespace hall::domain::detail
