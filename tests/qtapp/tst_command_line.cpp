#include "qtapp/command_line.h"

#include <QCommandLineParser>
#include <QTest>

using namespace hall;
using namespace hall::qt;

namespace {

Result<CommonOptions> parse(const QStringList& arguments) {
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("prog")} + arguments))
        return Error{ErrorCode::InvalidArgument, parser.errorText().toStdString()};
    return readCommonOptions(parser);
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults() {
        const auto options = parse({});
        QVERIFY(options.ok());
        QCOMPARE(options->language, Language::SimplifiedChinese);
        QVERIFY(options->configPath.isEmpty());
        QVERIFY(!options->fullscreen);
        QVERIFY(!options->geometry);
        QVERIFY(options->screenshotPath.isEmpty());
        QVERIFY(options->logFilePath.isEmpty());
    }

    void everyOption() {
        const auto options =
            parse({QStringLiteral("--config"), QStringLiteral("/etc/hall/kiosk.ini"),
                   QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--fullscreen"),
                   QStringLiteral("--geometry"), QStringLiteral("1080x1920"), QStringLiteral("--screenshot"),
                   QStringLiteral("shot.png"), QStringLiteral("--screenshot-delay"), QStringLiteral("50"),
                   QStringLiteral("--log-file"), QStringLiteral("kiosk.log")});
        QVERIFY(options.ok());
        QCOMPARE(options->configPath, QStringLiteral("/etc/hall/kiosk.ini"));
        QCOMPARE(options->language, Language::English);
        QVERIFY(options->fullscreen);
        QCOMPARE(options->geometry, std::optional<QSize>(QSize(1080, 1920)));
        QCOMPARE(options->screenshotPath, QStringLiteral("shot.png"));
        QCOMPARE(options->screenshotDelay, std::chrono::milliseconds(50));
        QCOMPARE(options->logFilePath, QStringLiteral("kiosk.log"));
    }

    void languageCodes() {
        QCOMPARE(languageFromCode(u"zh_CN"), Language::SimplifiedChinese);
        QCOMPARE(languageFromCode(u"zh-cn"), Language::SimplifiedChinese);
        QCOMPARE(languageFromCode(u"zh"), Language::SimplifiedChinese);
        QCOMPARE(languageFromCode(u" EN "), Language::English);
        QVERIFY(!languageFromCode(u"fr"));
        QVERIFY(!languageFromCode(u""));
        QCOMPARE(languageCode(Language::SimplifiedChinese), QStringLiteral("zh_CN"));
        QCOMPARE(languageCode(Language::English), QStringLiteral("en"));
        QCOMPARE(kDefaultLanguage, Language::SimplifiedChinese);
    }

    void geometry_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QSize>("size");
        QTest::newRow("portrait") << QStringLiteral("1080x1920") << QSize(1080, 1920);
        QTest::newRow("capital X") << QStringLiteral("1280X800") << QSize(1280, 800);
        QTest::newRow("spaces around") << QStringLiteral(" 800x600 ") << QSize(800, 600);
        QTest::newRow("no height") << QStringLiteral("1080x") << QSize();
        QTest::newRow("negative") << QStringLiteral("-1080x1920") << QSize();
        QTest::newRow("too small") << QStringLiteral("10x10") << QSize();
        QTest::newRow("too large") << QStringLiteral("99999x600") << QSize();
        QTest::newRow("words") << QStringLiteral("big") << QSize();
    }

    void geometry() {
        QFETCH(QString, text);
        QFETCH(QSize, size);
        const auto parsed = parseGeometry(text);
        if (size.isValid())
            QCOMPARE(parsed, std::optional<QSize>(size));
        else
            QVERIFY(!parsed);
    }

    void badValuesAreRefusedByName_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("option");
        QTest::newRow("language") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")}
                                  << QStringLiteral("--lang");
        QTest::newRow("geometry") << QStringList{QStringLiteral("--geometry"), QStringLiteral("wide")}
                                  << QStringLiteral("--geometry");
        QTest::newRow("delay") << QStringList{QStringLiteral("--screenshot-delay"), QStringLiteral("-5")}
                               << QStringLiteral("--screenshot-delay");
        QTest::newRow("empty config")
            << QStringList{QStringLiteral("--config"), QStringLiteral(" ")} << QStringLiteral("--config");
    }

    void badValuesAreRefusedByName() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, option);
        const auto options = parse(arguments);
        QVERIFY(!options.ok());
        QCOMPARE(options.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(QString::fromStdString(options.error().message).startsWith(option),
                 options.error().message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
