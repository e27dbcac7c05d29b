// hallctl catalog import/export: the catalog in a hall's database, validated before anything is written
// and journaled with the change.
#include "hallctl_test_support.h"

#include "store/catalogs.h"
#include "store/database.h"
#include "store/journal.h"

#include <QTemporaryDir>

#include <fstream>

using namespace hallctl;
using namespace hallctl::test;

namespace {
std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::string kPuyang = HALL_SOURCE_DIR "/resources/halls/puyang.json";
} // namespace

class TestHallctlCatalog : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::string m_hall;

    std::uint32_t storedVersion() {
        auto db =
            std::move(hall::store::Database::open(m_hall + "/hall.db", hall::store::Database::Mode::ReadOnly))
                .value();
        return hall::store::CatalogStore(*db).latestVersion();
    }

    std::vector<hall::store::JournalEvent> journal() {
        auto db =
            std::move(hall::store::Database::open(m_hall + "/hall.db", hall::store::Database::Mode::ReadOnly))
                .value();
        return hall::store::Journal(*db).readAfter(0, 1000);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_hall = path(QDir(m_tmp.path()), "hall");
        HALLCTL_EXPECT(callHallctl({"init", "--data-dir", m_hall}), kExitOk);
    }

    void exportBeforeAnyImportSaysSo() {
        const Run run =
            callHallctl({"catalog", "export", "--data-dir", m_hall, "--out", m_hall + "/none.json"});
        HALLCTL_EXPECT(run, kExitNo);
        QVERIFY(contains(run.err, "no catalog yet"));
    }

    void importStoresAVersionAndJournalsIt() {
        const Run run = callHallctl({"catalog", "import", "--data-dir", m_hall, "--file", kPuyang});
        HALLCTL_EXPECT(run, kExitOk);
        QVERIFY2(contains(run.out, "imported catalog version 1: 261 items, 41 departments"), run.out.c_str());
        QCOMPARE(storedVersion(), 1u);
        const auto events = journal();
        QCOMPARE(events.back().kind, std::uint16_t(hall::EventKind::CatalogImported));
        QCOMPARE(events.back().topic, std::string("hall"));
        const auto imported = hall::CatalogImported::decode(events.back().body);
        QVERIFY(imported.ok());
        QCOMPARE(imported->version, 1u);
        QCOMPARE(imported->items, 261u);
        QCOMPARE(imported->source, std::string("puyang.json"));
        HALLCTL_EXPECT(callHallctl({"journal", "verify", "--data-dir", m_hall}), kExitOk);
    }

    void theSameContentIsNotImportedTwice() {
        const std::size_t before = journal().size();
        const Run run = callHallctl({"catalog", "import", "--data-dir", m_hall, "--file", kPuyang});
        HALLCTL_EXPECT(run, kExitOk);
        QVERIFY(contains(run.out, "nothing imported"));
        QCOMPARE(storedVersion(), 1u);
        QCOMPARE(journal().size(), before);
    }

    void aBadFileChangesNothing() {
        std::string text = readFile(kPuyang);
        const auto at = text.find("\"statutoryDays\": ");
        QVERIFY(at != std::string::npos);
        text.replace(at, std::string("\"statutoryDays\": ").size(), "\"statutoryDays\": -3, \"x\": ");
        const std::string bad = m_hall + "/bad.json";
        std::ofstream(bad, std::ios::binary) << text;
        const std::size_t before = journal().size();
        const Run run = callHallctl({"catalog", "import", "--data-dir", m_hall, "--file", bad});
        HALLCTL_EXPECT(run, kExitNo);
        QVERIFY2(contains(run.err, "bad.json:"), run.err.c_str());
        QVERIFY(contains(run.err, "nothing was imported"));
        QVERIFY(contains(run.err, "statutoryDays"));
        QCOMPARE(storedVersion(), 1u);
        QCOMPARE(journal().size(), before);
        HALLCTL_EXPECT(
            callHallctl({"catalog", "import", "--data-dir", m_hall, "--file", m_hall + "/absent.json"}),
            kExitNo);
        HALLCTL_EXPECT(
            callHallctl({"catalog", "import", "--data-dir", m_hall + "/nowhere", "--file", kPuyang}),
            kExitNo);
    }

    void exportGivesBackTheCanonicalFile() {
        const std::string out = m_hall + "/exported.json";
        HALLCTL_EXPECT(callHallctl({"catalog", "export", "--data-dir", m_hall, "--out", out}), kExitOk);
        QCOMPARE(readFile(out), readFile(kPuyang));
        HALLCTL_EXPECT(callHallctl({"catalog", "export", "--data-dir", m_hall, "--out", out}), kExitNo);
    }

    void fileCommandsStillWork() {
        const Run run = callHallctl({"catalog", "stats", kPuyang});
        HALLCTL_EXPECT(run, kExitOk);
        HALLCTL_EXPECT(callHallctl({"catalog", "--help"}), kExitOk);
        HALLCTL_EXPECT(callHallctl({"catalog", "import", "--help"}), kExitOk);
        HALLCTL_EXPECT(callHallctl({"catalog", "frobnicate"}), kExitUsage);
    }
};

QTEST_GUILESS_MAIN(TestHallctlCatalog)
#include "tst_hallctl_catalog.moc"
