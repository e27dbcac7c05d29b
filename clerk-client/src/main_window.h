#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace clerk {

class CallingPage;
class ClerkSession;
class LoginPage;

/// The clerk workstation: the login screen, then a header with the window and the person, a side
/// navigation ("叫号" first; applications and cases come later) and the pages.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(ClerkSession& session, QWidget* parent = nullptr);

    LoginPage* loginPage() const { return m_login; }
    CallingPage* callingPage() const { return m_calling; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showLoggedIn(bool loggedIn);
    void updateHeader();

    ClerkSession& m_session;
    QStackedWidget* m_screens = nullptr;
    LoginPage* m_login = nullptr;
    QWidget* m_workspace = nullptr;
    QLabel* m_windowName = nullptr;
    QLabel* m_person = nullptr;
    QLabel* m_connection = nullptr;
    QPushButton* m_logout = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    CallingPage* m_calling = nullptr;
};

} // namespace clerk
