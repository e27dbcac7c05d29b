#pragma once

#include "catalog/catalog.h"
#include "catalog/source_catalog.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::catalog {

/// How a source catalog becomes a hall.
enum class Profile {
    Puyang,   ///< the Puyang Sunshine Building's five floors, 41 departments, about 260 selected items
    District, ///< every department and item of the source, spread over three floors by category
};
std::string_view profileName(Profile profile); ///< "puyang" / "district"
std::optional<Profile> profileFromName(std::string_view name);

/// Builds a hall definition from the district catalog. Deterministic: the same source and profile
/// always give the same catalog (and so the same file bytes). Fails, changing nothing, when the source
/// lacks a department the profile places.
Result<Catalog> convertCatalog(const SourceCatalog& source, Profile profile);

namespace detail {

/// The source's description, recorded in every converted hall.
SourceInfo districtSourceInfo(const SourceCatalog& source);

/// A source item turned into a hall item with category defaults and search keywords (its group's name,
/// and 营业执照 for market-entity registration, whose result is a business licence).
ServiceItem itemFromSource(const SourceItem& source, const SourceGroup& group, const Department& department);

/// The queue prefix sequence: A..Z without I and O, then AA, AB, ...
std::string queuePrefix(std::size_t index);

/// A window number "F-NN".
std::string windowId(int floor, int number);

Result<CatalogData> buildPuyangHall(const SourceCatalog& source);
Result<CatalogData> buildDistrictHall(const SourceCatalog& source);

} // namespace detail

} // namespace hall::catalog
