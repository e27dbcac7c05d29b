#include "touchui/status_banner.h"
#include "touchui/theme.h"
#include "touchui/touch_button.h"

#include <QApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QTest>

using namespace hall::touch;

class TestTheme : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void contrastFormula() {
        QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(contrastRatio(Qt::white, Qt::black), contrastRatio(Qt::black, Qt::white));
        QCOMPARE(contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
    }

    void everyTextColourReadsAtSevenToOne_data() {
        QTest::addColumn<QColor>("text");
        QTest::addColumn<QColor>("background");
        QTest::addColumn<double>("minimum");
        const ThemeColors c = Theme::touch().colors();
        QTest::newRow("text on background") << c.text << c.background << 7.0;
        QTest::newRow("text on surface") << c.text << c.surface << 7.0;
        QTest::newRow("muted on surface") << c.textMuted << c.surface << 7.0;
        QTest::newRow("muted on background") << c.textMuted << c.background << 7.0;
        QTest::newRow("on primary") << c.onPrimary << c.primary << 7.0;
        QTest::newRow("on primary pressed") << c.onPrimary << c.primaryPressed << 7.0;
        QTest::newRow("primary on surface") << c.primary << c.surface << 7.0;
        QTest::newRow("primary on background") << c.primary << c.background << 7.0;
        QTest::newRow("on danger") << c.onDanger << c.danger << 7.0;
        QTest::newRow("on danger pressed") << c.onDanger << c.dangerPressed << 7.0;
        QTest::newRow("info banner") << c.info.text << c.info.background << 7.0;
        QTest::newRow("success banner") << c.success.text << c.success.background << 7.0;
        QTest::newRow("warning banner") << c.warning.text << c.warning.background << 7.0;
        QTest::newRow("error banner") << c.error.text << c.error.background << 7.0;
        QTest::newRow("error text on surface") << c.error.text << c.surface << 7.0;
        QTest::newRow("success text on surface") << c.success.text << c.surface << 7.0;
        // Disabled controls are exempt in WCAG, but elderly users still need to read them.
        QTest::newRow("disabled") << c.onDisabled << c.disabled << 4.5;
    }

    void everyTextColourReadsAtSevenToOne() {
        QFETCH(QColor, text);
        QFETCH(QColor, background);
        QFETCH(double, minimum);
        const double ratio = contrastRatio(text, background);
        QVERIFY2(ratio >= minimum,
                 qPrintable(QStringLiteral("%1 on %2: %3").arg(text.name(), background.name()).arg(ratio)));
    }

    void touchSizesSuitElderlyFingersAndEyes() {
        const ThemeMetrics m = Theme::touch().metrics();
        QVERIFY(m.touchTarget >= 64);
        QVERIFY(m.keyHeight >= 64);
        QVERIFY(m.tileHeight >= 64);
        QVERIFY(m.bodyPointSize >= 18);
        QVERIFY(m.smallPointSize >= 18);
        QVERIFY(m.buttonPointSize >= m.bodyPointSize);
        QVERIFY(m.titlePointSize > m.bodyPointSize);
        QVERIFY(m.scrollBarWidth >= 32);
        QVERIFY(Theme::desk().metrics().touchTarget < m.touchTarget);
    }

    void styleSheetIsComplete() {
        const QRegularExpression placeholder(QStringLiteral("\\{[A-Za-z]+\\}"));
        for (const Theme& theme : {Theme::touch(), Theme::desk()}) {
            const QString sheet = theme.styleSheet();
            QVERIFY(!sheet.contains(placeholder));
            QCOMPARE(sheet.count(u'{'), sheet.count(u'}'));
            QVERIFY(sheet.contains(Theme::touch().colors().primary.name()));
        }
        // A focus ring only where there is a keyboard.
        QVERIFY(Theme::desk().styleSheet().contains(u":focus { border-color"));
        QVERIFY(!Theme::touch().styleSheet().contains(u"QPushButton:focus"));
    }

    void applyMakesItCurrent() {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        Theme::desk().apply(*app);
        QCOMPARE(Theme::current().profile(), Theme::Profile::Desk);
        Theme::touch().apply(*app);
        QCOMPARE(Theme::current().profile(), Theme::Profile::Touch);
        QCOMPARE(QApplication::palette().color(QPalette::Window), Theme::touch().colors().background);
        QCOMPARE(QApplication::font().pointSizeF(), Theme::touch().metrics().bodyPointSize);
        QCOMPARE(QApplication::font().families().value(0), QStringLiteral("Noto Sans CJK SC"));
        QCOMPARE(app->styleSheet(), Theme::touch().styleSheet());
    }

    void touchButtonIsLarge() {
        TouchButton button(QStringLiteral("是"));
        button.setRole(TouchButton::Role::Primary);
        button.show();
        QVERIFY(QTest::qWaitForWindowExposed(&button));
        QVERIFY(button.height() >= 64);
        QVERIFY(button.width() >= 2 * 64); // a one-character label still makes a wide target
        QCOMPARE(button.font().pointSizeF(), Theme::current().metrics().buttonPointSize);
        QCOMPARE(button.property("hallRole").toString(), QStringLiteral("primary"));
        button.setRole(TouchButton::Role::Danger);
        QCOMPARE(button.property("hallRole").toString(), QStringLiteral("danger"));
        QCOMPARE(button.role(), TouchButton::Role::Danger);
    }

    void statusBannerShowsAndHides() {
        StatusBanner banner;
        QVERIFY(!banner.isShowingMessage());
        banner.showNotice(StatusBanner::Notice::Offline);
        QVERIFY(banner.isShowingMessage());
        QCOMPARE(banner.level(), StatusBanner::Level::Warning);
        QVERIFY(banner.text().startsWith(u"Offline"));
        QVERIFY(banner.styleSheet().contains(Theme::current().colors().warning.background.name()));

        banner.showMessage(StatusBanner::Level::Error, QStringLiteral("打印机缺纸"));
        QCOMPARE(banner.level(), StatusBanner::Level::Error);
        QCOMPARE(banner.text(), QStringLiteral("打印机缺纸"));
        // A caller's own message is not replaced on a language change.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&banner, &change);
        QCOMPARE(banner.text(), QStringLiteral("打印机缺纸"));

        banner.clearMessage();
        QVERIFY(!banner.isShowingMessage());
        QVERIFY(banner.text().isEmpty());
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
