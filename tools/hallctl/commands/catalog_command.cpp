// `hallctl catalog`: the hall's catalog. Working on files (convert, validate, stats, search) is done in
// shared/catalog, where it is tested; importing into and exporting from a hall's database happens here,
// where the store is.
#include "command.h"
#include "hall_dir.h"
#include "options.h"

#include "catalog/catalog_cli.h"
#include "catalog/catalog_json.h"
#include "protocol/events.h"
#include "store/catalogs.h"
#include "store/database.h"

#include <filesystem>
#include <ostream>

namespace hallctl {
namespace {

using hall::Error;
using hall::ErrorCode;
using hall::Result;
using hall::store::Database;

constexpr OptionSpec kImportOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory", true},
    {"--file", "FILE", "the hall definition to import (a file 'catalog convert' made or a hall edited)",
     true},
};

constexpr OptionSpec kExportOptions[] = {
    {"--data-dir", "DIR", "the hall's data directory", true},
    {"--out", "FILE", "where to write the catalog in force; must not exist", true},
};

Result<int> runImport(const Options& options, std::ostream& out, std::ostream& err) {
    const HallLayout layout(options.value("--data-dir"));
    const std::string file = options.value("--file");
    // Validate everything before touching the hall: a bad file changes nothing.
    Result<hall::catalog::Catalog> catalog = hall::catalog::loadCatalogFile(file);
    if (!catalog) {
        // An invalid file is a "no" answer, not a wrong command line: exit 1, like `catalog validate`.
        err << "hallctl catalog import: " << catalog.error().message << "\nnothing was imported\n";
        return kExitNo;
    }
    const std::string document = hall::catalog::serializeCatalog(catalog->data());

    auto db = openHall(layout, Database::Mode::ReadWrite);
    if (!db)
        return db.error();
    hall::store::CatalogStore catalogs(*db.value());
    if (const auto current = catalogs.latest(); current && current->document == document) {
        out << "catalog version " << current->version << " already holds this content; nothing imported\n";
        return kExitOk;
    }
    const std::int64_t now = nowMs();
    const std::string source = std::filesystem::path(file).filename().string();
    std::uint32_t version = 0;
    {
        hall::store::Transaction tx(*db.value());
        version = catalogs.add(document, now, source);
        const hall::CatalogImported event{version, hall::store::sha256Hex(document),
                                          static_cast<std::uint32_t>(catalog->items().size()), source};
        hall::store::Journal journal(*db.value());
        journal.append(now, static_cast<std::uint16_t>(hall::EventKind::CatalogImported),
                       std::string(hall::kTopicHall), kHallctlActor, hall::encodeEventBody(event));
        tx.commit();
    }
    out << "imported catalog version " << version << ": " << catalog->items().size() << " items, "
        << catalog->departments().size() << " departments, " << catalog->windows().size() << " windows, "
        << catalog->queues().size() << " queues (" << source << ")\n"
        << "a running hall-server takes it up by itself within a few seconds\n";
    return kExitOk;
}

Result<int> runExport(const Options& options, std::ostream& out, std::ostream&) {
    const HallLayout layout(options.value("--data-dir"));
    const std::string target = options.value("--out");
    if (std::filesystem::exists(target))
        return Error{ErrorCode::Conflict, target + " already exists"};
    auto db = openHall(layout, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    const auto current = hall::store::CatalogStore(*db.value()).latest();
    if (!current)
        return Error{ErrorCode::NotFound, "this hall has no catalog yet; import one first"};
    // Parse before writing, so a damaged stored copy is reported instead of exported.
    Result<hall::catalog::Catalog> catalog =
        hall::catalog::parseCatalog(current->document, "catalog version " + std::to_string(current->version));
    if (!catalog)
        return catalog.error();
    if (const hall::Status saved = hall::catalog::saveCatalogFile(catalog->data(), target); !saved)
        return saved.error();
    out << "exported catalog version " << current->version << " to " << target << "\n";
    return kExitOk;
}

constexpr Action kActions[] = {
    {"import", "make a hall definition file the hall's catalog in force (validated first; journaled)",
     "Validates FILE completely, then stores it as the next catalog version in the hall's database together\n"
     "with a CatalogImported journal event. A file that fails validation changes nothing; the errors name\n"
     "the line and the field.",
     kImportOptions, &runImport},
    {"export", "write the catalog in force to a file",
     "Writes the catalog version in force, in the canonical hall definition format, to FILE.", kExportOptions,
     &runExport},
};

int runCatalog(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (!args.empty() && (args[0] == "import" || args[0] == "export"))
        return runActionGroup("catalog", "the hall's catalog in its database", kActions, args, out, err);
    return hall::catalog::runCatalogCli(args, out, err);
}

} // namespace

extern const Command kCatalogCommand;
const Command kCatalogCommand{"catalog", "convert, validate, inspect and search catalogs; import into a hall",
                              &runCatalog};

} // namespace hallctl
