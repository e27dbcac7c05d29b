#include "touchui/numeric_keypad.h"

#include "touchui/theme.h"
#include "touchui/touch_button.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace hall::touch {

NumericKeypad::NumericKeypad(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::NoFocus);
    const Theme& theme = Theme::current();
    const ThemeMetrics& m = theme.metrics();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(m.spacing);

    // The message sits between the field and the keys, where the eye already is, and keeps its height
    // when empty so the keys do not jump.
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("keypadMessage"));
    m_message->setFont(theme.font(TextRole::Body));
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(QFontMetrics(m_message->font()).lineSpacing() * 2);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_message);

    auto* keys = new QWidget(this);
    m_grid = new QGridLayout(keys);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(m.spacing / 2);
    layout->addWidget(keys);
    // Extra height goes below the keys, keeping the message next to the field and the keys together.
    layout->addStretch(1);

    const auto addCharacterKey = [this](int row, int column, const QString& character) {
        KeyButton* key = addKey(row, column, 1, character, character, false);
        connect(key, &QPushButton::clicked, this, [this, character] { type(character); });
        return key;
    };
    for (int digit = 1; digit <= 9; ++digit)
        addCharacterKey((digit - 1) / 3, (digit - 1) % 3, QString::number(digit));
    addCharacterKey(3, 0, QStringLiteral("X"))->hide();
    addCharacterKey(3, 1, QStringLiteral("0"));
    KeyButton* backspace = addKey(3, 2, 1, QString(), QStringLiteral("backspace"), true);
    backspace->setAutoRepeat(true);
    connect(backspace, &QPushButton::clicked, this, [this] {
        if (m_target && m_target->isEnabled() && !m_target->isReadOnly())
            m_target->backspace();
    });
    KeyButton* clear = addKey(4, 0, 1, QString(), QStringLiteral("clear"), true);
    connect(clear, &QPushButton::clicked, this, [this] {
        if (m_target && m_target->isEnabled() && !m_target->isReadOnly())
            m_target->clear();
    });
    KeyButton* submit = addKey(4, 1, 2, QString(), QStringLiteral("submit"), true);
    setStyleRole(submit, "primary");
    connect(submit, &QPushButton::clicked, this, [this] {
        if (m_target && isAcceptable())
            Q_EMIT submitted(m_target->text());
    });

    retranslate();
    revalidate();
}

KeyButton* NumericKeypad::addKey(int row, int column, int columnSpan, const QString& label,
                                 const QString& name, bool action) {
    auto* key = new KeyButton(label, action, this);
    key->setObjectName(QStringLiteral("key:") + name);
    m_grid->addWidget(key, row, column, 1, columnSpan);
    m_keys.insert(name, key);
    return key;
}

void NumericKeypad::setTarget(QLineEdit* target) {
    disconnect(m_targetConnection);
    m_target = target;
    if (target)
        m_targetConnection = connect(target, &QLineEdit::textChanged, this, &NumericKeypad::revalidate);
    revalidate();
}

void NumericKeypad::setXEnabled(bool enabled) {
    m_xEnabled = enabled;
    m_keys.value(QStringLiteral("X"))->setVisible(enabled);
}

void NumericKeypad::setValidator(InputValidator validator) {
    m_validator = std::move(validator);
    revalidate();
}

void NumericKeypad::setSubmitVisible(bool visible) {
    m_keys.value(QStringLiteral("submit"))->setVisible(visible);
}

void NumericKeypad::type(const QString& text) {
    if (!m_target || !m_target->isEnabled() || m_target->isReadOnly())
        return;
    if (text == u"X" && !m_xEnabled)
        return;
    m_target->insert(text);
}

void NumericKeypad::revalidate() {
    const bool wasAcceptable = isAcceptable();
    const QString text = m_target ? m_target->text() : QString();
    if (m_validator) {
        m_check = m_validator(text);
    } else {
        m_check =
            InputCheck{text.isEmpty() ? InputCheck::State::Incomplete : InputCheck::State::Acceptable, {}};
    }

    const ThemeColors& c = Theme::current().colors();
    QPalette palette = m_message->palette();
    const QColor color = m_check.state == InputCheck::State::Invalid      ? c.error.text
                         : m_check.state == InputCheck::State::Acceptable ? c.success.text
                                                                          : c.textMuted;
    palette.setColor(QPalette::WindowText, color);
    m_message->setPalette(palette);
    // The palette alone loses to the application style sheet's QLabel colour.
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(color.name()));
    m_message->setText(m_check.message);
    m_message->setProperty("checkState", int(m_check.state));
    m_keys.value(QStringLiteral("submit"))->setEnabled(isAcceptable());

    if (wasAcceptable != isAcceptable())
        Q_EMIT acceptableChanged(isAcceptable());
}

void NumericKeypad::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        revalidate();
    }
    QWidget::changeEvent(event);
}

void NumericKeypad::retranslate() {
    m_keys.value(QStringLiteral("backspace"))->setText(tr("Backspace"));
    m_keys.value(QStringLiteral("clear"))->setText(tr("Clear"));
    m_keys.value(QStringLiteral("submit"))->setText(tr("OK"));
}

} // namespace hall::touch
