#include "hall_dir.h"

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
    std::ostringstream out;
    out << "# Sunshine Hall server configuration, written by 'hallctl init'.\n"
           "# Every setting is shown commented out with its default; remove the '#' to change one.\n"
           "# Relative paths are resolved against this data directory.\n"
           "\n"
           "# The address and TCP port of the TLS listener (TLS 1.2 at least, client certificates "
           "required).\n"
           "# listen_address = 0.0.0.0\n"
           "# port = "
        << kDefaultPort
        << "\n"
           "\n"
           "# The hall CA (trusted for client certificates) and the server's certificate and key.\n"
           "# ca_file = pki/ca.pem\n"
           "# cert_file = pki/server.pem\n"
           "# key_file = pki/server.key\n"
           "\n"
           "# The SQLite database and the directory for the server's logs.\n"
           "# database = hall.db\n"
           "# log_dir = logs\n"
           "# log_level = info\n"
           "\n"
           "# Seconds a client has to finish the TLS handshake and its hello; seconds of silence before an\n"
           "# idle session is closed.\n"
           "# handshake_timeout_s = 10\n"
           "# idle_timeout_s = 300\n"
           "\n"
           "# The most sessions served at once.\n"
           "# max_sessions = 1000\n"
           "\n"
           "# Failed logins before an account locks, and for how many minutes.\n"
           "# lockout_failures = 5\n"
           "# lockout_minutes = 15\n";
    return out.str();
}

hall::Result<int> configuredPort(const HallLayout& layout) {
    auto text = hall::pki::readSmallFile(layout.config.string());
    if (!text)
        return text.error();
    std::istringstream lines(text.value());
    std::string line;
    int port = kDefaultPort;
    while (std::getline(lines, line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#' || line[first] == ';')
            continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        auto trim = [](std::string s) {
            const auto begin = s.find_first_not_of(" \t\r");
            const auto end = s.find_last_not_of(" \t\r");
            return begin == std::string::npos ? std::string() : s.substr(begin, end - begin + 1);
        };
        if (trim(line.substr(0, eq)) != "port")
            continue;
        const std::string value = trim(line.substr(eq + 1));
        int parsed = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (ec != std::errc() || end != value.data() + value.size() || parsed < 1 || parsed > 65535)
            return Error{ErrorCode::InvalidArgument,
                         layout.config.string() + ": port is not a TCP port: " + value};
        port = parsed;
    }
    return port;
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
