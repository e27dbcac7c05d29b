#include "qtapp/application_setup.h"
#include "qtapp/screenshot.h"

#include <QApplication>
#include <QFontDatabase>
#include <QFontInfo>
#include <QImage>
#include <QLabel>
#include <QRawFont>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hall;
using namespace hall::qt;

namespace {

QApplication& app() {
    return *qobject_cast<QApplication*>(QCoreApplication::instance());
}

ProgramInfo info() {
    return {QStringLiteral("tst-setup"), QStringLiteral("Setup test."), {}, 13};
}

} // namespace

class TestApplicationSetup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exitCodes_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0;
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0;
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour")} << 2;
        QTest::newRow("bad language") << QStringList{QStringLiteral("--lang"), QStringLiteral("de")} << 2;
        QTest::newRow("bad geometry")
            << QStringList{QStringLiteral("--geometry"), QStringLiteral("huge")} << 2;
        QTest::newRow("missing value") << QStringList{QStringLiteral("--config")} << 2;
        QTest::newRow("log file in a missing folder")
            << QStringList{QStringLiteral("--log-file"), QStringLiteral("/nonexistent/hall/x.log")} << 1;
    }

    void exitCodes() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        ApplicationSetup setup(app(), info());
        QCOMPARE(setup.initialize(QStringList{QStringLiteral("tst-setup")} + arguments),
                 std::optional<int>(exitCode));
    }

    void missingProgramCatalogStopsTheProgram() {
        ApplicationSetup setup(app(), {QStringLiteral("tst-setup"), {}, QStringLiteral("not_built"), 13});
        QCOMPARE(setup.initialize({QStringLiteral("tst-setup")}), std::optional<int>(1));
    }

    void namesFontAndProgramOptions() {
        ApplicationSetup setup(app(), info());
        setup.parser().addOption(
            {QStringLiteral("kiosk-id"), QStringLiteral("Device name."), QStringLiteral("id")});
        QCOMPARE(setup.initialize({QStringLiteral("tst-setup"), QStringLiteral("--kiosk-id"),
                                   QStringLiteral("K-1F-01"), QStringLiteral("--config"),
                                   QStringLiteral("hall.ini")}),
                 std::optional<int>());
        QCOMPARE(setup.parser().value(QStringLiteral("kiosk-id")), QStringLiteral("K-1F-01"));
        QCOMPARE(setup.options().configPath, QStringLiteral("hall.ini"));
        QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("tst-setup"));
        QCOMPARE(QCoreApplication::organizationName(), QStringLiteral("SunshineHall"));

        const QFont font = QApplication::font();
        QCOMPARE(font.pointSizeF(), 13.0);
        QCOMPARE(font.families().value(0), QStringLiteral("Noto Sans CJK SC"));
        QCOMPARE(QFontInfo(font).family(), QStringLiteral("Noto Sans CJK SC"));
        // The point of naming the SC face: Han text must not fall back to the Japanese one.
        const QRawFont han = QRawFont::fromFont(font, QFontDatabase::SimplifiedChinese);
        QCOMPARE(han.familyName(), QStringLiteral("Noto Sans CJK SC"));
    }

    void screenshotOptionSavesTheWindowAndQuits() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shots/main.png"));
        ApplicationSetup setup(app(), info());
        QCOMPARE(setup.initialize({QStringLiteral("tst-setup"), QStringLiteral("--geometry"),
                                   QStringLiteral("400x300"), QStringLiteral("--screenshot"), path,
                                   QStringLiteral("--screenshot-delay"), QStringLiteral("0")}),
                 std::optional<int>());
        QSignalSpy finished(&setup, &ApplicationSetup::screenshotFinished);
        QLabel window(QStringLiteral("办事大厅"));
        setup.showMainWindow(&window);
        QCOMPARE(QApplication::exec(), 0);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size() / image.devicePixelRatio(), QSize(400, 300));
    }

    void screenshotOfADeletedWindowFails() {
        QTemporaryDir dir;
        auto* window = new QLabel(QStringLiteral("x"));
        window->show();
        std::optional<Status> outcome;
        saveScreenshotWhenSettled(window, dir.filePath(QStringLiteral("x.png")), std::chrono::milliseconds(0),
                                  [&](const Status& s) { outcome = s; });
        delete window;
        QTRY_VERIFY(outcome.has_value());
        QVERIFY(!outcome->ok());
        QCOMPARE(outcome->error().code, ErrorCode::InvalidState);
    }

    void unwritableScreenshotFails() {
        QLabel window(QStringLiteral("x"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const Status status = saveWidgetImage(&window, QStringLiteral("/proc/hall-cannot-write/x.png"));
        QVERIFY(!status.ok());
    }
};

QTEST_MAIN(TestApplicationSetup)
#include "tst_application_setup.moc"
