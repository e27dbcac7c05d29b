#include "domain/calendar_cli.h"

#include "domain/iso_date.h"
#include "domain/resource_paths.h"
#include "domain/working_calendar.h"

#include <charconv>
#include <filesystem>
#include <optional>
#include <ostream>
#include <variant>

namespace hall::domain {

namespace {

// hallctl's exit codes (tools/hallctl/command.h), repeated because the library must not depend on a tool.
constexpr int kExitOk = 0;
constexpr int kExitNo = 1;
constexpr int kExitUsage = 2;

void printUsage(std::ostream& out) {
    out << "Usage: hallctl calendar [--holidays DIR] COMMAND ARGS\n"
           "Working days by the State Council holiday notices (YYYY.json files in DIR).\n"
           "\n"
           "Commands:\n"
           "  add-workdays DATE N  the due date N working days after DATE: DATE itself is not counted,\n"
           "                       day 1 is the next working day; a negative N counts back\n"
           "  is-workday DATE      yes (exit 0) or no (exit 1)\n"
           "  count FROM TO        the working days after FROM up to and including TO, so that\n"
           "                       count D (add-workdays D N) is N; negative when TO is before FROM\n"
           "  years                each year with a holiday file and whether its notice is published\n"
           "\n"
           "Dates are YYYY-MM-DD. An answer that depends on a year whose notice is not published\n"
           "(missing or empty YYYY.json) is followed by \" provisional\".\n"
           "\n"
           "Options:\n"
           "  --holidays DIR  the folder of holiday notices (default: "
        << holidayDir().string()
        << ")\n"
           "  -h, --help      show this help\n"
           "\n"
           "Exit codes: 0 done or yes, 1 no or the holiday files could not be read, 2 usage error.\n";
}

int usageError(std::ostream& err, const std::string& message) {
    err << "hallctl calendar: " << message << "\nTry 'hallctl calendar --help'.\n";
    return kExitUsage;
}

std::string_view provisionalSuffix(bool provisional) {
    return provisional ? " provisional" : "";
}

bool looksLikeNumber(std::string_view text) {
    return text.size() > 1 && text[0] == '-' && text[1] >= '0' && text[1] <= '9';
}

std::optional<int> parseWorkdays(std::string_view text) {
    int value = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (first != last && *first == '+') {
        ++first;
    }
    const auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc{} || end != last || first == last || value < -WorkingCalendar::kMaxWorkdays ||
        value > WorkingCalendar::kMaxWorkdays) {
        return std::nullopt;
    }
    return value;
}

struct Invocation {
    std::filesystem::path holidays;
    std::vector<std::string> words; // the command and its arguments
    bool help = false;
};

// Returns the parsed command line, or the usage error's message.
std::variant<Invocation, std::string> parseArguments(const std::vector<std::string>& args) {
    Invocation invocation;
    bool holidaysGiven = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "-h" || arg == "--help") {
            invocation.help = true;
            return invocation;
        }
        std::optional<std::string> holidays;
        if (arg == "--holidays") {
            if (i + 1 == args.size()) {
                return std::string("--holidays needs a folder");
            }
            holidays = args[++i];
        } else if (arg.rfind("--holidays=", 0) == 0) {
            holidays = arg.substr(11);
        } else if (arg.size() > 1 && arg[0] == '-' && !looksLikeNumber(arg)) {
            return "unknown option " + arg;
        } else {
            invocation.words.push_back(arg);
            continue;
        }
        if (holidaysGiven) {
            return std::string("--holidays is given twice");
        }
        if (holidays->empty()) {
            return std::string("--holidays needs a folder");
        }
        holidaysGiven = true;
        invocation.holidays = *holidays;
    }
    if (!holidaysGiven) {
        invocation.holidays = holidayDir();
    }
    return invocation;
}

} // namespace

int runCalendarCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    auto parsed = parseArguments(args);
    if (const std::string* message = std::get_if<std::string>(&parsed)) {
        return usageError(err, *message);
    }
    const Invocation& invocation = std::get<Invocation>(parsed);
    if (invocation.help) {
        printUsage(out);
        return kExitOk;
    }
    const std::vector<std::string>& words = invocation.words;
    if (words.empty()) {
        return usageError(err, "a command is needed: add-workdays, is-workday, count or years");
    }
    const std::string& command = words[0];
    const std::size_t expected = command == "add-workdays" || command == "count" ? 3
                                 : command == "is-workday"                       ? 2
                                 : command == "years"                            ? 1
                                                                                 : 0;
    if (expected == 0) {
        return usageError(err, "unknown command " + command);
    }
    if (words.size() != expected) {
        return usageError(err, command + " takes " + std::to_string(expected - 1) + " argument" +
                                   (expected == 2 ? "" : "s") + ", not " + std::to_string(words.size() - 1));
    }

    // Read the arguments before the files, so a wrong command line is reported as such.
    std::vector<Date> dates;
    std::optional<int> workdays;
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (command == "add-workdays" && i == 2) {
            workdays = parseWorkdays(words[i]);
            if (!workdays) {
                return usageError(err, "N must be a whole number from -" +
                                           std::to_string(WorkingCalendar::kMaxWorkdays) + " to " +
                                           std::to_string(WorkingCalendar::kMaxWorkdays) + ", not \"" +
                                           words[i] + "\"");
            }
            continue;
        }
        Result<Date> date = parseIsoDate(words[i]);
        if (!date) {
            return usageError(err, date.error().message);
        }
        dates.push_back(*date);
    }

    Result<WorkingCalendar> calendar = WorkingCalendar::load(invocation.holidays);
    if (!calendar) {
        err << "hallctl calendar: " << calendar.error().message << "\n";
        return kExitNo;
    }

    if (command == "add-workdays") {
        const DueDate due = calendar->addWorkdays(dates[0], *workdays);
        out << formatIsoDate(due.date) << provisionalSuffix(due.provisional) << "\n";
        return kExitOk;
    }
    if (command == "is-workday") {
        const WorkdayAnswer answer = calendar->isWorkday(dates[0]);
        out << (answer.working ? "yes" : "no") << provisionalSuffix(answer.provisional) << "\n";
        return answer.working ? kExitOk : kExitNo;
    }
    if (command == "count") {
        const WorkdayCount count = calendar->countWorkdays(dates[0], dates[1]);
        out << count.days << provisionalSuffix(count.provisional) << "\n";
        return kExitOk;
    }
    for (const NoticeYear& year : calendar->noticeYears()) {
        out << year.year << (year.published ? " published" : " not published");
        for (const std::string& paper : year.papers) {
            out << " " << paper;
        }
        out << "\n";
    }
    return kExitOk;
}

} // namespace hall::domain
