#pragma once

#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace hall::server {

/// The server's one logger. Each line names its component and level. What goes in: device names, staff
/// usernames, message types, error codes, counts. What never goes in: passwords, message bodies, notice
/// texts, citizens' names or numbers. Thread-safe; a line is written whole.
class Logger {
public:
    enum class Level { Debug = 0, Info = 1, Warning = 2, Error = 3 };
    enum class Component { Net, Core, Store, Main };

    /// Logs at `threshold` and above to stderr (when `toStderr`) and, once openFile() succeeded, to a file.
    explicit Logger(Level threshold = Level::Info, bool toStderr = true);
    ~Logger();
    Logger(const Logger&) = delete;
    Logger& operator=(const Logger&) = delete;

    /// Appends to `path`, creating it. False (and a line on stderr) when it cannot be opened.
    bool openFile(const std::string& path);
    void setThreshold(Level level);

    void log(Component component, Level level, std::string_view message);
    void debug(Component c, std::string_view m) { log(c, Level::Debug, m); }
    void info(Component c, std::string_view m) { log(c, Level::Info, m); }
    void warning(Component c, std::string_view m) { log(c, Level::Warning, m); }
    void error(Component c, std::string_view m) { log(c, Level::Error, m); }
    bool enabled(Level level) const;

    static std::string_view levelName(Level level);
    static std::optional<Level> levelFromName(std::string_view name);
    static std::string_view componentName(Component component);

    /// A logger that drops everything (unit tests that do not look at the log).
    static Logger& silent();

private:
    mutable std::mutex m_mutex; // guards the file handle and the threshold
    Level m_threshold;
    bool m_toStderr;
    std::FILE* m_file = nullptr;
};

} // namespace hall::server
