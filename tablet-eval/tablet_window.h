#pragma once

#include <QWidget>

#include <chrono>

class QStackedWidget;
class QTimer;

namespace hall::touch {
class IdleWatcher;
class StatusBanner;
} // namespace hall::touch

namespace tablet {

class IdleScreen;
class RatingOutbox;
class RatingScreen;
class ReasonScreen;
class TabletModel;
class ThanksScreen;

/// The counter tablet's one window: the screen the model asks for, an idle timeout that drops a
/// rating the citizen walked away from, and the thank-you screen that returns to the idle screen.
class TabletWindow : public QWidget {
    Q_OBJECT

public:
    /// How long the thank-you screen stays.
    static constexpr std::chrono::milliseconds kThanksTime{5000};
    /// How long an unanswered rating prompt stays (docs/ui-guidelines.md suggests 120 s on the tablet).
    static constexpr std::chrono::milliseconds kIdleTimeout{120000};

    TabletWindow(TabletModel& model, RatingOutbox& outbox, QWidget* parent = nullptr);

    IdleScreen* idleScreen() const { return m_idle; }
    RatingScreen* ratingScreen() const { return m_rating; }
    ReasonScreen* reasonScreen() const { return m_reason; }
    ThanksScreen* thanksScreen() const { return m_thanks; }
    QWidget* currentScreen() const;
    hall::touch::IdleWatcher* idleWatcher() const { return m_idleWatcher; }
    hall::touch::StatusBanner* banner() const { return m_banner; }

    void setThanksTime(std::chrono::milliseconds time);

    /// Shows or hides the discreet "offline" strip (the connection's state, from main).
    void setOnline(bool online);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showScreen();
    void showConnectionNotice();

    TabletModel& m_model;
    RatingOutbox& m_outbox;
    hall::touch::StatusBanner* m_banner = nullptr;
    QStackedWidget* m_stack = nullptr;
    IdleScreen* m_idle = nullptr;
    RatingScreen* m_rating = nullptr;
    ReasonScreen* m_reason = nullptr;
    ThanksScreen* m_thanks = nullptr;
    hall::touch::IdleWatcher* m_idleWatcher = nullptr;
    QTimer* m_thanksTimer = nullptr;
    bool m_online = false;
};

} // namespace tablet
