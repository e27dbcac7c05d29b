#include "display_screen.h"

#include "present/call_text.h"
#include "present/window_id.h"

#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QPainter>

namespace hall::display {
namespace {

present::Language presentLanguage() {
    return QLocale().language() == QLocale::Chinese ? present::Language::Chinese : present::Language::English;
}

QString windowName(const QString& window) {
    const auto id = present::parseWindowId(window.toStdString());
    if (!id)
        return window;
    return QString::fromStdString(present::windowDisplayName(*id, presentLanguage()));
}

QString callSentence(const CallEntry& call) {
    const auto ticket = present::parseTicketNumber(call.number.toStdString());
    const auto window = present::parseWindowId(call.window.toStdString());
    if (!ticket || !window)
        return call.number + u' ' + call.window;
    return QString::fromStdString(
        present::callText(*ticket, *window, presentLanguage(),
                          call.recall ? present::CallKind::Recall : present::CallKind::First));
}

} // namespace

DisplayScreen::DisplayScreen(DisplayModel& model, QWidget* parent) : QWidget(parent), m_model(model) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::BlankCursor);
    m_sinceStart.start();
    // 25 frames a second keeps the scrolling lines smooth; the clock and the blinking ride on it.
    m_tick.setInterval(40);
    connect(&m_tick, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_tick.start();
    connect(&m_model, &DisplayModel::changed, this, &DisplayScreen::onModelChanged);
    onModelChanged();
}

void DisplayScreen::setLook(Look look) {
    m_look = look;
    update();
}

void DisplayScreen::setLedResolution(QSize resolution) {
    Q_ASSERT(resolution.width() >= 32 && resolution.height() >= 16);
    m_ledResolution = resolution;
    update();
}

void DisplayScreen::onModelChanged() {
    const CallEntry* current = m_model.currentCall();
    const std::uint64_t seq = current ? current->seq : 0;
    const std::uint64_t ticket = current ? current->ticketId : 0;
    // Only a call that came in as an event blinks; a board read at start-up shows calls already made.
    if (current && current->seq != 0 && (seq != m_shownCallSeq || ticket != m_shownTicket))
        m_highlightUntil = m_sinceStart.elapsed() + m_highlightFor.count();
    m_shownCallSeq = seq;
    m_shownTicket = ticket;
    update();
}

ScreenTexts DisplayScreen::texts() const {
    ScreenTexts t;
    if (m_model.floor() != 0)
        t.title = tr("Floor %1 queue calls").arg(m_model.floor());
    else
        t.title = tr("Queue calls");
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_model.hallNow()).toLocalTime();
    t.clock = now.toString(QStringLiteral("HH:mm:ss"));
    t.date = QLocale().toString(now.date(), QLocale::LongFormat);
    t.nowCalling = tr("Now calling");
    t.recentLabel = tr("Recent calls");
    t.waitingLabel = tr("Waiting");
    //: Label of the waiting counts on a narrow LED panel, followed by "A 11  B 5"
    t.waitingShortLabel = tr("Waiting", "LED");
    t.emptyCall = tr("Please wait for your number to be called");
    if (const CallEntry* current = m_model.currentCall()) {
        t.currentCall = callSentence(*current);
        t.current = {current->number, windowName(current->window), current->window};
    }
    const auto& calls = m_model.recentCalls();
    for (std::size_t i = 1; i < calls.size(); ++i)
        t.recent.push_back({calls[i].number, windowName(calls[i].window), calls[i].window});
    for (const QueueCount& queue : m_model.queues()) {
        const QString name = queue.name.isEmpty() || queue.name == queue.prefix
                                 ? queue.prefix
                                 : queue.prefix + u' ' + queue.name;
        t.queues.push_back({name, tr("%n waiting", nullptr, queue.waiting), queue.waiting});
    }
    for (const NoticeLine& notice : m_model.notices())
        t.notices << notice.text;
    if (!m_model.isConnected())
        t.connection = tr("Reconnecting…");
    const qint64 elapsed = m_sinceStart.elapsed();
    t.animationMs = elapsed;
    t.highlight = elapsed < m_highlightUntil && (elapsed / 500) % 2 == 0;
    return t;
}

QImage DisplayScreen::ledFrame() const {
    QImage frame(m_ledResolution, QImage::Format_RGB32);
    frame.fill(Qt::black);
    QPainter painter(&frame);
    paintLedPanel(painter, m_ledResolution, texts());
    return frame;
}

void DisplayScreen::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (m_look == Look::LargeScreen) {
        paintPlainScreen(painter, size(), texts());
        return;
    }
    // One LED per pixel, scaled up by a whole factor and centred: crisp, never smeared.
    const QImage frame = ledFrame();
    painter.fillRect(rect(), Qt::black);
    const int factor = std::max(1, std::min(width() / frame.width(), height() / frame.height()));
    const QSize scaled = frame.size() * factor;
    const QPoint origin((width() - scaled.width()) / 2, (height() - scaled.height()) / 2);
    if (factor < 4) {
        painter.drawImage(QRect(origin, scaled), frame);
        return;
    }
    // Large enough to see single LEDs: draw each as a round dot, as on a real panel.
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    const qreal radius = factor * 0.42;
    for (int y = 0; y < frame.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(frame.constScanLine(y));
        for (int x = 0; x < frame.width(); ++x) {
            QColor colour = QColor::fromRgb(line[x]);
            if (qGray(line[x]) < 8)
                colour = QColor(22, 14, 12); // an unlit LED is still faintly visible
            painter.setBrush(colour);
            painter.drawEllipse(QPointF(origin.x() + (x + 0.5) * factor, origin.y() + (y + 0.5) * factor),
                                radius, radius);
        }
    }
}

void DisplayScreen::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

int marqueeOffset(int textWidth, int width, qint64 ms, int pixelsPerSecond) {
    if (textWidth <= width)
        return 0;
    // Start readable at the left edge, hold there, then scroll left in a loop with a gap of one width
    // (the painter draws a second copy behind the first).
    constexpr qint64 holdMs = 2500;
    if (ms < holdMs)
        return 0;
    const qint64 period = textWidth + width / 2;
    return -static_cast<int>(((ms - holdMs) * pixelsPerSecond / 1000) % period);
}

NoticeTurn noticeAt(const std::vector<int>& textWidths, int boxWidth, int pixelsPerSecond, qint64 ms) {
    if (textWidths.empty())
        return {};
    std::vector<qint64> turns;
    qint64 cycle = 0;
    for (const int width : textWidths) {
        const qint64 scroll =
            width <= boxWidth ? 0 : 2500 + qint64(width) * 1000 / std::max(1, pixelsPerSecond) + 1000;
        turns.push_back(std::max<qint64>(8000, scroll));
        cycle += turns.back();
    }
    qint64 at = ms % cycle;
    for (std::size_t i = 0; i < turns.size(); ++i) {
        if (at < turns[i])
            return {static_cast<int>(i), at};
        at -= turns[i];
    }
    return {0, 0};
}

int marqueeGap(int width) {
    return width / 2;
}

} // namespace hall::display
