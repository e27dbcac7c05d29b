#pragma once

#include "protocol/result.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hall::sim {

/// One option a hall-sim command takes. An empty `valueName` makes it a flag.
struct OptionSpec {
    std::string_view name; ///< "--port"
    std::string_view valueName;
    std::string_view help;
    bool required = false;
};

/// A command line checked against its specs: every option known, every value present, required ones
/// given. Typed getters check ranges and name the option in their errors.
class SimOptions {
public:
    static Result<SimOptions> parse(const std::vector<std::string>& args, std::span<const OptionSpec> specs);

    bool has(std::string_view name) const { return m_values.contains(std::string(name)); }
    std::string value(std::string_view name, std::string fallback = {}) const;
    Result<std::int64_t> integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                                 std::int64_t max) const;
    Result<double> number(std::string_view name, double fallback, double min, double max) const;

private:
    std::map<std::string, std::string> m_values;
};

/// "usage: hall-sim COMMAND [options]" and one line per option.
std::string usageText(std::string_view command, std::string_view summary, std::span<const OptionSpec> specs);

} // namespace hall::sim
