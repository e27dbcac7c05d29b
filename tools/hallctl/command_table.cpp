#include "command_table.h"

#include <algorithm>
#include <ostream>

// The table. To add a command, define `extern const hallctl::Command kXxxCommand` in
// commands/xxx_command.cpp and add one line X(kXxxCommand) here.
#define HALLCTL_COMMANDS(X)                                                                                  \
    X(kInitCommand)                                                                                          \
    X(kDeviceCommand)                                                                                        \
    X(kAccountCommand)                                                                                       \
    X(kBackupCommand)                                                                                        \
    X(kJournalCommand)                                                                                       \
    X(kCalendarCommand)                                                                                      \
    X(kCheckCommand)                                                                                         \
    X(kCatalogCommand)

namespace hallctl {

#define HALLCTL_DECLARE_COMMAND(name) extern const Command name;
HALLCTL_COMMANDS(HALLCTL_DECLARE_COMMAND)
#undef HALLCTL_DECLARE_COMMAND

namespace {

const Command* const kCommands[] = {
#define HALLCTL_COMMAND_ADDRESS(name) &name,
    HALLCTL_COMMANDS(HALLCTL_COMMAND_ADDRESS)
#undef HALLCTL_COMMAND_ADDRESS
};

void printOverview(std::ostream& out) {
    out << "Usage: hallctl COMMAND [ARGS...]\n"
           "Administers a Sunshine Hall: its data directory, certificates, devices, accounts and journal.\n"
           "\n"
           "Commands:\n";
    std::size_t width = 0;
    for (const Command* command : kCommands)
        width = std::max(width, command->name.size());
    for (const Command* command : kCommands)
        out << "  " << command->name << std::string(width - command->name.size() + 2, ' ') << command->summary
            << '\n';
    out << "\n"
           "Run 'hallctl COMMAND --help' for a command's options.\n"
           "Exit codes: 0 done (or yes, valid, intact); 1 failed (or no, invalid, broken); 2 wrong usage, "
           "nothing changed.\n";
}

} // namespace

std::span<const Command* const> commandTable() {
    return kCommands;
}

int runHallctl(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        printOverview(err);
        return kExitUsage;
    }
    const std::string& name = args.front();
    if (name == "--help" || name == "-h" || name == "help") {
        if (name == "help" && args.size() > 1) {
            // "hallctl help device" is "hallctl device --help".
            return runHallctl({args[1], "--help"}, out, err);
        }
        printOverview(out);
        return kExitOk;
    }
    for (const Command* command : kCommands)
        if (command->name == name)
            return command->run(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
    err << "hallctl: unknown command '" << name << "'\n"
        << "Run 'hallctl --help' for the list of commands.\n";
    return kExitUsage;
}

} // namespace hallctl
