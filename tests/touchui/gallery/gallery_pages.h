#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace hall::gallery {

/// The pages of the widget gallery, each a screen as a program would build it: "home" (kiosk home with
/// tiles), "search" (kiosk search with the on-screen keyboard), "keypad" (tablet ID-number entry),
/// "confirm" (tablet confirmation over a checklist), "notices" (banners and button roles).
QStringList pageNames();

/// Builds a page; null for an unknown name.
QWidget* createPage(const QString& name);

} // namespace hall::gallery
