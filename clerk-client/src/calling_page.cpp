#include "calling_page.h"

#include "desk_style.h"
#include "queue_dialogs.h"
#include "window_queue_model.h"

#include "touchui/status_banner.h"
#include "touchui/theme.h"

#include <QAction>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace clerk {

namespace {

using Action = ClerkActions::Action;

QString fromUtf8(const std::string& text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QLabel* countLabel(QWidget* parent, const QFont& font) {
    auto* label = new QLabel(parent);
    label->setFont(font);
    label->setAlignment(Qt::AlignCenter);
    makeCard(label);
    label->setMinimumHeight(64);
    return label;
}

} // namespace

CallingPage::CallingPage(ClerkActions& actions, WindowQueueModel& model, QWidget* parent)
    : QWidget(parent), m_clerkActions(actions), m_model(model) {
    const auto& theme = hall::touch::Theme::current();
    const int spacing = theme.metrics().spacing;

    // The active ticket: the one thing a busy clerk must read at a glance.
    auto* activeCard = new QWidget(this);
    makeCard(activeCard);
    m_activeCaption = new QLabel(activeCard);
    m_activeCaption->setFont(theme.font(hall::touch::TextRole::Title));
    m_activeNumber = new QLabel(activeCard);
    m_activeNumber->setObjectName(QStringLiteral("activeNumber"));
    QFont numberFont = theme.font(hall::touch::TextRole::Title);
    numberFont.setPointSizeF(numberFont.pointSizeF() * 4);
    m_activeNumber->setFont(numberFont);
    m_activeNumber->setAlignment(Qt::AlignCenter);
    m_activeDetail = new QLabel(activeCard);
    QFont detailFont = theme.font(hall::touch::TextRole::Body);
    detailFont.setPointSizeF(detailFont.pointSizeF() * 1.25);
    m_activeDetail->setFont(detailFont);
    m_activeDetail->setAlignment(Qt::AlignCenter);
    m_activeDetail->setWordWrap(true);
    auto* activeLayout = new QVBoxLayout(activeCard);
    activeLayout->addWidget(m_activeCaption);
    activeLayout->addWidget(m_activeNumber, 1);
    activeLayout->addWidget(m_activeDetail);

    auto* buttonGrid = new QGridLayout;
    buttonGrid->setSpacing(spacing);
    addAction(Action::CallNext, Qt::Key_F1, 0, 0);
    addAction(Action::Recall, Qt::Key_F2, 0, 1);
    addAction(Action::Begin, Qt::Key_F3, 0, 2);
    addAction(Action::Finish, Qt::Key_F4, 0, 3);
    addAction(Action::NoShow, Qt::Key_F5, 1, 0);
    addAction(Action::Transfer, Qt::Key_F6, 1, 1);
    addAction(Action::Reactivate, Qt::Key_F7, 1, 2);
    addAction(Action::Pause, Qt::Key_F8, 1, 3);
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        const auto key = it.key();
        if (key == Action::Resume)
            continue;
        const auto& pos = it.value()->property("gridPos").toPoint();
        buttonGrid->addWidget(it.value(), pos.x(), pos.y());
    }
    // F8 pauses an open window and opens a paused or closed one: one key for the break.
    hall::touch::setStyleRole(m_buttons.value(Action::CallNext), "primary");

    m_banner = new hall::touch::StatusBanner(this);
    m_banner->setObjectName(QStringLiteral("outcome"));
    m_banner->hide();

    auto* left = new QVBoxLayout;
    left->setSpacing(spacing);
    left->addWidget(activeCard, 1);
    left->addLayout(buttonGrid);
    left->addWidget(m_banner);

    QFont countFont = theme.font(hall::touch::TextRole::Title);
    m_windowState = countLabel(this, countFont);
    m_served = countLabel(this, countFont);
    m_noShows = countLabel(this, countFont);
    m_waitingCount = countLabel(this, countFont);
    auto* counts = new QGridLayout;
    counts->setSpacing(spacing);
    counts->addWidget(m_windowState, 0, 0, 1, 3);
    counts->addWidget(m_waitingCount, 1, 0);
    counts->addWidget(m_served, 1, 1);
    counts->addWidget(m_noShows, 1, 2);

    m_waitingTitle = new QLabel(this);
    m_waitingTitle->setFont(theme.font(hall::touch::TextRole::Title));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("waiting"));
    m_table->setModel(&m_model);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(theme.metrics().touchTarget);
    m_table->setAlternatingRowColors(true);

    auto* right = new QVBoxLayout;
    right->setSpacing(spacing);
    right->addLayout(counts);
    right->addWidget(m_waitingTitle);
    right->addWidget(m_table, 1);

    auto* layout = new QHBoxLayout(this);
    layout->setSpacing(spacing * 2);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    connect(&m_model, &WindowQueueModel::activeChanged, this, &CallingPage::updateActive);
    connect(&m_model, &WindowQueueModel::windowChanged, this, &CallingPage::updateCounts);
    connect(&m_model, &WindowQueueModel::countsChanged, this, &CallingPage::updateCounts);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &CallingPage::updateCounts);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &CallingPage::updateCounts);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &CallingPage::updateCounts);
    connect(&m_clerkActions, &ClerkActions::availabilityChanged, this, &CallingPage::updateAvailability);
    connect(&m_clerkActions, &ClerkActions::succeeded, this,
            [this](Action, const QString& message) { showOutcome(true, message); });
    connect(&m_clerkActions, &ClerkActions::failed, this,
            [this](Action, const QString& message) { showOutcome(false, message); });
    retranslate();
    updateAvailability();
}

void CallingPage::addAction(Action action, const QKeySequence& key, int row, int column) {
    auto* shortcut = new QAction(this);
    shortcut->setShortcut(key);
    shortcut->setShortcutContext(Qt::WindowShortcut);
    shortcut->setAutoRepeat(false); // a held key must not repeat a call
    connect(shortcut, &QAction::triggered, this, [this, action] { trigger(action); });
    QWidget::addAction(shortcut);
    m_actions.insert(action, shortcut);

    auto* button = new QPushButton(this);
    button->setMinimumHeight(hall::touch::Theme::current().metrics().touchTarget + 16);
    button->setFont(hall::touch::Theme::current().font(hall::touch::TextRole::Button));
    button->setProperty("gridPos", QPoint(row, column));
    button->setFocusPolicy(Qt::NoFocus);
    connect(button, &QPushButton::clicked, this, [this, action] { trigger(action); });
    m_buttons.insert(action, button);
}

void CallingPage::trigger(Action action) {
    switch (action) {
    case Action::CallNext:
        m_clerkActions.callNext();
        break;
    case Action::Recall:
        m_clerkActions.recall();
        break;
    case Action::Begin:
        m_clerkActions.beginService();
        break;
    case Action::Finish:
        m_clerkActions.finishService();
        break;
    case Action::NoShow:
        m_clerkActions.markNoShow();
        break;
    case Action::Transfer:
        askTransfer();
        break;
    case Action::Reactivate:
        askReactivate();
        break;
    case Action::Pause:
    case Action::Resume:
        if (m_clerkActions.isAvailable(Action::Resume))
            m_clerkActions.resume();
        else
            askPause();
        break;
    }
}

void CallingPage::askTransfer() {
    if (!m_clerkActions.isAvailable(Action::Transfer) || !m_model.active())
        return;
    TransferDialog dialog(m_queues, m_windowsOfQueue, fromUtf8(m_model.active()->queuePrefix), this);
    if (dialog.exec() == QDialog::Accepted)
        m_clerkActions.transfer(dialog.queuePrefix(), dialog.window());
}

void CallingPage::askPause() {
    if (!m_clerkActions.isAvailable(Action::Pause))
        return;
    PauseDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_clerkActions.pause(dialog.reason());
}

void CallingPage::askReactivate() {
    if (!m_clerkActions.isAvailable(Action::Reactivate))
        return;
    ReactivateDialog dialog(m_model, this);
    if (dialog.exec() == QDialog::Accepted)
        m_clerkActions.reactivate(dialog.ticketId());
}

void CallingPage::setTransferTargets(std::vector<hall::QueueView> queues,
                                     std::map<QString, QStringList> windowsOfQueue) {
    m_queues = std::move(queues);
    m_windowsOfQueue = std::move(windowsOfQueue);
}

void CallingPage::updateActive() {
    const auto& active = m_model.active();
    if (!active) {
        m_activeNumber->setText(QStringLiteral("—"));
        m_activeDetail->setText(m_model.isLoaded()
                                    ? tr("No ticket at the window. Press F1 to call the next one.")
                                    : tr("Loading the window's queue…"));
        return;
    }
    m_activeNumber->setText(fromUtf8(active->number));
    const QString klass = m_model.priorityClassName(active->priorityClass);
    if (active->state == hall::TicketState::Called)
        m_activeDetail->setText(tr("Called %n time(s) · %1", nullptr, active->callCount).arg(klass));
    else
        m_activeDetail->setText(tr("At the counter · %1").arg(klass));
}

void CallingPage::updateCounts() {
    switch (m_model.window().state) {
    case hall::WindowState::Open:
        m_windowState->setText(tr("Window open"));
        break;
    case hall::WindowState::Paused:
        m_windowState->setText(tr("Paused: no calls. F8 resumes."));
        break;
    case hall::WindowState::Closed:
        m_windowState->setText(tr("Window closed. F8 opens it."));
        break;
    }
    m_waitingCount->setText(tr("Waiting\n%1").arg(m_model.rowCount()));
    m_served->setText(tr("Served today\n%1").arg(m_model.servedToday()));
    m_noShows->setText(tr("Not present\n%1").arg(m_model.noShowToday()));
    updateActive();
    updateAvailability();
}

void CallingPage::updateAvailability() {
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        bool available = m_clerkActions.isAvailable(it.key());
        if (it.key() == Action::Pause)
            available = available || m_clerkActions.isAvailable(Action::Resume);
        it.value()->setEnabled(available);
        m_actions.value(it.key())->setEnabled(available);
    }
    const bool open = m_model.window().state == hall::WindowState::Open;
    m_buttons.value(Action::Pause)->setText(open ? tr("F8  Pause") : tr("F8  Open window"));
}

void CallingPage::showOutcome(bool ok, const QString& message) {
    m_banner->showMessage(
        ok ? hall::touch::StatusBanner::Level::Success : hall::touch::StatusBanner::Level::Error, message);
    m_banner->show();
}

void CallingPage::retranslate() {
    m_activeCaption->setText(tr("At the window"));
    m_waitingTitle->setText(tr("Waiting for this window"));
    m_buttons.value(Action::CallNext)->setText(tr("F1  Call next"));
    m_buttons.value(Action::Recall)->setText(tr("F2  Call again"));
    m_buttons.value(Action::Begin)->setText(tr("F3  Begin"));
    m_buttons.value(Action::Finish)->setText(tr("F4  Finish"));
    m_buttons.value(Action::NoShow)->setText(tr("F5  Not present"));
    m_buttons.value(Action::Transfer)->setText(tr("F6  Transfer"));
    m_buttons.value(Action::Reactivate)->setText(tr("F7  Reactivate"));
    updateCounts();
}

void CallingPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace clerk
