#pragma once

#include "protocol/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace hall::store {

/// A failure inside SQLite. Thrown only by this layer; the hall core and hallctl catch it at one
/// boundary (guarded() below) and turn it into a hall::Error.
class StoreError : public std::runtime_error {
public:
    StoreError(int sqliteCode, const std::string& what) : std::runtime_error(what), m_code(sqliteCode) {}
    int sqliteCode() const { return m_code; }
    /// True for SQLITE_CONSTRAINT and its extended codes (a duplicate key, a failed CHECK).
    bool isConstraint() const;

private:
    int m_code;
};

/// One SQLite connection. The writer opens ReadWrite (WAL, foreign keys on, synchronous FULL, schema
/// migrated); readers open ReadOnly. A connection is used by one thread at a time: the owner's contract.
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens (and for ReadWrite creates and migrates) the database at `path`. Refuses a file whose
    /// schema is newer than this build knows.
    static Result<std::unique_ptr<Database>> open(const std::string& path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    Mode mode() const { return m_mode; }

    /// Runs SQL without results (several statements allowed). Throws StoreError.
    void exec(std::string_view sql);
    /// The schema version stored in the meta table (0 for an empty file).
    int schemaVersion();
    std::optional<std::string> metaValue(std::string_view key);
    void setMetaValue(std::string_view key, std::string_view value);

    /// A consistent copy of the whole database into `targetPath` (SQLite's online backup), safe while
    /// another process writes. Replaces nothing: the target must not exist.
    Status backupTo(const std::string& targetPath);

private:
    Database(sqlite3* db, std::string path, Mode mode) : m_db(db), m_path(std::move(path)), m_mode(mode) {}
    sqlite3* m_db;
    std::string m_path;
    Mode m_mode;
};

/// A prepared statement with named parameters (":name"). Throws StoreError on any SQLite failure.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(const char* name, std::int64_t value);
    Statement& bind(const char* name, std::string_view text);
    Statement& bindBlob(const char* name, std::string_view bytes);
    Statement& bindNull(const char* name);

    /// Steps once: true when a row is available.
    bool step();
    /// Steps to completion, expecting no rows (INSERT, UPDATE, DELETE).
    void run();
    /// Clears bindings and rewinds, so a cached statement can run again.
    void reset();

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    std::string blob(int column) const;
    bool isNull(int column) const;

    /// Rows changed by the last run() on this connection.
    int changes() const;

private:
    int index(const char* name) const;
    Database& m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// An IMMEDIATE transaction that rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

/// A savepoint inside an open transaction: lets one command of a group commit fail without undoing the
/// others. Rolls back to its start unless release() was called.
class Savepoint {
public:
    explicit Savepoint(Database& db);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release();

private:
    Database& m_db;
    bool m_done = false;
};

/// The boundary: runs `body`, turning a StoreError into Error{Unavailable} (or Conflict for constraint
/// failures) with SQLite's message, so callers above this layer only see values.
template <typename T> Result<T> guarded(const std::function<Result<T>()>& body) {
    try {
        return body();
    } catch (const StoreError& e) {
        return Error{e.isConstraint() ? ErrorCode::Conflict : ErrorCode::Unavailable, e.what()};
    }
}

} // namespace hall::store
