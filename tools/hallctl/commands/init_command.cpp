#include "command.h"
#include "hall_dir.h"
#include "options.h"

#include "pki/certificate_info.h"
#include "pki/issuer.h"
#include "pki/pem_file.h"
#include "store/migrations.h"

#include <cerrno>
#include <cstring>
#include <ostream>

#include <sys/stat.h>
#include <unistd.h>

namespace hallctl {
namespace {

namespace fs = std::filesystem;
using hall::Error;
using hall::ErrorCode;
using hall::Result;
using hall::Status;

constexpr std::string_view kDefaultHallName = "Sunshine Hall";

constexpr OptionSpec kInitOptions[] = {
    {"--data-dir", "DIR", "the new hall's data directory; must not exist yet, or be empty", true},
    {"--hall-name", "NAME", "the hall's name, part of the CA's name (default \"Sunshine Hall\")"},
    {"--server-name", "HOST", "another DNS name for the server certificate (repeatable)", false, true},
    {"--server-ip", "IP", "another IP address for the server certificate (repeatable)", false, true},
};

/// Removes a directory tree when the scope ends, unless the work inside it was kept.
class StagingDir {
public:
    explicit StagingDir(fs::path path) : m_path(std::move(path)) {}
    ~StagingDir() {
        if (!m_kept) {
            std::error_code ec;
            fs::remove_all(m_path, ec);
        }
    }
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;
    const fs::path& path() const { return m_path; }
    void keep() { m_kept = true; }

private:
    fs::path m_path;
    bool m_kept = false;
};

Status makePrivateDir(const fs::path& path) {
    if (::mkdir(path.c_str(), 0700) != 0 || ::chmod(path.c_str(), 0700) != 0)
        return Error{ErrorCode::Unavailable, "cannot create " + path.string() + ": " + std::strerror(errno)};
    return hall::success();
}

Result<fs::path> makeStagingDir(const fs::path& parent, const fs::path& name) {
    std::string pattern = (parent / ("." + name.string() + ".init-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr)
        return Error{ErrorCode::Unavailable,
                     "cannot create a directory in " + parent.string() + ": " + std::strerror(errno)};
    return fs::path(pattern);
}

struct InitRequest {
    std::string hallName;
    hall::pki::ServerNames serverNames;
};

struct InitSummary {
    std::string caFingerprint;
    std::string caName;
    std::vector<std::string> serverNames;
    int schemaVersion = 0;
};

/// Writes a complete hall into `dir` (a fresh, private directory).
Result<InitSummary> buildHall(const fs::path& dir, const InitRequest& request) {
    const HallLayout layout(dir);
    if (auto made = makePrivateDir(layout.pkiDir); !made)
        return made.error();
    if (auto made = makePrivateDir(layout.logsDir); !made)
        return made.error();

    auto ca = hall::pki::createHallCa(request.hallName);
    if (!ca)
        return ca.error();
    auto server = hall::pki::issueServerCertificate(ca.value(), request.serverNames);
    if (!server)
        return server.error();
    Status written = hall::pki::writeCertificateFile(layout.caCertificate.string(), ca->certificatePem);
    if (written)
        written = hall::pki::writePrivateKeyFile(layout.caKey.string(), ca->privateKeyPem);
    if (written)
        written = hall::pki::writeCertificateFile(layout.serverCertificate.string(), server->certificatePem);
    if (written)
        written = hall::pki::writePrivateKeyFile(layout.serverKey.string(), server->privateKeyPem);
    if (written)
        written = hall::pki::writeNewFile(layout.config.string(), defaultHallConfig(), 0644);
    if (!written)
        return written.error();

    auto caInfo = hall::pki::readCertificate(ca->certificatePem);
    if (!caInfo)
        return caInfo.error();
    auto serverInfo = hall::pki::readCertificate(server->certificatePem);
    if (!serverInfo)
        return serverInfo.error();

    InitSummary summary;
    summary.caFingerprint = caInfo->fingerprint;
    summary.caName = caInfo->commonName;
    summary.serverNames = serverInfo->dnsNames;
    summary.serverNames.insert(summary.serverNames.end(), serverInfo->ipAddresses.begin(),
                               serverInfo->ipAddresses.end());
    {
        auto db = hall::store::Database::open(layout.database.string());
        if (!db)
            return db.error();
        hall::store::Transaction tx(*db.value());
        db.value()->setMetaValue(kMetaHallName, request.hallName);
        db.value()->setMetaValue(kMetaCaFingerprint, caInfo->fingerprint);
        tx.commit();
        summary.schemaVersion = db.value()->schemaVersion();
    }
    // The database holds password hashes: owner only, like the keys.
    if (::chmod(layout.database.c_str(), 0600) != 0)
        return Error{ErrorCode::Unavailable,
                     "cannot restrict " + layout.database.string() + ": " + std::strerror(errno)};
    return summary;
}

Result<int> runInit(const Options& options, std::ostream& out, std::ostream&) {
    InitRequest request;
    request.hallName = options.value("--hall-name", kDefaultHallName);
    if (!hall::pki::isValidHallName(request.hallName))
        return Error{ErrorCode::InvalidArgument,
                     "--hall-name must be 1-45 characters of UTF-8 without control characters"};
    request.serverNames.dnsNames = options.values("--server-name");
    for (const auto& name : request.serverNames.dnsNames)
        if (!hall::pki::isValidDnsName(name))
            return Error{ErrorCode::InvalidArgument, "--server-name: not a valid DNS name: '" + name + "'"};
    request.serverNames.ipAddresses = options.values("--server-ip");
    for (const auto& address : request.serverNames.ipAddresses)
        if (!hall::pki::isValidIpAddress(address))
            return Error{ErrorCode::InvalidArgument,
                         "--server-ip: not an IPv4 or IPv6 address: '" + address + "'"};
    const std::string dataDir = options.value("--data-dir");
    if (dataDir.empty())
        return Error{ErrorCode::InvalidArgument, "--data-dir must not be empty"};

    fs::path target = fs::absolute(fs::path(dataDir)).lexically_normal();
    if (!target.has_filename())
        target = target.parent_path();
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec))) {
        if (!fs::is_directory(fs::symlink_status(target, ec)))
            return Error{ErrorCode::Conflict, target.string() + " exists and is not a directory"};
        if (!fs::is_empty(target, ec) || ec)
            return Error{ErrorCode::Conflict,
                         target.string() + " exists and is not empty; refusing to create a hall over it"};
    }
    const fs::path parent = target.parent_path();
    if (!fs::is_directory(parent, ec))
        return Error{ErrorCode::NotFound, "the parent directory " + parent.string() + " does not exist"};

    // Everything is built in a private sibling directory and renamed into place at the end, so a
    // failure leaves nothing behind and the server never sees half a hall.
    auto stagingPath = makeStagingDir(parent, target.filename());
    if (!stagingPath)
        return stagingPath.error();
    StagingDir staging(stagingPath.value());
    auto summary = buildHall(staging.path(), request);
    if (!summary)
        return summary.error();
    if (::rename(staging.path().c_str(), target.c_str()) != 0)
        return Error{ErrorCode::Unavailable,
                     "cannot move the new hall to " + target.string() + ": " + std::strerror(errno)};
    staging.keep();

    out << "created hall \"" << request.hallName << "\" in " << target.string() << "\n"
        << "  CA:        " << summary->caName << "\n"
        << "             fingerprint " << summary->caFingerprint << "\n"
        << "  server:    " << hall::pki::kServerCommonName << " for ";
    for (std::size_t i = 0; i < summary->serverNames.size(); ++i)
        out << (i ? ", " : "") << summary->serverNames[i];
    out << "\n"
        << "  database:  schema version " << summary->schemaVersion << "\n"
        << "next: register devices with 'hallctl device add' and people with 'hallctl account add'\n";
    return kExitOk;
}

constexpr Action kInitAction{
    "init", "Creates a new hall: its CA, the server certificate, the database and hall.conf.",
    "The server certificate names localhost and 127.0.0.1 plus every --server-name and --server-ip.\n"
    "DIR receives hall.db, hall.conf, pki/ (ca.pem, ca.key, server.pem, server.key; keys 0600) and\n"
    "logs/. The hall is built in a temporary directory beside DIR and moved into place at the end.",
    kInitOptions, &runInit};

int runInitCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runAction("init", kInitAction, args, out, err);
}

} // namespace

extern const Command kInitCommand;
const Command kInitCommand{"init", "create a new hall: CA, server certificate, database and configuration",
                           &runInitCommand};

} // namespace hallctl
