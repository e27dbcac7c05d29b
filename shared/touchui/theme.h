#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

class QApplication;
class QWidget;

namespace hall::touch {

/// A background, text and border triple for banners and notices.
struct ToneColors {
    QColor background;
    QColor text;
    QColor border;
};

/// The hall's colours: calm government blue on white, every text colour at least 7:1 against the
/// background it is drawn on (WCAG AAA), so elderly citizens can read the screens.
struct ThemeColors {
    QColor primary;        ///< buttons, selected tiles, links
    QColor primaryPressed; ///< pressed feedback of primary elements
    QColor onPrimary;      ///< text on primary and primaryPressed
    QColor danger;         ///< destructive actions (cancel an application)
    QColor dangerPressed;
    QColor onDanger;
    QColor background; ///< screen background
    QColor surface;    ///< cards, tiles, keys, input fields
    QColor text;       ///< body text on background and surface
    QColor textMuted;  ///< secondary text (subtitles, hints); still 7:1 on surface
    QColor border;     ///< outlines of keys and input fields
    QColor focus;      ///< keyboard focus ring (desk profile)
    QColor disabled;   ///< background of disabled controls
    QColor onDisabled; ///< text of disabled controls, still 4.5:1
    QColor scrollTrack;
    QColor scrollHandle;
    QColor backdrop; ///< the veil behind a confirmation panel (with alpha)
    ToneColors info;
    ToneColors success;
    ToneColors warning;
    ToneColors error;
};

/// Sizes in device-independent pixels and points.
struct ThemeMetrics {
    qreal bodyPointSize;   ///< ordinary text; at least 18 pt on touch screens
    qreal smallPointSize;  ///< secondary text (subtitles, inline messages)
    qreal titlePointSize;  ///< screen and panel titles
    qreal buttonPointSize; ///< text on buttons and tiles
    qreal keyPointSize;    ///< on-screen keyboard and keypad keys
    int touchTarget;       ///< minimum height of anything pressable; at least 64 px on touch screens
    int keyHeight;         ///< keyboard and keypad keys
    int keyMinWidth;
    int tileHeight; ///< TileGrid tiles
    int tileMinWidth;
    int spacing; ///< gap between controls
    int radius;  ///< corner radius
    int borderWidth;
    int iconSize;
    int scrollBarWidth; ///< thick enough to drag with a finger
};

/// What a piece of text is, for Theme::font().
enum class TextRole { Body, Small, Title, Button, Key };

/// The hall's look in one place: palette, fonts, sizes and the application style sheet. Touch programs
/// (kiosk, counter tablet) apply Theme::touch(), the clerk workstation Theme::desk(), once at start-up
/// after ApplicationSetup::initialize(). The shared widgets read their sizes from Theme::current(), which
/// is the touch theme until another is applied.
///
/// Buttons take their look from the dynamic property "hallRole" (see setStyleRole): "primary",
/// "secondary", "danger", "key", "keyAction", "quickWord"; plain QPushButtons look like "secondary".
class Theme {
public:
    enum class Profile { Touch, Desk };

    static Theme touch();
    static Theme desk();

    /// The theme applied last (the touch theme before any).
    static const Theme& current();

    /// Sets the Fusion style, the palette, the body font size and the style sheet on the application and
    /// makes this theme current(). Widgets created before keep the sizes they were built with.
    void apply(QApplication& app) const;

    Profile profile() const { return m_profile; }
    const ThemeColors& colors() const { return m_colors; }
    const ThemeMetrics& metrics() const { return m_metrics; }

    /// The application font families (Noto Sans CJK SC first) at the role's size.
    QFont font(TextRole role) const;
    QPalette palette() const;
    QString styleSheet() const;

private:
    Theme(Profile profile, ThemeColors colors, ThemeMetrics metrics);

    Profile m_profile;
    ThemeColors m_colors;
    ThemeMetrics m_metrics;
};

/// The WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).
double contrastRatio(const QColor& a, const QColor& b);

/// Sets the "hallRole" property the style sheet keys on and re-polishes the widget so it takes effect.
void setStyleRole(QWidget* widget, const char* role);

} // namespace hall::touch
