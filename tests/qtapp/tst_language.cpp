// Switching languages at run time: catalogs load from the resources, widgets retranslate through
// QEvent::LanguageChange, a missing catalog changes nothing.
#include "qtapp/application_setup.h"
#include "qtapp/language.h"
#include "touchui/numeric_keypad.h"

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace hall;
using namespace hall::qt;

class TestLanguage : public QObject {
    Q_OBJECT

    // A string of this test's own catalog (tests/qtapp/translations/tst_language_zh_CN.ts), which checks
    // that hall_add_translations compiles a program catalog into :/i18n/.
    static QString takeANumber() { return tr("Take a number"); }

private Q_SLOTS:
    void sharedWidgetFollowsTheLanguage() {
        LanguageManager languages({QStringLiteral("hall")});
        QSignalSpy changed(&languages, &LanguageManager::languageChanged);
        touch::NumericKeypad keypad;
        QPushButton* clear = keypad.key(QStringLiteral("clear"));
        QVERIFY(clear);
        QCOMPARE(clear->text(), QStringLiteral("Clear"));

        QVERIFY(languages.setLanguage(Language::SimplifiedChinese).ok());
        QCOMPARE(languages.language(), Language::SimplifiedChinese);
        QTRY_COMPARE(clear->text(), QStringLiteral("清空"));
        QCOMPARE(keypad.key(QStringLiteral("submit"))->text(), QStringLiteral("确定"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(QLocale().language(), QLocale::Chinese);

        QVERIFY(languages.setLanguage(Language::English).ok());
        QTRY_COMPARE(clear->text(), QStringLiteral("Clear"));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).value<Language>(), Language::English);
    }

    void programCatalogLoads() {
        LanguageManager languages({QStringLiteral("hall"), QStringLiteral("tst_language")});
        QCOMPARE(takeANumber(), QStringLiteral("Take a number"));
        QVERIFY(languages.setLanguage(Language::SimplifiedChinese).ok());
        QCOMPARE(takeANumber(), QStringLiteral("取号"));
        QVERIFY(languages.setLanguage(Language::English).ok());
        QCOMPARE(takeANumber(), QStringLiteral("Take a number"));
    }

    void settingTheSameLanguageAgainIsQuiet() {
        LanguageManager languages({QStringLiteral("hall")});
        QVERIFY(languages.setLanguage(Language::SimplifiedChinese).ok());
        QSignalSpy changed(&languages, &LanguageManager::languageChanged);
        QVERIFY(languages.setLanguage(Language::SimplifiedChinese).ok());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(takeANumber(), QStringLiteral("Take a number")); // "tst_language" is not loaded here
        QCOMPARE(touch::NumericKeypad().key(QStringLiteral("clear"))->text(), QStringLiteral("清空"));
    }

    void missingCatalogChangesNothing() {
        LanguageManager languages({QStringLiteral("hall"), QStringLiteral("no_such_program")});
        QSignalSpy changed(&languages, &LanguageManager::languageChanged);
        const Status status = languages.setLanguage(Language::SimplifiedChinese);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::NotFound);
        QVERIFY(QString::fromStdString(status.error().message).contains(u"no_such_program_zh_CN.qm"));
        QCOMPARE(languages.language(), Language::English);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(touch::NumericKeypad().key(QStringLiteral("clear"))->text(), QStringLiteral("Clear"));
    }

    void applicationSetupStartsInChineseAndSwitches() {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        ApplicationSetup setup(*app,
                               {QStringLiteral("tst-language"), {}, QStringLiteral("tst_language"), 14});
        QCOMPARE(setup.initialize({QStringLiteral("tst-language")}), std::optional<int>());
        QCOMPARE(setup.languages().language(), Language::SimplifiedChinese);
        QCOMPARE(takeANumber(), QStringLiteral("取号"));

        touch::NumericKeypad keypad;
        QCOMPARE(keypad.key(QStringLiteral("clear"))->text(), QStringLiteral("清空"));
        QVERIFY(setup.setLanguage(Language::English).ok());
        QTRY_COMPARE(keypad.key(QStringLiteral("clear"))->text(), QStringLiteral("Clear"));
        QCOMPARE(takeANumber(), QStringLiteral("Take a number"));
    }

    void langOptionSelectsEnglish() {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        ApplicationSetup setup(*app,
                               {QStringLiteral("tst-language"), {}, QStringLiteral("tst_language"), 14});
        QCOMPARE(setup.initialize(
                     {QStringLiteral("tst-language"), QStringLiteral("--lang"), QStringLiteral("en")}),
                 std::optional<int>());
        QCOMPARE(setup.languages().language(), Language::English);
        QCOMPARE(takeANumber(), QStringLiteral("Take a number"));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
