#include "catalog_store.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace kiosk {
namespace {

QAtomicInteger<quint64> g_connectionCounter;

hall::Error storeError(const QString& path, const QString& what, const QSqlError& error) {
    return {hall::ErrorCode::Unavailable,
            QStringLiteral("%1: %2: %3").arg(path, what, error.text()).toStdString()};
}

} // namespace

CatalogStore::CatalogStore(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)) {}

CatalogStore::CatalogStore(CatalogStore&& other) noexcept
    : m_path(std::move(other.m_path)), m_connectionName(std::move(other.m_connectionName)) {
    other.m_connectionName.clear();
}

CatalogStore::~CatalogStore() {
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

hall::Result<CatalogStore> CatalogStore::open(const QString& path) {
    const QString name = QStringLiteral("kiosk-catalog-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    CatalogStore store(path, name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    if (!db.open())
        return storeError(path, QStringLiteral("cannot open"), db.lastError());
    QSqlQuery query(db);
    // One row: the copy in force. The CHECK keeps it one.
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS catalog_copy ("
                                   " id INTEGER PRIMARY KEY CHECK (id = 1),"
                                   " version INTEGER NOT NULL,"
                                   " sha256 TEXT NOT NULL,"
                                   " json BLOB NOT NULL,"
                                   " saved_at TEXT NOT NULL DEFAULT (datetime('now')))")))
        return storeError(path, QStringLiteral("cannot create the table"), query.lastError());
    return store;
}

hall::Result<std::optional<StoredCatalog>> CatalogStore::load() const {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT version, sha256, json FROM catalog_copy WHERE id = 1")))
        return storeError(m_path, QStringLiteral("cannot read"), query.lastError());
    if (!query.next())
        return std::optional<StoredCatalog>{};
    StoredCatalog stored;
    stored.version = query.value(0).toUInt();
    stored.sha256 = query.value(1).toString().toStdString();
    stored.json = query.value(2).toByteArray().toStdString();
    return std::optional<StoredCatalog>{std::move(stored)};
}

hall::Status CatalogStore::save(const StoredCatalog& catalog) {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return storeError(m_path, QStringLiteral("cannot begin"), db.lastError());
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO catalog_copy (id, version, sha256, json, saved_at)"
                                 " VALUES (1, :version, :sha, :json, datetime('now'))"));
    query.bindValue(QStringLiteral(":version"), catalog.version);
    query.bindValue(QStringLiteral(":sha"), QString::fromStdString(catalog.sha256));
    query.bindValue(QStringLiteral(":json"), QByteArray::fromStdString(catalog.json));
    if (!query.exec()) {
        const auto error = storeError(m_path, QStringLiteral("cannot write"), query.lastError());
        db.rollback();
        return error;
    }
    if (!db.commit()) {
        const auto error = storeError(m_path, QStringLiteral("cannot commit"), db.lastError());
        db.rollback();
        return error;
    }
    return hall::success();
}

} // namespace kiosk
