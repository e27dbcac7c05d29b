#pragma once

#include "catalog/catalog.h"

#include <string>
#include <string_view>

namespace hall::catalog {

/// The format name and version written at the top of every hall file.
inline constexpr std::string_view kCatalogFormat = "sunshine-hall-catalog";
inline constexpr int kCatalogFormatVersion = 1;

/// Reads a hall definition from its JSON text. Every problem is reported with the file, the line and the
/// field, one per line: "hall.json:123: items[57].limits.statutoryDays: must be a whole number ≥ 0".
/// Either the whole catalog or an error: nothing half-built.
Result<Catalog> parseCatalog(std::string_view text, std::string_view fileName);

/// parseCatalog on a file's contents.
Result<Catalog> loadCatalogFile(const std::string& path);

/// The canonical text of a hall definition (fixed key order, two-space indent, final newline). The same
/// data always gives the same bytes, so a regenerated file can be compared with the committed one.
std::string serializeCatalog(const CatalogData& data);

/// Writes the canonical text through a temporary file and a rename: the old file stays whole on failure.
Status saveCatalogFile(const CatalogData& data, const std::string& path);

} // namespace hall::catalog
