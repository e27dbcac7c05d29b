#include "store/migrations.h"

#include "store/database.h"

#include <array>
#include <string>

namespace hall::store {
namespace {

struct Step {
    int version;
    const char* sql;
};

// Cumulative schema steps. APPEND ONLY: a released step never changes; a new version adds a step that
// alters what the earlier ones made. Each step runs in its own transaction with the version bump.
constexpr std::array kSteps{
    Step{1, R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The hash-chained record of every change (journal.h).
CREATE TABLE journal (
    seq       INTEGER PRIMARY KEY,
    time_ms   INTEGER NOT NULL,
    kind      INTEGER NOT NULL,
    topic     TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    body      BLOB    NOT NULL,
    prev_hash BLOB    NOT NULL,
    hash      BLOB    NOT NULL
);

-- First answers to mutating requests, for idempotent retries (request_log.h).
CREATE TABLE request_log (
    device     TEXT    NOT NULL,
    request_id INTEGER NOT NULL,
    reply_type INTEGER NOT NULL,
    reply_body BLOB    NOT NULL,
    time_ms    INTEGER NOT NULL,
    PRIMARY KEY (device, request_id)
) WITHOUT ROWID;

CREATE TABLE devices (
    name          TEXT PRIMARY KEY,
    role          INTEGER NOT NULL,
    window        TEXT    NOT NULL DEFAULT '',
    floor         INTEGER NOT NULL DEFAULT 0 CHECK (floor BETWEEN 0 AND 9),
    fingerprint   TEXT    NOT NULL UNIQUE,
    serial        TEXT    NOT NULL,
    issued_at_ms  INTEGER NOT NULL,
    revoked_at_ms INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE accounts (
    username        TEXT PRIMARY KEY,
    display_name    TEXT    NOT NULL,
    role            INTEGER NOT NULL,
    department      TEXT    NOT NULL DEFAULT '',
    staff_number    TEXT    NOT NULL DEFAULT '',
    password_hash   TEXT    NOT NULL,
    failed_count    INTEGER NOT NULL DEFAULT 0,
    locked_until_ms INTEGER NOT NULL DEFAULT 0,
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at_ms   INTEGER NOT NULL
);

CREATE TABLE notices (
    id            INTEGER PRIMARY KEY,
    floor         INTEGER NOT NULL CHECK (floor BETWEEN 0 AND 9),
    text          TEXT    NOT NULL,
    posted_at_ms  INTEGER NOT NULL,
    expires_at_ms INTEGER NOT NULL,
    author        TEXT    NOT NULL
);
CREATE INDEX notices_by_expiry ON notices(expires_at_ms);
)sql"},
    Step{2, R"sql(
-- Versions of the hall's catalog (the hall definition and its service guides) as imported by hallctl.
-- The newest version is the one in force; older ones stay for the record.
CREATE TABLE catalogs (
    version        INTEGER PRIMARY KEY,
    sha256         TEXT    NOT NULL,
    imported_at_ms INTEGER NOT NULL,
    source         TEXT    NOT NULL,
    document       BLOB    NOT NULL
);
)sql"},
    Step{3, R"sql(
-- The queue (docs/queue.md). One counter row per (queue, service day): the only source of numbers.
CREATE TABLE queue_counters (
    queue       TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    last_serial INTEGER NOT NULL,
    PRIMARY KEY (queue, day)
) WITHOUT ROWID;

-- Every ticket ever issued. `queue` is where it waits now (a transfer changes it, never the number).
CREATE TABLE tickets (
    id               INTEGER PRIMARY KEY,
    day              TEXT    NOT NULL,
    number           TEXT    NOT NULL,
    issue_queue      TEXT    NOT NULL,
    serial           INTEGER NOT NULL,
    queue            TEXT    NOT NULL,
    floor            INTEGER NOT NULL,
    priority_class   INTEGER NOT NULL,
    state            INTEGER NOT NULL,
    issued_at_ms     INTEGER NOT NULL,
    window           TEXT    NOT NULL DEFAULT '',
    reserved         INTEGER NOT NULL DEFAULT 0,
    call_count       INTEGER NOT NULL DEFAULT 0,
    last_call_at_ms  INTEGER NOT NULL DEFAULT 0,
    started_at_ms    INTEGER NOT NULL DEFAULT 0,
    ended_at_ms      INTEGER NOT NULL DEFAULT 0,
    item_code        TEXT    NOT NULL DEFAULT '',
    mobile           TEXT    NOT NULL DEFAULT '',
    clerk            TEXT    NOT NULL DEFAULT '',
    reminded         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (day, issue_queue, serial)
);
CREATE INDEX tickets_by_day_state ON tickets(day, state);
CREATE INDEX tickets_open ON tickets(state) WHERE state IN (1, 2, 3);

CREATE TABLE ratings (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
    window      TEXT    NOT NULL,
    clerk       TEXT    NOT NULL,
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    reason      INTEGER NOT NULL,
    comment     TEXT    NOT NULL,
    time_ms     INTEGER NOT NULL
);
)sql"},
};

void applyStep(Database& db, const Step& step) {
    Transaction tx(db);
    db.exec(step.sql);
    db.setMetaValue("schema_version", std::to_string(step.version));
    tx.commit();
}

} // namespace

int latestSchemaVersion() {
    return kSteps.back().version;
}

void migrate(Database& db) {
    migrateTo(db, latestSchemaVersion());
}

void migrateTo(Database& db, int version) {
    const int current = db.schemaVersion();
    if (current > latestSchemaVersion())
        throw StoreError(0, db.path() + " has schema version " + std::to_string(current) +
                                ", newer than this program (" + std::to_string(latestSchemaVersion()) + ")");
    for (const Step& step : kSteps)
        if (step.version > current && step.version <= version)
            applyStep(db, step);
}

} // namespace hall::store
