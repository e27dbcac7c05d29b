#pragma once

#include "catalog/catalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace hall::catalog {

/// What the hall assumes about an item of a category when its source says nothing: how it is decided,
/// its time limits with their legal basis, the basis of its fee (0 fen), and whether it can be done online.
/// docs/catalog.md tabulates these values.
struct CategoryDefaults {
    ItemKind kind = ItemKind::Promised;
    TimeLimits limits;
    std::string feeBasis;
    bool online = false;
};
CategoryDefaults categoryDefaults(Category category);

/// Who usually applies for an item, guessed from words in its name (企业, 单位, 经营, 项目, ...).
enum class Applicant { Person, Organisation };
Applicant guessApplicant(std::string_view itemName);

/// The default materials for an item: the application form of its category, the applicant's identity
/// (identity card, or business licence with the legal representative's identity and an agent's mandate),
/// and the department's usual extras (social security card, household register, project approval).
std::vector<Material> defaultMaterials(Category category, Applicant applicant,
                                       std::string_view departmentName, std::string_view itemName);

/// Fills an item's kind, limits, materials, fee and online flag from the defaults above and marks each
/// of them as a default.
void applyGuideDefaults(ServiceItem& item, std::string_view departmentName);

} // namespace hall::catalog
