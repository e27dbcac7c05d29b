#pragma once

#include "command_table.h"
#include "hall_dir.h"

#include <QDir>
#include <QString>
#include <QTest>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <sqlite3.h>
#include <sys/stat.h>

namespace hallctl::test {

/// What one in-process hallctl run printed and returned.
struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

/// Runs hallctl in-process; `stdinText` is what the command reads from standard input.
inline Run callHallctl(const std::vector<std::string>& args, const std::string& stdinText = {}) {
    std::ostringstream out;
    std::ostringstream err;
    std::istringstream in(stdinText);
    std::streambuf* previous = std::cin.rdbuf(in.rdbuf());
    std::cin.clear();
    Run run;
    run.code = runHallctl(args, out, err);
    std::cin.rdbuf(previous);
    std::cin.clear();
    run.out = out.str();
    run.err = err.str();
    return run;
}

inline std::string describe(const Run& run) {
    return "exit " + std::to_string(run.code) + "\n--- out:\n" + run.out + "--- err:\n" + run.err;
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

inline mode_t fileMode(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

inline std::string path(const QDir& dir, const char* name) {
    return dir.filePath(QString::fromUtf8(name)).toStdString();
}

/// Runs SQL directly on a database file, as someone tampering with it by hand would.
inline bool execSql(const std::string& databasePath, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(databasePath.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    if (error != nullptr) {
        qWarning("sqlite: %s", error);
        sqlite3_free(error);
    }
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

} // namespace hallctl::test

#define HALLCTL_EXPECT(run, expectedCode)                                                                    \
    do {                                                                                                     \
        const auto& hallctlRun_ = (run);                                                                     \
        QVERIFY2(hallctlRun_.code == (expectedCode), ::hallctl::test::describe(hallctlRun_).c_str());        \
    } while (false)
