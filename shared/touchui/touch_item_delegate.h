#pragma once

#include <QStyledItemDelegate>

namespace hall::touch {

/// Rows a finger can hit in lists and tables: every row at least Theme::metrics().touchTarget high,
/// text set in from the edges, a thin line between rows. Style sheets cannot do this reliably for item
/// views, hence a delegate. Set it on any view whose rows are tapped:
///     view->setItemDelegate(new TouchItemDelegate(view));
class TouchItemDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit TouchItemDelegate(QObject* parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace hall::touch
