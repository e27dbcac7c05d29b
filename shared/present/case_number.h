#pragma once

#include "domain/iso_date.h"
#include "protocol/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace hall::present {

/// The highest case serial in one day.
inline constexpr std::uint32_t kMaxCaseSerial = 99999;

/// A case number as printed on the acceptance receipt and read out over the phone:
/// "2026-0207-00042-09" is the 42nd case accepted on 7 February 2026, followed by two check digits.
/// Only digits, so nothing can be confused when it is read aloud or typed on a keypad. The check digits
/// are ISO 7064 MOD 97-10 over the 13 digits before them (as in an IBAN), which catches every single
/// wrong digit and every swap of two neighbouring digits, and all but about 1 % of other mistakes.
struct CaseNumber {
    domain::Date date;        ///< the day the case was accepted; years 2000-2099
    std::uint32_t serial = 1; ///< 1 to kMaxCaseSerial, counted per day

    /// Fails with InvalidArgument for a date that is not real or outside 2000-2099, and for a serial
    /// outside 1..kMaxCaseSerial.
    static Result<CaseNumber> make(domain::Date date, std::uint32_t serial);

    /// "2026-0207-00042-09".
    std::string text() const;
    /// The 15 digits alone ("202602070004209"), for barcodes and keypads.
    std::string digits() const;

    friend bool operator==(const CaseNumber&, const CaseNumber&) = default;
};

/// The two check digits ("00"-"98") for 13 digits (date and serial). `body` must be 13 ASCII digits.
std::string caseCheckDigits(std::string_view body);

/// Reads a case number as printed ("2026-0207-00042-09") or typed: the 15 digits alone, or grouped with
/// dashes or spaces anywhere between them, with surrounding spaces ignored. Errors are InvalidArgument
/// sentences: "has 14 digits, not 15", "date 2026-02-30 does not exist", "check digits do not match: a
/// digit may be mistyped or two digits swapped". The error never tells the expected check digits.
Result<CaseNumber> parseCaseNumber(std::string_view text);

} // namespace hall::present
