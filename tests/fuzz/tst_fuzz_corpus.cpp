// Runs the fuzz entry point over the checked-in seed corpus (and anything a fuzzing run saved there), so
// every past finding stays fixed in the ordinary test suite.
#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

class TestFuzzCorpus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void corpusRunsClean() {
        const QDir dir(QStringLiteral(HALL_FUZZ_CORPUS_DIR));
        const QStringList files = dir.entryList(QDir::Files);
        QVERIFY2(files.size() >= 5, "the seed corpus is missing");
        for (const QString& name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                            static_cast<std::size_t>(bytes.size())),
                     0);
        }
    }
};

QTEST_APPLESS_MAIN(TestFuzzCorpus)
#include "tst_fuzz_corpus.moc"
