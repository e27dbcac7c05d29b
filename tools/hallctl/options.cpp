#include "options.h"

#include "store/database.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace hallctl {
namespace {

using hall::Error;
using hall::ErrorCode;

const OptionSpec* findSpec(std::span<const OptionSpec> specs, std::string_view name) {
    for (const OptionSpec& spec : specs)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

bool isHelp(std::string_view arg) {
    return arg == "--help" || arg == "-h";
}

void printUsage(std::string_view fullName, const Action& action, std::ostream& out) {
    out << "Usage: hallctl " << fullName;
    for (const OptionSpec& spec : action.options) {
        std::string text(spec.name);
        if (!spec.valueName.empty())
            text += " " + std::string(spec.valueName);
        out << ' ' << (spec.required ? text : "[" + text + "]") << (spec.repeatable ? "..." : "");
    }
    out << "\n" << action.summary << "\n";
    if (!action.description.empty())
        out << "\n" << action.description << "\n";
    if (action.options.empty())
        return;
    out << "\nOptions:\n";
    std::size_t width = 0;
    for (const OptionSpec& spec : action.options)
        width = std::max(width, spec.name.size() + (spec.valueName.empty() ? 0 : spec.valueName.size() + 1));
    for (const OptionSpec& spec : action.options) {
        std::string text(spec.name);
        if (!spec.valueName.empty())
            text += " " + std::string(spec.valueName);
        out << "  " << text << std::string(width - text.size() + 2, ' ') << spec.help << '\n';
    }
    out << "  --help" << std::string(width > 6 ? width - 6 + 2 : 2, ' ') << "show this help\n";
}

} // namespace

bool Options::has(std::string_view name) const {
    return m_values.find(name) != m_values.end();
}

std::string Options::value(std::string_view name, std::string_view fallback) const {
    const auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty())
        return std::string(fallback);
    return it->second.back();
}

std::vector<std::string> Options::values(std::string_view name) const {
    const auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

void Options::add(std::string_view name, std::string value) {
    m_values[std::string(name)].push_back(std::move(value));
}

hall::Result<Options> parseOptions(std::span<const std::string> args, std::span<const OptionSpec> specs) {
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.starts_with("--"))
            return Error{ErrorCode::InvalidArgument, "unexpected argument '" + arg + "'"};
        const auto eq = arg.find('=');
        const std::string name = arg.substr(0, eq);
        const OptionSpec* spec = findSpec(specs, name);
        if (spec == nullptr)
            return Error{ErrorCode::InvalidArgument, "unknown option '" + name + "'"};
        if (options.has(name) && !spec->repeatable)
            return Error{ErrorCode::InvalidArgument, "option '" + name + "' given twice"};
        if (spec->valueName.empty()) {
            if (eq != std::string::npos)
                return Error{ErrorCode::InvalidArgument, "option '" + name + "' takes no value"};
            options.add(name, {});
            continue;
        }
        if (eq != std::string::npos) {
            options.add(name, arg.substr(eq + 1));
            continue;
        }
        // A value that looks like an option means the real value was forgotten.
        if (i + 1 >= args.size() || args[i + 1].starts_with("--"))
            return Error{ErrorCode::InvalidArgument,
                         "option '" + name + "' needs a value (" + std::string(spec->valueName) + ")"};
        options.add(name, args[++i]);
    }
    for (const OptionSpec& spec : specs)
        if (spec.required && !options.has(spec.name))
            return Error{ErrorCode::InvalidArgument, "missing required option '" + std::string(spec.name) +
                                                         " " + std::string(spec.valueName) + "'"};
    return options;
}

int exitCodeFor(const Error& error) {
    return error.code == ErrorCode::InvalidArgument ? kExitUsage : kExitNo;
}

int runAction(std::string_view fullName, const Action& action, std::span<const std::string> args,
              std::ostream& out, std::ostream& err) {
    if (std::any_of(args.begin(), args.end(), [](const std::string& a) { return isHelp(a); })) {
        printUsage(fullName, action, out);
        return kExitOk;
    }
    auto options = parseOptions(args, action.options);
    if (!options) {
        err << "hallctl " << fullName << ": " << options.error().message << "\n"
            << "Try 'hallctl " << fullName << " --help'.\n";
        return kExitUsage;
    }
    // The one boundary where the store's and the file system's exceptions become values.
    hall::Result<int> result = Error{ErrorCode::Internal, "not run"};
    try {
        result = hall::store::guarded<int>([&] { return action.run(options.value(), out, err); });
    } catch (const std::filesystem::filesystem_error& e) {
        result = Error{ErrorCode::Unavailable, e.what()};
    }
    if (result)
        return result.value();
    err << "hallctl " << fullName << ": " << result.error().message << "\n";
    if (exitCodeFor(result.error()) == kExitUsage)
        err << "Try 'hallctl " << fullName << " --help'.\n";
    return exitCodeFor(result.error());
}

int runActionGroup(std::string_view command, std::string_view summary, std::span<const Action> actions,
                   std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    auto list = [&](std::ostream& stream) {
        stream << "Usage: hallctl " << command << " SUBCOMMAND [OPTIONS]\n"
               << summary << "\n\nSubcommands:\n";
        std::size_t width = 0;
        for (const Action& action : actions)
            width = std::max(width, action.name.size());
        for (const Action& action : actions)
            stream << "  " << action.name << std::string(width - action.name.size() + 2, ' ')
                   << action.summary << '\n';
        stream << "\nRun 'hallctl " << command << " SUBCOMMAND --help' for its options.\n";
    };
    if (args.empty()) {
        list(err);
        return kExitUsage;
    }
    if (isHelp(args.front())) {
        list(out);
        return kExitOk;
    }
    for (const Action& action : actions)
        if (action.name == args.front())
            return runAction(std::string(command) + " " + std::string(action.name), action, args.subspan(1),
                             out, err);
    err << "hallctl " << command << ": unknown subcommand '" << args.front() << "'\n"
        << "Run 'hallctl " << command << " --help' for the list.\n";
    return kExitUsage;
}

} // namespace hallctl
