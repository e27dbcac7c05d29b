#include "catalog/catalog_json.h"

#include "catalog/json_support.h"

#include <climits>

namespace hall::catalog {

namespace json = boost::json;
using detail::JsonReader;

namespace {

constexpr std::int64_t kMaxDays = INT_MAX;
constexpr std::int64_t kMaxFen = INT64_MAX;

template <typename Enum>
Enum readEnum(JsonReader& reader, const json::object& object, std::string_view key, const std::string& parent,
              std::optional<Enum> (*fromName)(std::string_view), std::string_view allowed, Enum fallback) {
    const std::string name = reader.text(object, key, parent);
    if (name.empty() && object.if_contains(key) == nullptr) {
        return fallback;
    }
    if (const std::optional<Enum> value = fromName(name)) {
        return *value;
    }
    reader.fail(JsonReader::member(parent, key), "must be one of " + std::string(allowed));
    return fallback;
}

// Applies `read` to each object of a list, reporting non-objects.
template <typename Read>
void eachObject(JsonReader& reader, const json::array* list, const std::string& path, Read read) {
    if (list == nullptr) {
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string elementPath = JsonReader::element(path, i);
        if (const json::object* object = reader.asObject(&(*list)[i], elementPath)) {
            read(*object, elementPath);
        }
    }
}

Material readMaterial(JsonReader& reader, const json::object& object, const std::string& path) {
    reader.rejectUnknown(object, path, {"name", "form", "copies", "confirm"});
    Material material;
    material.name = reader.text(object, "name", path);
    material.form = readEnum(reader, object, "form", path, &materialFormFromName,
                             "original, copy, original-and-copy", MaterialForm::Original);
    material.copies = static_cast<int>(reader.integer(object, "copies", path, 1, 99));
    material.applicantConfirms = reader.boolean(object, "confirm", path);
    return material;
}

ServiceItem readItem(JsonReader& reader, const json::object& object, const std::string& path) {
    reader.rejectUnknown(object, path,
                         {"code", "name", "source", "category", "department", "group", "keywords", "windows",
                          "kind", "kindDefault", "limits", "limitsDefault", "materials", "materialsDefault",
                          "fee", "feeDefault", "online", "onlineDefault", "forms"});
    ServiceItem item;
    item.code = reader.text(object, "code", path);
    item.name = reader.text(object, "name", path);
    item.source = readEnum(reader, object, "source", path, &provenanceFromName,
                           "district-catalog, hall-defined", Provenance::DistrictCatalog);
    item.category =
        readEnum(reader, object, "category", path, &categoryFromName,
                 "licence, payment, confirmation, award, adjudication, other-power, public-service",
                 Category::PublicService);
    item.department = reader.text(object, "department", path);
    item.group = reader.text(object, "group", path, false);
    item.keywords = reader.texts(object, "keywords", path, false);
    item.windows = reader.texts(object, "windows", path);
    item.kind = readEnum(reader, object, "kind", path, &itemKindFromName, "on-the-spot, promised",
                         ItemKind::OnTheSpot);
    item.defaults.kind = reader.boolean(object, "kindDefault", path, false);
    if (const json::object* limits = reader.object(object, "limits", path)) {
        const std::string limitsPath = JsonReader::member(path, "limits");
        reader.rejectUnknown(*limits, limitsPath, {"statutoryDays", "promisedDays", "basis"});
        item.limits.statutoryDays =
            static_cast<int>(reader.integer(*limits, "statutoryDays", limitsPath, 0, kMaxDays));
        item.limits.promisedDays =
            static_cast<int>(reader.integer(*limits, "promisedDays", limitsPath, 0, kMaxDays));
        item.limits.basis = reader.text(*limits, "basis", limitsPath);
    }
    item.defaults.limits = reader.boolean(object, "limitsDefault", path, false);
    eachObject(reader, reader.array(object, "materials", path), JsonReader::member(path, "materials"),
               [&](const json::object& material, const std::string& materialPath) {
                   item.materials.push_back(readMaterial(reader, material, materialPath));
               });
    item.defaults.materials = reader.boolean(object, "materialsDefault", path, false);
    if (const json::object* fee = reader.object(object, "fee", path)) {
        const std::string feePath = JsonReader::member(path, "fee");
        reader.rejectUnknown(*fee, feePath, {"fen", "basis"});
        item.fee.fen = reader.integer(*fee, "fen", feePath, 0, kMaxFen);
        item.fee.basis = reader.text(*fee, "basis", feePath);
    }
    item.defaults.fee = reader.boolean(object, "feeDefault", path, false);
    item.online = reader.boolean(object, "online", path);
    item.defaults.online = reader.boolean(object, "onlineDefault", path, false);
    eachObject(
        reader, reader.array(object, "forms", path, false), JsonReader::member(path, "forms"),
        [&](const json::object& form, const std::string& formPath) {
            reader.rejectUnknown(form, formPath, {"name", "file"});
            item.forms.push_back({reader.text(form, "name", formPath), reader.text(form, "file", formPath)});
        });
    return item;
}

CatalogData readCatalog(JsonReader& reader, const json::object& root) {
    CatalogData data;
    reader.rejectUnknown(
        root, "",
        {"format", "version", "hall", "sources", "floors", "departments", "windows", "queues", "items"});
    if (reader.text(root, "format", "") != kCatalogFormat && root.if_contains("format") != nullptr) {
        reader.fail("format", "must be \"" + std::string(kCatalogFormat) + "\"");
    }
    if (reader.integer(root, "version", "", 0, INT_MAX) != kCatalogFormatVersion &&
        root.if_contains("version")) {
        reader.fail("version", "this build reads version " + std::to_string(kCatalogFormatVersion));
    }
    if (const json::object* hall = reader.object(root, "hall", "")) {
        reader.rejectUnknown(*hall, "hall", {"name", "profile", "areaCode", "description"});
        data.hall.name = reader.text(*hall, "name", "hall");
        data.hall.profile = reader.text(*hall, "profile", "hall");
        data.hall.areaCode = reader.text(*hall, "areaCode", "hall", false);
        data.hall.description = reader.text(*hall, "description", "hall", false);
    }
    eachObject(
        reader, reader.array(root, "sources", "", false), "sources",
        [&](const json::object& object, const std::string& path) {
            reader.rejectUnknown(object, path, {"id", "title", "licence", "file", "departments", "items"});
            SourceInfo source;
            source.id = reader.text(object, "id", path);
            source.title = reader.text(object, "title", path);
            source.licence = reader.text(object, "licence", path);
            source.file = reader.text(object, "file", path);
            source.departments = static_cast<int>(reader.integer(object, "departments", path, 0, INT_MAX));
            source.items = static_cast<int>(reader.integer(object, "items", path, 0, INT_MAX));
            data.sources.push_back(std::move(source));
        });
    eachObject(reader, reader.array(root, "floors", ""), "floors",
               [&](const json::object& object, const std::string& path) {
                   reader.rejectUnknown(object, path, {"number", "name", "purpose"});
                   data.floors.push_back({static_cast<int>(reader.integer(object, "number", path, 1, 9)),
                                          reader.text(object, "name", path),
                                          reader.text(object, "purpose", path, false)});
               });
    eachObject(reader, reader.array(root, "departments", ""), "departments",
               [&](const json::object& object, const std::string& path) {
                   reader.rejectUnknown(object, path, {"id", "name", "code", "source"});
                   Department department;
                   department.id = reader.text(object, "id", path);
                   department.name = reader.text(object, "name", path);
                   department.code = reader.text(object, "code", path, false);
                   department.source =
                       readEnum(reader, object, "source", path, &provenanceFromName,
                                "district-catalog, hall-defined", Provenance::DistrictCatalog);
                   data.departments.push_back(std::move(department));
               });
    eachObject(reader, reader.array(root, "windows", ""), "windows",
               [&](const json::object& object, const std::string& path) {
                   reader.rejectUnknown(object, path, {"id", "floor", "department", "name", "kind"});
                   Window window;
                   window.id = reader.text(object, "id", path);
                   window.floor = static_cast<int>(reader.integer(object, "floor", path, 1, 9));
                   window.department = reader.text(object, "department", path);
                   window.name = reader.text(object, "name", path);
                   window.kind = readEnum(reader, object, "kind", path, &windowKindFromName,
                                          "counter, self-service", WindowKind::Counter);
                   data.windows.push_back(std::move(window));
               });
    eachObject(reader, reader.array(root, "queues", ""), "queues",
               [&](const json::object& object, const std::string& path) {
                   reader.rejectUnknown(object, path, {"prefix", "name", "floor", "windows"});
                   Queue queue;
                   queue.prefix = reader.text(object, "prefix", path);
                   queue.name = reader.text(object, "name", path);
                   queue.floor = static_cast<int>(reader.integer(object, "floor", path, 1, 9));
                   queue.windows = reader.texts(object, "windows", path);
                   data.queues.push_back(std::move(queue));
               });
    eachObject(reader, reader.array(root, "items", ""), "items",
               [&](const json::object& object, const std::string& path) {
                   data.items.push_back(readItem(reader, object, path));
               });
    return data;
}

json::object writeItem(const ServiceItem& item) {
    json::object out;
    out["code"] = item.code;
    out["name"] = item.name;
    out["source"] = provenanceName(item.source);
    out["category"] = categoryName(item.category);
    out["department"] = item.department;
    out["group"] = item.group;
    out["keywords"] = json::value_from(item.keywords);
    out["windows"] = json::value_from(item.windows);
    out["kind"] = itemKindName(item.kind);
    out["kindDefault"] = item.defaults.kind;
    out["limits"] = json::object{{"statutoryDays", item.limits.statutoryDays},
                                 {"promisedDays", item.limits.promisedDays},
                                 {"basis", item.limits.basis}};
    out["limitsDefault"] = item.defaults.limits;
    json::array materials;
    for (const Material& material : item.materials) {
        materials.push_back(json::object{{"name", material.name},
                                         {"form", materialFormName(material.form)},
                                         {"copies", material.copies},
                                         {"confirm", material.applicantConfirms}});
    }
    out["materials"] = std::move(materials);
    out["materialsDefault"] = item.defaults.materials;
    out["fee"] = json::object{{"fen", item.fee.fen}, {"basis", item.fee.basis}};
    out["feeDefault"] = item.defaults.fee;
    out["online"] = item.online;
    out["onlineDefault"] = item.defaults.online;
    json::array forms;
    for (const Form& form : item.forms) {
        forms.push_back(json::object{{"name", form.name}, {"file", form.file}});
    }
    out["forms"] = std::move(forms);
    return out;
}

} // namespace

Result<Catalog> parseCatalog(std::string_view text, std::string_view fileName) {
    Result<json::value> parsed = detail::parseJson(text, fileName);
    if (!parsed) {
        return parsed.error();
    }
    std::vector<Diagnostic> problems;
    detail::checkDuplicateKeys(text, problems);
    JsonReader reader(problems);
    const json::object* root = reader.asObject(&*parsed, "");
    if (root == nullptr) {
        return detail::describeProblems(fileName, text, {{"", "the file must hold one JSON object"}});
    }
    CatalogData data = readCatalog(reader, *root);
    if (problems.empty()) {
        problems = validateCatalog(data);
    }
    if (!problems.empty()) {
        return detail::describeProblems(fileName, text, problems);
    }
    return Catalog::build(std::move(data));
}

Result<Catalog> loadCatalogFile(const std::string& path) {
    Result<std::string> text = detail::readFile(path);
    if (!text) {
        return text.error();
    }
    return parseCatalog(*text, path);
}

std::string serializeCatalog(const CatalogData& data) {
    json::object root;
    root["format"] = kCatalogFormat;
    root["version"] = kCatalogFormatVersion;
    root["hall"] = json::object{{"name", data.hall.name},
                                {"profile", data.hall.profile},
                                {"areaCode", data.hall.areaCode},
                                {"description", data.hall.description}};
    json::array sources;
    for (const SourceInfo& source : data.sources) {
        sources.push_back(json::object{{"id", source.id},
                                       {"title", source.title},
                                       {"licence", source.licence},
                                       {"file", source.file},
                                       {"departments", source.departments},
                                       {"items", source.items}});
    }
    root["sources"] = std::move(sources);
    json::array floors;
    for (const Floor& floor : data.floors) {
        floors.push_back(
            json::object{{"number", floor.number}, {"name", floor.name}, {"purpose", floor.purpose}});
    }
    root["floors"] = std::move(floors);
    json::array departments;
    for (const Department& department : data.departments) {
        departments.push_back(json::object{{"id", department.id},
                                           {"name", department.name},
                                           {"code", department.code},
                                           {"source", provenanceName(department.source)}});
    }
    root["departments"] = std::move(departments);
    json::array windows;
    for (const Window& window : data.windows) {
        windows.push_back(json::object{{"id", window.id},
                                       {"floor", window.floor},
                                       {"department", window.department},
                                       {"name", window.name},
                                       {"kind", windowKindName(window.kind)}});
    }
    root["windows"] = std::move(windows);
    json::array queues;
    for (const Queue& queue : data.queues) {
        queues.push_back(json::object{{"prefix", queue.prefix},
                                      {"name", queue.name},
                                      {"floor", queue.floor},
                                      {"windows", json::value_from(queue.windows)}});
    }
    root["queues"] = std::move(queues);
    json::array items;
    for (const ServiceItem& item : data.items) {
        items.push_back(writeItem(item));
    }
    root["items"] = std::move(items);
    return detail::prettyJson(root);
}

Status saveCatalogFile(const CatalogData& data, const std::string& path) {
    return detail::writeFileAtomically(path, serializeCatalog(data));
}

} // namespace hall::catalog
