#pragma once

namespace hall::store {

class Database;

/// The newest schema version this build writes.
int latestSchemaVersion();

/// Brings the database from its stored version to latestSchemaVersion(), one step per transaction,
/// each step cumulative. Throws StoreError; refuses (StoreError) a version newer than this build.
void migrate(Database& db);

/// For migration tests: brings an empty database exactly to `version` (a fixture of an older build).
void migrateTo(Database& db, int version);

} // namespace hall::store
