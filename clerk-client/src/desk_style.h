#pragma once

#include "touchui/theme.h"

#include <QString>
#include <QWidget>

namespace clerk {

/// A white card with the theme's border on the screen background, for the few panels the clerk's eye
/// should land on first (the active ticket, the counts, the login form).
inline void makeCard(QWidget* widget) {
    const auto& theme = hall::touch::Theme::current();
    if (widget->objectName().isEmpty())
        widget->setObjectName(QStringLiteral("card%1").arg(quintptr(widget), 0, 16));
    widget->setAttribute(Qt::WA_StyledBackground);
    widget->setStyleSheet(
        QStringLiteral("#%1 { background: %2; border: 1px solid %3; border-radius: %4px; }")
            .arg(widget->objectName(), theme.colors().surface.name(), theme.colors().border.name())
            .arg(theme.metrics().radius));
}

} // namespace clerk
