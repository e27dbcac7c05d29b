#pragma once
#include "catalog/catalog.h"
#include "catalog/catalog_search.h"
#include "catalog_store.h"
#include "protocol/catalog_messages.h"
#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <string>

namespace kiosk {

class KioskBackend;

/// A catalog version in force on the kiosk, with its search index. Immutable: models hold it by
/// shared pointer, so a refresh never pulls data from under a screen.
struct LoadedCatalog {
    LoadedCatalog(hall::catalog::Catalog parsed, quint32 versionNumber, std::string sha)
        : catalog(std::move(parsed)), search(catalog), version(versionNumber), sha256(std::move(sha)) {}
    LoadedCatalog(const LoadedCatalog&) = delete;
    LoadedCatalog& operator=(const LoadedCatalog&) = delete;

    const hall::catalog::Catalog catalog;
    const hall::catalog::CatalogSearch search; ///< refers to `catalog`
    const quint32 version;
    const std::string sha256;
};

using CatalogHandle = std::shared_ptr<const LoadedCatalog>;

/// Keeps the kiosk's catalog current: loads the local copy at start (so the guide works with the server
/// down), then asks the server for its catalog info and, when the version or the SHA-256 differs, fetches
/// every part, checks the digest and the content, saves the copy in one transaction and switches to it.
/// A CatalogImported event and every return of the connection start the same refresh.
class CatalogSync : public QObject {
    Q_OBJECT
public:
    /// `store` may be null (no local copy: nothing is kept across restarts).
    CatalogSync(KioskBackend* backend, CatalogStore* store, QObject* parent = nullptr);

    /// Loads the local copy, then refreshes from the server when it is online.
    void start();
    /// Asks the server for its version now (ignored while a refresh runs: it re-checks when done).
    void refresh();

    CatalogHandle current() const { return m_current; }
    bool isRefreshing() const { return m_fetch.has_value() || m_infoPending; }
    /// Why the latest load or refresh failed; empty after a success.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    /// A different catalog is in force (the first load, or a newer version from the server).
    void catalogChanged();
    /// A refresh finished: `updated` when a new version was taken, false when the copy was current or the
    /// refresh failed (lastError() says why).
    void refreshFinished(bool updated);

private:
    struct Fetch {
        hall::CatalogInfo info;
        std::string data;
        std::uint16_t nextPart = 0;
    };
    void onInfo(const hall::Result<hall::CatalogInfo>& info);
    void requestNextPart();
    void onPart(const hall::Result<hall::CatalogPart>& part);
    void completeFetch();
    void finish(bool updated, QString error);

    KioskBackend* m_backend;
    CatalogStore* m_store;
    CatalogHandle m_current;
    std::optional<Fetch> m_fetch;
    bool m_infoPending = false;
    bool m_refreshAgain = false;
    QString m_lastError;
};

/// Parses a catalog document received or stored: the digest must match, the JSON must be a valid hall.
hall::Result<CatalogHandle> makeLoadedCatalog(const std::string& json, quint32 version,
                                              const std::string& sha256);

/// Lower-case hex SHA-256 of `data`.
std::string sha256Hex(const std::string& data);

} // namespace kiosk
