#include "touchui/status_banner.h"

#include "touchui/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace hall::touch {

namespace {

const ToneColors& toneFor(StatusBanner::Level level) {
    const ThemeColors& c = Theme::current().colors();
    switch (level) {
    case StatusBanner::Level::Info:
        return c.info;
    case StatusBanner::Level::Success:
        return c.success;
    case StatusBanner::Level::Warning:
        return c.warning;
    case StatusBanner::Level::Error:
        return c.error;
    }
    return c.info;
}

// Plain characters the CJK fonts have, so no icon files are needed; the style sheet puts them in a
// filled circle.
QString symbolFor(StatusBanner::Level level) {
    switch (level) {
    case StatusBanner::Level::Info:
        return QStringLiteral("i");
    case StatusBanner::Level::Success:
        return QString(QChar(0x2713)); // ✓
    case StatusBanner::Level::Warning:
        return QStringLiteral("!");
    case StatusBanner::Level::Error:
        return QString(QChar(0x00D7)); // ×
    }
    return {};
}

} // namespace

StatusBanner::StatusBanner(QWidget* parent) : QFrame(parent) {
    const Theme& theme = Theme::current();
    const ThemeMetrics& m = theme.metrics();
    setObjectName(QStringLiteral("statusBanner"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(m.spacing, m.spacing / 2, m.spacing, m.spacing / 2);
    layout->setSpacing(m.spacing);

    QFont symbolFont = theme.font(TextRole::Body);
    symbolFont.setBold(true);
    m_symbol = new QLabel(this);
    m_symbol->setObjectName(QStringLiteral("statusSymbol"));
    m_symbol->setFont(symbolFont);
    m_symbol->setAlignment(Qt::AlignCenter);
    const int symbolSize = QFontMetrics(symbolFont).height() + 4;
    m_symbol->setFixedSize(symbolSize, symbolSize);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("statusText"));
    m_text->setFont(theme.font(TextRole::Body));
    m_text->setWordWrap(true);

    layout->addWidget(m_symbol, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    setMinimumHeight(m.touchTarget);
    hide();
}

void StatusBanner::showMessage(Level level, const QString& text) {
    m_notice.reset();
    m_level = level;
    m_text->setText(text);
    applyLevel();
    show();
}

void StatusBanner::showNotice(Notice notice) {
    m_notice = notice;
    switch (notice) {
    case Notice::Offline:
        m_level = Level::Warning;
        break;
    case Notice::Reconnecting:
        m_level = Level::Info;
        break;
    case Notice::Reconnected:
        m_level = Level::Success;
        break;
    }
    retranslate();
    applyLevel();
    show();
}

void StatusBanner::clearMessage() {
    m_notice.reset();
    m_text->clear();
    hide();
}

QString StatusBanner::text() const {
    return m_text->text();
}

void StatusBanner::applyLevel() {
    const ToneColors& tone = toneFor(m_level);
    const ThemeMetrics& m = Theme::current().metrics();
    setStyleSheet(
        QStringLiteral("#statusBanner { background: %1; border: none; border-bottom: %2px solid %3; }"
                       "#statusText { color: %4; }"
                       "#statusSymbol { color: %1; background: %4; border-radius: %5px; }")
            .arg(tone.background.name())
            .arg(m.borderWidth + 2)
            .arg(tone.border.name())
            .arg(tone.text.name())
            .arg(m_symbol->width() / 2));
    m_symbol->setText(symbolFor(m_level));
    setProperty("level", int(m_level));
}

void StatusBanner::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void StatusBanner::retranslate() {
    if (!m_notice)
        return;
    switch (*m_notice) {
    case Notice::Offline:
        m_text->setText(
            tr("Offline — showing saved information. Taking a number and queries may be unavailable."));
        break;
    case Notice::Reconnecting:
        m_text->setText(tr("Connection lost. Reconnecting…"));
        break;
    case Notice::Reconnected:
        m_text->setText(tr("Connected again."));
        break;
    }
}

} // namespace hall::touch
