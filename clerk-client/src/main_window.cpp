#include "main_window.h"

#include "calling_page.h"
#include "clerk_session.h"
#include "login_page.h"

#include "touchui/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace clerk {

MainWindow::MainWindow(ClerkSession& session, QWidget* parent) : QMainWindow(parent), m_session(session) {
    const auto& theme = hall::touch::Theme::current();
    const int spacing = theme.metrics().spacing;
    m_screens = new QStackedWidget(this);
    m_login = new LoginPage(session, m_screens);
    m_screens->addWidget(m_login);

    m_workspace = new QWidget(m_screens);
    m_windowName = new QLabel(m_workspace);
    m_windowName->setObjectName(QStringLiteral("headerWindow"));
    QFont windowFont = theme.font(hall::touch::TextRole::Title);
    windowFont.setPointSizeF(windowFont.pointSizeF() * 1.5);
    m_windowName->setFont(windowFont);
    m_person = new QLabel(m_workspace);
    m_person->setFont(theme.font(hall::touch::TextRole::Body));
    m_connection = new QLabel(m_workspace);
    m_connection->setFont(theme.font(hall::touch::TextRole::Small));
    m_logout = new QPushButton(m_workspace);
    m_logout->setObjectName(QStringLiteral("logout"));
    m_logout->setFocusPolicy(Qt::NoFocus);

    auto* header = new QHBoxLayout;
    header->setSpacing(spacing * 2);
    header->addWidget(m_windowName);
    header->addWidget(m_connection, 1);
    header->addWidget(m_person);
    header->addWidget(m_logout);

    m_navigation = new QListWidget(m_workspace);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(150);
    m_navigation->setFont(theme.font(hall::touch::TextRole::Button));
    m_navigation->setFocusPolicy(Qt::NoFocus);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget::item { padding: 12px 8px; }"));
    new QListWidgetItem(m_navigation);
    m_pages = new QStackedWidget(m_workspace);
    m_calling = new CallingPage(session.actions(), session.model(), m_pages);
    m_pages->addWidget(m_calling);
    m_navigation->setCurrentRow(0);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto* body = new QHBoxLayout;
    body->setSpacing(spacing * 2);
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    auto* layout = new QVBoxLayout(m_workspace);
    layout->setSpacing(spacing * 2);
    layout->addLayout(header);
    layout->addLayout(body, 1);
    m_screens->addWidget(m_workspace);
    setCentralWidget(m_screens);

    connect(m_logout, &QPushButton::clicked, &m_session, &ClerkSession::logout);
    connect(&m_session, &ClerkSession::loggedInChanged, this, &MainWindow::showLoggedIn);
    connect(&m_session, &ClerkSession::deviceChanged, this, &MainWindow::updateHeader);
    connect(&m_session, &ClerkSession::boardChanged, this,
            [this] { m_calling->setTransferTargets(m_session.queues(), m_session.windowsOfQueues()); });
    connect(&m_session, &ClerkSession::connectionStatusChanged, this,
            [this](const QString& text, bool problem) {
                m_connection->setText(problem ? QStringLiteral("⚠ ") + text : text);
            });
    retranslate();
    showLoggedIn(m_session.isLoggedIn());
}

void MainWindow::showLoggedIn(bool loggedIn) {
    updateHeader();
    if (loggedIn) {
        m_screens->setCurrentWidget(m_workspace);
    } else {
        m_screens->setCurrentWidget(m_login);
        m_login->prepare();
    }
}

void MainWindow::updateHeader() {
    const QString window = m_session.windowDisplayName();
    m_windowName->setText(window.isEmpty() ? tr("No window") : window);
    m_person->setText(tr("%1 (%2)").arg(m_session.personName(), m_session.personRoleText()));
    setWindowTitle(window.isEmpty() ? tr("Clerk workstation") : tr("Clerk workstation — %1").arg(window));
}

void MainWindow::retranslate() {
    m_logout->setText(tr("Log out"));
    m_navigation->item(0)->setText(tr("Calling"));
    updateHeader();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

} // namespace clerk
