#pragma once

#include "command.h"
#include "protocol/result.h"

#include <iosfwd>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hallctl {

/// One option a command accepts, such as "--data-dir DIR".
struct OptionSpec {
    std::string_view name;      ///< with the dashes: "--data-dir"
    std::string_view valueName; ///< "DIR"; empty for a flag that takes no value
    std::string_view help;
    bool required = false;
    bool repeatable = false;
};

/// A parsed command line: the options that were given and their values.
class Options {
public:
    bool has(std::string_view name) const;
    /// The value of a single-valued option, or `fallback` when it was not given.
    std::string value(std::string_view name, std::string_view fallback = {}) const;
    /// Every value of a repeatable option, in command-line order.
    std::vector<std::string> values(std::string_view name) const;

    void add(std::string_view name, std::string value);

private:
    std::map<std::string, std::vector<std::string>, std::less<>> m_values;
};

/// Parses "--name VALUE", "--name=VALUE" and "--flag". Refuses unknown options, stray arguments, a
/// missing value, a repeated single option and a missing required one, naming the culprit.
hall::Result<Options> parseOptions(std::span<const std::string> args, std::span<const OptionSpec> specs);

/// One runnable thing: a command ("init") or a command's sub-command ("device add").
/// `run` returns the exit code, or an Error that the runner prints; InvalidArgument means the
/// command line was wrong (exit 2), every other error exit 1.
struct Action {
    std::string_view name;        ///< "add"; for a command without sub-commands its own name
    std::string_view summary;     ///< one line for the lists
    std::string_view description; ///< what it does, printed by --help under the usage line
    std::span<const OptionSpec> options;
    hall::Result<int> (*run)(const Options& options, std::ostream& out, std::ostream& err);
};

/// Runs one action: --help prints its usage; a bad command line prints the problem and a hint (exit 2);
/// store failures are caught here and reported like any other Error. `fullName` is "device add".
int runAction(std::string_view fullName, const Action& action, std::span<const std::string> args,
              std::ostream& out, std::ostream& err);

/// Runs a command made of sub-commands ("device add|list|revoke"): picks the action named by the first
/// argument; --help or no argument lists them.
int runActionGroup(std::string_view command, std::string_view summary, std::span<const Action> actions,
                   std::span<const std::string> args, std::ostream& out, std::ostream& err);

/// Exit 2 for a wrong command line or bad input, 1 for everything else.
int exitCodeFor(const hall::Error& error);

} // namespace hallctl
