#include "touchui/numeric_keypad.h"
#include "touchui/theme.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace hall::touch;

namespace {

// A stand-in for the domain's mobile number check, enough to drive every state of the keypad.
InputCheck checkMobile(const QString& text) {
    if (!text.isEmpty() && !text.startsWith(u'1'))
        return {InputCheck::State::Invalid, QStringLiteral("A mobile number starts with 1.")};
    if (text.size() < 11)
        return {InputCheck::State::Incomplete, QStringLiteral("Enter all 11 digits.")};
    return {InputCheck::State::Acceptable, QStringLiteral("Number complete.")};
}

} // namespace

class TestNumericKeypad : public QObject {
    Q_OBJECT

    QWidget* m_window = nullptr;
    QLineEdit* m_edit = nullptr;
    NumericKeypad* m_keypad = nullptr;

    void type(const QString& keys) {
        for (const QChar key : keys) {
            QPushButton* button = m_keypad->key(QString(key));
            QVERIFY2(button, qPrintable(QString(key)));
            QTest::mouseClick(button, Qt::LeftButton);
        }
    }

    void press(const char* key) {
        QPushButton* button = m_keypad->key(QString::fromLatin1(key));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }

private Q_SLOTS:
    void init() {
        m_window = new QWidget;
        auto* layout = new QVBoxLayout(m_window);
        m_edit = new QLineEdit(m_window);
        m_keypad = new NumericKeypad(m_window);
        m_keypad->setTarget(m_edit);
        layout->addWidget(m_edit);
        layout->addWidget(m_keypad);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_edit->setFocus();
    }

    void cleanup() {
        delete m_window;
        m_window = nullptr;
    }

    void digitsBackspaceClear() {
        type(QStringLiteral("1380"));
        QCOMPARE(m_edit->text(), QStringLiteral("1380"));
        press("backspace");
        QCOMPARE(m_edit->text(), QStringLiteral("138"));
        press("clear");
        QCOMPARE(m_edit->text(), QString());
        QCOMPARE(QApplication::focusWidget(), m_edit);
    }

    void xKeyOnlyWhenEnabled() {
        QPushButton* x = m_keypad->key(QStringLiteral("X"));
        QVERIFY(x);
        QVERIFY(!x->isVisible());
        QVERIFY(!m_keypad->isXEnabled());

        m_keypad->setXEnabled(true);
        QVERIFY(x->isVisible());
        type(QStringLiteral("11010519491231002X"));
        QCOMPARE(m_edit->text(), QStringLiteral("11010519491231002X"));
    }

    void validatorDrivesMessageAndOkKey() {
        QSignalSpy acceptable(m_keypad, &NumericKeypad::acceptableChanged);
        QSignalSpy submitted(m_keypad, &NumericKeypad::submitted);
        m_keypad->setValidator(checkMobile);
        QPushButton* ok = m_keypad->key(QStringLiteral("submit"));
        QLabel* message = m_keypad->messageLabel();

        QCOMPARE(m_keypad->check().state, InputCheck::State::Incomplete);
        QCOMPARE(message->text(), QStringLiteral("Enter all 11 digits."));
        QVERIFY(!ok->isEnabled());

        type(QStringLiteral("2"));
        QCOMPARE(m_keypad->check().state, InputCheck::State::Invalid);
        QCOMPARE(message->text(), QStringLiteral("A mobile number starts with 1."));
        QVERIFY(!ok->isEnabled());
        // An invalid entry is shown in the theme's error colour, not the calm one.
        QVERIFY(message->styleSheet().contains(Theme::current().colors().error.text.name()));

        press("clear");
        type(QStringLiteral("1381234567"));
        QCOMPARE(m_keypad->check().state, InputCheck::State::Incomplete);
        QVERIFY(!ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(submitted.count(), 0);

        type(QStringLiteral("8"));
        QVERIFY(m_keypad->isAcceptable());
        QVERIFY(ok->isEnabled());
        QCOMPARE(acceptable.count(), 1);
        QCOMPARE(acceptable.last().at(0).toBool(), true);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(submitted.last().at(0).toString(), QStringLiteral("13812345678"));

        press("backspace");
        QVERIFY(!m_keypad->isAcceptable());
        QCOMPARE(acceptable.count(), 2);
        QCOMPARE(acceptable.last().at(0).toBool(), false);
    }

    void edgesFromOutsideAreCheckedToo() {
        m_keypad->setValidator(checkMobile);
        m_edit->setText(QStringLiteral("13812345678"));
        QVERIFY(m_keypad->isAcceptable());
        m_edit->setText(QStringLiteral("99"));
        QCOMPARE(m_keypad->check().state, InputCheck::State::Invalid);
    }

    void withoutValidatorAnyTextIsAcceptable() {
        QVERIFY(!m_keypad->isAcceptable());
        type(QStringLiteral("7"));
        QVERIFY(m_keypad->isAcceptable());
        QVERIFY(m_keypad->messageLabel()->text().isEmpty());
    }

    void languageChangeRerunsTheValidator() {
        int calls = 0;
        m_keypad->setValidator([&calls](const QString&) {
            ++calls;
            return InputCheck{InputCheck::State::Incomplete, QStringLiteral("call %1").arg(calls)};
        });
        const int before = calls;
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(m_keypad, &change);
        QCOMPARE(calls, before + 1);
        QCOMPARE(m_keypad->messageLabel()->text(), QStringLiteral("call %1").arg(calls));
    }

    void targetMaximumLengthApplies() {
        m_edit->setMaxLength(4);
        type(QStringLiteral("123456"));
        QCOMPARE(m_edit->text(), QStringLiteral("1234"));
    }

    void keysAreTouchSized() {
        for (const char* key : {"0", "5", "9", "backspace", "clear", "submit"}) {
            QPushButton* button = m_keypad->key(QString::fromLatin1(key));
            QVERIFY2(button->height() >= 64, key);
            QCOMPARE(button->focusPolicy(), Qt::NoFocus);
        }
    }
};

QTEST_MAIN(TestNumericKeypad)
#include "tst_numeric_keypad.moc"
