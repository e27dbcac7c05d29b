// The LED panel look: a frame at the controller's resolution, one pixel per LED, in the three colours
// LED modules have (red, green, amber), text without anti-aliasing so every LED is either on or off.

#include "display_paint.h"

#include "qtapp/application_setup.h"

#include <QFontMetrics>
#include <QPainter>

namespace hall::display {
namespace {

const QColor kRed(255, 40, 24);
const QColor kGreen(40, 235, 70);
const QColor kAmber(255, 184, 0);
const QColor kDimRed(110, 0, 0);

QFont ledFont(int pixels) {
    QFont font = hall::qt::applicationFont(10);
    font.setPixelSize(std::max(8, pixels));
    font.setStyleStrategy(QFont::NoAntialias);
    font.setHintingPreference(QFont::PreferFullHinting);
    return font;
}

/// Draws `text` in `box`, scrolling when it is wider, clipped to the box.
void drawLine(QPainter& p, const QRect& box, const QString& text, const QColor& colour, qint64 ms,
              Qt::Alignment align = Qt::AlignLeft) {
    const QFontMetrics metrics(p.font());
    const int textWidth = metrics.horizontalAdvance(text);
    p.save();
    p.setClipRect(box);
    p.setPen(colour);
    if (textWidth <= box.width()) {
        p.drawText(box, int(align | Qt::AlignVCenter), text);
    } else {
        const int offset = marqueeOffset(textWidth, box.width(), ms, 24);
        QRect first(box.left() + offset, box.top(), textWidth, box.height());
        p.drawText(first, Qt::AlignLeft | Qt::AlignVCenter, text);
        p.drawText(first.translated(textWidth + marqueeGap(box.width()), 0), Qt::AlignLeft | Qt::AlignVCenter,
                   text);
    }
    p.restore();
}

} // namespace

void paintLedPanel(QPainter& p, QSize panel, const ScreenTexts& t) {
    const int w = panel.width();
    const int u = panel.height() / 8; // eight rows of text; 12 LEDs a row on a 96-row panel
    p.fillRect(QRect(QPoint(0, 0), panel), Qt::black);

    // Row 0: title, reconnecting mark, clock.
    p.setFont(ledFont(u));
    const QFontMetrics small(p.font());
    const QString clock = t.clock.left(5); // HH:mm: seconds would flicker on a slow controller
    const int clockWidth = small.horizontalAdvance(clock);
    drawLine(p, QRect(w - clockWidth, 0, clockWidth, u), clock, kGreen, 0);
    int titleRight = w - clockWidth - u / 2;
    if (!t.connection.isEmpty()) {
        const int markWidth = small.horizontalAdvance(t.connection);
        drawLine(p, QRect(titleRight - markWidth, 0, markWidth, u), t.connection, kRed, 0);
        titleRight -= markWidth + u / 2;
    }
    drawLine(p, QRect(0, 0, std::max(0, titleRight), u), t.title, kGreen, t.animationMs);

    // Rows 1-2: the current call, as large as fits; a fresh call blinks on a lit band.
    const QRect callBox(0, u, w, 2 * u);
    if (t.highlight)
        p.fillRect(callBox, kDimRed);
    const QString call = t.currentCall.isEmpty() ? t.emptyCall : t.currentCall;
    int pixels = 2 * u;
    for (; pixels > u; --pixels) {
        if (QFontMetrics(ledFont(pixels)).horizontalAdvance(call) <= w)
            break;
    }
    p.setFont(ledFont(pixels));
    drawLine(p, callBox, call, t.currentCall.isEmpty() ? kGreen : (t.highlight ? kAmber : kRed),
             t.animationMs, Qt::AlignHCenter);

    // Rows 3-5: the last calls, two columns of "number  window".
    p.setFont(ledFont(u));
    const QFontMetrics metrics(p.font());
    const int columnWidth = w / 2;
    for (std::size_t i = 0; i < t.recent.size() && i < 6; ++i) {
        const int column = static_cast<int>(i % 2);
        const int row = 3 + static_cast<int>(i / 2);
        const QRect cell(column * columnWidth + (column ? u / 4 : 0), row * u, columnWidth - u / 2, u);
        drawLine(p, cell, t.recent[i].number, kAmber, 0);
        const int numberWidth = metrics.horizontalAdvance(t.recent[i].number) + u / 3;
        const QRect windowBox(cell.left() + numberWidth, cell.top(), cell.width() - numberWidth, u);
        drawLine(p, windowBox, t.recent[i].windowId, kGreen, t.animationMs, Qt::AlignRight);
    }

    // Row 6: waiting counts.
    // Letters and bare counts: the queue names and units do not fit a panel's row. The space keeps
    // "A 11" from reading as ticket A11.
    QString waiting = t.waitingShortLabel;
    for (const auto& queue : t.queues)
        waiting +=
            QStringLiteral("  ") + queue.name.section(u' ', 0, 0) + u' ' + QString::number(queue.count);
    drawLine(p, QRect(0, 6 * u, w, u), waiting, kAmber, t.animationMs);

    // Row 7: notices.
    std::vector<int> widths;
    for (const QString& notice : t.notices)
        widths.push_back(metrics.horizontalAdvance(notice));
    if (const NoticeTurn turn = noticeAt(widths, w, 24, t.animationMs); turn.index >= 0)
        drawLine(p, QRect(0, 7 * u, w, u), t.notices.at(turn.index), kGreen, turn.sinceMs);
}

} // namespace hall::display
