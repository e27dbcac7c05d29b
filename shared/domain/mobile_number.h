#pragma once

#include "protocol/result.h"

#include <string>
#include <string_view>

namespace hall::domain {

/// Checks a mainland China mobile number and returns its 11 digits. Accepted as typed: spaces and dashes
/// between the digits ("138 0013 8000", "138-0013-8000") and a country prefix "+86" or "0086" (also
/// followed by a space or dash). The rest must be 11 digits starting with 1 and then 3 to 9. Numbers of
/// other countries, landlines and 12-digit IoT numbers are refused. Errors are InvalidArgument with a
/// reason such as "has 10 digits, not 11".
Result<std::string> checkMobileNumber(std::string_view text);

} // namespace hall::domain
