// The sendsms request builder and the configuration reader, without Kannel.

#include "sms/delivery_report.h"
#include "sms/sendsms_request.h"
#include "sms/sms_config.h"

#include <QByteArray>
#include <QTest>
#include <QUrlQuery>

using namespace hall;
using namespace hall::sms;
using namespace Qt::StringLiterals;

namespace {

const std::string kCallText = "请 A023 号 到 2-07 号窗口办理";

KannelConfig baseConfig() {
    KannelConfig config;
    config.username = "hall";
    config.password = "p&ss=w rd";
    return config;
}

// Qt's own percent-encoding, an independent implementation of the same RFC 3986 rule.
std::string qtEncoded(const std::string& bytes) {
    return QByteArray::fromStdString(bytes).toPercentEncoding().toStdString();
}

// The query as a server would read it: name -> decoded value, in order.
QList<std::pair<QString, QString>> decodedQuery(const std::string& target) {
    const auto question = target.find('?');
    const QUrlQuery query(QString::fromStdString(target.substr(question + 1)));
    return query.queryItems(QUrl::FullyDecoded);
}

QString value(const QList<std::pair<QString, QString>>& items, const QString& name) {
    for (const auto& [key, text] : items) {
        if (key == name) {
            return text;
        }
    }
    return {};
}

std::string refusal(const KannelConfig& config, const SmsMessage& message) {
    const Result<SendSmsRequest> request = makeSendSmsRequest(config, message);
    return request.ok() ? std::string("accepted") : request.error().message;
}

} // namespace

class TestSmsRequest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void percentEncodeKeepsOnlyUnreserved() {
        QCOMPARE(percentEncode("AZaz09-._~"), std::string("AZaz09-._~"));
        QCOMPARE(percentEncode("a b+c&d=e%f/g?h#"), std::string("a%20b%2Bc%26d%3De%25f%2Fg%3Fh%23"));
        QCOMPARE(percentEncode("请"), std::string("%E8%AF%B7"));
        QCOMPARE(percentEncode(std::string_view("\0\xff", 2)), std::string("%00%FF"));
        // Every byte value agrees with Qt's encoder.
        std::string all;
        for (int byte = 0; byte < 256; ++byte) {
            all.push_back(static_cast<char>(byte));
        }
        QCOMPARE(percentEncode(all), qtEncoded(all));
        QCOMPARE(percentEncode(kCallText), qtEncoded(kCallText));
    }

    void chineseRequestInOrder() {
        const SmsMessage message{"t42-called", "13800138000", kCallText};
        const Result<SendSmsRequest> request = makeSendSmsRequest(baseConfig(), message);
        QVERIFY(request.ok());
        QCOMPARE(request->receiver, std::string("13800138000"));
        QCOMPARE(request->parts, 1u);
        QCOMPARE(request->target,
                 "/cgi-bin/sendsms?username=hall&password=p%26ss%3Dw%20rd&to=13800138000&text=" +
                     qtEncoded(kCallText) + "&charset=UTF-8&coding=2");
        const auto items = decodedQuery(request->target);
        QCOMPARE(value(items, u"text"_s), QString::fromStdString(kCallText));
        QCOMPARE(value(items, u"password"_s), u"p&ss=w rd"_s);
    }

    void optionalFieldsAndNestedDlrUrl() {
        KannelConfig config = baseConfig();
        config.sender = "10690001";
        config.smscId = "CMCC-1";
        config.dlrUrl = "http://127.0.0.1:8080/sms/dlr?hall=2";
        config.dlrMask = 3;
        const Result<SendSmsRequest> request = makeSendSmsRequest(config, {"t7-issued", "13900000001", "hi"});
        QVERIFY(request.ok());
        const auto items = decodedQuery(request->target);
        QStringList names;
        for (const auto& item : items) {
            names << item.first;
        }
        QCOMPARE(names, QStringList({u"username"_s, u"password"_s, u"to"_s, u"text"_s, u"charset"_s,
                                     u"coding"_s, u"from"_s, u"smsc"_s, u"dlr-mask"_s, u"dlr-url"_s}));
        QCOMPARE(value(items, u"from"_s), u"10690001"_s);
        QCOMPARE(value(items, u"smsc"_s), u"CMCC-1"_s);
        QCOMPARE(value(items, u"dlr-mask"_s), u"3"_s);
        // smsbox decodes the parameter once and then sees its own placeholders.
        QCOMPARE(
            value(items, u"dlr-url"_s),
            u"http://127.0.0.1:8080/sms/dlr?hall=2&sms_id=t7-issued&status=%d&answer=%A&ts=%T&smsc=%i"_s);
        QVERIFY(request->target.find("%25d") != std::string::npos);

        config.dlrUrl = "https://gw.example/dlr";
        const Result<SendSmsRequest> plain = makeSendSmsRequest(config, {"a", "13900000001", "hi"});
        QVERIFY(plain.ok());
        QCOMPARE(value(decodedQuery(plain->target), u"dlr-url"_s),
                 u"https://gw.example/dlr?sms_id=a&status=%d&answer=%A&ts=%T&smsc=%i"_s);
    }

    void numberIsNormalised() {
        const Result<SendSmsRequest> request =
            makeSendSmsRequest(baseConfig(), {"x", "+86 138-0013-8000", "hi"});
        QVERIFY(request.ok());
        QCOMPARE(request->receiver, std::string("13800138000"));
        QVERIFY(request->target.find("&to=13800138000&") != std::string::npos);
    }

    void malformedNumbersRefused_data() {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("reason");
        QTest::newRow("ten digits") << u"1380013800"_s << u"to: has 10 digits, not 11"_s;
        QTest::newRow("twelve digits") << u"138001380001"_s << u"to: has 12 digits, not 11"_s;
        QTest::newRow("second digit 2") << u"12800138000"_s << u"to: second digit should be 3 to 9, not 2"_s;
        QTest::newRow("landline") << u"03935551234"_s << u"to: should start with 1, not 0"_s;
        QTest::newRow("other country")
            << u"+4915112345678"_s << u"to: has a country code other than mainland China's +86"_s;
        QTest::newRow("empty") << QString() << u"to: is empty"_s;
        QTest::newRow("two numbers") << u"13800138000,13900139000"_s << QString();
    }
    void malformedNumbersRefused() {
        QFETCH(QString, number);
        QFETCH(QString, reason);
        const Result<SendSmsRequest> request =
            makeSendSmsRequest(baseConfig(), {"x", number.toStdString(), "hi"});
        QVERIFY(!request.ok());
        QCOMPARE(request.error().code, ErrorCode::InvalidArgument);
        if (!reason.isEmpty()) {
            QCOMPARE(QString::fromStdString(request.error().message), reason);
        } else {
            QVERIFY(request.error().message.starts_with("to: "));
        }
        QCOMPARE(checkMessage(baseConfig(), {"x", number.toStdString(), "hi"}).error(), request.error());
    }

    void otherRefusals() {
        const KannelConfig config = baseConfig();
        QCOMPARE(refusal(config, {"", "13800138000", "hi"}),
                 std::string("id: message id must have 1 to 64 characters, not 0"));
        QCOMPARE(refusal(config, {"t1/called", "13800138000", "hi"}),
                 std::string("id: message id may hold only A-Z a-z 0-9 . _ -"));
        QCOMPARE(refusal(config, {std::string(65, 'a'), "13800138000", "hi"}),
                 std::string("id: message id must have 1 to 64 characters, not 65"));
        QCOMPARE(refusal(config, {"t1", "13800138000", ""}),
                 std::string("text: is empty (Kannel would send an empty SMS)"));
        QCOMPARE(refusal(config, {"t1", "13800138000", "ok \xE8\xAF"}),
                 std::string("text: ends inside a UTF-8 character"));
        QCOMPARE(refusal(config, {"t1", "13800138000", "\xC0\xAF"}),
                 std::string("text: is not valid UTF-8 at byte 1"));
        QCOMPARE(refusal(config, {"t1", "13800138000", "a\xED\xA0\x80"}),
                 std::string("text: is not valid UTF-8 at byte 2"));
        QCOMPARE(refusal(config, {std::string(64, 'a'), "13800138000", "hi"}), std::string("accepted"));
    }

    void partsCountUtf16Units() {
        const auto parts = [](const std::string& text) {
            return smsPartCount(text).value();
        };
        std::string seventy;
        for (int i = 0; i < 70; ++i) {
            seventy += "号";
        }
        QCOMPARE(parts("a"), 1u);
        QCOMPARE(parts(seventy), 1u);
        QCOMPARE(parts(seventy + "a"), 2u);                  // 71 units: two parts of at most 67
        QCOMPARE(parts(seventy + std::string(64, 'x')), 2u); // 134 units: two full parts of 67
        QCOMPARE(parts(seventy + std::string(65, 'x')), 3u);
        QCOMPARE(parts(std::string(134, 'x')), 2u);
        QCOMPARE(parts(std::string(135, 'x')), 3u);
        // An emoji outside the BMP takes two units: 35 of them fill exactly one SMS.
        std::string emoji;
        for (int i = 0; i < 35; ++i) {
            emoji += "\xF0\x9F\x98\x80";
        }
        QCOMPARE(parts(emoji), 1u);
        QCOMPARE(parts(emoji + "a"), 2u);
    }

    void tooLongRefusedUnlessAllowed() {
        KannelConfig config = baseConfig();
        const std::string text(100, 'x');
        QCOMPARE(refusal(config, {"t1", "13800138000", text}),
                 std::string("text: needs 2 SMS parts, more than the 1 allowed (sms.max_parts)"));
        config.maxParts = 2;
        const Result<SendSmsRequest> request = makeSendSmsRequest(config, {"t1", "13800138000", text});
        QVERIFY(request.ok());
        QCOMPARE(request->parts, 2u);
    }

    void configDefaults() {
        const Result<SmsConfig> config = parseSmsConfig("");
        QVERIFY(config.ok());
        QVERIFY(!config->enabled);
        QCOMPARE(config->kannel.host, std::string("127.0.0.1"));
        QCOMPARE(config->kannel.port, std::uint16_t(13013));
        QCOMPARE(config->kannel.path, std::string("/cgi-bin/sendsms"));
        QCOMPARE(config->kannel.dlrMask, 19u);
        QCOMPARE(config->kannel.maxParts, 1u);
        QCOMPARE(config->retry.maxAttempts, 8);
        QVERIFY(config->retry.validate().ok());
    }

    void configFromHallConf() {
        const std::string text = "# hall.conf\n"
                                 "listen = 0.0.0.0:7443\n"
                                 "sms.enabled = true\n"
                                 "  sms.kannel_host = kannel.hall.local  \n"
                                 "sms.kannel_port=13013\r\n"
                                 "sms.kannel_path = /send\n"
                                 "sms.username = hall\n"
                                 "sms.password = a#b=c \n"
                                 "; comment\n"
                                 "sms.smsc = CMCC\n"
                                 "sms.sender = 10690001\n"
                                 "sms.dlr_url = http://10.0.0.5:8081/sms/dlr\n"
                                 "sms.dlr_mask = 3\n"
                                 "sms.max_parts = 3\n"
                                 "sms.connect_timeout_ms = 1500\n"
                                 "sms.response_timeout_ms = 4000\n"
                                 "sms.retry_initial_ms = 2000\n"
                                 "sms.retry_max_ms = 60000\n"
                                 "sms.retry_multiplier = 3\n"
                                 "sms.retry_jitter = 0.5\n"
                                 "sms.retry_max_attempts = 5\n"
                                 "smsbox.other = ignored\n";
        const Result<SmsConfig> config = parseSmsConfig(text);
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().message.c_str());
        QVERIFY(config->enabled);
        const KannelConfig& k = config->kannel;
        QCOMPARE(k.host, std::string("kannel.hall.local"));
        QCOMPARE(k.port, std::uint16_t(13013));
        QCOMPARE(k.path, std::string("/send"));
        QCOMPARE(k.username, std::string("hall"));
        QCOMPARE(k.password, std::string("a#b=c"));
        QCOMPARE(k.smscId, std::string("CMCC"));
        QCOMPARE(k.sender, std::string("10690001"));
        QCOMPARE(k.dlrUrl, std::string("http://10.0.0.5:8081/sms/dlr"));
        QCOMPARE(k.dlrMask, 3u);
        QCOMPARE(k.maxParts, 3u);
        QCOMPARE(k.connectTimeout, std::chrono::milliseconds(1500));
        QCOMPARE(k.responseTimeout, std::chrono::milliseconds(4000));
        QCOMPARE(config->retry.initialDelay, std::chrono::milliseconds(2000));
        QCOMPARE(config->retry.maxDelay, std::chrono::milliseconds(60000));
        QCOMPARE(config->retry.multiplier, 3.0);
        QCOMPARE(config->retry.jitter, 0.5);
        QCOMPARE(config->retry.maxAttempts, 5);
    }

    void configErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown key") << u"\nsms.kannel_prot = 1\n"_s
                                     << u"line 2: sms.kannel_prot: is not a known setting"_s;
        QTest::newRow("port range") << u"sms.kannel_port = 70000"_s
                                    << u"line 1: sms.kannel_port: 70000 is outside 1 to 65535"_s;
        QTest::newRow("port text") << u"sms.kannel_port = 13013x"_s
                                   << u"line 1: sms.kannel_port: '13013x' is not a whole number"_s;
        QTest::newRow("no equals") << u"sms.enabled"_s << u"line 1: sms.enabled: expected key = value"_s;
        QTest::newRow("bool") << u"sms.enabled = maybe"_s
                              << u"line 1: sms.enabled: 'maybe' is not true or false"_s;
        QTest::newRow("dlr percent")
            << u"sms.dlr_url = http://h/dlr?x=%41"_s
            << u"line 1: sms.dlr_url: needs an http:// or https:// URL without spaces, '%' or '#'"_s;
        QTest::newRow("dlr scheme")
            << u"sms.dlr_url = ftp://h/dlr"_s
            << u"line 1: sms.dlr_url: needs an http:// or https:// URL without spaces, '%' or '#'"_s;
        QTest::newRow("path")
            << u"sms.kannel_path = cgi-bin/sendsms"_s
            << u"line 1: sms.kannel_path: needs a path starting with '/' and without spaces, '?', '#' or '%'"_s;
        QTest::newRow("timeout zero") << u"sms.connect_timeout_ms = 0"_s
                                      << u"line 1: sms.connect_timeout_ms: 0 is outside 1 to 86400000"_s;
        QTest::newRow("enabled without user")
            << u"sms.enabled = yes"_s << u"username and password are required when sms is enabled"_s;
        QTest::newRow("jitter") << u"sms.retry_jitter = 1.5"_s << u"retry_jitter must lie between 0 and 1"_s;
        QTest::newRow("cap below initial") << u"sms.retry_initial_ms = 5000\nsms.retry_max_ms = 1000"_s
                                           << u"retry_max_ms must not be less than retry_initial_ms"_s;
        QTest::newRow("mask") << u"sms.dlr_mask = 32"_s << u"line 1: sms.dlr_mask: 32 is outside 1 to 31"_s;
    }
    void configErrors() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const Result<SmsConfig> config = parseSmsConfig(text.toStdString());
        QVERIFY(!config.ok());
        QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(QString::fromStdString(config.error().message), error);
    }

    void applyLeavesConfigUnchangedOnError() {
        SmsConfig config;
        QVERIFY(applySmsSetting(config, "kannel_port", "2000").ok());
        QVERIFY(!applySmsSetting(config, "kannel_port", "-1").ok());
        QCOMPARE(config.kannel.port, std::uint16_t(2000));
        QVERIFY(!applySmsSetting(config, "retry_multiplier", "two").ok());
        QCOMPARE(config.retry.multiplier, 2.0);
    }
};

QTEST_APPLESS_MAIN(TestSmsRequest)
#include "test_sms_request.moc"
