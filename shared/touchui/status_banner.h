#pragma once

#include <QFrame>

#include <optional>

class QLabel;

namespace hall::touch {

/// A coloured strip across the top of a screen for notices such as "offline — showing saved
/// information". Hidden while there is nothing to say. The colours come from the theme's tones, each
/// readable at 7:1; a symbol in front of the text repeats the level for those who cannot tell the colours.
class StatusBanner : public QFrame {
    Q_OBJECT

public:
    enum class Level { Info, Success, Warning, Error };

    /// Notices the banner knows the wording of, translated and retranslated by the banner itself.
    enum class Notice {
        Offline,      ///< the hall server cannot be reached; the screen shows saved information
        Reconnecting, ///< the connection dropped and is being re-established
        Reconnected,  ///< back online
    };

    explicit StatusBanner(QWidget* parent = nullptr);

    /// Shows a message the caller has translated. Call again on QEvent::LanguageChange if it should
    /// follow a language switch.
    void showMessage(Level level, const QString& text);
    /// Shows one of the built-in notices.
    void showNotice(Notice notice);
    /// Hides the banner.
    void clearMessage();

    Level level() const { return m_level; }
    QString text() const;
    bool isShowingMessage() const { return !isHidden(); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyLevel();
    void retranslate();

    Level m_level = Level::Info;
    std::optional<Notice> m_notice;
    QLabel* m_symbol = nullptr;
    QLabel* m_text = nullptr;
};

} // namespace hall::touch
