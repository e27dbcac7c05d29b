#pragma once

#include "core/server_config.h"

#include <iosfwd>
#include <string>

namespace hall::server {

class Logger;

/// The version hall-server reports in HelloOk and ServerStatus.
std::string serverVersion();

/// hall-server as a whole: opens the hall in DATA_DIR, starts the core, listens for TLS devices and
/// serves them until SIGTERM or SIGINT; then stops accepting, asks every session to close (forcing them
/// after shutdown_timeout_s, or at a second signal), lets the core finish and commit its current batch.
class HallServer {
public:
    HallServer(std::string dataDir, ServerConfig config, Logger& logger);

    /// Blocks until stopped. Writes `listening on HOST:PORT` to `announce` once ready. Returns the process
    /// exit code: 0 after a clean stop, 1 when the server could not start.
    int run(std::ostream& announce);

private:
    std::string m_dataDir;
    ServerConfig m_config;
    Logger& m_logger;
};

/// The whole of hall-server's main(): arguments, config, logs, then HallServer. Exit codes: 0 clean stop
/// or --help, 1 could not start (no hall database: "run hallctl init first"), 2 bad arguments or config.
int serverMain(int argc, char** argv);

} // namespace hall::server
