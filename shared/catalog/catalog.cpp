#include "catalog/catalog.h"

#include <algorithm>
#include <set>

namespace hall::catalog {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::pair<Enum, std::string_view> (&table)[N], std::string_view name) {
    for (const auto& [value, text] : table) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view toName(const std::pair<Enum, std::string_view> (&table)[N], Enum value) {
    for (const auto& [candidate, text] : table) {
        if (candidate == value) {
            return text;
        }
    }
    return {};
}

constexpr std::pair<Category, std::string_view> kCategoryNames[] = {
    {Category::Licence, "licence"},
    {Category::Payment, "payment"},
    {Category::Confirmation, "confirmation"},
    {Category::Award, "award"},
    {Category::Adjudication, "adjudication"},
    {Category::OtherPower, "other-power"},
    {Category::PublicService, "public-service"}};
constexpr std::pair<Category, std::string_view> kCategoryLabels[] = {
    {Category::Licence, "行政许可"},      {Category::Payment, "行政给付"},
    {Category::Confirmation, "行政确认"}, {Category::Award, "行政奖励"},
    {Category::Adjudication, "行政裁决"}, {Category::OtherPower, "其他行政权力"},
    {Category::PublicService, "公共服务"}};
constexpr std::pair<ItemKind, std::string_view> kKindNames[] = {{ItemKind::OnTheSpot, "on-the-spot"},
                                                                {ItemKind::Promised, "promised"}};
constexpr std::pair<Provenance, std::string_view> kProvenanceNames[] = {
    {Provenance::DistrictCatalog, "district-catalog"}, {Provenance::HallDefined, "hall-defined"}};
constexpr std::pair<MaterialForm, std::string_view> kFormNames[] = {
    {MaterialForm::Original, "original"},
    {MaterialForm::Copy, "copy"},
    {MaterialForm::OriginalAndCopy, "original-and-copy"}};
constexpr std::pair<WindowKind, std::string_view> kWindowKindNames[] = {
    {WindowKind::Counter, "counter"}, {WindowKind::SelfService, "self-service"}};

std::string at(std::string_view list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

// Collects problems under a path prefix; every message reads "<path>: <what is wrong>".
class Checker {
public:
    void fail(std::string path, std::string message) {
        m_found.push_back({std::move(path), std::move(message)});
    }
    void requireText(const std::string& path, const std::string& value) {
        if (value.empty()) {
            fail(path, "must not be empty");
        }
    }
    std::vector<Diagnostic> take() { return std::move(m_found); }

private:
    std::vector<Diagnostic> m_found;
};

} // namespace

std::string_view categoryName(Category category) {
    return toName(kCategoryNames, category);
}
std::string_view categoryLabel(Category category) {
    return toName(kCategoryLabels, category);
}
std::optional<Category> categoryFromName(std::string_view name) {
    return fromName(kCategoryNames, name);
}
std::optional<Category> categoryFromCode(int taskType) {
    for (Category category : kAllCategories) {
        if (static_cast<int>(category) == taskType) {
            return category;
        }
    }
    return std::nullopt;
}
std::string_view itemKindName(ItemKind kind) {
    return toName(kKindNames, kind);
}
std::optional<ItemKind> itemKindFromName(std::string_view name) {
    return fromName(kKindNames, name);
}
std::string_view provenanceName(Provenance source) {
    return toName(kProvenanceNames, source);
}
std::optional<Provenance> provenanceFromName(std::string_view name) {
    return fromName(kProvenanceNames, name);
}
std::string_view materialFormName(MaterialForm form) {
    return toName(kFormNames, form);
}
std::optional<MaterialForm> materialFormFromName(std::string_view name) {
    return fromName(kFormNames, name);
}
std::string_view windowKindName(WindowKind kind) {
    return toName(kWindowKindNames, kind);
}
std::optional<WindowKind> windowKindFromName(std::string_view name) {
    return fromName(kWindowKindNames, name);
}

bool isValidQueuePrefix(std::string_view prefix) {
    if (prefix.empty() || prefix.size() > 2) {
        return false;
    }
    return std::all_of(prefix.begin(), prefix.end(),
                       [](char c) { return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O'; });
}

bool isValidWindowId(std::string_view id) {
    return id.size() == 4 && id[0] >= '1' && id[0] <= '9' && id[1] == '-' && id[2] >= '0' && id[2] <= '9' &&
           id[3] >= '0' && id[3] <= '9' && !(id[2] == '0' && id[3] == '0');
}

std::vector<Diagnostic> validateCatalog(const CatalogData& data) {
    Checker check;
    check.requireText("hall.name", data.hall.name);
    check.requireText("hall.profile", data.hall.profile);

    std::set<int> floors;
    if (data.floors.empty()) {
        check.fail("floors", "a hall needs at least one floor");
    }
    for (std::size_t i = 0; i < data.floors.size(); ++i) {
        const Floor& floor = data.floors[i];
        const std::string path = at("floors", i);
        if (floor.number < 1 || floor.number > 9) {
            check.fail(path + ".number", "must be a whole number from 1 to 9");
        } else if (!floors.insert(floor.number).second) {
            check.fail(path + ".number", "floor " + std::to_string(floor.number) + " appears twice");
        }
        check.requireText(path + ".name", floor.name);
    }

    std::set<std::string, std::less<>> departmentIds;
    std::set<std::string, std::less<>> departmentNames;
    for (std::size_t i = 0; i < data.departments.size(); ++i) {
        const Department& department = data.departments[i];
        const std::string path = at("departments", i);
        check.requireText(path + ".id", department.id);
        check.requireText(path + ".name", department.name);
        if (!department.id.empty() && !departmentIds.insert(department.id).second) {
            check.fail(path + ".id", "department id \"" + department.id + "\" appears twice");
        }
        if (!department.name.empty() && !departmentNames.insert(department.name).second) {
            check.fail(path + ".name", "department \"" + department.name + "\" appears twice");
        }
    }

    std::map<std::string, int, std::less<>> windowFloors;
    for (std::size_t i = 0; i < data.windows.size(); ++i) {
        const Window& window = data.windows[i];
        const std::string path = at("windows", i);
        if (!isValidWindowId(window.id)) {
            check.fail(path + ".id", "\"" + window.id + "\" is not a window number like 2-07");
        } else if (windowFloors.count(window.id) != 0) {
            check.fail(path + ".id", "window " + window.id + " appears twice");
        } else {
            windowFloors.emplace(window.id, window.floor);
            if (window.id[0] - '0' != window.floor) {
                check.fail(path + ".floor",
                           "window " + window.id + " must be on floor " + window.id.substr(0, 1));
            }
        }
        if (floors.count(window.floor) == 0) {
            check.fail(path + ".floor",
                       "floor " + std::to_string(window.floor) + " is not defined in floors");
        }
        if (departmentIds.count(window.department) == 0) {
            check.fail(path + ".department", "no department has id \"" + window.department + "\"");
        }
        check.requireText(path + ".name", window.name);
    }

    std::set<std::string, std::less<>> prefixes;
    for (std::size_t i = 0; i < data.queues.size(); ++i) {
        const Queue& queue = data.queues[i];
        const std::string path = at("queues", i);
        if (!isValidQueuePrefix(queue.prefix)) {
            check.fail(path + ".prefix",
                       "\"" + queue.prefix + "\" is not one or two capital letters (I and O are not used)");
        } else if (!prefixes.insert(queue.prefix).second) {
            check.fail(path + ".prefix", "queue prefix " + queue.prefix + " appears twice");
        }
        check.requireText(path + ".name", queue.name);
        if (floors.count(queue.floor) == 0) {
            check.fail(path + ".floor", "floor " + std::to_string(queue.floor) + " is not defined in floors");
        }
        if (queue.windows.empty()) {
            check.fail(path + ".windows", "a queue must be served by at least one window");
        }
        std::set<std::string_view> seen;
        for (std::size_t w = 0; w < queue.windows.size(); ++w) {
            const std::string& id = queue.windows[w];
            const auto found = windowFloors.find(id);
            if (found == windowFloors.end()) {
                check.fail(at(path + ".windows", w), "no window has number \"" + id + "\"");
            } else if (found->second != queue.floor) {
                check.fail(at(path + ".windows", w),
                           "window " + id + " is not on the queue's floor " + std::to_string(queue.floor));
            }
            if (!seen.insert(id).second) {
                check.fail(at(path + ".windows", w), "window " + id + " is listed twice");
            }
        }
    }

    std::set<std::string, std::less<>> codes;
    for (std::size_t i = 0; i < data.items.size(); ++i) {
        const ServiceItem& item = data.items[i];
        const std::string path = at("items", i);
        check.requireText(path + ".code", item.code);
        check.requireText(path + ".name", item.name);
        if (!item.code.empty() && !codes.insert(item.code).second) {
            check.fail(path + ".code", "item code \"" + item.code + "\" appears twice");
        }
        if (departmentIds.count(item.department) == 0) {
            check.fail(path + ".department", "no department has id \"" + item.department + "\"");
        }
        if (item.windows.empty()) {
            check.fail(path + ".windows", "every item must be handled by at least one window");
        }
        std::set<std::string_view> seen;
        for (std::size_t w = 0; w < item.windows.size(); ++w) {
            if (windowFloors.count(item.windows[w]) == 0) {
                check.fail(at(path + ".windows", w), "no window has number \"" + item.windows[w] + "\"");
            }
            if (!seen.insert(item.windows[w]).second) {
                check.fail(at(path + ".windows", w), "window " + item.windows[w] + " is listed twice");
            }
        }
        const TimeLimits& limits = item.limits;
        if (limits.statutoryDays < 0) {
            check.fail(path + ".limits.statutoryDays", "must be a whole number ≥ 0");
        }
        if (limits.promisedDays < 0) {
            check.fail(path + ".limits.promisedDays", "must be a whole number ≥ 0");
        } else if (limits.promisedDays > limits.statutoryDays && limits.statutoryDays >= 0) {
            check.fail(path + ".limits.promisedDays",
                       "must not exceed statutoryDays (" + std::to_string(limits.statutoryDays) + ")");
        }
        if (item.kind == ItemKind::OnTheSpot && limits.promisedDays != 0) {
            check.fail(path + ".limits.promisedDays", "an on-the-spot item promises 0 days");
        }
        if (item.kind == ItemKind::Promised && limits.promisedDays == 0) {
            check.fail(path + ".limits.promisedDays", "a promised item promises at least 1 working day");
        }
        check.requireText(path + ".limits.basis", limits.basis);
        for (std::size_t m = 0; m < item.materials.size(); ++m) {
            const Material& material = item.materials[m];
            const std::string materialPath = at(path + ".materials", m);
            check.requireText(materialPath + ".name", material.name);
            if (material.copies < 1 || material.copies > 99) {
                check.fail(materialPath + ".copies", "must be a whole number from 1 to 99");
            }
        }
        if (item.fee.fen < 0) {
            check.fail(path + ".fee.fen", "must be a whole number of fen ≥ 0");
        }
        check.requireText(path + ".fee.basis", item.fee.basis);
        for (std::size_t f = 0; f < item.forms.size(); ++f) {
            check.requireText(at(path + ".forms", f) + ".name", item.forms[f].name);
            check.requireText(at(path + ".forms", f) + ".file", item.forms[f].file);
        }
    }
    return check.take();
}

Catalog::Catalog(CatalogData data) : m_data(std::move(data)) {
    for (std::size_t i = 0; i < m_data.items.size(); ++i) {
        m_items.emplace(m_data.items[i].code, i);
    }
    for (std::size_t i = 0; i < m_data.departments.size(); ++i) {
        m_departments.emplace(m_data.departments[i].id, i);
    }
    for (std::size_t i = 0; i < m_data.windows.size(); ++i) {
        m_windows.emplace(m_data.windows[i].id, i);
    }
    for (std::size_t i = 0; i < m_data.queues.size(); ++i) {
        m_queues.emplace(m_data.queues[i].prefix, i);
    }
    m_windowItems.resize(m_data.windows.size());
    for (std::size_t i = 0; i < m_data.items.size(); ++i) {
        for (const std::string& id : m_data.items[i].windows) {
            m_windowItems[m_windows.at(id)].push_back(i);
        }
    }
}

Result<Catalog> Catalog::build(CatalogData data) {
    const std::vector<Diagnostic> problems = validateCatalog(data);
    if (!problems.empty()) {
        std::string message;
        for (const Diagnostic& problem : problems) {
            message += (message.empty() ? "" : "\n") + problem.path + ": " + problem.message;
        }
        return Error{ErrorCode::InvalidArgument, message};
    }
    return Catalog(std::move(data));
}

namespace {
template <typename T>
const T* lookup(const std::map<std::string, std::size_t, std::less<>>& index, const std::vector<T>& values,
                std::string_view key) {
    const auto found = index.find(key);
    return found == index.end() ? nullptr : &values[found->second];
}
} // namespace

const ServiceItem* Catalog::item(std::string_view code) const {
    return lookup(m_items, m_data.items, code);
}
const Department* Catalog::department(std::string_view id) const {
    return lookup(m_departments, m_data.departments, id);
}
const Window* Catalog::window(std::string_view id) const {
    return lookup(m_windows, m_data.windows, id);
}
const Queue* Catalog::queue(std::string_view prefix) const {
    return lookup(m_queues, m_data.queues, prefix);
}

std::vector<int> Catalog::floorsOfItem(const ServiceItem& item) const {
    std::vector<int> floors;
    for (const std::string& id : item.windows) {
        if (const Window* found = window(id)) {
            floors.push_back(found->floor);
        }
    }
    std::sort(floors.begin(), floors.end());
    floors.erase(std::unique(floors.begin(), floors.end()), floors.end());
    return floors;
}

std::vector<const ServiceItem*> Catalog::itemsOfWindow(std::string_view windowId) const {
    std::vector<const ServiceItem*> result;
    const auto found = m_windows.find(windowId);
    if (found != m_windows.end()) {
        for (std::size_t index : m_windowItems[found->second]) {
            result.push_back(&m_data.items[index]);
        }
    }
    return result;
}

std::vector<const ServiceItem*> Catalog::itemsOfQueue(std::string_view prefix) const {
    std::vector<std::size_t> indexes;
    if (const Queue* found = queue(prefix)) {
        for (const std::string& id : found->windows) {
            const auto& served = m_windowItems[m_windows.at(id)];
            indexes.insert(indexes.end(), served.begin(), served.end());
        }
    }
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    std::vector<const ServiceItem*> result;
    for (std::size_t index : indexes) {
        result.push_back(&m_data.items[index]);
    }
    return result;
}

std::vector<const Queue*> Catalog::queuesOfItem(std::string_view code) const {
    std::vector<const Queue*> result;
    const ServiceItem* found = item(code);
    if (found == nullptr) {
        return result;
    }
    for (const Queue& queue : m_data.queues) {
        const bool serves =
            std::any_of(queue.windows.begin(), queue.windows.end(), [&](const std::string& id) {
                return std::find(found->windows.begin(), found->windows.end(), id) != found->windows.end();
            });
        if (serves) {
            result.push_back(&queue);
        }
    }
    return result;
}

std::vector<const Department*> Catalog::departmentsOnFloor(int floor) const {
    std::vector<const Department*> result;
    for (const Department& department : m_data.departments) {
        const bool present =
            std::any_of(m_data.windows.begin(), m_data.windows.end(), [&](const Window& window) {
                return window.floor == floor && window.department == department.id;
            });
        if (present) {
            result.push_back(&department);
        }
    }
    return result;
}

} // namespace hall::catalog
