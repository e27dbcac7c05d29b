#include "sim_options.h"

#include <charconv>
#include <sstream>

namespace hall::sim {

Result<SimOptions> SimOptions::parse(const std::vector<std::string>& args,
                                     std::span<const OptionSpec> specs) {
    SimOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const OptionSpec* spec = nullptr;
        for (const auto& candidate : specs)
            if (candidate.name == arg)
                spec = &candidate;
        if (!spec)
            return Error{ErrorCode::InvalidArgument, "unknown option '" + arg + "'"};
        if (options.has(arg))
            return Error{ErrorCode::InvalidArgument, arg + " given twice"};
        if (spec->valueName.empty()) {
            options.m_values[arg] = "";
            continue;
        }
        if (i + 1 >= args.size())
            return Error{ErrorCode::InvalidArgument,
                         arg + " needs a value (" + std::string(spec->valueName) + ")"};
        options.m_values[arg] = args[++i];
    }
    for (const auto& spec : specs)
        if (spec.required && !options.has(spec.name))
            return Error{ErrorCode::InvalidArgument, std::string(spec.name) + " is required"};
    return options;
}

std::string SimOptions::value(std::string_view name, std::string fallback) const {
    const auto it = m_values.find(std::string(name));
    return it == m_values.end() ? fallback : it->second;
}

Result<std::int64_t> SimOptions::integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                                         std::int64_t max) const {
    const auto it = m_values.find(std::string(name));
    if (it == m_values.end())
        return fallback;
    const std::string& text = it->second;
    std::int64_t parsed = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || parsed < min || parsed > max)
        return Error{ErrorCode::InvalidArgument, std::string(name) + " must be a whole number from " +
                                                     std::to_string(min) + " to " + std::to_string(max)};
    return parsed;
}

Result<double> SimOptions::number(std::string_view name, double fallback, double min, double max) const {
    const auto it = m_values.find(std::string(name));
    if (it == m_values.end())
        return fallback;
    const std::string& text = it->second;
    double parsed = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !(parsed >= min) ||
        !(parsed <= max)) {
        std::ostringstream range;
        range << min << " to " << max;
        return Error{ErrorCode::InvalidArgument, std::string(name) + " must be a number from " + range.str()};
    }
    return parsed;
}

std::string usageText(std::string_view command, std::string_view summary, std::span<const OptionSpec> specs) {
    std::ostringstream out;
    out << "usage: hall-sim " << command;
    for (const auto& spec : specs) {
        out << ' ' << (spec.required ? "" : "[") << spec.name;
        if (!spec.valueName.empty())
            out << ' ' << spec.valueName;
        out << (spec.required ? "" : "]");
    }
    out << "\n" << summary << "\n";
    for (const auto& spec : specs) {
        std::string left = "  " + std::string(spec.name);
        if (!spec.valueName.empty())
            left += " " + std::string(spec.valueName);
        if (left.size() < 24)
            left.resize(24, ' ');
        else
            left += "  ";
        out << left << spec.help << "\n";
    }
    return out.str();
}

} // namespace hall::sim
