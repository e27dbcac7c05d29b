#pragma once

#include <string>
#include <string_view>

namespace hall::catalog {

/// Decodes UTF-8; a malformed byte becomes U+FFFD, so any input gives an answer.
std::u32string decodeUtf8(std::string_view text);

/// The pinyin initials of a text: the first letter of each Chinese character's most common reading,
/// Latin letters lower-cased, digits kept, everything else dropped. pinyinInitials("营业执照") == "yyzz".
/// Covers U+3400..U+9FFF (Extension A and the basic block).
std::string pinyinInitials(std::string_view utf8);

/// The initials a character may have: its most common reading's first, then those of its other readings
/// ("xh" for 行). A Latin letter gives itself lower-cased; anything else, an empty string.
std::string initialsOf(char32_t character);

} // namespace hall::catalog
