#pragma once

#include "catalog/catalog.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace hall::catalog {

/// The file a hall directory keeps its catalog in until the store takes it over.
inline constexpr const char* kHallCatalogFileName = "catalog.json";

/// `hallctl catalog ...`: convert, validate, stats, search, import and export of hall definition files.
/// `args` holds what follows "catalog". Returns 0 when done or valid, 1 when the answer is no or the
/// work failed (nothing written), 2 on a wrong command line.
int runCatalogCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The statistics `hallctl catalog stats` prints: departments and items with their provenance, per
/// floor, per category, and how many guides carry defaults.
void printCatalogStats(const Catalog& catalog, std::ostream& out);

} // namespace hall::catalog
