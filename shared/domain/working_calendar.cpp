#include "domain/working_calendar.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <system_error>

namespace hall::domain {

namespace {

using std::chrono::sys_days;

std::string describeOff(bool isOffDay) {
    return isOffDay ? "a holiday" : "a make-up working day";
}

} // namespace

Result<WorkingCalendar> WorkingCalendar::load(const std::filesystem::path& directory) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
        return Error{ErrorCode::NotFound, "holiday folder " + directory.string() + " does not exist"};
    }
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        if (noticeYearFromFileName(it->path()) != 0) {
            files.push_back(it->path());
        }
    }
    if (ec) {
        return Error{ErrorCode::Unavailable, "holiday folder " + directory.string() + ": " + ec.message()};
    }
    if (files.empty()) {
        return Error{ErrorCode::NotFound,
                     "holiday folder " + directory.string() + " holds no YYYY.json file"};
    }
    std::sort(files.begin(), files.end());

    WorkingCalendar calendar;
    for (const std::filesystem::path& file : files) {
        Result<HolidayNotice> notice = readHolidayNotice(file);
        if (!notice) {
            return notice.error();
        }
        if (Status added = calendar.addNotice(*notice); !added) {
            return added.error();
        }
    }
    return calendar;
}

Status WorkingCalendar::addNotice(const HolidayNotice& notice) {
    const std::string source =
        notice.source.empty() ? "the notice for " + std::to_string(notice.year) : notice.source;
    if (m_years.contains(notice.year)) {
        return Error{ErrorCode::Conflict,
                     source + ": a notice for " + std::to_string(notice.year) + " is already loaded"};
    }
    // Check everything before changing anything, so a refused notice leaves the calendar as it was.
    for (std::size_t index = 0; index < notice.days.size(); ++index) {
        const NoticeDay& day = notice.days[index];
        const auto existing = m_entries.find(sys_days{day.date});
        if (existing != m_entries.end() && existing->second.isOffDay != day.isOffDay) {
            return Error{ErrorCode::InvalidArgument,
                         source + ": entry " + std::to_string(index + 1) + " of \"days\" makes " +
                             formatIsoDate(day.date) + " " + describeOff(day.isOffDay) +
                             ", but the notice for " + std::to_string(existing->second.noticeYear) +
                             " makes it " + describeOff(existing->second.isOffDay)};
        }
    }
    for (const NoticeDay& day : notice.days) {
        // An entry the neighbouring year's notice already holds is the same fact told twice; keep the first.
        m_entries.try_emplace(sys_days{day.date}, Entry{day.isOffDay, day.name, notice.year});
    }
    m_years.emplace(notice.year, NoticeYear{notice.year, notice.published(), notice.papers});
    return success();
}

bool WorkingCalendar::isPublished(int year) const {
    const auto it = m_years.find(year);
    return it != m_years.end() && it->second.published;
}

std::vector<NoticeYear> WorkingCalendar::noticeYears() const {
    std::vector<NoticeYear> years;
    years.reserve(m_years.size());
    for (const auto& [year, info] : m_years) {
        years.push_back(info);
    }
    return years;
}

DayInfo WorkingCalendar::describe(Date date) const {
    assert(date.ok());
    DayInfo info;
    info.provisional = !isPublished(static_cast<int>(date.year()));
    if (const auto it = m_entries.find(sys_days{date}); it != m_entries.end()) {
        info.kind = it->second.isOffDay ? DayKind::Holiday : DayKind::MakeupWorkday;
        info.working = !it->second.isOffDay;
        info.name = it->second.name;
        return info;
    }
    const std::chrono::weekday weekday{sys_days{date}};
    const bool weekend = weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
    info.kind = weekend ? DayKind::Weekend : DayKind::Workday;
    info.working = !weekend;
    return info;
}

WorkdayAnswer WorkingCalendar::isWorkday(Date date) const {
    assert(date.ok());
    return WorkdayAnswer{isWorking(sys_days{date}), !isPublished(static_cast<int>(date.year()))};
}

bool WorkingCalendar::isWorking(sys_days day) const {
    if (const auto it = m_entries.find(day); it != m_entries.end()) {
        return !it->second.isOffDay;
    }
    const std::chrono::weekday weekday{day};
    return weekday != std::chrono::Saturday && weekday != std::chrono::Sunday;
}

DueDate WorkingCalendar::addWorkdays(Date start, int n) const {
    assert(start.ok());
    assert(n >= -kMaxWorkdays && n <= kMaxWorkdays);
    if (n == 0) {
        return DueDate{start, false};
    }
    const std::chrono::days step{n > 0 ? 1 : -1};
    sys_days day{start};
    for (int remaining = std::abs(n); remaining > 0;) {
        day += step;
        if (isWorking(day)) {
            --remaining;
        }
    }
    const Date due{day};
    // The days looked at run from the day after start to the due date (mirrored when counting back).
    const Date nearest{sys_days{start} + step};
    return DueDate{due, touchesUnpublishedYear(nearest, due)};
}

WorkdayCount WorkingCalendar::countWorkdays(Date from, Date to) const {
    assert(from.ok() && to.ok());
    if (from == to) {
        return WorkdayCount{0, false};
    }
    const bool backwards = to < from;
    const sys_days low{backwards ? to : from};
    const sys_days high{backwards ? from : to};
    int count = 0;
    for (sys_days day = low + std::chrono::days{1}; day <= high; day += std::chrono::days{1}) {
        if (isWorking(day)) {
            ++count;
        }
    }
    return WorkdayCount{backwards ? -count : count,
                        touchesUnpublishedYear(Date{low + std::chrono::days{1}}, Date{high})};
}

DueDate WorkingCalendar::nextWorkday(Date date) const {
    return addWorkdays(date, 1);
}

DueDate WorkingCalendar::previousWorkday(Date date) const {
    return addWorkdays(date, -1);
}

bool WorkingCalendar::touchesUnpublishedYear(Date first, Date last) const {
    assert(first.ok() && last.ok());
    int from = static_cast<int>(first.year());
    int to = static_cast<int>(last.year());
    if (to < from) {
        std::swap(from, to);
    }
    for (int year = from; year <= to; ++year) {
        if (!isPublished(year)) {
            return true;
        }
    }
    return false;
}

std::string_view dayKindName(DayKind kind) {
    switch (kind) {
    case DayKind::Workday:
        return "workday";
    case DayKind::Weekend:
        return "weekend";
    case DayKind::Holiday:
        return "holiday";
    case DayKind::MakeupWorkday:
        return "make-up workday";
    }
    return "unknown";
}

} // namespace hall::domain
