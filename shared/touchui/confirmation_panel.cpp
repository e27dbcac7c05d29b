#include "touchui/confirmation_panel.h"

#include "touchui/theme.h"
#include "touchui/touch_button.h"

#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace hall::touch {

namespace {

constexpr int kMaxCardWidth = 960;

TouchButton::Role buttonRole(ConfirmationPanel::ChoiceRole role) {
    switch (role) {
    case ConfirmationPanel::ChoiceRole::Accept:
        return TouchButton::Role::Primary;
    case ConfirmationPanel::ChoiceRole::Destructive:
        return TouchButton::Role::Danger;
    case ConfirmationPanel::ChoiceRole::Reject:
    case ConfirmationPanel::ChoiceRole::Other:
        return TouchButton::Role::Secondary;
    }
    return TouchButton::Role::Secondary;
}

} // namespace

ConfirmationPanel::ConfirmationPanel(QWidget* screen) : QWidget(screen), m_screen(screen) {
    Q_ASSERT(screen);
    const Theme& theme = Theme::current();
    const ThemeColors& c = theme.colors();
    const ThemeMetrics& m = theme.metrics();

    setAttribute(Qt::WA_NoMousePropagation);
    setFocusPolicy(Qt::NoFocus);
    hide();

    m_card = new QFrame(this);
    m_card->setObjectName(QStringLiteral("confirmationCard"));
    m_card->setStyleSheet(
        QStringLiteral("#confirmationCard { background: %1; border: %2px solid %3; border-radius: %4px; }")
            .arg(c.surface.name())
            .arg(m.borderWidth)
            .arg(c.primary.name())
            .arg(m.radius));
    m_card->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto* cardLayout = new QVBoxLayout(m_card);
    cardLayout->setContentsMargins(2 * m.spacing, 2 * m.spacing, 2 * m.spacing, 2 * m.spacing);
    cardLayout->setSpacing(m.spacing * 3 / 2);
    m_title = new QLabel(m_card);
    m_title->setObjectName(QStringLiteral("confirmationTitle"));
    m_title->setFont(theme.font(TextRole::Title));
    m_title->setWordWrap(true);
    m_message = new QLabel(m_card);
    m_message->setObjectName(QStringLiteral("confirmationMessage"));
    m_message->setFont(theme.font(TextRole::Body));
    m_message->setWordWrap(true);
    m_message->hide();
    m_buttons = new QHBoxLayout;
    m_buttons->setSpacing(2 * m.spacing);
    cardLayout->addWidget(m_title);
    cardLayout->addWidget(m_message);
    cardLayout->addSpacing(m.spacing / 2);
    cardLayout->addLayout(m_buttons);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(2 * m.spacing, 2 * m.spacing, 2 * m.spacing, 2 * m.spacing);
    outer->addStretch(1);
    outer->addWidget(m_card, 0, Qt::AlignHCenter);
    outer->addStretch(1);

    appendChoice(QString(), ChoiceRole::Reject);
    appendChoice(QString(), ChoiceRole::Accept);
    retranslate();

    screen->installEventFilter(this);
}

void ConfirmationPanel::setTitle(const QString& title) {
    m_title->setText(title);
    setAccessibleName(title);
}

QString ConfirmationPanel::title() const {
    return m_title->text();
}

void ConfirmationPanel::setMessage(const QString& message) {
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString ConfirmationPanel::message() const {
    return m_message->text();
}

int ConfirmationPanel::addChoice(const QString& text, ChoiceRole role) {
    removeDefaultChoices();
    return appendChoice(text, role);
}

int ConfirmationPanel::appendChoice(const QString& text, ChoiceRole role) {
    auto* button = new TouchButton(text, m_card);
    button->setRole(buttonRole(role));
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // Buttons take focus even on touch screens: the panel is the one place where Enter and Escape must
    // work for the workstation's clerks.
    button->setFocusPolicy(Qt::StrongFocus);
    const int choice = int(m_choices.size());
    button->setObjectName(QStringLiteral("choice:%1").arg(choice));
    connect(button, &QPushButton::clicked, this, [this, choice] { done(choice); });
    m_buttons->addWidget(button);
    m_choices.append({button, role});
    return choice;
}

void ConfirmationPanel::removeDefaultChoices() {
    if (!m_defaultChoices)
        return;
    for (const Choice& choice : std::as_const(m_choices))
        delete choice.button;
    m_choices.clear();
    m_defaultChoices = false;
    m_defaultChoice = -1;
}

ConfirmationPanel::ChoiceRole ConfirmationPanel::choiceRole(int choice) const {
    Q_ASSERT(choice >= 0 && choice < m_choices.size());
    return m_choices[choice].role;
}

QPushButton* ConfirmationPanel::choiceButton(int choice) const {
    if (choice < 0 || choice >= m_choices.size())
        return nullptr;
    return m_choices[choice].button;
}

void ConfirmationPanel::setDefaultChoice(int choice) {
    Q_ASSERT(choice >= -1 && choice < m_choices.size());
    m_defaultChoice = choice;
}

void ConfirmationPanel::open() {
    Q_ASSERT_X(!m_choices.isEmpty(), "ConfirmationPanel::open", "a panel needs at least one choice");
    m_result = -1;
    m_focusBefore = QApplication::focusWidget();
    fitToScreen();
    show();
    raise();

    int focus = m_defaultChoice;
    if (focus < 0) {
        for (int i = 0; i < m_choices.size(); ++i) {
            if (m_choices[i].role == ChoiceRole::Reject) {
                focus = i;
                break;
            }
        }
    }
    if (focus < 0)
        focus = 0;
    m_choices[focus].button->setFocus(Qt::PopupFocusReason);
}

void ConfirmationPanel::done(int choice) {
    Q_ASSERT(choice >= -1 && choice < m_choices.size());
    if (!isOpen())
        return;
    m_result = choice;
    hide();
    if (m_focusBefore)
        m_focusBefore->setFocus(Qt::PopupFocusReason);
    Q_EMIT finished(choice);
    if (choice < 0)
        return;
    switch (m_choices[choice].role) {
    case ChoiceRole::Accept:
    case ChoiceRole::Destructive:
        Q_EMIT accepted();
        break;
    case ChoiceRole::Reject:
        Q_EMIT rejected();
        break;
    case ChoiceRole::Other:
        break;
    }
}

void ConfirmationPanel::cancel() {
    for (int i = 0; i < m_choices.size(); ++i) {
        if (m_choices[i].role == ChoiceRole::Reject) {
            done(i);
            return;
        }
    }
    done(-1);
}

ConfirmationPanel* ConfirmationPanel::ask(QWidget* screen, const QString& title, const QString& message,
                                          std::function<void(bool accepted)> onFinished) {
    auto* panel = new ConfirmationPanel(screen);
    panel->setTitle(title);
    panel->setMessage(message);
    connect(panel, &ConfirmationPanel::finished, panel,
            [panel, onFinished = std::move(onFinished)](int choice) {
                const bool yes = choice >= 0 && (panel->choiceRole(choice) == ChoiceRole::Accept ||
                                                 panel->choiceRole(choice) == ChoiceRole::Destructive);
                panel->deleteLater();
                if (onFinished)
                    onFinished(yes);
            });
    panel->open();
    return panel;
}

bool ConfirmationPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_screen && event->type() == QEvent::Resize && isOpen())
        fitToScreen();
    return QWidget::eventFilter(watched, event);
}

// A fixed card width lets the layout ask the wrapped labels for their height at that width; with a
// merely limited width it would size them for a guessed one and cut a long message off.
void ConfirmationPanel::fitToScreen() {
    setGeometry(m_screen->rect());
    m_card->setFixedWidth(
        std::min(kMaxCardWidth, m_screen->width() - 4 * Theme::current().metrics().spacing));
}

void ConfirmationPanel::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Theme::current().colors().backdrop);
}

// Taps on the veil are swallowed: they must not reach the screen underneath, and they do not close the
// panel either, since an elderly user may brush the screen by accident.
void ConfirmationPanel::mousePressEvent(QMouseEvent* event) {
    event->accept();
}

void ConfirmationPanel::mouseReleaseEvent(QMouseEvent* event) {
    event->accept();
}

void ConfirmationPanel::wheelEvent(QWheelEvent* event) {
    event->accept();
}

void ConfirmationPanel::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Escape:
        cancel();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const int choice = focusedChoice(); choice >= 0) {
            done(choice);
            return;
        }
        break;
    default:
        break;
    }
    // Nothing leaks to the screen underneath.
    event->accept();
}

bool ConfirmationPanel::focusNextPrevChild(bool next) {
    if (m_choices.isEmpty())
        return false;
    const int count = int(m_choices.size());
    const int current = focusedChoice();
    const int target = current < 0 ? 0 : (current + (next ? 1 : count - 1)) % count;
    m_choices[target].button->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
    return true;
}

void ConfirmationPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConfirmationPanel::retranslate() {
    if (!m_defaultChoices)
        return;
    m_choices[0].button->setText(tr("No"));
    m_choices[1].button->setText(tr("Yes"));
}

int ConfirmationPanel::focusedChoice() const {
    for (int i = 0; i < m_choices.size(); ++i) {
        if (m_choices[i].button->hasFocus())
            return i;
    }
    return -1;
}

} // namespace hall::touch
