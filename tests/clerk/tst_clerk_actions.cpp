// The clerk's actions and the calling page with answers the test gives: one request at a time, buttons
// and keys disabled while it is on its way, and only confirmed answers shown.

#include "calling_page.h"
#include "clerk_actions.h"
#include "fake_queue_service.h"
#include "queue_dialogs.h"
#include "window_queue_model.h"

#include "protocol/queue_events.h"
#include "qtapp/language.h"
#include "touchui/theme.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace clerk;
using namespace clerk::test;
using Action = ClerkActions::Action;
using hall::TicketState;

class TestClerkActions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { hall::touch::Theme::desk().apply(*qApp); }

    void nothingBeforeTheWindowIsLoaded() {
        FakeQueueService service;
        WindowQueueModel model;
        ClerkActions actions(service, model);
        QVERIFY(!actions.callNext());
        QVERIFY(service.sent.empty());
    }

    void doubleCallSendsOne() {
        FakeQueueService service;
        WindowQueueModel model;
        model.reset(windowQueue(10, {ticket(1, "A001"), ticket(2, "A002")}));
        ClerkActions actions(service, model);
        QSignalSpy ok(&actions, &ClerkActions::succeeded);
        QVERIFY(actions.callNext());
        QVERIFY(!actions.callNext());
        QVERIFY(!actions.isAvailable(Action::Pause));
        QCOMPARE(service.sent.size(), 1u);
        QVERIFY(actions.isBusy());
        // Nothing shown until the server answers.
        QVERIFY(!model.active());

        auto called = ticket(1, "A001", TicketState::Called, "2-07");
        called.callCount = 1;
        service.sent[0].ticketDone(hall::TicketOk{called});
        QVERIFY(!actions.isBusy());
        QCOMPARE(model.active()->ticketId, 1u);
        QCOMPARE(ok.count(), 1);
        QVERIFY(!actions.isAvailable(Action::CallNext)); // one ticket at the window at a time
        QVERIFY(actions.isAvailable(Action::Recall));
        QVERIFY(actions.isAvailable(Action::NoShow));
    }

    void refusalIsShownAndChangesNothing() {
        FakeQueueService service;
        WindowQueueModel model;
        auto called = ticket(1, "A001", TicketState::Called, "2-07");
        called.callCount = 1;
        model.reset(windowQueue(10, {}, called));
        ClerkActions actions(service, model);
        QSignalSpy failed(&actions, &ClerkActions::failed);
        QVERIFY(actions.markNoShow());
        QCOMPARE(service.sent[0].what, "noShow");
        QCOMPARE(service.sent[0].ticketId, 1u);
        service.sent[0].ticketDone(
            hall::Error{hall::ErrorCode::InvalidState, "call the ticket 2 more times first"});
        QCOMPARE(failed.count(), 1);
        const QString text = failed.at(0).at(1).toString();
        QVERIFY2(text.contains(u"call the ticket 2 more times first"_qs), qPrintable(text));
        QCOMPARE(model.active()->state, TicketState::Called);
        QVERIFY(actions.isAvailable(Action::NoShow));
    }

    void pauseAndResume() {
        FakeQueueService service;
        WindowQueueModel model;
        model.reset(windowQueue(10, {ticket(1, "A001")}));
        ClerkActions actions(service, model);
        QVERIFY(!actions.isAvailable(Action::Resume));
        QVERIFY(actions.pause(u" 午休 "_qs));
        QCOMPARE(service.sent[0].what, "window:3:午休");
        hall::WindowView paused = model.window();
        paused.state = hall::WindowState::Paused;
        service.sent[0].windowDone(hall::WindowOk{paused});
        QCOMPARE(model.window().state, hall::WindowState::Paused);
        QVERIFY(!actions.isAvailable(Action::CallNext));
        QVERIFY(actions.resume());
        QCOMPARE(service.sent[1].what, "window:2:");
    }

    void transferNeedsAQueue() {
        FakeQueueService service;
        WindowQueueModel model;
        model.reset(windowQueue(10, {}, ticket(1, "A001", TicketState::Serving, "2-07")));
        ClerkActions actions(service, model);
        QVERIFY(!actions.transfer({}, {}));
        QVERIFY(actions.transfer(u"B"_qs, {}));
        QCOMPARE(service.sent[0].what, "transfer:B");
        auto moved = ticket(1, "A001");
        moved.queuePrefix = "B";
        service.sent[0].ticketDone(hall::TicketOk{moved});
        QVERIFY(!model.active());
    }

    void transferOffersOtherQueuesAndTheirWindows() {
        std::vector<hall::QueueView> queues{{"G", "企业开办", 2, 4, {}, 0}, {"H", "经营许可", 2, 1, {}, 0}};
        std::map<QString, QStringList> windows{{u"G"_qs, {u"2-07"_qs}}, {u"H"_qs, {u"2-08"_qs, u"2-09"_qs}}};
        TransferDialog dialog(queues, windows, u"G"_qs);
        QCOMPARE(dialog.queuePrefix(), u"H"_qs); // not the ticket's own queue
        auto* windowBox = dialog.findChildren<QComboBox*>().at(1);
        QCOMPARE(windowBox->count(), 3); // any window, 2-08, 2-09
        QCOMPARE(dialog.window(), QString());
        windowBox->setCurrentIndex(2);
        QCOMPARE(dialog.window(), u"2-09"_qs);
    }

    void reactivateFindsTodaysNoShowByNumber() {
        WindowQueueModel model;
        model.reset(windowQueue(10, {}, ticket(5, "A005", TicketState::Called, "2-07")));
        model.applyEvent(
            journalEvent(11, hall::TicketChanged{ticket(5, "A005", TicketState::NoShow, "2-07"), 0}));
        ReactivateDialog dialog(model);
        auto* number = dialog.findChild<QLineEdit*>();
        number->setText(u"a7"_qs);
        QMetaObject::invokeMethod(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                                  "click");
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.ticketId(), 0u);
        number->setText(u"A005"_qs);
        QMetaObject::invokeMethod(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                                  "click");
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.ticketId(), 5u);
    }

    void buttonsFollowTheRequestInFlight() {
        FakeQueueService service;
        WindowQueueModel model;
        model.reset(windowQueue(10, {ticket(1, "A001"), ticket(2, "A002")}));
        ClerkActions actions(service, model);
        CallingPage page(actions, model);
        page.resize(1366, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        QPushButton* call = page.button(Action::CallNext);
        QVERIFY(call->isEnabled());
        QVERIFY(!page.button(Action::Recall)->isEnabled());
        QTest::mouseClick(call, Qt::LeftButton);
        QTest::mouseClick(call, Qt::LeftButton);          // the double click
        page.shortcutAction(Action::CallNext)->trigger(); // and F1 on top
        QCOMPARE(service.sent.size(), 1u);
        QVERIFY(!call->isEnabled());
        QVERIFY(!page.shortcutAction(Action::CallNext)->isEnabled());

        auto called = ticket(1, "A001", TicketState::Called, "2-07");
        called.callCount = 1;
        service.sent[0].ticketDone(hall::TicketOk{called});
        QVERIFY(!call->isEnabled());
        QVERIFY(page.button(Action::Recall)->isEnabled());
        QCOMPARE(page.findChild<QLabel*>(u"activeNumber"_qs)->text(), u"A001"_qs);

        page.shortcutAction(Action::Recall)->trigger(); // F2
        QCOMPARE(service.sent.size(), 2u);
        QCOMPARE(service.sent[1].what, "recall");
        QVERIFY(!page.button(Action::Recall)->isEnabled());
        service.sent[1].ticketDone(hall::Error{hall::ErrorCode::InvalidState, "recall again after 30 s"});
        QVERIFY(page.button(Action::Recall)->isEnabled());
        QVERIFY(page.findChild<QWidget*>(u"outcome"_qs)->isVisible());

        if (const QByteArray dir = qgetenv("CLERK_SCREENSHOT_DIR"); !dir.isEmpty())
            writeScreenshot(QString::fromLocal8Bit(dir));
    }

private:
    // docs/screenshots/clerk-calling.png: a called ticket, a waiting list with priority classes, counts.
    void writeScreenshot(const QString& dir) {
        hall::qt::LanguageManager languages({u"hall"_qs, u"clerk"_qs});
        QVERIFY(languages.setLanguage(hall::qt::Language::SimplifiedChinese));
        FakeQueueService service;
        WindowQueueModel model;
        model.setPriorityClasses({{1, "老年人", true}, {2, "残疾人", true}, {3, "预约", true}});
        const std::int64_t base = QDateTime::currentMSecsSinceEpoch() - 48 * 60000;
        std::vector<hall::TicketView> waiting;
        const char* numbers[] = {"B015", "A024", "A025", "B016", "A026",
                                 "A027", "B017", "A028", "A029", "A030"};
        const std::uint8_t classes[] = {1, 3, 0, 0, 2, 0, 0, 0, 0, 0};
        for (int i = 0; i < 10; ++i)
            waiting.push_back(ticket(std::uint64_t(30 + i), numbers[i], TicketState::Waiting, {}, classes[i],
                                     base + i * 4 * 60000));
        auto active = ticket(23, "A023", TicketState::Called, "2-07", 0, base - 5 * 60000);
        active.callCount = 2;
        model.setNow(QDateTime::currentMSecsSinceEpoch());
        auto queue = windowQueue(120, waiting, active);
        queue.servedToday = 37;
        queue.noShowToday = 2;
        model.reset(queue);
        ClerkActions actions(service, model);
        CallingPage page(actions, model);
        page.resize(1200, 640);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(actions.recall());
        auto recalled = active;
        recalled.callCount = 3;
        service.sent[0].ticketDone(hall::TicketOk{recalled});
        QVERIFY(page.grab().save(dir + u"/clerk-calling-page.png"_qs));
    }
};

QTEST_MAIN(TestClerkActions)
#include "tst_clerk_actions.moc"
