#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hall::sim {

/// The whole hall-sim program after its name: picks the command (check, load, idle, echo-server) and runs
/// it. Exit codes: 0 success, 1 the run failed, 2 usage error.
int runHallSim(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hall::sim
