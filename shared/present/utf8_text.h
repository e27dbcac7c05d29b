#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

// UTF-8 helpers shared by the formatters in this folder. Not part of the library's interface.
namespace hall::present::detail {

/// One character of a UTF-8 text: its bytes and its code point (U+FFFD for a byte that is not UTF-8).
struct Utf8Character {
    std::string_view bytes;
    char32_t codePoint = 0;
};

/// Splits `text` into characters; an invalid byte becomes a character of its own.
std::vector<Utf8Character> splitUtf8(std::string_view text);

/// True when every byte of `text` belongs to a well-formed UTF-8 character.
bool isValidUtf8(std::string_view text);

/// `text` without leading and trailing spaces, tabs and line breaks.
std::string_view trimSpaces(std::string_view text);

/// True for the CJK Unified Ideographs (with extension A and the compatibility block): the characters
/// Chinese names and Chinese sentences are written in.
bool isHan(char32_t codePoint);

} // namespace hall::present::detail
