#include "store/database.h"

#include "store/migrations.h"

#include <sqlite3.h>

#include <filesystem>

namespace hall::store {
namespace {

[[noreturn]] void raise(sqlite3* db, int rc, std::string_view context) {
    std::string message(context);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw StoreError(db ? sqlite3_extended_errcode(db) : rc, message);
}

void check(sqlite3* db, int rc, std::string_view context) {
    if (rc != SQLITE_OK)
        raise(db, rc, context);
}

// Applied to every connection. WAL lets readers (hallctl, backups) work beside the writer;
// synchronous=FULL makes each commit durable before the server acknowledges it.
constexpr const char* kWriterPragmas = "PRAGMA journal_mode = WAL;"
                                       "PRAGMA synchronous = FULL;"
                                       "PRAGMA foreign_keys = ON;";

// Reads a pragma's value as text; the statement is finished before returning, so no read stays open
// across the migrations' commits.
bool pragmaIs(Database& db, const char* pragma, std::string_view expected) {
    Statement st(db, pragma);
    return st.step() && st.text(0) == expected;
}

} // namespace

bool StoreError::isConstraint() const {
    return (m_code & 0xff) == SQLITE_CONSTRAINT;
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path, Mode mode) {
    if (mode == Mode::ReadOnly && !std::filesystem::exists(path))
        return Error{ErrorCode::NotFound, "no database at " + path};
    sqlite3* raw = nullptr;
    const int flags =
        mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        sqlite3_close(raw);
        return Error{ErrorCode::Unavailable, message};
    }
    std::unique_ptr<Database> db(new Database(raw, path, mode));
    try {
        // Another process (hallctl beside the server) may hold the write lock for a moment.
        sqlite3_busy_timeout(raw, 5000);
        sqlite3_extended_result_codes(raw, 1);
        if (mode == Mode::ReadWrite) {
            db->exec(kWriterPragmas);
            if (!pragmaIs(*db, "PRAGMA journal_mode", "wal"))
                return Error{ErrorCode::Unavailable, "could not switch " + path + " to WAL mode"};
            if (!pragmaIs(*db, "PRAGMA foreign_keys", "1"))
                return Error{ErrorCode::Unavailable, "could not enable foreign keys on " + path};
            migrate(*db);
        } else {
            db->exec("PRAGMA foreign_keys = ON;");
            const int version = db->schemaVersion();
            if (version > latestSchemaVersion())
                return Error{ErrorCode::Unavailable, path + " has schema version " + std::to_string(version) +
                                                         ", newer than this program (" +
                                                         std::to_string(latestSchemaVersion()) + ")"};
        }
    } catch (const StoreError& e) {
        return Error{ErrorCode::Unavailable, e.what()};
    }
    return db;
}

Database::~Database() {
    sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string message = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw StoreError(sqlite3_extended_errcode(m_db), message);
    }
}

int Database::schemaVersion() {
    Statement exists(*this, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    exists.step();
    if (exists.int64(0) == 0)
        return 0;
    const auto value = metaValue("schema_version");
    return value ? std::stoi(*value) : 0;
}

std::optional<std::string> Database::metaValue(std::string_view key) {
    Statement st(*this, "SELECT value FROM meta WHERE key = :key");
    st.bind(":key", key);
    if (!st.step())
        return std::nullopt;
    return st.text(0);
}

void Database::setMetaValue(std::string_view key, std::string_view value) {
    Statement st(*this, "INSERT INTO meta(key, value) VALUES(:key, :value) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(":key", key).bind(":value", value).run();
}

Status Database::backupTo(const std::string& targetPath) {
    if (std::filesystem::exists(targetPath))
        return Error{ErrorCode::Conflict, targetPath + " already exists"};
    sqlite3* target = nullptr;
    int rc =
        sqlite3_open_v2(targetPath.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot create " + targetPath + ": " + sqlite3_errstr(rc);
        sqlite3_close(target);
        return Error{ErrorCode::Unavailable, message};
    }
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", m_db, "main");
    if (!backup) {
        std::string message = std::string("backup failed: ") + sqlite3_errmsg(target);
        sqlite3_close(target);
        std::filesystem::remove(targetPath);
        return Error{ErrorCode::Unavailable, message};
    }
    // Copy in steps so a busy writer is only briefly held up; a write between steps restarts the copy,
    // which is what makes the result consistent.
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(5);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    const int finalRc = sqlite3_errcode(target);
    sqlite3_close(target);
    if (rc != SQLITE_DONE || finalRc != SQLITE_OK) {
        std::filesystem::remove(targetPath);
        return Error{ErrorCode::Unavailable, std::string("backup failed: ") + sqlite3_errstr(rc)};
    }
    return success();
}

Statement::Statement(Database& db, std::string_view sql) : m_db(db) {
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        raise(db.handle(), rc, "prepare");
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

int Statement::index(const char* name) const {
    const int i = sqlite3_bind_parameter_index(m_stmt, name);
    if (i == 0)
        throw StoreError(SQLITE_RANGE, std::string("no parameter named ") + name);
    return i;
}

Statement& Statement::bind(const char* name, std::int64_t value) {
    check(m_db.handle(), sqlite3_bind_int64(m_stmt, index(name), value), "bind");
    return *this;
}

Statement& Statement::bind(const char* name, std::string_view text) {
    check(
        m_db.handle(),
        sqlite3_bind_text(m_stmt, index(name), text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT),
        "bind");
    return *this;
}

Statement& Statement::bindBlob(const char* name, std::string_view bytes) {
    // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
    static const char empty = 0;
    const char* data = bytes.empty() ? &empty : bytes.data();
    check(m_db.handle(),
          sqlite3_bind_blob(m_stmt, index(name), data, static_cast<int>(bytes.size()), SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Statement& Statement::bindNull(const char* name) {
    check(m_db.handle(), sqlite3_bind_null(m_stmt, index(name)), "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    raise(m_db.handle(), rc, "step");
}

void Statement::run() {
    while (step()) {
    }
    sqlite3_reset(m_stmt);
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::string Statement::blob(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int Statement::changes() const {
    return sqlite3_changes(m_db.handle());
}

Transaction::Transaction(Database& db) : m_db(db) {
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done) {
        // Rolling back can only fail when SQLite already rolled back on its own; nothing more to do.
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

Savepoint::Savepoint(Database& db) : m_db(db) {
    m_db.exec("SAVEPOINT command");
}

Savepoint::~Savepoint() {
    if (!m_done)
        sqlite3_exec(m_db.handle(), "ROLLBACK TO command; RELEASE command", nullptr, nullptr, nullptr);
}

void Savepoint::release() {
    m_db.exec("RELEASE command");
    m_done = true;
}

} // namespace hall::store
