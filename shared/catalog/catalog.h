#pragma once

#include "protocol/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::catalog {

/// The national category of a service item (the source's taskType). The values are the national codes.
enum class Category : int {
    Licence = 1,        ///< 行政许可
    Payment = 5,        ///< 行政给付
    Confirmation = 7,   ///< 行政确认
    Award = 8,          ///< 行政奖励
    Adjudication = 9,   ///< 行政裁决
    OtherPower = 10,    ///< 其他行政权力 (mostly filings, 备案)
    PublicService = 20, ///< 公共服务
};
inline constexpr Category kAllCategories[] = {
    Category::Licence,      Category::Payment,    Category::Confirmation, Category::Award,
    Category::Adjudication, Category::OtherPower, Category::PublicService};
std::string_view categoryName(Category category);  ///< the file's spelling: "licence", "public-service", ...
std::string_view categoryLabel(Category category); ///< the Chinese name shown to people: "行政许可"
std::optional<Category> categoryFromName(std::string_view name);
std::optional<Category> categoryFromCode(int taskType);

/// How an item is decided: on the spot (即办件) or within a promised number of working days (承诺件).
enum class ItemKind { OnTheSpot, Promised };
std::string_view itemKindName(ItemKind kind); ///< "on-the-spot" / "promised"
std::optional<ItemKind> itemKindFromName(std::string_view name);

/// Where a department or item comes from: the real district catalog, or added by the hall's definition.
enum class Provenance { DistrictCatalog, HallDefined };
std::string_view provenanceName(Provenance source); ///< "district-catalog" / "hall-defined"
std::optional<Provenance> provenanceFromName(std::string_view name);

/// What the applicant brings of a material: the original, a copy, or the original to show and a copy to keep.
enum class MaterialForm { Original, Copy, OriginalAndCopy };
std::string_view materialFormName(MaterialForm form); ///< "original" / "copy" / "original-and-copy"
std::optional<MaterialForm> materialFormFromName(std::string_view name);

/// A staffed counter, or a self-service point (terminals, online-service help desk).
enum class WindowKind { Counter, SelfService };
std::string_view windowKindName(WindowKind kind); ///< "counter" / "self-service"
std::optional<WindowKind> windowKindFromName(std::string_view name);

/// One required material of a service guide.
struct Material {
    std::string name;
    MaterialForm form = MaterialForm::Original;
    int copies = 1;
    bool applicantConfirms = false; ///< the applicant confirms handing it over on the counter tablet
    friend bool operator==(const Material&, const Material&) = default;
};

/// Time limits in working days (Licensing Law Art. 82) and the legal basis of the statutory one.
/// A promised limit never exceeds the statutory one; an on-the-spot item promises 0 days.
struct TimeLimits {
    int statutoryDays = 0;
    int promisedDays = 0;
    std::string basis;
    friend bool operator==(const TimeLimits&, const TimeLimits&) = default;
};

/// A fee in integer fen and its basis (0 fen: free of charge).
struct Fee {
    std::int64_t fen = 0;
    std::string basis;
    friend bool operator==(const Fee&, const Fee&) = default;
};

/// A downloadable form: its title and its file, relative to the hall's resources.
struct Form {
    std::string name;
    std::string file;
    friend bool operator==(const Form&, const Form&) = default;
};

/// Which parts of a service guide are category defaults rather than data from a source.
struct DefaultMarks {
    bool kind = false;
    bool limits = false;
    bool materials = false;
    bool fee = false;
    bool online = false;
    bool any() const { return kind || limits || materials || fee || online; }
    friend bool operator==(const DefaultMarks&, const DefaultMarks&) = default;
};

/// A service item with its guide (办事指南): what a kiosk shows and a window accepts.
struct ServiceItem {
    std::string code; ///< the item code, unique in a hall
    std::string name;
    Provenance source = Provenance::DistrictCatalog;
    Category category = Category::PublicService;
    std::string department;            ///< a Department id
    std::string group;                 ///< the source's group name, empty when none
    std::vector<std::string> keywords; ///< extra search words (group name, result certificate)
    std::vector<std::string> windows;  ///< ids of the windows that handle it, at least one
    ItemKind kind = ItemKind::OnTheSpot;
    TimeLimits limits;
    std::vector<Material> materials;
    Fee fee;
    bool online = false; ///< can be applied for online
    std::vector<Form> forms;
    DefaultMarks defaults;
    friend bool operator==(const ServiceItem&, const ServiceItem&) = default;
};

/// A department with windows in the hall.
struct Department {
    std::string id; ///< "D01"
    std::string name;
    std::string code; ///< the implementing body's code in the source, or a hall-defined "HD-..." code
    Provenance source = Provenance::DistrictCatalog;
    friend bool operator==(const Department&, const Department&) = default;
};

/// One floor of the building and the hall on it.
struct Floor {
    int number = 1;
    std::string name;
    std::string purpose;
    friend bool operator==(const Floor&, const Floor&) = default;
};

/// A numbered window ("2-07": floor 2, window 7) staffed by one department.
struct Window {
    std::string id;
    int floor = 1;
    std::string department;
    std::string name;
    WindowKind kind = WindowKind::Counter;
    friend bool operator==(const Window&, const Window&) = default;
};

/// A ticket queue the kiosk issues numbers for ("A" gives A001, A002, ...), served by windows on one floor.
struct Queue {
    std::string prefix; ///< one or two capital letters, never I or O (they read as 1 and 0)
    std::string name;
    int floor = 1;
    std::vector<std::string> windows;
    friend bool operator==(const Queue&, const Queue&) = default;
};

/// The hall as a whole.
struct HallInfo {
    std::string name;
    std::string profile; ///< the converter profile that made it ("puyang", "district") or "custom"
    std::string areaCode;
    std::string description;
    friend bool operator==(const HallInfo&, const HallInfo&) = default;
};

/// A data source a hall definition was made from, with its counts for the record.
struct SourceInfo {
    std::string id; ///< "district-catalog"
    std::string title;
    std::string licence;
    std::string file;
    int departments = 0;
    int items = 0;
    friend bool operator==(const SourceInfo&, const SourceInfo&) = default;
};

/// A hall definition as plain data, in file order: what a hall file holds and what a store persists.
struct CatalogData {
    HallInfo hall;
    std::vector<SourceInfo> sources;
    std::vector<Floor> floors;
    std::vector<Department> departments;
    std::vector<Window> windows;
    std::vector<Queue> queues;
    std::vector<ServiceItem> items;
    friend bool operator==(const CatalogData&, const CatalogData&) = default;
};

/// One problem in a hall definition: where (a path such as "items[57].limits.statutoryDays") and what.
struct Diagnostic {
    std::string path;
    std::string message;
};

/// Checks ranges, uniqueness and every cross-reference. Empty when the data is a valid hall.
std::vector<Diagnostic> validateCatalog(const CatalogData& data);

/// A validated hall definition with lookups. Immutable; pointers it hands out live as long as it does.
class Catalog {
public:
    /// Validates and indexes. The error lists every problem, one "path: message" per line.
    static Result<Catalog> build(CatalogData data);

    const CatalogData& data() const { return m_data; }
    const HallInfo& hall() const { return m_data.hall; }
    const std::vector<Floor>& floors() const { return m_data.floors; }
    const std::vector<Department>& departments() const { return m_data.departments; }
    const std::vector<Window>& windows() const { return m_data.windows; }
    const std::vector<Queue>& queues() const { return m_data.queues; }
    const std::vector<ServiceItem>& items() const { return m_data.items; }

    const ServiceItem* item(std::string_view code) const;
    const Department* department(std::string_view id) const;
    const Window* window(std::string_view id) const;
    const Queue* queue(std::string_view prefix) const;

    /// The floors an item is handled on, ascending.
    std::vector<int> floorsOfItem(const ServiceItem& item) const;
    /// The items a window handles, in catalog order.
    std::vector<const ServiceItem*> itemsOfWindow(std::string_view windowId) const;
    /// The items a queue's windows handle, in catalog order.
    std::vector<const ServiceItem*> itemsOfQueue(std::string_view prefix) const;
    /// The queues that lead to a window handling the item.
    std::vector<const Queue*> queuesOfItem(std::string_view code) const;
    /// The departments with a window on the floor, in catalog order.
    std::vector<const Department*> departmentsOnFloor(int floor) const;

private:
    explicit Catalog(CatalogData data);

    using Index = std::map<std::string, std::size_t, std::less<>>;
    CatalogData m_data;
    Index m_items;
    Index m_departments;
    Index m_windows;
    Index m_queues;
    std::vector<std::vector<std::size_t>> m_windowItems; ///< per window index: item indexes
};

/// True when `prefix` is a valid queue prefix.
bool isValidQueuePrefix(std::string_view prefix);
/// True when `id` is a window number "F-NN" (floor digit 1-9, two-digit window number).
bool isValidWindowId(std::string_view id);

} // namespace hall::catalog
