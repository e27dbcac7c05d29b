#include "catalog_fetcher.h"

#include "catalog/catalog_json.h"
#include "protocol/catalog_messages.h"
#include "qtclient/hall_connection.h"

#include <QCryptographicHash>

namespace clerk {

CatalogFetcher::CatalogFetcher(hall::qt::HallConnection& connection, QObject* parent)
    : QObject(parent), m_connection(connection) {}

void CatalogFetcher::fetch() {
    const quint64 generation = ++m_generation;
    m_connection.request(
        hall::GetCatalogInfo{}, this, [this, generation](const hall::Result<hall::CatalogInfo>& info) {
            if (generation != m_generation)
                return;
            if (!info)
                return fail(generation, info.error());
            if (info->version == 0 || info->partCount == 0)
                return fail(generation, {hall::ErrorCode::NotFound, "the hall has no catalog yet"});
            m_version = info->version;
            m_partCount = info->partCount;
            m_sha256 = info->sha256;
            m_text.clear();
            m_text.reserve(info->sizeBytes);
            fetchPart(generation, 0);
        });
}

void CatalogFetcher::fetchPart(quint64 generation, std::uint16_t part) {
    m_connection.request(
        hall::GetCatalogPart{m_version, part}, this,
        [this, generation, part](const hall::Result<hall::CatalogPart>& answer) {
            if (generation != m_generation)
                return;
            if (!answer)
                return fail(generation, answer.error());
            m_text += answer->data;
            if (part + 1 < m_partCount)
                return fetchPart(generation, std::uint16_t(part + 1));
            const QByteArray digest =
                QCryptographicHash::hash(QByteArrayView(m_text.data(), qsizetype(m_text.size())),
                                         QCryptographicHash::Sha256)
                    .toHex();
            if (digest.toStdString() != m_sha256)
                return fail(generation, {hall::ErrorCode::Conflict, "catalog checksum mismatch"});
            auto parsed = hall::catalog::parseCatalog(m_text, "catalog");
            m_text.clear();
            if (!parsed)
                return fail(generation, parsed.error());
            m_catalog = std::move(*parsed);
            Q_EMIT loaded();
        });
}

void CatalogFetcher::fail(quint64 generation, const hall::Error& error) {
    if (generation == m_generation)
        Q_EMIT failed(error);
}

} // namespace clerk
