#include "catalog/guide_defaults.h"

#include <algorithm>
#include <initializer_list>

namespace hall::catalog {

namespace {

// The Licensing Law is the one general statute on decision periods; the other categories have none, so
// their statutory default borrows its 20 working days and says so.
constexpr std::string_view kLicenceBasis =
    "《中华人民共和国行政许可法》第四十二条：除当场作出决定的外，自受理之日起二十日内作出决定；"
    "第八十二条：期限以工作日计算，不含法定节假日。承诺时限为本厅默认值";
constexpr std::string_view kAnalogyBasis =
    "法律未规定统一办理时限，本厅默认参照《中华人民共和国行政许可法》第四十二条（二十个工作日）；"
    "承诺时限为本厅默认值";
constexpr std::string_view kPublicServiceBasis =
    "公共服务事项无法定办理时限，本厅默认当场办结，最长不超过《中华人民共和国行政许可法》第三十二条"
    "规定的五日受理决定期限";
constexpr std::string_view kLicenceFeeBasis =
    "《中华人民共和国行政许可法》第五十八条：实施行政许可不得收取任何费用，法律、行政法规另有规定的除外";
constexpr std::string_view kNoFeeBasis = "不收费（本厅默认：来源目录未列收费项目）";

bool containsAny(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

Material material(std::string name, MaterialForm form, bool confirms) {
    return Material{std::move(name), form, 1, confirms};
}

std::string applicationForm(Category category) {
    switch (category) {
    case Category::Licence:
        return "行政许可申请书";
    case Category::Payment:
        return "给付申请表";
    case Category::Confirmation:
        return "确认申请表";
    case Category::Award:
        return "奖励申报表";
    case Category::Adjudication:
        return "裁决申请书";
    case Category::OtherPower:
        return "申请（备案）表";
    case Category::PublicService:
        return "业务申请表（窗口提供）";
    }
    return "申请表";
}

} // namespace

CategoryDefaults categoryDefaults(Category category) {
    CategoryDefaults defaults;
    defaults.feeBasis = std::string(kNoFeeBasis);
    switch (category) {
    case Category::Licence:
        defaults.limits = {20, 10, std::string(kLicenceBasis)};
        defaults.feeBasis = std::string(kLicenceFeeBasis);
        break;
    case Category::Payment:
        defaults.limits = {20, 10, std::string(kAnalogyBasis)};
        break;
    case Category::Confirmation:
        defaults.limits = {20, 5, std::string(kAnalogyBasis)};
        break;
    case Category::Award:
    case Category::Adjudication:
        defaults.limits = {20, 15, std::string(kAnalogyBasis)};
        break;
    case Category::OtherPower:
        defaults.limits = {20, 5, std::string(kAnalogyBasis)};
        defaults.online = true;
        break;
    case Category::PublicService:
        defaults.kind = ItemKind::OnTheSpot;
        defaults.limits = {5, 0, std::string(kPublicServiceBasis)};
        defaults.online = true;
        break;
    }
    return defaults;
}

Applicant guessApplicant(std::string_view itemName) {
    return containsAny(itemName, {"企业", "公司", "单位", "机构", "经营", "场所", "学校", "医院", "合作社",
                                  "团体", "项目", "工程", "建设", "药店", "社会组织", "分支", "法人", "站"})
               ? Applicant::Organisation
               : Applicant::Person;
}

std::vector<Material> defaultMaterials(Category category, Applicant applicant,
                                       std::string_view departmentName, std::string_view itemName) {
    std::vector<Material> materials;
    materials.push_back(material(applicationForm(category), MaterialForm::Original, true));
    if (applicant == Applicant::Organisation) {
        materials.push_back(material("营业执照或其他主体资格证明", MaterialForm::Copy, true));
        materials.push_back(material("法定代表人（负责人）身份证明", MaterialForm::Copy, true));
        materials.push_back(material("授权委托书（委托办理时）", MaterialForm::Original, true));
        materials.push_back(material("经办人居民身份证", MaterialForm::Original, false));
        if (containsAny(itemName, {"建设", "工程", "项目"})) {
            materials.push_back(material("建设项目审批（核准、备案）文件", MaterialForm::Copy, true));
        }
    } else {
        materials.push_back(material("申请人居民身份证", MaterialForm::OriginalAndCopy, true));
        if (containsAny(departmentName, {"人社", "医疗保障"})) {
            materials.push_back(material("社会保障卡", MaterialForm::Original, false));
        }
        if (containsAny(itemName, {"户口", "户籍"})) {
            materials.push_back(material("居民户口簿", MaterialForm::Original, false));
        }
    }
    if (category == Category::Adjudication) {
        materials.push_back(material("争议事实及证据材料", MaterialForm::Copy, true));
    }
    return materials;
}

void applyGuideDefaults(ServiceItem& item, std::string_view departmentName) {
    const CategoryDefaults defaults = categoryDefaults(item.category);
    item.kind = defaults.kind;
    item.limits = defaults.limits;
    item.materials = defaultMaterials(item.category, guessApplicant(item.name), departmentName, item.name);
    item.fee = Fee{0, defaults.feeBasis};
    item.online = defaults.online;
    item.defaults = DefaultMarks{true, true, true, true, true};
}

} // namespace hall::catalog
