#include "command.h"
#include "hall_dir.h"
#include "options.h"

#include "store/journal.h"
#include "store/migrations.h"

#include <cerrno>
#include <cstring>
#include <ostream>

#include <sqlite3.h>
#include <sys/stat.h>

namespace hallctl {
namespace {

namespace fs = std::filesystem;
using hall::Error;
using hall::ErrorCode;
using hall::Result;
using hall::store::Database;

constexpr OptionSpec kBackupOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory", true},
    {"--out", "FILE", "the backup file to create; must not exist", true},
};

/// Removes a half-made or unverifiable backup unless it was accepted.
class BackupFile {
public:
    explicit BackupFile(fs::path path) : m_path(std::move(path)) {}
    ~BackupFile() {
        if (!m_kept) {
            std::error_code ec;
            fs::remove(m_path, ec);
        }
    }
    BackupFile(const BackupFile&) = delete;
    BackupFile& operator=(const BackupFile&) = delete;
    void keep() { m_kept = true; }

private:
    fs::path m_path;
    bool m_kept = false;
};

/// The online backup copies the hall's WAL journal mode with its pages, and a WAL database grows -wal and
/// -shm files beside it as soon as it is opened. A backup should be one self-contained file, so the copy
/// is switched to a rollback journal; hall-server switches a restored copy back to WAL when it opens it.
hall::Status makeSelfContained(const fs::path& file) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    if (rc != SQLITE_OK)
        return Error{ErrorCode::Unavailable, "cannot finish the backup " + file.string() + ": " + message};
    return hall::success();
}

Result<int> runBackup(const Options& options, std::ostream& out, std::ostream&) {
    const std::string outOption = options.value("--out");
    if (outOption.empty())
        return Error{ErrorCode::InvalidArgument, "--out must not be empty"};
    const fs::path target = fs::absolute(fs::path(outOption)).lexically_normal();
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec)))
        return Error{ErrorCode::Conflict, target.string() + " already exists; refusing to replace it"};
    if (!fs::is_directory(target.parent_path(), ec))
        return Error{ErrorCode::NotFound,
                     "the directory " + target.parent_path().string() + " does not exist"};

    const HallLayout layout(options.value("--data-dir"));
    auto db = openHall(layout, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    // SQLite's online backup copies a consistent snapshot even while hall-server keeps writing.
    if (auto copied = db.value()->backupTo(target.string()); !copied)
        return copied.error();
    BackupFile backup(target);
    // The copy holds password hashes: owner only.
    if (::chmod(target.c_str(), 0600) != 0)
        return Error{ErrorCode::Unavailable,
                     "cannot restrict " + target.string() + ": " + std::strerror(errno)};

    if (auto finished = makeSelfContained(target); !finished)
        return finished.error();

    auto copy = Database::open(target.string(), Database::Mode::ReadOnly);
    if (!copy)
        return Error{ErrorCode::Unavailable, "the backup does not open: " + copy.error().message};
    const int version = copy.value()->schemaVersion();
    if (version != hall::store::latestSchemaVersion())
        return Error{ErrorCode::Unavailable, "the backup has schema version " + std::to_string(version) +
                                                 ", expected " +
                                                 std::to_string(hall::store::latestSchemaVersion())};
    const hall::store::JournalCheck check = hall::store::verifyJournal(*copy.value());
    if (!check.intact)
        return Error{ErrorCode::Unavailable, "the backup's journal does not verify: broken at seq " +
                                                 std::to_string(check.firstBadSeq) + ": " + check.reason +
                                                 " (run 'hallctl journal verify' on the hall)"};
    backup.keep();
    out << "backup written to " << target.string() << "\n"
        << "  schema version " << version << ", journal intact: " << check.checked << " events\n";
    return kExitOk;
}

constexpr Action kBackupAction{
    "backup", "Copies the hall's database to FILE while the server runs, then checks the copy.",
    "The copy is a consistent snapshot (SQLite's online backup). It is then opened and its journal\n"
    "verified; a copy that fails the check is removed and the command exits 1. The certificates and\n"
    "keys under DIR/pki are not part of it: keep a copy of pki/ somewhere safe once, after init.",
    kBackupOptions, &runBackup};

int runBackupCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runAction("backup", kBackupAction, args, out, err);
}

} // namespace

extern const Command kBackupCommand;
const Command kBackupCommand{"backup", "copy the database safely while the server runs, and verify the copy",
                             &runBackupCommand};

} // namespace hallctl
