#pragma once

#include "protocol/result.h"

#include <chrono>
#include <string>
#include <string_view>

namespace hall::domain {

/// A calendar date with no time of day and no time zone: the unit of working-day arithmetic and of
/// birth dates. Always a real date (ok()) once it has come through parseIsoDate.
using Date = std::chrono::year_month_day;

/// Reads exactly "YYYY-MM-DD" with a four-digit year (0001–9999). Refuses other shapes and dates that do
/// not exist, such as 2025-02-30, with an InvalidArgument error a person can read.
Result<Date> parseIsoDate(std::string_view text);

/// "YYYY-MM-DD". `date` must be ok().
std::string formatIsoDate(Date date);

/// The date `days` days after `date` (before it when negative).
Date addDays(Date date, int days);

/// Today's date in China Standard Time (UTC+8, no daylight saving), read from the system clock.
Date chinaToday();

} // namespace hall::domain
