// Pinyin initials, the kiosk's item search, and the category defaults every converted guide carries.
#include "catalog/catalog_json.h"
#include "catalog/catalog_search.h"
#include "catalog/guide_defaults.h"
#include "catalog/pinyin.h"
#include "catalog_test_support.h"

#include <QTest>

#include <set>

using namespace hall::catalog;

namespace {

const Catalog& puyang() {
    static const Catalog catalog = [] {
        hall::Result<Catalog> loaded = loadCatalogFile(catalog_test::puyangPath());
        if (!loaded) {
            qFatal("%s", loaded.error().message.c_str());
        }
        return std::move(*loaded);
    }();
    return catalog;
}

bool mentions(const ServiceItem& item, std::string_view word) {
    if (item.name.find(word) != std::string::npos) {
        return true;
    }
    for (const std::string& keyword : item.keywords) {
        if (keyword.find(word) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::set<std::string> codes(const std::vector<SearchHit>& hits) {
    std::set<std::string> result;
    for (const SearchHit& hit : hits) {
        result.insert(hit.item->code);
    }
    return result;
}

} // namespace

class TestCatalogSearch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initialsOfWords() {
        QCOMPARE(pinyinInitials("营业执照"), std::string("yyzz"));
        QCOMPARE(pinyinInitials("社会保障卡申领"), std::string("shbzksl"));
        QCOMPARE(pinyinInitials("《出生医学证明》首次签发"), std::string("csyxzmscqf"));
        QCOMPARE(pinyinInitials("CA数字证书 2024"), std::string("caszzs2024"));
        QCOMPARE(pinyinInitials(""), std::string());
        // A malformed byte is skipped, not fatal.
        QCOMPARE(pinyinInitials(std::string("营\xff业")), std::string("yy"));
    }

    void polyphonicCharactersOfferEveryInitial() {
        const std::string xing = initialsOf(U'行');
        QCOMPARE(xing.front(), 'x'); // the most common reading first
        QVERIFY(xing.find('h') != std::string::npos);
        QCOMPARE(initialsOf(U'营'), std::string("y"));
        QCOMPARE(initialsOf(U'Q'), std::string("q"));
        QCOMPARE(initialsOf(U'，'), std::string());
    }

    void initialsFindBusinessLicenceItems() {
        const CatalogSearch search(puyang());
        const std::vector<SearchHit> hits = search.search("yyzz", 1000);
        QVERIFY(!hits.empty());
        std::set<std::string> expected;
        for (const ServiceItem& item : puyang().items()) {
            if (mentions(item, "营业执照")) {
                expected.insert(item.code);
            }
        }
        QVERIFY(expected.size() >= 40);
        const std::set<std::string> found = codes(hits);
        for (const std::string& code : expected) {
            QVERIFY2(found.count(code) == 1, code.c_str());
        }
        // The business-licence items come before anything the initials match by chance.
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(mentions(*hits[i].item, "营业执照"), hits[i].item->name.c_str());
        }
    }

    void lessCommonReadingsRankLast() {
        hall::Result<Catalog> district = loadCatalogFile(catalog_test::districtPath());
        QVERIFY(district.ok());
        const CatalogSearch search(*district);
        const std::vector<SearchHit> hits = search.search("yyzz", 1000);
        std::size_t licenceItems = 0;
        for (const ServiceItem& item : district->items()) {
            licenceItems += mentions(item, "营业执照") ? 1 : 0;
        }
        QVERIFY(hits.size() > licenceItems); // some names match through other readings
        for (std::size_t i = 0; i < hits.size(); ++i) {
            QCOMPARE(mentions(*hits[i].item, "营业执照"), i < licenceItems);
        }
        // pinyinInitials keeps the most common reading only: the documented limitation.
        QCOMPARE(pinyinInitials("银行"), std::string("yx"));
    }

    void wordsFindItemsByNameKeywordAndDepartment() {
        const CatalogSearch search(puyang());
        const std::vector<SearchHit> hits = search.search("公积金", 1000);
        std::set<std::string> expected;
        for (const ServiceItem& item : puyang().items()) {
            if (item.name.find("公积金") != std::string::npos) {
                expected.insert(item.code);
            }
        }
        QVERIFY(expected.size() >= 5);
        QCOMPARE(codes(hits), expected);

        const std::vector<SearchHit> exact = search.search("公司设立登记");
        QVERIFY(!exact.empty());
        QCOMPARE(exact.front().item->name, std::string("公司设立登记"));

        // A department's name finds its items, after items named by the word.
        const std::vector<SearchHit> byDepartment = search.search("区残联", 1000);
        QVERIFY(!byDepartment.empty());
        for (const SearchHit& hit : byDepartment) {
            QCOMPARE(puyang().department(hit.item->department)->name, std::string("区残联"));
        }
    }

    void mixedAndMultiTermQueries() {
        const CatalogSearch search(puyang());
        QCOMPARE(codes(search.search("yy执照", 1000)), codes(search.search("营业执照", 1000)));
        QCOMPARE(codes(search.search("YYZZ", 1000)), codes(search.search("yyzz", 1000)));
        QCOMPARE(codes(search.search("ｙｙｚｚ", 1000)),
                 codes(search.search("yyzz", 1000))); // full-width input

        const std::vector<SearchHit> withdrawal = search.search("公积金 tq", 1000);
        QVERIFY(!withdrawal.empty());
        for (const SearchHit& hit : withdrawal) {
            QVERIFY(hit.item->name.find("公积金") != std::string::npos);
            QVERIFY(hit.item->name.find("提取") != std::string::npos);
        }
        QVERIFY(search.search("   ").empty());
        QVERIFY(search.search("qqqqxxxxzzzz").empty());
        QCOMPARE(search.search("yyzz", 3).size(), std::size_t(3));
    }

    void resultsAreOrderedBestFirst() {
        const CatalogSearch search(puyang());
        const std::vector<SearchHit> hits = search.search("sbk", 1000);
        for (std::size_t i = 1; i < hits.size(); ++i) {
            QVERIFY(hits[i - 1].score >= hits[i].score);
        }
        const std::vector<SearchHit> codeHits = search.search(puyang().items()[5].code.substr(0, 14), 1000);
        QVERIFY(codes(codeHits).count(puyang().items()[5].code) == 1);
    }

    void categoryDefaultsCarryTheirBasis() {
        const CategoryDefaults licence = categoryDefaults(Category::Licence);
        QCOMPARE(licence.kind, ItemKind::Promised);
        QCOMPARE(licence.limits.statutoryDays, 20);
        QVERIFY(licence.limits.promisedDays > 0 && licence.limits.promisedDays <= 20);
        QVERIFY(licence.limits.basis.find("行政许可法》第四十二条") != std::string::npos);
        QVERIFY(licence.feeBasis.find("第五十八条") != std::string::npos);
        const CategoryDefaults service = categoryDefaults(Category::PublicService);
        QCOMPARE(service.kind, ItemKind::OnTheSpot);
        QCOMPARE(service.limits.promisedDays, 0);
        QVERIFY(service.limits.statutoryDays < licence.limits.statutoryDays);
        for (Category category : kAllCategories) {
            const CategoryDefaults defaults = categoryDefaults(category);
            QVERIFY(!defaults.limits.basis.empty());
            QVERIFY(defaults.limits.promisedDays <= defaults.limits.statutoryDays);
        }
    }

    void defaultMaterialsFitTheApplicant() {
        QCOMPARE(guessApplicant("公司设立登记"), Applicant::Organisation);
        QCOMPARE(guessApplicant("教师资格认定"), Applicant::Person);
        const auto names = [](const std::vector<Material>& materials) {
            std::string all;
            for (const Material& material : materials) {
                all += material.name + "|";
            }
            return all;
        };
        const std::string company = names(
            defaultMaterials(Category::Licence, Applicant::Organisation, "区行政审批局", "公司设立登记"));
        QVERIFY(company.find("营业执照") != std::string::npos);
        QVERIFY(company.find("行政许可申请书") != std::string::npos);
        const std::string person =
            names(defaultMaterials(Category::PublicService, Applicant::Person, "区人社局", "社会保障卡申领"));
        QVERIFY(person.find("居民身份证") != std::string::npos);
        QVERIFY(person.find("社会保障卡") != std::string::npos);
        QVERIFY(person.find("营业执照") == std::string::npos);
    }

    void everyConvertedGuideMarksItsDefaults() {
        for (const std::string& path : {catalog_test::puyangPath(), catalog_test::districtPath()}) {
            hall::Result<Catalog> catalog = loadCatalogFile(path);
            QVERIFY(catalog.ok());
            for (const ServiceItem& item : catalog->items()) {
                // The source has no guide details, so every one of them is a marked default.
                QVERIFY2(item.defaults.limits && item.defaults.materials && item.defaults.kind &&
                             item.defaults.fee && item.defaults.online,
                         item.code.c_str());
                const CategoryDefaults expected = categoryDefaults(item.category);
                QCOMPARE(item.limits, expected.limits);
                QCOMPARE(item.kind, expected.kind);
                QVERIFY(!item.materials.empty());
                QCOMPARE(item.fee.fen, std::int64_t(0));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestCatalogSearch)
#include "tst_catalog_search.moc"
