#include "sqlite_baseline.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>

namespace hall::sim {

namespace {

struct CloseDatabase {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

Error sqliteError(sqlite3* db, const std::string& what) {
    return Error{ErrorCode::Unavailable, what + ": " + (db ? sqlite3_errmsg(db) : "out of memory")};
}

void removeDatabase(const std::filesystem::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path.string() + suffix, ignored);
}

} // namespace

Result<double> measureSqliteCommits(const std::string& dir, double seconds, std::size_t rowBytes) {
    const std::filesystem::path path = std::filesystem::path(dir) / "hall-sim-sqlite-baseline.db";
    removeDatabase(path);
    Result<double> result = Error{ErrorCode::Internal, "not measured"};
    {
        sqlite3* raw = nullptr;
        const int opened =
            sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        std::unique_ptr<sqlite3, CloseDatabase> db(raw);
        if (opened != SQLITE_OK)
            return sqliteError(raw, "cannot create " + path.string());
        if (sqlite3_exec(
                db.get(),
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                "CREATE TABLE rows (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, body TEXT NOT NULL);",
                nullptr, nullptr, nullptr) != SQLITE_OK) {
            result = sqliteError(db.get(), "cannot set up " + path.string());
        } else {
            sqlite3_stmt* rawInsert = nullptr;
            sqlite3_prepare_v2(db.get(), "INSERT INTO rows (at, body) VALUES (?1, ?2)", -1, &rawInsert,
                               nullptr);
            std::unique_ptr<sqlite3_stmt, FinalizeStatement> insert(rawInsert);
            const std::string body(rowBytes, 'x');
            std::uint64_t commits = 0;
            const auto start = std::chrono::steady_clock::now();
            const auto end = start + std::chrono::duration<double>(seconds);
            bool failed = !insert;
            auto now = start;
            while (!failed && now < end) {
                failed = sqlite3_exec(db.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK;
                if (!failed) {
                    sqlite3_bind_int64(insert.get(), 1, static_cast<sqlite3_int64>(commits));
                    sqlite3_bind_text(insert.get(), 2, body.data(), static_cast<int>(body.size()),
                                      SQLITE_STATIC);
                    failed = sqlite3_step(insert.get()) != SQLITE_DONE;
                    sqlite3_reset(insert.get());
                }
                if (!failed)
                    failed = sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK;
                if (!failed)
                    ++commits;
                now = std::chrono::steady_clock::now();
            }
            if (failed)
                result = sqliteError(db.get(), "a baseline commit failed");
            else
                result = static_cast<double>(commits) / std::chrono::duration<double>(now - start).count();
        }
    }
    removeDatabase(path);
    return result;
}

} // namespace hall::sim
