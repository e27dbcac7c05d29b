// The counter tablet's screens, offscreen, in Chinese: taps drive the model, the reason is required,
// the idle timeout drops a prompt, an offline rating says it is saved. With HALL_TABLET_SCREENSHOT_DIR
// set, the screens are also saved there as the documentation's screenshots.

#include "rating_outbox.h"
#include "tablet_fixtures.h"
#include "tablet_model.h"
#include "tablet_screens.h"
#include "tablet_window.h"

#include "protocol/queue_messages.h"
#include "qtapp/application_setup.h"
#include "qtapp/language.h"
#include "touchui/idle_watcher.h"
#include "touchui/status_banner.h"
#include "touchui/theme.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tablet;
using namespace tablet::testing;
using namespace Qt::StringLiterals;
using hall::TicketState;

class TestTabletWindow : public QObject {
    Q_OBJECT

private:
    struct Rig {
        explicit Rig(const QString& outboxPath) : outbox(outboxPath, &sender) {
            if (!outbox.open())
                qFatal("outbox did not open");
            QObject::connect(&model, &TabletModel::ratingSubmitted, &outbox,
                             [this](const hall::SubmitRating& r) { static_cast<void>(outbox.enqueue(r)); });
            if (!model.setDevice(tabletDevice()))
                qFatal("not bound");
            hall::WindowView mine = openWindow();
            mine.currentNumber = "A023";
            mine.currentTicketId = 23;
            static_cast<void>(model.applyBoard(boardWith({mine})));
            window.resize(1280, 800);
            window.show();
        }
        void finishCurrent() {
            model.applyEvent(changed(101, ticket(23, "A023", "2-07", TicketState::Finished)));
        }
        FakeSender sender;
        TabletModel model;
        RatingOutbox outbox;
        TabletWindow window{model, outbox};
    };

    void save(QWidget& window, const char* name) {
        const QString dir = qEnvironmentVariable("HALL_TABLET_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QCoreApplication::processEvents();
        QVERIFY(window.grab().save(dir + u"/"_s + QLatin1StringView(name)));
    }

    QString outboxPath() const { return m_dir.filePath(u"ratings-%1.sqlite"_s.arg(++m_count)); }

    QTemporaryDir m_dir;
    mutable int m_count = 0;
    hall::qt::LanguageManager* m_languages = nullptr;

private Q_SLOTS:
    void initTestCase() {
        hall::touch::Theme::touch().apply(*qApp);
        QApplication::setFont(
            hall::qt::applicationFont(hall::touch::Theme::current().metrics().bodyPointSize));
        m_languages = new hall::qt::LanguageManager({u"hall"_s, u"tablet"_s}, this);
        QVERIFY(m_languages->setLanguage(hall::qt::Language::SimplifiedChinese));
    }

    void idleShowsWhoServes() {
        Rig rig(outboxPath());
        IdleScreen* idle = rig.window.idleScreen();
        QCOMPARE(rig.window.currentScreen(), idle);
        QCOMPARE(idle->clerkLabel()->text(), u"王丽华"_s);
        QVERIFY(idle->staffLabel()->text().contains(u"0207"_s));
        QCOMPARE(idle->stateLabel()->text(), u"正在办理业务"_s);
        QVERIFY(idle->currentLabel()->text().contains(u"A023"_s));
        QCOMPARE(idle->avatar()->surname(), u"王"_s);
        rig.window.setOnline(true);
        save(rig.window, "tablet-idle.png");
    }

    void theReasonLabelsAreTheHallsOwn() {
        // The Chinese catalog gives each reason exactly ratingReasonLabel(), the text supervision reads.
        for (hall::RatingReason reason : offeredReasons()) {
            const std::string_view label = hall::ratingReasonLabel(reason);
            QCOMPARE(reasonText(reason),
                     QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size())));
        }
        QCOMPARE(levelText(5), u"非常满意"_s);
        QCOMPARE(levelText(4), u"满意"_s);
        QCOMPARE(levelText(3), u"基本满意"_s);
        QCOMPARE(levelText(2), u"不满意"_s);
        QCOMPARE(levelText(1), u"非常不满意"_s);
    }

    void aGoodRatingIsOneTap() {
        Rig rig(outboxPath());
        rig.sender.setReady(true);
        rig.window.setOnline(true);
        rig.finishCurrent();
        QCOMPARE(rig.window.currentScreen(), rig.window.ratingScreen());
        save(rig.window, "tablet-rating.png");
        QTest::mouseClick(rig.window.ratingScreen()->levelButton(5), Qt::LeftButton);
        QCOMPARE(rig.window.currentScreen(), rig.window.thanksScreen());
        QVERIFY(!rig.window.thanksScreen()->isSavedOffline());
        QCOMPARE(rig.sender.sent.size(), std::size_t{1});
        QCOMPARE(rig.sender.sent[0].rating.level, std::uint8_t{5});
    }

    void aPoorRatingNeedsAReason() {
        Rig rig(outboxPath());
        rig.sender.setReady(true);
        rig.window.setOnline(true);
        rig.finishCurrent();
        QTest::mouseClick(rig.window.ratingScreen()->levelButton(2), Qt::LeftButton);
        ReasonScreen* reasons = rig.window.reasonScreen();
        QCOMPARE(rig.window.currentScreen(), reasons);
        QVERIFY(!reasons->submitButton()->isEnabled());
        QTest::mouseClick(reasons->submitButton(), Qt::LeftButton);
        QCOMPARE(rig.sender.sent.size(), std::size_t{0});

        QTest::mouseClick(reasons->reasonButton(hall::RatingReason::LongWait), Qt::LeftButton);
        QVERIFY(reasons->submitButton()->isEnabled());
        QVERIFY(reasons->reasonButton(hall::RatingReason::LongWait)->text().startsWith(u"✓"_s));
        save(rig.window, "tablet-reason.png");
        QTest::mouseClick(reasons->submitButton(), Qt::LeftButton);
        QCOMPARE(rig.window.currentScreen(), rig.window.thanksScreen());
        QCOMPARE(rig.sender.sent.size(), std::size_t{1});
        QCOMPARE(rig.sender.sent[0].rating.level, std::uint8_t{2});
        QCOMPARE(rig.sender.sent[0].rating.reasonCode,
                 static_cast<std::uint8_t>(hall::RatingReason::LongWait));
    }

    void offlineSaysSavedWillBeSent() {
        Rig rig(outboxPath());
        rig.window.setOnline(false);
        QVERIFY(rig.window.banner()->isShowingMessage());
        rig.finishCurrent();
        QTest::mouseClick(rig.window.ratingScreen()->levelButton(4), Qt::LeftButton);
        QVERIFY(rig.window.thanksScreen()->isSavedOffline());
        QVERIFY(rig.window.thanksScreen()->noticeLabel()->text().contains(u"自动发送"_s));
        save(rig.window, "tablet-thanks-offline.png");
        QCOMPARE(rig.outbox.pendingCount(), 1);
        rig.model.finishThanks();
        QCOMPARE(rig.window.currentScreen(), rig.window.idleScreen());
        rig.sender.setReady(true);
        QCOMPARE(rig.sender.sent.size(), std::size_t{1});
    }

    void walkingAwayDropsThePrompt() {
        Rig rig(outboxPath());
        rig.finishCurrent();
        QTest::mouseClick(rig.window.ratingScreen()->levelButton(1), Qt::LeftButton);
        QSignalSpy idle(rig.window.idleWatcher(), &hall::touch::IdleWatcher::idle);
        rig.window.idleWatcher()->setTimeout(std::chrono::milliseconds(50));
        rig.window.idleWatcher()->start();
        QVERIFY(idle.wait(5000));
        QCOMPARE(rig.window.currentScreen(), rig.window.idleScreen());
        QCOMPARE(rig.outbox.pendingCount(), 0);
        QCOMPARE(rig.sender.sent.size(), std::size_t{0});
    }

    void thanksGoesBackToIdle() {
        Rig rig(outboxPath());
        rig.window.setThanksTime(std::chrono::milliseconds(20));
        rig.finishCurrent();
        QTest::mouseClick(rig.window.ratingScreen()->levelButton(3), Qt::LeftButton);
        QCOMPARE(rig.window.currentScreen(), rig.window.thanksScreen());
        QSignalSpy screens(&rig.model, &TabletModel::screenChanged);
        QVERIFY(screens.wait(5000));
        QCOMPARE(rig.window.currentScreen(), rig.window.idleScreen());
    }
};

QTEST_MAIN(TestTabletWindow)
#include "tst_tablet_window.moc"
