#pragma once

#include <fstream>
#include <sstream>
#include <string>

// Paths to the committed data, and a file reader, for the catalog tests.
namespace catalog_test {

inline std::string sourcePath() {
    return std::string(HALL_SOURCE_DIR) + "/resources/catalog-source/district-service-catalog.json";
}
inline std::string puyangPath() {
    return std::string(HALL_SOURCE_DIR) + "/resources/halls/puyang.json";
}
inline std::string districtPath() {
    return std::string(HALL_SOURCE_DIR) + "/resources/halls/district.json";
}

inline std::string readText(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

inline void writeText(const std::string& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
}

} // namespace catalog_test
