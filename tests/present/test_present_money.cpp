#include "present/money.h"
#include "present/utf8_text.h"

#include <QRandomGenerator>
#include <QTest>

#include <limits>
#include <map>

using namespace hall;
using namespace hall::present;

namespace {

Money yuan(std::int64_t whole, int fen = 0) {
    Result<Money> made = Money::fromYuan(whole, fen);
    Q_ASSERT(made.ok());
    return *made;
}

Money fen(Fen amount) {
    Result<Money> made = Money::fromFen(amount);
    Q_ASSERT(made.ok());
    return *made;
}

std::string parseError(std::string_view text) {
    Result<Money> parsed = parseMoney(text);
    return parsed.ok() ? "ok: " + formatMoneyPlain(*parsed) : parsed.error().message;
}

// Reads an upper-case amount back into fen with a different method from the one that wrote it: a
// running value per 亿, 万 and the rest, closed by each unit character.
std::optional<Fen> readUpperCase(std::string_view text) {
    static const std::map<std::string, int> digits = {{"零", 0}, {"壹", 1}, {"贰", 2}, {"叁", 3}, {"肆", 4},
                                                      {"伍", 5}, {"陆", 6}, {"柒", 7}, {"捌", 8}, {"玖", 9}};
    static const std::map<std::string, int> places = {{"拾", 10}, {"佰", 100}, {"仟", 1000}};
    bool negative = false;
    Fen yi = 0, wan = 0, current = 0, pending = 0, yuanPart = 0, fraction = 0;
    for (const detail::Utf8Character& c : detail::splitUtf8(text)) {
        const std::string ch(c.bytes);
        if (ch == "负") {
            negative = true;
        } else if (digits.count(ch)) {
            pending = digits.at(ch);
        } else if (places.count(ch)) {
            current += pending * places.at(ch);
            pending = 0;
        } else if (ch == "亿") {
            yi = (current + pending) * 100'000'000;
            current = pending = 0;
        } else if (ch == "万") {
            wan = (current + pending) * 10'000;
            current = pending = 0;
        } else if (ch == "元") {
            yuanPart = yi + wan + current + pending;
            pending = 0;
        } else if (ch == "角") {
            fraction += pending * 10;
            pending = 0;
        } else if (ch == "分") {
            fraction += pending;
            pending = 0;
        } else if (ch != "整") {
            return std::nullopt;
        }
    }
    const Fen total = yuanPart * 100 + fraction;
    return negative ? -total : total;
}

// The written-form rules that a value round trip cannot see.
void checkUpperCaseShape(const std::string& text, Fen amount) {
    QVERIFY2(text.find("零零") == std::string::npos, text.c_str());
    for (const char* unit : {"零拾", "零佰", "零仟", "零万", "零亿", "零元", "零角", "零分"}) {
        QVERIFY2(text.find(unit) == std::string::npos || text == "零元整", text.c_str());
    }
    const Fen absolute = amount < 0 ? -amount : amount;
    const bool endsWhole = text.size() >= 3 && text.substr(text.size() - 3) == "整";
    QCOMPARE(endsWhole, absolute % 10 == 0);
    // Tens are always written with their digit: 壹拾, never a bare 拾 at the start.
    const std::string body = amount < 0 ? text.substr(3) : text;
    QVERIFY2(body.rfind("拾", 0) != 0, text.c_str());
}

} // namespace

class TestPresentMoney : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesCommonForms() {
        QCOMPARE(parseMoney("12.50")->fen(), Fen(1250));
        QCOMPARE(parseMoney("12.5")->fen(), Fen(1250));
        QCOMPARE(parseMoney("0.05")->fen(), Fen(5));
        QCOMPARE(parseMoney("1,234.00")->fen(), Fen(123400));
        QCOMPARE(parseMoney("1234")->fen(), Fen(123400));
        QCOMPARE(parseMoney("0")->fen(), Fen(0));
        QCOMPARE(parseMoney("  ¥12.50 ")->fen(), Fen(1250));
        QCOMPARE(parseMoney("￥ 1,000,000")->fen(), Fen(100000000));
        QCOMPARE(parseMoney("999,999,999,999.99")->fen(), Money::kMaxFen);
        QCOMPARE(parseMoney("1,000,000,000.00")->fen(), Fen(100'000'000'000));
    }

    void refusesBadForms() {
        QCOMPARE(parseError(""), std::string("amount \"\" has no digits"));
        QCOMPARE(parseError("¥"), std::string("amount \"¥\" has no digits"));
        QCOMPARE(parseError("-1.00"),
                 std::string("amount \"-1.00\" has a sign; amounts are written without one"));
        QCOMPARE(parseError("+1"), std::string("amount \"+1\" has a sign; amounts are written without one"));
        QCOMPARE(parseError("12.505"),
                 std::string("amount \"12.505\" has more than two decimals; the smallest unit is one fen"));
        QCOMPARE(parseError("12."),
                 std::string("amount \"12.\" needs digits on both sides of the dot, such as 0.50"));
        QCOMPARE(parseError(".5"),
                 std::string("amount \".5\" needs digits on both sides of the dot, such as 0.50"));
        QCOMPARE(parseError("012"), std::string("amount \"012\" starts with a zero"));
        QCOMPARE(parseError("00.50"), std::string("amount \"00.50\" starts with a zero"));
        QCOMPARE(
            parseError("1,23.00"),
            std::string("amount \"1,23.00\" has misplaced thousands separators; write 1,234.00 or 1234.00"));
        QVERIFY(!parseMoney("1234,567").ok());
        QVERIFY(!parseMoney("1,2345").ok());
        QVERIFY(!parseMoney(",123").ok());
        QVERIFY(!parseMoney("1,").ok());
        QVERIFY(!parseMoney("1,,234").ok());
        QVERIFY(!parseMoney("1.2.3").ok());
        QVERIFY(!parseMoney("1.2,3").ok());
        QCOMPARE(
            parseError("1 234"),
            std::string("amount \"1 234\" contains \" \"; write digits, with a dot before the jiao and fen, "
                        "such as 12.50"));
        QVERIFY(!parseMoney("１２").ok());
        QVERIFY(!parseMoney("12元").ok());
        QVERIFY(!parseMoney("1e3").ok());
        QVERIFY(!parseMoney("¥¥12").ok());
        QCOMPARE(
            parseError("1,000,000,000,000.00"),
            std::string("amount \"1,000,000,000,000.00\" is beyond the largest amount, ¥999,999,999,999.99"));
        QVERIFY(!parseMoney("99999999999999999999999").ok());
    }

    void formats() {
        QCOMPARE(formatMoney(yuan(12, 50)), std::string("¥12.50"));
        QCOMPARE(formatMoney(fen(5)), std::string("¥0.05"));
        QCOMPARE(formatMoney(Money()), std::string("¥0.00"));
        QCOMPARE(formatMoney(yuan(1234)), std::string("¥1,234.00"));
        QCOMPARE(formatMoney(yuan(123)), std::string("¥123.00"));
        QCOMPARE(formatMoney(yuan(100000, 10)), std::string("¥100,000.10"));
        QCOMPARE(formatMoney(fen(Money::kMaxFen)), std::string("¥999,999,999,999.99"));
        QCOMPARE(formatMoney(fen(-1250)), std::string("-¥12.50"));
        QCOMPARE(formatMoneyPlain(yuan(1234, 5)), std::string("1234.05"));
        QCOMPARE(formatMoneyPlain(fen(-5)), std::string("-0.05"));
    }

    void roundTripsSample() {
        QRandomGenerator random(20260207);
        std::vector<Fen> amounts = {
            0, 1, 9, 10, 99, 100, 101, 999, 1000, 99999, 100000, Money::kMaxFen, Money::kMaxFen - 1};
        for (int i = 0; i < 5000; ++i) {
            // Spread over every magnitude, not just the large numbers a uniform draw would favour.
            const int digits = static_cast<int>(random.bounded(1, 15));
            Fen limit = 1;
            for (int d = 0; d < digits; ++d) {
                limit *= 10;
            }
            amounts.push_back(
                static_cast<Fen>(random.bounded(static_cast<quint64>(std::min(limit, Money::kMaxFen + 1)))));
        }
        for (Fen amount : amounts) {
            const Money money = fen(amount);
            QCOMPARE(parseMoney(formatMoney(money))->fen(), amount);
            QCOMPARE(parseMoney(formatMoneyPlain(money))->fen(), amount);
            const std::string upper = chineseUpperCaseAmount(money);
            const std::optional<Fen> back = readUpperCase(upper);
            QVERIFY2(back.has_value(), upper.c_str());
            QCOMPARE(*back, amount);
            checkUpperCaseShape(upper, amount);
        }
    }

    void upperCaseTrickyAmounts() {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"12.50", "壹拾贰元伍角整"},
            {"0.05", "伍分"},
            {"0.50", "伍角整"},
            {"0.55", "伍角伍分"},
            {"0.00", "零元整"},
            {"1.00", "壹元整"},
            {"1.05", "壹元零伍分"},
            {"10.00", "壹拾元整"},
            {"10.05", "壹拾元零伍分"},
            {"10.50", "壹拾元零伍角整"},
            {"15.00", "壹拾伍元整"},
            {"101.00", "壹佰零壹元整"},
            {"110.00", "壹佰壹拾元整"},
            {"1,001.01", "壹仟零壹元零壹分"},
            {"1,680.32", "壹仟陆佰捌拾元零叁角贰分"},
            {"10,010.00", "壹万零壹拾元整"},
            {"30,006.00", "叁万零陆元整"},
            {"35,006.00", "叁万伍仟零陆元整"},
            {"100,000.10", "壹拾万元零壹角整"},
            {"105,000.00", "壹拾万伍仟元整"},
            {"1,000,100.00", "壹佰万零壹佰元整"},
            {"20,000,000.00", "贰仟万元整"},
            {"60,036,000.00", "陆仟零叁万陆仟元整"},
            {"100,000,001.00", "壹亿零壹元整"},
            {"100,010,000.00", "壹亿零壹万元整"},
            {"1,000,000,000.00", "壹拾亿元整"},
            {"1,000,001,000.00", "壹拾亿零壹仟元整"},
            {"1,010,101,010.10", "壹拾亿壹仟零壹拾万壹仟零壹拾元零壹角整"},
            {"200,000,000,000.00", "贰仟亿元整"},
            {"999,999,999,999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
        };
        for (const auto& [text, expected] : cases) {
            Result<Money> money = parseMoney(text);
            QVERIFY2(money.ok(), text.c_str());
            QCOMPARE(chineseUpperCaseAmount(*money), expected);
        }
        QCOMPARE(chineseUpperCaseAmount(fen(-1250)), std::string("负壹拾贰元伍角整"));
    }

    void checkedArithmetic() {
        QCOMPARE(yuan(12, 50).plus(yuan(0, 50))->fen(), Fen(1300));
        QCOMPARE(yuan(12, 50).minus(yuan(20))->fen(), Fen(-750));
        QCOMPARE(yuan(12, 50).times(3)->fen(), Fen(3750));
        QCOMPARE(yuan(12, 50).times(-1)->fen(), Fen(-1250));
        QCOMPARE(Money().times(std::numeric_limits<std::int64_t>::max())->fen(), Fen(0));
        const Money most = fen(Money::kMaxFen);
        QVERIFY(!most.plus(fen(1)).ok());
        QVERIFY(!fen(-Money::kMaxFen).minus(fen(1)).ok());
        QVERIFY(!most.times(2).ok());
        QVERIFY(!fen(1).times(std::numeric_limits<std::int64_t>::min()).ok());
        QVERIFY(!fen(1).times(std::numeric_limits<std::int64_t>::max()).ok());
        QCOMPARE(fen(1).times(Money::kMaxFen)->fen(), Money::kMaxFen);
        QVERIFY(!fen(2).times(Money::kMaxFen / 2 + 1).ok());
        QVERIFY(!Money::fromFen(Money::kMaxFen + 1).ok());
        QVERIFY(!Money::fromFen(std::numeric_limits<Fen>::min()).ok());
        QVERIFY(!Money::fromYuan(-1).ok());
        QVERIFY(!Money::fromYuan(1, 100).ok());
        QVERIFY(!Money::fromYuan(1, -1).ok());
        QVERIFY(!Money::fromYuan(1'000'000'000'000).ok());
        QCOMPARE(Money::fromYuan(999'999'999'999, 99)->fen(), Money::kMaxFen);
        QVERIFY(yuan(1) < yuan(1, 1));
        QCOMPARE(yuan(1, 0), fen(100));
    }
};

QTEST_APPLESS_MAIN(TestPresentMoney)
#include "test_present_money.moc"
