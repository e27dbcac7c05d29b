// The watcher runs on real time with short timeouts. No assertion depends on how fast the machine is:
// "never early" is checked against the measured time since the last input, and "not while input keeps
// coming" only where the measured gaps between inputs really stayed below the timeout.
#include "touchui/idle_watcher.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace hall::touch;
using namespace std::chrono_literals;

class TestIdleWatcher : public QObject {
    Q_OBJECT

    QLineEdit* m_widget = nullptr;

    // Real (spontaneous) input, as the window system would deliver it.
    void userTypes() { QTest::keyClick(m_widget, Qt::Key_A); }

private Q_SLOTS:
    void init() {
        m_widget = new QLineEdit;
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget));
    }

    void cleanup() {
        delete m_widget;
        m_widget = nullptr;
    }

    void firesOnceAfterInactivityAndNeverEarly() {
        constexpr auto timeout = 150ms;
        IdleWatcher watcher(timeout);
        QList<qint64> idleAfter;
        connect(&watcher, &IdleWatcher::idle, this, [&] { idleAfter.append(watcher.idleFor()); });
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        userTypes();

        QTRY_COMPARE(idle.count(), 1);
        QVERIFY(watcher.isIdle());
        QVERIFY2(idleAfter.first() >= timeout.count(), qPrintable(QString::number(idleAfter.first())));
        // Once per idle period: no second signal without new input.
        QVERIFY(!idle.wait(int(3 * timeout.count())));
        QCOMPARE(idle.count(), 1);
    }

    void inputKeepsItAwake() {
        constexpr auto timeout = 300ms;
        IdleWatcher watcher(timeout);
        QList<qint64> idleAfter;
        connect(&watcher, &IdleWatcher::idle, this, [&] { idleAfter.append(watcher.idleFor()); });

        // Input every 50 ms, twenty times: three times longer than the timeout in all.
        QElapsedTimer sinceLast;
        sinceLast.start();
        qint64 longestGap = 0;
        int inputs = 0;
        QTimer typist;
        typist.setInterval(50);
        connect(&typist, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, sinceLast.restart());
            userTypes();
            if (++inputs == 20)
                typist.stop();
        });
        typist.start();
        QTRY_COMPARE_WITH_TIMEOUT(inputs, 20, 30'000);

        for (const qint64 after : idleAfter)
            QVERIFY2(after >= timeout.count(), "idle() came before the timeout had passed");
        if (longestGap < timeout.count())
            QVERIFY2(idleAfter.isEmpty(), "idle() while input kept coming");
        else
            qInfo("the machine stalled %lld ms between inputs; only the never-early rule was checked",
                  longestGap);

        // And once the input stops, it does go idle.
        QTRY_VERIFY(watcher.isIdle());
    }

    void inputAfterIdleStartsAnotherPeriod() {
        IdleWatcher watcher(100ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        QSignalSpy activity(&watcher, &IdleWatcher::activity);
        QTRY_COMPARE(idle.count(), 1);
        userTypes();
        QCOMPARE(activity.count(), 1);
        QVERIFY(!watcher.isIdle());
        QTRY_COMPARE(idle.count(), 2);
    }

    void codeSentEventsDoNotCountAsInput() {
        IdleWatcher watcher(150ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        // A stream of key events sent by code (not spontaneous) must not keep the program awake.
        QTimer fake;
        connect(&fake, &QTimer::timeout, this, [this] {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_B, Qt::NoModifier, QStringLiteral("b"));
            QCoreApplication::sendEvent(m_widget, &press);
        });
        fake.start(20);
        QTRY_COMPARE(idle.count(), 1);
        fake.stop();
    }

    void warningComesBeforeIdle() {
        IdleWatcher watcher(300ms);
        watcher.setWarningLead(150ms);
        QStringList order;
        connect(&watcher, &IdleWatcher::warning, this, [&] {
            order.append(QStringLiteral("warning"));
            QVERIFY(watcher.idleFor() >= 150);
        });
        connect(&watcher, &IdleWatcher::idle, this, [&] { order.append(QStringLiteral("idle")); });
        userTypes();
        QTRY_COMPARE(order.size(), 2);
        QCOMPARE(order, (QStringList{QStringLiteral("warning"), QStringLiteral("idle")}));
    }

    void inputAfterWarningCancelsIt() {
        IdleWatcher watcher(400ms);
        watcher.setWarningLead(300ms);
        QSignalSpy warning(&watcher, &IdleWatcher::warning);
        QSignalSpy activity(&watcher, &IdleWatcher::activity);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        QTRY_COMPARE(warning.count(), 1);
        userTypes();
        QCOMPARE(activity.count(), 1);
        // The count starts again: another warning before any idle.
        QTRY_COMPARE(warning.count(), 2);
        QTRY_COMPARE(idle.count(), 1);
        QVERIFY(warning.count() == 2);
    }

    void stoppedWatcherStaysQuiet() {
        constexpr auto timeout = 100ms;
        IdleWatcher watcher(timeout);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        watcher.stop();
        QVERIFY(!watcher.isRunning());
        QVERIFY(!idle.wait(int(3 * timeout.count())));
        watcher.start();
        QTRY_COMPARE(idle.count(), 1);
    }

    void resetCountsAsInput() {
        IdleWatcher watcher(100ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        QTRY_COMPARE(idle.count(), 1);
        watcher.reset();
        QVERIFY(!watcher.isIdle());
        QVERIFY(watcher.idleFor() < 100);
        QTRY_COMPARE(idle.count(), 2);
    }
};

QTEST_MAIN(TestIdleWatcher)
#include "tst_idle_watcher.moc"
