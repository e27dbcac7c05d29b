#include "touchui/touch_button.h"

#include "touchui/theme.h"

namespace hall::touch {

namespace {

const char* roleName(TouchButton::Role role) {
    switch (role) {
    case TouchButton::Role::Primary:
        return "primary";
    case TouchButton::Role::Secondary:
        return "secondary";
    case TouchButton::Role::Danger:
        return "danger";
    }
    return "secondary";
}

} // namespace

TouchButton::TouchButton(QWidget* parent) : TouchButton(QIcon(), QString(), parent) {}

TouchButton::TouchButton(const QString& text, QWidget* parent) : TouchButton(QIcon(), text, parent) {}

TouchButton::TouchButton(const QIcon& icon, const QString& text, QWidget* parent)
    : QPushButton(icon, text, parent) {
    const Theme& theme = Theme::current();
    setFont(theme.font(TextRole::Button));
    setIconSize(QSize(theme.metrics().iconSize, theme.metrics().iconSize));
    setMinimumHeight(theme.metrics().touchTarget);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAutoDefault(false);
    setRole(Role::Secondary);
}

void TouchButton::setRole(Role role) {
    m_role = role;
    setStyleRole(this, roleName(role));
}

QSize TouchButton::minimumSizeHint() const {
    const int target = Theme::current().metrics().touchTarget;
    return QPushButton::minimumSizeHint().expandedTo(QSize(target, target));
}

QSize TouchButton::sizeHint() const {
    const ThemeMetrics& m = Theme::current().metrics();
    QSize hint = QPushButton::sizeHint();
    // Room on both sides of the text so a short label ("是") is still a wide target.
    hint.setWidth(std::max(hint.width() + 2 * m.spacing, 2 * m.touchTarget));
    hint.setHeight(std::max(hint.height(), m.touchTarget));
    return hint;
}

KeyButton::KeyButton(const QString& text, bool action, QWidget* parent) : QPushButton(text, parent) {
    const Theme& theme = Theme::current();
    setFocusPolicy(Qt::NoFocus);
    setAutoDefault(false);
    setFont(theme.font(action ? TextRole::Button : TextRole::Key));
    setMinimumSize(theme.metrics().keyMinWidth, theme.metrics().keyHeight);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setStyleRole(this, action ? "keyAction" : "key");
}

QSize KeyButton::minimumSizeHint() const {
    const ThemeMetrics& m = Theme::current().metrics();
    return QPushButton::minimumSizeHint().expandedTo(QSize(m.keyMinWidth, m.keyHeight));
}

QSize KeyButton::sizeHint() const {
    const ThemeMetrics& m = Theme::current().metrics();
    return QPushButton::sizeHint().expandedTo(QSize(m.keyMinWidth, m.keyHeight));
}

} // namespace hall::touch
