// The converter: the district profile keeps every department and item of the source, the Puyang profile
// builds the five-floor hall, both regenerate the committed hall files byte for byte.
#include "catalog/catalog_json.h"
#include "catalog/converter.h"
#include "catalog_test_support.h"

#include <boost/json.hpp>

#include <QTest>

#include <map>
#include <set>

using namespace hall::catalog;

namespace {

// The source read directly with Boost.JSON, independent of the reader under test.
struct RawSource {
    std::size_t departments = 0;
    std::map<std::string, std::pair<std::string, int>> items; // code -> name, taskType
    std::map<int, std::size_t> perTaskType;
    std::size_t itemEntries = 0;
};

RawSource readRawSource() {
    RawSource raw;
    const boost::json::value root = boost::json::parse(catalog_test::readText(catalog_test::sourcePath()));
    for (const auto& department : root.as_array()) {
        ++raw.departments;
        for (const auto& group : department.at("groups").as_array()) {
            for (const auto& item : group.at("items").as_array()) {
                const int taskType = static_cast<int>(item.at("taskType").as_int64());
                raw.items[std::string(item.at("itemCode").as_string())] = {
                    std::string(item.at("name").as_string()), taskType};
                ++raw.perTaskType[taskType];
                ++raw.itemEntries;
            }
        }
    }
    return raw;
}

SourceCatalog loadSource() {
    hall::Result<SourceCatalog> source = loadSourceCatalogFile(catalog_test::sourcePath());
    if (!source) {
        qFatal("%s", source.error().message.c_str());
    }
    return std::move(*source);
}

} // namespace

class TestCatalogConvert : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sourceReaderCountsMatchTheFile() {
        const RawSource raw = readRawSource();
        const SourceCatalog source = loadSource();
        QCOMPARE(source.departments.size(), raw.departments);
        QCOMPARE(source.itemCount(), raw.itemEntries);
        QCOMPARE(raw.departments, std::size_t(34));
        QCOMPARE(raw.itemEntries, std::size_t(1135));
    }

    void districtProfileKeepsEverything() {
        const RawSource raw = readRawSource();
        hall::Result<Catalog> catalog = convertCatalog(loadSource(), Profile::District);
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : catalog.error().message.c_str());
        QCOMPARE(catalog->departments().size(), raw.departments);
        QCOMPARE(catalog->items().size(), raw.items.size());
        std::map<int, std::size_t> perTaskType;
        for (const ServiceItem& item : catalog->items()) {
            const auto found = raw.items.find(item.code);
            QVERIFY2(found != raw.items.end(), item.code.c_str());
            QCOMPARE(item.name, found->second.first);
            QCOMPARE(static_cast<int>(item.category), found->second.second);
            QCOMPARE(item.source, Provenance::DistrictCatalog);
            ++perTaskType[static_cast<int>(item.category)];
        }
        QCOMPARE(perTaskType, raw.perTaskType);
        QCOMPARE(catalog->data().sources.size(), std::size_t(1));
        QCOMPARE(catalog->data().sources[0].items, 1135);
        QCOMPARE(catalog->data().sources[0].departments, 34);
    }

    void districtProfileFollowsItsFloorRule() {
        hall::Result<Catalog> catalog = convertCatalog(loadSource(), Profile::District);
        QVERIFY(catalog.ok());
        // Every department sits on one floor, behind one queue, and holds all its items there.
        for (const Department& department : catalog->departments()) {
            std::set<int> floors;
            for (const Window& window : catalog->windows()) {
                if (window.department == department.id) {
                    floors.insert(window.floor);
                }
            }
            QCOMPARE(floors.size(), std::size_t(1));
            std::size_t queues = 0;
            for (const Queue& queue : catalog->queues()) {
                queues += queue.name == department.name ? 1 : 0;
            }
            QCOMPARE(queues, std::size_t(1));
        }
        // 区医疗保障局 has public services only, 区烟草专卖局 licences only, 区委办 other powers only.
        const auto floorOf = [&](const std::string& name) {
            for (const Department& department : catalog->departments()) {
                for (const Window& window : catalog->windows()) {
                    if (department.name == name && window.department == department.id) {
                        return window.floor;
                    }
                }
            }
            return 0;
        };
        QCOMPARE(floorOf("区医疗保障局"), 1);
        QCOMPARE(floorOf("区烟草专卖局"), 2);
        QCOMPARE(floorOf("区委办"), 3);
    }

    void puyangHasTheBuildingsShape() {
        hall::Result<Catalog> converted = convertCatalog(loadSource(), Profile::Puyang);
        QVERIFY2(converted.ok(), converted.ok() ? "" : converted.error().message.c_str());
        const Catalog& catalog = *converted;
        QCOMPARE(catalog.departments().size(), std::size_t(41));
        QCOMPARE(catalog.floors().size(), std::size_t(5));
        QCOMPARE(catalog.departmentsOnFloor(1).size(), std::size_t(6));
        QCOMPARE(catalog.departmentsOnFloor(2).size(), std::size_t(17));
        QCOMPARE(catalog.departmentsOnFloor(3).size(), std::size_t(18));
        QVERIFY(!catalog.departmentsOnFloor(4).empty());
        QVERIFY(!catalog.departmentsOnFloor(5).empty());
        QVERIFY(catalog.items().size() >= 240 && catalog.items().size() <= 280);

        std::set<std::string> floorNumbers;
        for (const Floor& floor : catalog.floors()) {
            floorNumbers.insert(std::to_string(floor.number));
        }
        for (const Window& window : catalog.windows()) {
            QVERIFY2(floorNumbers.count(std::to_string(window.floor)) == 1, window.id.c_str());
            QCOMPARE(window.id.substr(0, 1), std::to_string(window.floor));
        }
        for (const ServiceItem& item : catalog.items()) {
            QVERIFY2(!item.windows.empty(), item.code.c_str());
            for (const std::string& id : item.windows) {
                QVERIFY2(catalog.window(id) != nullptr, id.c_str());
            }
            QVERIFY2(!catalog.queuesOfItem(item.code).empty(), item.code.c_str());
        }
        for (const Queue& queue : catalog.queues()) {
            QVERIFY2(!queue.windows.empty(), queue.prefix.c_str());
            QVERIFY2(!catalog.itemsOfQueue(queue.prefix).empty(), queue.prefix.c_str());
            for (const std::string& id : queue.windows) {
                QCOMPARE(catalog.window(id)->floor, queue.floor);
            }
        }
        for (const Window& window : catalog.windows()) {
            QVERIFY2(!catalog.itemsOfWindow(window.id).empty(), window.id.c_str());
        }
    }

    void puyangMarksWhatTheHallAdded() {
        const RawSource raw = readRawSource();
        hall::Result<Catalog> catalog = convertCatalog(loadSource(), Profile::Puyang);
        QVERIFY(catalog.ok());
        std::size_t hallDefined = 0;
        for (const ServiceItem& item : catalog->items()) {
            const auto found = raw.items.find(item.code);
            if (item.source == Provenance::DistrictCatalog) {
                QVERIFY2(found != raw.items.end(), item.code.c_str());
                QCOMPARE(item.name, found->second.first);
                QCOMPARE(static_cast<int>(item.category), found->second.second);
            } else {
                QVERIFY2(found == raw.items.end(), item.code.c_str());
                QVERIFY(item.code.rfind("HD-", 0) == 0);
                ++hallDefined;
            }
        }
        QVERIFY(hallDefined > 0 && hallDefined < catalog->items().size() / 5);
        std::size_t hallDepartments = 0;
        for (const Department& department : catalog->departments()) {
            if (department.source == Provenance::HallDefined) {
                ++hallDepartments;
                QVERIFY(department.code.rfind("HD-", 0) == 0);
            }
        }
        QCOMPARE(hallDepartments, std::size_t(41 - 34));
    }

    void committedFilesRegenerateByteForByte() {
        const SourceCatalog source = loadSource();
        hall::Result<Catalog> puyang = convertCatalog(source, Profile::Puyang);
        hall::Result<Catalog> district = convertCatalog(source, Profile::District);
        QVERIFY(puyang.ok() && district.ok());
        QVERIFY(serializeCatalog(puyang->data()) == catalog_test::readText(catalog_test::puyangPath()));
        QVERIFY(serializeCatalog(district->data()) == catalog_test::readText(catalog_test::districtPath()));
    }

    void committedFilesLoadAsTheyWereBuilt() {
        const SourceCatalog source = loadSource();
        hall::Result<Catalog> converted = convertCatalog(source, Profile::Puyang);
        hall::Result<Catalog> loaded = loadCatalogFile(catalog_test::puyangPath());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(loaded->data() == converted->data());
    }

    void aSourceWithoutAPlacedDepartmentFails() {
        SourceCatalog source = loadSource();
        std::erase_if(source.departments, [](const SourceDepartment& d) { return d.name == "区公管办"; });
        hall::Result<Catalog> catalog = convertCatalog(source, Profile::Puyang);
        QVERIFY(!catalog.ok());
        QCOMPARE(catalog.error().code, hall::ErrorCode::NotFound);
        QVERIFY(catalog.error().message.find("区公管办") != std::string::npos);
    }

    void queuePrefixesSkipIAndO() {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < 60; ++i) {
            const std::string prefix = detail::queuePrefix(i);
            QVERIFY2(isValidQueuePrefix(prefix), prefix.c_str());
            QVERIFY(seen.insert(prefix).second);
        }
        QCOMPARE(detail::queuePrefix(0), std::string("A"));
        QCOMPARE(detail::queuePrefix(8), std::string("J"));
        QCOMPARE(detail::queuePrefix(24), std::string("AA"));
    }
};

QTEST_APPLESS_MAIN(TestCatalogConvert)
#include "tst_catalog_convert.moc"
