#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace hall::touch {

/// Notices when nobody has touched the program for a while, so the kiosk can go back to its home screen
/// and the tablet can drop a half-finished rating. It filters every event of the application: any input
/// from the window system (see isUserInputEvent) restarts the count; idle() is emitted once when
/// the count reaches the timeout, and again only after new input and another full timeout. An optional
/// warning comes `warningLead` earlier ("still there?").
///
/// idle() never comes early: when the timer fires, the time since the last input is measured again
/// and, if input came in between, the timer is simply re-armed for the rest. Input therefore costs only
/// a clock read, not a timer restart, even for a stream of mouse moves.
class IdleWatcher : public QObject {
    Q_OBJECT

public:
    explicit IdleWatcher(std::chrono::milliseconds timeout, QObject* parent = nullptr);
    ~IdleWatcher() override;

    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout);

    /// Time before the timeout at which warning() is emitted; 0 (the default) for no warning.
    void setWarningLead(std::chrono::milliseconds lead);

    /// Starts watching (the watcher starts in the running state) and counts from now.
    void start();
    /// Stops watching: no idle() until start() (for example while a video plays).
    void stop();
    bool isRunning() const { return m_running; }

    /// True after idle() until the next input.
    bool isIdle() const { return m_idle; }

    /// Counts as input without an event, for activity the program knows of but Qt does not see.
    void reset();

    /// Milliseconds since the last input.
    qint64 idleFor() const { return m_sinceInput.elapsed(); }

Q_SIGNALS:
    /// Nobody touched anything for `timeout`.
    void idle();
    /// `warningLead` before idle(); the next input cancels it.
    void warning();
    /// The first input after warning() or idle().
    void activity();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onTimer();
    void arm();

    std::chrono::milliseconds m_timeout;
    std::chrono::milliseconds m_warningLead{0};
    QTimer m_timer;
    QElapsedTimer m_sinceInput;
    bool m_running = false;
    bool m_warned = false;
    bool m_idle = false;
};

/// True for the events that mean a person is using the program: spontaneous (window-system) mouse,
/// touch, key, wheel and tablet events.
bool isUserInputEvent(const QEvent* event);

} // namespace hall::touch
