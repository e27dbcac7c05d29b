#include "touchui/confirmation_panel.h"

#include <QApplication>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace hall::touch;

class TestConfirmationPanel : public QObject {
    Q_OBJECT

    QWidget* m_screen = nullptr;
    QPushButton* m_behind = nullptr;

    // A click through the window, hit-tested like a real finger, rather than sent to one widget.
    void tapScreenAt(QPoint pos) {
        QTest::mouseClick(m_screen->windowHandle(), Qt::LeftButton, Qt::NoModifier, pos);
    }

private Q_SLOTS:
    void init() {
        m_screen = new QWidget;
        m_screen->resize(1280, 800);
        m_behind = new QPushButton(QStringLiteral("取号"), m_screen);
        m_behind->setGeometry(40, 40, 300, 100);
        m_screen->show();
        QVERIFY(QTest::qWaitForWindowActive(m_screen));
        m_behind->setFocus();
    }

    void cleanup() {
        delete m_screen;
        m_screen = nullptr;
    }

    void yesAccepts() {
        ConfirmationPanel panel(m_screen);
        panel.setTitle(QStringLiteral("确认取号？"));
        panel.setMessage(QStringLiteral("社保业务，前面还有 12 人。"));
        QSignalSpy finished(&panel, &ConfirmationPanel::finished);
        QSignalSpy accepted(&panel, &ConfirmationPanel::accepted);
        QSignalSpy rejected(&panel, &ConfirmationPanel::rejected);
        QVERIFY(!panel.isOpen());
        panel.open();
        QVERIFY(panel.isOpen());
        QCOMPARE(panel.geometry(), m_screen->rect());
        QCOMPARE(panel.choiceCount(), 2);
        QCOMPARE(panel.choiceRole(1), ConfirmationPanel::ChoiceRole::Accept);
        QCOMPARE(panel.choiceButton(1)->text(), QStringLiteral("Yes"));

        QTest::mouseClick(panel.choiceButton(1), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toInt(), 1);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(panel.result(), 1);
        QVERIFY(!panel.isOpen());
        // Focus goes back where it was.
        QCOMPARE(QApplication::focusWidget(), m_behind);
    }

    void noRejects() {
        ConfirmationPanel panel(m_screen);
        QSignalSpy rejected(&panel, &ConfirmationPanel::rejected);
        panel.open();
        QTest::mouseClick(panel.choiceButton(0), Qt::LeftButton);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(panel.result(), 0);
    }

    void screenUnderneathIsBlockedWhileOpen() {
        QSignalSpy behindClicked(m_behind, &QPushButton::clicked);
        const QPoint onButton = m_behind->geometry().center();
        tapScreenAt(onButton);
        QCOMPARE(behindClicked.count(), 1); // the tap reaches the button normally

        ConfirmationPanel panel(m_screen);
        QSignalSpy finished(&panel, &ConfirmationPanel::finished);
        panel.open();
        tapScreenAt(onButton);
        QCOMPARE(behindClicked.count(), 1);
        QCOMPARE(finished.count(), 0); // and a tap on the veil does not close the panel
        QVERIFY(panel.isOpen());

        // A tap on the panel's own button, through the window, works.
        const QPoint yes = panel.choiceButton(1)->mapTo(m_screen, panel.choiceButton(1)->rect().center());
        tapScreenAt(yes);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(panel.result(), 1);

        tapScreenAt(onButton);
        QCOMPARE(behindClicked.count(), 2);
    }

    void keyboardStaysInsideAndEscapeCancels() {
        ConfirmationPanel panel(m_screen);
        QSignalSpy rejected(&panel, &ConfirmationPanel::rejected);
        panel.open();
        // The safe choice has the focus, so a stray Enter harms nothing.
        QVERIFY(panel.choiceButton(0)->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(panel.choiceButton(1)->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(panel.choiceButton(0)->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QVERIFY(panel.choiceButton(1)->hasFocus());
        QVERIFY(!m_behind->hasFocus());

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(panel.result(), 0);
    }

    void enterPressesTheFocusedChoice() {
        ConfirmationPanel panel(m_screen);
        panel.setDefaultChoice(1);
        panel.open();
        QVERIFY(panel.choiceButton(1)->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(panel.result(), 1);
    }

    void customChoices() {
        ConfirmationPanel panel(m_screen);
        panel.setTitle(QStringLiteral("作废这份申请？"));
        const int withdraw =
            panel.addChoice(QStringLiteral("作废申请"), ConfirmationPanel::ChoiceRole::Destructive);
        const int back = panel.addChoice(QStringLiteral("返回"), ConfirmationPanel::ChoiceRole::Reject);
        const int later = panel.addChoice(QStringLiteral("稍后再说"), ConfirmationPanel::ChoiceRole::Other);
        QCOMPARE(panel.choiceCount(), 3); // the default Yes/No are gone
        QCOMPARE(withdraw, 0);
        QCOMPARE(panel.choiceButton(back)->text(), QStringLiteral("返回"));

        QSignalSpy accepted(&panel, &ConfirmationPanel::accepted);
        QSignalSpy rejected(&panel, &ConfirmationPanel::rejected);
        panel.open();
        QVERIFY(panel.choiceButton(back)->hasFocus());
        QTest::mouseClick(panel.choiceButton(later), Qt::LeftButton);
        QCOMPARE(panel.result(), later);
        QCOMPARE(accepted.count() + rejected.count(), 0);

        panel.open();
        QTest::mouseClick(panel.choiceButton(withdraw), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
    }

    void cancelWithoutARejectChoice() {
        ConfirmationPanel panel(m_screen);
        panel.addChoice(QStringLiteral("知道了"), ConfirmationPanel::ChoiceRole::Accept);
        QSignalSpy finished(&panel, &ConfirmationPanel::finished);
        panel.open();
        panel.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toInt(), -1);
        QVERIFY(!panel.isOpen());
        // Closing a closed panel does nothing.
        panel.cancel();
        QCOMPARE(finished.count(), 1);
    }

    void followsTheScreenSize() {
        ConfirmationPanel panel(m_screen);
        panel.open();
        m_screen->resize(800, 1280);
        QTRY_COMPARE(panel.geometry(), QRect(0, 0, 800, 1280));
        QVERIFY(panel.choiceButton(0)->height() >= 64);
    }

    void askCallsBackOnceAndCleansUp() {
        std::optional<bool> answer;
        int calls = 0;
        QPointer<ConfirmationPanel> panel =
            ConfirmationPanel::ask(m_screen, QStringLiteral("确认提交？"), QString(), [&](bool yes) {
                answer = yes;
                ++calls;
            });
        QVERIFY(panel);
        QVERIFY(panel->isOpen());
        QTest::mouseClick(panel->choiceButton(1), Qt::LeftButton);
        QCOMPARE(calls, 1);
        QCOMPARE(answer, std::optional<bool>(true));
        QTRY_VERIFY(panel.isNull());
    }
};

QTEST_MAIN(TestConfirmationPanel)
#include "tst_confirmation_panel.moc"
