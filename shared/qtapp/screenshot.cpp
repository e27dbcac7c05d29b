#include "qtapp/screenshot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace hall::qt {

namespace {

constexpr std::chrono::milliseconds kPollInterval{20};
constexpr int kMaxPolls = 500; // 10 s

bool isExposed(const QWidget* window) {
    const QWindow* handle = window->windowHandle();
    return window->isVisible() && handle && handle->isExposed();
}

// Polls for exposure rather than filtering Expose events: the window may already be exposed when the
// request arrives, and polling treats both cases alike. The timers hang on the application, not on the
// window, so a window deleted in the meantime still ends in a call to `done`.
void waitForExposure(QPointer<QWidget> window, QString path, std::chrono::milliseconds settle,
                     std::function<void(const Status&)> done, int pollsLeft) {
    if (!window) {
        done(Error{ErrorCode::InvalidState, "the window was closed before the screenshot"});
        return;
    }
    if (!isExposed(window)) {
        if (pollsLeft == 0) {
            done(Error{ErrorCode::Timeout, "the window was never shown on screen"});
            return;
        }
        QTimer::singleShot(kPollInterval, QCoreApplication::instance(),
                           [=] { waitForExposure(window, path, settle, done, pollsLeft - 1); });
        return;
    }
    QTimer::singleShot(settle, QCoreApplication::instance(), [=] {
        if (!window) {
            done(Error{ErrorCode::InvalidState, "the window was closed before the screenshot"});
            return;
        }
        done(saveWidgetImage(window, path));
    });
}

} // namespace

void saveScreenshotWhenSettled(QWidget* window, const QString& path, std::chrono::milliseconds settle,
                               std::function<void(const Status&)> done) {
    Q_ASSERT(window);
    Q_ASSERT(done);
    QTimer::singleShot(0, QCoreApplication::instance(), [w = QPointer<QWidget>(window), path, settle, done] {
        waitForExposure(w, path, settle, done, kMaxPolls);
    });
}

Status saveWidgetImage(QWidget* widget, const QString& path) {
    Q_ASSERT(widget);
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{ErrorCode::InvalidArgument,
                     "cannot create the directory " + info.absolutePath().toStdString()};
    const QPixmap image = widget->grab();
    if (image.isNull())
        return Error{ErrorCode::Internal, "the window could not be grabbed"};
    if (!image.save(path, "PNG"))
        return Error{ErrorCode::InvalidArgument, "cannot write " + path.toStdString()};
    return success();
}

} // namespace hall::qt
