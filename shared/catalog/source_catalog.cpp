#include "catalog/source_catalog.h"

#include "catalog/catalog.h"
#include "catalog/json_support.h"

#include <map>
#include <set>

namespace hall::catalog {

namespace json = boost::json;
using detail::JsonReader;

std::size_t SourceDepartment::itemCount() const {
    std::size_t count = 0;
    for (const SourceGroup& group : groups) {
        count += group.items.size();
    }
    return count;
}

std::string SourceDepartment::mainDeptCode() const {
    std::map<std::string, std::size_t> counts;
    std::vector<std::string> order;
    for (const SourceGroup& group : groups) {
        for (const SourceItem& item : group.items) {
            if (counts[item.deptCode]++ == 0) {
                order.push_back(item.deptCode);
            }
        }
    }
    std::string best;
    std::size_t bestCount = 0;
    for (const std::string& code : order) {
        if (counts[code] > bestCount) {
            best = code;
            bestCount = counts[code];
        }
    }
    return best;
}

std::size_t SourceCatalog::itemCount() const {
    std::size_t count = 0;
    for (const SourceDepartment& department : departments) {
        count += department.itemCount();
    }
    return count;
}

const SourceDepartment* SourceCatalog::department(std::string_view name) const {
    for (const SourceDepartment& department : departments) {
        if (department.name == name) {
            return &department;
        }
    }
    return nullptr;
}

Result<SourceCatalog> parseSourceCatalog(std::string_view text, std::string_view fileName) {
    Result<json::value> parsed = detail::parseJson(text, fileName);
    if (!parsed) {
        return parsed.error();
    }
    std::vector<Diagnostic> problems;
    JsonReader reader(problems);
    if (!parsed->is_array()) {
        return detail::describeProblems(fileName, text, {{"", "the file must hold a list of departments"}});
    }
    SourceCatalog catalog;
    std::set<std::string> codes;
    std::set<std::string> names;
    const json::array& departments = parsed->as_array();
    for (std::size_t d = 0; d < departments.size(); ++d) {
        const std::string departmentPath = JsonReader::element("", d);
        const json::object* departmentObject = reader.asObject(&departments[d], departmentPath);
        if (departmentObject == nullptr) {
            continue;
        }
        SourceDepartment department;
        department.name = reader.text(*departmentObject, "department", departmentPath);
        if (department.name.empty()) {
            reader.fail(JsonReader::member(departmentPath, "department"), "must not be empty");
        } else if (!names.insert(department.name).second) {
            reader.fail(JsonReader::member(departmentPath, "department"), "department appears twice");
        }
        const json::array* groups = reader.array(*departmentObject, "groups", departmentPath);
        for (std::size_t g = 0; groups != nullptr && g < groups->size(); ++g) {
            const std::string groupPath =
                JsonReader::element(JsonReader::member(departmentPath, "groups"), g);
            const json::object* groupObject = reader.asObject(&(*groups)[g], groupPath);
            if (groupObject == nullptr) {
                continue;
            }
            SourceGroup group;
            group.name = reader.text(*groupObject, "group", groupPath);
            const json::array* items = reader.array(*groupObject, "items", groupPath);
            for (std::size_t i = 0; items != nullptr && i < items->size(); ++i) {
                const std::string itemPath = JsonReader::element(JsonReader::member(groupPath, "items"), i);
                const json::object* itemObject = reader.asObject(&(*items)[i], itemPath);
                if (itemObject == nullptr) {
                    continue;
                }
                SourceItem item;
                item.name = reader.text(*itemObject, "name", itemPath);
                item.itemCode = reader.text(*itemObject, "itemCode", itemPath);
                item.taskType = static_cast<int>(reader.integer(*itemObject, "taskType", itemPath, 0, 1000));
                item.deptCode = reader.text(*itemObject, "deptCode", itemPath, false);
                item.areaCode = reader.text(*itemObject, "areaCode", itemPath, false);
                if (item.name.empty()) {
                    reader.fail(JsonReader::member(itemPath, "name"), "must not be empty");
                }
                if (item.itemCode.empty()) {
                    reader.fail(JsonReader::member(itemPath, "itemCode"), "must not be empty");
                } else if (!codes.insert(item.itemCode).second) {
                    reader.fail(JsonReader::member(itemPath, "itemCode"), "item code appears twice");
                }
                if (itemObject->if_contains("taskType") != nullptr && !categoryFromCode(item.taskType)) {
                    reader.fail(JsonReader::member(itemPath, "taskType"),
                                "must be a national category code (1, 5, 7, 8, 9, 10 or 20)");
                }
                group.items.push_back(std::move(item));
            }
            department.groups.push_back(std::move(group));
        }
        catalog.departments.push_back(std::move(department));
    }
    if (!problems.empty()) {
        return detail::describeProblems(fileName, text, problems);
    }
    return catalog;
}

Result<SourceCatalog> loadSourceCatalogFile(const std::string& path) {
    Result<std::string> text = detail::readFile(path);
    if (!text) {
        return text.error();
    }
    return parseSourceCatalog(*text, path);
}

} // namespace hall::catalog
