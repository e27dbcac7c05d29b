#include "touchui/kinetic_scrolling.h"
#include "touchui/theme.h"
#include "touchui/tile_grid.h"
#include "touchui/touch_item_delegate.h"

#include <QAbstractButton>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QScroller>
#include <QSignalSpy>
#include <QTest>

using namespace hall::touch;

namespace {

QList<Tile> departments(int count) {
    const QStringList names{QStringLiteral("市场监管局"), QStringLiteral("人力资源和社会保障局"),
                            QStringLiteral("医疗保障局"), QStringLiteral("住房公积金中心"),
                            QStringLiteral("公安户政"),   QStringLiteral("税务局")};
    QList<Tile> tiles;
    for (int i = 0; i < count; ++i)
        tiles.append({QStringLiteral("d%1").arg(i),
                      names[i % names.size()],
                      QStringLiteral("%1 楼").arg(i % 4 + 1),
                      {},
                      {}});
    return tiles;
}

} // namespace

class TestTileGrid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tapEmitsTheTileId() {
        TileGrid grid;
        grid.setTiles(departments(6));
        grid.resize(1080, 800);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QSignalSpy activated(&grid, &TileGrid::tileActivated);

        QAbstractButton* tile = grid.tileButton(QStringLiteral("d3"));
        QVERIFY(tile);
        QTest::mouseClick(tile, Qt::LeftButton);
        QTRY_COMPARE(activated.count(), 1);
        QCOMPARE(activated.first().at(0).toString(), QStringLiteral("d3"));
        QCOMPARE(grid.tileButton(QStringLiteral("nope")), nullptr);
    }

    void columnsFollowTheWidth() {
        TileGrid grid;
        grid.setTiles(departments(7));
        const ThemeMetrics& m = Theme::current().metrics();
        grid.resize(3 * m.tileMinWidth + 2 * m.spacing + 40, 900);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QTRY_COMPARE(grid.columnCount(), 3);

        grid.resize(2 * m.tileMinWidth + m.spacing + 40, 900);
        QTRY_COMPARE(grid.columnCount(), 2);

        grid.setColumnCount(1);
        QCOMPARE(grid.columnCount(), 1);
        QTRY_VERIFY(grid.tileButton(QStringLiteral("d1"))->y() > grid.tileButton(QStringLiteral("d0"))->y());
    }

    void fixedColumnsLayOutRowByRow() {
        TileGrid grid;
        grid.setColumnCount(2);
        grid.setTiles(departments(5));
        grid.resize(900, 900);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        const auto pos = [&](int i) {
            return grid.tileButton(QStringLiteral("d%1").arg(i))->geometry();
        };
        QTRY_VERIFY(pos(1).x() > pos(0).x());
        QCOMPARE(pos(1).y(), pos(0).y());
        QVERIFY(pos(2).y() > pos(0).y());
        QCOMPARE(pos(2).x(), pos(0).x());
        // Tiles are big targets.
        QVERIFY(pos(0).height() >= 64);
        QCOMPARE(pos(0).height(), Theme::current().metrics().tileHeight);
    }

    void badgeUpdatesInPlace() {
        TileGrid grid;
        grid.setTiles(departments(3));
        QAbstractButton* before = grid.tileButton(QStringLiteral("d1"));
        QVERIFY(grid.setBadge(QStringLiteral("d1"), QStringLiteral("等候 12 人")));
        QCOMPARE(grid.tiles().at(1).badge, QStringLiteral("等候 12 人"));
        QCOMPARE(grid.tileButton(QStringLiteral("d1")), before);
        QVERIFY(!grid.setBadge(QStringLiteral("d9"), QStringLiteral("x")));
    }

    void replacingTilesDropsTheOldOnes() {
        TileGrid grid;
        grid.setTiles(departments(4));
        grid.setTiles({{QStringLiteral("floor-2"), QStringLiteral("二楼"), {}, {}, {}}});
        QCOMPARE(grid.tiles().size(), 1);
        QCOMPARE(grid.tileButton(QStringLiteral("d0")), nullptr);
        QVERIFY(grid.tileButton(QStringLiteral("floor-2")));
    }

    void touchListRowsAreTall() {
        QListWidget list;
        list.addItem(QStringLiteral("营业执照设立登记"));
        list.addItem(QStringLiteral("社保卡补办"));
        list.setItemDelegate(new TouchItemDelegate(&list));
        list.resize(400, 400);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        const QRect first = list.visualItemRect(list.item(0));
        QVERIFY(first.height() >= Theme::current().metrics().touchTarget);
        QVERIFY(list.visualItemRect(list.item(1)).top() >= first.bottom());
    }

    void dragScrollsTheList_data() {
        QTest::addColumn<bool>("kinetic");
        QTest::newRow("kinetic") << true;
        QTest::newRow("plain list, for comparison") << false;
    }

    void dragScrollsTheList() {
        QFETCH(bool, kinetic);
        QListWidget list;
        for (int i = 0; i < 200; ++i)
            list.addItem(QStringLiteral("第 %1 项").arg(i));
        if (kinetic)
            enableKineticScrolling(&list);
        list.resize(400, 400);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        QCOMPARE(QScroller::hasScroller(list.viewport()), kinetic);

        // A finger (left button) drag upwards through the window, in small steps as a real one moves,
        // staying clear of the edges where a plain list would auto-scroll its selection.
        QWindow* window = list.windowHandle();
        const QPoint start = list.viewport()->mapTo(&list, QPoint(200, 350));
        QTest::mousePress(window, Qt::LeftButton, Qt::NoModifier, start);
        for (int step = 1; step <= 15; ++step)
            QTest::mouseMove(window, start - QPoint(0, step * 20), 10);
        QTest::mouseRelease(window, Qt::LeftButton, Qt::NoModifier, start - QPoint(0, 300), 10);
        if (kinetic) {
            QCOMPARE(list.verticalScrollMode(), QAbstractItemView::ScrollPerPixel);
            QTRY_VERIFY(list.verticalScrollBar()->value() > 0);
        } else {
            QCoreApplication::processEvents();
            QCOMPARE(list.verticalScrollBar()->value(), 0);
        }
    }
};

QTEST_MAIN(TestTileGrid)
#include "tst_tile_grid.moc"
