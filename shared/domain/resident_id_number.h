#pragma once

#include "domain/iso_date.h"
#include "protocol/result.h"

#include <string>
#include <string_view>

namespace hall::domain {

/// The sex a resident identity number encodes (odd 17th digit: male).
enum class Sex { Female, Male };

/// A resident identity number (公民身份号码) that passed every check, and what it encodes.
struct ResidentIdNumber {
    std::string value;      ///< 18 characters, a final check character x written as X
    std::string regionCode; ///< the six-digit address code
    Date birthDate;
    Sex sex = Sex::Female;

    friend bool operator==(const ResidentIdNumber&, const ResidentIdNumber&) = default;
};

/// Checks a resident identity number against GB 11643-1999 and returns it normalised. Surrounding spaces
/// are ignored and a final lower-case x becomes X. Checks, in this order: only digits, with X allowed
/// as the last character; 18 characters (15-digit first-generation numbers are refused); the first two
/// digits are a province-level code (11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82; 83 for
/// Taiwan residents' residence permits; 91 for abroad); digits 7-14 are a real date, not before 1900-01-01
/// and not after `today`; the check character (ISO 7064 MOD 11-2). The rest of the address code is not looked
/// up: the GB/T 2260 list changes every year and old numbers keep the codes of their time. Errors are
/// InvalidArgument with a reason such as "check character should be 7, not 5" or "birth date 1990-02-30 does
/// not exist".
Result<ResidentIdNumber> checkResidentIdNumber(std::string_view text, Date today);

/// As above, with today's date in China.
Result<ResidentIdNumber> checkResidentIdNumber(std::string_view text);

/// The check character ('0'-'9' or 'X') for the first 17 digits of an identity number. `first17` must be
/// 17 ASCII digits.
char residentIdCheckCharacter(std::string_view first17);

/// "female" or "male".
std::string_view sexName(Sex sex);

} // namespace hall::domain
