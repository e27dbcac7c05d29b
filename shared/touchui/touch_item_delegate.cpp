#include "touchui/touch_item_delegate.h"

#include "touchui/theme.h"

#include <QPainter>

namespace hall::touch {

TouchItemDelegate::TouchItemDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QSize TouchItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const ThemeMetrics& m = Theme::current().metrics();
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * m.spacing;
    size.setHeight(std::max(size.height() + m.spacing, m.touchTarget));
    return size;
}

void TouchItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    const Theme& theme = Theme::current();
    const int inset = theme.metrics().spacing;
    // The selection spans the whole row; the text and icon sit inside the inset.
    if (option.state & QStyle::State_Selected)
        painter->fillRect(option.rect, option.palette.brush(QPalette::Highlight));
    QStyleOptionViewItem inner = option;
    inner.rect.adjust(inset, 0, -inset, 0);
    QStyledItemDelegate::paint(painter, inner, index);

    painter->save();
    painter->setPen(QPen(theme.colors().scrollTrack, 1));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

} // namespace hall::touch
