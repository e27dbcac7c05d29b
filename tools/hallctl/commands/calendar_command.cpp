// hallctl calendar: the logic lives in the domain library, where it is tested with the calendar itself.
#include "../command.h"

#include "domain/calendar_cli.h"

namespace hallctl {

extern const Command kCalendarCommand;
const Command kCalendarCommand{"calendar", "working days: add-workdays, is-workday, count, years",
                               &hall::domain::runCalendarCli};

} // namespace hallctl
