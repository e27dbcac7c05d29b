#include "domain/mobile_number.h"
#include "domain/resident_id_number.h"
#include "domain/social_credit_code.h"

#include <QRandomGenerator>
#include <QTest>

#include <array>

using namespace hall;
using namespace hall::domain;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

const Date kToday = date(2026, 6, 1);

// ISO 7064 MOD 11-2 in its recursive form, written apart from the weighted-sum form under test.
char mod11_2(std::string_view digits) {
    int p = 0;
    for (char c : digits) {
        p = ((p + (c - '0')) * 2) % 11;
    }
    const int check = (12 - p) % 11;
    return check == 10 ? 'X' : static_cast<char>('0' + check);
}

// A number whose only fault, if any, is the one the test puts in: the check character fits the rest.
std::string withCheck(const std::string& first17) {
    return first17 + mod11_2(first17);
}

std::string usccReason(std::string_view text) {
    const Result<SocialCreditCode> result = checkSocialCreditCode(text);
    return result.ok() ? std::string("valid") : result.error().message;
}

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

} // namespace

class TestDomainIdentifiers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void standardExample() {
        // The example printed in GB 11643-1999 itself.
        const Result<ResidentIdNumber> id = checkResidentIdNumber("11010519491231002X", kToday);
        QVERIFY(id.ok());
        QCOMPARE(id->value, std::string("11010519491231002X"));
        QCOMPARE(id->regionCode, std::string("110105"));
        QCOMPARE(id->birthDate, date(1949, 12, 31));
        QCOMPARE(id->sex, Sex::Female);
        QCOMPARE(sexName(id->sex), std::string_view("female"));
    }

    void lowerCaseXAndSpaces() {
        const Result<ResidentIdNumber> id = checkResidentIdNumber("  11010519491231002x\t", kToday);
        QVERIFY(id.ok());
        QCOMPARE(id->value, std::string("11010519491231002X"));
    }

    void sexAndBirthDate() {
        const Result<ResidentIdNumber> male = checkResidentIdNumber(withCheck("41090219880229001"), kToday);
        QVERIFY(male.ok());
        QCOMPARE(male->sex, Sex::Male);
        QCOMPARE(male->birthDate, date(1988, 2, 29));
        QCOMPARE(male->regionCode, std::string("410902"));
        // Born today is not in the future.
        QVERIFY(checkResidentIdNumber(withCheck("41090220260601002"), kToday).ok());
        // Residence permits of Hong Kong, Macao and Taiwan residents use 810000, 820000 and 830000.
        for (const char* region : {"810000", "820000", "830000"}) {
            QVERIFY(checkResidentIdNumber(withCheck(std::string(region) + "19900101001"), kToday).ok());
        }
        // Born on the first day allowed.
        QVERIFY(checkResidentIdNumber(withCheck("41090219000101002"), kToday).ok());
    }

    void checkCharacterAgreesWithRecursiveForm() {
        QRandomGenerator random(20260101);
        for (int i = 0; i < 5000; ++i) {
            std::string digits;
            for (int k = 0; k < 17; ++k) {
                digits.push_back(static_cast<char>('0' + random.bounded(10)));
            }
            QCOMPARE(residentIdCheckCharacter(digits), mod11_2(digits));
        }
    }

    void residentIdFaults_data() {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("reason");

        QTest::newRow("wrong check character") << "110105194912310021"
                                               << "check character should be X, not 1";
        QTest::newRow("February 30") << QString::fromStdString(withCheck("11010519900230002"))
                                     << "birth date 1990-02-30 does not exist";
        QTest::newRow("1900-00-00") << QString::fromStdString(withCheck("11010519000000002"))
                                    << "birth date 1900-00-00 does not exist";
        QTest::newRow("month 13") << QString::fromStdString(withCheck("11010519901301002"))
                                  << "birth date 1990-13-01 does not exist";
        QTest::newRow("February 29 of a common year")
            << QString::fromStdString(withCheck("11010520230229002"))
            << "birth date 2023-02-29 does not exist";
        // The standard's second example: right check character, but born before 1900.
        QTest::newRow("before 1900") << "440524188001010014"
                                     << "birth date 1880-01-01 is before 1900";
        QTest::newRow("in the future") << QString::fromStdString(withCheck("11010520260602002"))
                                       << "birth date 2026-06-02 is in the future";
        QTest::newRow("not a province")
            << QString::fromStdString(withCheck("99010519491231002"))
            << "region code 990105 does not start with a province code (99 is not one)";
        QTest::newRow("province 10")
            << QString::fromStdString(withCheck("10010519491231002"))
            << "region code 100105 does not start with a province code (10 is not one)";
        QTest::newRow("letter") << "11010519491231002A"
                                << "contains A at position 18, which is not allowed";
        QTest::newRow("X inside") << "1101051949123100X2"
                                  << "contains X at position 17; X may only be the last character";
        QTest::newRow("space inside") << "110105 19491231002X"
                                      << "contains a space at position 7, which is not allowed";
        QTest::newRow("full-width digit") << QString::fromUtf8("11010519491231002\uFF38")
                                          << QString::fromUtf8("contains \uFF38 (a full-width character) at "
                                                               "position 18, which is not allowed");
        QTest::newRow("Chinese character")
            << QString::fromUtf8("身份证11010519491231002X")
            << QString::fromUtf8("contains 身 at position 1, which is not allowed");
        QTest::newRow("17 characters") << "11010519491231002"
                                       << "has 17 characters, not 18";
        QTest::newRow("19 characters") << "110105194912310020X"
                                       << "has 19 characters, not 18";
        QTest::newRow("15 digits")
            << "110105491231002"
            << "has 15 characters: the first-generation 15-digit numbers are not accepted, "
               "an 18-character number is needed";
        QTest::newRow("empty") << "   "
                               << "is empty";
    }

    void residentIdFaults() {
        QFETCH(QString, number);
        QFETCH(QString, reason);
        const Result<ResidentIdNumber> result = checkResidentIdNumber(number.toStdString(), kToday);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(result.error().message), reason);
    }

    void residentIdTodayDefault() {
        QVERIFY(checkResidentIdNumber("11010519491231002X").ok());
        QCOMPARE(checkResidentIdNumber(withCheck("11010530000101002")).error().message,
                 std::string("birth date 3000-01-01 is in the future"));
    }

    void creditCodeExamples() {
        // The widely cited example on the national code service's pages.
        const Result<SocialCreditCode> code = checkSocialCreditCode("91350100M000100Y43");
        QVERIFY(code.ok());
        QCOMPARE(code->value, std::string("91350100M000100Y43"));
        QCOMPARE(code->registeringAuthority, '9');
        QCOMPARE(code->organisationType, '1');
        QCOMPARE(code->regionCode, std::string("350100"));
        QCOMPARE(code->organisationCode, std::string("M000100Y4"));
        QCOMPARE(registeringAuthorityName('9'), std::string_view("market regulation"));

        const Result<SocialCreditCode> institution = checkSocialCreditCode(" 12440600mb2c07549j ");
        QVERIFY(institution.ok());
        QCOMPARE(institution->value, std::string("12440600MB2C07549J"));
        QCOMPARE(institution->registeringAuthority, '1');
        QCOMPARE(institution->organisationType, '2');
    }

    // The check character by the weights GB 32100 prints, apart from the 3^i mod 31 the code computes.
    void creditCheckAgreesWithPrintedWeights() {
        static constexpr std::array<int, 17> kPrinted = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                         29, 25, 13, 8,  24, 10, 30, 28};
        QRandomGenerator random(32100);
        for (int i = 0; i < 5000; ++i) {
            std::string first17;
            int sum = 0;
            for (int k = 0; k < 17; ++k) {
                const int value = random.bounded(31);
                first17.push_back(kUsccAlphabet[static_cast<std::size_t>(value)]);
                sum += value * kPrinted[static_cast<std::size_t>(k)];
            }
            const char expected = kUsccAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
            QCOMPARE(socialCreditCheckCharacter(first17), expected);
        }
        QCOMPARE(organisationCodeCheckCharacter("M000100Y"), '4');
    }

    void creditCodeFaults_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reason");

        QTest::newRow("wrong check character") << "91350100M000100Y44"
                                               << "check character should be 3, not 4";
        QTest::newRow("I")
            << "91350100I000100Y43"
            << "contains I at position 9, which is not allowed (the code never uses I, O, Z, S or V)";
        QTest::newRow("lower-case o")
            << "91350100M0o0100Y43"
            << "contains o at position 11, which is not allowed (the code never uses I, O, "
               "Z, S or V)";
        QTest::newRow("punctuation") << "91350100M000100Y4."
                                     << "contains . at position 18, which is not allowed";
        QTest::newRow("17 characters") << "91350100M000100Y4"
                                       << "has 17 characters, not 18";
        QTest::newRow("19 characters") << "91350100M000100Y433"
                                       << "has 19 characters, not 18";
        QTest::newRow("unknown authority")
            << "B1350100M000100Y43"
            << "registering authority code B is not known (known: 1, 2, 3, 4, 5, 6, 7, "
               "8, 9, A, N, Y)";
        QTest::newRow("type the authority does not use")
            << "95350100M000100Y43"
            << "organisation type 5 is not used by registering authority 9 (market regulation), which uses "
               "1, 2, 3";
        QTest::newRow("letter in region")
            << "9135A100M000100Y43"
            << "region code (positions 3-8) must be digits, but position 5 is A";
        QTest::newRow("empty") << ""
                               << "is empty";
    }

    void creditCodeFaults() {
        QFETCH(QString, code);
        QFETCH(QString, reason);
        const Result<SocialCreditCode> result = checkSocialCreditCode(code.toStdString());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(result.error().message), reason);
    }

    void organisationCodeCheck() {
        // Final check character right, organisation code's own check character wrong.
        const std::string first17 = "91350100M000100Y5";
        const std::string code = first17 + socialCreditCheckCharacter(first17);
        QCOMPARE(usccReason(code),
                 std::string("organisation code M000100Y5: its check character should be 4, not 5"));
    }

    void mobileNumbers_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        QTest::newRow("plain") << "13800138000"
                               << "13800138000";
        QTest::newRow("spaces") << "138 0013 8000"
                                << "13800138000";
        QTest::newRow("dashes") << "138-0013-8000"
                                << "13800138000";
        QTest::newRow("+86") << "+86 138 0013 8000"
                             << "13800138000";
        QTest::newRow("+86 joined") << "+8619912345678"
                                    << "19912345678";
        QTest::newRow("0086") << "0086-166-1234-5678"
                              << "16612345678";
        QTest::newRow("surrounding spaces") << "  15012345678 "
                                            << "15012345678";
    }

    void mobileNumbers() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Result<std::string> result = checkMobileNumber(text.toStdString());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(QString::fromStdString(*result), expected);
    }

    void mobileFaults_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");

        QTest::newRow("10 digits") << "1380013800"
                                   << "has 10 digits, not 11";
        QTest::newRow("12 digits") << "138001380001"
                                   << "has 12 digits, not 11";
        QTest::newRow("86 without plus") << "8613800138000"
                                         << "has 13 digits, not 11";
        QTest::newRow("landline") << "02161234567"
                                  << "should start with 1, not 0";
        QTest::newRow("second digit 2") << "12800138000"
                                        << "second digit should be 3 to 9, not 2";
        QTest::newRow("other country") << "+1 415 555 0100"
                                       << "has a country code other than mainland China's +86";
        QTest::newRow("letter") << "138a0013800"
                                << "contains a at position 4, which is not allowed";
        QTest::newRow("plus inside") << "138+0013800"
                                     << "contains + at position 4, which is not allowed";
        QTest::newRow("full-width digit") << QString::fromUtf8("13\uFF1800138000")
                                          << QString::fromUtf8("contains \uFF18 (a full-width character) at "
                                                               "position 3, which is not allowed");
        QTest::newRow("no digits") << "--"
                                   << "has no digits";
        QTest::newRow("empty") << ""
                               << "is empty";
    }

    void mobileFaults() {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const Result<std::string> result = checkMobileNumber(text.toStdString());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(result.error().message), reason);
    }
};

QTEST_APPLESS_MAIN(TestDomainIdentifiers)
#include "test_domain_identifiers.moc"
