#include "present/case_number.h"
#include "present/query_secret.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <set>

using namespace hall;
using namespace hall::present;

namespace {

domain::Date date(int y, unsigned m, unsigned d) {
    return domain::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

CaseNumber caseNumber(domain::Date day, std::uint32_t serial) {
    Result<CaseNumber> made = CaseNumber::make(day, serial);
    Q_ASSERT(made.ok());
    return *made;
}

// The ISO 7064 validation rule, independent of how the check digits were made: the whole number,
// check digits included, leaves 1 when divided by 97. Done in chunks of nine digits.
int wholeMod97(const std::string& digits) {
    long long remainder = 0;
    for (std::size_t at = 0; at < digits.size(); at += 9) {
        const std::string chunk = digits.substr(at, 9);
        long long scale = 1;
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            scale *= 10;
        }
        remainder = (remainder * scale + std::stoll(chunk)) % 97;
    }
    return static_cast<int>(remainder);
}

std::vector<CaseNumber> sampleCaseNumbers() {
    QRandomGenerator random(424242);
    std::vector<CaseNumber> sample = {caseNumber(date(2026, 2, 7), 42), caseNumber(date(2000, 1, 1), 1),
                                      caseNumber(date(2099, 12, 31), kMaxCaseSerial),
                                      caseNumber(date(2028, 2, 29), 90909)};
    while (sample.size() < 300) {
        const domain::Date day = domain::addDays(date(2000, 1, 1), static_cast<int>(random.bounded(36500)));
        sample.push_back(caseNumber(day, static_cast<std::uint32_t>(random.bounded(1U, kMaxCaseSerial + 1))));
    }
    return sample;
}

const std::string kCheckMismatch =
    "case number check digits do not match: a digit may be mistyped or two digits swapped";

// A random source that hands out the given bytes in order, then fails.
RandomSource scripted(std::vector<std::uint8_t> bytes) {
    auto position = std::make_shared<std::size_t>(0);
    return [bytes = std::move(bytes), position](std::span<std::uint8_t> out) {
        for (std::uint8_t& byte : out) {
            if (*position >= bytes.size()) {
                return false;
            }
            byte = bytes[(*position)++];
        }
        return true;
    };
}

// A deterministic stand-in for the system generator.
RandomSource seeded(quint32 seed) {
    auto generator = std::make_shared<QRandomGenerator>(seed);
    return [generator](std::span<std::uint8_t> out) {
        for (std::uint8_t& byte : out) {
            byte = static_cast<std::uint8_t>(generator->bounded(256));
        }
        return true;
    };
}

QuerySecret secretOf(std::string_view text) {
    Result<QuerySecret> parsed = parseQuerySecret(text);
    Q_ASSERT(parsed.ok());
    return *parsed;
}

} // namespace

class TestPresentCodes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void caseNumberText() {
        const CaseNumber number = caseNumber(date(2026, 2, 7), 42);
        const std::string text = number.text();
        QCOMPARE(text.substr(0, 15), std::string("2026-0207-00042"));
        QCOMPARE(text.size(), std::size_t(18));
        // The example in docs/presentation.md.
        QCOMPARE(text, std::string("2026-0207-00042-09"));
        QCOMPARE(number.digits(), std::string("202602070004") + "2" + text.substr(16, 2));
        QCOMPARE(wholeMod97(number.digits()), 1);
        QCOMPARE(caseCheckDigits("2026020700042"), text.substr(16, 2));
    }

    void everyCheckSatisfiesIso7064() {
        for (const CaseNumber& number : sampleCaseNumbers()) {
            QCOMPARE(wholeMod97(number.digits()), 1);
            Result<CaseNumber> back = parseCaseNumber(number.text());
            QVERIFY(back.ok());
            QCOMPARE(*back, number);
            QCOMPARE(*parseCaseNumber(number.digits()), number);
        }
    }

    void parsesTypedForms() {
        const CaseNumber number = caseNumber(date(2026, 2, 7), 42);
        const std::string d = number.digits();
        const std::string spaced =
            d.substr(0, 4) + " " + d.substr(4, 4) + " " + d.substr(8, 5) + " " + d.substr(13);
        QCOMPARE(*parseCaseNumber(spaced), number);
        QCOMPARE(*parseCaseNumber("  " + number.text() + "\t"), number);
        QCOMPARE(*parseCaseNumber(d.substr(0, 8) + "-" + d.substr(8)), number);
    }

    void parseErrors() {
        QCOMPARE(parseCaseNumber("").error().message, std::string("case number is empty"));
        QCOMPARE(parseCaseNumber("2026-0207-0004-37").error().message,
                 std::string("case number has 14 digits, not 15"));
        QCOMPARE(parseCaseNumber("2026-O207-00042-37").error().message,
                 std::string("case number contains \"O\" at position 6; it has only digits and dashes"));
        QCOMPARE(parseCaseNumber("２026-0207-00042-37").error().message,
                 std::string("case number contains \"２\" at position 1; it has only digits and dashes"));
        // A body whose check digits fit but whose date does not exist.
        const std::string badDate = "2026023000042";
        QCOMPARE(parseCaseNumber(badDate + caseCheckDigits(badDate)).error().message,
                 std::string("case number date 2026-02-30 does not exist"));
        const std::string zeroSerial = "2026020700000";
        QCOMPARE(parseCaseNumber(zeroSerial + caseCheckDigits(zeroSerial)).error().message,
                 std::string("case serial 0 is outside 1 to 99999"));
        const std::string oldYear = "1999123100001";
        QVERIFY(!parseCaseNumber(oldYear + caseCheckDigits(oldYear)).ok());
        QVERIFY(!CaseNumber::make(date(2026, 2, 7), 0).ok());
        QVERIFY(!CaseNumber::make(date(2026, 2, 7), kMaxCaseSerial + 1).ok());
        QVERIFY(!CaseNumber::make(date(2100, 1, 1), 1).ok());
        QVERIFY(!CaseNumber::make(date(2026, 2, 30), 1).ok());
    }

    // Every single wrong digit, at every position and with every other digit, over the whole sample.
    void catchesEverySingleDigitError() {
        int tried = 0;
        for (const CaseNumber& number : sampleCaseNumbers()) {
            const std::string digits = number.digits();
            for (std::size_t i = 0; i < digits.size(); ++i) {
                for (char replacement = '0'; replacement <= '9'; ++replacement) {
                    if (replacement == digits[i]) {
                        continue;
                    }
                    std::string wrong = digits;
                    wrong[i] = replacement;
                    Result<CaseNumber> parsed = parseCaseNumber(wrong);
                    QVERIFY2(!parsed.ok(), wrong.c_str());
                    QCOMPARE(parsed.error().message, kCheckMismatch);
                    ++tried;
                }
            }
        }
        QCOMPARE(tried, 300 * 15 * 9);
    }

    // Every swap of two different neighbouring digits, check digits included.
    void catchesEveryAdjacentTransposition() {
        int tried = 0;
        for (const CaseNumber& number : sampleCaseNumbers()) {
            const std::string digits = number.digits();
            for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
                if (digits[i] == digits[i + 1]) {
                    continue;
                }
                std::string swapped = digits;
                std::swap(swapped[i], swapped[i + 1]);
                Result<CaseNumber> parsed = parseCaseNumber(swapped);
                QVERIFY2(!parsed.ok(), swapped.c_str());
                QCOMPARE(parsed.error().message, kCheckMismatch);
                ++tried;
            }
        }
        QVERIFY(tried > 300 * 8);
    }

    void secretFromScriptedBytes() {
        // Bytes 248-255 lie past the last full round of the 31-character alphabet and are drawn again.
        Result<QuerySecret> secret = generateQuerySecret(
            scripted({255, 0, 248, 1, 2, 30, 31, 62, 247, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), 8);
        QVERIFY(secret.ok());
        // 0->'2' 1->'3' 2->'4' 30->'Z' 31->'2' 62->'2' 247%31=30->'Z' 100%31=7->'9'
        QCOMPARE(secret->text(), std::string("234Z22Z9"));
        QCOMPARE(secret->printed(), std::string("234Z 22Z9"));
        Result<QuerySecret> shortOne = generateQuerySecret(scripted(std::vector<std::uint8_t>(16, 10)), 6);
        QVERIFY(shortOne.ok());
        QCOMPARE(shortOne->text(), std::string("CCCCCC"));
        QCOMPARE(shortOne->printed(), std::string("CCC CCC"));
    }

    void secretGenerationFailures() {
        const Result<QuerySecret> failed = generateQuerySecret(scripted({}), 8);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::Unavailable);
        QCOMPARE(generateQuerySecret(seeded(1), 5).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(generateQuerySecret(seeded(1), 9).error().code, ErrorCode::InvalidArgument);
        // A source that only ever gives rejected bytes runs dry rather than looping forever.
        QVERIFY(!generateQuerySecret(scripted(std::vector<std::uint8_t>(64, 250)), 6).ok());
    }

    void secretAlphabetIsUsedEvenly() {
        const RandomSource random = seeded(7);
        std::map<char, int> counts;
        const int secrets = 31 * 400;
        for (int i = 0; i < secrets; ++i) {
            Result<QuerySecret> secret = generateQuerySecret(random, 8);
            QVERIFY(secret.ok());
            QCOMPARE(secret->text().size(), std::size_t(8));
            for (char c : secret->text()) {
                ++counts[c];
            }
        }
        QCOMPARE(counts.size(), kQuerySecretAlphabet.size());
        const int expected = secrets * 8 / 31;
        for (const auto& [character, count] : counts) {
            QVERIFY(kQuerySecretAlphabet.find(character) != std::string_view::npos);
            QVERIFY2(count > expected * 9 / 10 && count < expected * 11 / 10,
                     std::string(1, character).c_str());
        }
        for (char banned : std::string("01ILO")) {
            QVERIFY(!counts.contains(banned));
        }
    }

    void systemSourceWorks() {
        std::set<std::string> seen;
        for (int i = 0; i < 20; ++i) {
            Result<QuerySecret> secret = generateQuerySecret(systemRandomBytes);
            QVERIFY(secret.ok());
            QCOMPARE(parseQuerySecret(secret->printed())->text(), secret->text());
            seen.insert(secret->text());
        }
        QCOMPARE(seen.size(), std::size_t(20));
    }

    void parsesTypedSecret() {
        QCOMPARE(secretOf("k7pm 3qxa").text(), std::string("K7PM3QXA"));
        QCOMPARE(secretOf(" K7PM-3QXA ").text(), std::string("K7PM3QXA"));
        QCOMPARE(secretOf("abcdef").text(), std::string("ABCDEF"));
        QCOMPARE(parseQuerySecret("K7PM3QX0").error().message,
                 std::string("query code contains 0; the code never has 0, 1, I, L or O"));
        QCOMPARE(parseQuerySecret("k7pm3qxo").error().message,
                 std::string("query code contains O; the code never has 0, 1, I, L or O"));
        QCOMPARE(parseQuerySecret("K7PM3QXÄ").error().message,
                 std::string(
                     "query code contains \"Ä\"; it has only the letters and digits printed on the receipt"));
        QCOMPARE(parseQuerySecret("ABCDE").error().message,
                 std::string("query code has 5 characters, not 6 to 8"));
        QVERIFY(!parseQuerySecret("ABCDEFGHJ").ok());
        QCOMPARE(parseQuerySecret("  ").error().message, std::string("query code is empty"));
    }

    void verifiesSecret() {
        const QuerySecret secret = secretOf("K7PM3QXA");
        QVERIFY(verifyQuerySecret(secret, "K7PM3QXA"));
        QVERIFY(verifyQuerySecret(secret, "k7pm 3qxa"));
        QVERIFY(verifyQuerySecret(secret, "K7PM-3QXA"));
        for (std::size_t i = 0; i < secret.text().size(); ++i) {
            std::string wrong = secret.text();
            wrong[i] = wrong[i] == 'Z' ? 'Y' : 'Z';
            QVERIFY2(!verifyQuerySecret(secret, wrong), wrong.c_str());
        }
        QVERIFY(!verifyQuerySecret(secret, "K7PM3QX"));
        QVERIFY(!verifyQuerySecret(secret, "K7PM3QXAA"));
        QVERIFY(!verifyQuerySecret(secret, ""));
        QVERIFY(!verifyQuerySecret(secret, std::string("K7PM3QXA\0", 9)));
        QVERIFY(!verifyQuerySecret(secretOf("ABCDEF"), std::string("ABCDEF\0\0", 8)));
    }
};

QTEST_APPLESS_MAIN(TestPresentCodes)
#include "test_present_codes.moc"
