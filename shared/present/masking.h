#pragma once

#include <string>
#include <string_view>

namespace hall::present {

// Masking for public surfaces: kiosk answers, SMS, displays and anything a passer-by can read. Every
// masked form keeps the length of the original, one * per hidden character, so that people recognise
// their own entry; the hidden characters are never recoverable from the output.

/// A person's name:
///   - a name with Chinese characters keeps its surname and hides the rest: 张三 -> 张*, 张三丰 -> 张**.
///     A compound surname from the list in masking.cpp (欧阳, 司马, 诸葛, ...) is kept whole when the
///     name has three characters or more: 欧阳娜娜 -> 欧阳**, 司马光 -> 司马*; a two-character name keeps
///     only its first character (欧阳 -> 欧*). Separators in transcribed names stay: 买买提·艾力 -> 买**·**.
///   - any other name keeps the first letter of each word: John Smith -> J*** S****.
///   - a one-character name is shown as it is (it is only a surname).
/// Surrounding spaces are dropped; an empty name stays empty.
std::string maskPersonName(std::string_view name);

/// An identity document number: 18-character resident ID numbers and anything of 16 characters or more
/// keep the first 3 (the province and the start of the city code, never the birth date) and the last 4
/// (which people check against their card): 110105194912310025 -> 110***********0025. A 15-character
/// first-generation number keeps the first 3 and the last 3, because its birth date ends at digit 12.
/// Shorter numbers (passports, travel permits) of 8 to 14 characters keep only the last 4:
/// E12345678 -> *****5678. Anything shorter is hidden completely. Surrounding spaces are dropped.
std::string maskIdNumber(std::string_view number);

/// A mobile number, read as hall::domain::checkMobileNumber reads it (spaces, dashes, +86 allowed), is
/// shown as its first 3 and last 4 digits: 13812345678 -> 138****5678. Text that is not a valid
/// mainland mobile number is hidden completely ("***********").
std::string maskMobileNumber(std::string_view number);

/// Whether a party to a case is a natural person or an organisation.
enum class PartyKind { Person, Organisation };

/// The name of a party as a public surface may show it: a person's name masked by maskPersonName; a
/// company's or an institution's name in full, because it is public in the business register.
std::string publicPartyName(PartyKind kind, std::string_view name);

} // namespace hall::present
