#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace hallctl {

/// Exit codes shared by every hallctl command.
inline constexpr int kExitOk = 0;      ///< done, or the answer is yes / valid / intact
inline constexpr int kExitNo = 1;      ///< the command ran and the answer is no / invalid / broken, or it failed
inline constexpr int kExitUsage = 2;   ///< the command line was wrong; nothing was changed

/// One top-level hallctl command ("calendar", "check", "device", ...). `args` holds what follows the
/// command's name. A command prints its answer on `out`, its complaints on `err`, and answers --help.
struct Command {
    std::string_view name;
    std::string_view summary;
    int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

} // namespace hallctl
