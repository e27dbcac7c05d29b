#pragma once
#include "protocol/result.h"
#include <QString>
#include <optional>
#include <string>

namespace kiosk {

/// One catalog version as the kiosk keeps it: the server's canonical JSON and what identifies it.
struct StoredCatalog {
    quint32 version = 0;
    std::string sha256; ///< lower-case hex of json
    std::string json;
};

/// The kiosk's own copy of the hall catalog in a SQLite file, so that the guide answers while the server
/// cannot be reached. The file holds one row; a save replaces it in one transaction, so a kiosk switched
/// off half way keeps the previous copy whole.
class CatalogStore {
public:
    /// Opens (creating when missing) the file. Errors name the file and SQLite's reason.
    static hall::Result<CatalogStore> open(const QString& path);
    CatalogStore(CatalogStore&& other) noexcept;
    CatalogStore& operator=(CatalogStore&&) = delete;
    ~CatalogStore();

    QString path() const { return m_path; }
    /// The saved copy, or nothing when none was saved yet.
    hall::Result<std::optional<StoredCatalog>> load() const;
    /// Replaces the saved copy.
    hall::Status save(const StoredCatalog& catalog);

private:
    CatalogStore(QString path, QString connectionName);
    QString m_path;
    QString m_connectionName; ///< empty after a move
};

} // namespace kiosk
