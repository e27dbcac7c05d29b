#include "core/server_config.h"

#include <charconv>
#include <fstream>
#include <limits>

#include "protocol/frame.h"

namespace hall::server {
namespace {

std::string_view trim(std::string_view s) {
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

template <typename T> bool parseNumber(std::string_view text, T& out) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

Error invalid(std::string_view key, std::string_view what) {
    return Error{ErrorCode::InvalidArgument, std::string(key) + ": " + std::string(what)};
}

template <typename T> Status setInteger(std::string_view key, std::string_view value, T& out, T min, T max) {
    T parsed{};
    if (!parseNumber(value, parsed))
        return invalid(key, "expected a whole number, got \"" + std::string(value) + "\"");
    if (parsed < min || parsed > max)
        return invalid(key, "must lie between " + std::to_string(min) + " and " + std::to_string(max));
    out = parsed;
    return success();
}

Status setRate(std::string_view key, std::string_view value, double& out) {
    double parsed = 0;
    if (!parseNumber(value, parsed) || !(parsed > 0) || parsed > 1e6)
        return invalid(key, "expected a positive number up to 1000000");
    out = parsed;
    return success();
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's civil-days algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > s.size())
        return false;
    out = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

} // namespace

Status ServerConfig::set(std::string_view key, std::string_view value) {
    if (key == "listen")
        return parseListenAddress(value, listenHost, listenPort);
    if (key == "hall_name") {
        if (value.empty() || value.size() > 128)
            return invalid(key, "must be 1 to 128 bytes");
        hallName = std::string(value);
        return success();
    }
    if (key == "handshake_timeout_s")
        return setInteger(key, value, handshakeTimeoutS, 1, 3600);
    if (key == "hello_timeout_s")
        return setInteger(key, value, helloTimeoutS, 1, 3600);
    if (key == "idle_timeout_s")
        return setInteger(key, value, idleTimeoutS, 1, 86400);
    if (key == "max_frame_bytes")
        return setInteger<std::size_t>(key, value, maxFrameBytes, 64, kMaxFrameBody);
    if (key == "rate_per_s")
        return setRate(key, value, ratePerS);
    if (key == "rate_burst")
        return setRate(key, value, rateBurst);
    if (key == "max_write_queue_bytes")
        return setInteger<std::size_t>(key, value, maxWriteQueueBytes, 64 * 1024, std::size_t{1} << 32);
    if (key == "group_commit_max")
        return setInteger<std::size_t>(key, value, groupCommitMax, 1, 100000);
    if (key == "lockout_max_failures")
        return setInteger<std::uint32_t>(key, value, lockoutMaxFailures, 1, 1000);
    if (key == "lockout_minutes")
        return setInteger<std::int64_t>(key, value, lockoutMinutes, 1, 7 * 24 * 60);
    if (key == "clock") {
        if (value == "system")
            simulatedClock = false;
        else if (value == "simulated")
            simulatedClock = true;
        else
            return invalid(key, "must be system or simulated");
        return success();
    }
    if (key == "simulated_start") {
        auto ms = parseTimestampMs(value);
        if (!ms)
            return invalid(key, ms.error().message);
        simulatedStartMs = *ms;
        return success();
    }
    if (key == "replay_max")
        return setInteger<std::size_t>(key, value, replayMax, 1, 1000000);
    if (key == "shutdown_timeout_s")
        return setInteger(key, value, shutdownTimeoutS, 0, 600);
    if (key == "max_sessions")
        return setInteger<std::size_t>(key, value, maxSessions, 1, 100000);
    if (key == "io_threads")
        return setInteger(key, value, ioThreads, 1, 64);
    if (key == "login_threads")
        return setInteger(key, value, loginThreads, 1, 64);
    if (key == "log_level") {
        const auto level = Logger::levelFromName(value);
        if (!level)
            return invalid(key, "must be debug, info, warning or error");
        logLevel = *level;
        return success();
    }
    return invalid(key, "unknown setting");
}

Status loadConfigFile(const std::string& path, ServerConfig& config) {
    std::ifstream in(path);
    if (!in)
        return Error{ErrorCode::NotFound, "cannot read the config file " + path};
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::string_view text = line;
        if (const auto hash = text.find('#'); hash != std::string_view::npos)
            text = text.substr(0, hash);
        text = trim(text);
        if (text.empty())
            continue;
        const auto eq = text.find('=');
        const std::string where = path + ":" + std::to_string(number) + ": ";
        if (eq == std::string_view::npos)
            return Error{ErrorCode::InvalidArgument, where + "expected key = value"};
        const Status applied = config.set(trim(text.substr(0, eq)), trim(text.substr(eq + 1)));
        if (!applied)
            return Error{ErrorCode::InvalidArgument, where + applied.error().message};
    }
    return success();
}

Status parseListenAddress(std::string_view text, std::string& host, std::uint16_t& port) {
    std::string_view hostPart;
    std::string_view portPart;
    if (text.starts_with('[')) {
        const auto close = text.find("]:");
        if (close == std::string_view::npos)
            return invalid("listen", "expected [ADDRESS]:PORT");
        hostPart = text.substr(1, close - 1);
        portPart = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos || text.find(':') != colon)
            return invalid("listen", "expected HOST:PORT, got \"" + std::string(text) + "\"");
        hostPart = text.substr(0, colon);
        portPart = text.substr(colon + 1);
    }
    unsigned parsedPort = 0;
    if (hostPart.empty() || !parseNumber(portPart, parsedPort) || parsedPort > 65535)
        return invalid("listen", "expected HOST:PORT with a port from 0 to 65535");
    host = std::string(hostPart);
    port = static_cast<std::uint16_t>(parsedPort);
    return success();
}

Result<std::int64_t> parseTimestampMs(std::string_view text) {
    std::int64_t plain = 0;
    if (parseNumber(text, plain))
        return plain;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const bool dateOk = digits(text, 0, 4, year) && text.size() > 4 && text[4] == '-' &&
                        digits(text, 5, 2, month) && text.size() > 7 && text[7] == '-' &&
                        digits(text, 8, 2, day);
    const bool timeOk = dateOk && text.size() >= 16 && text[10] == 'T' && digits(text, 11, 2, hour) &&
                        text[13] == ':' && digits(text, 14, 2, minute);
    if (!timeOk || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59)
        return Error{ErrorCode::InvalidArgument, "expected YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM] or milliseconds"};
    std::size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        if (!digits(text, pos + 1, 2, second) || second > 59)
            return Error{ErrorCode::InvalidArgument, "bad seconds in the timestamp"};
        pos += 3;
    }
    std::int64_t offsetMinutes = 0;
    const std::string_view zone = text.substr(pos);
    if (!zone.empty() && zone != "Z") {
        int oh = 0, om = 0;
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, oh) ||
            zone[3] != ':' || !digits(zone, 4, 2, om) || oh > 14 || om > 59)
            return Error{ErrorCode::InvalidArgument, "bad zone offset in the timestamp (use Z or +HH:MM)"};
        offsetMinutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    return seconds * 1000;
}

Result<CommandLine> parseCommandLine(const std::vector<std::string>& args) {
    CommandLine cl;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto takeValue = [&](std::string& out) -> Status {
            if (i + 1 >= args.size() || args[i + 1].empty())
                return Error{ErrorCode::InvalidArgument, arg + " needs a value"};
            out = args[++i];
            return success();
        };
        Status status = success();
        if (arg == "--help" || arg == "-h") {
            cl.help = true;
        } else if (arg == "--data-dir") {
            status = takeValue(cl.dataDir);
        } else if (arg == "--listen") {
            status = takeValue(cl.listen);
            if (status) {
                std::string host;
                std::uint16_t port = 0;
                status = parseListenAddress(cl.listen, host, port);
            }
        } else if (arg == "--config") {
            status = takeValue(cl.configFile);
        } else {
            status = Error{ErrorCode::InvalidArgument, "unknown argument: " + arg};
        }
        if (!status)
            return status.error();
    }
    if (!cl.help && cl.dataDir.empty())
        return Error{ErrorCode::InvalidArgument, "--data-dir is required"};
    return cl;
}

std::string usageText() {
    return "usage: hall-server --data-dir DIR [--listen HOST:PORT] [--config FILE]\n"
           "\n"
           "Runs the hall server over the hall created by `hallctl init --data-dir DIR`.\n"
           "\n"
           "  --data-dir DIR      the hall's data directory (hall.db, pki/, logs/)\n"
           "  --listen HOST:PORT  the TLS address to listen on (default 127.0.0.1:7443; port 0 picks a free\n"
           "                      port); overrides `listen` in the config file\n"
           "  --config FILE       key = value settings (default DIR/hall.conf when it exists)\n"
           "  --help              this text\n"
           "\n"
           "Prints `listening on HOST:PORT` when ready. SIGTERM or SIGINT stops it cleanly.\n"
           "Exit codes: 0 stopped cleanly, 1 could not start, 2 bad arguments or config.\n";
}

} // namespace hall::server
