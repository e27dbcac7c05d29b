#include "screens.h"

#include "domain/mobile_number.h"
#include "guide_document.h"
#include "present/call_text.h"
#include "present/window_id.h"
#include "ticket_flow.h"
#include "touchui/kinetic_scrolling.h"
#include "touchui/numeric_keypad.h"
#include "touchui/on_screen_keyboard.h"
#include "touchui/theme.h"
#include "touchui/tile_grid.h"
#include "touchui/touch_button.h"
#include "touchui/touch_item_delegate.h"

#include <QBoxLayout>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kiosk {

using hall::touch::TextRole;
using hall::touch::Theme;
using hall::touch::TouchButton;

namespace {

QListView* makeList(QWidget* parent) {
    auto* view = new QListView(parent);
    view->setItemDelegate(new hall::touch::TouchItemDelegate(view));
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setWordWrap(true);
    view->setUniformItemSizes(false);
    hall::touch::enableKineticScrolling(view);
    return view;
}

QLabel* makeLabel(TextRole role, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setFont(Theme::current().font(role));
    label->setWordWrap(true);
    return label;
}

} // namespace

// ---- ScreenHeader ----------------------------------------------------------------------------------

ScreenHeader::ScreenHeader(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_back = new TouchButton(this);
    m_home = new TouchButton(this);
    m_title = makeLabel(TextRole::Title, this);
    layout->addWidget(m_back);
    layout->addWidget(m_title, 1);
    layout->addWidget(m_home);
    connect(m_back, &QPushButton::clicked, this, &ScreenHeader::backPressed);
    connect(m_home, &QPushButton::clicked, this, &ScreenHeader::homePressed);
    retranslate();
}

void ScreenHeader::setTitle(const QString& title) {
    m_title->setText(title);
}
void ScreenHeader::setBackVisible(bool visible) {
    m_back->setVisible(visible);
}

void ScreenHeader::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ScreenHeader::retranslate() {
    m_back->setText(tr("‹ Back"));
    m_home->setText(tr("Home"));
}

// ---- TileScreen, ItemListScreen ------------------------------------------------------------------------

TileScreen::TileScreen(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_header = new ScreenHeader(this);
    m_hint = makeLabel(TextRole::Body, this);
    m_grid = new hall::touch::TileGrid(this);
    layout->addWidget(m_header);
    layout->addWidget(m_hint);
    layout->addWidget(m_grid, 1);
}

ItemListScreen::ItemListScreen(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_header = new ScreenHeader(this);
    m_model = new ItemListModel(this);
    m_view = makeList(this);
    m_view->setModel(m_model);
    layout->addWidget(m_header);
    layout->addWidget(m_view, 1);
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT itemChosen(index.data(ItemListModel::CodeRole).toString());
    });
}

// ---- SearchScreen ----------------------------------------------------------------------------------

SearchScreen::SearchScreen(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_header = new ScreenHeader(this);
    m_field = new QLineEdit(this);
    m_field->setFont(Theme::current().font(TextRole::Title));
    m_field->setMinimumHeight(Theme::current().metrics().touchTarget);
    m_count = makeLabel(TextRole::Small, this);
    m_model = new SearchModel(this);
    m_view = makeList(this);
    m_view->setModel(m_model);
    m_keyboard = new hall::touch::OnScreenKeyboard(this);
    m_keyboard->setTarget(m_field);
    m_keyboard->setSubmitVisible(false);
    m_keyboard->setQuickWords({QStringLiteral("营业执照"), QStringLiteral("社保"), QStringLiteral("医保"),
                               QStringLiteral("公积金"), QStringLiteral("户口"), QStringLiteral("不动产")});
    layout->addWidget(m_header);
    layout->addWidget(m_field);
    layout->addWidget(m_count);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_keyboard);
    connect(m_field, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_model->setQuery(text);
        updateCount();
    });
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT itemChosen(index.data(ItemListModel::CodeRole).toString());
    });
    retranslate();
}

void SearchScreen::setCatalog(CatalogHandle catalog) {
    m_model->setCatalog(std::move(catalog));
    updateCount();
}

void SearchScreen::clear() {
    m_field->clear();
}

void SearchScreen::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SearchScreen::retranslate() {
    m_header->setTitle(tr("Search for a service"));
    m_field->setPlaceholderText(tr("Type words or pinyin initials, e.g. yyzz"));
    updateCount();
}

void SearchScreen::updateCount() {
    if (m_model->query().trimmed().isEmpty())
        m_count->setText(tr("Results appear as you type."));
    else if (m_model->rowCount() == 0)
        m_count->setText(tr("Nothing found. Try fewer or other words."));
    else
        m_count->setText(tr("%n service(s) found. Tap one to read its guide.", nullptr, m_model->rowCount()));
}

// ---- GuideScreen -----------------------------------------------------------------------------------

GuideScreen::GuideScreen(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_header = new ScreenHeader(this);
    m_text = new QTextBrowser(this);
    m_text->setFont(Theme::current().font(TextRole::Body));
    m_text->setOpenLinks(false);
    m_text->setFrameShape(QFrame::NoFrame);
    hall::touch::enableKineticScrolling(m_text);
    m_qr = new QLabel(this);
    m_qrCaption = makeLabel(TextRole::Small, this);
    m_printMessage = makeLabel(TextRole::Small, this);
    m_print = new TouchButton(this);
    m_takeNumber = new TouchButton(this);
    m_takeNumber->setRole(TouchButton::Role::Primary);

    auto* bottom = new QHBoxLayout;
    auto* qrColumn = new QVBoxLayout;
    qrColumn->addWidget(m_qr);
    qrColumn->addWidget(m_qrCaption);
    bottom->addLayout(qrColumn, 1);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_takeNumber);
    buttons->addWidget(m_print);
    buttons->addWidget(m_printMessage);
    bottom->addLayout(buttons, 1);

    layout->addWidget(m_header);
    layout->addWidget(m_text, 1);
    layout->addLayout(bottom);
    connect(m_print, &QPushButton::clicked, this, [this] { Q_EMIT printRequested(m_code); });
    connect(m_takeNumber, &QPushButton::clicked, this, [this] { Q_EMIT takeNumberRequested(m_code); });
    retranslate();
}

void GuideScreen::showItem(CatalogHandle catalog, const QString& code) {
    m_catalog = std::move(catalog);
    m_code = code;
    m_printMessage->clear();
    const auto* item = m_catalog ? m_catalog->catalog.item(code.toStdString()) : nullptr;
    if (!item) {
        m_text->setHtml(
            QStringLiteral("<p>%1</p>").arg(tr("This service is no longer offered.").toHtmlEscaped()));
        m_qr->clear();
        return;
    }
    m_header->setTitle(QString::fromStdString(item->name));
    m_text->setHtml(GuideDocument::html(*m_catalog, *item));
    m_qr->setPixmap(QPixmap::fromImage(makeQrCode(guideQrText(*m_catalog, *item), 5)));
}

void GuideScreen::setTicketAvailable(bool available) {
    m_takeNumber->setEnabled(available);
}
void GuideScreen::setPrintMessage(const QString& message) {
    m_printMessage->setText(message);
}

void GuideScreen::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GuideScreen::retranslate() {
    m_print->setText(tr("Print this guide"));
    m_takeNumber->setText(tr("Take a number for this"));
    m_qrCaption->setText(tr("Scan to keep this guide on your phone."));
    if (m_catalog && !m_code.isEmpty())
        showItem(m_catalog, m_code);
}

// ---- TicketScreen ----------------------------------------------------------------------------------

TicketScreen::TicketScreen(TicketFlow* flow, QWidget* parent) : QWidget(parent), m_flow(flow) {
    auto* layout = new QVBoxLayout(this);
    m_header = new ScreenHeader(this);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_header);
    layout->addWidget(m_pages, 1);

    auto* entry = new QWidget(m_pages);
    auto* entryLayout = new QVBoxLayout(entry);
    m_choice = makeLabel(TextRole::Title, entry);
    m_mobileHint = makeLabel(TextRole::Body, entry);
    m_mobile = new QLineEdit(entry);
    m_mobile->setFont(Theme::current().font(TextRole::Title));
    m_mobile->setMinimumHeight(Theme::current().metrics().touchTarget);
    m_mobile->setMaxLength(13);
    m_keypad = new hall::touch::NumericKeypad(entry);
    m_keypad->setTarget(m_mobile);
    m_keypad->setValidator([this](const QString& text) {
        hall::touch::InputCheck check;
        QString digits = text;
        digits.remove(u' ');
        if (digits.isEmpty() || m_mobile->isReadOnly())
            return check;
        if (m_cardMode) {
            if (TicketFlow::isCitizenCardNumber(digits)) {
                check.state = hall::touch::InputCheck::State::Acceptable;
                check.message = TicketScreen::tr("Number complete. Press OK.");
            } else if (digits.size() < 8) {
                check.message = TicketScreen::tr("Keep typing: a card number has at least 8 digits.");
            } else {
                check.state = hall::touch::InputCheck::State::Invalid;
                check.message = TicketScreen::tr("This is not a citizen card number. Check the digits.");
            }
            return check;
        }
        // A prefix that can still become a valid number is incomplete, not wrong.
        if (digits.size() < 11 && hall::domain::checkMobileNumber(
                                      QString(digits + QString(11 - digits.size(), u'0')).toStdString())) {
            check.message = TicketScreen::tr("Keep typing: a mobile number has 11 digits.");
            return check;
        }
        if (hall::domain::checkMobileNumber(digits.toStdString())) {
            check.state = hall::touch::InputCheck::State::Acceptable;
            check.message = TicketScreen::tr("Number complete. Press OK.");
        } else {
            check.state = hall::touch::InputCheck::State::Invalid;
            check.message = TicketScreen::tr("This is not a mainland mobile number. Check the digits.");
        }
        return check;
    });
    m_switchMode = new TouchButton(entry);
    m_status = makeLabel(TextRole::Body, entry);
    m_issue = new TouchButton(entry);
    m_issue->setRole(TouchButton::Role::Primary);
    m_issue->setMinimumHeight(Theme::current().metrics().touchTarget * 3 / 2);
    entryLayout->addWidget(m_choice);
    entryLayout->addWidget(m_mobileHint);
    // Portrait: the keypad under the field. Landscape (1920x1080): beside it, or the page would not fit.
    m_entryBody = new QBoxLayout(QBoxLayout::LeftToRight);
    m_fieldColumn = new QVBoxLayout;
    m_fieldColumn->addWidget(m_mobile);
    m_fieldColumn->addWidget(m_switchMode);
    m_fieldColumn->addWidget(m_keypad);
    m_fieldColumn->addStretch(1);
    m_fieldColumn->addWidget(m_status);
    m_fieldColumn->addWidget(m_issue);
    m_entryBody->addLayout(m_fieldColumn, 1);
    entryLayout->addLayout(m_entryBody, 1);
    m_pages->addWidget(entry);

    auto* result = new QWidget(m_pages);
    auto* resultLayout = new QVBoxLayout(result);
    m_numberCaption = makeLabel(TextRole::Title, result);
    m_numberCaption->setAlignment(Qt::AlignCenter);
    m_number = new QLabel(result);
    QFont big = Theme::current().font(TextRole::Title);
    big.setPointSize(96);
    m_number->setFont(big);
    m_number->setAlignment(Qt::AlignCenter);
    m_details = makeLabel(TextRole::Title, result);
    m_details->setAlignment(Qt::AlignCenter);
    m_printSlip = new TouchButton(result);
    m_done = new TouchButton(result);
    m_done->setRole(TouchButton::Role::Primary);
    resultLayout->addStretch(1);
    resultLayout->addWidget(m_numberCaption);
    resultLayout->addWidget(m_number);
    resultLayout->addWidget(m_details);
    resultLayout->addStretch(1);
    resultLayout->addWidget(m_printSlip);
    resultLayout->addWidget(m_done);
    m_pages->addWidget(result);

    connect(m_keypad, &hall::touch::NumericKeypad::submitted, this, [this](const QString& text) {
        if (m_cardMode ? !m_flow->setCitizenCard(text) : !m_flow->setMobile(text))
            return;
        // Shown masked from here on: people behind the citizen can read the screen.
        m_mobile->setText(m_cardMode ? m_flow->maskedCitizenCard() : m_flow->maskedMobile());
        m_mobile->setReadOnly(true);
        m_keypad->setEnabled(false);
    });
    connect(m_switchMode, &QPushButton::clicked, this, [this] { setCardMode(!m_cardMode); });
    connect(m_issue, &QPushButton::clicked, this, [this] {
        const bool accepted =
            m_mobile->isReadOnly() || m_mobile->text().isEmpty() ||
            (m_cardMode ? m_flow->setCitizenCard(m_mobile->text()) : m_flow->setMobile(m_mobile->text()));
        if (!accepted) {
            m_status->setText(tr("Finish or clear the mobile number first."));
            return;
        }
        m_issue->setEnabled(false); // at once: a second tap must not send a second request
        m_flow->issue();
    });
    connect(m_printSlip, &QPushButton::clicked, this, &TicketScreen::printRequested);
    connect(m_done, &QPushButton::clicked, this, &TicketScreen::finished);
    connect(m_flow, &TicketFlow::availabilityChanged, this, &TicketScreen::updateAvailability);
    connect(m_flow, &TicketFlow::issued, this, &TicketScreen::showTicket);
    connect(m_flow, &TicketFlow::failed, this, [this](const QString& reason) { m_status->setText(reason); });
    retranslate();
}

void TicketScreen::showEntry() {
    m_pages->setCurrentIndex(0);
    m_status->clear();
    setCardMode(false);
}

void TicketScreen::setCardMode(bool card) {
    m_cardMode = card;
    (void)m_flow->setMobile({});
    (void)m_flow->setCitizenCard({});
    m_mobile->clear();
    m_mobile->setReadOnly(false);
    m_mobile->setMaxLength(card ? 20 : 13);
    m_keypad->setXEnabled(card);
    m_keypad->setEnabled(true);
    retranslate();
}

void TicketScreen::updateAvailability() {
    const bool can = m_flow->canIssue();
    m_issue->setEnabled(can);
    if (!can)
        m_status->setText(m_flow->unavailableReason());
    else if (m_flow->state() != TicketFlow::State::Failed)
        m_status->clear();
}

void TicketScreen::showTicket() {
    const auto& ticket = *m_flow->ticket();
    const auto language = presentLanguage();
    m_number->setText(QString::fromStdString(ticket.ticket.number));
    QStringList windows;
    for (const auto& id : ticket.windows) {
        auto parsed = hall::present::parseWindowId(id);
        windows.append(parsed ? QString::fromStdString(hall::present::windowDisplayName(*parsed, language))
                              : QString::fromStdString(id));
    }
    const std::optional<std::chrono::seconds> wait =
        ticket.estimatedWaitS > 0 ? std::optional(std::chrono::seconds(ticket.estimatedWaitS)) : std::nullopt;
    m_details->setText(
        tr("%1\nEstimated wait: %2\nPlease wait near: %3")
            .arg(QString::fromStdString(hall::present::peopleAheadText(ticket.peopleAhead, language)),
                 QString::fromStdString(hall::present::formatWaitEstimate(wait, language)),
                 windows.join(tr(", "))));
    m_pages->setCurrentIndex(1);
}

void TicketScreen::resizeEvent(QResizeEvent* event) {
    const bool landscape = width() > height();
    const bool keypadBeside = m_entryBody->indexOf(m_keypad) >= 0;
    if (landscape && !keypadBeside) {
        m_fieldColumn->removeWidget(m_keypad);
        m_entryBody->addWidget(m_keypad, 1);
    } else if (!landscape && keypadBeside) {
        m_entryBody->removeWidget(m_keypad);
        m_fieldColumn->insertWidget(2, m_keypad);
    }
    QWidget::resizeEvent(event);
}

void TicketScreen::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TicketScreen::retranslate() {
    m_header->setTitle(tr("Take a number"));
    m_choice->setText(m_flow->queueName().isEmpty() ? QString() : tr("Service: %1").arg(m_flow->queueName()));
    if (m_cardMode) {
        m_mobileHint->setText(tr("Optional: your citizen card number."));
        m_mobile->setPlaceholderText(tr("Citizen card number (optional)"));
        m_switchMode->setText(tr("Enter a mobile number instead"));
    } else {
        m_mobileHint->setText(tr("Optional: your mobile number for an SMS when your turn is near."));
        m_mobile->setPlaceholderText(tr("Mobile number (optional)"));
        m_switchMode->setText(tr("Enter a citizen card number instead"));
    }
    m_issue->setText(tr("Take a number"));
    m_numberCaption->setText(tr("Your number"));
    m_printSlip->setText(tr("Print the slip"));
    m_done->setText(tr("Done"));
    if (m_flow->ticket())
        showTicket();
    updateAvailability();
}

} // namespace kiosk
