#pragma once

#include "domain/holiday_notice.h"
#include "domain/iso_date.h"
#include "protocol/result.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hall::domain {

/// Why a date is or is not a working day.
enum class DayKind {
    Workday,       ///< Monday to Friday, not named by a notice
    Weekend,       ///< Saturday or Sunday, not named by a notice
    Holiday,       ///< named by a notice as a day off (isOffDay true), whatever the weekday
    MakeupWorkday, ///< named by a notice as a make-up working day on a weekend (isOffDay false)
};

/// One date as the calendar sees it.
struct DayInfo {
    DayKind kind = DayKind::Workday;
    bool working = true;
    bool provisional = false; ///< the date's year has no published notice, so a notice may still change it
    std::string name;         ///< the holiday's name for Holiday and MakeupWorkday, otherwise empty
};

/// A yes/no answer about one date.
struct WorkdayAnswer {
    bool working = true;
    bool provisional = false;
};

/// The result of working-day arithmetic: a date, and whether any day it depended on lies in a year
/// without a published notice.
struct DueDate {
    Date date;
    bool provisional = false;

    friend bool operator==(const DueDate&, const DueDate&) = default;
};

/// A number of working days, provisional as for DueDate.
struct WorkdayCount {
    int days = 0;
    bool provisional = false;

    friend bool operator==(const WorkdayCount&, const WorkdayCount&) = default;
};

/// A year the calendar has a file for, and whether its notice is out.
struct NoticeYear {
    int year = 0;
    bool published = false;
    std::vector<std::string> papers;
};

/// China's working-day calendar: Monday to Friday work and Saturday and Sunday rest, except where a State
/// Council notice names a holiday (no work, even on a weekday) or a make-up working day (work, even on a
/// weekend).
///
/// Counting rule (Administrative Licensing Law art. 82; Civil Code art. 201): the start day is not
/// counted, day 1 is the next working day, and a deadline ends at close of business on its day. So a case
/// accepted on a Friday with one working day is due on Monday (or the next working day after it).
///
/// A date in a year without a published notice (no file, or a file with no days) is treated by the
/// weekday rule alone, and every answer that depended on such a date says provisional: it is not guessed
/// that such a year keeps its usual holidays.
///
/// Immutable once built; safe to share between threads for reading.
class WorkingCalendar {
public:
    /// A calendar with no notices: the weekday rule alone, every answer provisional.
    WorkingCalendar() = default;

    /// Loads every YYYY.json in `directory` (other files, such as LICENSE, are ignored). Errors: the folder
    /// is missing or holds no YYYY.json (NotFound); a file is malformed or two notices contradict each
    /// other (InvalidArgument, naming the file and the entry).
    static Result<WorkingCalendar> load(const std::filesystem::path& directory);

    /// Adds one year's notice. Refuses a second notice for the same year (Conflict) and an entry that
    /// contradicts another notice's entry for the same date (InvalidArgument). Nothing changes on error.
    Status addNotice(const HolidayNotice& notice);

    /// Whether the notice for `year` is loaded and has days.
    bool isPublished(int year) const;

    /// The years that have a notice or a placeholder file, in order.
    std::vector<NoticeYear> noticeYears() const;

    /// What kind of day `date` is.
    DayInfo describe(Date date) const;

    /// Whether `date` is a working day.
    WorkdayAnswer isWorkday(Date date) const;

    /// The due date `n` working days after `start`: for n > 0 the n-th working day after start (start
    /// itself is never counted); for n = 0 start itself; for n < 0 the |n|-th working day before start.
    /// Provisional when any day from the day after start up to the due date (or, for n < 0, from the due
    /// date up to the day before start) lies in an unpublished year. |n| must not exceed kMaxWorkdays.
    DueDate addWorkdays(Date start, int n) const;

    /// The working days after `from` up to and including `to`, so that
    /// countWorkdays(d, addWorkdays(d, n).date).days == n for every n >= 0. When `to` is before `from` the
    /// answer is minus the count from `to` to `from`: the working days after `to` up to and including
    /// `from`, negated (so countWorkdays(d, addWorkdays(d, -n).date).days == -n when d is a working day).
    /// Provisional when a day of that range lies in an unpublished year.
    WorkdayCount countWorkdays(Date from, Date to) const;

    /// The first working day after `date`, that is addWorkdays(date, 1).
    DueDate nextWorkday(Date date) const;

    /// The last working day before `date`, that is addWorkdays(date, -1).
    DueDate previousWorkday(Date date) const;

    /// Whether any date from `first` to `last` (both included, in either order) lies in a year without a
    /// published notice.
    bool touchesUnpublishedYear(Date first, Date last) const;

    /// The largest |n| addWorkdays accepts: about 380 years of working days, far beyond any time limit.
    static constexpr int kMaxWorkdays = 100'000;

private:
    struct Entry {
        bool isOffDay = true;
        std::string name;
        int noticeYear = 0;
    };

    bool isWorking(std::chrono::sys_days day) const;

    std::map<std::chrono::sys_days, Entry> m_entries;
    std::map<int, NoticeYear> m_years;
};

/// "workday", "weekend", "holiday", "make-up workday".
std::string_view dayKindName(DayKind kind);

} // namespace hall::domain
