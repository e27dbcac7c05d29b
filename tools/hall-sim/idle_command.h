#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hall::sim {

/// `hall-sim idle ...`: opens N TLS connections that say hello and then only ping now and then, holds them,
/// and reports the server's memory before and after. 0 when every connection was made and kept.
int idleCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hall::sim
