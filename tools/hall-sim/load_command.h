#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hall::sim {

/// `hall-sim load ...`: registers the load's devices when missing, drives the hall, runs the baselines and
/// prints the result (one JSON object with --json). 0 when no command failed, 1 otherwise, 2 on usage.
int loadCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hall::sim
