#pragma once

#include "protocol/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hall::catalog {

/// One service item as the district catalog publishes it.
struct SourceItem {
    std::string name;
    std::string itemCode;
    int taskType = 0; ///< the national category code (see Category)
    std::string deptCode;
    std::string areaCode;
};

/// A group of related items inside a department ("未分类" for ungrouped ones).
struct SourceGroup {
    std::string name;
    std::vector<SourceItem> items;
};

/// A department of the district catalog with its groups, in the source's order.
struct SourceDepartment {
    std::string name;
    std::vector<SourceGroup> groups;
    std::size_t itemCount() const;
    /// The implementing body's code shared by most of its items (the first such on a tie).
    std::string mainDeptCode() const;
};

/// The district catalog (resources/catalog-source/district-service-catalog.json), as read.
struct SourceCatalog {
    std::vector<SourceDepartment> departments;
    std::size_t itemCount() const;
    const SourceDepartment* department(std::string_view name) const;
};

/// Reads the district catalog's JSON. Problems name the file, line and field; item codes must be unique
/// and task types known, since the converter relies on both.
Result<SourceCatalog> parseSourceCatalog(std::string_view text, std::string_view fileName);
Result<SourceCatalog> loadSourceCatalogFile(const std::string& path);

} // namespace hall::catalog
