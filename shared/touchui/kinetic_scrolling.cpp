#include "touchui/kinetic_scrolling.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QScroller>
#include <QScrollerProperties>

namespace hall::touch {

void enableKineticScrolling(QAbstractScrollArea* area, ScrollGesture gesture) {
    Q_ASSERT(area);
    QWidget* viewport = area->viewport();
    QScroller::grabGesture(viewport, gesture == ScrollGesture::Touch ? QScroller::TouchGesture
                                                                     : QScroller::LeftMouseButtonGesture);

    QScroller* scroller = QScroller::scroller(viewport);
    QScrollerProperties properties = scroller->scrollerProperties();
    const QVariant noOvershoot = QVariant::fromValue(QScrollerProperties::OvershootAlwaysOff);
    properties.setScrollMetric(QScrollerProperties::HorizontalOvershootPolicy, noOvershoot);
    properties.setScrollMetric(QScrollerProperties::VerticalOvershootPolicy, noOvershoot);
    // A press is handed to the widget under the finger at once, so buttons inside the area answer
    // without the default quarter-second delay; a drag still cancels it.
    properties.setScrollMetric(QScrollerProperties::MousePressEventDelay, 0.0);
    scroller->setScrollerProperties(properties);

    if (auto* view = qobject_cast<QAbstractItemView*>(area)) {
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    }
}

} // namespace hall::touch
