#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hall::domain {

/// `hallctl check id|uscc|mobile VALUE`: checks a resident identity number, a unified social credit code
/// or a mobile number. Prints "valid" (exit 0) or "invalid: REASON" (exit 1) on `out`; a usage error goes
/// to `err` (exit 2). `args` holds what follows "check".
int runCheckCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hall::domain
