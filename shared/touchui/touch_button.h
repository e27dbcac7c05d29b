#pragma once

#include <QPushButton>

namespace hall::touch {

/// A large push button for fingers: at least Theme::metrics().touchTarget high, button-size text, an
/// optional icon beside the text and a strong colour change while pressed (no hover effects, which a
/// touch screen cannot show). Its look comes from its Role through the theme's style sheet.
class TouchButton : public QPushButton {
    Q_OBJECT

public:
    enum class Role {
        Primary,   ///< the main action of a screen: filled blue
        Secondary, ///< other actions: white with a blue outline
        Danger,    ///< destructive actions: filled red
    };

    explicit TouchButton(QWidget* parent = nullptr);
    explicit TouchButton(const QString& text, QWidget* parent = nullptr);
    TouchButton(const QIcon& icon, const QString& text, QWidget* parent = nullptr);

    Role role() const { return m_role; }
    void setRole(Role role);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

private:
    Role m_role = Role::Secondary;
};

/// A key of the on-screen keyboard or keypad: never takes keyboard focus, so the line edit it types into
/// keeps its cursor. `action` keys (backspace, clear) get a quieter look than character keys.
class KeyButton : public QPushButton {
    Q_OBJECT

public:
    KeyButton(const QString& text, bool action, QWidget* parent = nullptr);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;
};

} // namespace hall::touch
