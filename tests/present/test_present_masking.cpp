#include "present/masking.h"
#include "present/utf8_text.h"

#include <QRandomGenerator>
#include <QTest>

using namespace hall::present;

namespace {

std::size_t characterCount(std::string_view text) {
    return detail::splitUtf8(text).size();
}

} // namespace

class TestPresentMasking : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chineseNames() {
        QCOMPARE(maskPersonName("张三"), std::string("张*"));
        QCOMPARE(maskPersonName("张三丰"), std::string("张**"));
        QCOMPARE(maskPersonName("欧阳娜娜"), std::string("欧阳**"));
        QCOMPARE(maskPersonName("司马光"), std::string("司马*"));
        QCOMPARE(maskPersonName("诸葛孔明"), std::string("诸葛**"));
        // Two characters: the compound surname would be the whole name, so only the first stays.
        QCOMPARE(maskPersonName("欧阳"), std::string("欧*"));
        QCOMPARE(maskPersonName("张"), std::string("张"));
        QCOMPARE(maskPersonName("  李四 "), std::string("李*"));
        QCOMPARE(maskPersonName("买买提·艾力"), std::string("买**·**"));
        QCOMPARE(maskPersonName("王 小明"), std::string("王 **"));
        QCOMPARE(maskPersonName("李Lily"), std::string("李****"));
        QCOMPARE(maskPersonName(""), std::string());
        QCOMPARE(maskPersonName("   "), std::string());
    }

    void latinNames() {
        QCOMPARE(maskPersonName("John Smith"), std::string("J*** S****"));
        QCOMPARE(maskPersonName("Ann-Marie O'Neil"), std::string("A**-M**** O*****"));
        QCOMPARE(maskPersonName("Li"), std::string("L*"));
    }

    // Whatever the name, the mask keeps its length and shows at most the surname.
    void maskKeepsLengthAndHidesTheRest() {
        QRandomGenerator random(99);
        const std::u32string pool = U"张王李赵欧阳娜娜司马光明华伟芳秀英";
        for (int i = 0; i < 2000; ++i) {
            std::u32string name;
            const int length = static_cast<int>(random.bounded(2, 6));
            for (int k = 0; k < length; ++k) {
                name.push_back(pool[random.bounded(static_cast<quint32>(pool.size()))]);
            }
            std::string utf8;
            for (char32_t c : name) {
                // Every pool character is a three-byte UTF-8 sequence.
                utf8.push_back(static_cast<char>(0xE0 | (c >> 12)));
                utf8.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
                utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
            }
            const std::string masked = maskPersonName(utf8);
            QCOMPARE(characterCount(masked), static_cast<std::size_t>(length));
            const std::size_t shown = characterCount(masked) -
                                      static_cast<std::size_t>(std::count(masked.begin(), masked.end(), '*'));
            QVERIFY(shown == 1 || (shown == 2 && length >= 3));
            QVERIFY(masked.rfind(std::string(detail::splitUtf8(utf8)[0].bytes), 0) == 0);
        }
    }

    void idNumbers() {
        QCOMPARE(maskIdNumber("110105194912310025"), std::string("110***********0025"));
        QCOMPARE(maskIdNumber(" 11010519491231002x "), std::string("110***********002x"));
        // First generation: the birth date 491231 sits at digits 7 to 12, so only the last 3 show.
        QCOMPARE(maskIdNumber("110105491231002"), std::string("110*********002"));
        QCOMPARE(maskIdNumber("E12345678"), std::string("*****5678"));
        QCOMPARE(maskIdNumber("C1234567"), std::string("****4567"));
        QCOMPARE(maskIdNumber("1234567"), std::string("*******"));
        QCOMPARE(maskIdNumber(""), std::string());
        // The birth date (digits 7 to 14) never shows.
        const std::string masked = maskIdNumber("320102198807150417");
        QCOMPARE(masked.substr(6, 8), std::string(8, '*'));
        QVERIFY(masked.find("19880715") == std::string::npos);
    }

    void mobileNumbers() {
        QCOMPARE(maskMobileNumber("13812345678"), std::string("138****5678"));
        QCOMPARE(maskMobileNumber("+86 138 1234 5678"), std::string("138****5678"));
        QCOMPARE(maskMobileNumber("138-1234-5678"), std::string("138****5678"));
        QCOMPARE(maskMobileNumber("12345"), std::string("***********"));
        QCOMPARE(maskMobileNumber("010-12345678"), std::string("***********"));
        QCOMPARE(maskMobileNumber(""), std::string("***********"));
    }

    void organisationsArePublic() {
        QCOMPARE(publicPartyName(PartyKind::Organisation, " 濮阳市阳光科技有限公司 "),
                 std::string("濮阳市阳光科技有限公司"));
        QCOMPARE(publicPartyName(PartyKind::Person, "张三"), std::string("张*"));
    }
};

QTEST_APPLESS_MAIN(TestPresentMasking)
#include "test_present_masking.moc"
