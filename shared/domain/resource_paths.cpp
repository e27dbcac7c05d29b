#include "domain/resource_paths.h"

#include <cstdlib>

#ifndef HALL_DEFAULT_RESOURCE_DIR
#error "HALL_DEFAULT_RESOURCE_DIR must be defined by the build (see shared/domain/CMakeLists.txt)"
#endif

namespace hall::domain {

std::filesystem::path hallResourceDir() {
    // An installed program is run far from the source tree; the variable lets it point at its data.
    if (const char* fromEnvironment = std::getenv("HALL_RESOURCE_DIR");
        fromEnvironment != nullptr && *fromEnvironment != '\0') {
        return std::filesystem::path{fromEnvironment};
    }
    return std::filesystem::path{HALL_DEFAULT_RESOURCE_DIR};
}

std::filesystem::path holidayDir() {
    return hallResourceDir() / "holidays";
}

} // namespace hall::domain
