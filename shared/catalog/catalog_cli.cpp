#include "catalog/catalog_cli.h"

#include "catalog/catalog_json.h"
#include "catalog/catalog_search.h"
#include "catalog/converter.h"
#include "catalog/json_support.h"

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>

namespace hall::catalog {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitNo = 1;
constexpr int kExitUsage = 2;

constexpr const char* kUsage =
    "Usage: hallctl catalog <command> ...\n"
    "  convert --source FILE --profile puyang|district --out FILE\n"
    "                      make a hall definition from the district catalog (deterministic)\n"
    "  validate FILE       check a hall definition; problems name the line and the field\n"
    "  stats FILE          departments, items, windows and queues per floor and category, defaults\n"
    "  search FILE QUERY   find items by words or pinyin initials (yyzz finds 营业执照)\n"
    "  import --data-dir DIR FILE\n"
    "                      validate FILE and install it as DIR/catalog.json (all or nothing)\n"
    "  export --data-dir DIR --out FILE\n"
    "                      write the hall's catalog to FILE in canonical form\n";

// Splits "--name value" options from positional arguments; an option without a value is a usage error.
struct Arguments {
    std::map<std::string, std::string> options;
    std::vector<std::string> positional;
    std::string problem;
};

Arguments splitArguments(const std::vector<std::string>& args, std::size_t first,
                         std::initializer_list<std::string_view> known) {
    Arguments parsed;
    for (std::size_t i = first; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0) {
            parsed.positional.push_back(arg);
            continue;
        }
        const std::string name = arg.substr(2);
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            parsed.problem = "unknown option " + arg;
            return parsed;
        }
        if (i + 1 >= args.size()) {
            parsed.problem = "option " + arg + " needs a value";
            return parsed;
        }
        parsed.options[name] = args[++i];
    }
    return parsed;
}

int usageError(std::ostream& err, const std::string& problem) {
    err << "hallctl catalog: " << problem << "\n" << kUsage;
    return kExitUsage;
}

int failed(std::ostream& err, const Error& error) {
    err << error.message << "\n";
    return kExitNo;
}

int convert(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (!args.positional.empty() || !args.options.count("source") || !args.options.count("profile") ||
        !args.options.count("out")) {
        return usageError(err, "convert needs --source FILE --profile puyang|district --out FILE");
    }
    const std::optional<Profile> profile = profileFromName(args.options.at("profile"));
    if (!profile) {
        return usageError(err, "unknown profile \"" + args.options.at("profile") + "\" (puyang or district)");
    }
    Result<SourceCatalog> source = loadSourceCatalogFile(args.options.at("source"));
    if (!source) {
        return failed(err, source.error());
    }
    Result<Catalog> catalog = convertCatalog(*source, *profile);
    if (!catalog) {
        return failed(err, catalog.error());
    }
    const Status saved = saveCatalogFile(catalog->data(), args.options.at("out"));
    if (!saved) {
        return failed(err, saved.error());
    }
    out << "wrote " << args.options.at("out") << ": " << catalog->departments().size() << " departments, "
        << catalog->items().size() << " items, " << catalog->windows().size() << " windows, "
        << catalog->queues().size() << " queues\n";
    return kExitOk;
}

int validate(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.options.empty()) {
        return usageError(err, "validate needs exactly one FILE");
    }
    Result<Catalog> catalog = loadCatalogFile(args.positional[0]);
    if (!catalog) {
        return failed(err, catalog.error());
    }
    out << args.positional[0] << ": valid (" << catalog->departments().size() << " departments, "
        << catalog->items().size() << " items)\n";
    return kExitOk;
}

int stats(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.options.empty()) {
        return usageError(err, "stats needs exactly one FILE");
    }
    Result<Catalog> catalog = loadCatalogFile(args.positional[0]);
    if (!catalog) {
        return failed(err, catalog.error());
    }
    printCatalogStats(*catalog, out);
    return kExitOk;
}

int search(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() < 2 || !args.options.empty()) {
        return usageError(err, "search needs a FILE and a QUERY");
    }
    Result<Catalog> catalog = loadCatalogFile(args.positional[0]);
    if (!catalog) {
        return failed(err, catalog.error());
    }
    std::string query;
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        query += (i > 1 ? " " : "") + args.positional[i];
    }
    const CatalogSearch index(*catalog);
    const std::vector<SearchHit> hits = index.search(query, 20);
    for (const SearchHit& hit : hits) {
        std::string windows;
        for (const std::string& id : hit.item->windows) {
            windows += (windows.empty() ? "" : ",") + id;
        }
        out << hit.item->name << "\t" << hit.item->code << "\t" << windows << "\n";
    }
    if (hits.empty()) {
        err << "no item matches \"" << query << "\"\n";
        return kExitNo;
    }
    return kExitOk;
}

int importCatalog(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || args.options.size() != 1 || !args.options.count("data-dir")) {
        return usageError(err, "import needs --data-dir DIR and one FILE");
    }
    const std::filesystem::path dir(args.options.at("data-dir"));
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return failed(err, Error{ErrorCode::NotFound, "no hall directory at " + dir.string()});
    }
    Result<Catalog> catalog = loadCatalogFile(args.positional[0]);
    if (!catalog) {
        return failed(err, catalog.error());
    }
    const std::string target = (dir / kHallCatalogFileName).string();
    const Status saved = saveCatalogFile(catalog->data(), target);
    if (!saved) {
        return failed(err, saved.error());
    }
    out << "imported " << catalog->items().size() << " items of " << catalog->departments().size()
        << " departments into " << target << "\n";
    return kExitOk;
}

int exportCatalog(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (!args.positional.empty() || args.options.size() != 2 || !args.options.count("data-dir") ||
        !args.options.count("out")) {
        return usageError(err, "export needs --data-dir DIR --out FILE");
    }
    const std::string source =
        (std::filesystem::path(args.options.at("data-dir")) / kHallCatalogFileName).string();
    Result<Catalog> catalog = loadCatalogFile(source);
    if (!catalog) {
        return failed(err, catalog.error());
    }
    const Status saved = saveCatalogFile(catalog->data(), args.options.at("out"));
    if (!saved) {
        return failed(err, saved.error());
    }
    out << "exported " << source << " to " << args.options.at("out") << "\n";
    return kExitOk;
}

} // namespace

void printCatalogStats(const Catalog& catalog, std::ostream& out) {
    const auto countSource = [](const auto& list) {
        std::size_t fromDistrict = 0;
        for (const auto& entry : list) {
            fromDistrict += entry.source == Provenance::DistrictCatalog ? 1 : 0;
        }
        return fromDistrict;
    };
    const std::size_t departments = catalog.departments().size();
    const std::size_t items = catalog.items().size();
    const std::size_t districtDepartments = countSource(catalog.departments());
    const std::size_t districtItems = countSource(catalog.items());
    out << "hall: " << catalog.hall().name << " (profile " << catalog.hall().profile << ")\n";
    out << "departments: " << departments << " (" << districtDepartments << " district-catalog, "
        << departments - districtDepartments << " hall-defined)\n";
    out << "items: " << items << " (" << districtItems << " district-catalog, " << items - districtItems
        << " hall-defined)\n";
    out << "windows: " << catalog.windows().size() << ", queues: " << catalog.queues().size() << "\n";
    for (const Floor& floor : catalog.floors()) {
        std::size_t floorItems = 0;
        for (const ServiceItem& item : catalog.items()) {
            const std::vector<int> floors = catalog.floorsOfItem(item);
            floorItems += std::find(floors.begin(), floors.end(), floor.number) != floors.end() ? 1 : 0;
        }
        std::size_t windows = 0;
        for (const Window& window : catalog.windows()) {
            windows += window.floor == floor.number ? 1 : 0;
        }
        std::string queues;
        for (const Queue& queue : catalog.queues()) {
            if (queue.floor == floor.number) {
                queues += " " + queue.prefix;
            }
        }
        out << "floor " << floor.number << " " << floor.name << ": "
            << catalog.departmentsOnFloor(floor.number).size() << " departments, " << floorItems << " items, "
            << windows << " windows, queues" << queues << "\n";
    }
    for (Category category : kAllCategories) {
        std::size_t count = 0;
        for (const ServiceItem& item : catalog.items()) {
            count += item.category == category ? 1 : 0;
        }
        if (count > 0) {
            out << "category " << categoryName(category) << " " << categoryLabel(category) << ": " << count
                << "\n";
        }
    }
    std::size_t kind = 0, limits = 0, materials = 0, fee = 0, online = 0, any = 0;
    for (const ServiceItem& item : catalog.items()) {
        kind += item.defaults.kind ? 1 : 0;
        limits += item.defaults.limits ? 1 : 0;
        materials += item.defaults.materials ? 1 : 0;
        fee += item.defaults.fee ? 1 : 0;
        online += item.defaults.online ? 1 : 0;
        any += item.defaults.any() ? 1 : 0;
    }
    out << "defaults: kind " << kind << ", limits " << limits << ", materials " << materials << ", fee "
        << fee << ", online " << online << "; items with any default " << any << " of " << items << "\n";
}

int runCatalogCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        return usageError(err, "a command is needed");
    }
    const std::string& command = args[0];
    if (command == "--help" || command == "-h" || command == "help") {
        out << kUsage;
        return kExitOk;
    }
    if (command == "convert") {
        const Arguments parsed = splitArguments(args, 1, {"source", "profile", "out"});
        return parsed.problem.empty() ? convert(parsed, out, err) : usageError(err, parsed.problem);
    }
    if (command == "import") {
        const Arguments parsed = splitArguments(args, 1, {"data-dir"});
        return parsed.problem.empty() ? importCatalog(parsed, out, err) : usageError(err, parsed.problem);
    }
    if (command == "export") {
        const Arguments parsed = splitArguments(args, 1, {"data-dir", "out"});
        return parsed.problem.empty() ? exportCatalog(parsed, out, err) : usageError(err, parsed.problem);
    }
    const Arguments parsed = splitArguments(args, 1, {});
    if (!parsed.problem.empty()) {
        return usageError(err, parsed.problem);
    }
    if (command == "validate") {
        return validate(parsed, out, err);
    }
    if (command == "stats") {
        return stats(parsed, out, err);
    }
    if (command == "search") {
        return search(parsed, out, err);
    }
    return usageError(err, "unknown command \"" + command + "\"");
}

} // namespace hall::catalog
