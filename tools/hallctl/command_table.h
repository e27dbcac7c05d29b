#pragma once

#include "command.h"

#include <iosfwd>
#include <span>
#include <string>
#include <vector>

namespace hallctl {

/// Every command hallctl offers, in the order `hallctl --help` lists them.
std::span<const Command* const> commandTable();

/// The whole program: `args` is the command line after the program name. Finds the command in
/// commandTable() and runs it; answers --help/help with the list of commands.
int runHallctl(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hallctl
