// The district profile: every department and item of the source as a hall of three floors.
//
// Rule (docs/catalog.md, "District profile"):
// - A department's floor follows its largest share of items: public services and payments -> floor 1,
//   licences -> floor 2, the other administrative powers (confirmation, award, adjudication, other) ->
//   floor 3. A tie goes to the lower floor.
// - On each floor, departments keep the source's order; each gets ceil(items / 40) windows, numbered on
//   from 01, and its items (in source order) are cut into equal consecutive runs, one per window.
// - Each department gets one queue; prefixes run A..Z without I and O, then AA, AB, ...

#include "catalog/converter.h"

#include <array>

namespace hall::catalog::detail {

namespace {

constexpr std::size_t kItemsPerWindow = 40;

int floorOf(const SourceDepartment& department) {
    std::array<std::size_t, 3> shares{};
    for (const SourceGroup& group : department.groups) {
        for (const SourceItem& item : group.items) {
            const Category category = categoryFromCode(item.taskType).value_or(Category::OtherPower);
            if (category == Category::PublicService || category == Category::Payment) {
                ++shares[0];
            } else if (category == Category::Licence) {
                ++shares[1];
            } else {
                ++shares[2];
            }
        }
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < shares.size(); ++i) {
        if (shares[i] > shares[best]) {
            best = i;
        }
    }
    return static_cast<int>(best) + 1;
}

std::string departmentId(std::size_t index) {
    std::string number = std::to_string(index + 1);
    return "D" + std::string(number.size() < 2 ? 2 - number.size() : 0, '0') + number;
}

} // namespace

Result<CatalogData> buildDistrictHall(const SourceCatalog& source) {
    CatalogData data;
    data.hall.name = "广安区政务服务中心（区级目录全量）";
    data.hall.profile = "district";
    data.hall.areaCode = source.departments.empty() || source.departments.front().groups.empty() ||
                                 source.departments.front().groups.front().items.empty()
                             ? std::string()
                             : source.departments.front().groups.front().items.front().areaCode;
    data.hall.description =
        "区级政务服务事项目录的全部部门与事项；部门按其事项的主要类别分层，窗口与取号队列按规则生成。";
    data.sources.push_back(districtSourceInfo(source));
    data.floors = {{1, "公共服务厅", "以公共服务、行政给付为主的部门"},
                   {2, "行政许可厅", "以行政许可为主的部门"},
                   {3, "行政确认与其他权力厅", "以行政确认、奖励、裁决及其他行政权力为主的部门"}};

    std::vector<int> floors;
    for (std::size_t d = 0; d < source.departments.size(); ++d) {
        const SourceDepartment& department = source.departments[d];
        data.departments.push_back(
            {departmentId(d), department.name, department.mainDeptCode(), Provenance::DistrictCatalog});
        floors.push_back(floorOf(department));
    }

    std::array<int, 4> nextWindow{1, 1, 1, 1};
    std::size_t queueIndex = 0;
    for (int floor = 1; floor <= 3; ++floor) {
        for (std::size_t d = 0; d < source.departments.size(); ++d) {
            if (floors[d] != floor) {
                continue;
            }
            const SourceDepartment& department = source.departments[d];
            const Department& hallDepartment = data.departments[d];
            const std::size_t count = department.itemCount();
            if (count == 0) {
                continue;
            }
            const std::size_t windowCount = (count + kItemsPerWindow - 1) / kItemsPerWindow;
            if (nextWindow[floor] + static_cast<int>(windowCount) > 100) {
                return Error{ErrorCode::InvalidArgument,
                             "floor " + std::to_string(floor) + " would need more than 99 windows"};
            }
            Queue queue{queuePrefix(queueIndex++), department.name, floor, {}};
            std::vector<std::string> windowIds;
            for (std::size_t w = 0; w < windowCount; ++w) {
                const std::string id = windowId(floor, nextWindow[floor]++);
                const std::string name = windowCount == 1 ? department.name + "窗口"
                                                          : department.name + "窗口" + std::to_string(w + 1);
                data.windows.push_back({id, floor, hallDepartment.id, name, WindowKind::Counter});
                windowIds.push_back(id);
                queue.windows.push_back(id);
            }
            data.queues.push_back(std::move(queue));
            // Equal consecutive runs: the first (count % windows) windows take one item more.
            const std::size_t base = count / windowCount;
            const std::size_t extra = count % windowCount;
            std::size_t position = 0;
            for (const SourceGroup& group : department.groups) {
                for (const SourceItem& item : group.items) {
                    std::size_t window = 0;
                    std::size_t boundary = base + (extra > 0 ? 1 : 0);
                    while (position >= boundary) {
                        ++window;
                        boundary += base + (window < extra ? 1 : 0);
                    }
                    ServiceItem hallItem = itemFromSource(item, group, hallDepartment);
                    hallItem.windows = {windowIds[window]};
                    data.items.push_back(std::move(hallItem));
                    ++position;
                }
            }
        }
    }
    return data;
}

} // namespace hall::catalog::detail
