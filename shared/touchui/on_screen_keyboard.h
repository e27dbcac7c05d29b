#pragma once

#include <QHash>
#include <QLineEdit>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace hall::touch {

class KeyButton;

/// The kiosk's on-screen keyboard for the search box: digits, Latin letters for pinyin and pinyin
/// initials ("yyzz" finds 营业执照), space, backspace, clear, a search key, and a row of quick words that
/// insert a whole word (营业执照, 社保, 医保, …). Letters show in capitals, which read more easily, and
/// type in lower case, as pinyin search expects.
///
/// The keyboard types into a target QLineEdit through QLineEdit::insert(), so the target's cursor,
/// selection, validator and maximum length apply. No key takes focus: the target keeps its cursor.
class OnScreenKeyboard : public QWidget {
    Q_OBJECT

public:
    explicit OnScreenKeyboard(QWidget* parent = nullptr);

    /// The line edit keys type into; null detaches. The keyboard does not own it.
    void setTarget(QLineEdit* target);
    QLineEdit* target() const { return m_target; }

    /// Words offered above the keys, in order. Empty hides the row.
    void setQuickWords(const QStringList& words);
    QStringList quickWords() const { return m_quickWords; }

    /// Shows or hides the search key (shown by default).
    void setSubmitVisible(bool visible);

    /// The key that types `text` ("a", "7", "营业执照") or does `action` ("backspace", "clear", "space",
    /// "submit"): for tests and for programs that disable a key.
    QPushButton* key(const QString& textOrAction) const;

Q_SIGNALS:
    /// The search key was pressed.
    void submitted();
    /// Any key changed the target's text.
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void typeText(const QString& text);
    void backspace();
    void clearTarget();
    KeyButton* addKey(int row, int column, int span, const QString& label, const QString& name, bool action);
    bool targetEditable() const;

    QPointer<QLineEdit> m_target;
    QStringList m_quickWords;
    QLabel* m_quickLabel = nullptr;
    QWidget* m_quickRow = nullptr;
    QHBoxLayout* m_quickLayout = nullptr;
    QList<QPushButton*> m_quickButtons;
    QGridLayout* m_keyGrid = nullptr;
    QHash<QString, QPushButton*> m_keys;
    KeyButton* m_backspace = nullptr;
    KeyButton* m_clear = nullptr;
    KeyButton* m_space = nullptr;
    KeyButton* m_submit = nullptr;
};

} // namespace hall::touch
