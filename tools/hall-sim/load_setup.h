#pragma once

#include "device_files.h"
#include "protocol/result.h"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace hall::sim {

/// What `hall-sim load` connects with.
struct LoadFixture {
    std::vector<DeviceFiles> desks;    ///< admin-role supervisors' desks that post and read
    std::vector<DeviceFiles> displays; ///< floor-2 displays that subscribe
    std::string username;              ///< the supervisor account the desks log in as
    std::string password;
};

/// Creates, once, what the load needs inside the hall's data directory, through hallctl's own commands
/// run in-process (so the server sees ordinary registered devices and an ordinary account):
///   DATA_DIR/sim/devices/sim-desk-NNN/   admin devices (a supervisor's desk), `desks` of them
///   DATA_DIR/sim/devices/sim-led-NNN/    display devices for floor 2, `displays` of them
///   DATA_DIR/sim/supervisor.password     the random password (0600) of the supervisor "sim.supervisor"
/// Existing devices and the account are reused, so a second run adds only what is missing. Progress
/// goes to `log`. Works while the server runs (SQLite WAL; the server looks devices up per connection).
Result<LoadFixture> prepareLoadFixture(const std::string& dataDir, std::size_t desks, std::size_t displays,
                                       std::ostream& log);

} // namespace hall::sim
