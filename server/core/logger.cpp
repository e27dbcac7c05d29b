#include "core/logger.h"

#include <chrono>
#include <ctime>

namespace hall::server {

Logger::Logger(Level threshold, bool toStderr) : m_threshold(threshold), m_toStderr(toStderr) {}

Logger::~Logger() {
    if (m_file)
        std::fclose(m_file);
}

bool Logger::openFile(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "a");
    if (!file) {
        log(Component::Main, Level::Warning, "cannot open the log file " + path);
        return false;
    }
    std::lock_guard lock(m_mutex);
    if (m_file)
        std::fclose(m_file);
    m_file = file;
    return true;
}

void Logger::setThreshold(Level level) {
    std::lock_guard lock(m_mutex);
    m_threshold = level;
}

bool Logger::enabled(Level level) const {
    std::lock_guard lock(m_mutex);
    return level >= m_threshold && (m_toStderr || m_file);
}

void Logger::log(Component component, Level level, std::string_view message) {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis));

    std::string line;
    line.reserve(message.size() + 48);
    line.append(stamp).append(" ");
    line.append(levelName(level)).append(" ");
    line.append(componentName(component)).append(": ");
    line.append(message).append("\n");

    std::lock_guard lock(m_mutex);
    if (level < m_threshold)
        return;
    if (m_toStderr) {
        std::fwrite(line.data(), 1, line.size(), stderr);
        std::fflush(stderr);
    }
    if (m_file) {
        std::fwrite(line.data(), 1, line.size(), m_file);
        std::fflush(m_file);
    }
}

std::string_view Logger::levelName(Level level) {
    switch (level) {
    case Level::Debug:
        return "debug";
    case Level::Info:
        return "info";
    case Level::Warning:
        return "warning";
    case Level::Error:
        return "error";
    }
    return "unknown";
}

std::optional<Logger::Level> Logger::levelFromName(std::string_view name) {
    for (Level level : {Level::Debug, Level::Info, Level::Warning, Level::Error})
        if (levelName(level) == name)
            return level;
    return std::nullopt;
}

std::string_view Logger::componentName(Component component) {
    switch (component) {
    case Component::Net:
        return "net";
    case Component::Core:
        return "core";
    case Component::Store:
        return "store";
    case Component::Main:
        return "main";
    }
    return "unknown";
}

Logger& Logger::silent() {
    static Logger logger(Level::Error, false);
    return logger;
}

} // namespace hall::server
