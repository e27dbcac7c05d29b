#include "login_page.h"

#include "clerk_session.h"
#include "desk_style.h"

#include "touchui/status_banner.h"
#include "touchui/theme.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace clerk {

LoginPage::LoginPage(ClerkSession& session, QWidget* parent) : QWidget(parent), m_session(session) {
    const auto& theme = hall::touch::Theme::current();
    auto* card = new QWidget(this);
    card->setObjectName(QStringLiteral("loginCard"));
    card->setMaximumWidth(560);
    makeCard(card);

    m_title = new QLabel(card);
    m_title->setFont(theme.font(hall::touch::TextRole::Title));
    m_window = new QLabel(card);
    QFont windowFont = theme.font(hall::touch::TextRole::Title);
    windowFont.setPointSizeF(windowFont.pointSizeF() * 2);
    m_window->setFont(windowFont);
    m_window->setObjectName(QStringLiteral("windowName"));

    m_username = new QLineEdit(card);
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setMaxLength(64);
    m_password = new QLineEdit(card);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(128);
    m_usernameLabel = new QLabel(card);
    m_passwordLabel = new QLabel(card);
    m_usernameLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);

    m_login = new QPushButton(card);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setDefault(true);
    m_login->setMinimumHeight(theme.metrics().touchTarget);
    m_message = new hall::touch::StatusBanner(card);
    m_message->hide();
    m_connection = new QLabel(card);
    m_connection->setWordWrap(true);
    m_connection->setFont(theme.font(hall::touch::TextRole::Small));

    auto* form = new QFormLayout;
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setSpacing(theme.metrics().spacing * 2);
    cardLayout->addWidget(m_window, 0, Qt::AlignHCenter);
    cardLayout->addWidget(m_title, 0, Qt::AlignHCenter);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_login);
    cardLayout->addWidget(m_message);
    cardLayout->addWidget(m_connection);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(card, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(m_login, &QPushButton::clicked, this, &LoginPage::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(m_username, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    connect(m_username, &QLineEdit::textChanged, this, &LoginPage::updateButton);
    connect(m_password, &QLineEdit::textChanged, this, &LoginPage::updateButton);
    connect(&m_session, &ClerkSession::deviceChanged, this, &LoginPage::updateWindowLabel);
    connect(&m_session, &ClerkSession::connectionStatusChanged, this,
            [this](const QString& text, bool problem) { m_connection->setText(problem ? text : QString()); });
    connect(&m_session, &ClerkSession::loginFinished, this, [this](bool ok, const QString& message) {
        updateButton();
        if (ok) {
            m_message->hide();
            m_password->clear();
            return;
        }
        m_message->showMessage(hall::touch::StatusBanner::Level::Error, message);
        m_message->show();
        m_password->selectAll();
        m_password->setFocus();
    });
    retranslate();
    updateButton();
}

void LoginPage::prepare() {
    m_password->clear();
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
    updateWindowLabel();
}

void LoginPage::submit() {
    if (m_session.isLoginInFlight() || m_username->text().trimmed().isEmpty() || m_password->text().isEmpty())
        return;
    m_message->showMessage(hall::touch::StatusBanner::Level::Info, tr("Logging in…"));
    m_message->show();
    m_session.login(m_username->text().trimmed(), m_password->text());
    updateButton();
}

void LoginPage::updateButton() {
    m_login->setEnabled(!m_session.isLoginInFlight() && !m_username->text().trimmed().isEmpty() &&
                        !m_password->text().isEmpty());
}

void LoginPage::updateWindowLabel() {
    const QString name = m_session.windowDisplayName();
    m_window->setText(name.isEmpty() ? tr("Window not known yet") : name);
}

void LoginPage::retranslate() {
    m_title->setText(tr("Clerk login"));
    m_usernameLabel->setText(tr("&Username"));
    m_passwordLabel->setText(tr("&Password"));
    m_login->setText(tr("Log in"));
    updateWindowLabel();
}

void LoginPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace clerk
