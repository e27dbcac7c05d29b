#pragma once

#include "domain/iso_date.h"
#include "protocol/result.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hall::domain {

/// One entry of a holiday notice: a day off (isOffDay) or a make-up working day on a weekend.
struct NoticeDay {
    Date date;
    bool isOffDay = true;
    std::string name; ///< the holiday the entry belongs to, as the notice names it ("春节")

    friend bool operator==(const NoticeDay&, const NoticeDay&) = default;
};

/// The State Council General Office's notice on one year's public holidays, in the holiday-cn JSON form
/// ({"year", "papers", "days": [{"name", "date", "isOffDay"}]}). A notice without days stands for a year
/// whose notice has not been published yet: dates in that year can only be answered provisionally.
struct HolidayNotice {
    int year = 0;
    std::vector<std::string> papers; ///< where the notice was published
    std::vector<NoticeDay> days;
    std::string source; ///< the file it was read from, named in error messages

    bool published() const { return !days.empty(); }
};

/// Parses one notice. `source` names the file in error messages, and every error names the entry at
/// fault. Checks: the JSON shape and types; "year" within 1900–9999; each date real and within a year of
/// "year" (a notice may reach into the neighbouring year, as the 2023 notice does with 2022-12-31); no
/// date twice; a make-up working day (isOffDay false) only on a Saturday or Sunday.
Result<HolidayNotice> parseHolidayNotice(std::string_view json, std::string_view source);

/// Reads and parses `file`, which must be named YYYY.json with a matching "year". A file holding only
/// white space is a placeholder for a year whose notice is not yet out: an unpublished notice, not an
/// error.
Result<HolidayNotice> readHolidayNotice(const std::filesystem::path& file);

/// The year a file name such as "2025.json" stands for, or 0 when the name has another shape.
int noticeYearFromFileName(const std::filesystem::path& file);

} // namespace hall::domain
