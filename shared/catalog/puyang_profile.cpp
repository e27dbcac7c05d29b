// The Puyang profile: the Sunshine Building's five floors, filled with the district catalog's names.
//
// Each placement below puts some items of one department on one floor behind its own windows (or behind
// the previous placement's windows), and adds those windows to a queue. Items are taken in the source's
// order, each at most once, by the placement's filters: group names, words in the item name, words that
// exclude, task types, and a limit. Where the building needs a department the source does not have
// (housing fund, real-estate registration, utilities, the e-government office, the trading centre), the
// department and its items are hall-defined and marked so. docs/catalog.md explains the choices.

#include "catalog/converter.h"
#include "catalog/guide_defaults.h"

#include <algorithm>
#include <map>
#include <set>

namespace hall::catalog::detail {

namespace {

using Words = std::vector<std::string_view>;

struct HallDepartment {
    std::string_view name;
    std::string_view code;
};

struct HallItem {
    std::string_view department;
    std::string_view code;
    std::string_view name;
    Category category;
};

struct QueueSpec {
    std::string_view prefix;
    std::string_view name;
    int floor;
};

struct Placement {
    std::string_view department; ///< whose items: a source department's or a hall-defined one's name
    std::string_view staffedBy;  ///< who staffs the windows, when not the department itself
    int floor;
    std::string_view queue;
    int windows; ///< new windows; 0 reuses the previous placement's
    std::string_view windowName;
    WindowKind kind;
    Words groups;  ///< the item's group name contains one of these (empty: any group)
    Words include; ///< the item's name contains one of these (empty: any name)
    Words exclude; ///< the item's name contains none of these
    std::vector<int> taskTypes;
    std::size_t limit;
};

const std::vector<Floor>& floors() {
    static const std::vector<Floor> kFloors = {
        {1, "公共服务大厅", "社会保险、医疗保险、住房公积金、户籍等即办类高频事项"},
        {2, "行政审批大厅", "企业开办、经营许可、社会事业等行政审批事项"},
        {3, "建设项目联合审批大厅", "建设项目立项、规划、许可、验收，一窗受理、并联审批；水电气讯联合报装"},
        {4, "电子政务大厅", "网上办事帮办、电子证照、自助终端"},
        {5, "公共资源交易大厅", "工程建设招标投标、政府采购、土地与产权交易"}};
    return kFloors;
}

const std::vector<HallDepartment>& hallDepartments() {
    static const std::vector<HallDepartment> kDepartments = {{"区住房公积金管理中心", "HD-GJJ"},
                                                             {"区不动产登记中心", "HD-BDC"},
                                                             {"区供水公司", "HD-GS"},
                                                             {"区燃气公司", "HD-RQ"},
                                                             {"区通信运营企业", "HD-TX"},
                                                             {"区政务服务和大数据管理局", "HD-ZWFW"},
                                                             {"区公共资源交易中心", "HD-JY"}};
    return kDepartments;
}

const std::vector<HallItem>& hallItems() {
    static const std::vector<HallItem> kItems = {
        {"区住房公积金管理中心", "HD-GJJ-01", "单位住房公积金缴存登记", Category::PublicService},
        {"区住房公积金管理中心", "HD-GJJ-02", "职工住房公积金账户设立", Category::PublicService},
        {"区住房公积金管理中心", "HD-GJJ-03", "住房公积金汇缴与补缴", Category::PublicService},
        {"区住房公积金管理中心", "HD-GJJ-04", "住房公积金提取（购房、还贷、租房）", Category::PublicService},
        {"区住房公积金管理中心", "HD-GJJ-05", "离退休及出境定居提取住房公积金", Category::PublicService},
        {"区住房公积金管理中心", "HD-GJJ-06", "住房公积金个人住房贷款申请", Category::PublicService},
        {"区住房公积金管理中心", "HD-GJJ-07", "住房公积金异地转移接续", Category::PublicService},
        {"区住房公积金管理中心", "HD-GJJ-08", "住房公积金缴存证明出具", Category::PublicService},
        {"区不动产登记中心", "HD-BDC-01", "国有建设用地使用权首次登记", Category::Confirmation},
        {"区不动产登记中心", "HD-BDC-02", "新建房屋所有权首次登记", Category::Confirmation},
        {"区供水公司", "HD-GS-01", "供水设施竣工接水", Category::PublicService},
        {"区燃气公司", "HD-RQ-01", "燃气工程竣工通气", Category::PublicService},
        {"区通信运营企业", "HD-TX-01", "建设项目通信报装（宽带、专线接入）", Category::PublicService},
        {"区政务服务和大数据管理局", "HD-ZWFW-01", "政务服务网账号注册与实名认证", Category::PublicService},
        {"区政务服务和大数据管理局", "HD-ZWFW-02", "网上办事指导与帮办代办", Category::PublicService},
        {"区政务服务和大数据管理局", "HD-ZWFW-03", "电子证照申领与查询", Category::PublicService},
        {"区政务服务和大数据管理局", "HD-ZWFW-04", "办件进度查询", Category::PublicService},
        {"区政务服务和大数据管理局", "HD-ZWFW-05", "自助终端证明打印", Category::PublicService},
        {"区政务服务和大数据管理局", "HD-ZWFW-06", "政务服务“好差评”评价与投诉受理", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-01", "工程建设项目招标投标进场交易登记", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-02", "政府采购项目进场交易登记", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-03", "国有建设用地使用权出让交易", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-04", "国有产权交易", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-05", "矿业权出让交易", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-06", "开标评标场地预约", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-07", "交易市场主体信息登记", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-08", "交易数字证书（CA）办理", Category::PublicService},
        {"区公共资源交易中心", "HD-JY-09", "交易档案查询与交易见证", Category::PublicService}};
    return kItems;
}

const std::vector<QueueSpec>& queueSpecs() {
    static const std::vector<QueueSpec> kQueues = {
        {"A", "社会保险", 1},           {"B", "医疗保险", 1},           {"C", "住房公积金", 1},
        {"D", "户籍与证件", 1},         {"E", "婚姻登记与社会救助", 1}, {"F", "税务", 1},
        {"G", "企业开办", 2},           {"H", "经营许可", 2},           {"J", "社会事业", 2},
        {"K", "交通农林与商贸", 2},     {"L", "立项与用地规划", 3},     {"M", "工程建设许可", 3},
        {"N", "施工许可与竣工验收", 3}, {"P", "水电气讯报装", 3},       {"Q", "网上办事与自助服务", 4},
        {"R", "交易服务", 5},           {"S", "信息发布与保证金", 5}};
    return kQueues;
}

const std::vector<Placement>& placements() {
    using K = WindowKind;
    static const std::vector<Placement> kPlacements = {
        // Floor 1: quick, high-volume items for people.
        {"区人社局",
         {},
         1,
         "A",
         4,
         "社会保险窗口",
         K::Counter,
         {},
         {"社会保障卡申领", "社会保障卡挂失", "社会保障卡解挂", "社会保障卡密码", "企业职工参保登记",
          "城乡居民基本养老保险参保登记", "正常退休", "失业保险金", "就业登记", "养老保险关系转移",
          "工伤保险待遇", "养老保险定期待遇领取资格认证"},
         {"机关事业单位", "电子社会保障卡"},
         {},
         14},
        {"区医疗保障局",
         {},
         1,
         "B",
         3,
         "医疗保险窗口",
         K::Counter,
         {},
         {},
         {"定点", "医保电子凭证", "结算", "协议", "参保信息查询"},
         {},
         10},
        {"区住房公积金管理中心", {}, 1, "C", 2, "住房公积金窗口", K::Counter, {}, {}, {}, {}, 8},
        {"区公安分局",
         {},
         1,
         "D",
         3,
         "户籍与证件窗口",
         K::Counter,
         {},
         {"户口", "身份证", "居住证", "证明"},
         {"易制毒", "运输", "爆炸", "被拐", "弃婴", "非正常死亡"},
         {},
         14},
        {"区民政局",
         {},
         1,
         "E",
         2,
         "婚姻登记与社会救助窗口",
         K::Counter,
         {},
         {"婚", "收养", "最低生活保障", "临时救助", "特困", "高龄津贴"},
         {},
         {},
         8},
        {"广安区税务局",
         {},
         1,
         "F",
         2,
         "税务窗口",
         K::Counter,
         {},
         {"无欠税证明", "个人所得税纳税记录", "税收完税证明", "发票领用", "发票遗失", "税务证件增补发"},
         {},
         {},
         6},
        // Floor 2: company registration, licences, social affairs.
        {"区行政审批局",
         {},
         2,
         "G",
         6,
         "企业开办窗口",
         K::Counter,
         {"企业设立、变更、注销登记", "个体工商户注册、变更、注销登记", "农民专业合作社设立、变更、注销登记",
          "股权出质登记"},
         {},
         {},
         {},
         48},
        {"区市监局", {}, 2, "G", 1, "市场监管窗口", K::Counter, {}, {"食品小", "核查"}, {}, {}, 8},
        {"区行政审批局",
         {},
         2,
         "H",
         6,
         "经营许可窗口",
         K::Counter,
         {"食品（含保健食品）经营许可", "仅销售预包装食品", "公共场所卫生许可", "饮用水供水单位卫生许可",
          "医疗机构执业登记", "护士执业注册", "医师执业注册", "娱乐", "互联网上网服务", "出版物零售",
          "营业性演出", "劳务派遣经营许可", "人力资源服务许可"},
         {},
         {},
         {},
         40},
        {"区教科体局",
         {},
         2,
         "J",
         1,
         "教育体育窗口",
         K::Counter,
         {},
         {"教师资格", "入学", "运动员"},
         {"咨询", "查询"},
         {},
         4},
        {"区司法局", {}, 2, "J", 1, "司法行政窗口", K::Counter, {}, {}, {}, {1, 5}, 3},
        {"区卫健局",
         {},
         2,
         "J",
         1,
         "卫生健康窗口",
         K::Counter,
         {},
         {"出生医学证明", "预防接种", "老年人优待证", "放射工作人员"},
         {},
         {},
         4},
        {"区文广旅局",
         {},
         2,
         "J",
         1,
         "文化旅游窗口",
         K::Counter,
         {},
         {"艺术品经营单位", "旅行社"},
         {},
         {},
         3},
        {"区统计局", {}, 2, "J", 1, "统计窗口", K::Counter, {}, {}, {}, {}, 1},
        {"区委统战部", {}, 2, "J", 1, "民族宗教窗口", K::Counter, {}, {}, {}, {}, 2},
        {"区残联", {}, 2, "J", 1, "残疾人服务窗口", K::Counter, {}, {"残疾人证"}, {}, {}, 4},
        {"区退役军人事务局", {}, 2, "J", 1, "退役军人服务窗口", K::Counter, {}, {}, {}, {}, 3},
        {"区财政局", {}, 2, "J", 1, "财政窗口", K::Counter, {}, {"会计", "免税"}, {"查询"}, {}, 2},
        {"区农业农村局",
         {},
         2,
         "K",
         1,
         "农业农村窗口",
         K::Counter,
         {},
         {"养蜂证", "检疫", "兽医"},
         {},
         {},
         3},
        {"区商务局", {}, 2, "K", 1, "商务窗口", K::Counter, {}, {}, {}, {}, 2},
        {"区烟草专卖局", {}, 2, "K", 1, "烟草专卖窗口", K::Counter, {}, {"新办", "延续", "变更"}, {}, {}, 3},
        {"区林业局", {}, 2, "K", 1, "林业窗口", K::Counter, {}, {"林木采伐", "野外用火"}, {}, {}, 2},
        {"区交通运输局",
         {},
         2,
         "K",
         1,
         "道路运输窗口",
         K::Counter,
         {},
         {"道路运输证", "出租汽车道路运输证"},
         {},
         {},
         4},
        {"区综合执法局",
         {},
         2,
         "K",
         1,
         "城市管理窗口",
         K::Counter,
         {},
         {"便民服务摊点", "户外招牌"},
         {},
         {},
         2},
        // Floor 3: construction projects, one window per stage and the departments behind it.
        {"区发改局", {}, 3, "L", 1, "项目立项窗口", K::Counter, {}, {"企业投资项目备案"}, {}, {}, 1},
        {"区经信局", {}, 3, "L", 1, "技术改造项目备案窗口", K::Counter, {}, {}, {}, {}, 1},
        {"区自然资源和规划局",
         {},
         3,
         "L",
         2,
         "用地规划窗口",
         K::Counter,
         {},
         {"用地预审与选址意见书", "建设用地规划许可", "建设用地（含临时用地）规划许可证核发",
          "建设工程（含临时建设）规划许可证核发", "设计方案审定", "竣工规划土地核实"},
         {},
         {},
         6},
        {"区生态环境局", {}, 3, "M", 1, "环境影响评价窗口", K::Counter, {}, {"环境影响"}, {}, {}, 2},
        {"区水务局", {}, 3, "M", 1, "水土保持与涉水审批窗口", K::Counter, {}, {"水土保持方案"}, {}, {}, 2},
        {"区气象局", {}, 3, "M", 1, "防雷审批窗口", K::Counter, {}, {"雷电防护"}, {}, {}, 2},
        {"区应急管理局",
         {},
         3,
         "M",
         1,
         "安全设施审查窗口",
         K::Counter,
         {},
         {"安全设施设计", "建设项目"},
         {},
         {},
         2},
        {"区政府办",
         {},
         3,
         "M",
         1,
         "人防审批窗口",
         K::Counter,
         {},
         {"人防工程设计审查", "易地建设费", "人民防空要求"},
         {},
         {},
         3},
        {"区行政审批局",
         {},
         3,
         "M",
         1,
         "涉路施工与占道审批窗口",
         K::Counter,
         {},
         {"临时性建筑物", "平面交叉道口", "户外广告", "洪水影响评价"},
         {},
         {},
         4},
        {"区交通运输局", {}, 3, "M", 1, "公路工程窗口", K::Counter, {}, {"公路工程"}, {}, {}, 1},
        {"区林业局", {}, 3, "M", 1, "使用林地审批窗口", K::Counter, {}, {"占用林地"}, {"经营单位"}, {}, 1},
        {"区住建局",
         {},
         3,
         "N",
         2,
         "施工许可窗口",
         K::Counter,
         {},
         {"建筑工程施工许可证核发", "施工图设计文件审查", "特殊建设工程消防", "建设工程质量监督备案",
          "建设工程竣工验收备案"},
         {},
         {},
         6},
        {"区消防大队", {}, 3, "N", 1, "消防安全检查窗口", K::Counter, {}, {}, {}, {}, 1},
        {"区委办", {}, 3, "N", 1, "建设项目档案验收窗口", K::Counter, {}, {"重点建设项目"}, {}, {}, 1},
        {"区不动产登记中心", {}, 3, "N", 1, "不动产首次登记窗口", K::Counter, {}, {}, {}, {}, 2},
        {"区发改局", {}, 3, "P", 1, "供电报装窗口", K::Counter, {}, {"供电报装"}, {}, {}, 1},
        {"区住建局", "区供水公司", 3, "P", 1, "供水报装窗口", K::Counter, {}, {"供水报装"}, {}, {}, 1},
        {"区供水公司", {}, 3, "P", 0, {}, K::Counter, {}, {}, {}, {}, 1},
        {"区住建局", "区燃气公司", 3, "P", 1, "燃气报装窗口", K::Counter, {}, {"供气报装"}, {}, {}, 1},
        {"区燃气公司", {}, 3, "P", 0, {}, K::Counter, {}, {}, {}, {}, 1},
        {"区通信运营企业", {}, 3, "P", 1, "通信报装窗口", K::Counter, {}, {}, {}, {}, 1},
        // Floor 4: online services; the electronic credentials of two floor-1 departments live here.
        {"区政务服务和大数据管理局", {}, 4, "Q", 1, "网上办事帮办窗口", K::Counter, {}, {}, {}, {}, 6},
        {"区人社局",
         "区政务服务和大数据管理局",
         4,
         "Q",
         2,
         "自助服务区",
         K::SelfService,
         {},
         {"电子社会保障卡"},
         {},
         {},
         1},
        {"区医疗保障局",
         "区政务服务和大数据管理局",
         4,
         "Q",
         0,
         {},
         K::SelfService,
         {},
         {"医保电子凭证", "参保信息查询"},
         {},
         {},
         3},
        // Floor 5: the trading centre and its regulator.
        {"区公共资源交易中心", {}, 5, "R", 3, "交易服务窗口", K::Counter, {}, {}, {}, {}, 9},
        {"区公管办", {}, 5, "S", 1, "信息发布与保证金窗口", K::Counter, {}, {}, {}, {}, 3}};
    return kPlacements;
}

bool containsAny(std::string_view text, const Words& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

bool selects(const Placement& placement, const SourceGroup& group, const SourceItem& item) {
    if (!placement.groups.empty() && !containsAny(group.name, placement.groups)) {
        return false;
    }
    if (!placement.include.empty() && !containsAny(item.name, placement.include)) {
        return false;
    }
    if (containsAny(item.name, placement.exclude)) {
        return false;
    }
    return placement.taskTypes.empty() || std::find(placement.taskTypes.begin(), placement.taskTypes.end(),
                                                    item.taskType) != placement.taskTypes.end();
}

const HallDepartment* hallDepartment(std::string_view name) {
    for (const HallDepartment& department : hallDepartments()) {
        if (department.name == name) {
            return &department;
        }
    }
    return nullptr;
}

} // namespace

Result<CatalogData> buildPuyangHall(const SourceCatalog& source) {
    CatalogData data;
    data.hall.name = "濮阳阳光大厦式政务服务中心（示范大厅）";
    data.hall.profile = "puyang";
    data.hall.areaCode = "511602000000";
    data.hall.description =
        "按濮阳阳光大厦的五层结构布置：一楼公共服务、二楼行政审批、三楼建设项目联合审批、四楼电子政务、"
        "五楼公共资源交易。部门与事项名称、编码、类别取自广安区政务服务事项目录；目录中没有的部门和事项"
        "标为 hall-defined。";
    data.sources.push_back(districtSourceInfo(source));
    data.floors = floors();

    // Departments get ids in the order the placements first name them.
    std::map<std::string, std::size_t, std::less<>> departmentIndex;
    const auto ensureDepartment = [&](std::string_view name) -> Result<std::size_t> {
        const auto found = departmentIndex.find(name);
        if (found != departmentIndex.end()) {
            return found->second;
        }
        Department department;
        department.name = std::string(name);
        if (const HallDepartment* defined = hallDepartment(name)) {
            department.code = std::string(defined->code);
            department.source = Provenance::HallDefined;
        } else if (const SourceDepartment* sourceDepartment = source.department(name)) {
            department.code = sourceDepartment->mainDeptCode();
            department.source = Provenance::DistrictCatalog;
        } else {
            return Error{ErrorCode::NotFound,
                         "the source catalog has no department named " + std::string(name)};
        }
        const std::size_t index = data.departments.size();
        const std::string number = std::to_string(index + 1);
        department.id = "D" + std::string(number.size() < 2 ? 1 : 0, '0') + number;
        data.departments.push_back(std::move(department));
        departmentIndex.emplace(std::string(name), index);
        return index;
    };

    std::map<int, int> nextWindow;
    std::map<std::string, std::vector<std::string>, std::less<>> queueWindows;
    std::set<std::string> taken;
    std::vector<std::string> windowIds;
    for (const Placement& placement : placements()) {
        Result<std::size_t> owner = ensureDepartment(placement.department);
        if (!owner) {
            return owner.error();
        }
        Result<std::size_t> staff =
            ensureDepartment(placement.staffedBy.empty() ? placement.department : placement.staffedBy);
        if (!staff) {
            return staff.error();
        }
        if (placement.windows > 0) {
            windowIds.clear();
            for (int w = 0; w < placement.windows; ++w) {
                int& number = nextWindow.try_emplace(placement.floor, 1).first->second;
                const std::string id = windowId(placement.floor, number++);
                data.windows.push_back({id, placement.floor, data.departments[*staff].id,
                                        std::string(placement.windowName), placement.kind});
                windowIds.push_back(id);
            }
        }
        std::vector<std::string>& queue = queueWindows[std::string(placement.queue)];
        for (const std::string& id : windowIds) {
            if (std::find(queue.begin(), queue.end(), id) == queue.end()) {
                queue.push_back(id);
            }
        }

        const Department& department = data.departments[*owner];
        std::size_t count = 0;
        if (department.source == Provenance::HallDefined) {
            for (const HallItem& defined : hallItems()) {
                if (defined.department != placement.department || count == placement.limit ||
                    !taken.insert(std::string(defined.code)).second) {
                    continue;
                }
                ServiceItem item;
                item.code = std::string(defined.code);
                item.name = std::string(defined.name);
                item.source = Provenance::HallDefined;
                item.category = defined.category;
                item.department = department.id;
                applyGuideDefaults(item, department.name);
                item.windows = windowIds;
                data.items.push_back(std::move(item));
                ++count;
            }
            continue;
        }
        const SourceDepartment& sourceDepartment = *source.department(placement.department);
        for (const SourceGroup& group : sourceDepartment.groups) {
            for (const SourceItem& sourceItem : group.items) {
                if (count == placement.limit || taken.count(sourceItem.itemCode) != 0 ||
                    !selects(placement, group, sourceItem)) {
                    continue;
                }
                taken.insert(sourceItem.itemCode);
                ServiceItem item = itemFromSource(sourceItem, group, department);
                item.windows = windowIds;
                data.items.push_back(std::move(item));
                ++count;
            }
        }
    }

    for (const QueueSpec& spec : queueSpecs()) {
        data.queues.push_back({std::string(spec.prefix), std::string(spec.name), spec.floor,
                               queueWindows[std::string(spec.prefix)]});
    }
    return data;
}

} // namespace hall::catalog::detail
