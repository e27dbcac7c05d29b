#include "touchui/on_screen_keyboard.h"

#include "touchui/theme.h"
#include "touchui/touch_button.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace hall::touch {

namespace {

// The key grid has 20 half-key columns so rows can be offset by half a key as on a real keyboard.
constexpr int kColumns = 20;
constexpr int kRepeatDelayMs = 500;
constexpr int kRepeatIntervalMs = 100;

const char* const kRows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr int kRowOffsets[] = {0, 0, 1, 1};

} // namespace

OnScreenKeyboard::OnScreenKeyboard(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::NoFocus);
    const ThemeMetrics& m = Theme::current().metrics();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(m.spacing);

    m_quickRow = new QWidget(this);
    m_quickLayout = new QHBoxLayout(m_quickRow);
    m_quickLayout->setContentsMargins(0, 0, 0, 0);
    m_quickLayout->setSpacing(m.spacing / 2);
    m_quickLabel = new QLabel(m_quickRow);
    m_quickLabel->setFont(Theme::current().font(TextRole::Body));
    m_quickLayout->addWidget(m_quickLabel);
    m_quickLayout->addStretch(1);
    m_quickRow->hide();
    layout->addWidget(m_quickRow);

    auto* keys = new QWidget(this);
    m_keyGrid = new QGridLayout(keys);
    m_keyGrid->setContentsMargins(0, 0, 0, 0);
    m_keyGrid->setHorizontalSpacing(m.spacing / 2);
    m_keyGrid->setVerticalSpacing(m.spacing / 2);
    for (int c = 0; c < kColumns; ++c)
        m_keyGrid->setColumnStretch(c, 1);
    layout->addWidget(keys);

    for (int row = 0; row < 4; ++row) {
        const QString chars = QString::fromLatin1(kRows[row]);
        for (qsizetype i = 0; i < chars.size(); ++i) {
            const QString ch = chars.mid(i, 1);
            KeyButton* key = addKey(row, kRowOffsets[row] + 2 * int(i), 2, ch.toUpper(), ch, false);
            connect(key, &QPushButton::clicked, this, [this, ch] { typeText(ch); });
        }
    }
    m_backspace = addKey(3, 15, 5, QString(), QStringLiteral("backspace"), true);
    m_backspace->setAutoRepeat(true);
    m_backspace->setAutoRepeatDelay(kRepeatDelayMs);
    m_backspace->setAutoRepeatInterval(kRepeatIntervalMs);
    connect(m_backspace, &QPushButton::clicked, this, &OnScreenKeyboard::backspace);

    m_clear = addKey(4, 0, 4, QString(), QStringLiteral("clear"), true);
    connect(m_clear, &QPushButton::clicked, this, &OnScreenKeyboard::clearTarget);
    m_space = addKey(4, 4, 11, QString(), QStringLiteral("space"), true);
    connect(m_space, &QPushButton::clicked, this, [this] { typeText(QStringLiteral(" ")); });
    m_submit = addKey(4, 15, 5, QString(), QStringLiteral("submit"), true);
    setStyleRole(m_submit, "primary");
    connect(m_submit, &QPushButton::clicked, this, &OnScreenKeyboard::submitted);

    retranslate();
}

KeyButton* OnScreenKeyboard::addKey(int row, int column, int span, const QString& label, const QString& name,
                                    bool action) {
    auto* key = new KeyButton(label, action, this);
    key->setObjectName(QStringLiteral("key:") + name);
    m_keyGrid->addWidget(key, row, column, 1, span);
    m_keys.insert(name, key);
    return key;
}

void OnScreenKeyboard::setTarget(QLineEdit* target) {
    m_target = target;
}

void OnScreenKeyboard::setQuickWords(const QStringList& words) {
    qDeleteAll(m_quickButtons);
    m_quickButtons.clear();
    m_quickWords = words;
    const Theme& theme = Theme::current();
    for (const QString& word : words) {
        auto* button = new QPushButton(word, m_quickRow);
        button->setObjectName(QStringLiteral("word:") + word);
        button->setFocusPolicy(Qt::NoFocus);
        button->setAutoDefault(false);
        button->setFont(theme.font(TextRole::Button));
        button->setMinimumHeight(theme.metrics().touchTarget);
        setStyleRole(button, "quickWord");
        connect(button, &QPushButton::clicked, this, [this, word] { typeText(word); });
        // Before the trailing stretch, so the words stay together on the left.
        m_quickLayout->insertWidget(m_quickLayout->count() - 1, button);
        m_quickButtons.append(button);
    }
    m_quickRow->setVisible(!words.isEmpty());
}

void OnScreenKeyboard::setSubmitVisible(bool visible) {
    m_submit->setVisible(visible);
    // Without the search key the space bar takes its place.
    m_keyGrid->removeWidget(m_space);
    m_keyGrid->addWidget(m_space, 4, 4, 1, visible ? 11 : 16);
}

QPushButton* OnScreenKeyboard::key(const QString& textOrAction) const {
    if (QPushButton* key = m_keys.value(textOrAction))
        return key;
    for (QPushButton* button : m_quickButtons) {
        if (button->text() == textOrAction)
            return button;
    }
    return nullptr;
}

bool OnScreenKeyboard::targetEditable() const {
    return m_target && m_target->isEnabled() && !m_target->isReadOnly();
}

void OnScreenKeyboard::typeText(const QString& text) {
    if (!targetEditable())
        return;
    const QString before = m_target->text();
    m_target->insert(text);
    if (m_target->text() != before)
        Q_EMIT edited();
}

void OnScreenKeyboard::backspace() {
    if (!targetEditable())
        return;
    const QString before = m_target->text();
    m_target->backspace();
    if (m_target->text() != before)
        Q_EMIT edited();
}

void OnScreenKeyboard::clearTarget() {
    if (!targetEditable() || m_target->text().isEmpty())
        return;
    m_target->clear();
    Q_EMIT edited();
}

void OnScreenKeyboard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OnScreenKeyboard::retranslate() {
    m_quickLabel->setText(tr("Common:"));
    m_backspace->setText(tr("Backspace"));
    m_clear->setText(tr("Clear"));
    m_space->setText(tr("Space"));
    m_submit->setText(tr("Search"));
}

} // namespace hall::touch
