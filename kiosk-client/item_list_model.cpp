#include "item_list_model.h"

namespace kiosk {

using hall::catalog::ServiceItem;

ItemListModel::ItemListModel(QObject* parent) : QAbstractListModel(parent) {}

int ItemListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ItemListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceItem* item = m_items[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(item->name);
    case CodeRole:
        return QString::fromStdString(item->code);
    case DepartmentRole: {
        const auto* department = m_catalog->catalog.department(item->department);
        return department ? QString::fromStdString(department->name) : QString();
    }
    case FloorsRole: {
        QVariantList floors;
        for (int floor : m_catalog->catalog.floorsOfItem(*item))
            floors.append(floor);
        return floors;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ItemListModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(CodeRole, "code");
    names.insert(DepartmentRole, "department");
    names.insert(FloorsRole, "floors");
    return names;
}

void ItemListModel::setItems(CatalogHandle catalog, std::vector<const ServiceItem*> items) {
    beginResetModel();
    m_catalog = std::move(catalog);
    m_items = m_catalog ? std::move(items) : std::vector<const ServiceItem*>{};
    endResetModel();
}

void ItemListModel::clear() {
    setItems({}, {});
}

const ServiceItem* ItemListModel::itemAt(int row) const {
    if (row < 0 || std::size_t(row) >= m_items.size())
        return nullptr;
    return m_items[std::size_t(row)];
}

SearchModel::SearchModel(QObject* parent) : ItemListModel(parent) {}

void SearchModel::setCatalog(CatalogHandle catalog) {
    m_searchCatalog = std::move(catalog);
    rerun();
}

void SearchModel::setQuery(const QString& query) {
    if (query == m_query)
        return;
    m_query = query;
    rerun();
}

void SearchModel::rerun() {
    const QString trimmed = m_query.trimmed();
    if (!m_searchCatalog || trimmed.isEmpty()) {
        clear();
        return;
    }
    std::vector<const ServiceItem*> items;
    for (const auto& hit : m_searchCatalog->search.search(trimmed.toStdString()))
        items.push_back(hit.item);
    setItems(m_searchCatalog, std::move(items));
}

std::vector<const ServiceItem*> itemsOfDepartment(const hall::catalog::Catalog& catalog,
                                                  std::string_view departmentId) {
    std::vector<const ServiceItem*> items;
    for (const auto& item : catalog.items())
        if (item.department == departmentId)
            items.push_back(&item);
    return items;
}

std::vector<const ServiceItem*> itemsOfCategory(const hall::catalog::Catalog& catalog,
                                                hall::catalog::Category category) {
    std::vector<const ServiceItem*> items;
    for (const auto& item : catalog.items())
        if (item.category == category)
            items.push_back(&item);
    return items;
}

} // namespace kiosk
