// The plain large-screen look for a 1920x1080 (or similar) screen: calm navy, white and warm yellow,
// sizes proportional to the screen height so a 4K or a 1366x768 screen keeps the same layout.

#include "display_paint.h"

#include "qtapp/application_setup.h"

#include <QFontMetrics>
#include <QPainter>

namespace hall::display {
namespace {

const QColor kBackground(10, 31, 61);
const QColor kPanel(18, 48, 92);
const QColor kPanelLit(150, 22, 22); // yellow on it keeps a contrast of about 8:1
const QColor kRule(60, 96, 150);
const QColor kText(255, 255, 255);
const QColor kMuted(190, 206, 228);
const QColor kYellow(255, 214, 64);
const QColor kWarn(255, 150, 60);

QFont screenFont(qreal pixels, bool bold = false) {
    QFont font = hall::qt::applicationFont(10);
    font.setPixelSize(std::max(10, qRound(pixels)));
    font.setBold(bold);
    return font;
}

/// The largest pixel size from `start` down at which `text` fits `width`.
QFont fittingFont(const QString& text, qreal start, int width, bool bold) {
    for (qreal pixels = start; pixels > 12; pixels -= 2) {
        const QFont font = screenFont(pixels, bold);
        if (QFontMetrics(font).horizontalAdvance(text) <= width)
            return font;
    }
    return screenFont(12, bold);
}

} // namespace

void paintPlainScreen(QPainter& p, QSize size, const ScreenTexts& t) {
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const int w = size.width();
    const int h = size.height();
    const qreal s = h / 1080.0;
    const int margin = qRound(40 * s);
    p.fillRect(QRect(QPoint(0, 0), size), kBackground);

    // Header: title, date and clock, the reconnecting mark.
    const QRect header(margin, 0, w - 2 * margin, qRound(120 * s));
    p.setPen(kText);
    p.setFont(screenFont(56 * s, true));
    p.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, t.title);
    p.setFont(screenFont(64 * s, true));
    const QFontMetrics clockMetrics(p.font());
    const int clockWidth = clockMetrics.horizontalAdvance(t.clock);
    p.drawText(header, Qt::AlignRight | Qt::AlignVCenter, t.clock);
    p.setPen(kMuted);
    p.setFont(screenFont(30 * s));
    QRect dateBox = header.adjusted(0, 0, -clockWidth - qRound(30 * s), 0);
    p.drawText(dateBox, Qt::AlignRight | Qt::AlignVCenter, t.date);
    if (!t.connection.isEmpty()) {
        const int dateWidth = QFontMetrics(p.font()).horizontalAdvance(t.date);
        p.setFont(screenFont(28 * s, true));
        const int markWidth = QFontMetrics(p.font()).horizontalAdvance(t.connection) + qRound(40 * s);
        const QRect mark(dateBox.right() - dateWidth - qRound(30 * s) - markWidth,
                         header.center().y() - qRound(24 * s), markWidth, qRound(48 * s));
        p.setPen(Qt::NoPen);
        p.setBrush(kWarn);
        p.drawRoundedRect(mark, mark.height() / 2.0, mark.height() / 2.0);
        p.setPen(kBackground);
        p.drawText(mark, Qt::AlignCenter, t.connection);
    }
    p.fillRect(QRect(0, header.bottom(), w, qRound(3 * s)), kRule);

    // The current call, large; a fresh call blinks its panel for a few seconds.
    const QRect callPanel(margin, qRound(150 * s), w - 2 * margin, qRound(330 * s));
    p.setPen(Qt::NoPen);
    p.setBrush(t.highlight ? kPanelLit : kPanel);
    p.drawRoundedRect(callPanel, 16 * s, 16 * s);
    p.setPen(t.highlight ? kText : kMuted);
    p.setFont(screenFont(36 * s, true));
    p.drawText(callPanel.adjusted(qRound(36 * s), qRound(20 * s), 0, 0), Qt::AlignLeft | Qt::AlignTop,
               t.nowCalling);
    const QRect callText =
        callPanel.adjusted(qRound(36 * s), qRound(80 * s), -qRound(36 * s), -qRound(20 * s));
    if (t.currentCall.isEmpty()) {
        p.setPen(kText);
        p.setFont(fittingFont(t.emptyCall, 80 * s, callText.width(), false));
        p.drawText(callText, Qt::AlignCenter, t.emptyCall);
    } else {
        p.setPen(kYellow);
        p.setFont(fittingFont(t.currentCall, 150 * s, callText.width(), true));
        p.drawText(callText, Qt::AlignCenter, t.currentCall);
    }

    // Lower half: the last calls on the left, the waiting counts on the right.
    const int lowerTop = callPanel.bottom() + qRound(30 * s);
    const int noticeHeight = qRound(96 * s);
    const int lowerBottom = h - noticeHeight - qRound(20 * s);
    const int split = margin + qRound((w - 2 * margin) * 0.58);
    const QRect recentBox(margin, lowerTop, split - margin - qRound(30 * s), lowerBottom - lowerTop);
    const QRect waitingBox(split, lowerTop, w - margin - split, lowerBottom - lowerTop);
    for (const QRect& box : {recentBox, waitingBox}) {
        p.setPen(Qt::NoPen);
        p.setBrush(kPanel);
        p.drawRoundedRect(box, 16 * s, 16 * s);
    }
    const int labelHeight = qRound(70 * s);
    p.setPen(kMuted);
    p.setFont(screenFont(36 * s, true));
    p.drawText(QRect(recentBox.left() + qRound(30 * s), recentBox.top(), recentBox.width(), labelHeight),
               Qt::AlignLeft | Qt::AlignVCenter, t.recentLabel);
    p.drawText(QRect(waitingBox.left() + qRound(30 * s), waitingBox.top(), waitingBox.width(), labelHeight),
               Qt::AlignLeft | Qt::AlignVCenter, t.waitingLabel);

    // Recent calls: two columns of number and window.
    const int rows = 4;
    const int rowHeight = (recentBox.height() - labelHeight - qRound(10 * s)) / rows;
    const int columnWidth = (recentBox.width() - qRound(60 * s)) / 2;
    for (std::size_t i = 0; i < t.recent.size() && i < 2 * rows; ++i) {
        const int column = static_cast<int>(i / rows);
        const int row = static_cast<int>(i % rows);
        const QRect cell(recentBox.left() + qRound(30 * s) + column * columnWidth,
                         recentBox.top() + labelHeight + row * rowHeight, columnWidth - qRound(60 * s),
                         rowHeight);
        p.setPen(kYellow);
        p.setFont(screenFont(64 * s, true));
        p.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter, t.recent[i].number);
        p.setPen(kText);
        p.setFont(fittingFont(t.recent[i].window, 42 * s, cell.width() / 2, false));
        p.drawText(cell, Qt::AlignRight | Qt::AlignVCenter, t.recent[i].window);
    }

    // Waiting counts: one line per queue.
    const int queueRows = std::max<int>(5, static_cast<int>(t.queues.size()));
    const int queueHeight =
        std::min<int>(qRound(80 * s), (waitingBox.height() - labelHeight - qRound(10 * s)) / queueRows);
    for (std::size_t i = 0; i < t.queues.size() && static_cast<int>(i) < queueRows; ++i) {
        const QRect line(waitingBox.left() + qRound(30 * s),
                         waitingBox.top() + labelHeight + static_cast<int>(i) * queueHeight,
                         waitingBox.width() - qRound(60 * s), queueHeight);
        p.setPen(kText);
        p.setFont(fittingFont(t.queues[i].name, 44 * s, line.width() * 2 / 3, false));
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, t.queues[i].name);
        p.setPen(kYellow);
        p.setFont(screenFont(48 * s, true));
        p.drawText(line, Qt::AlignRight | Qt::AlignVCenter, t.queues[i].waiting);
    }

    // Notices: one scrolling line at the bottom.
    const QRect noticeBox(0, h - noticeHeight, w, noticeHeight);
    p.fillRect(noticeBox, kPanel);
    p.setFont(screenFont(46 * s));
    const QFontMetrics noticeMetrics(p.font());
    const QRect inner = noticeBox.adjusted(margin, 0, -margin, 0);
    const int speed = qRound(120 * s);
    std::vector<int> widths;
    for (const QString& notice : t.notices)
        widths.push_back(noticeMetrics.horizontalAdvance(notice));
    if (const NoticeTurn turn = noticeAt(widths, inner.width(), speed, t.animationMs); turn.index >= 0) {
        const QString& notice = t.notices.at(turn.index);
        const int textWidth = widths.at(static_cast<std::size_t>(turn.index));
        const int offset = marqueeOffset(textWidth, inner.width(), turn.sinceMs, speed);
        p.save();
        p.setClipRect(inner);
        p.setPen(kText);
        const QRect first(inner.left() + offset, inner.top(), textWidth, inner.height());
        p.drawText(first, Qt::AlignLeft | Qt::AlignVCenter, notice);
        p.restore();
    }
}

} // namespace hall::display
