#pragma once

#include "catalog/catalog.h"
#include "protocol/error.h"

#include <QObject>

#include <optional>
#include <string>

namespace hall::qt {
class HallConnection;
}

namespace clerk {

/// Fetches the hall catalog in force, part by part, checks its SHA-256 and parses it. The clerk PC needs
/// it to know which queues its window serves (so new tickets of those queues join the list at once).
class CatalogFetcher : public QObject {
    Q_OBJECT

public:
    explicit CatalogFetcher(hall::qt::HallConnection& connection, QObject* parent = nullptr);

    /// Starts a fetch (again); an earlier one still running is abandoned.
    void fetch();
    const std::optional<hall::catalog::Catalog>& catalog() const { return m_catalog; }

Q_SIGNALS:
    void loaded();
    void failed(const hall::Error& error);

private:
    void fetchPart(quint64 generation, std::uint16_t part);
    void fail(quint64 generation, const hall::Error& error);

    hall::qt::HallConnection& m_connection;
    std::optional<hall::catalog::Catalog> m_catalog;
    quint64 m_generation = 0;
    std::uint32_t m_version = 0;
    std::uint16_t m_partCount = 0;
    std::string m_sha256;
    std::string m_text;
};

} // namespace clerk
