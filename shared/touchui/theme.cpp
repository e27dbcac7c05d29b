#include "touchui/theme.h"

#include "qtapp/application_setup.h"

#include <QApplication>
#include <QMap>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <cmath>

namespace hall::touch {

namespace {

ThemeColors hallColors() {
    ThemeColors c;
    c.primary = QColor(0x0B, 0x4F, 0x9E);
    c.primaryPressed = QColor(0x07, 0x3A, 0x75);
    c.onPrimary = QColor(0xFF, 0xFF, 0xFF);
    c.danger = QColor(0xA8, 0x20, 0x1A);
    c.dangerPressed = QColor(0x7A, 0x14, 0x10);
    c.onDanger = QColor(0xFF, 0xFF, 0xFF);
    c.background = QColor(0xF2, 0xF5, 0xF9);
    c.surface = QColor(0xFF, 0xFF, 0xFF);
    c.text = QColor(0x1A, 0x23, 0x30);
    c.textMuted = QColor(0x3F, 0x4B, 0x5B);
    c.border = QColor(0x6B, 0x7A, 0x8C);
    c.focus = QColor(0xC2, 0x5E, 0x00);
    c.disabled = QColor(0xD9, 0xDF, 0xE7);
    c.onDisabled = QColor(0x3F, 0x4B, 0x5B);
    c.scrollTrack = QColor(0xDD, 0xE3, 0xEA);
    c.scrollHandle = QColor(0x5A, 0x6A, 0x7D);
    c.backdrop = QColor(0x10, 0x18, 0x24, 150);
    c.info = {QColor(0xE3, 0xED, 0xF9), QColor(0x0A, 0x3A, 0x73), QColor(0x0B, 0x4F, 0x9E)};
    c.success = {QColor(0xDD, 0xF3, 0xE4), QColor(0x14, 0x53, 0x2D), QColor(0x1E, 0x7B, 0x34)};
    c.warning = {QColor(0xFF, 0xF1, 0xC7), QColor(0x5A, 0x3A, 0x00), QColor(0xC7, 0x8A, 0x00)};
    c.error = {QColor(0xFB, 0xE3, 0xE1), QColor(0x7A, 0x14, 0x10), QColor(0xA8, 0x20, 0x1A)};
    return c;
}

Theme& currentTheme() {
    static Theme theme = Theme::touch();
    return theme;
}

double channel(double value) {
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& color) {
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

QString css(const QColor& color) {
    if (color.alpha() == 255)
        return color.name(QColor::HexRgb);
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(color.red())
        .arg(color.green())
        .arg(color.blue())
        .arg(color.alpha());
}

// The sheet is written with {name} placeholders so it reads like CSS; fill() swaps in the theme's values.
QString fill(QString sheet, const QMap<QString, QString>& values) {
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        sheet.replace(u'{' + it.key() + u'}', it.value());
    Q_ASSERT_X(!sheet.contains(QRegularExpression(QStringLiteral("\\{[A-Za-z]+\\}"))), "Theme::styleSheet",
               "a placeholder has no value");
    return sheet;
}

const char* const kSheet = R"CSS(
QMainWindow, QDialog, QWidget[hallRole="screen"] { background: {background}; }
QLabel { color: {text}; }
QLabel[hallRole="muted"] { color: {textMuted}; }

QPushButton {
    min-height: {buttonInner}px; padding: 0px {padH}px;
    border: {border}px solid {primary}; border-radius: {radius}px;
    background: {surface}; color: {primary};
}
QPushButton:pressed, QPushButton:checked { background: {primaryPressed}; border-color: {primaryPressed}; color: {onPrimary}; }
QPushButton:disabled { background: {disabled}; border-color: {disabled}; color: {onDisabled}; }
QPushButton[hallRole="primary"] { background: {primary}; color: {onPrimary}; }
QPushButton[hallRole="primary"]:pressed { background: {primaryPressed}; border-color: {primaryPressed}; }
QPushButton[hallRole="primary"]:disabled { background: {disabled}; border-color: {disabled}; color: {onDisabled}; }
QPushButton[hallRole="danger"] { background: {danger}; border-color: {danger}; color: {onDanger}; }
QPushButton[hallRole="danger"]:pressed { background: {dangerPressed}; border-color: {dangerPressed}; }
QPushButton[hallRole="key"] { min-height: {keyInner}px; padding: 0px; border-color: {borderColor}; color: {text}; }
QPushButton[hallRole="keyAction"] { min-height: {keyInner}px; padding: 0px 8px; border-color: {borderColor}; background: {scrollTrack}; color: {text}; }
QPushButton[hallRole="key"]:pressed, QPushButton[hallRole="keyAction"]:pressed { background: {primary}; border-color: {primary}; color: {onPrimary}; }
QPushButton[hallRole="keyAction"]:disabled { background: {disabled}; border-color: {disabled}; color: {onDisabled}; }
QPushButton[hallRole="quickWord"] { background: {infoBackground}; border-color: {primary}; color: {infoText}; }
QPushButton[hallRole="quickWord"]:pressed { background: {primary}; color: {onPrimary}; }

QLineEdit {
    min-height: {buttonInner}px; padding: 0px 12px;
    border: {border}px solid {borderColor}; border-radius: {radius}px;
    background: {surface}; color: {text};
    selection-background-color: {primary}; selection-color: {onPrimary};
}
QLineEdit:focus { border: {focusBorder}px solid {primary}; }

QAbstractItemView {
    background: {surface}; color: {text};
    border: {border}px solid {borderColor}; border-radius: {radius}px;
    selection-background-color: {primary}; selection-color: {onPrimary};
}

QScrollBar:vertical { width: {scroll}px; background: {scrollTrack}; margin: 0px; border: none; }
QScrollBar:horizontal { height: {scroll}px; background: {scrollTrack}; margin: 0px; border: none; }
QScrollBar::handle:vertical { min-height: {target}px; background: {scrollHandle}; border-radius: {handleRadius}px; margin: 3px; }
QScrollBar::handle:horizontal { min-width: {target}px; background: {scrollHandle}; border-radius: {handleRadius}px; margin: 3px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; background: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
)CSS";

// Only the workstation is driven by keyboard; on touch screens a focus ring would linger on the last
// button tapped and look like a selection.
const char* const kDeskFocus = R"CSS(
QPushButton:focus { border-color: {focus}; }
QPushButton[hallRole="primary"]:focus { border-color: {focus}; }
)CSS";

} // namespace

Theme::Theme(Profile profile, ThemeColors colors, ThemeMetrics metrics)
    : m_profile(profile), m_colors(std::move(colors)), m_metrics(metrics) {}

Theme Theme::touch() {
    ThemeMetrics m{};
    m.bodyPointSize = 20;
    m.smallPointSize = 18;
    m.titlePointSize = 28;
    m.buttonPointSize = 22;
    m.keyPointSize = 24;
    m.touchTarget = 72;
    m.keyHeight = 80;
    m.keyMinWidth = 64;
    m.tileHeight = 150;
    m.tileMinWidth = 260;
    m.spacing = 16;
    m.radius = 12;
    m.borderWidth = 2;
    m.iconSize = 40;
    m.scrollBarWidth = 36;
    return Theme(Profile::Touch, hallColors(), m);
}

Theme Theme::desk() {
    ThemeMetrics m{};
    m.bodyPointSize = 12;
    m.smallPointSize = 11;
    m.titlePointSize = 16;
    m.buttonPointSize = 12;
    m.keyPointSize = 14;
    m.touchTarget = 40;
    m.keyHeight = 48;
    m.keyMinWidth = 44;
    m.tileHeight = 96;
    m.tileMinWidth = 200;
    m.spacing = 8;
    m.radius = 6;
    m.borderWidth = 2;
    m.iconSize = 24;
    m.scrollBarWidth = 18;
    return Theme(Profile::Desk, hallColors(), m);
}

const Theme& Theme::current() {
    return currentTheme();
}

void Theme::apply(QApplication& app) const {
    currentTheme() = *this;
    // Fusion draws the same on every platform and honours the palette and style sheet fully.
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(palette());
    QApplication::setFont(font(TextRole::Body));
    app.setStyleSheet(styleSheet());
}

QFont Theme::font(TextRole role) const {
    qreal size = m_metrics.bodyPointSize;
    bool bold = false;
    switch (role) {
    case TextRole::Body:
        break;
    case TextRole::Small:
        size = m_metrics.smallPointSize;
        break;
    case TextRole::Title:
        size = m_metrics.titlePointSize;
        bold = true;
        break;
    case TextRole::Button:
        size = m_metrics.buttonPointSize;
        break;
    case TextRole::Key:
        size = m_metrics.keyPointSize;
        break;
    }
    QFont font = hall::qt::applicationFont(size);
    font.setBold(bold);
    return font;
}

QPalette Theme::palette() const {
    const ThemeColors& c = m_colors;
    QPalette p;
    p.setColor(QPalette::Window, c.background);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.surface);
    p.setColor(QPalette::AlternateBase, c.background);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::PlaceholderText, c.textMuted);
    p.setColor(QPalette::Button, c.surface);
    p.setColor(QPalette::ButtonText, c.primary);
    p.setColor(QPalette::Highlight, c.primary);
    p.setColor(QPalette::HighlightedText, c.onPrimary);
    p.setColor(QPalette::ToolTipBase, c.surface);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::Link, c.primary);
    p.setColor(QPalette::BrightText, c.onPrimary);
    p.setColor(QPalette::Disabled, QPalette::WindowText, c.onDisabled);
    p.setColor(QPalette::Disabled, QPalette::Text, c.onDisabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, c.onDisabled);
    p.setColor(QPalette::Disabled, QPalette::Button, c.disabled);
    return p;
}

QString Theme::styleSheet() const {
    const ThemeColors& c = m_colors;
    const ThemeMetrics& m = m_metrics;
    const QMap<QString, QString> values{
        {QStringLiteral("primary"), css(c.primary)},
        {QStringLiteral("primaryPressed"), css(c.primaryPressed)},
        {QStringLiteral("onPrimary"), css(c.onPrimary)},
        {QStringLiteral("danger"), css(c.danger)},
        {QStringLiteral("dangerPressed"), css(c.dangerPressed)},
        {QStringLiteral("onDanger"), css(c.onDanger)},
        {QStringLiteral("background"), css(c.background)},
        {QStringLiteral("surface"), css(c.surface)},
        {QStringLiteral("text"), css(c.text)},
        {QStringLiteral("textMuted"), css(c.textMuted)},
        {QStringLiteral("borderColor"), css(c.border)},
        {QStringLiteral("focus"), css(c.focus)},
        {QStringLiteral("disabled"), css(c.disabled)},
        {QStringLiteral("onDisabled"), css(c.onDisabled)},
        {QStringLiteral("scrollTrack"), css(c.scrollTrack)},
        {QStringLiteral("scrollHandle"), css(c.scrollHandle)},
        {QStringLiteral("infoBackground"), css(c.info.background)},
        {QStringLiteral("infoText"), css(c.info.text)},
        {QStringLiteral("border"), QString::number(m.borderWidth)},
        {QStringLiteral("focusBorder"), QString::number(m.borderWidth + 1)},
        {QStringLiteral("radius"), QString::number(m.radius)},
        {QStringLiteral("padH"), QString::number(m.spacing + 4)},
        // min-height sizes the content box; the borders come on top.
        {QStringLiteral("buttonInner"), QString::number(m.touchTarget - 2 * m.borderWidth)},
        {QStringLiteral("keyInner"), QString::number(m.keyHeight - 2 * m.borderWidth)},
        {QStringLiteral("target"), QString::number(m.touchTarget)},
        {QStringLiteral("scroll"), QString::number(m.scrollBarWidth)},
        {QStringLiteral("handleRadius"), QString::number((m.scrollBarWidth - 6) / 2)},
    };
    QString sheet = QString::fromUtf8(kSheet);
    if (m_profile == Profile::Desk)
        sheet += QString::fromUtf8(kDeskFocus);
    return fill(sheet, values);
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void setStyleRole(QWidget* widget, const char* role) {
    Q_ASSERT(widget);
    widget->setProperty("hallRole", QString::fromLatin1(role));
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

} // namespace hall::touch
