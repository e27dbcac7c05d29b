#pragma once

#include "display_model.h"
#include "display_paint.h"

#include "qtapp/language.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace hall::display {

/// The wall display's one window: the current call large (highlighted for a few seconds after it comes
/// in), the last calls, the waiting counts, a scrolling notice line, the clock and a discreet
/// reconnecting mark. Two looks: an LED panel drawn at the controller's resolution and scaled up crisp,
/// or a plain large screen. No input.
class DisplayScreen : public QWidget {
    Q_OBJECT

public:
    enum class Look { LedPanel, LargeScreen };

    explicit DisplayScreen(DisplayModel& model, QWidget* parent = nullptr);

    void setLook(Look look);
    Look look() const { return m_look; }
    /// The LED controller's resolution (LED look only), for example 192x96. Default 192x96.
    void setLedResolution(QSize resolution);
    QSize ledResolution() const { return m_ledResolution; }
    /// How long a fresh call stays highlighted. Default 6 s.
    void setHighlightDuration(std::chrono::milliseconds duration) { m_highlightFor = duration; }

    /// The frame as it would be painted now (for tests and docs).
    ScreenTexts texts() const;
    /// The LED frame at its own resolution.
    QImage ledFrame() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onModelChanged();

    DisplayModel& m_model;
    Look m_look = Look::LargeScreen;
    QSize m_ledResolution{192, 96};
    std::chrono::milliseconds m_highlightFor{6000};
    QTimer m_tick;
    QElapsedTimer m_sinceStart;
    qint64 m_highlightUntil = 0;
    std::uint64_t m_shownCallSeq = 0;
    std::uint64_t m_shownTicket = 0;
};

} // namespace hall::display
