#pragma once

#include <QIcon>
#include <QList>
#include <QString>
#include <QWidget>

class QAbstractButton;
class QGridLayout;
class QScrollArea;

namespace hall::touch {

/// One tile: a floor, a department, a service category.
struct Tile {
    QString id;       ///< handed back by TileGrid::tileActivated; unique within a grid
    QString title;    ///< large text, wraps onto two lines when long
    QString subtitle; ///< smaller text under the title; may be empty
    QIcon icon;       ///< shown above the title; may be null
    QString badge;    ///< short text in a corner pill, for example "等候 12 人"; may be empty
};

/// A scrolling grid of large tiles. Tapping a tile emits tileActivated(id). The number of columns
/// follows the width (tiles stay at least Theme::metrics().tileMinWidth wide) unless set; a long list
/// scrolls with the finger (kinetic scrolling) and a thick scroll bar.
class TileGrid : public QWidget {
    Q_OBJECT

public:
    explicit TileGrid(QWidget* parent = nullptr);

    /// Replaces all tiles. Ids must be unique (asserted).
    void setTiles(const QList<Tile>& tiles);
    const QList<Tile>& tiles() const { return m_tiles; }

    /// Updates one tile's badge in place (a waiting count); false when no tile has the id.
    bool setBadge(const QString& id, const QString& badge);

    /// Fixed number of columns; 0 (the default) fits as many as the width allows.
    void setColumnCount(int columns);
    int columnCount() const;

    /// The button of a tile, or null: for tests and for programs that need to disable a tile.
    QAbstractButton* tileButton(const QString& id) const;

    QScrollArea* scrollArea() const { return m_scroll; }

Q_SIGNALS:
    void tileActivated(const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void relayout();
    int columnsForWidth(int width) const;

    QList<Tile> m_tiles;
    QList<QAbstractButton*> m_buttons;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_content = nullptr;
    QGridLayout* m_grid = nullptr;
    int m_fixedColumns = 0;
    int m_layoutColumns = 0;
};

} // namespace hall::touch
