#pragma once

#include "protocol/result.h"

#include <string>
#include <string_view>

namespace hall::domain {

/// A unified social credit code (统一社会信用代码) that passed every check, split into its parts.
struct SocialCreditCode {
    std::string value; ///< 18 characters, upper case
    char registeringAuthority =
        0; ///< position 1: '1' establishment office, '5' civil affairs, '9' market regulation, ...
    char organisationType = 0;    ///< position 2: meaning depends on the authority ('9' then '1': enterprise)
    std::string regionCode;       ///< positions 3-8: the registering authority's area (GB/T 2260)
    std::string organisationCode; ///< positions 9-17: the organisation code of GB 11714, with its own check

    friend bool operator==(const SocialCreditCode&, const SocialCreditCode&) = default;
};

/// Checks a unified social credit code against GB 32100-2015 and returns it normalised. Surrounding
/// spaces are ignored and lower-case letters become upper case. Checks, in this order: only characters of
/// the code's alphabet (0-9 and A-Z without I, O, Z, S, V); 18 characters; a known registering
/// authority (1-9, A, N, Y); an organisation type that authority uses; a six-digit region code; the
/// final check character (ISO 7064 MOD 31-3: weights 3^i mod 31); the organisation code's check
/// character (GB 11714: weights 3 7 9 10 5 8 4 2, mod 11). Errors are InvalidArgument with a reason
/// such as "contains I at position 9, which is not allowed".
Result<SocialCreditCode> checkSocialCreditCode(std::string_view text);

/// The final check character for the first 17 characters, which must be of the code's alphabet.
char socialCreditCheckCharacter(std::string_view first17);

/// The GB 11714 check character ('0'-'9' or 'X') for the 8-character body of an organisation code
/// (digits and upper-case letters).
char organisationCodeCheckCharacter(std::string_view body8);

/// The registering authority's name in English ("market regulation"), empty for an unknown code.
std::string_view registeringAuthorityName(char code);

} // namespace hall::domain
