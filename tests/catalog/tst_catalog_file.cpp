// Hall files: round trips, errors that name the line and the field, and the catalog command line
// (convert, validate, stats, search, import, export) with its all-or-nothing writes.
#include "../../tools/hallctl/command.h"
#include "catalog/catalog_cli.h"
#include "catalog/catalog_json.h"
#include "catalog_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <sstream>

namespace hallctl {
extern const Command kCatalogCommand;
}

using namespace hall::catalog;

namespace {

CatalogData puyangData() {
    hall::Result<Catalog> catalog = loadCatalogFile(catalog_test::puyangPath());
    if (!catalog) {
        qFatal("%s", catalog.error().message.c_str());
    }
    return catalog->data();
}

// The 1-based line of the n-th (0-based) occurrence of `needle`, and its offset.
std::pair<std::size_t, std::size_t> findNth(const std::string& text, const std::string& needle, std::size_t n,
                                            std::size_t from = 0) {
    std::size_t offset = text.find(needle, from);
    for (std::size_t i = 0; i < n && offset != std::string::npos; ++i) {
        offset = text.find(needle, offset + 1);
    }
    if (offset == std::string::npos) {
        qFatal("needle not found");
    }
    return {
        static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n')) +
            1,
        offset};
}

std::string errorOf(const std::string& text) {
    hall::Result<Catalog> catalog = parseCatalog(text, "hall.json");
    return catalog.ok() ? std::string("(no error)") : catalog.error().message;
}

bool mentions(const std::string& message, const std::string& expected) {
    if (message.find(expected) != std::string::npos) {
        return true;
    }
    qWarning("expected \"%s\" in:\n%s", expected.c_str(), message.c_str());
    return false;
}

int runCli(const std::vector<std::string>& args, std::string* out = nullptr, std::string* err = nullptr) {
    std::ostringstream outStream;
    std::ostringstream errStream;
    const int code = runCatalogCli(args, outStream, errStream);
    if (out) {
        *out = outStream.str();
    }
    if (err) {
        *err = errStream.str();
    }
    return code;
}

} // namespace

class TestCatalogFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField() {
        CatalogData data = puyangData();
        ServiceItem& item = data.items.front();
        item.fee = {2000, "按规定标准收取工本费"};
        item.forms = {{"申请表", "forms/apply.docx"}};
        item.defaults.fee = false;
        item.materials.push_back({"照片", MaterialForm::Original, 2, false});
        const std::string text = serializeCatalog(data);
        hall::Result<Catalog> parsed = parseCatalog(text, "hall.json");
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QVERIFY(parsed->data() == data);
        QCOMPARE(serializeCatalog(parsed->data()), text);
    }

    void syntaxErrorNamesLineAndColumn() {
        const std::string message =
            errorOf("{\n  \"format\": \"sunshine-hall-catalog\"\n  \"version\": 1\n}\n");
        QVERIFY(mentions(message, "hall.json:3:3: not valid JSON"));
    }

    void badNumberNamesLineAndField() {
        std::string text = serializeCatalog(puyangData());
        const auto [line, offset] = findNth(text, "\"statutoryDays\": ", 57);
        const std::size_t value = offset + std::string("\"statutoryDays\": ").size();
        text.replace(value, text.find_first_not_of("0123456789", value) - value, "-3");
        QVERIFY(mentions(errorOf(text), "hall.json:" + std::to_string(line) +
                                            ": items[57].limits.statutoryDays: must be a whole number ≥ 0"));
        text.replace(value, 2, "2.5");
        QVERIFY(mentions(errorOf(text), "items[57].limits.statutoryDays: must be a whole number ≥ 0"));
    }

    void missingAndUnknownFieldsAreNamed() {
        std::string text = serializeCatalog(puyangData());
        const auto [itemLine, itemOffset] = findNth(text, "\"code\": ", 10, text.find("\"items\": ["));
        const std::size_t kindOffset = text.find("\"kind\": \"", itemOffset);
        text.replace(kindOffset, std::string("\"kind\": \"").size(), "\"colour\": \"");
        const std::string message = errorOf(text);
        QVERIFY(mentions(message, "items[10].kind: is missing"));
        QVERIFY(mentions(message, "items[10].colour: is not a known field"));
        // A missing field is reported at the object that lacks it: the line before the item's code.
        QVERIFY(mentions(message, "hall.json:" + std::to_string(itemLine - 1) + ": items[10].kind"));
    }

    void duplicateKeysAreRefused() {
        std::string text = serializeCatalog(puyangData());
        const auto [line, offset] = findNth(text, "\"online\": ", 2);
        text.insert(offset, "\"online\": false, ");
        QVERIFY(mentions(errorOf(text),
                         "hall.json:" + std::to_string(line) + ": items[2].online: appears twice"));
    }

    void crossReferencesAreChecked() {
        CatalogData data = puyangData();
        data.items[3].windows = {"9-99"};
        data.items[4].code = data.items[5].code;
        data.items[6].limits.promisedDays = data.items[6].limits.statutoryDays + 1;
        data.items[7].department = "D99";
        data.queues[0].windows = {data.windows.back().id};
        data.queues[1].windows.clear();
        data.windows[2].floor = 2;
        const std::string text = serializeCatalog(data);
        const std::string message = errorOf(text);
        QVERIFY(mentions(message, "items[3].windows[0]: no window has number \"9-99\""));
        QVERIFY(mentions(message, "items[5].code: item code"));
        QVERIFY(mentions(message, "items[6].limits.promisedDays: must not exceed statutoryDays"));
        QVERIFY(mentions(message, "items[7].department: no department has id \"D99\""));
        QVERIFY(mentions(message, "queues[0].windows[0]: window " + data.windows.back().id + " is not on"));
        QVERIFY(mentions(message, "queues[1].windows: a queue must be served by at least one window"));
        QVERIFY(mentions(message, "windows[2].floor: window " + data.windows[2].id + " must be on floor 1"));
        // Each problem names the line of its field.
        const auto [line, offset] = findNth(text, "\"windows\": [\"9-99\"]", 0);
        Q_UNUSED(offset);
        QVERIFY(mentions(message, "hall.json:" + std::to_string(line) + ": items[3].windows[0]"));
    }

    void kindAndLimitsMustAgree() {
        CatalogData data = puyangData();
        std::size_t onTheSpot = 0;
        while (data.items[onTheSpot].kind != ItemKind::OnTheSpot) {
            ++onTheSpot;
        }
        data.items[onTheSpot].limits.promisedDays = 1;
        QVERIFY(mentions(errorOf(serializeCatalog(data)), "items[" + std::to_string(onTheSpot) +
                                                              "].limits.promisedDays: an on-the-spot item"));
    }

    void catalogBuildRefusesInvalidData() {
        CatalogData data = puyangData();
        data.departments.push_back(data.departments.front());
        hall::Result<Catalog> catalog = Catalog::build(data);
        QVERIFY(!catalog.ok());
        QVERIFY(mentions(catalog.error().message, "departments[41].id: department id \"D01\" appears twice"));
    }

    void cliConvertValidateStatsSearch() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string target = dir.path().toStdString() + "/puyang.json";
        std::string out;
        std::string err;
        QCOMPARE(runCli({"convert", "--source", catalog_test::sourcePath(), "--profile", "puyang", "--out",
                         target},
                        &out, &err),
                 0);
        QCOMPARE(catalog_test::readText(target), catalog_test::readText(catalog_test::puyangPath()));
        QCOMPARE(runCli({"validate", target}, &out), 0);
        QVERIFY(mentions(out, "valid"));
        QCOMPARE(runCli({"stats", target}, &out), 0);
        QVERIFY(mentions(out, "departments: 41 (34 district-catalog, 7 hall-defined)"));
        QVERIFY(mentions(out, "floor 2 行政审批大厅: 17 departments"));
        QVERIFY(mentions(out, "floor 3 建设项目联合审批大厅: 18 departments"));
        QVERIFY(mentions(out, "category licence 行政许可: "));
        QVERIFY(mentions(out, "defaults: kind "));
        QCOMPARE(runCli({"search", target, "yyzz"}, &out), 0);
        QVERIFY(mentions(out, "公司设立登记"));
        QCOMPARE(runCli({"search", target, "qqqqxxxxzzzz"}, &out, &err), 1);
    }

    void cliReportsMalformedFilesAndUsage() {
        QTemporaryDir dir;
        const std::string bad = dir.path().toStdString() + "/bad.json";
        CatalogData data = puyangData();
        data.items[0].materials[0].copies = 0;
        const std::string text = serializeCatalog(data);
        const std::size_t line = findNth(text, "\"copies\": 0", 0).first;
        catalog_test::writeText(bad, text);
        std::string err;
        QCOMPARE(runCli({"validate", bad}, nullptr, &err), 1);
        QVERIFY(mentions(err, bad + ":" + std::to_string(line) +
                                  ": items[0].materials[0].copies: must be a whole number from 1 to 99"));
        QCOMPARE(runCli({}, nullptr, &err), 2);
        QCOMPARE(runCli({"convert", "--source", catalog_test::sourcePath()}, nullptr, &err), 2);
        QCOMPARE(
            runCli({"convert", "--source", catalog_test::sourcePath(), "--profile", "nowhere", "--out", bad},
                   nullptr, &err),
            2);
        QCOMPARE(runCli({"frobnicate"}, nullptr, &err), 2);
        QCOMPARE(runCli({"validate", dir.path().toStdString() + "/absent.json"}, nullptr, &err), 1);
    }

    void importIsAllOrNothing() {
        QTemporaryDir dir;
        const std::string hallDir = dir.path().toStdString();
        const std::string installed = hallDir + "/" + kHallCatalogFileName;
        QCOMPARE(runCli({"import", "--data-dir", hallDir, catalog_test::puyangPath()}), 0);
        const std::string before = catalog_test::readText(installed);
        QCOMPARE(before, catalog_test::readText(catalog_test::puyangPath()));

        const std::string bad = hallDir + "/incoming.json";
        std::string text = serializeCatalog(puyangData());
        text.replace(text.rfind("\"online\": "), std::string("\"online\": ").size(),
                     "\"online\": \"yes\", \"x\": ");
        catalog_test::writeText(bad, text);
        std::string err;
        QCOMPARE(runCli({"import", "--data-dir", hallDir, bad}, nullptr, &err), 1);
        QVERIFY(mentions(err, ".online: must be true or false"));
        QCOMPARE(catalog_test::readText(installed), before);
        QVERIFY(!std::filesystem::exists(installed + ".tmp"));

        const std::string exported = hallDir + "/exported.json";
        QCOMPARE(runCli({"export", "--data-dir", hallDir, "--out", exported}), 0);
        QCOMPARE(catalog_test::readText(exported), before);
        QCOMPARE(
            runCli({"import", "--data-dir", hallDir + "/missing", catalog_test::puyangPath()}, nullptr, &err),
            1);
    }

    void hallctlCommandForwards() {
        QCOMPARE(hallctl::kCatalogCommand.name, std::string_view("catalog"));
        std::ostringstream out;
        std::ostringstream err;
        QCOMPARE(hallctl::kCatalogCommand.run({"--help"}, out, err), hallctl::kExitOk);
        QVERIFY(mentions(out.str(), "convert --source FILE --profile puyang|district --out FILE"));
        QCOMPARE(hallctl::kCatalogCommand.run({"nonsense"}, out, err), hallctl::kExitUsage);
    }
};

QTEST_APPLESS_MAIN(TestCatalogFile)
#include "tst_catalog_file.moc"
