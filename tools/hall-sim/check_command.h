#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace hall::sim {

/// What `hall-sim check` talks to: a running hall and the demo hall's device directories and accounts.
struct CheckOptions {
    std::string dataDir;
    std::string host = "127.0.0.1";
    std::uint16_t port = 7443;
    std::string display = "led-2f";
    std::string desk = "supervisor-desk";
    std::string kiosk = "K-1F-01";
    std::string admin = "hallctl-admin";
    std::string accountsFile; ///< empty: DATA_DIR/DEMO-ACCOUNTS.txt
    std::chrono::milliseconds timeout{5000};
};

/// The scripted end-to-end check of a running hall over TLS: a display subscribes, a supervisor posts a
/// notice, the display must see exactly that event, a retry of the same request id must get the same
/// answer and no second event, the notice must be listed once, a kiosk must be refused, and the admin
/// device reads the server status. Prints one line per step with pass/fail and its time; returns 0 only
/// when every step passed, 1 otherwise.
int runCheck(const CheckOptions& options, std::ostream& out);

/// `hall-sim check ...`: parses the arguments, then runCheck. 2 on a usage error.
int checkCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hall::sim
