#include "tablet_screens.h"

#include "tablet_model.h"

#include "present/window_id.h"
#include "qtapp/language.h"
#include "touchui/theme.h"
#include "touchui/touch_button.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using hall::touch::TextRole;
using hall::touch::Theme;
using hall::touch::TouchButton;

namespace tablet {

namespace {

QLabel* makeLabel(TextRole role, QWidget* parent, bool muted = false, bool bold = false) {
    auto* label = new QLabel(parent);
    QFont font = Theme::current().font(role);
    if (bold)
        font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    if (muted)
        hall::touch::setStyleRole(label, "muted");
    return label;
}

QFont scaled(TextRole role, qreal factor, bool bold) {
    QFont font = Theme::current().font(role);
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QString stars(std::uint8_t level) {
    return QString(static_cast<qsizetype>(level), QChar(0x2605)); // ★
}

/// "2-07号窗口" or "Window 2-07", through the hall's one window format.
QString windowName(const std::string& window) {
    const auto id = hall::present::parseWindowId(window);
    if (!id)
        return QString::fromStdString(window);
    const auto language = QLocale().language() == QLocale::English ? hall::present::Language::English
                                                                   : hall::present::Language::Chinese;
    return QString::fromStdString(hall::present::windowDisplayName(*id, language));
}

} // namespace

QString levelText(std::uint8_t level) {
    switch (level) {
    case 5:
        return RatingScreen::tr("Very satisfied");
    case 4:
        return RatingScreen::tr("Satisfied");
    case 3:
        return RatingScreen::tr("Fairly satisfied");
    case 2:
        return RatingScreen::tr("Dissatisfied");
    case 1:
        return RatingScreen::tr("Very dissatisfied");
    default:
        return {};
    }
}

QString reasonText(hall::RatingReason reason) {
    switch (reason) {
    case hall::RatingReason::LongWait:
        return ReasonScreen::tr("Waited too long");
    case hall::RatingReason::Attitude:
        return ReasonScreen::tr("Unfriendly service");
    case hall::RatingReason::UnclearGuidance:
        return ReasonScreen::tr("Not told clearly what to do");
    case hall::RatingReason::RepeatedVisits:
        return ReasonScreen::tr("Made to come back again");
    case hall::RatingReason::SlowHandling:
        return ReasonScreen::tr("Handled too slowly");
    case hall::RatingReason::NotAtWindow:
        return ReasonScreen::tr("Nobody at the window");
    case hall::RatingReason::Other:
        return ReasonScreen::tr("Other reason");
    }
    return ReasonScreen::tr("Other reason");
}

const std::array<hall::RatingReason, 7>& offeredReasons() {
    static const std::array<hall::RatingReason, 7> reasons{hall::RatingReason::LongWait,
                                                           hall::RatingReason::Attitude,
                                                           hall::RatingReason::UnclearGuidance,
                                                           hall::RatingReason::RepeatedVisits,
                                                           hall::RatingReason::SlowHandling,
                                                           hall::RatingReason::NotAtWindow,
                                                           hall::RatingReason::Other};
    return reasons;
}

// ---- AvatarBadge ---------------------------------------------------------------------------------------

AvatarBadge::AvatarBadge(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setFixedSize(sizeHint());
}

void AvatarBadge::setSurname(const QString& surname) {
    m_surname = surname;
    update();
}

QSize AvatarBadge::sizeHint() const {
    return {220, 220};
}

void AvatarBadge::paintEvent(QPaintEvent*) {
    const hall::touch::ThemeColors& colors = Theme::current().colors();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF circle = QRectF(rect()).adjusted(4, 4, -4, -4);
    painter.setPen(QPen(colors.primary, 4));
    painter.setBrush(colors.info.background);
    painter.drawEllipse(circle);
    if (m_surname.isEmpty())
        return;
    painter.setPen(colors.primary);
    QFont font = Theme::current().font(TextRole::Title);
    font.setPixelSize(static_cast<int>(circle.height() * 0.5));
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(circle, Qt::AlignCenter, m_surname);
}

// ---- IdleScreen ----------------------------------------------------------------------------------------

IdleScreen::IdleScreen(const TabletModel& model, QWidget* parent) : QWidget(parent), m_model(model) {
    const int spacing = Theme::current().metrics().spacing;
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(spacing * 3, spacing * 2, spacing * 3, spacing * 2);
    outer->setSpacing(spacing);

    m_window = makeLabel(TextRole::Title, this, false, true);
    m_window->setFont(scaled(TextRole::Title, 1.3, true));
    m_window->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_window);
    outer->addStretch(1);

    auto* card = new QHBoxLayout;
    card->setSpacing(spacing * 3);
    card->addStretch(1);
    m_avatar = new AvatarBadge(this);
    card->addWidget(m_avatar, 0, Qt::AlignVCenter);
    auto* details = new QVBoxLayout;
    details->setSpacing(spacing);
    m_clerk = makeLabel(TextRole::Title, this);
    m_clerk->setFont(scaled(TextRole::Title, 1.6, true));
    m_staff = makeLabel(TextRole::Body, this);
    m_staff->setFont(scaled(TextRole::Body, 1.3, false));
    m_state = makeLabel(TextRole::Body, this, false, true);
    m_state->setFont(scaled(TextRole::Body, 1.3, true));
    details->addWidget(m_clerk);
    details->addWidget(m_staff);
    details->addWidget(m_state);
    card->addLayout(details);
    card->addStretch(1);
    outer->addLayout(card);
    outer->addStretch(1);

    m_current = makeLabel(TextRole::Title, this, false, true);
    m_current->setFont(scaled(TextRole::Title, 1.2, true));
    m_current->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_current);
    m_hint = makeLabel(TextRole::Body, this, true);
    m_hint->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_hint);
    m_pending = makeLabel(TextRole::Small, this, true);
    m_pending->setAlignment(Qt::AlignRight);
    outer->addWidget(m_pending);
    refresh();
}

void IdleScreen::setPendingCount(int count) {
    m_pendingCount = count;
    refresh();
}

void IdleScreen::refresh() {
    const hall::WindowView& view = m_model.window();
    m_window->setText(view.window.empty() ? tr("Counter tablet") : windowName(view.window));
    const QString name = m_model.clerkName();
    m_avatar->setSurname(surnameOf(name));
    m_avatar->setVisible(!name.isEmpty());
    m_clerk->setText(name.isEmpty() ? tr("No clerk at this window") : name);
    m_staff->setText(m_model.staffNumber().isEmpty() ? QString()
                                                     : tr("Staff number: %1").arg(m_model.staffNumber()));
    m_staff->setVisible(!m_model.staffNumber().isEmpty());
    switch (view.state) {
    case hall::WindowState::Open:
        m_state->setText(tr("Open: serving now"));
        break;
    case hall::WindowState::Paused:
        m_state->setText(tr("Paused: back soon"));
        break;
    case hall::WindowState::Closed:
        m_state->setText(tr("Closed"));
        break;
    }
    const QString current = m_model.currentNumber();
    m_current->setText(current.isEmpty() ? QString() : tr("Now serving: %1").arg(current));
    m_current->setVisible(!current.isEmpty());
    m_hint->setText(view.state == hall::WindowState::Open
                        ? tr("When your business is done, please rate our service on this screen.")
                        : QString());
    m_pending->setText(m_pendingCount > 0
                           ? tr("%n rating(s) saved on this tablet, to be sent when the network is back.",
                                nullptr, m_pendingCount)
                           : QString());
    m_pending->setVisible(m_pendingCount > 0);
}

void IdleScreen::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

// ---- RatingScreen --------------------------------------------------------------------------------------

RatingScreen::RatingScreen(TabletModel& model, QWidget* parent) : QWidget(parent), m_model(model) {
    const int spacing = Theme::current().metrics().spacing;
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(spacing * 2, spacing * 2, spacing * 2, spacing * 2);
    outer->setSpacing(spacing);
    m_title = makeLabel(TextRole::Title, this, false, true);
    m_title->setFont(scaled(TextRole::Title, 1.3, true));
    m_title->setAlignment(Qt::AlignCenter);
    m_subtitle = makeLabel(TextRole::Body, this, true);
    m_subtitle->setFont(scaled(TextRole::Body, 1.1, false));
    m_subtitle->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_title);
    outer->addWidget(m_subtitle);
    outer->addStretch(1);

    auto* row = new QHBoxLayout;
    row->setSpacing(spacing);
    for (std::uint8_t level = kHighestLevel; level >= kLowestLevel; --level) {
        // A plain button styled after its font is set: the style sheet keeps the font a widget had when
        // it was first polished, and TouchButton is polished in its constructor with the button size.
        auto* button = new QPushButton(this);
        button->setObjectName(u"level%1"_s.arg(level));
        button->setAutoDefault(false);
        button->setFont(scaled(TextRole::Button, 1.2, true));
        button->setMinimumSize(120, 300); // an explicit minimum, so the five share the row equally
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        hall::touch::setStyleRole(button, "secondary");
        // A tap that arrives after the prompt closed changes nothing; the Status says so and is not needed.
        connect(button, &QPushButton::clicked, this,
                [this, level] { static_cast<void>(m_model.chooseLevel(level)); });
        row->addWidget(button, 1); // five equal targets, whatever the label's length
        m_levels[level] = button;
    }
    outer->addLayout(row, 3);
    outer->addStretch(1);
    refresh();
}

QPushButton* RatingScreen::levelButton(std::uint8_t level) const {
    const auto it = m_levels.find(level);
    return it == m_levels.end() ? nullptr : it->second;
}

void RatingScreen::refresh() {
    m_title->setText(tr("How was our service today?"));
    const QString number = m_model.ratingTicketNumber();
    const QString clerk = m_model.clerkName();
    if (!number.isEmpty() && !clerk.isEmpty())
        m_subtitle->setText(tr("Ticket %1, served by %2. Tap one button.").arg(number, clerk));
    else if (!number.isEmpty())
        m_subtitle->setText(tr("Ticket %1. Tap one button.").arg(number));
    else
        m_subtitle->setText(tr("Tap one button."));
    for (const auto& [level, button] : m_levels)
        button->setText(stars(level) + u"\n\n"_s + levelText(level));
}

void RatingScreen::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

// ---- ReasonScreen --------------------------------------------------------------------------------------

ReasonScreen::ReasonScreen(TabletModel& model, QWidget* parent) : QWidget(parent), m_model(model) {
    const int spacing = Theme::current().metrics().spacing;
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(spacing * 2, spacing * 2, spacing * 2, spacing * 2);
    outer->setSpacing(spacing);
    m_title = makeLabel(TextRole::Title, this, false, true);
    m_title->setFont(scaled(TextRole::Title, 1.2, true));
    m_title->setAlignment(Qt::AlignCenter);
    m_subtitle = makeLabel(TextRole::Body, this, true);
    m_subtitle->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_title);
    outer->addWidget(m_subtitle);

    auto* grid = new QGridLayout;
    grid->setSpacing(spacing);
    int index = 0;
    for (hall::RatingReason reason : offeredReasons()) {
        auto* button = new TouchButton(this);
        button->setObjectName(u"reason%1"_s.arg(static_cast<int>(reason)));
        button->setMinimumHeight(104);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        connect(button, &QPushButton::clicked, this, [this, reason] {
            static_cast<void>(m_model.chooseReason(reason));
            refresh();
        });
        grid->addWidget(button, index / 2, index % 2);
        m_reasons[reason] = button;
        ++index;
    }
    outer->addLayout(grid, 1);

    auto* actions = new QHBoxLayout;
    actions->setSpacing(spacing * 2);
    m_back = new TouchButton(this);
    m_back->setObjectName(u"back"_s);
    m_submit = new TouchButton(this);
    m_submit->setObjectName(u"submit"_s);
    m_submit->setRole(TouchButton::Role::Primary);
    m_back->setMinimumHeight(96);
    m_submit->setMinimumHeight(96);
    connect(m_back, &QPushButton::clicked, this, [this] { m_model.backToLevels(); });
    connect(m_submit, &QPushButton::clicked, this, [this] {
        // Disabled until a reason is chosen; the model refuses it anyway.
        static_cast<void>(m_model.submitWithReason());
    });
    actions->addWidget(m_back, 1);
    actions->addWidget(m_submit, 2);
    outer->addLayout(actions);
    refresh();
}

QPushButton* ReasonScreen::reasonButton(hall::RatingReason reason) const {
    const auto it = m_reasons.find(reason);
    return it == m_reasons.end() ? nullptr : it->second;
}

QPushButton* ReasonScreen::submitButton() const {
    return m_submit;
}

QPushButton* ReasonScreen::backButton() const {
    return m_back;
}

void ReasonScreen::refresh() {
    const std::uint8_t level = m_model.chosenLevel();
    m_title->setText(tr("You chose “%1”. What went wrong?").arg(levelText(level)));
    m_subtitle->setText(tr("Choose one reason, then tap Submit. Your answer helps us improve."));
    const auto chosen = m_model.chosenReason();
    for (const auto& [reason, button] : m_reasons) {
        const bool selected = chosen && *chosen == reason;
        button->setText(selected ? u"✓ "_s + reasonText(reason) : reasonText(reason));
        button->setRole(selected ? TouchButton::Role::Primary : TouchButton::Role::Secondary);
    }
    m_back->setText(tr("Back"));
    m_submit->setText(chosen ? tr("Submit rating") : tr("Choose a reason first"));
    m_submit->setEnabled(chosen.has_value());
}

void ReasonScreen::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

// ---- ThanksScreen --------------------------------------------------------------------------------------

ThanksScreen::ThanksScreen(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(2);
    m_title = makeLabel(TextRole::Title, this, false, true);
    m_title->setFont(scaled(TextRole::Title, 1.6, true));
    m_title->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_title);
    outer->addStretch(3);
    m_notice = makeLabel(TextRole::Small, this, true);
    m_notice->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_notice);
    retranslate();
}

void ThanksScreen::setSavedOffline(bool savedOffline) {
    m_savedOffline = savedOffline;
    retranslate();
}

void ThanksScreen::retranslate() {
    m_title->setText(tr("Thank you for your rating!"));
    m_notice->setText(m_savedOffline
                          ? tr("Your rating is saved on this tablet and will be sent automatically.")
                          : QString());
    m_notice->setVisible(m_savedOffline);
}

void ThanksScreen::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace tablet
