// Runs the widget gallery as a program, the way the documentation's screenshots are made: every page
// must start, show, save a screenshot of the requested size and quit with 0. This also covers
// ApplicationSetup's --geometry and --screenshot end to end.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

int run(const QStringList& arguments, QByteArray* output) {
    QProcess gallery;
    gallery.setProcessChannelMode(QProcess::MergedChannels);
    gallery.start(QStringLiteral(HALL_UI_GALLERY), arguments);
    if (!gallery.waitForFinished(60'000))
        return -1;
    *output = gallery.readAll();
    return gallery.exitStatus() == QProcess::NormalExit ? gallery.exitCode() : -1;
}

} // namespace

class TestUiGallery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyPageRendersAScreenshot_data() {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        // Kiosk pages in both orientations of the kiosk screen, tablet pages at the tablet's size: a page
        // whose minimum size exceeds its screen shows up as a screenshot of the wrong size.
        for (const char* page : {"home", "search"}) {
            QTest::addRow("%s portrait zh_CN", page)
                << QString::fromLatin1(page) << QStringLiteral("zh_CN") << QSize(1080, 1920);
            QTest::addRow("%s landscape en", page)
                << QString::fromLatin1(page) << QStringLiteral("en") << QSize(1920, 1080);
        }
        for (const char* page : {"keypad", "confirm", "notices"}) {
            QTest::addRow("%s zh_CN", page)
                << QString::fromLatin1(page) << QStringLiteral("zh_CN") << QSize(1280, 800);
            QTest::addRow("%s en", page)
                << QString::fromLatin1(page) << QStringLiteral("en") << QSize(1280, 800);
        }
    }

    void everyPageRendersAScreenshot() {
        QFETCH(QString, page);
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(page + u".png");
        QByteArray output;
        const int exitCode = run(
            {QStringLiteral("--page"), page, QStringLiteral("--lang"), language, QStringLiteral("--geometry"),
             QStringLiteral("%1x%2").arg(size.width()).arg(size.height()), QStringLiteral("--screenshot"),
             path, QStringLiteral("--screenshot-delay"), QStringLiteral("50")},
            &output);
        QVERIFY2(exitCode == 0, output.constData());
        const QImage image(path);
        QVERIFY2(!image.isNull(), output.constData());
        QCOMPARE(image.size() / image.devicePixelRatio(), size);

        // Not a blank window: a real page has text, outlines and fills in many shades.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }

    void unknownPageIsAUsageError() {
        QByteArray output;
        QCOMPARE(run({QStringLiteral("--page"), QStringLiteral("nope")}, &output), 2);
        QVERIFY(output.contains("--page"));
    }
};

QTEST_GUILESS_MAIN(TestUiGallery)
#include "tst_ui_gallery.moc"
