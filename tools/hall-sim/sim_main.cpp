#include "sim_main.h"

#include "check_command.h"
#include "idle_command.h"
#include "load_command.h"

#include <ostream>
#include <string_view>

namespace hall::sim {

namespace {
struct SimCommand {
    std::string_view name;
    std::string_view summary;
    int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

constexpr SimCommand kCommands[] = {
    {"check", "scripted end-to-end check of a running hall (the headless main job)", &checkCommand},
    {"load", "load and benchmark driver with the TLS echo and SQLite baselines", &loadCommand},
    {"idle", "hold many idle TLS connections and report the server's memory", &idleCommand},
};

void listCommands(std::ostream& out) {
    out << "usage: hall-sim COMMAND [options]   (hall-sim COMMAND --help for its options)\n"
        << "Drives a Sunshine Hall server over the real protocol.\n";
    for (const auto& command : kCommands)
        out << "  " << command.name << std::string(14 - command.name.size(), ' ') << command.summary << "\n";
}
} // namespace

int runHallSim(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        listCommands(err);
        return 2;
    }
    if (args[0] == "--help" || args[0] == "help") {
        listCommands(out);
        return 0;
    }
    for (const auto& command : kCommands)
        if (command.name == args[0])
            return command.run(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
    err << "hall-sim: unknown command '" << args[0] << "'\n";
    listCommands(err);
    return 2;
}

} // namespace hall::sim
