#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace hall::domain {

/// `hallctl calendar`: working-day arithmetic on the holiday notices, for operators and scripts.
///
///     calendar [--holidays DIR] add-workdays DATE N   prints the due date, YYYY-MM-DD
///     calendar [--holidays DIR] is-workday DATE       prints yes (exit 0) or no (exit 1)
///     calendar [--holidays DIR] count FROM TO         prints the working days after FROM up to TO
///     calendar [--holidays DIR] years                 prints each year's notice state
///
/// An answer that depends on a year without a published notice is followed by " provisional". DIR
/// defaults to holidayDir(). `args` holds what follows "calendar"; the answer goes to `out`, complaints
/// to `err`. Exit codes: 0 done (or yes), 1 no or the holiday files could not be loaded, 2 usage error.
int runCalendarCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hall::domain
