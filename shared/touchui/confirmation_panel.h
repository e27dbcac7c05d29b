#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class QFrame;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace hall::touch {

class TouchButton;

/// An on-screen confirmation: a card with a title, a message and large buttons over a dimmed copy of the
/// screen it covers. Made for screens without a keyboard: nothing behind it can be tapped while it is
/// open, and it never opens a second top-level window (a kiosk has no window manager to bring one to the
/// front). With a keyboard, Tab stays among its buttons, Escape cancels and Enter presses the focused one.
///
/// It does not block: open() returns at once and finished(choice) follows. Without addChoice() it offers
/// No (choice 0, Reject) and Yes (choice 1, Accept).
///
///     ConfirmationPanel::ask(screen, tr("Withdraw this application?"), {}, [this](bool yes) { … });
class ConfirmationPanel : public QWidget {
    Q_OBJECT

public:
    enum class ChoiceRole {
        Accept,      ///< goes ahead; primary look; emits accepted()
        Destructive, ///< goes ahead with something that cannot be undone; red; emits accepted()
        Reject,      ///< backs out; emits rejected(); what Escape and cancel() choose
        Other,       ///< a third way; only finished()
    };

    /// `screen` is the widget to cover: the current screen, or the window to block it all. The panel
    /// is its child and follows its size; it stays hidden until open().
    explicit ConfirmationPanel(QWidget* screen);

    void setTitle(const QString& title);
    QString title() const;
    void setMessage(const QString& message);
    QString message() const;

    /// Adds a button and returns its choice number (0, 1, …, in order). The first call replaces the
    /// default No/Yes pair.
    int addChoice(const QString& text, ChoiceRole role);
    int choiceCount() const { return int(m_choices.size()); }
    ChoiceRole choiceRole(int choice) const;
    QPushButton* choiceButton(int choice) const;

    /// The choice whose button gets the keyboard focus on open(); by default the first Reject choice,
    /// so a stray Enter does nothing harmful.
    void setDefaultChoice(int choice);

    /// Covers the screen and shows the panel.
    void open();
    bool isOpen() const { return isVisible(); }

    /// The last choice made, -1 before any.
    int result() const { return m_result; }

    /// Closes with a choice, as if its button had been pressed.
    void done(int choice);
    /// Closes with the first Reject choice, or with -1 when there is none (the kiosk calls this when it
    /// goes idle).
    void cancel();

    /// Opens a Yes/No panel over `screen`; calls `onFinished(accepted)` once and deletes the panel.
    static ConfirmationPanel* ask(QWidget* screen, const QString& title, const QString& message,
                                  std::function<void(bool accepted)> onFinished);

Q_SIGNALS:
    void finished(int choice);
    void accepted();
    void rejected();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void changeEvent(QEvent* event) override;

private:
    struct Choice {
        TouchButton* button;
        ChoiceRole role;
    };

    int appendChoice(const QString& text, ChoiceRole role);
    void fitToScreen();
    void removeDefaultChoices();
    void retranslate();
    int focusedChoice() const;

    QWidget* m_screen;
    QFrame* m_card = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
    QHBoxLayout* m_buttons = nullptr;
    QList<Choice> m_choices;
    bool m_defaultChoices = true;
    int m_defaultChoice = -1;
    int m_result = -1;
    QPointer<QWidget> m_focusBefore;
};

} // namespace hall::touch
