// `hallctl catalog`: the hall's catalog files. The work is done in shared/catalog, where it is tested.
#include "../command.h"

#include "catalog/catalog_cli.h"

namespace {

int runCatalog(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return hall::catalog::runCatalogCli(args, out, err);
}

} // namespace

namespace hallctl {
extern const Command kCatalogCommand;
const Command kCatalogCommand{
    "catalog", "convert, validate, inspect, search, import and export hall catalogs", &runCatalog};
} // namespace hallctl
