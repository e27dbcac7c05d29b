#include "touchui/idle_watcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace hall::touch {

IdleWatcher::IdleWatcher(std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent), m_timeout(timeout) {
    Q_ASSERT(timeout.count() > 0);
    Q_ASSERT(QCoreApplication::instance());
    m_timer.setSingleShot(true);
    // Precise, because a coarse timer may fire up to 5 % early; onTimer() would re-arm, but one wake-up
    // is cheaper than two.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::onTimer);
    QCoreApplication::instance()->installEventFilter(this);
    start();
}

IdleWatcher::~IdleWatcher() {
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout) {
    Q_ASSERT(timeout.count() > 0);
    m_timeout = timeout;
    if (m_running)
        reset();
}

void IdleWatcher::setWarningLead(std::chrono::milliseconds lead) {
    Q_ASSERT(lead.count() >= 0 && lead < m_timeout);
    m_warningLead = lead;
    if (m_running)
        reset();
}

void IdleWatcher::start() {
    m_running = true;
    m_idle = false;
    m_warned = false;
    m_sinceInput.start();
    arm();
}

void IdleWatcher::stop() {
    m_running = false;
    m_timer.stop();
}

void IdleWatcher::reset() {
    m_sinceInput.restart();
    if (!m_running)
        return;
    const bool wasQuiet = m_idle || m_warned;
    m_idle = false;
    m_warned = false;
    // After a warning the timer points at the idle deadline, later than the new warning's; re-arm.
    // Otherwise a running timer is early or on time, and onTimer() re-arms it.
    if (wasQuiet || !m_timer.isActive())
        arm();
    if (wasQuiet)
        Q_EMIT activity();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event) {
    if (isUserInputEvent(event))
        reset();
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::arm() {
    // The next deadline: the warning if one is due and not yet given, else the timeout itself.
    const qint64 elapsed = m_sinceInput.elapsed();
    qint64 deadline = m_timeout.count();
    if (m_warningLead.count() > 0 && !m_warned)
        deadline -= m_warningLead.count();
    m_timer.start(int(std::max<qint64>(0, deadline - elapsed)));
}

void IdleWatcher::onTimer() {
    if (!m_running || m_idle)
        return;
    const qint64 elapsed = m_sinceInput.elapsed();
    if (m_warningLead.count() > 0 && !m_warned && elapsed >= m_timeout.count() - m_warningLead.count()) {
        m_warned = true;
        Q_EMIT warning();
    }
    if (elapsed >= m_timeout.count()) {
        m_idle = true;
        Q_EMIT idle();
        return;
    }
    arm();
}

bool isUserInputEvent(const QEvent* event) {
    // Input from the window system is spontaneous; events code sends itself (a hover update after a
    // screen change under a resting mouse pointer) are not, and must not keep a kiosk awake.
    if (!event->spontaneous())
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::Wheel:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::TabletRelease:
        return true;
    default:
        return false;
    }
}

} // namespace hall::touch
