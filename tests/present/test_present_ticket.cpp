#include "present/call_text.h"
#include "present/sms_text.h"
#include "present/ticket_number.h"
#include "present/window_id.h"

#include <QTest>

#include <limits>

using namespace hall;
using namespace hall::present;
using namespace std::chrono_literals;

namespace {

TicketNumber ticket(std::string_view prefix, std::uint32_t serial, int width = kDefaultTicketWidth) {
    Result<TicketNumber> made = TicketNumber::make(prefix, serial, width);
    Q_ASSERT(made.ok());
    return *made;
}

WindowId window(int floor, int number) {
    Result<WindowId> made = WindowId::make(floor, number);
    Q_ASSERT(made.ok());
    return *made;
}

SmsSignature signature(std::string_view chinese = "阳光大厦", std::string_view english = "Sunshine Hall") {
    Result<SmsSignature> made = SmsSignature::make(chinese, english);
    Q_ASSERT(made.ok());
    return *made;
}

std::string errorOf(const Result<TicketNumber>& result) {
    return result.ok() ? std::string("ok: ") + result->text() : result.error().message;
}

// Every queue prefix the rule allows: one or two of the 24 letters A-Z without I and O.
std::vector<std::string> allPrefixes() {
    std::string letters;
    for (char c = 'A'; c <= 'Z'; ++c) {
        if (c != 'I' && c != 'O') {
            letters.push_back(c);
        }
    }
    std::vector<std::string> prefixes;
    for (char a : letters) {
        prefixes.emplace_back(1, a);
        for (char b : letters) {
            prefixes.push_back(std::string{a, b});
        }
    }
    return prefixes;
}

} // namespace

class TestPresentTicket : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatsWithPadding() {
        QCOMPARE(ticket("A", 23).text(), std::string("A023"));
        QCOMPARE(ticket("A", 23).digits(), std::string("023"));
        QCOMPARE(ticket("VB", 7, 4).text(), std::string("VB0007"));
        QCOMPARE(ticket("C", 5, 1).text(), std::string("C5"));
        QCOMPARE(ticket("A", 999).text(), std::string("A999"));
    }

    void widthOverflowKeepsGrowing() {
        const TicketNumber last = ticket("A", 999);
        Result<TicketNumber> next = last.next();
        QVERIFY(next.ok());
        QCOMPARE(next->text(), std::string("A1000"));
        QCOMPARE(next->width(), 3);
        // A queue-width ticket past its width reads back in a queue of the same width.
        Result<TicketNumber> again = parseTicketNumber("A1000", 3);
        QVERIFY(again.ok());
        QCOMPARE(*again, *next);
        QCOMPARE(ticket("B", kMaxTicketSerial, 3).text(), std::string("B99999"));
        Result<TicketNumber> beyond = ticket("B", kMaxTicketSerial).next();
        QVERIFY(!beyond.ok());
        QCOMPARE(beyond.error().code, ErrorCode::InvalidArgument);
    }

    void roundTripEveryPrefixAndWidth() {
        const std::vector<std::uint32_t> serials = {1,   9,    10,   23,   99,    100,
                                                    999, 1000, 4567, 9999, 10000, kMaxTicketSerial};
        int checked = 0;
        for (const std::string& prefix : allPrefixes()) {
            for (int width = kMinTicketWidth; width <= kMaxTicketWidth; ++width) {
                for (std::uint32_t serial : serials) {
                    const TicketNumber original = ticket(prefix, serial, width);
                    Result<TicketNumber> strict = parseTicketNumber(original.text(), width);
                    QVERIFY2(strict.ok(), original.text().c_str());
                    QCOMPARE(*strict, original);
                    // Without the width, the text still comes back unchanged.
                    Result<TicketNumber> loose = parseTicketNumber(original.text());
                    QVERIFY(loose.ok());
                    QCOMPARE(loose->text(), original.text());
                    QCOMPARE(loose->serial(), serial);
                    ++checked;
                }
            }
        }
        QCOMPARE(checked, 600 * 5 * 12);
    }

    void prefixRule() {
        QVERIFY(checkQueuePrefix("A").ok());
        QVERIFY(checkQueuePrefix("ZZ").ok());
        QVERIFY(!checkQueuePrefix("").ok());
        QVERIFY(!checkQueuePrefix("VIP").ok());
        QVERIFY(!checkQueuePrefix("a").ok());
        QVERIFY(!checkQueuePrefix("A1").ok());
        QVERIFY(!checkQueuePrefix("Ä").ok());
        const Status letterI = checkQueuePrefix("BI");
        QVERIFY(!letterI.ok());
        QCOMPARE(letterI.error().message,
                 std::string("queue prefix \"BI\" contains I, which is not used because it looks like 1"));
        QVERIFY(!checkQueuePrefix("O").ok());
    }

    void strictParseErrors() {
        QCOMPARE(errorOf(parseTicketNumber("A23", 3)),
                 std::string("ticket number \"A23\" should be written A023"));
        QCOMPARE(errorOf(parseTicketNumber("A0023", 3)),
                 std::string("ticket number \"A0023\" should be written A023"));
        QCOMPARE(errorOf(parseTicketNumber("A01000", 3)),
                 std::string("ticket number \"A01000\" should be written A1000"));
        QCOMPARE(errorOf(parseTicketNumber("", 3)), std::string("ticket number is empty"));
        QCOMPARE(errorOf(parseTicketNumber("023", 3)),
                 std::string("ticket number \"023\" has no queue letter in front"));
        QCOMPARE(errorOf(parseTicketNumber("AB", 3)),
                 std::string("ticket number \"AB\" has no digits after the queue letters"));
        QCOMPARE(errorOf(parseTicketNumber("A000", 3)),
                 std::string("ticket number \"A000\" is 0; numbers start at 1"));
        QCOMPARE(errorOf(parseTicketNumber("A100000", 3)),
                 std::string("ticket number \"A100000\" is above the highest number, 99999"));
        QCOMPARE(errorOf(parseTicketNumber("A99999999999999999999", 3)),
                 std::string("ticket number \"A99999999999999999999\" is above the highest number, 99999"));
        QCOMPARE(
            errorOf(parseTicketNumber("A 023", 3)),
            std::string(
                "ticket number \"A 023\" contains a space; it is letters followed by digits, such as A023"));
        QCOMPARE(errorOf(parseTicketNumber("A02３", 3)),
                 std::string(
                     "ticket number \"A02３\" contains ３; it is letters followed by digits, such as A023"));
        QCOMPARE(errorOf(parseTicketNumber("A023B", 3)),
                 std::string(
                     "ticket number \"A023B\" contains B; it is letters followed by digits, such as A023"));
        QVERIFY(!parseTicketNumber("a023", 3).ok());
        QVERIFY(!parseTicketNumber("VIP001", 3).ok());
        QVERIFY(!parseTicketNumber("I023", 3).ok());
        QVERIFY(!parseTicketNumber("A023", 0).ok());
        QVERIFY(!parseTicketNumber("A023", 6).ok());
        QVERIFY(!parseTicketNumber("A000023").ok());
    }

    void makeRefusesBadParts() {
        QVERIFY(!TicketNumber::make("A", 0).ok());
        QVERIFY(!TicketNumber::make("A", kMaxTicketSerial + 1).ok());
        QVERIFY(!TicketNumber::make("A", 1, 0).ok());
        QVERIFY(!TicketNumber::make("A", 1, kMaxTicketWidth + 1).ok());
        QVERIFY(!TicketNumber::make("ABC", 1).ok());
    }

    void typedInput() {
        Result<TicketNumber> typed = readTypedTicketNumber("  a23 ", 3);
        QVERIFY(typed.ok());
        QCOMPARE(typed->text(), std::string("A023"));
        QCOMPARE(readTypedTicketNumber("vb7", 4)->text(), std::string("VB0007"));
        QCOMPARE(readTypedTicketNumber("A0023", 3)->text(), std::string("A023"));
        QVERIFY(!readTypedTicketNumber("a 23", 3).ok());
        QVERIFY(!readTypedTicketNumber("o23", 3).ok());
        QVERIFY(!readTypedTicketNumber("23", 3).ok());
    }

    void windows() {
        Result<WindowId> parsed = parseWindowId("2-07");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->floor, std::uint8_t(2));
        QCOMPARE(parsed->number, std::uint8_t(7));
        QCOMPARE(parsed->text(), std::string("2-07"));
        QCOMPARE(windowDisplayName(*parsed, Language::Chinese), std::string("2-07号窗口"));
        QCOMPARE(windowDisplayName(*parsed, Language::English), std::string("Window 2-07"));
        QCOMPARE(window(9, 99).text(), std::string("9-99"));
        for (int floor = 1; floor <= 9; ++floor) {
            for (int number = 1; number <= 99; ++number) {
                const WindowId w = window(floor, number);
                QCOMPARE(*parseWindowId(w.text()), w);
            }
        }
        for (const char* bad : {"2-7", "02-07", "2-00", "0-07", "2_07", "2-070", "", "a-07", " 2-07"}) {
            Result<WindowId> refused = parseWindowId(bad);
            QVERIFY2(!refused.ok(), bad);
            QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        }
        QCOMPARE(
            parseWindowId("2-7").error().message,
            std::string("window \"2-7\" is not a floor digit, a dash and a two-digit number, such as 2-07"));
        QCOMPARE(parseWindowId("2-00").error().message, std::string("window number 0 is outside 1 to 99"));
        QVERIFY(!WindowId::make(10, 1).ok());
        QVERIFY(!WindowId::make(1, 100).ok());
    }

    void callSentences() {
        const TicketNumber t = ticket("A", 23);
        const WindowId w = window(2, 7);
        QCOMPARE(callText(t, w, Language::Chinese), std::string("请 A023 号到 2-07 号窗口办理"));
        QCOMPARE(callText(t, w, Language::English), std::string("Ticket A023, please go to Window 2-07"));
        QCOMPARE(callText(t, w, Language::Chinese, CallKind::Recall),
                 std::string("再次呼叫：请 A023 号到 2-07 号窗口办理"));
        QCOMPARE(callText(t, w, Language::English, CallKind::Recall),
                 std::string("Calling again: ticket A023, please go to Window 2-07"));
    }

    void waitEstimates() {
        const auto zh = [](std::optional<std::chrono::seconds> s) {
            return formatWaitEstimate(s, Language::Chinese);
        };
        const auto en = [](std::optional<std::chrono::seconds> s) {
            return formatWaitEstimate(s, Language::English);
        };
        QCOMPARE(zh(std::nullopt), std::string("暂无法估计"));
        QCOMPARE(en(std::nullopt), std::string("not known yet"));
        QCOMPARE(zh(0s), std::string("不到 5 分钟"));
        QCOMPARE(zh(-30s), std::string("不到 5 分钟"));
        QCOMPARE(en(4min + 59s), std::string("less than 5 minutes"));
        QCOMPARE(en(5min), std::string("about 5 minutes"));
        QCOMPARE(en(7min + 29s), std::string("about 5 minutes"));
        QCOMPARE(en(7min + 30s), std::string("about 10 minutes"));
        QCOMPARE(zh(13min), std::string("约 15 分钟"));
        QCOMPARE(zh(15min), std::string("约 15 分钟"));
        QCOMPARE(en(57min), std::string("about 55 minutes"));
        QCOMPARE(en(57min + 30s), std::string("about 1 hour"));
        QCOMPARE(zh(60min), std::string("约 1 小时"));
        QCOMPARE(en(61min), std::string("about 1 hour"));
        QCOMPARE(en(75min), std::string("about 1 hour 30 minutes"));
        QCOMPARE(zh(100min), std::string("约 1 小时 30 分钟"));
        QCOMPARE(en(105min), std::string("about 2 hours"));
        QCOMPARE(zh(2h + 20min), std::string("约 2 小时 30 分钟"));
        QCOMPARE(en(3h), std::string("about 3 hours"));
        QCOMPARE(en(3h + 1s), std::string("more than 3 hours"));
        QCOMPARE(zh(10h), std::string("超过 3 小时"));
    }

    void peopleAhead() {
        QCOMPARE(peopleAheadText(0, Language::Chinese), std::string("下一位就是您"));
        QCOMPARE(peopleAheadText(12, Language::Chinese), std::string("前面还有 12 人"));
        QCOMPARE(peopleAheadText(0, Language::English), std::string("you are next"));
        QCOMPARE(peopleAheadText(1, Language::English), std::string("1 person ahead of you"));
        QCOMPARE(peopleAheadText(2, Language::English), std::string("2 people ahead of you"));
    }

    void smsTexts() {
        const SmsSignature sig = signature();
        const TicketNumber t = ticket("A", 23);
        QCOMPARE(ticketIssuedSms(sig, t, 12, 15min, Language::Chinese),
                 std::string("【阳光大厦】您的号码 A023，前面还有 12 人，预计等候约 15 分钟，请留意叫号。"));
        QCOMPARE(ticketIssuedSms(sig, t, 0, std::nullopt, Language::Chinese),
                 std::string("【阳光大厦】您的号码 A023，下一位就是您，请留意叫号。"));
        QCOMPARE(ticketIssuedSms(sig, t, 12, 15min, Language::English),
                 std::string(
                     "[Sunshine Hall] Your ticket is A023. 12 people ahead of you, estimated wait about 15 "
                     "minutes. Please watch the display."));
        QCOMPARE(ticketIssuedSms(sig, t, 0, std::nullopt, Language::English),
                 std::string("[Sunshine Hall] Your ticket is A023. You are next. Please watch the display."));
        QCOMPARE(turnNearSms(sig, t, 3, Language::Chinese),
                 std::string("【阳光大厦】A023 号前面还有 3 人，请回到大厅留意叫号。"));
        QCOMPARE(turnNearSms(sig, t, 0, Language::Chinese),
                 std::string("【阳光大厦】A023 号即将叫到，请回到大厅留意叫号。"));
        QCOMPARE(
            turnNearSms(sig, t, 3, Language::English),
            std::string("[Sunshine Hall] Ticket A023: 3 people ahead of you. Please return to the hall and "
                        "watch the display."));
        QCOMPARE(ticketCalledSms(sig, t, window(2, 7), Language::Chinese),
                 std::string("【阳光大厦】请 A023 号到 2 楼 2-07 号窗口办理。"));
        QCOMPARE(ticketCalledSms(sig, t, window(2, 7), Language::English),
                 std::string("[Sunshine Hall] Ticket A023, please go to Window 2-07 on floor 2 now."));
    }

    void smsSignatureRules() {
        QVERIFY(SmsSignature::make("阳光", "SH").ok());
        QVERIFY(SmsSignature::make("濮阳12345", "Puyang Sunshine Hall").ok());
        QVERIFY(!SmsSignature::make("阳", "Sunshine Hall").ok());
        QVERIFY(!SmsSignature::make("濮阳市阳光大厦政务服务", "Sunshine Hall").ok());
        QVERIFY(!SmsSignature::make("【阳光】", "Sunshine Hall").ok());
        QVERIFY(!SmsSignature::make("阳光 大厦", "Sunshine Hall").ok());
        QVERIFY(!SmsSignature::make("阳光大厦", "Sunshine  Hall").ok());
        QVERIFY(!SmsSignature::make("阳光大厦", " Sunshine").ok());
        QVERIFY(!SmsSignature::make("阳光大厦", "[Sunshine]").ok());
        QVERIFY(!SmsSignature::make("阳光大厦", "Puyang Sunshine Hall 1").ok());
    }

    void smsMeasure() {
        const SmsLength ascii = measureSms("Hello");
        QCOMPARE(ascii.encoding, SmsEncoding::Gsm7);
        QCOMPARE(ascii.units, std::size_t(5));
        const SmsLength extension = measureSms("[a]€");
        QCOMPARE(extension.encoding, SmsEncoding::Gsm7);
        QCOMPARE(extension.units, std::size_t(7));
        QCOMPARE(measureSms("àÉß£¥").encoding, SmsEncoding::Gsm7);
        QCOMPARE(measureSms("`").encoding, SmsEncoding::Ucs2);
        const SmsLength chinese = measureSms("您好A");
        QCOMPARE(chinese.encoding, SmsEncoding::Ucs2);
        QCOMPARE(chinese.units, std::size_t(3));
        QCOMPARE(measureSms("𠀀").units, std::size_t(2)); // outside the BMP: a surrogate pair
        QCOMPARE(measureSms(std::string(160, 'a')).segments, std::size_t(1));
        QCOMPARE(measureSms(std::string(161, 'a')).segments, std::size_t(2));
        QCOMPARE(measureSms(std::string(306, 'a')).segments, std::size_t(2));
        std::string seventy;
        for (int i = 0; i < 70; ++i) {
            seventy += "字";
        }
        QCOMPARE(measureSms(seventy).segments, std::size_t(1));
        QCOMPARE(measureSms(seventy + "字").segments, std::size_t(2));
    }

    // Every SMS must go out as one segment for any input the types allow: the longest signature, the
    // longest ticket, the most people ahead, the longest wait phrase, the widest window.
    void smsWorstCaseFitsOneSegment() {
        const SmsSignature sig = signature("濮阳阳光政务大厦", "Puyang Sunshine Hall");
        const TicketNumber widest = ticket("ZZ", kMaxTicketSerial, kMaxTicketWidth);
        QCOMPARE(widest.text().size(), std::size_t(7));
        const std::uint32_t most = std::numeric_limits<std::uint32_t>::max();
        const std::vector<std::optional<std::chrono::seconds>> waits = {std::nullopt, 0s,  2h + 20min, 95min,
                                                                        55min,        10h, 1h};
        std::size_t longestChinese = 0;
        std::size_t longestEnglish = 0;
        const auto check = [&](const std::string& text, Language language) {
            const SmsLength length = measureSms(text);
            if (language == Language::Chinese) {
                QCOMPARE(length.encoding, SmsEncoding::Ucs2);
                QVERIFY2(length.units <= kSmsUcs2SingleLimit, text.c_str());
                longestChinese = std::max(longestChinese, length.units);
            } else {
                QCOMPARE(length.encoding, SmsEncoding::Gsm7);
                QVERIFY2(length.units <= kSmsGsm7SingleLimit, text.c_str());
                longestEnglish = std::max(longestEnglish, length.units);
            }
            QCOMPARE(length.segments, std::size_t(1));
        };
        for (Language language : {Language::Chinese, Language::English}) {
            for (std::uint32_t ahead : {0u, 1u, 99999u, most}) {
                for (const auto& wait : waits) {
                    check(ticketIssuedSms(sig, widest, ahead, wait, language), language);
                }
                check(turnNearSms(sig, widest, ahead, language), language);
            }
            check(ticketCalledSms(sig, widest, window(9, 99), language), language);
        }
        qInfo("longest Chinese SMS: %zu of %zu units; longest English SMS: %zu of %zu septets",
              longestChinese, kSmsUcs2SingleLimit, longestEnglish, kSmsGsm7SingleLimit);
    }
};

QTEST_APPLESS_MAIN(TestPresentTicket)
#include "test_present_ticket.moc"
