#include "catalog_store.h"
#include "catalog_sync.h"
#include "kiosk_backend.h"
#include "main_window.h"
#include "qtapp/application_setup.h"
#include "qtclient/connection_settings.h"
#include "qtclient/hall_connection.h"
#include "touchui/theme.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <cstdio>
#include <memory>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    hall::qt::ApplicationSetup setup(app, {QStringLiteral("kiosk-client"),
                                           QStringLiteral("Touch-screen inquiry kiosk."),
                                           QStringLiteral("kiosk"), 20});
    setup.parser().addOption(
        {QStringLiteral("data"),
         QStringLiteral("The kiosk's local catalog copy (SQLite). Default: in the data location."),
         QStringLiteral("file")});
    setup.parser().addOption(
        {QStringLiteral("print-dir"),
         QStringLiteral("Where printouts are saved as PDF when no printer is configured."),
         QStringLiteral("dir")});
    setup.parser().addOption(
        {QStringLiteral("idle-seconds"),
         QStringLiteral("Seconds without a touch before the kiosk goes home (default 90)."),
         QStringLiteral("seconds")});
    if (const auto exitCode = setup.initialize())
        return *exitCode;
    hall::touch::Theme::touch().apply(app);

    const QString dataLocation = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString dataFile = setup.parser().value(QStringLiteral("data"));
    if (dataFile.isEmpty()) {
        QDir().mkpath(dataLocation);
        dataFile = QDir(dataLocation).filePath(QStringLiteral("kiosk-catalog.sqlite"));
    }
    kiosk::KioskOptions options;
    options.printDirectory = setup.parser().value(QStringLiteral("print-dir"));
    if (options.printDirectory.isEmpty())
        options.printDirectory = QDir(dataLocation).filePath(QStringLiteral("prints"));
    if (setup.parser().isSet(QStringLiteral("idle-seconds"))) {
        bool ok = false;
        const int seconds = setup.parser().value(QStringLiteral("idle-seconds")).toInt(&ok);
        if (!ok || seconds < 20 || seconds > 3600) {
            std::fprintf(stderr, "kiosk-client: --idle-seconds must be 20 to 3600\n");
            return 2;
        }
        options.idleSeconds = seconds;
        options.idleWarningSeconds = std::min(15, seconds / 4);
    }

    QDir().mkpath(QFileInfo(dataFile).absolutePath());
    auto store = kiosk::CatalogStore::open(dataFile);
    if (!store) {
        std::fprintf(stderr, "kiosk-client: %s\n", store.error().message.c_str());
        return 1;
    }

    hall::qt::ConnectionSettings defaults;
    defaults.clientName = QStringLiteral("kiosk-client");
    std::unique_ptr<hall::qt::HallConnection> connection;
    if (!setup.options().configPath.isEmpty()) {
        auto settings = hall::qt::ConnectionSettings::fromIniFile(setup.options().configPath, defaults);
        if (!settings) {
            std::fprintf(stderr, "kiosk-client: %s\n", settings.error().message.c_str());
            return 2;
        }
        connection = std::make_unique<hall::qt::HallConnection>(*settings);
    } else {
        // Without a configuration the kiosk runs on its saved copy only (a demonstration or a screenshot).
        connection = std::make_unique<hall::qt::HallConnection>(defaults);
    }
    kiosk::ConnectionBackend backend(connection.get());
    kiosk::CatalogSync sync(&backend, &*store);
    sync.start();
    kiosk::MainWindow window(&backend, &sync, &setup.languages(), options);
    if (!setup.options().configPath.isEmpty()) {
        if (auto started = connection->start(); !started) {
            std::fprintf(stderr, "kiosk-client: %s\n", started.error().message.c_str());
            return 1;
        }
    }
    setup.showMainWindow(&window);
    return app.exec();
}
