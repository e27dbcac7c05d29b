#pragma once

#include <QHash>
#include <QLineEdit>
#include <QPointer>
#include <QWidget>

#include <functional>

class QGridLayout;
class QLabel;
class QPushButton;

namespace hall::touch {

class KeyButton;

/// What a keypad validator says about the text typed so far.
struct InputCheck {
    enum class State {
        Incomplete, ///< fine so far, more to type (a mobile number with 7 digits)
        Acceptable, ///< complete and valid: the OK key is enabled
        Invalid,    ///< wrong as it stands (a bad ID checksum): the message shows in the error colour
    };
    State state = State::Incomplete;
    QString message; ///< one short, translated sentence shown under the keys; empty shows nothing
};

/// Checks the keypad's text; called after every change and again when the language changes, so
/// messages made with tr() follow the language.
using InputValidator = std::function<InputCheck(const QString& text)>;

/// A large keypad for mobile numbers, identity card numbers and case numbers: digits, an optional X key
/// (the last character of an ID number), backspace, clear and OK, with an inline message from an optional
/// validator. Like OnScreenKeyboard it types into a target QLineEdit without taking its focus; the target's
/// own validator and maximum length still apply.
class NumericKeypad : public QWidget {
    Q_OBJECT

public:
    explicit NumericKeypad(QWidget* parent = nullptr);

    void setTarget(QLineEdit* target);
    QLineEdit* target() const { return m_target; }

    /// Shows the X key (off by default).
    void setXEnabled(bool enabled);
    bool isXEnabled() const { return m_xEnabled; }

    /// Sets the check run on every change; an empty function means any non-empty text is acceptable.
    void setValidator(InputValidator validator);

    /// Shows or hides the OK key (shown by default).
    void setSubmitVisible(bool visible);

    /// The result of the last check.
    const InputCheck& check() const { return m_check; }
    bool isAcceptable() const { return m_check.state == InputCheck::State::Acceptable; }

    /// The message line under the keys.
    QLabel* messageLabel() const { return m_message; }

    /// The key for "0"–"9", "X", "backspace", "clear" or "submit".
    QPushButton* key(const QString& name) const { return m_keys.value(name); }

Q_SIGNALS:
    /// OK was pressed while the text was acceptable.
    void submitted(const QString& text);
    /// The check's state went from acceptable to not or back.
    void acceptableChanged(bool acceptable);

protected:
    void changeEvent(QEvent* event) override;

private:
    KeyButton* addKey(int row, int column, int columnSpan, const QString& label, const QString& name,
                      bool action);
    void type(const QString& text);
    void revalidate();
    void retranslate();

    QPointer<QLineEdit> m_target;
    QMetaObject::Connection m_targetConnection;
    InputValidator m_validator;
    InputCheck m_check;
    bool m_xEnabled = false;
    QGridLayout* m_grid = nullptr;
    QLabel* m_message = nullptr;
    QHash<QString, QPushButton*> m_keys;
};

} // namespace hall::touch
