#include "command.h"
#include "hall_dir.h"
#include "options.h"
#include "text_table.h"

#include "pki/certificate_info.h"
#include "pki/issuer.h"
#include "pki/pem_file.h"
#include "store/devices.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ostream>
#include <sstream>

#include <sys/stat.h>

namespace hallctl {
namespace {

namespace fs = std::filesystem;
using hall::DeviceIdentity;
using hall::DeviceRole;
using hall::Error;
using hall::ErrorCode;
using hall::Result;
using hall::Status;
using hall::store::Database;

constexpr std::string_view kRoleList = "clerk-pc, kiosk, tablet, display, admin, bidder";

bool needsWindow(DeviceRole role) {
    return role == DeviceRole::ClerkPc || role == DeviceRole::Tablet;
}

/// Windows are "<floor>-<number>": floor 1-5, a two-digit number from 01.
bool isValidWindow(std::string_view window) {
    return window.size() == 4 && window[0] >= '1' && window[0] <= '5' && window[1] == '-' &&
           window[2] >= '0' && window[2] <= '9' && window[3] >= '0' && window[3] <= '9' &&
           window.substr(2) != "00";
}

std::optional<int> parseInt(std::string_view text, int min, int max) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

Result<DeviceIdentity> identityFrom(const Options& options) {
    DeviceIdentity identity;
    const std::string roleName = options.value("--role");
    const auto role = hall::deviceRoleFromName(roleName);
    if (!role)
        return Error{ErrorCode::InvalidArgument, "--role: unknown device role '" + roleName + "' (one of " +
                                                     std::string(kRoleList) + ")"};
    identity.role = *role;
    identity.name = options.value("--name");
    if (!hall::pki::isValidDeviceName(identity.name))
        return Error{ErrorCode::InvalidArgument,
                     "--name: device names are 1-32 characters of A-Z, a-z, 0-9, '.', '_' and '-'"};
    identity.window = options.value("--window");
    if (needsWindow(identity.role)) {
        if (!options.has("--window"))
            return Error{ErrorCode::InvalidArgument, "--window is required for a " + roleName};
        if (!isValidWindow(identity.window))
            return Error{ErrorCode::InvalidArgument,
                         "--window: '" + identity.window +
                             "' is not a window like 2-07 (floor 1-5, number 01-99)"};
        identity.floor = static_cast<std::uint8_t>(identity.window[0] - '0');
    } else if (options.has("--window")) {
        return Error{ErrorCode::InvalidArgument, "--window applies to clerk-pc and tablet devices only"};
    }
    if (options.has("--floor")) {
        const auto floor = parseInt(options.value("--floor"), 0, 5);
        if (!floor)
            return Error{ErrorCode::InvalidArgument, "--floor must be a number from 0 (whole hall) to 5"};
        if (needsWindow(identity.role) && *floor != identity.floor)
            return Error{ErrorCode::InvalidArgument, "--floor " + std::to_string(*floor) +
                                                         " contradicts window " + identity.window +
                                                         " on floor " + std::to_string(identity.floor)};
        identity.floor = static_cast<std::uint8_t>(*floor);
    }
    return identity;
}

/// The server's address for a device elsewhere on the network: the first name the server certificate
/// carries besides localhost, then the first address besides 127.0.0.1, else localhost.
Result<std::string> defaultHost(const HallLayout& layout) {
    auto pem = hall::pki::readSmallFile(layout.serverCertificate.string());
    if (!pem)
        return pem.error();
    auto info = hall::pki::readCertificate(pem.value());
    if (!info)
        return info.error();
    for (const auto& name : info->dnsNames)
        if (name != "localhost")
            return name;
    for (const auto& address : info->ipAddresses)
        if (address != "127.0.0.1")
            return address;
    return std::string("localhost");
}

std::string connectionIni(const DeviceIdentity& device, const std::string& host, int port) {
    std::ostringstream ini;
    ini << "; Sunshine Hall connection settings for device " << device.name << " ("
        << hall::deviceRoleName(device.role) << "), written by 'hallctl device add'.\n"
        << "; Relative file paths are relative to the directory that holds this file.\n"
        << "[connection]\n"
        << "host=" << host << "\n"
        << "port=" << port << "\n"
        << "caFile=ca.pem\n"
        << "certFile=device.pem\n"
        << "keyFile=device.key\n";
    return ini.str();
}

/// The files `device add` writes, removed again unless the registration commits.
class OutputFiles {
public:
    explicit OutputFiles(fs::path dir) : m_dir(std::move(dir)) {}
    ~OutputFiles() {
        if (m_kept)
            return;
        std::error_code ec;
        for (const auto& file : m_written)
            fs::remove(file, ec);
        if (m_createdDir)
            fs::remove(m_dir, ec);
    }
    OutputFiles(const OutputFiles&) = delete;
    OutputFiles& operator=(const OutputFiles&) = delete;

    /// Checks that none of `names` exists yet, and creates the directory (0700) when it is missing.
    Status prepare(std::initializer_list<const char*> names) {
        std::error_code ec;
        if (fs::exists(m_dir, ec)) {
            if (!fs::is_directory(m_dir, ec))
                return Error{ErrorCode::Conflict, "--out: " + m_dir.string() + " is not a directory"};
            for (const char* name : names)
                if (fs::exists(fs::symlink_status(m_dir / name, ec)))
                    return Error{ErrorCode::Conflict,
                                 (m_dir / name).string() + " already exists; refusing to replace it"};
            return hall::success();
        }
        if (!fs::is_directory(m_dir.parent_path(), ec))
            return Error{ErrorCode::NotFound,
                         "--out: the parent directory " + m_dir.parent_path().string() + " does not exist"};
        if (::mkdir(m_dir.c_str(), 0700) != 0)
            return Error{ErrorCode::Unavailable,
                         "cannot create " + m_dir.string() + ": " + std::strerror(errno)};
        m_createdDir = true;
        return hall::success();
    }

    Status write(const char* name, std::string_view contents, mode_t mode) {
        const fs::path path = m_dir / name;
        auto written = hall::pki::writeNewFile(path.string(), contents, mode);
        if (written)
            m_written.push_back(path);
        return written;
    }

    void keep() { m_kept = true; }
    const fs::path& dir() const { return m_dir; }

private:
    fs::path m_dir;
    std::vector<fs::path> m_written;
    bool m_createdDir = false;
    bool m_kept = false;
};

std::string describe(const DeviceIdentity& device) {
    std::string text(hall::deviceRoleName(device.role));
    if (!device.window.empty())
        text += ", window " + device.window;
    text += device.floor == 0 ? ", whole hall" : ", floor " + std::to_string(device.floor);
    return text;
}

constexpr OptionSpec kAddOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory", true},
    {"--role", "ROLE", "clerk-pc, kiosk, tablet, display, admin or bidder", true},
    {"--name", "NAME", "unique device name: 1-32 of A-Z a-z 0-9 . _ -", true},
    {"--window", "W", "the window it serves, like 2-07 (required for clerk-pc and tablet)"},
    {"--floor", "F", "the floor it serves, 0 (whole hall) to 5; clerk-pc and tablet take the window's"},
    {"--out", "DIR2", "where to write device.pem, device.key, ca.pem and connection.ini", true},
    {"--host", "HOST", "server host for connection.ini (default: the server certificate's first name)"},
    {"--port", "PORT", "server port for connection.ini (default: hall.conf's port, else 7443)"},
};

Result<int> runAdd(const Options& options, std::ostream& out, std::ostream&) {
    auto identity = identityFrom(options);
    if (!identity)
        return identity.error();
    const std::string outDir = options.value("--out");
    if (outDir.empty())
        return Error{ErrorCode::InvalidArgument, "--out must not be empty"};
    const std::string hostOption = options.value("--host");
    if (options.has("--host") && !hall::pki::isValidDnsName(hostOption) &&
        !hall::pki::isValidIpAddress(hostOption))
        return Error{ErrorCode::InvalidArgument,
                     "--host: not a host name or IP address: '" + hostOption + "'"};
    std::optional<int> portOption;
    if (options.has("--port")) {
        portOption = parseInt(options.value("--port"), 1, 65535);
        if (!portOption)
            return Error{ErrorCode::InvalidArgument, "--port must be a TCP port from 1 to 65535"};
    }

    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    hall::store::DeviceRegistry registry(*db.value());
    if (const auto existing = registry.findByName(identity->name))
        return Error{ErrorCode::Conflict,
                     "device " + identity->name + " is already registered" +
                         (existing->revokedAtMs != 0 ? " (revoked; device names are never reused)" : "")};
    auto host = options.has("--host") ? Result<std::string>(hostOption) : defaultHost(layout);
    if (!host)
        return host.error();
    auto port = portOption ? Result<int>(*portOption) : configuredPort(layout);
    if (!port)
        return port.error();

    OutputFiles files(fs::absolute(fs::path(outDir)).lexically_normal());
    if (auto prepared = files.prepare({"device.pem", "device.key", "ca.pem", "connection.ini"}); !prepared)
        return prepared.error();
    auto ca = loadCa(layout);
    if (!ca)
        return ca.error();
    auto issued = hall::pki::issueDeviceCertificate(ca.value(), identity.value());
    if (!issued)
        return issued.error();
    auto info = hall::pki::readCertificate(issued->certificatePem);
    if (!info)
        return info.error();

    Status written = files.write("device.pem", issued->certificatePem, hall::pki::kCertificateFileMode);
    if (written)
        written = files.write("device.key", issued->privateKeyPem, hall::pki::kPrivateKeyFileMode);
    if (written)
        written = files.write("ca.pem", ca->certificatePem, hall::pki::kCertificateFileMode);
    if (written)
        written =
            files.write("connection.ini", connectionIni(identity.value(), host.value(), port.value()), 0644);
    if (!written)
        return written.error();

    hall::store::DeviceRecord record;
    record.identity = identity.value();
    record.fingerprint = info->fingerprint;
    record.serial = info->serial;
    record.issuedAtMs = nowMs();
    {
        hall::store::Transaction tx(*db.value());
        registry.add(record);
        appendAuditEvent(*db.value(),
                         hall::DeviceChanged{hall::DeviceChange::Added, record.identity, record.fingerprint},
                         record.issuedAtMs);
        tx.commit();
    }
    files.keep();

    const auto validUntil =
        std::chrono::duration_cast<std::chrono::milliseconds>(info->notAfter.time_since_epoch());
    out << "registered device " << record.identity.name << " (" << describe(record.identity) << ")\n"
        << "  fingerprint  " << record.fingerprint << "\n"
        << "  serial       " << record.serial << "\n"
        << "  valid until  " << formatTimeMs(validUntil.count()) << "\n"
        << "wrote " << files.dir().string() << ": device.pem, device.key (0600), ca.pem, connection.ini ("
        << host.value() << ":" << port.value() << ")\n";
    return kExitOk;
}

constexpr OptionSpec kListOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory", true},
};

Result<int> runList(const Options& options, std::ostream& out, std::ostream&) {
    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    const auto devices = hall::store::DeviceRegistry(*db.value()).list();
    if (devices.empty()) {
        out << "no devices registered\n";
        return kExitOk;
    }
    TextTable table({"NAME", "ROLE", "WINDOW", "FLOOR", "STATUS", "ISSUED", "FINGERPRINT"});
    for (const auto& device : devices)
        table.addRow({device.identity.name, std::string(hall::deviceRoleName(device.identity.role)),
                      device.identity.window.empty() ? "-" : device.identity.window,
                      std::to_string(device.identity.floor),
                      device.revokedAtMs != 0 ? "revoked " + formatTimeMs(device.revokedAtMs) : "active",
                      formatTimeMs(device.issuedAtMs), device.fingerprint});
    table.print(out);
    return kExitOk;
}

constexpr OptionSpec kRevokeOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory", true},
    {"--name", "NAME", "the device to revoke", true},
};

Result<int> runRevoke(const Options& options, std::ostream& out, std::ostream&) {
    const std::string name = options.value("--name");
    if (!hall::pki::isValidDeviceName(name))
        return Error{ErrorCode::InvalidArgument, "--name: '" + name + "' is not a device name"};
    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    hall::store::DeviceRegistry registry(*db.value());
    const auto device = registry.findByName(name);
    if (!device)
        return Error{ErrorCode::NotFound, "no device named " + name};
    if (device->revokedAtMs != 0)
        return Error{ErrorCode::Conflict, "device " + name + " was already revoked at " +
                                              formatTimeMs(device->revokedAtMs) + "; nothing changed"};
    const std::int64_t now = nowMs();
    {
        hall::store::Transaction tx(*db.value());
        if (!registry.revoke(name, now))
            return Error{ErrorCode::Conflict, "device " + name + " changed meanwhile; nothing changed"};
        appendAuditEvent(
            *db.value(),
            hall::DeviceChanged{hall::DeviceChange::Revoked, device->identity, device->fingerprint}, now);
        tx.commit();
    }
    out << "revoked device " << name << " (" << describe(device->identity) << "); the server refuses its "
        << "certificate from its next connection on\n";
    return kExitOk;
}

constexpr Action kDeviceActions[] = {
    {"add", "issue a device certificate and register the device",
     "Writes DIR2/device.pem, DIR2/device.key (0600), DIR2/ca.pem and DIR2/connection.ini ([connection] keys "
     "host,\n"
     "port, caFile, certFile, keyFile; file paths relative to DIR2), registers the certificate's\n"
     "fingerprint and journals a DeviceChanged event. Existing files in DIR2 are never replaced.",
     kAddOptions, &runAdd},
    {"list", "list registered devices with their fingerprints", "", kListOptions, &runList},
    {"revoke", "revoke a device: the server refuses its certificate from then on",
     "The device stays listed as revoked and its name is not reused.", kRevokeOptions, &runRevoke},
};

int runDeviceCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runActionGroup("device", "Issues, lists and revokes device certificates.", kDeviceActions, args,
                          out, err);
}

} // namespace

extern const Command kDeviceCommand;
const Command kDeviceCommand{"device", "issue, list and revoke device certificates", &runDeviceCommand};

} // namespace hallctl
