#pragma once

class QAbstractScrollArea;

namespace hall::touch {

/// What starts a kinetic scroll.
enum class ScrollGesture {
    /// Dragging with the left mouse button. Also serves touch screens: Qt turns touches that no widget
    /// accepts into mouse events, so one finger drags the same way. The default.
    LeftMouseDrag,
    /// Touch events only; a mouse drag then selects instead of scrolling.
    Touch,
};

/// Makes a scroll area (list, table, QScrollArea) scroll with a flick of the finger: QScroller on the
/// viewport, pixel-wise scrolling for item views, no overshoot past the ends (it reads as a fault to
/// people who do not know the gesture). The scroll bars stay visible and, with the hall's theme, thick
/// enough to drag. Calling it again switches the gesture.
void enableKineticScrolling(QAbstractScrollArea* area, ScrollGesture gesture = ScrollGesture::LeftMouseDrag);

} // namespace hall::touch
