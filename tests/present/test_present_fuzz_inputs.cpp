#include "present/case_number.h"
#include "present/voice_clips.h"

#include <algorithm>

#include <QRandomGenerator>
#include <QTest>

#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int feed(const std::string& input) {
    return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

// Valid examples of every format, to be mutated: most random bytes fail at the first character, while
// small edits of valid text reach the deeper checks.
std::vector<std::string> seeds() {
    // A minimal 16-bit mono WAV with two samples.
    std::string wav = "RIFF";
    for (int byte : {36, 0, 0, 0}) {
        wav.push_back(static_cast<char>(byte));
    }
    wav += "WAVEfmt ";
    for (int byte : {16, 0, 0, 0, 1, 0, 1, 0, 0x22, 0x56, 0, 0, 0x44, 0xAC, 0, 0, 2, 0, 16, 0}) {
        wav.push_back(static_cast<char>(byte));
    }
    wav += "data";
    for (int byte : {4, 0, 0, 0, 1, 2, 3, 4}) {
        wav.push_back(static_cast<char>(byte));
    }
    return {"A023",
            "A1000",
            "VB00007",
            " a23 ",
            "2-07",
            "9-99",
            "12.50",
            "1,234.00",
            "¥0.05",
            "999,999,999,999.99",
            "0",
            "K7PM 3QXA",
            "k7pm-3qxa",
            "张三",
            "欧阳娜娜",
            "John Smith",
            "+86 138 1234 5678",
            "110105194912310025",
            "【阳光大厦】您的号码 A023",
            wav,
            hall::present::CaseNumber::make(std::chrono::year{2026} / 2 / 7, 42)->text()};
}

} // namespace

// Runs the fuzz entry point over the seeds and a fixed set of mutations of them, so that the ordinary
// build checks the same invariants the fuzzer does.
class TestPresentFuzzInputs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedsAreValid() {
        // Mutations of valid input reach the deep checks only if the seeds are valid to begin with.
        const std::vector<std::string> all = seeds();
        QVERIFY(std::any_of(all.begin(), all.end(), [](const std::string& seed) {
            return hall::present::parseWavHeader(seed).ok();
        }));
        QVERIFY(hall::present::parseCaseNumber(all.back()).ok());
    }

    void seedsAndMutations() {
        QRandomGenerator random(777);
        int fed = 0;
        for (const std::string& seed : seeds()) {
            QCOMPARE(feed(seed), 0);
            for (int round = 0; round < 2000; ++round) {
                std::string mutated = seed;
                const int edits = static_cast<int>(random.bounded(1, 4));
                for (int e = 0; e < edits; ++e) {
                    const quint32 kind = random.bounded(4);
                    const auto at =
                        static_cast<std::size_t>(random.bounded(static_cast<quint32>(mutated.size() + 1)));
                    const char byte = static_cast<char>(random.bounded(256));
                    if (kind == 0 && at < mutated.size()) {
                        mutated[at] = byte;
                    } else if (kind == 1) {
                        mutated.insert(at, 1, byte);
                    } else if (kind == 2 && at < mutated.size()) {
                        mutated.erase(at, 1);
                    } else if (at + 1 < mutated.size()) {
                        std::swap(mutated[at], mutated[at + 1]);
                    }
                }
                QCOMPARE(feed(mutated), 0);
                ++fed;
            }
        }
        QCOMPARE(fed, static_cast<int>(seeds().size()) * 2000);
    }
};

QTEST_APPLESS_MAIN(TestPresentFuzzInputs)
#include "test_present_fuzz_inputs.moc"
