#include "catalog/converter.h"

#include "catalog/guide_defaults.h"

#include <cstdio>

namespace hall::catalog {

namespace {

constexpr std::string_view kUngrouped = "未分类";

// Registering a market entity ends with a business licence; people search for it by that name.
constexpr std::string_view kLicenceResultGroups[] = {
    "企业设立、变更、注销登记", "个体工商户注册、变更、注销登记", "农民专业合作社设立、变更、注销登记"};

} // namespace

std::string_view profileName(Profile profile) {
    return profile == Profile::Puyang ? "puyang" : "district";
}

std::optional<Profile> profileFromName(std::string_view name) {
    if (name == "puyang") {
        return Profile::Puyang;
    }
    if (name == "district") {
        return Profile::District;
    }
    return std::nullopt;
}

Result<Catalog> convertCatalog(const SourceCatalog& source, Profile profile) {
    Result<CatalogData> data =
        profile == Profile::Puyang ? detail::buildPuyangHall(source) : detail::buildDistrictHall(source);
    if (!data) {
        return data.error();
    }
    return Catalog::build(std::move(*data));
}

namespace detail {

SourceInfo districtSourceInfo(const SourceCatalog& source) {
    SourceInfo info;
    info.id = std::string(provenanceName(Provenance::DistrictCatalog));
    info.title =
        "四川省广安市广安区政务服务事项目录（四川省一体化政务服务平台公开数据，经 v-luobo/zwfw 整理）";
    info.licence = "Apache-2.0";
    info.file = "resources/catalog-source/district-service-catalog.json";
    info.departments = static_cast<int>(source.departments.size());
    info.items = static_cast<int>(source.itemCount());
    return info;
}

ServiceItem itemFromSource(const SourceItem& source, const SourceGroup& group, const Department& department) {
    ServiceItem item;
    item.code = source.itemCode;
    item.name = source.name;
    item.source = Provenance::DistrictCatalog;
    // The source reader admits only known task types.
    item.category = categoryFromCode(source.taskType).value_or(Category::OtherPower);
    item.department = department.id;
    if (group.name != kUngrouped) {
        item.group = group.name;
        if (group.name != source.name) {
            item.keywords.push_back(group.name);
        }
    }
    for (std::string_view licenceGroup : kLicenceResultGroups) {
        if (group.name == licenceGroup) {
            item.keywords.emplace_back("营业执照");
        }
    }
    applyGuideDefaults(item, department.name);
    return item;
}

std::string queuePrefix(std::size_t index) {
    static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    if (index < kLetters.size()) {
        return std::string(1, kLetters[index]);
    }
    index -= kLetters.size();
    return std::string{kLetters[(index / kLetters.size()) % kLetters.size()],
                       kLetters[index % kLetters.size()]};
}

std::string windowId(int floor, int number) {
    char text[16];
    std::snprintf(text, sizeof text, "%d-%02d", floor, number);
    return text;
}

} // namespace detail

} // namespace hall::catalog
