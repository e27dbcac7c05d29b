#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hall::store {

class Database;

/// One imported version of the hall catalog: the canonical JSON document (shared/catalog's format),
/// its SHA-256 and where it came from.
struct StoredCatalog {
    std::uint32_t version = 0;
    std::string sha256; ///< lower-case hex of the document's SHA-256
    std::int64_t importedAtMs = 0;
    std::string source; ///< the file name it was imported from
    std::string document;
};

/// The catalog versions. Adding one is a change like any other: do it inside a Transaction together
/// with its journal event.
class CatalogStore {
public:
    explicit CatalogStore(Database& db);
    /// The version in force, or nothing before the first import.
    std::optional<StoredCatalog> latest();
    /// The newest version number without reading the document (0 when none).
    std::uint32_t latestVersion();
    /// Stores `document` as the next version and returns that version. Throws StoreError.
    std::uint32_t add(const std::string& document, std::int64_t nowMs, const std::string& source);

private:
    Database& m_db;
};

/// Lower-case hex SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

} // namespace hall::store
