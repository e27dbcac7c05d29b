#include "domain/holiday_notice.h"

#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace hall::domain {

namespace json = boost::json;

namespace {

Error noticeError(std::string_view source, const std::string& what) {
    return Error{ErrorCode::InvalidArgument, std::string(source) + ": " + what};
}

std::string entryLabel(std::size_t index) {
    return "entry " + std::to_string(index + 1) + " of \"days\"";
}

// Boost.JSON reports how far it read before the fault; a line and column let an operator find it.
std::string positionOf(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Result<json::value> parseJson(std::string_view text, std::string_view source) {
    json::stream_parser parser;
    boost::system::error_code ec;
    const std::size_t consumed = parser.write(text.data(), text.size(), ec);
    if (!ec) {
        parser.finish(ec);
    }
    if (ec) {
        return noticeError(source,
                           "not valid JSON at " + positionOf(text, consumed) + " (" + ec.message() + ")");
    }
    return parser.release();
}

bool isWeekend(Date date) {
    const std::chrono::weekday weekday{std::chrono::sys_days{date}};
    return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

Result<NoticeDay> parseEntry(const json::value& value, std::size_t index, int year, std::string_view source) {
    const std::string label = entryLabel(index);
    const json::object* entry = value.if_object();
    if (entry == nullptr) {
        return noticeError(source, label + " is not an object");
    }
    const json::value* dateValue = entry->if_contains("date");
    if (dateValue == nullptr || !dateValue->is_string()) {
        return noticeError(source, label + " has no \"date\" string");
    }
    const std::string_view dateText = dateValue->get_string();
    Result<Date> date = parseIsoDate(dateText);
    if (!date) {
        return noticeError(source, label + ": " + date.error().message);
    }
    const int dateYear = static_cast<int>(date->year());
    if (dateYear < year - 1 || dateYear > year + 1) {
        return noticeError(source, label + ": date " + std::string(dateText) +
                                       " is too far from the notice's year " + std::to_string(year));
    }
    const json::value* offValue = entry->if_contains("isOffDay");
    if (offValue == nullptr || !offValue->is_bool()) {
        return noticeError(source,
                           label + " (" + std::string(dateText) + ") has no \"isOffDay\" true or false");
    }
    const json::value* nameValue = entry->if_contains("name");
    if (nameValue == nullptr || !nameValue->is_string()) {
        return noticeError(source, label + " (" + std::string(dateText) + ") has no \"name\" string");
    }
    NoticeDay day{*date, offValue->get_bool(), std::string(nameValue->get_string())};
    if (!day.isOffDay && !isWeekend(day.date)) {
        return noticeError(source,
                           label + " (" + std::string(dateText) +
                               ") is a make-up working day on a weekday; make-up days fall on a Saturday "
                               "or Sunday");
    }
    return day;
}

} // namespace

Result<HolidayNotice> parseHolidayNotice(std::string_view text, std::string_view source) {
    Result<json::value> parsed = parseJson(text, source);
    if (!parsed) {
        return parsed.error();
    }
    const json::object* root = parsed->if_object();
    if (root == nullptr) {
        return noticeError(source, "the top level is not a JSON object");
    }

    HolidayNotice notice;
    notice.source = std::string(source);
    const json::value* yearValue = root->if_contains("year");
    // Boost.JSON reads 2025.0 as a double: not a year as a notice writes it.
    if (yearValue == nullptr || !(yearValue->is_int64() || yearValue->is_uint64())) {
        return noticeError(source, "has no whole-number \"year\"");
    }
    // Boost.JSON keeps a number as uint64 only when it does not fit int64: far out of range either way.
    const bool inRange =
        yearValue->is_int64() && yearValue->get_int64() >= 1900 && yearValue->get_int64() <= 9999;
    if (!inRange) {
        return noticeError(source, "\"year\" " + json::serialize(*yearValue) + " is outside 1900-9999");
    }
    notice.year = static_cast<int>(yearValue->get_int64());

    if (const json::value* papers = root->if_contains("papers")) {
        const json::array* list = papers->if_array();
        if (list == nullptr) {
            return noticeError(source, "\"papers\" is not a list");
        }
        for (const json::value& paper : *list) {
            if (!paper.is_string()) {
                return noticeError(source, "\"papers\" holds something that is not a string");
            }
            notice.papers.emplace_back(paper.get_string());
        }
    }

    const json::value* daysValue = root->if_contains("days");
    if (daysValue == nullptr || !daysValue->is_array()) {
        return noticeError(source, "has no \"days\" list");
    }
    const json::array& days = daysValue->get_array();
    std::map<std::chrono::sys_days, std::size_t> seen;
    for (std::size_t index = 0; index < days.size(); ++index) {
        Result<NoticeDay> day = parseEntry(days[index], index, notice.year, source);
        if (!day) {
            return day.error();
        }
        const auto [it, inserted] = seen.emplace(std::chrono::sys_days{day->date}, index);
        if (!inserted) {
            return noticeError(source, entryLabel(index) + " (" + formatIsoDate(day->date) + ") repeats " +
                                           entryLabel(it->second));
        }
        notice.days.push_back(std::move(day).value());
    }
    return notice;
}

int noticeYearFromFileName(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    if (name.size() != 9 || name.substr(4) != ".json") {
        return 0;
    }
    int year = 0;
    for (char c : name.substr(0, 4)) {
        if (c < '0' || c > '9') {
            return 0;
        }
        year = year * 10 + (c - '0');
    }
    return year;
}

Result<HolidayNotice> readHolidayNotice(const std::filesystem::path& file) {
    const std::string source = file.string();
    const int fileYear = noticeYearFromFileName(file);
    if (fileYear == 0) {
        return noticeError(source, "a holiday file must be named YYYY.json");
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        return Error{ErrorCode::NotFound, source + ": cannot be opened"};
    }
    std::ostringstream content;
    content << stream.rdbuf();
    if (stream.bad()) {
        return Error{ErrorCode::Unavailable, source + ": could not be read"};
    }
    const std::string text = std::move(content).str();

    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        HolidayNotice placeholder;
        placeholder.year = fileYear;
        placeholder.source = source;
        return placeholder;
    }
    Result<HolidayNotice> notice = parseHolidayNotice(text, source);
    if (notice && notice->year != fileYear) {
        return noticeError(source, "\"year\" is " + std::to_string(notice->year) +
                                       " but the file name says " + std::to_string(fileYear));
    }
    return notice;
}

} // namespace hall::domain
