#pragma once

#include "protocol/result.h"

#include <QString>

#include <chrono>
#include <functional>

class QWidget;

namespace hall::qt {

/// Saves a window as a PNG once it has been shown, is exposed and has had `settle` time to finish its
/// first layouts and queued work, then calls `done` with the outcome. Used by --screenshot, by the
/// documentation's screenshots and by GUI tests. The grab is QWidget::grab(), so it works on the
/// offscreen platform. Fails (through `done`) when the window is deleted or never exposed within 10 s,
/// or when the file cannot be written.
void saveScreenshotWhenSettled(QWidget* window, const QString& path, std::chrono::milliseconds settle,
                               std::function<void(const Status&)> done);

/// Grabs a widget now and writes it as a PNG, creating the directory when needed.
Status saveWidgetImage(QWidget* widget, const QString& path);

} // namespace hall::qt
