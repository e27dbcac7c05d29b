#include "hall_dir.h"

#include "core/server_config.h"

#include "pki/pem_file.h"
#include "protocol/wire.h"

#include <charconv>
#include <ctime>
#include <sstream>

namespace hallctl {

using hall::Error;
using hall::ErrorCode;

HallLayout::HallLayout(const std::filesystem::path& dataDir)
    : root(dataDir), database(dataDir / "hall.db"), config(dataDir / "hall.conf"), pkiDir(dataDir / "pki"),
      caCertificate(dataDir / "pki" / "ca.pem"), caKey(dataDir / "pki" / "ca.key"),
      serverCertificate(dataDir / "pki" / "server.pem"), serverKey(dataDir / "pki" / "server.key"),
      logsDir(dataDir / "logs") {}

hall::Result<std::unique_ptr<hall::store::Database>> openHall(const HallLayout& layout,
                                                              hall::store::Database::Mode mode) {
    // Checked first because opening a missing database would create an empty one.
    std::error_code ec;
    const char* missing = nullptr;
    if (!std::filesystem::is_directory(layout.root, ec))
        missing = "the directory does not exist";
    else if (!std::filesystem::is_regular_file(layout.database, ec))
        missing = "it holds no hall.db";
    if (missing != nullptr)
        return Error{ErrorCode::NotFound, "no hall at " + layout.root.string() + ": " + missing +
                                              " (create a hall with 'hallctl init')"};
    return hall::store::Database::open(layout.database.string(), mode);
}

hall::Result<hall::pki::CertifiedKey> loadCa(const HallLayout& layout) {
    auto certificate = hall::pki::readSmallFile(layout.caCertificate.string());
    if (!certificate)
        return certificate.error();
    auto key = hall::pki::readSmallFile(layout.caKey.string());
    if (!key)
        return key.error();
    return hall::pki::CertifiedKey{std::move(certificate).value(), std::move(key).value()};
}

std::string defaultHallConfig() {
    return hall::server::defaultConfigFileText();
}

hall::Result<int> configuredPort(const HallLayout& layout) {
    // Read with the server's own parser, so hallctl and hall-server agree on what the file says.
    hall::server::ServerConfig config;
    if (std::filesystem::exists(layout.config)) {
        if (const hall::Status loaded = hall::server::loadConfigFile(layout.config.string(), config); !loaded)
            return loaded.error();
    }
    return static_cast<int>(config.listenPort);
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string formatTimeMs(std::int64_t ms) {
    if (ms == 0)
        return "-";
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buffer;
}

bool isPrintableText(std::string_view text, std::size_t maxChars, bool optional) {
    if (text.empty())
        return optional;
    if (!hall::isValidUtf8(text))
        return false;
    std::size_t chars = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F)
            return false;
        if ((byte & 0xC0) != 0x80)
            ++chars;
    }
    return chars <= maxChars;
}

} // namespace hallctl
