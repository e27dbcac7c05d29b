#pragma once
#include "catalog_sync.h"
#include <QAbstractListModel>
#include <QString>
#include <vector>

namespace kiosk {

/// A list of service items of one catalog: the rows of a department's items, a category, or the search
/// results. Holds the catalog it points into, so a refresh cannot leave it dangling.
class ItemListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { CodeRole = Qt::UserRole + 1, DepartmentRole, FloorsRole };

    explicit ItemListModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setItems(CatalogHandle catalog, std::vector<const hall::catalog::ServiceItem*> items);
    void clear();
    const hall::catalog::ServiceItem* itemAt(int row) const;
    CatalogHandle catalog() const { return m_catalog; }

private:
    CatalogHandle m_catalog;
    std::vector<const hall::catalog::ServiceItem*> m_items;
};

/// The kiosk's search: words or pinyin initials ("yyzz" finds 营业执照), results best first, updated as
/// the citizen types.
class SearchModel : public ItemListModel {
    Q_OBJECT
public:
    explicit SearchModel(QObject* parent = nullptr);
    void setCatalog(CatalogHandle catalog);
    void setQuery(const QString& query);
    QString query() const { return m_query; }

private:
    void rerun();
    CatalogHandle m_searchCatalog;
    QString m_query;
};

/// Lists for browsing: the items of a department, or of a category, in catalog order.
std::vector<const hall::catalog::ServiceItem*> itemsOfDepartment(const hall::catalog::Catalog& catalog,
                                                                 std::string_view departmentId);
std::vector<const hall::catalog::ServiceItem*> itemsOfCategory(const hall::catalog::Catalog& catalog,
                                                               hall::catalog::Category category);

} // namespace kiosk
