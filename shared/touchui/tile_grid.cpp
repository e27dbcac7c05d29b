#include "touchui/tile_grid.h"

#include "touchui/kinetic_scrolling.h"
#include "touchui/theme.h"

#include <QAbstractButton>
#include <QEvent>
#include <QGridLayout>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QSet>
#include <QTextLayout>

namespace hall::touch {

namespace {

constexpr int kTitleLines = 2;

// Breaks text into at most maxLines lines of the width; the last line takes the rest, elided. Han text
// breaks between any two characters, Latin text between words.
QStringList wrapText(const QString& text, const QFont& font, int width, int maxLines) {
    QStringList lines;
    if (text.isEmpty() || width <= 0)
        return lines;
    QTextLayout layout(text, font);
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            lines.append(QFontMetrics(font).elidedText(text.mid(line.textStart()), Qt::ElideRight, width));
            break;
        }
        lines.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return lines;
}

/// A tile drawn by hand: a card with an icon, a title of up to two lines, a subtitle and a badge.
class TileButton : public QAbstractButton {
public:
    TileButton(const Tile& tile, QWidget* parent) : QAbstractButton(parent) {
        setTile(tile);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setFixedHeight(Theme::current().metrics().tileHeight);
        if (Theme::current().profile() == Theme::Profile::Touch)
            setFocusPolicy(Qt::NoFocus);
    }

    void setTile(const Tile& tile) {
        m_tile = tile;
        setObjectName(QStringLiteral("tile:") + tile.id);
        setAccessibleName(tile.subtitle.isEmpty() ? tile.title : tile.title + u'，' + tile.subtitle);
        update();
    }

    QSize sizeHint() const override {
        const ThemeMetrics& m = Theme::current().metrics();
        return QSize(m.tileMinWidth, m.tileHeight);
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent*) override {
        const Theme& theme = Theme::current();
        const ThemeColors& c = theme.colors();
        const ThemeMetrics& m = theme.metrics();
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);

        const bool pressed = isDown() || isChecked();
        QColor fillColor = c.surface;
        QColor borderColor = c.primary;
        QColor titleColor = c.text;
        QColor subtitleColor = c.textMuted;
        if (!isEnabled()) {
            fillColor = c.disabled;
            borderColor = c.disabled;
            titleColor = subtitleColor = c.onDisabled;
        } else if (pressed) {
            fillColor = c.primaryPressed;
            borderColor = c.primaryPressed;
            titleColor = subtitleColor = c.onPrimary;
        } else if (hasFocus()) {
            borderColor = c.focus;
        }

        const qreal half = m.borderWidth / 2.0;
        const QRectF card = QRectF(rect()).adjusted(half, half, -half, -half);
        p.setPen(QPen(borderColor, m.borderWidth));
        p.setBrush(fillColor);
        p.drawRoundedRect(card, m.radius, m.radius);

        QRect content = rect().adjusted(m.spacing, m.spacing, -m.spacing, -m.spacing);
        if (!m_tile.badge.isEmpty())
            paintBadge(p, content, pressed);
        if (!m_tile.icon.isNull()) {
            const QRect iconRect(content.topLeft(), QSize(m.iconSize, m.iconSize));
            m_tile.icon.paint(&p, iconRect, Qt::AlignCenter, isEnabled() ? QIcon::Normal : QIcon::Disabled);
            content.setTop(iconRect.bottom() + m.spacing / 2);
        }

        const QFont titleFont = [&] {
            QFont f = theme.font(TextRole::Button);
            f.setBold(true);
            return f;
        }();
        const QFont subtitleFont = theme.font(TextRole::Small);
        const QStringList titleLines = wrapText(m_tile.title, titleFont, content.width(), kTitleLines);
        const QStringList subtitleLines = wrapText(m_tile.subtitle, subtitleFont, content.width(), 1);
        const QFontMetrics titleMetrics(titleFont);
        const QFontMetrics subtitleMetrics(subtitleFont);
        const int blockHeight = int(titleLines.size()) * titleMetrics.lineSpacing() +
                                int(subtitleLines.size()) * subtitleMetrics.lineSpacing();
        // Without an icon the text block sits in the middle; with one it follows the icon.
        int y = m_tile.icon.isNull() ? content.top() + std::max(0, (content.height() - blockHeight) / 2)
                                     : content.top();
        p.setPen(titleColor);
        p.setFont(titleFont);
        for (const QString& line : titleLines) {
            p.drawText(QRect(content.left(), y, content.width(), titleMetrics.lineSpacing()),
                       Qt::AlignLeft | Qt::AlignVCenter, line);
            y += titleMetrics.lineSpacing();
        }
        p.setPen(subtitleColor);
        p.setFont(subtitleFont);
        for (const QString& line : subtitleLines) {
            p.drawText(QRect(content.left(), y, content.width(), subtitleMetrics.lineSpacing()),
                       Qt::AlignLeft | Qt::AlignVCenter, line);
            y += subtitleMetrics.lineSpacing();
        }
    }

private:
    void paintBadge(QPainter& p, const QRect& content, bool pressed) const {
        const Theme& theme = Theme::current();
        const ToneColors& tone = theme.colors().warning;
        const QFont font = theme.font(TextRole::Small);
        const QFontMetrics metrics(font);
        const int padding = theme.metrics().spacing / 2;
        const int width = metrics.horizontalAdvance(m_tile.badge) + 2 * padding;
        const int height = metrics.height() + padding / 2;
        const QRect pill(content.right() - width + 1, content.top(), width, height);
        p.setPen(QPen(pressed ? theme.colors().onPrimary : tone.border, 1));
        p.setBrush(tone.background);
        p.drawRoundedRect(pill, height / 2.0, height / 2.0);
        p.setPen(tone.text);
        p.setFont(font);
        p.drawText(pill, Qt::AlignCenter, m_tile.badge);
    }

    Tile m_tile;
};

} // namespace

TileGrid::TileGrid(QWidget* parent) : QWidget(parent) {
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content = new QWidget(m_scroll);
    m_content->setProperty("hallRole", QStringLiteral("screen"));
    m_grid = new QGridLayout(m_content);
    const int spacing = Theme::current().metrics().spacing;
    m_grid->setSpacing(spacing);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidget(m_content);
    enableKineticScrolling(m_scroll);
    m_scroll->viewport()->installEventFilter(this);

    auto* outer = new QGridLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);
}

void TileGrid::setTiles(const QList<Tile>& tiles) {
#ifndef QT_NO_DEBUG
    QSet<QString> ids;
    for (const Tile& tile : tiles)
        ids.insert(tile.id);
    Q_ASSERT_X(ids.size() == tiles.size(), "TileGrid::setTiles", "tile ids must be unique");
#endif
    qDeleteAll(m_buttons);
    m_buttons.clear();
    m_tiles = tiles;
    for (const Tile& tile : std::as_const(m_tiles)) {
        auto* button = new TileButton(tile, m_content);
        connect(button, &QAbstractButton::clicked, this, [this, id = tile.id] { Q_EMIT tileActivated(id); });
        m_buttons.append(button);
    }
    m_layoutColumns = 0;
    relayout();
}

bool TileGrid::setBadge(const QString& id, const QString& badge) {
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles[i].id == id) {
            m_tiles[i].badge = badge;
            static_cast<TileButton*>(m_buttons[i])->setTile(m_tiles[i]);
            return true;
        }
    }
    return false;
}

void TileGrid::setColumnCount(int columns) {
    Q_ASSERT(columns >= 0);
    m_fixedColumns = columns;
    relayout();
}

int TileGrid::columnCount() const {
    return m_layoutColumns;
}

QAbstractButton* TileGrid::tileButton(const QString& id) const {
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles[i].id == id)
            return m_buttons[i];
    }
    return nullptr;
}

// The viewport, not the grid, decides: its width changes later than the grid's, after the scroll area's
// layout has run, and when the scroll bar appears or goes.
bool TileGrid::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && m_fixedColumns == 0 &&
        columnsForWidth(m_scroll->viewport()->width()) != m_layoutColumns)
        relayout();
    return QWidget::eventFilter(watched, event);
}

int TileGrid::columnsForWidth(int width) const {
    if (m_fixedColumns > 0)
        return m_fixedColumns;
    const ThemeMetrics& m = Theme::current().metrics();
    return std::max(1, (width + m.spacing) / (m.tileMinWidth + m.spacing));
}

void TileGrid::relayout() {
    const int columns = columnsForWidth(m_scroll->viewport()->width());
    for (QAbstractButton* button : std::as_const(m_buttons))
        m_grid->removeWidget(button);
    for (int c = 0; c < m_grid->columnCount(); ++c)
        m_grid->setColumnStretch(c, 0);
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, 0);
    for (qsizetype i = 0; i < m_buttons.size(); ++i)
        m_grid->addWidget(m_buttons[i], int(i) / columns, int(i) % columns);
    for (int c = 0; c < columns; ++c)
        m_grid->setColumnStretch(c, 1);
    // Keeps a short list at the top instead of spreading its rows over the whole height.
    m_grid->setRowStretch(int((m_buttons.size() + columns - 1) / columns), 1);
    m_layoutColumns = columns;
}

} // namespace hall::touch
