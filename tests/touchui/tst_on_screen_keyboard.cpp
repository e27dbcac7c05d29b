#include "touchui/on_screen_keyboard.h"
#include "touchui/theme.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace hall::touch;

class TestOnScreenKeyboard : public QObject {
    Q_OBJECT

    QWidget* m_window = nullptr;
    QLineEdit* m_edit = nullptr;
    OnScreenKeyboard* m_keyboard = nullptr;

    void press(const QString& key) {
        QPushButton* button = m_keyboard->key(key);
        QVERIFY2(button, qPrintable(u"no key " + key));
        QTest::mouseClick(button, Qt::LeftButton);
    }

private Q_SLOTS:
    void init() {
        m_window = new QWidget;
        auto* layout = new QVBoxLayout(m_window);
        m_edit = new QLineEdit(m_window);
        m_keyboard = new OnScreenKeyboard(m_window);
        m_keyboard->setTarget(m_edit);
        m_keyboard->setQuickWords({QStringLiteral("营业执照"), QStringLiteral("社保"), QStringLiteral("医保"),
                                   QStringLiteral("公积金"), QStringLiteral("户口")});
        layout->addWidget(m_edit);
        layout->addWidget(m_keyboard);
        m_window->resize(1080, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_edit->setFocus();
        QCOMPARE(QApplication::focusWidget(), m_edit);
    }

    void cleanup() {
        delete m_window;
        m_window = nullptr;
    }

    void lettersTypeLowerCasePinyinInitials() {
        QSignalSpy edited(m_keyboard, &OnScreenKeyboard::edited);
        for (const char* key : {"y", "y", "z", "z"})
            press(QString::fromLatin1(key));
        QCOMPARE(m_edit->text(), QStringLiteral("yyzz"));
        QCOMPARE(edited.count(), 4);
        QCOMPARE(m_keyboard->key(QStringLiteral("y"))->text(), QStringLiteral("Y"));
    }

    void digitsAndSpace() {
        for (const char* key : {"s", "b", "space", "2", "0", "2", "6"})
            press(QString::fromLatin1(key));
        QCOMPARE(m_edit->text(), QStringLiteral("sb 2026"));
    }

    void quickWordInsertsAtTheCursor() {
        m_edit->setText(QStringLiteral("办理查询"));
        m_edit->setCursorPosition(2);
        press(QStringLiteral("社保"));
        QCOMPARE(m_edit->text(), QStringLiteral("办理社保查询"));
        QCOMPARE(m_edit->cursorPosition(), 4);
        QVERIFY(m_keyboard->key(QStringLiteral("营业执照"))->isVisible());
    }

    void quickWordReplacesTheSelection() {
        m_edit->setText(QStringLiteral("yyzz"));
        m_edit->selectAll();
        press(QStringLiteral("营业执照"));
        QCOMPARE(m_edit->text(), QStringLiteral("营业执照"));
    }

    void backspaceAndClear() {
        QSignalSpy edited(m_keyboard, &OnScreenKeyboard::edited);
        m_edit->setText(QStringLiteral("gjj"));
        press(QStringLiteral("backspace"));
        QCOMPARE(m_edit->text(), QStringLiteral("gj"));
        press(QStringLiteral("clear"));
        QCOMPARE(m_edit->text(), QString());
        QCOMPARE(edited.count(), 2);
        // Nothing left to delete: no change, no signal.
        press(QStringLiteral("backspace"));
        press(QStringLiteral("clear"));
        QCOMPARE(edited.count(), 2);
    }

    void keysNeverTakeTheFocus() {
        for (const char* key : {"h", "k", "space", "backspace", "clear", "社保", "submit"})
            press(QString::fromUtf8(key));
        QCOMPARE(QApplication::focusWidget(), m_edit);
        QVERIFY(m_edit->hasFocus());
    }

    void targetRulesStillApply() {
        m_edit->setMaxLength(3);
        for (const char* key : {"a", "b", "c", "d", "e"})
            press(QString::fromLatin1(key));
        QCOMPARE(m_edit->text(), QStringLiteral("abc"));

        m_edit->setReadOnly(true);
        press(QStringLiteral("clear"));
        QCOMPARE(m_edit->text(), QStringLiteral("abc"));
    }

    void submitKey() {
        QSignalSpy submitted(m_keyboard, &OnScreenKeyboard::submitted);
        press(QStringLiteral("submit"));
        QCOMPARE(submitted.count(), 1);
        m_keyboard->setSubmitVisible(false);
        QVERIFY(!m_keyboard->key(QStringLiteral("submit"))->isVisible());
    }

    void worksWithoutATargetAndAfterItIsGone() {
        m_keyboard->setTarget(nullptr);
        press(QStringLiteral("a"));
        QCOMPARE(m_edit->text(), QString());

        m_keyboard->setTarget(m_edit);
        delete m_edit;
        m_edit = nullptr;
        QCOMPARE(m_keyboard->target(), nullptr);
        press(QStringLiteral("a")); // must not crash
    }

    void keysAreTouchSized() {
        const int minimum = Theme::current().metrics().touchTarget;
        QVERIFY(minimum >= 64);
        for (const char* key : {"1", "q", "a", "z", "backspace", "clear", "space", "submit", "户口"}) {
            QPushButton* button = m_keyboard->key(QString::fromUtf8(key));
            QVERIFY(button);
            QVERIFY2(button->height() >= minimum, key);
            QCOMPARE(button->focusPolicy(), Qt::NoFocus);
        }
    }

    void quickWordsCanBeReplacedOrHidden() {
        m_keyboard->setQuickWords({QStringLiteral("不动产")});
        QCOMPARE(m_keyboard->key(QStringLiteral("社保")), nullptr);
        QVERIFY(m_keyboard->key(QStringLiteral("不动产")));
        m_keyboard->setQuickWords({});
        QVERIFY(m_keyboard->quickWords().isEmpty());
        QCOMPARE(m_keyboard->key(QStringLiteral("不动产")), nullptr);
    }
};

QTEST_MAIN(TestOnScreenKeyboard)
#include "tst_on_screen_keyboard.moc"
