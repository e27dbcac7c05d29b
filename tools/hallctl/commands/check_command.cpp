// hallctl check: the logic lives in the domain library, next to the identifier checks it runs.
#include "../command.h"

#include "domain/check_cli.h"

namespace hallctl {

extern const Command kCheckCommand;
const Command kCheckCommand{"check", "check a resident ID number, credit code or mobile number",
                            &hall::domain::runCheckCli};

} // namespace hallctl
