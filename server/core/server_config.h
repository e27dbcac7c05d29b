#pragma once

#include "core/logger.h"
#include "protocol/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace hall::server {

/// Everything hall-server can be told, with the defaults docs/server.md documents. The config file holds
/// `key = value` lines ('#' starts a comment); the command line's --listen overrides the file.
struct ServerConfig {
    std::string listenHost = "127.0.0.1";
    std::uint16_t listenPort = 7443;
    std::string hallName; ///< empty: the name `hallctl init` stored, else "Sunshine Hall"
    int handshakeTimeoutS = 10;
    int helloTimeoutS = 10;
    int idleTimeoutS = 90;
    std::size_t maxFrameBytes = 256 * 1024;
    double ratePerS = 50;
    double rateBurst = 100;
    std::size_t maxWriteQueueBytes = 8 * 1024 * 1024;
    std::size_t groupCommitMax = 256;
    std::uint32_t lockoutMaxFailures = 5;
    std::int64_t lockoutMinutes = 15;
    bool simulatedClock = false;
    std::int64_t simulatedStartMs = 0; ///< used when simulatedClock; 0 means "the real time at start"
    std::size_t replayMax = 10000;
    int shutdownTimeoutS = 5;
    std::size_t maxSessions = 1000;
    int ioThreads = 2;
    int loginThreads = 2;
    Logger::Level logLevel = Logger::Level::Info;

    /// Applies one `key = value` setting. InvalidArgument names the key and says what is wrong.
    Status set(std::string_view key, std::string_view value);
};

/// Reads a config file's lines into `config`. Errors name the file and line.
Status loadConfigFile(const std::string& path, ServerConfig& config);

/// "HOST:PORT" or "[v6]:PORT"; port 0 asks for a free port.
Status parseListenAddress(std::string_view text, std::string& host, std::uint16_t& port);

/// "2026-03-02T08:30:00+08:00", "...Z", "2026-03-02T08:30" (taken as UTC) or plain milliseconds.
Result<std::int64_t> parseTimestampMs(std::string_view text);

/// What the command line asked for.
struct CommandLine {
    bool help = false;
    std::string dataDir;
    std::string listen;     ///< empty: from the config
    std::string configFile; ///< empty: DATA_DIR/hall.conf when it exists
};

/// InvalidArgument with a readable sentence for anything the usage text does not allow.
Result<CommandLine> parseCommandLine(const std::vector<std::string>& args);

std::string usageText();

} // namespace hall::server
