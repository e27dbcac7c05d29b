#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hall::touch {
class StatusBanner;
}

namespace clerk {

class ClerkSession;

/// The first screen: which window this PC is, and the clerk's username and password. Errors are shown
/// under the fields in words (wrong password, account locked until when, server unreachable).
class LoginPage : public QWidget {
    Q_OBJECT

public:
    explicit LoginPage(ClerkSession& session, QWidget* parent = nullptr);

    QLineEdit* usernameField() const { return m_username; }
    QLineEdit* passwordField() const { return m_password; }
    QPushButton* loginButton() const { return m_login; }
    /// Clears the password and puts the cursor in the first empty field.
    void prepare();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void submit();
    void updateWindowLabel();
    void updateButton();

    ClerkSession& m_session;
    QLabel* m_title = nullptr;
    QLabel* m_window = nullptr;
    QLabel* m_usernameLabel = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_username = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_login = nullptr;
    hall::touch::StatusBanner* m_message = nullptr;
    QLabel* m_connection = nullptr;
};

} // namespace clerk
