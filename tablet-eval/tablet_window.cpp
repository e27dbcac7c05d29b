#include "tablet_window.h"

#include "rating_outbox.h"
#include "tablet_model.h"
#include "tablet_screens.h"

#include "touchui/idle_watcher.h"
#include "touchui/status_banner.h"
#include "touchui/theme.h"

#include <QEvent>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace tablet {

TabletWindow::TabletWindow(TabletModel& model, RatingOutbox& outbox, QWidget* parent)
    : QWidget(parent), m_model(model), m_outbox(outbox) {
    hall::touch::setStyleRole(this, "screen");
    setAttribute(Qt::WA_StyledBackground);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new hall::touch::StatusBanner(this);
    m_banner->clearMessage();
    layout->addWidget(m_banner);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    m_idle = new IdleScreen(m_model, m_stack);
    m_rating = new RatingScreen(m_model, m_stack);
    m_reason = new ReasonScreen(m_model, m_stack);
    m_thanks = new ThanksScreen(m_stack);
    for (QWidget* screen : {static_cast<QWidget*>(m_idle), static_cast<QWidget*>(m_rating),
                            static_cast<QWidget*>(m_reason), static_cast<QWidget*>(m_thanks)})
        m_stack->addWidget(screen);

    m_thanksTimer = new QTimer(this);
    m_thanksTimer->setSingleShot(true);
    m_thanksTimer->setInterval(kThanksTime);
    connect(m_thanksTimer, &QTimer::timeout, &m_model, &TabletModel::finishThanks);

    m_idleWatcher = new hall::touch::IdleWatcher(kIdleTimeout, this);
    // The citizen left without rating: drop the prompt, send nothing.
    connect(m_idleWatcher, &hall::touch::IdleWatcher::idle, &m_model, &TabletModel::abandon);

    connect(&m_model, &TabletModel::windowChanged, m_idle, &IdleScreen::refresh);
    connect(&m_model, &TabletModel::windowChanged, m_rating, &RatingScreen::refresh);
    connect(&m_model, &TabletModel::screenChanged, this, &TabletWindow::showScreen);
    connect(&m_outbox, &RatingOutbox::pendingCountChanged, m_idle, &IdleScreen::setPendingCount);
    connect(&m_outbox, &RatingOutbox::saved, this,
            [this](std::uint64_t, bool sentNow) { m_thanks->setSavedOffline(!sentNow); });
    m_idle->setPendingCount(m_outbox.pendingCount());
    showScreen();
}

QWidget* TabletWindow::currentScreen() const {
    return m_stack->currentWidget();
}

void TabletWindow::setThanksTime(std::chrono::milliseconds time) {
    m_thanksTimer->setInterval(time);
}

void TabletWindow::setOnline(bool online) {
    m_online = online;
    showConnectionNotice();
}

void TabletWindow::showConnectionNotice() {
    // The citizen can still rate while offline, so the notice is informative, not a warning (the shared
    // Offline notice speaks of taking numbers, which this device does not do).
    if (m_online)
        m_banner->clearMessage();
    else
        m_banner->showMessage(
            hall::touch::StatusBanner::Level::Info,
            tr("The network is down for now. Ratings are kept on this tablet and sent later."));
}

void TabletWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        showConnectionNotice();
    QWidget::changeEvent(event);
}

void TabletWindow::showScreen() {
    m_thanksTimer->stop();
    switch (m_model.screen()) {
    case TabletModel::Screen::Idle:
        m_idle->refresh();
        m_stack->setCurrentWidget(m_idle);
        break;
    case TabletModel::Screen::Rating:
        m_rating->refresh();
        m_stack->setCurrentWidget(m_rating);
        // A fresh prompt gets the whole timeout, whenever the last touch was.
        m_idleWatcher->reset();
        break;
    case TabletModel::Screen::Reason:
        m_reason->refresh();
        m_stack->setCurrentWidget(m_reason);
        break;
    case TabletModel::Screen::Thanks:
        m_stack->setCurrentWidget(m_thanks);
        m_thanksTimer->start();
        break;
    }
}

} // namespace tablet
