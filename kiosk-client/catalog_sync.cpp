#include "catalog_sync.h"

#include "catalog/catalog_json.h"
#include "kiosk_backend.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatalog, "hall.kiosk.catalog")

namespace kiosk {

std::string sha256Hex(const std::string& data) {
    return QCryptographicHash::hash(QByteArrayView(data.data(), qsizetype(data.size())),
                                    QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

hall::Result<CatalogHandle> makeLoadedCatalog(const std::string& json, quint32 version,
                                              const std::string& sha256) {
    if (sha256Hex(json) != sha256)
        return hall::Error{hall::ErrorCode::InvalidArgument,
                           "catalog version " + std::to_string(version) + ": SHA-256 does not match"};
    auto parsed = hall::catalog::parseCatalog(json, "catalog-v" + std::to_string(version) + ".json");
    if (!parsed)
        return parsed.error();
    return CatalogHandle(std::make_shared<const LoadedCatalog>(std::move(*parsed), version, sha256));
}

CatalogSync::CatalogSync(KioskBackend* backend, CatalogStore* store, QObject* parent)
    : QObject(parent), m_backend(backend), m_store(store) {
    connect(m_backend, &KioskBackend::onlineChanged, this, [this](bool online) {
        if (online)
            refresh();
    });
    connect(m_backend, &KioskBackend::catalogImported, this, [this] { refresh(); });
}

void CatalogSync::start() {
    if (m_store) {
        auto stored = m_store->load();
        if (!stored) {
            m_lastError = QString::fromStdString(stored.error().message);
            qCWarning(lcCatalog, "local copy unreadable: %s", stored.error().message.c_str());
        } else if (stored->has_value()) {
            const StoredCatalog& copy = **stored;
            auto loaded = makeLoadedCatalog(copy.json, copy.version, copy.sha256);
            if (loaded) {
                m_current = *loaded;
                qCInfo(lcCatalog, "local copy: version %u", copy.version);
                Q_EMIT catalogChanged();
            } else {
                m_lastError = QString::fromStdString(loaded.error().message);
                qCWarning(lcCatalog, "local copy refused: %s", loaded.error().message.c_str());
            }
        }
    }
    if (m_backend->isOnline())
        refresh();
}

void CatalogSync::refresh() {
    if (isRefreshing()) {
        m_refreshAgain = true;
        return;
    }
    m_infoPending = true;
    m_backend->fetchCatalogInfo([this](const hall::Result<hall::CatalogInfo>& info) { onInfo(info); });
}

void CatalogSync::onInfo(const hall::Result<hall::CatalogInfo>& info) {
    m_infoPending = false;
    if (!info) {
        finish(false, QString::fromStdString(info.error().message));
        return;
    }
    if (info->version == 0) {
        finish(false, tr("The hall has no catalog yet."));
        return;
    }
    if (m_current && m_current->version == info->version && m_current->sha256 == info->sha256) {
        finish(false, {});
        return;
    }
    if (info->partCount == 0) {
        finish(false, QStringLiteral("catalog version %1 has no parts").arg(info->version));
        return;
    }
    m_fetch = Fetch{*info, {}, 0};
    m_fetch->data.reserve(info->sizeBytes);
    requestNextPart();
}

void CatalogSync::requestNextPart() {
    m_backend->fetchCatalogPart(m_fetch->info.version, m_fetch->nextPart,
                                [this](const hall::Result<hall::CatalogPart>& part) { onPart(part); });
}

void CatalogSync::onPart(const hall::Result<hall::CatalogPart>& part) {
    if (!m_fetch)
        return;
    if (!part) {
        // NotFound means a newer version replaced this one while we fetched: start again.
        if (part.error().code == hall::ErrorCode::NotFound)
            m_refreshAgain = true;
        m_fetch.reset();
        finish(false, QString::fromStdString(part.error().message));
        return;
    }
    if (part->version != m_fetch->info.version || part->part != m_fetch->nextPart ||
        part->partCount != m_fetch->info.partCount ||
        m_fetch->data.size() + part->data.size() > m_fetch->info.sizeBytes) {
        m_fetch.reset();
        finish(false, QStringLiteral("catalog part does not fit the announced version"));
        return;
    }
    m_fetch->data += part->data;
    ++m_fetch->nextPart;
    if (m_fetch->nextPart < m_fetch->info.partCount)
        requestNextPart();
    else
        completeFetch();
}

void CatalogSync::completeFetch() {
    Fetch fetch = std::move(*m_fetch);
    m_fetch.reset();
    auto loaded = makeLoadedCatalog(fetch.data, fetch.info.version, fetch.info.sha256);
    if (!loaded) {
        finish(false, QString::fromStdString(loaded.error().message));
        return;
    }
    if (m_store) {
        if (auto saved = m_store->save({fetch.info.version, fetch.info.sha256, fetch.data}); !saved)
            qCWarning(lcCatalog, "cannot keep the local copy: %s", saved.error().message.c_str());
    }
    m_current = *loaded;
    qCInfo(lcCatalog, "catalog version %u in force", fetch.info.version);
    Q_EMIT catalogChanged();
    finish(true, {});
}

void CatalogSync::finish(bool updated, QString error) {
    m_lastError = std::move(error);
    if (!m_lastError.isEmpty())
        qCWarning(lcCatalog, "refresh failed: %s", qUtf8Printable(m_lastError));
    Q_EMIT refreshFinished(updated);
    if (m_refreshAgain) {
        m_refreshAgain = false;
        if (m_backend->isOnline())
            refresh();
    }
}

} // namespace kiosk
