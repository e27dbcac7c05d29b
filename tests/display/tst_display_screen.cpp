#include "display_model.h"
#include "display_screen.h"
#include "event_builders.h"
#include "sample_board.h"

#include "present/call_text.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hall::display::DisplayModel;
using hall::display::DisplayScreen;

namespace {

constexpr qint64 kNow = 1'796'284'800'000;

/// How many LEDs are lit in rows [top, top + height) of a frame.
int litPixels(const QImage& frame, int top, int height) {
    int lit = 0;
    for (int y = top; y < top + height && y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x)
            if (qGray(frame.pixel(x, y)) > 40)
                ++lit;
    return lit;
}

} // namespace

class TestDisplayScreen : public QObject {
    Q_OBJECT

    qint64 m_now = kNow;

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China)); }

    void textsFollowTheModel() {
        DisplayModel model([this] { return m_now; });
        model.setFloor(2);
        model.resetFromBoard(hall::display::sampleBoard(kNow));
        model.setNotices(hall::display::sampleNotices(kNow));
        DisplayScreen screen(model);
        auto texts = screen.texts();
        QCOMPARE(texts.current.number, u"A022"_s);
        QVERIFY(!texts.highlight); // calls from the board were made before the display started
        QVERIFY(!texts.connection.isEmpty());

        model.setConnected(true);
        QVERIFY(model.applyEvent(hall::display::sampleCallEvent(kNow)));
        texts = screen.texts();
        const auto expected =
            hall::present::callText(*hall::present::parseTicketNumber("A023"),
                                    *hall::present::parseWindowId("2-07"), hall::present::Language::Chinese);
        QCOMPARE(texts.currentCall, QString::fromStdString(expected));
        QCOMPARE(texts.current.window, u"2-07号窗口"_s);
        QVERIFY(texts.highlight); // a fresh call blinks, starting lit
        QVERIFY(texts.connection.isEmpty());
        QCOMPARE(texts.recent.size(), 8u);
        QCOMPARE(texts.recent.front().number, u"A022"_s);
        QCOMPARE(texts.queues.size(), 4u);
        QCOMPARE(texts.queues.front().count, 11); // A023 left queue A
        QCOMPARE(texts.notices.size(), 2);
        QVERIFY(texts.notices.join(u' ').contains(u"一窗通办"_s));
    }

    void highlightEnds() {
        DisplayModel model([this] { return m_now; });
        model.resetFromBoard(hall::display::sampleBoard(kNow));
        DisplayScreen screen(model);
        screen.setHighlightDuration(std::chrono::milliseconds(0));
        QVERIFY(model.applyEvent(hall::display::sampleCallEvent(kNow)));
        QVERIFY(!screen.texts().highlight);
    }

    void ledFrameLightsEveryArea() {
        DisplayModel model([this] { return m_now; });
        model.setFloor(2);
        model.resetFromBoard(hall::display::sampleBoard(kNow));
        model.setNotices(hall::display::sampleNotices(kNow));
        model.setConnected(true);
        DisplayScreen screen(model);
        screen.setLook(DisplayScreen::Look::LedPanel);
        for (const QSize resolution : {QSize(192, 96), QSize(384, 192)}) {
            screen.setLedResolution(resolution);
            const QImage frame = screen.ledFrame();
            QCOMPARE(frame.size(), resolution);
            const int u = resolution.height() / 8;
            QVERIFY2(litPixels(frame, 0, u) > 0, "title row");
            QVERIFY2(litPixels(frame, u, 2 * u) > 0, "current call");
            QVERIFY2(litPixels(frame, 3 * u, 3 * u) > 0, "recent calls");
            QVERIFY2(litPixels(frame, 6 * u, u) > 0, "waiting counts");
            QVERIFY2(litPixels(frame, 7 * u, u) > 0, "notice");
        }
    }

    void bothLooksPaint() {
        DisplayModel model([this] { return m_now; });
        model.resetFromBoard(hall::display::sampleBoard(kNow));
        DisplayScreen screen(model);
        screen.resize(960, 540);
        for (const auto look : {DisplayScreen::Look::LargeScreen, DisplayScreen::Look::LedPanel}) {
            screen.setLook(look);
            const QImage image = screen.grab().toImage();
            QCOMPARE(image.size(), QSize(960, 540));
            QVERIFY(litPixels(image, 0, image.height()) > 1000);
        }
    }
};

QTEST_MAIN(TestDisplayScreen)
#include "tst_display_screen.moc"
