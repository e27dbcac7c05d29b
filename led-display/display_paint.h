#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <vector>

class QPainter;

namespace hall::display {

/// Everything one frame of the display shows, already translated and formatted, so the two looks only
/// lay out and paint.
struct ScreenTexts {
    struct Call {
        QString number;
        QString window;   ///< "2-07号窗口" / "Window 2-07"
        QString windowId; ///< "2-07", for the narrow columns of an LED panel
    };
    struct Queue {
        QString name;    ///< "A 社保医保"
        QString waiting; ///< "12 人" / "12"
        int count = 0;
    };

    QString title;       ///< "2 楼 叫号"
    QString clock;       ///< "09:41:05"
    QString date;        ///< "12月3日 星期四"
    QString nowCalling;  ///< label of the current call
    QString currentCall; ///< the call sentence; empty when nothing was called yet
    Call current;
    QString recentLabel;
    std::vector<Call> recent; ///< without the current call
    QString waitingLabel;
    QString waitingShortLabel; ///< the LED row's label
    std::vector<Queue> queues;
    QStringList notices;    ///< shown one after the other on the notice line
    QString connection;     ///< "reconnecting" mark, empty when connected
    QString emptyCall;      ///< shown before the first call
    bool highlight = false; ///< the blinking phase of a fresh call
    qint64 animationMs = 0; ///< drives the scrolling lines
};

/// The LED panel: paints at the controller's resolution, one pixel per LED, no anti-aliasing.
void paintLedPanel(QPainter& painter, QSize panel, const ScreenTexts& texts);
/// The plain large screen (1920x1080 and similar), anti-aliased.
void paintPlainScreen(QPainter& painter, QSize size, const ScreenTexts& texts);

/// The x offset of a line that scrolls from right to left when wider than `width`; 0 when it fits.
/// It holds at 0 first, so a fresh line starts readable.
int marqueeOffset(int textWidth, int width, qint64 ms, int pixelsPerSecond);
/// Which notice the notice line shows at `ms`, and since when (ms into its turn). A notice that fits
/// stays 8 s; a longer one stays until it has scrolled through once.
struct NoticeTurn {
    int index = -1;
    qint64 sinceMs = 0;
};
NoticeTurn noticeAt(const std::vector<int>& textWidths, int boxWidth, int pixelsPerSecond, qint64 ms);

/// The space between the end of a scrolling line and its next copy.
int marqueeGap(int width);

} // namespace hall::display
