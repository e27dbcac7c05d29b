#pragma once

#include <filesystem>

namespace hall::domain {

/// The folder that holds the shipped resources (holiday notices, catalogs, voice clips): the
/// HALL_RESOURCE_DIR environment variable when it is set and not empty, otherwise the project's
/// resources/ folder as configured at build time (HALL_DEFAULT_RESOURCE_DIR).
std::filesystem::path hallResourceDir();

/// hallResourceDir() / "holidays": the State Council holiday notices, one YYYY.json per year.
std::filesystem::path holidayDir();

} // namespace hall::domain
